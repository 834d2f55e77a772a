"""Prints the ratios the build-speed goals are stated in, from the JSON exports of bench/interleaved.py."""
import json
import sys
from pathlib import Path

results = Path(sys.argv[1])


def medians(name):
    data = json.loads((results / f"{name}.json").read_text())
    return {r["command"]: r["median"] for r in data["results"]}


def show(label, value, goal=None):
    verdict = "" if goal is None else ("  (goal <= %.2f: %s)" % (goal, "met" if value <= goal else "NOT met"))
    print(f"  {label:<58} {value:6.2f}x{verdict}")


cold = medians("cold")
start = cold["empty-pom"]
loop_plus_maven = cold["loop"] + start
print("1. cold Go cache (medians, s): " + ", ".join(f"{k} {v:.2f}" for k, v in cold.items()))
show("plugin threads=1 / (loop + Maven start-up)", cold["plugin-threads-1"] / loop_plus_maven, 1.05)
show("plugin default threads / (loop + Maven start-up)", cold["plugin"] / loop_plus_maven, 1.0)
show("plugin default threads / mvn-golang", cold["plugin"] / cold["mvn-golang"], 1.0)

same = medians("no-change")
print("2. nothing changed (medians, s): " + ", ".join(f"{k} {v:.2f}" for k, v in same.items()))
show("plugin / empty-pom mvn package", same["plugin"] / same["empty-pom"], 1.15)
show("plugin skipped (-Dstatic-go.skip) / empty-pom mvn package", same["plugin-skipped"] / same["empty-pom"])
show("empty-pom clean package (one no-op goal) / empty-pom package", same["empty-pom-noop-clean"] / same["empty-pom"])
show("plugin / plugin skipped", same["plugin"] / same["plugin-skipped"])
show("plugin / (loop + Maven start-up)", same["plugin"] / (same["loop"] + same["empty-pom"]))
show("plugin / mvn-golang", same["plugin"] / same["mvn-golang"], 1.0)

clean = medians("clean-package")
print("3. mvn clean package, warm Go cache (medians, s): " + ", ".join(f"{k} {v:.2f}" for k, v in clean.items()))
show("plugin / (loop + Maven start-up)", clean["plugin"] / (clean["loop"] + clean["empty-pom"]), 1.10)
show("plugin / mvn-golang", clean["plugin"] / clean["mvn-golang"], 1.0)
