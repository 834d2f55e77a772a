package main

import (
	"fmt"
	"runtime"
)

var version = "unset"

func main() {
	fmt.Printf("matrix %s %s/%s\n", version, runtime.GOOS, runtime.GOARCH)
}
