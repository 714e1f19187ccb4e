#!/usr/bin/env bash
# Start-up of the standalone sandbox, measured against baselines in the same run (jars alternate, so a machine whose
# load changes during the run disturbs every jar alike).
#
#   benchmarks/sandbox-startup.sh [runs]          # default 7 runs per jar
#
# Environment (optional): SANDBOX_JAR (default sandbox/target/transferkit-sandbox.jar, built if missing),
# BASELINE_JAR (another sandbox jar, e.g. built from an earlier commit: measured as "baseline").
#
# Each run starts a fresh JVM: java -jar <jar> --port 0 --exit-when-ready, which prints "ready in N ms (M ms after JVM
# start)" once it listens with the specs parsed, the validators built, every operation bound and the books seeded. The
# floor is the same JVM and jar doing nothing (--help). Reported per jar: the median and range of M (wall time from JVM
# start to ready) and of the process's CPU time (user + system, from /usr/bin/time or bash's times), which a loaded
# machine disturbs less than wall time. The load average at the start and end is printed: wall times compare only on
# an idle machine.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUNS=${1:-7}
JAR=${SANDBOX_JAR:-$ROOT/sandbox/target/transferkit-sandbox.jar}
BASELINE_JAR=${BASELINE_JAR:-}
if [ ! -f "$JAR" ]; then
  (cd "$ROOT" && ./mvnw -B -q --no-transfer-progress -pl sandbox -am package -DskipTests)
fi

declare -A WALL CPU
one() { # name jar args... -> appends "wall_ms" and "cpu_s" of one run
  local name=$1 jar=$2 out start end
  shift 2
  start=$(awk '{ print $16 + $17 }' /proc/$$/stat) # children's ticks so far (cutime + cstime)
  out=$(java -jar "$jar" "$@" 2>&1)
  end=$(awk '{ print $16 + $17 }' /proc/$$/stat)
  local wall
  wall=$(printf '%s\n' "$out" | sed -n 's/.*(\([0-9]*\) ms after JVM start.*/\1/p' | head -1)
  WALL[$name]+="${wall:-0} "
  CPU[$name]+="$(awk -v t=$((end - start)) -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", t / hz }') "
}

summary() { # values... -> "median (min-max)"
  printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { printf "%s (%s-%s)", v[int((NR + 1) / 2)], v[1], v[NR] }'
}

echo "Run: $(date -u +%Y-%m-%dT%H:%M:%SZ), $RUNS runs per jar; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Machine: nproc=$(nproc), $(java -version 2>&1 | sed -n 2p)"
for i in $(seq "$RUNS"); do
  one floor "$JAR" --help
  one sandbox "$JAR" --port 0 --exit-when-ready
  if [ -n "$BASELINE_JAR" ]; then one baseline "$BASELINE_JAR" --port 0 --exit-when-ready; fi
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| jar | ready after JVM start, ms: median (range) | process CPU, s: median (range) |"
echo "|---|---:|---:|"
for name in floor sandbox ${BASELINE_JAR:+baseline}; do
  # shellcheck disable=SC2086
  if [ "$name" = floor ]; then wall="n/a"; else wall=$(summary ${WALL[$name]}); fi
  # shellcheck disable=SC2086
  echo "| $name | $wall | $(summary ${CPU[$name]}) |"
done
