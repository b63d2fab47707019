//go:build !unix

package main

// processAlive reports whether a process with the given id exists; where
// brief cannot tell, it assumes so and leaves the file alone.
func processAlive(int) bool { return true }
