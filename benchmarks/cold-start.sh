#!/usr/bin/env bash
# Cold start: JVM start to the first completed call, through the Circle facade vs raw OkHttp with the same generated
# models and Moshi adapters, against a local server (loopback only). One fresh JVM per measurement.
#
#   benchmarks/cold-start.sh            # needs benchmarks/target/benchmarks.jar (./mvnw -pl benchmarks -am package -DskipTests)
#
# Environment (optional): RUNS (JVMs per mode, default 20), JAVA_OPTS (options of the measured JVMs, default none),
# JAR (default benchmarks/target/benchmarks.jar), OUT (default benchmarks/target/cold-start).
# What it does: starts ColdStart serve (a CannedServer answering the documented Circle create-transfer response) in a
# JVM of its own, then runs `java -cp benchmarks.jar dev.transferkit.benchmarks.ColdStart <mode>` RUNS times for each
# mode, the modes interleaved (jvm, raw, facade, jvm, ...), so that load on the machine hits all of them alike. Each run
# reports the milliseconds from JVM start to the call's completion (the runtime MXBean's uptime); the script also
# records the process's wall time (start to exit). Prints a table: median, mean and 95% interval per mode, and the
# facade's median minus raw's. Raw lines in benchmarks/target/cold-start/runs.tsv.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAR=${JAR:-$ROOT/benchmarks/target/benchmarks.jar}
OUT=${OUT:-$ROOT/benchmarks/target/cold-start}
RUNS=${RUNS:-20}
JAVA_OPTS=${JAVA_OPTS:-}
MAIN=dev.transferkit.benchmarks.ColdStart

[ -f "$JAR" ] || { echo "missing $JAR: ./mvnw -B -pl benchmarks -am package -DskipTests" >&2; exit 1; }
mkdir -p "$OUT"
SERVER_LOG=$OUT/server.out
java -Dsun.net.httpserver.nodelay=true -cp "$JAR" "$MAIN" serve > "$SERVER_LOG" &
SERVER_PID=$!
trap 'kill "$SERVER_PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  BASE_URL=$(head -n 1 "$SERVER_LOG" 2>/dev/null || true)
  [ -n "$BASE_URL" ] && break
  sleep 0.1
done
[ -n "$BASE_URL" ] || { echo "the server did not start" >&2; exit 1; }

printf 'mode\trun\tuptime_ms\twall_ms\n' > "$OUT/runs.tsv"
# One unmeasured round first: the page cache holds the jar and the JDK's files for every mode alike.
for mode in jvm raw facade; do java $JAVA_OPTS -cp "$JAR" "$MAIN" "$mode" "$BASE_URL" > /dev/null; done
for run in $(seq 1 "$RUNS"); do
  for mode in jvm raw facade; do
    start=$(date +%s%N)
    line=$(java $JAVA_OPTS -cp "$JAR" "$MAIN" "$mode" "$BASE_URL")
    end=$(date +%s%N)
    printf '%s\t%s\t%s\t%s\n' "$mode" "$run" "${line#* }" "$(( (end - start) / 1000000 ))" >> "$OUT/runs.tsv"
  done
done

python3 - "$OUT/runs.tsv" <<'PY'
import statistics, sys
rows = [l.rstrip('\n').split('\t') for l in open(sys.argv[1])][1:]
by = {}
for mode, run, up, wall in rows:
    by.setdefault(mode, []).append((int(up), int(wall)))
def ci(xs):
    m = statistics.mean(xs)
    return m, (1.96 * statistics.stdev(xs) / len(xs) ** 0.5 if len(xs) > 1 else 0.0)
print("| mode | runs | JVM start to call done, median ms | mean ± 95% ms | process wall, median ms |")
print("|---|---:|---:|---:|---:|")
for mode in ("jvm", "raw", "facade"):
    ups = [u for u, _ in by[mode]]; walls = [w for _, w in by[mode]]
    m, h = ci(ups)
    print(f"| {mode} | {len(ups)} | {statistics.median(ups):.0f} | {m:.0f} ± {h:.0f} | {statistics.median(walls):.0f} |")
raw = [u for u, _ in by["raw"]]; fac = [u for u, _ in by["facade"]]
pairs = [f / r for f, r in zip(fac, raw)]
m, h = ci(pairs)
print(f"\nfacade - raw (medians): {statistics.median(fac) - statistics.median(raw):+.0f} ms; "
      f"facade / raw per interleaved round: {m:.2f} ± {h:.2f}")
PY
