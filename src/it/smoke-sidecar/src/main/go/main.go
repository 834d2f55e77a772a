// Command sidecar is a small HTTP sidecar of the kind Java services ship beside them. It uses net/http
// and os/user, the two packages that make a Go binary silently depend on libc when cgo is on.
package main

import (
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/user"
	"runtime"
)

// version is set at link time: -X main.version=${project.version}.
var version = "dev"

func main() {
	showVersion := flag.Bool("version", false, "print the version and exit")
	listen := flag.String("listen", "127.0.0.1:8081", "address to serve on")
	flag.Parse()
	if *showVersion {
		fmt.Printf("sidecar %s %s/%s\n", version, runtime.GOOS, runtime.GOARCH)
		return
	}
	http.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprintln(w, "ok")
	})
	http.HandleFunc("/whoami", func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprintln(w, currentUser())
	})
	http.HandleFunc("/resolve", func(w http.ResponseWriter, r *http.Request) {
		addrs, err := net.LookupHost(r.URL.Query().Get("host"))
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		fmt.Fprintln(w, addrs)
	})
	log.Printf("sidecar %s listening on %s", version, *listen)
	if err := http.ListenAndServe(*listen, nil); err != nil {
		log.Print(err)
		os.Exit(1)
	}
}

func currentUser() string {
	u, err := user.Current()
	if err != nil {
		return "unknown: " + err.Error()
	}
	return u.Username
}
