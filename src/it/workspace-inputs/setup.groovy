// Test double around the real go: it records each `go env GOVERSION ...` (the plugin's first go command,
// once per Maven run, so it separates the runs) and each `go build` with its target, then hands over to
// go unchanged.
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
