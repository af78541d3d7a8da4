//go:build !race

package org

const raceEnabled = false
