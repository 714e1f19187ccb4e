#!/usr/bin/env python3
"""Compares JsonRoundTripBenchmark runs (JMH -rf json) of several jars measured in one session.

  python3 benchmarks/compare_runs.py before=run1.json after=run2.json [before=run3.json after=run4.json ...]

For every label, each payload's generated-adapter throughput as a ratio to Moshi's reflective adapter and to Jackson
measured in the same fork series (the baseline of that run), averaged over the label's runs, with allocation per op.
"""
import json, sys
from collections import defaultdict

runs = defaultdict(list)
for arg in sys.argv[1:]:
    label, path = arg.split("=", 1)
    res = {}
    for r in json.load(open(path)):
        name = r["benchmark"].rsplit(".", 1)[1]
        if "_" not in name:
            continue
        payload, kind = name.split("_", 1)
        alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
        res[(payload, kind)] = (r["primaryMetric"]["score"], alloc)
    runs[label].append(res)

labels = list(runs)
payloads = sorted({p for rs in runs.values() for r in rs for (p, _) in r})
print("| payload | " + " | ".join(f"{l}: ours/reflective | {l}: ours/Jackson | {l}: ours B/op" for l in labels) + " |")
print("|---|" + "---:|---:|---:|" * len(labels))
for p in payloads:
    cells = []
    for l in labels:
        rr, rj, al = [], [], []
        for r in runs[l]:
            o = r.get((p, "ours"))
            if not o:
                continue
            m, j = r.get((p, "moshiReflective")), r.get((p, "jackson"))
            if m:
                rr.append(o[0] / m[0])
            if j:
                rj.append(o[0] / j[0])
            al.append(o[1] or 0)
        fmt = lambda xs: (f"{sum(xs)/len(xs):.2f}" + (f" ({min(xs):.2f}-{max(xs):.2f})" if len(xs) > 1 else "")) if xs else "-"
        cells += [fmt(rr), fmt(rj), f"{sum(al)/len(al):,.0f}" if al else "-"]
    print(f"| {p} | " + " | ".join(cells) + " |")
