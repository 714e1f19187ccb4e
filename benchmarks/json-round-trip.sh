#!/usr/bin/env bash
# JSON decode+encode of the documented payloads: the generated Moshi adapters against Moshi's reflective adapter
# (and Jackson), as ratios measured within rounds of one JVM, over FORKS fresh JVMs.
#
#   benchmarks/json-round-trip.sh     # needs benchmarks/target/benchmarks.jar (./mvnw -pl benchmarks -am package -DskipTests)
#
# Environment (optional): FORKS (JVMs, default 8), ROUNDS (measured rounds per JVM, default 20), OPS (operations per
# path and round, default 2000), WARMUP (uncounted rounds of every path of every payload first, default 40),
# JAVA (the java launcher to measure with, default java on the PATH), JAR (default benchmarks/target/benchmarks.jar),
# OUT (default benchmarks/target/json-round-trip).
# What it does: runs JsonRoundTripPaired once per fork. One JVM's ratio depends on how its JIT compiled each path (the
# spread between JVMs is larger than a JVM's own 95% interval), so the verdict is the mean over forks, with the
# forks' standard deviation and the 95% interval of that mean. Each fork's table is kept in OUT/fork-N.md.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAR=${JAR:-$ROOT/benchmarks/target/benchmarks.jar}
OUT=${OUT:-$ROOT/benchmarks/target/json-round-trip}
FORKS=${FORKS:-8}
ROUNDS=${ROUNDS:-20}
OPS=${OPS:-2000}
WARMUP=${WARMUP:-40}
JAVA=${JAVA:-java}

[ -f "$JAR" ] || { echo "missing $JAR: ./mvnw -B -pl benchmarks -am package -DskipTests" >&2; exit 1; }
mkdir -p "$OUT"
for fork in $(seq 1 "$FORKS"); do
  "$JAVA" -cp "$JAR" dev.transferkit.benchmarks.JsonRoundTripPaired "$ROUNDS" "$OPS" "$WARMUP" > "$OUT/fork-$fork.md"
done

# Rows of the forks' tables: | payload | ours µs | reflective µs | Jackson µs | ours/reflective (± ci) | ours/Jackson ...
cat "$OUT"/fork-*.md | awk -F'|' -v forks="$FORKS" '
  /^\| [a-zA-Z]+ \| [0-9]/ {
    p = $2; gsub(/ /, "", p)
    if (!(p in n)) order[++count] = p
    split($6, r, " "); split($7, j, " ")
    if (!(p in lo) || r[1] + 0 < lo[p]) lo[p] = r[1] + 0
    n[p]++; s[p] += r[1]; ss[p] += r[1] * r[1]; sj[p] += j[1]; ours[p] += $3; refl[p] += $4; jack[p] += $5
  }
  END {
    printf "%d forks\n\n", forks
    print "| payload | ours CPU µs/op | reflective CPU µs/op | Jackson CPU µs/op | ours/reflective, mean of forks (95% CI) | sd between forks | min fork | ours/Jackson |"
    print "|---|---:|---:|---:|---:|---:|---:|---:|"
    for (i = 1; i <= count; i++) {
      p = order[i]; m = s[p] / n[p]
      var = n[p] > 1 ? (ss[p] - n[p] * m * m) / (n[p] - 1) : 0
      if (var < 0) var = 0
      sd = sqrt(var)
      printf "| %s | %.2f | %.2f | %.2f | %.3f ± %.3f | %.3f | %.3f | %.3f |\n", p, ours[p] / n[p], refl[p] / n[p], jack[p] / n[p], m, 1.96 * sd / sqrt(n[p]), sd, lo[p], sj[p] / n[p]
    }
    print "\nRatios are throughput ratios (baseline CPU time / ours): above 1, ours is faster."
  }
' | tee "$OUT/summary.md"
