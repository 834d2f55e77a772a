#!/usr/bin/env bash
# The image goal's cost, and what an unchanged image costs to push again, for examples/sidecar
# (linux/amd64 + linux/arm64, smoke run included):
#   1. image assembly (static-go:image's own time, from its log line) as a share of `mvn verify` from an empty
#      target/ (Maven's Total time), with a warm Go cache and with a cold one (an empty GOCACHE); goal: at most 5 %
#   2. static-go:push of the image to an empty registry, then again unchanged; each round starts its own
#      docker-registry on 127.0.0.1 with fresh storage
# Needs python3, docker-registry, and the plugin in the Maven repository REPO (default ~/.m2/repository;
# after `mvn verify` with the ITs, target/local-repo holds it, and what it lacks is read from ~/.m2 as the
# ITs do, through src/it/settings.xml).
# Usage: bench/image.sh [warm verify runs] [cold verify runs] [push rounds]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
warm_runs=${1:-5}
cold_runs=${2:-2}
push_rounds=${3:-5}
repo=${REPO:-$HOME/.m2/repository}
work=$(mktemp -d)
registry_pid=
cleanup() {
  [ -n "$registry_pid" ] && kill "$registry_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
cp -r examples/sidecar "$work/sidecar"
rm -rf "$work/sidecar/target"
sed "s|@localRepositoryUrl@|file://$HOME/.m2/repository|" src/it/settings.xml > "$work/settings.xml"
mvn_sidecar() { mvn -B -o -s "$work/settings.xml" -Dmaven.repo.local="$repo" -f "$work/sidecar/pom.xml" "$@"; }

start_registry() {
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  rm -rf "$work/registry" && mkdir -p "$work/registry"
  printf 'version: 0.1\nstorage:\n  filesystem:\n    rootdirectory: %s\nhttp:\n  addr: 127.0.0.1:%s\n' \
    "$work/registry/storage" "$port" > "$work/registry/config.yml"
  docker-registry serve "$work/registry/config.yml" > "$work/registry/log" 2>&1 &
  registry_pid=$!
  for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/v2/" > /dev/null && return; sleep 0.1; done
  echo "docker-registry did not start" >&2; exit 1
}

# The median of each column of the rows on stdin (numbers separated by blanks), printed as one row.
medians() {
  python3 -c '
import statistics, sys
rows = [list(map(float, line.split())) for line in sys.stdin if line.strip()]
medians = [statistics.median(column) for column in zip(*rows)]
print(*(int(m) if m == int(m) else round(m, 2) for m in medians))'
}

# What push.json says: milliseconds, blobs uploaded, bytes uploaded.
push_figures() {
  python3 -c "import json; r = json.load(open('$work/sidecar/target/static-go-image/push.json')); \
print(r['millis'], len(r['pushed']['uploaded']), r['pushed']['uploadedBytes'])"
}

# target/ is removed rather than cleaned, so the repository needs no maven-clean-plugin.
mvn_sidecar -q verify > /dev/null  # warms the Go cache
# One verify from an empty target/ per run; $1 names the Go cache ("warm": the user's, else a new empty one).
share_of_verify() {
  local cache=$1 runs=$2 rows=()
  echo "1. image assembly as a share of mvn verify from an empty target/, $cache Go cache ($runs runs)"
  for i in $(seq "$runs"); do
    rm -rf "$work/sidecar/target" "$work/gocache"
    if [ "$cache" = warm ]; then
      log=$(mvn_sidecar verify)
    else
      log=$(GOCACHE="$work/gocache" mvn_sidecar verify)
    fi
    image_ms=$(sed -n 's/.*Image index .* in \([0-9]*\) ms:.*/\1/p' <<< "$log")
    total=$(sed -n 's/.*Total time: *\([0-9.:]*\) \(s\|min\).*/\1 \2/p' <<< "$log")
    total_ms=$(python3 -c "v,u='$total'.split(); print(int(float(v)*1000) if u=='s' else int(sum(float(x)*f for x,f in zip(v.split(':'),(60000,1000)))))")
    rows+=("$image_ms $total_ms $(python3 -c "print(100.0 * $image_ms / $total_ms)")")
    echo "  run $i: image $image_ms ms of $total_ms ms"
  done
  read -r image total share < <(printf '%s\n' "${rows[@]}" | medians)
  echo "  median: image $image ms, mvn verify $total ms, share $share % (goal <= 5 %)"
}
share_of_verify warm "$warm_runs"
share_of_verify cold "$cold_runs"

echo "2. push to an empty registry, then the unchanged image again ($push_rounds rounds)"
pushes=()
for i in $(seq "$push_rounds"); do
  start_registry
  first=$(mvn_sidecar -q static-go:image static-go:push -Dsidecar.registry="127.0.0.1:$port" > /dev/null && push_figures)
  again=$(mvn_sidecar -q static-go:push > /dev/null && push_figures)
  kill "$registry_pid"; wait "$registry_pid" 2>/dev/null || true; registry_pid=
  pushes+=("$first $again")
  echo "  round $i: first $first, again $again (ms, blobs uploaded, bytes)"
done
read -r first blobs bytes again blobs_again _ < <(printf '%s\n' "${pushes[@]}" | medians)
echo "  median: first push $first ms ($blobs blobs, $bytes bytes), unchanged again $again ms ($blobs_again blobs)"
