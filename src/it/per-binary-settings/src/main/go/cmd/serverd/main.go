// serverd answers the subcommand `version`; --version is an unknown flag (exit 1), as for etcd's server.
package main

import (
	"fmt"
	"os"
	"runtime"

	"example.com/perbinary/internal/release"
)

var version = "dev"

func main() {
	if len(os.Args) == 2 && os.Args[1] == "version" {
		fmt.Printf("serverd %s %s/%s %s\n", version, runtime.GOOS, runtime.GOARCH, release.Channel)
		return
	}
	fmt.Fprintln(os.Stderr, "unknown arguments:", os.Args[1:])
	os.Exit(1)
}
