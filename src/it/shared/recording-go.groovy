// A test double around the real go, for ITs that observe which go builds each Maven run started: it records
// each `go env GOVERSION ...` (the plugin's first go command, once per Maven run, so it separates the runs)
// and each `go build` with its target, then hands over to go unchanged.
// A script evaluates this file and calls what it returns: install(basedir) in setup, runs(basedir) in verify,
// which gives the targets go built, one list per Maven run.
return [
    install: { File basedir ->
        def wrapper = new File(basedir, 'recording-go')
        wrapper.text = '''#!/bin/sh
case "$1" in
  env) [ "$2" = GOVERSION ] && echo --- >> "$(dirname "$0")/go-calls.log" ;;
  build) echo "build $GOOS/$GOARCH" >> "$(dirname "$0")/go-calls.log" ;;
esac
exec go "$@"
'''
        wrapper.setExecutable(true)
        return true
    },
    runs: { File basedir ->
        def runs = []
        new File(basedir, 'go-calls.log').readLines().each { line ->
            if (line == '---') {
                runs << []
            } else {
                runs[-1] << line.replace('build ', '')
            }
        }
        return runs
    },
]
