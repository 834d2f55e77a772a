package main

import (
	"encoding/json"
	"net/http"
	"os"
)

var module = "unset"

// Service a: the same std packages in every module, so the four builds meet in the Go build cache.
func main() {
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		json.NewEncoder(w).Encode(map[string]string{"service": "a", "module": module})
	})
	if len(os.Args) > 1 {
		json.NewEncoder(os.Stdout).Encode(map[string]string{"service": "a", "module": module})
		return
	}
	http.ListenAndServe(":8080", nil)
}
