#!/usr/bin/env python3
"""Turns a JMH JSON result (-rf json) of JsonRoundTripBenchmark into the README's Markdown tables.

With two or more forks per benchmark it also prints each path's throughput against moshiReflective with a 95%
interval taken over forks: one fork's score depends on how that JVM's JIT compiled the path, so the forks, not the
iterations inside one, are the samples. It adds the interval a two-forks-per-path run would have under the same
spread, to say how far such a run's ratio can move.
"""
import json, math, statistics, sys

rows = json.load(open(sys.argv[1] if len(sys.argv) > 1 else "result.json"))
res = {}
forks = {}
for r in rows:
    name = r["benchmark"].rsplit(".", 1)[1]
    cls = r["benchmark"].rsplit(".", 2)[1]
    pm = r["primaryMetric"]
    alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
    res[(cls, name)] = (pm["score"], pm["scoreError"], alloc)
    if cls == "JsonRoundTripBenchmark":
        forks[name] = [statistics.mean(f) for f in pm.get("rawData", [])]


def ratio(a, b):
    return f"{a / b:.2f}" if a is not None and b else "-"


print("| benchmark | path | ops/s (± 99.9% error) | alloc B/op |")
print("|---|---|---:|---:|")
payloads = []
for (cls, name), (s, e, a) in sorted(res.items()):
    if cls != "JsonRoundTripBenchmark":
        continue
    p, path = name.split("_")
    if p not in payloads:
        payloads.append(p)
    print(f"| {p} | {path} | {s:,.0f} ± {e:,.0f} | {'-' if a is None else f'{a:,.0f}'} |")

print()
print("| payload | ours/Jackson (throughput) | ours/Moshi-reflective (throughput) | alloc ours/Jackson | alloc ours/Moshi-reflective |")
print("|---|---:|---:|---:|---:|")
none = (None, None, None)
for p in payloads:
    o = res.get(("JsonRoundTripBenchmark", p + "_ours"), none)
    j = res.get(("JsonRoundTripBenchmark", p + "_jackson"), none)
    m = res.get(("JsonRoundTripBenchmark", p + "_moshiReflective"), none)
    print(f"| {p} | {ratio(o[0], j[0])} | {ratio(o[0], m[0])} | {ratio(o[2], j[2])} | {ratio(o[2], m[2])} |")

if forks and min(len(f) for f in forks.values()) >= 2:
    print()
    print("| path / moshiReflective | ratio of fork means (95% CI) | forks | with 2+2 forks ± |")
    print("|---|---:|---:|---:|")
    for name, path in sorted(forks.items()):
        base = forks.get(name.split("_")[0] + "_moshiReflective")
        if base is None or name.endswith("_moshiReflective"):
            continue
        mp, mb = statistics.mean(path), statistics.mean(base)
        cvp, cvb = statistics.stdev(path) / mp, statistics.stdev(base) / mb
        r = mp / mb
        # Delta method: the relative error of a ratio of two independent means.
        half = 1.96 * r * math.sqrt(cvp ** 2 / len(path) + cvb ** 2 / len(base))
        half2 = 1.96 * r * math.sqrt(cvp ** 2 / 2 + cvb ** 2 / 2)
        print(f"| {name} | {r:.3f} ± {half:.3f} | {len(path)}+{len(base)} | {half2:.3f} |")

other = [(k, v) for k, v in sorted(res.items()) if k[0] != "JsonRoundTripBenchmark"]
if other:
    print()
    print("| benchmark | ops/s (± 99.9% error) | alloc B/op |")
    print("|---|---:|---:|")
    for (cls, name), (s, e, a) in other:
        print(f"| {cls}.{name} | {s:,.0f} ± {e:,.0f} | {'-' if a is None else f'{a:,.0f}'} |")
