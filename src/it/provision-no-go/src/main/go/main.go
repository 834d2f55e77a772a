package main

import (
	"fmt"
	"runtime"
)

func greeting() string { return "built with " + runtime.Version() }

func main() { fmt.Println(greeting()) }
