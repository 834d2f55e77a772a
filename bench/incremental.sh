#!/usr/bin/env bash
# Incremental speed (issue 16) on a generated module with eight main packages, real dependencies from
# the module proxy (github.com/google/uuid, golang.org/x/text) and three targets (24 binaries), side by
# side in one run (bench/interleaved.py takes turns):
#   1. nothing changed: `mvn package` vs the same pom with -Dstatic-go.skip (Maven loads the plugin, runs none of it)
#   2. README.md edited before each run vs nothing changed
#   3. `mvn verify` (build + test goal) vs build alone followed by a plain `go test -trimpath ./...`, with go's
#      build cache warm, and cold (emptied before every run: what the shared compile cache is for)
# Needs python3, network to the Go module proxy once (go mod tidy), and the plugin installed (mvn install).
# go's build cache is one of the benchmark's own (GOCACHE under its work directory).
# Usage: bench/incremental.sh [runs] [cold runs]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs=${1:-10}
cold_runs=${2:-2}
version=$(sed -n 's|^  <version>\(.*\)</version>|\1|p' pom.xml | head -1)
work=$(mktemp -d)
results=bench/results/incremental
mkdir -p "$results"
trap 'rm -rf "$work"' EXIT

cp bench/many-mains/pom.xml "$work/pom.xml"
go_dir="$work/src/main/go"
mkdir -p "$go_dir/internal/shared"
cat > "$go_dir/go.mod" <<'GO'
module example.com/manymains

go 1.21

require (
	github.com/google/uuid v1.6.0
	golang.org/x/text v0.21.0
)
GO
cat > "$go_dir/internal/shared/shared.go" <<'GO'
package shared

import (
	"strings"

	"github.com/google/uuid"
	"golang.org/x/text/cases"
	"golang.org/x/text/language"
)

// Title names a service and gives it an id.
func Title(name string) string {
	return cases.Title(language.English).String(strings.ReplaceAll(name, "-", " ")) + " " + uuid.NewString()
}
GO
cat > "$go_dir/internal/shared/shared_test.go" <<'GO'
package shared

import (
	"strings"
	"testing"
)

func TestTitle(t *testing.T) {
	if got := Title("order-service"); !strings.HasPrefix(got, "Order Service ") {
		t.Fatalf("got %q", got)
	}
}
GO
for i in 1 2 3 4 5 6 7 8; do
  mkdir -p "$go_dir/cmd/svc$i"
  cat > "$go_dir/cmd/svc$i/main.go" <<GO
package main

import (
	"fmt"
	"net/http"
	"os"

	"example.com/manymains/internal/shared"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == "--version" {
		fmt.Println(shared.Title("svc-$i"))
		return
	}
	http.HandleFunc("/", func(w http.ResponseWriter, _ *http.Request) { fmt.Fprintln(w, "svc$i") })
	_ = http.ListenAndServe("127.0.0.1:0", nil)
}
GO
done
echo "# many mains" > "$go_dir/README.md"
(cd "$go_dir" && go mod tidy)

export GOCACHE="$work/gocache"
mvn="mvn -B -q -o -f $work/pom.xml -Dplugin.version=$version"
$mvn verify >/dev/null   # first build, tests, records in place

echo "== 1 and 2. nothing changed, and README.md edited, vs -Dstatic-go.skip"
python3 bench/interleaved.py --warmup 1 --runs "$runs" --export-json "$results/package.json" \
  -n no-change "$mvn package -Dstatic-go.test.skip" \
  -n readme-edited "echo edit >> $go_dir/README.md && $mvn package -Dstatic-go.test.skip" \
  -n skipped "$mvn package -Dstatic-go.skip"

echo "== 3. mvn verify with the test goal vs build alone + go test -trimpath"
python3 bench/interleaved.py --warmup 1 --runs "$runs" --export-json "$results/verify.json" \
  -n verify "$mvn verify -Dstatic-go.test.count=1" \
  -n build-then-go-test "$mvn verify -Dstatic-go.test.skip && (cd $go_dir && CGO_ENABLED=0 go test -trimpath -count=1 ./... >/dev/null)"

echo "== 3, cold: go's build cache emptied before every run"
python3 bench/interleaved.py --runs "$cold_runs" --export-json "$results/verify-cold.json" \
  --prepare "rm -rf $GOCACHE $work/target" \
  -n verify "$mvn verify -Dstatic-go.test.count=1" \
  -n build-then-go-test "$mvn verify -Dstatic-go.test.skip && (cd $go_dir && CGO_ENABLED=0 go test -trimpath -count=1 ./... >/dev/null)"

python3 - "$results" <<'PY'
import json, sys
from pathlib import Path
results = Path(sys.argv[1])
def medians(name):
    return {r["command"]: r["median"] for r in json.loads((results / f"{name}.json").read_text())["results"]}
def show(label, value, goal):
    print(f"  {label:<52} {value:6.2f}x  (goal <= {goal:.2f}: {'met' if value <= goal else 'NOT met'})")
p = medians("package")
print("package (medians, s): " + ", ".join(f"{k} {v:.2f}" for k, v in p.items()))
show("no-change / -Dstatic-go.skip", p["no-change"] / p["skipped"], 1.05)
show("README edited / no-change", p["readme-edited"] / p["no-change"], 1.10)
v = medians("verify")
print("verify (medians, s): " + ", ".join(f"{k} {v:.2f}" for k, v in v.items()))
show("verify with test goal / build + go test -trimpath", v["verify"] / v["build-then-go-test"], 1.05)
c = medians("verify-cold")
print("verify, cold go cache (medians, s): " + ", ".join(f"{k} {v:.2f}" for k, v in c.items()))
show("verify with test goal / build + go test -trimpath, cold", c["verify"] / c["build-then-go-test"], 1.05)
PY
