// A Go module proxy and checksum database on 127.0.0.1 for the provisioning tests, built on Go's own
// checksum database server (golang.org/x/mod/sumdb): its records, tiles and signed tree heads are what
// the real database serves, so the plugin's client is checked against Go's implementation, not against
// the test's idea of the protocol. Flags make it misbehave the ways the tests need.
package main

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"flag"
	"fmt"
	"io"
	"log"
	"math/big"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"golang.org/x/mod/module"
	"golang.org/x/mod/sumdb"
	"golang.org/x/mod/sumdb/dirhash"
	"golang.org/x/mod/sumdb/note"
)

const toolchainModule = "golang.org/toolchain"

func main() {
	zips := flag.String("zips", "", "directory of <version>.zip files this proxy serves as golang.org/toolchain")
	name := flag.String("name", "sumdb.test", "the checksum database's name")
	ready := flag.String("ready", "", "file to write '<port> <verifier key>' into once serving")
	requests := flag.String("requests", "", "file each request's path is appended to")
	fillers := flag.Int("fillers", 700, "other records in the tree, half before and half after the toolchains")
	grow := flag.Int("grow", 0, "more records after all others: the tree of a later run of the same database")
	fork := flag.Bool("fork", false, "other records than the usual after the toolchains: another history of the tree")
	stale := flag.Int("stale", 0, "answer lookups and /latest with the signed head of the first n records only, as a proxy's cached answer, tiles from the whole tree")
	keyFile := flag.String("key", "", "file keeping the signer key, made on first use, so servers started one after another sign as one database")
	wrongHash := flag.String("wrong-hash", "", "version whose record holds another hash than its zip's")
	badSignature := flag.Bool("bad-signature", false, "flip one byte of every tree head signature")
	alterRecord := flag.Bool("alter-record", false, "change the record text of lookups after signing")
	zipStatus := flag.Int("zip-status", 200, "HTTP status for zip downloads")
	truncate := flag.Bool("truncate", false, "send only half of each zip, after announcing its whole length")
	noSumdb := flag.Bool("no-sumdb", false, "answer 404 to /sumdb/<name>/supported")
	tlsCert := flag.String("tls-cert", "", "serve HTTPS with a new self-signed certificate for 127.0.0.1, written here as PEM")
	flag.Parse()

	skey, vkey := signerKey(*keyFile, *name)
	entries, err := os.ReadDir(*zips)
	check(err)
	sums := map[string][]byte{}
	var versions []string
	for _, entry := range entries {
		version, ok := strings.CutSuffix(entry.Name(), ".zip")
		if !ok {
			continue
		}
		zipHash, err := dirhash.HashZip(filepath.Join(*zips, entry.Name()), dirhash.Hash1)
		check(err)
		if version == *wrongHash {
			zipHash = "h1:" + strings.Repeat("A", 43) + "="
		}
		modHash, err := dirhash.Hash1([]string{"go.mod"}, func(string) (io.ReadCloser, error) {
			return io.NopCloser(strings.NewReader(goMod)), nil
		})
		check(err)
		sums[version] = []byte(fmt.Sprintf("%s %s %s\n%s %s/go.mod %s\n",
			toolchainModule, version, zipHash, toolchainModule, version, modHash))
		versions = append(versions, version)
	}
	gosum := func(path, version string) ([]byte, error) {
		if path == toolchainModule {
			if sum, ok := sums[version]; ok {
				return sum, nil
			}
			return nil, fmt.Errorf("no such version")
		}
		return []byte(fmt.Sprintf("%s %s h1:%s=\n", path, version, strings.Repeat("F", 43))), nil
	}
	// The tree: fillers, the toolchains, more fillers, so proofs need full and partial tiles on two levels.
	var records []module.Version
	for i := 0; i < *fillers/2; i++ {
		records = append(records, module.Version{Path: fmt.Sprintf("example.test/filler%d", i), Version: "v1.0.0"})
	}
	for _, version := range versions {
		records = append(records, module.Version{Path: toolchainModule, Version: version})
	}
	after := "filler"
	if *fork {
		after = "fork"
	}
	for i := *fillers / 2; i < *fillers; i++ {
		records = append(records, module.Version{Path: fmt.Sprintf("example.test/%s%d", after, i), Version: "v1.0.0"})
	}
	for i := 0; i < *grow; i++ {
		records = append(records, module.Version{Path: fmt.Sprintf("example.test/grown%d", i), Version: "v1.0.0"})
	}
	database := sumdb.NewServer(tree(skey, gosum, records))
	signing := database
	if *stale > 0 {
		signing = sumdb.NewServer(tree(skey, gosum, records[:*stale]))
	}

	var logMu sync.Mutex
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if *requests != "" {
			logMu.Lock()
			f, err := os.OpenFile(*requests, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
			check(err)
			fmt.Fprintln(f, r.URL.Path)
			f.Close()
			logMu.Unlock()
		}
		sumdbPrefix := "/sumdb/" + *name
		switch {
		case r.URL.Path == sumdbPrefix+"/supported":
			if *noSumdb {
				http.NotFound(w, r)
			}
		case strings.HasPrefix(r.URL.Path, sumdbPrefix+"/"):
			r.URL.Path = strings.TrimPrefix(r.URL.Path, sumdbPrefix)
			recorder := &bufferedResponse{header: http.Header{}, status: 200}
			if strings.HasPrefix(r.URL.Path, "/tile/") {
				database.ServeHTTP(recorder, r)
			} else {
				signing.ServeHTTP(recorder, r)
			}
			body := recorder.body.Bytes()
			if recorder.status == 200 && (strings.HasPrefix(r.URL.Path, "/lookup/") || r.URL.Path == "/latest") {
				body = misbehave(body, *badSignature, *alterRecord && strings.HasPrefix(r.URL.Path, "/lookup/"))
			}
			for key, values := range recorder.header {
				w.Header()[key] = values
			}
			w.WriteHeader(recorder.status)
			w.Write(body)
		case strings.HasPrefix(r.URL.Path, "/"+toolchainModule+"/@v/"):
			serveToolchain(w, r, *zips, strings.TrimPrefix(r.URL.Path, "/"+toolchainModule+"/@v/"), *zipStatus, *truncate)
		default:
			http.NotFound(w, r)
		}
	})
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	check(err)
	if *tlsCert != "" {
		listener = tls.NewListener(listener, &tls.Config{Certificates: []tls.Certificate{selfSigned(*tlsCert)}})
	}
	if *ready != "" {
		port := listener.Addr().(*net.TCPAddr).Port
		check(os.WriteFile(*ready+".tmp", []byte(fmt.Sprintf("%d %s\n", port, vkey)), 0o644))
		check(os.Rename(*ready+".tmp", *ready))
	}
	log.Fatal(http.Serve(listener, mux))
}

