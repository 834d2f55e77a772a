#!/usr/bin/env bash
# Provisioning a Go toolchain: the plugin's provisioner (download, checksum database lookup with
# inclusion proof, unpack into its cache) against go's own `GOTOOLCHAIN=go<version> go version`
# (download into an empty module cache, its checksum database check, unpack), side by side in one
# run (bench/interleaved.py), cold (empty caches before every run) and warm (caches filled; the module
# proxy then unreachable for both, so a warm run that touched the network would fail).
# The module proxy and checksum database are the real go's (go env). The plugin's time includes a JVM
# start, which inside Maven it does not pay. The version must differ from the installed go's, which
# otherwise runs itself and downloads nothing.
# Usage: bench/provision-speed.sh [cold runs] [warm runs] [go version]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cold_runs=${1:-3}
warm_runs=${2:-10}
version=${3:-1.26.7}
work=$(mktemp -d)
results=bench/results
mkdir -p "$results"
trap 'rm -rf "$work"' EXIT

mvn -B -q test-compile -Dinvoker.skip
mvn -B -q dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$work/classpath"
classpath="target/classes:target/test-classes:$(cat "$work/classpath")"
proxy=$(go env GOPROXY)
sumdb=$(go env GOSUMDB)
plugin="java -cp $classpath io.github.staticgo.bench.ProvisionBenchmark $version $work/plugin-cache"
# go's own: a fresh GOPATH (module cache and checksum database state) and no go env file.
gos="env GOENV=off GOFLAGS=-modcacherw GOPATH=$work/gopath GOMODCACHE=$work/gopath/pkg/mod GOTOOLCHAIN=go$version"

echo "== cold: empty caches"
python3 bench/interleaved.py --runs "$cold_runs" --export-json "$results/provision-cold.json" \
  --prepare "rm -rf $work/plugin-cache $work/gopath && sync" \
  -n plugin "$plugin '$proxy' '$sumdb'" \
  -n go "$gos GOPROXY='$proxy' GOSUMDB='$sumdb' go version"

echo "== warm: caches filled once more, then the proxy unreachable"
$plugin "$proxy" "$sumdb" >/dev/null
$gos GOPROXY="$proxy" GOSUMDB="$sumdb" go version >/dev/null
python3 bench/interleaved.py --runs "$warm_runs" --export-json "$results/provision-warm.json" \
  -n plugin "$plugin http://127.0.0.1:9 '$sumdb'" \
  -n go "$gos GOPROXY=off GOSUMDB='$sumdb' go version"
python3 - "$results/provision-cold.json" "$results/provision-warm.json" <<'RATIO'
import json, sys
for name, path in zip(["cold", "warm"], sys.argv[1:]):
    r = {x["command"]: x["median"] for x in json.load(open(path))["results"]}
    print(f"{name}: plugin {r['plugin']:.3f} s, go {r['go']:.3f} s, plugin/go {r['plugin'] / r['go']:.2f} x")
RATIO
