package greet

import "fmt"

// Hello is in its own package so that the binary records a module-relative path, which -trimpath
// must keep free of the checkout's directory.
func Hello(name string) string {
	return fmt.Sprintf("hello, %s", name)
}
