#!/usr/bin/env bash
# The image goal's cost, and what an unchanged image costs to push again, for examples/sidecar
# (linux/amd64 + linux/arm64, smoke run included):
#   1. the image goal's own time (from its log line) as a share of `mvn verify` (Maven's Total time), goal at most
#      5 %, in four cases side by side: nothing changed since the last verify (the image is up to date), main.go
#      edited (both binaries change, the image is assembled again), from an empty target/ with a warm Go cache,
#      and from an empty target/ with a cold one (an empty GOCACHE)
#   2. static-go:push of the image to an empty registry, then again unchanged; each round starts its own
#      docker-registry on 127.0.0.1 with fresh storage
# Needs python3, docker-registry, and the plugin in the Maven repository REPO (default ~/.m2/repository;
# after `mvn verify` with the ITs, target/local-repo holds it, and what it lacks is read from ~/.m2 as the
# ITs do, through src/it/settings.xml).
# Usage: [BASELINE_REPO=repo] bench/image.sh [runs of each warm case] [cold verify runs, 0 for none] [push rounds]
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
main_go="$work/sidecar/src/main/go/main.go"
edits=0
# One timed verify per run. $1 is the case:
#   empty:     from an empty target/, the user's (warm) Go cache: the image is assembled from nothing
#   cold:      from an empty target/ and an empty GOCACHE
#   unchanged: verify again after a verify, nothing changed: the image goal finds the image up to date
#   changed:   main.go edited (another answer of /healthz) after a verify: go compiles the main package again,
#              both binaries change and the image is assembled again
share_of_verify() {
  local case=$1 runs=$2 rows=()
  echo "1. image assembly as a share of mvn verify, $case ($runs runs)"
  for i in $(seq "$runs"); do
    case $case in
      empty|cold) rm -rf "$work/sidecar/target" "$work/gocache" ;;
      unchanged) mvn_sidecar -q verify > /dev/null ;;
      changed)
        mvn_sidecar -q verify > /dev/null
        edits=$((edits + 1))
        sed -i "s/fmt.Fprintln(w, \"ok[^\"]*\")/fmt.Fprintln(w, \"ok $edits\")/" "$main_go"
        grep -q "\"ok $edits\"" "$main_go" || { echo "main.go was not edited" >&2; exit 1; } ;;
    esac
    if [ "$case" = cold ]; then
      log=$(GOCACHE="$work/gocache" mvn_sidecar verify)
    else
      log=$(mvn_sidecar verify)
    fi
    if [ "$case" = unchanged ]; then
      grep -q 'Image up to date' <<< "$log" || { echo "the image was not up to date" >&2; exit 1; }
    else
      grep -q 'Image: assembling' <<< "$log" || { echo "the image was not assembled" >&2; exit 1; }
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
share_of_verify unchanged "$warm_runs"
share_of_verify changed "$warm_runs"
share_of_verify empty "$warm_runs"
if [ "$cold_runs" -gt 0 ]; then share_of_verify cold "$cold_runs"; fi

# With BASELINE_REPO (a Maven repository holding another build of the plugin, e.g. the commit before a change),
# from an empty target/ in turns: the baseline's image goal against REPO's, the same conditions for both.
if [ -n "${BASELINE_REPO:-}" ]; then
  echo "1b. from an empty target/, the baseline plugin ($BASELINE_REPO) and this one in turns ($warm_runs rounds)"
  turns=()
  for i in $(seq "$warm_runs"); do
    for which in baseline this; do
      rm -rf "$work/sidecar/target"
      if [ $which = baseline ]; then
        log=$(mvn -B -o -s "$work/settings.xml" -Dmaven.repo.local="$BASELINE_REPO" -f "$work/sidecar/pom.xml" verify)
      else
        log=$(mvn_sidecar verify)
      fi
      image_ms=$(sed -n 's/.*Image index .* in \([0-9]*\) ms:.*/\1/p' <<< "$log")
      total_s=$(sed -n 's/.*Total time: *\([0-9.]*\) s.*/\1/p' <<< "$log")
      echo "  round $i $which: image $image_ms ms of $total_s s"
      turns+=("$which $image_ms $total_s")
    done
  done
  for which in baseline this; do
    printf '%s\n' "${turns[@]}" | sed -n "s/^$which //p" | medians | {
      read -r image total
      echo "  median $which: image $image ms, mvn verify $total s"
    }
  done
fi

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
