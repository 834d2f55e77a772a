package main

import (
	"fmt"
	"net/http"
	"os"
)

// Big enough (net/http) for UPX to have something to compress; prints one line and exits.
func main() {
	fmt.Println("packed sidecar", os.Args[0] != "", http.StatusOK)
}
