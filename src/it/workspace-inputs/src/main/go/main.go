package main

import "fmt"

func main() { fmt.Println("workspace app") }
