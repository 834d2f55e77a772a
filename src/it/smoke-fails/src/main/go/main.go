package main

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"time"
)

var version = "dev"

// --version prints the version; --exit fails as a program with a missing config file does; --hang
// starts a child and serves forever, as a server given the wrong flags would.
func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: app --version")
		os.Exit(2)
	}
	switch os.Args[1] {
	case "--version":
		fmt.Printf("app %s %s/%s\n", version, runtime.GOOS, runtime.GOARCH)
	case "--exit":
		fmt.Fprintln(os.Stderr, "app: cannot open /etc/app.conf")
		os.Exit(4)
	case "--hang":
		child := exec.Command(os.Args[0], "--child", os.Args[2])
		child.Stdin, child.Stdout, child.Stderr = os.Stdin, os.Stdout, os.Stderr
		if err := child.Start(); err != nil {
			fmt.Println("no child:", err)
		}
		fmt.Println("serving")
		time.Sleep(time.Hour)
	case "--child":
		time.Sleep(time.Hour)
	}
}
