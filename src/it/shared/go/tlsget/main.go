// Command tlsget says who it runs as, loads a time zone, and fetches an HTTPS URL with Go's default client,
// which trusts only the system's CA certificates: what an image from scratch must supply.
package main

import (
	"fmt"
	"net/http"
	"os"
	"time"
)

func main() {
	fmt.Printf("uid %d gid %d\n", os.Getuid(), os.Getgid())
	if zone, err := time.LoadLocation("Europe/Berlin"); err != nil {
		fmt.Println("zone:", err)
	} else {
		fmt.Println("zone:", time.Date(2026, 7, 1, 12, 0, 0, 0, time.UTC).In(zone).Format("15:04 MST"))
	}
	response, err := http.Get(os.Args[1])
	if err != nil {
		fmt.Println("get:", err)
		os.Exit(1)
	}
	response.Body.Close()
	fmt.Println("get:", response.Status)
}
