// cli answers --version.
package main

import (
	"fmt"
	"os"
	"runtime"
)

var version = "dev"

func main() {
	if len(os.Args) == 2 && os.Args[1] == "--version" {
		fmt.Printf("cli %s %s/%s\n", version, runtime.GOOS, runtime.GOARCH)
		return
	}
	os.Exit(2)
}
