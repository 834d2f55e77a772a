#!/usr/bin/env bash
# Analysis time of a ~2 MB and a ~200 MB Go binary, measured side by side in one run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -B -q test-compile -Dinvoker.skip
java -Xmx128m -cp target/classes:target/test-classes io.github.staticgo.bench.AnalyzerSizeBenchmark
