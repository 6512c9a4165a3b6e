#!/usr/bin/env python3
"""Where a strong-scaling run loses its efficiency, phase by phase.

Reads the JSON lines of bench/prove_ranks.sh (or `baobab prove --json`
outputs, one per line) and, for each run, prints per phase:
  wall      the phase's wall-clock seconds (rank 0)
  work      seconds a rank spent outside the collectives (wall minus
            communication), mean and max over the ranks
  inflation R x mean work / the R = 1 run's work: above 1, the ranks
            together do more (or slower) work than one process did
  comm      seconds in collectives (moving data, waiting for the slowest
            peer), mean and max over the ranks
  sys       kernel CPU seconds per rank, mean (page faults, mostly)
  faults    minor page faults per rank, mean
Runs without a `phases_per_rank` field are skipped.
  bench/phase_breakdown.py results.jsonl [more.jsonl ...]
"""
import json
import sys


def runs(paths):
    for path in paths:
        with open(path) as f:
            for line in f:
                line = line.strip()
                if not line.startswith("{"):
                    continue
                run = json.loads(line)
                if run.get("phases_per_rank"):
                    yield run


def mean(values):
    return sum(values) / len(values)


def summarise(run, baseline):
    per_rank = run["phases_per_rank"]
    ranks = len(per_rank)
    print(f"R = {ranks}: {run['seconds']:.3f} s")
    print(f"  {'phase':<13}{'wall':>8}{'work':>8}{'max':>8}{'inflation':>10}"
          f"{'comm':>8}{'max':>8}{'sys':>8}{'faults':>10}")
    for i, phase in enumerate(per_rank[0]):
        name = phase["name"]
        rows = [r[i] for r in per_rank]
        work = [p["seconds"] - p["communication_seconds"] for p in rows]
        comm = [p["communication_seconds"] for p in rows]
        inflation = ""
        if baseline and name in baseline and baseline[name] > 0:
            inflation = f"{ranks * mean(work) / baseline[name]:.2f}"
        print(f"  {name:<13}{phase['seconds']:8.3f}{mean(work):8.3f}{max(work):8.3f}"
              f"{inflation:>10}{mean(comm):8.3f}{max(comm):8.3f}"
              f"{mean([p['system_seconds'] for p in rows]):8.3f}"
              f"{mean([p['minor_faults'] for p in rows]):10.0f}")


def main(paths):
    all_runs = list(runs(paths))
    baseline = None
    for run in all_runs:
        if len(run["phases_per_rank"]) == 1:
            baseline = {p["name"]: p["seconds"] for p in run["phases_per_rank"][0]}
    for run in sorted(all_runs, key=lambda r: len(r["phases_per_rank"])):
        summarise(run, baseline)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
