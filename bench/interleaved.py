"""Runs several commands in turns (round robin) and writes their timings as hyperfine's JSON export does.

hyperfine runs all runs of one command before the next, so a machine that slows down over a minute
(another tenant, the CPU's clock) tilts the comparison. Taking turns gives every command the same
conditions; the medians are then compared.

Usage: interleaved.py --runs N [--warmup W] [--prepare CMD] --export-json FILE -n NAME CMD [-n NAME CMD ...]
"""
import argparse
import json
import statistics
import subprocess
import sys
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, required=True)
    parser.add_argument("--warmup", type=int, default=0)
    parser.add_argument("--prepare", help="run before every timed command, not timed")
    parser.add_argument("--export-json", required=True)
    parser.add_argument("-n", dest="named", action="append", nargs=2, metavar=("NAME", "CMD"), required=True)
    args = parser.parse_args()
    args.names = [name for name, _ in args.named]
    args.commands = [command for _, command in args.named]

    def run(command):
        if args.prepare:
            subprocess.run(args.prepare, shell=True, check=True)
        started = time.perf_counter()
        subprocess.run(command, shell=True, check=True, stdout=subprocess.DEVNULL)
        return time.perf_counter() - started

    for _ in range(args.warmup):
        for command in args.commands:
            run(command)
    times = {name: [] for name in args.names}
    for round_number in range(args.runs):
        for name, command in zip(args.names, args.commands):
            times[name].append(run(command))
        print(f"  round {round_number + 1}/{args.runs}: "
              + ", ".join(f"{name} {times[name][-1]:.3f} s" for name in args.names), file=sys.stderr)

    results = []
    for name, command in zip(args.names, args.commands):
        t = times[name]
        results.append({"command": name, "shell_command": command, "mean": statistics.mean(t),
                         "stddev": statistics.stdev(t) if len(t) > 1 else 0.0, "median": statistics.median(t),
                         "min": min(t), "max": max(t), "times": t})
        print(f"{name:<20} median {statistics.median(t):8.3f} s   mean {statistics.mean(t):8.3f} s"
              f"   sd {results[-1]['stddev']:.3f} s   ({len(t)} runs)")
    with open(args.export_json, "w") as out:
        json.dump({"results": results, "interleaved": True}, out, indent=2)


if __name__ == "__main__":
    main()
