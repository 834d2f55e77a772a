package main

import (
	"fmt"
	"net"
	"os/user"
)

// net and os/user: with cgo on, both resolve through libc, so the binary needs the dynamic loader.
func main() {
	u, _ := user.Current()
	addrs, _ := net.LookupHost("localhost")
	fmt.Println(u != nil, len(addrs) > 0)
}
