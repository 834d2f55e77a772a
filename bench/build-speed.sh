#!/usr/bin/env bash
# Build speed of examples/sidecar with four targets, side by side in one run; the commands of each
# part take turns (bench/interleaved.py), so a machine that speeds up or slows down treats them alike:
#   1. cold Go cache: the plugin (threads=1 and default), the same go build commands in a shell loop,
#      mvn-golang 2.3.10; Maven's own start-up measured with an empty pom
#   2. nothing changed: the plugin, the loop, mvn-golang, the empty pom, and two floors: the plugin
#      with -Dstatic-go.skip (Maven loads it and runs none of it) and the empty pom's `clean package`
#      (Maven runs one goal of another plugin, maven-clean-plugin, that has nothing to do)
#   3. mvn clean package with a warm Go cache: the plugin, mvn-golang, the loop, the empty pom
# Needs python3 and the plugin installed (mvn install).
# Usage: bench/build-speed.sh [cold runs] [warm runs] [parts, default "1 2 3"]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cold_runs=${1:-2}
warm_runs=${2:-10}
parts=${3:-1 2 3}
version=$(sed -n 's|^  <version>\(.*\)</version>|\1|p' pom.xml | head -1)
targets=linux/amd64,linux/arm64,linux/arm/7,windows/amd64
work=$(mktemp -d)
results=bench/results
mkdir -p "$results"
trap 'rm -rf "$work"' EXIT

cp -r examples/sidecar "$work/plugin"
cp -r examples/sidecar "$work/mvn-golang" && cp bench/mvn-golang/pom.xml "$work/mvn-golang/pom.xml"
mkdir -p "$work/empty" && cp bench/empty/pom.xml "$work/empty/pom.xml"
mkdir -p "$work/loop" && cp -r examples/sidecar/src "$work/loop/src"
rm -rf "$work"/*/target

# The same go build commands the plugin runs, one after the other.
cat > "$work/loop.sh" <<LOOP
#!/bin/sh
set -e
cd "$work/loop/src/main/go"
mkdir -p "$work/loop/out"
for t in linux/amd64 linux/arm64 linux/arm/7 windows/amd64; do
  os=\${t%%/*}; rest=\${t#*/}; arch=\${rest%%/*}; variant=""; ext=""
  [ "\$rest" != "\$arch" ] && variant=\${rest#*/}
  [ "\$os" = windows ] && ext=.exe
  GOOS=\$os GOARCH=\$arch GOARM=\${variant:-7} CGO_ENABLED=0 go build -o "$work/loop/out/sidecar-\$os-\$arch\${variant:+-\$variant}\$ext" \
    -trimpath -buildvcs=false -buildmode=exe "-ldflags=-buildid= -s -w -X main.version=$version" .
done
LOOP
chmod +x "$work/loop.sh"

mvn="mvn -B -q -o"
plugin="$mvn -f $work/plugin/pom.xml -Dstatic-go.targets=$targets"
golang="$mvn -f $work/mvn-golang/pom.xml -Dgo.root=$(go env GOROOT)"
empty="$mvn -f $work/empty/pom.xml package"
export GOCACHE="$work/gocache"

# Maven's own plugins (clean, ...) must be in the local repository: the runs are offline.
mvn -B -q -f "$work/empty/pom.xml" clean package >/dev/null

if [[ " $parts " == *" 1 "* ]]; then
echo "== 1. cold Go cache"
python3 bench/interleaved.py --runs "$cold_runs" --export-json "$results/cold.json" \
  --prepare "rm -rf $GOCACHE $work/*/target $work/loop/out" \
  -n loop "$work/loop.sh" \
  -n plugin-threads-1 "$plugin -Dstatic-go.threads=1 package" \
  -n plugin "$plugin package" \
  -n mvn-golang "$golang package" \
  -n empty-pom "$empty"
fi

if [[ " $parts " == *" 2 "* ]]; then
echo "== 2. nothing changed (warm Go cache, outputs in place)"
$plugin package >/dev/null && $golang package >/dev/null && "$work/loop.sh"
python3 bench/interleaved.py --warmup 1 --runs "$warm_runs" --export-json "$results/no-change.json" \
  -n loop "$work/loop.sh" \
  -n plugin "$plugin package" \
  -n mvn-golang "$golang package" \
  -n empty-pom "$empty" \
  -n plugin-skipped "$plugin -Dstatic-go.skip package" \
  -n empty-pom-noop-clean "$mvn -f $work/empty/pom.xml clean package"
fi

if [[ " $parts " == *" 3 "* ]]; then
echo "== 3. mvn clean package, warm Go cache"
python3 bench/interleaved.py --warmup 1 --runs "$warm_runs" --export-json "$results/clean-package.json" \
  -n loop "rm -rf $work/loop/out && $work/loop.sh" \
  -n plugin "$plugin clean package" \
  -n mvn-golang "$golang clean package" \
  -n empty-pom "$mvn -f $work/empty/pom.xml clean package"
fi

python3 bench/ratios.py "$results"
