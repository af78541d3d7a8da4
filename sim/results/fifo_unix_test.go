//go:build unix

package results

import "syscall"

func mkfifo(path string) error { return syscall.Mkfifo(path, 0o644) }
