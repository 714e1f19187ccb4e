#!/usr/bin/env python3
"""ClientOverheadBenchmark JMH JSON result (-rf json, modes thrpt and avgt, -prof gc) to the README tables."""
import json
import math
import sys

runs = json.load(open(sys.argv[1]))
rows = {}
for r in runs:
    if "ClientOverheadBenchmark" not in r["benchmark"]:
        continue
    name = r["benchmark"].rsplit(".", 1)[1]
    pm = r["primaryMetric"]
    row = rows.setdefault(name, {})
    scale = 1e6 if pm["scoreUnit"] == "ops/us" else 1.0  # ops/us -> ops/s
    row[r["mode"]] = (pm["score"] * scale, pm["scoreError"] * scale)
    alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm") or r.get("secondaryMetrics", {}).get("·gc.alloc.rate.norm")
    if alloc and r["mode"] == "avgt":
        row["alloc"] = alloc["score"]


def fmt(v, e, digits=1):
    return f"{v:,.{digits}f} ± {e:,.{digits}f}"


def ratio(a, b):
    (va, ea), (vb, eb) = a, b
    r = va / vb
    return r, r * math.sqrt((ea / va) ** 2 + (eb / vb) ** 2)


order = ["raw", "rawDecode", "rawEncodeDecode", "facadeKeySet", "facade"]
print("| benchmark | throughput ops/s (± 99.9%) | mean latency µs/op (± 99.9%) | alloc B/op |")
print("|---|---:|---:|---:|")
for n in order:
    if n in rows:
        r = rows[n]
        print(f"| {n} | {fmt(*r['thrpt'], 0)} | {fmt(*r['avgt'], 1)} | {r.get('alloc', float('nan')):,.0f} |")
print()
print("| comparison | latency ratio (± propagated) | throughput ratio | latency difference µs |")
print("|---|---:|---:|---:|")
for a, b in [("facade", "raw"), ("facade", "rawDecode"), ("facade", "rawEncodeDecode"), ("facade", "facadeKeySet"),
             ("facadeKeySet", "rawEncodeDecode"), ("rawDecode", "raw"), ("rawEncodeDecode", "rawDecode")]:
    if a in rows and b in rows:
        lr, le = ratio(rows[a]["avgt"], rows[b]["avgt"])
        tr, te = ratio(rows[a]["thrpt"], rows[b]["thrpt"])
        d = rows[a]["avgt"][0] - rows[b]["avgt"][0]
        de = math.hypot(rows[a]["avgt"][1], rows[b]["avgt"][1])
        print(f"| {a} / {b} | {lr:.3f} ± {le:.3f} | {tr:.3f} ± {te:.3f} | {d:+.1f} ± {de:.1f} |")
