//go:build !unix

package main

// processAlive reports whether process pid of this host runs; where that
// cannot be asked, every writer is taken to run, and nothing is cleaned.
func processAlive(pid int) bool { return true }
