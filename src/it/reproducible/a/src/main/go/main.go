package main

import (
	"fmt"
	"net/http"
	"os"

	"example.com/repro/greet"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == "serve" {
		_ = http.ListenAndServe("127.0.0.1:0", nil)
	}
	fmt.Println(greet.Hello("reproducible"))
}
