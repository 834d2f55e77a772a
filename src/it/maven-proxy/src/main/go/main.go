// Prints a fresh UUID: a program with one dependency that go must download.
package main

import (
	"fmt"

	"github.com/google/uuid"
)

func main() { fmt.Println(uuid.NewString()) }