// tree is Go's own checksum database (its test server, tlog's hashing and tiles) holding records in that order.
func tree(skey string, gosum func(path, version string) ([]byte, error), records []module.Version) *sumdb.TestServer {
	ops := sumdb.NewTestServer(skey, gosum)
	for _, record := range records {
		_, err := ops.Lookup(context.Background(), record)
		check(err)
	}
	return ops
}

// signerKey returns a new key pair, or the one kept in keyFile by an earlier server (made there if none).
func signerKey(keyFile, name string) (skey, vkey string) {
	if keyFile != "" {
		if kept, err := os.ReadFile(keyFile); err == nil {
			skey, vkey, _ = strings.Cut(strings.TrimSpace(string(kept)), "\n")
			return skey, vkey
		}
	}
	skey, vkey, err := note.GenerateKey(rand.Reader, name)
	check(err)
	if keyFile != "" {
		check(os.WriteFile(keyFile, []byte(skey+"\n"+vkey+"\n"), 0o600))
	}
	return skey, vkey
}

const goMod = "module golang.org/toolchain\n"

func serveToolchain(w http.ResponseWriter, r *http.Request, zips, file string, zipStatus int, truncate bool) {
	dot := strings.LastIndex(file, ".")
	if dot < 0 {
		http.NotFound(w, r)
		return
	}
	version, kind := file[:dot], file[dot+1:]
	data, err := os.ReadFile(filepath.Join(zips, version+".zip"))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	switch kind {
	case "info":
		fmt.Fprintf(w, "{\"Version\":%q,\"Time\":\"2026-01-01T00:00:00Z\"}\n", version)
	case "mod":
		io.WriteString(w, goMod)
	case "zip":
		if zipStatus != 200 {
			http.Error(w, "failing as told", zipStatus)
			return
		}
		w.Header().Set("Content-Length", fmt.Sprint(len(data)))
		if truncate {
			w.Write(data[:len(data)/2])
			panic(http.ErrAbortHandler) // closes the connection mid-body
		}
		w.Write(data)
	default:
		http.NotFound(w, r)
	}
}

// misbehave alters a signed answer (a lookup: id, record, blank line, note; or a bare note) as told.
func misbehave(body []byte, badSignature, alterRecord bool) []byte {
	body = bytes.Clone(body)
	if badSignature {
		sig := bytes.LastIndex(body, []byte("\n\u2014 "))
		space := bytes.IndexByte(body[sig+5:], ' ') + sig + 5
		// The 10th base64 character lies in the signature proper, past the 4-byte key hash.
		if body[space+10] == 'A' {
			body[space+10] = 'B'
		} else {
			body[space+10] = 'A'
		}
	}
	if alterRecord { // a line added after the record id: the signature still holds, the inclusion proof must not
		first := bytes.IndexByte(body, '\n') + 1
		body = append(append(append([]byte{}, body[:first]...), "example.test/inserted v1.0.0 h1:AAAA=\n"...), body[first:]...)
	}
	return body
}

type bufferedResponse struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (b *bufferedResponse) Header() http.Header         { return b.header }
func (b *bufferedResponse) Write(p []byte) (int, error) { return b.body.Write(p) }
func (b *bufferedResponse) WriteHeader(status int)      { b.status = status }

func check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

// selfSigned makes a certificate for 127.0.0.1 and writes it to certFile for the client to trust.
func selfSigned(certFile string) tls.Certificate {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	check(err)
	template := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{CommonName: "127.0.0.1"},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(24 * time.Hour),
		IPAddresses:  []net.IP{net.ParseIP("127.0.0.1")},
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, template, template, &key.PublicKey, key)
	check(err)
	check(os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o644))
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}
}
