// langtag prints the language tag its last argument names, parsed with golang.org/x/text/language: a call
// of language.Parse, which GO-2021-0113 names, in whichever version of golang.org/x/text go.mod requires.
package main

import (
	"fmt"
	"os"

	"golang.org/x/text/language"
)

func main() {
	tag, err := language.Parse(os.Args[len(os.Args)-1])
	fmt.Println(tag, err)
}
