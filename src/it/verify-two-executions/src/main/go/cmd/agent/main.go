// Command agent uses net and os/user, which pull in libc when cgo is on.
package main

import (
	"fmt"
	"net"
	"os/user"
)

func main() {
	_, _ = user.Current()
	_, _ = net.LookupHost("localhost")
	fmt.Println("agent")
}
