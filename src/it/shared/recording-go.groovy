// A test double around the real go, for ITs that observe which go commands each Maven run started: it records
// each `go env GOVERSION ...` (the go env that locates go) as "env" and each `go build` with its target, then hands
// over to go unchanged.
// A script evaluates this file and calls what it returns: install(basedir) in setup; in verify calls(basedir), every
// line recorded, or runs(basedir), the targets go built, one list per Maven run, for an IT whose pom marks the start
// of each run with a line "---" in go-calls.log (a run with nothing to do starts no go at all).
return [
    install: { File basedir ->
        def wrapper = new File(basedir, 'recording-go')
        wrapper.text = '''#!/bin/sh
case "$1" in
  env) [ "$2" = GOVERSION ] && echo env >> "$(dirname "$0")/go-calls.log" ;;
  build) echo "build $GOOS/$GOARCH" >> "$(dirname "$0")/go-calls.log" ;;
esac
exec go "$@"
'''
        wrapper.setExecutable(true)
        return true
    },
    calls: { File basedir ->
        def log = new File(basedir, 'go-calls.log')
        return log.exists() ? log.readLines() : []
    },
    runs: { File basedir ->
        def runs = []
        new File(basedir, 'go-calls.log').readLines().each { line ->
            if (line == '---') {
                runs << []
            } else if (line != 'env') {
                runs[-1] << line.replace('build ', '')
            }
        }
        return runs
    },
]
