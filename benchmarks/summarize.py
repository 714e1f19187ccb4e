#!/usr/bin/env python3
"""Turns a JMH JSON result (-rf json) of JsonRoundTripBenchmark into the README's Markdown tables."""
import json, sys

rows = json.load(open(sys.argv[1] if len(sys.argv) > 1 else "result.json"))
res = {}
for r in rows:
    name = r["benchmark"].rsplit(".", 1)[1]
    cls = r["benchmark"].rsplit(".", 2)[1]
    pm = r["primaryMetric"]
    alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
    res[(cls, name)] = (pm["score"], pm["scoreError"], alloc)

print("| benchmark | path | ops/s (± 99.9% error) | alloc B/op |")
print("|---|---|---:|---:|")
payloads = []
for (cls, name), (s, e, a) in sorted(res.items()):
    if cls != "JsonRoundTripBenchmark":
        continue
    p, path = name.split("_")
    if p not in payloads:
        payloads.append(p)
    print(f"| {p} | {path} | {s:,.0f} ± {e:,.0f} | {a:,.0f} |")

print()
print("| payload | ours/Jackson (throughput) | ours/Moshi-reflective (throughput) | alloc ours/Jackson | alloc ours/Moshi-reflective |")
print("|---|---:|---:|---:|---:|")
for p in payloads:
    o = res[("JsonRoundTripBenchmark", p + "_ours")]
    j = res[("JsonRoundTripBenchmark", p + "_jackson")]
    m = res[("JsonRoundTripBenchmark", p + "_moshiReflective")]
    print(f"| {p} | {o[0]/j[0]:.2f} | {o[0]/m[0]:.2f} | {o[2]/j[2]:.2f} | {o[2]/m[2]:.2f} |")

other = [(k, v) for k, v in sorted(res.items()) if k[0] != "JsonRoundTripBenchmark"]
if other:
    print()
    print("| benchmark | ops/s (± 99.9% error) | alloc B/op |")
    print("|---|---:|---:|")
    for (cls, name), (s, e, a) in other:
        print(f"| {cls}.{name} | {s:,.0f} ± {e:,.0f} | {a:,.0f} |")
