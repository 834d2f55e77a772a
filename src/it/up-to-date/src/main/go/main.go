package main

import (
	_ "embed"
	"fmt"

	"example.com/lib"
)

//go:embed banner.txt
var banner string

var version = "dev"

func main() {
	fmt.Println(banner, lib.Name, version)
}
