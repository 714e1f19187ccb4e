#!/usr/bin/env bash
# Sandbox vs Prism under load, in one run, on loopback only (127.0.0.1).
#
#   benchmarks/sandbox-vs-prism.sh            # build the sandbox jar if missing, install Prism 5.16.0 if missing, run
#
# Environment (all optional): DURATION (s per measurement, default 10), WARMUP (s before each measurement, default 3),
# CONCURRENCY (connections, default "1 8 32"), SANDBOX_PORT (18480), PRISM_PORT (18481), REBUILD=1 (rebuild the jar),
# SANDBOX_JAVA_OPTS (JVM options of the sandbox, default none), SANDBOX_JAR (default sandbox/target/transferkit-sandbox.jar), BASELINE_JAR (another sandbox jar, e.g. one built from an
# earlier commit: started beside the others on BASELINE_PORT, 18482, and measured in the same run as "baseline"). Prism runs with -v warn (its default, info, logs every
# request and costs it throughput).
#
# What it does: starts the standalone sandbox (java -jar sandbox/target/transferkit-sandbox.jar --port P) and Prism
# (npm @stoplight/prism-cli 5.16.0, installed into benchmarks/target/prism) mocking specs/circle/digital-asset-accounts.yaml,
# warms both up, then drives both with the same wrk command (same Lua scripts, same connections and duration):
#   create: POST v1/accounts/transfers, a fresh idempotencyKey on every request (benchmarks/load/create-transfer.lua)
#   get:    GET  v1/accounts/transfers/{id} of an existing transfer (benchmarks/load/get.lua)
# The sandbox is reset (POST /__admin/reset, then a GC through jcmd) before each measurement. Results: benchmarks/target/sandbox-vs-prism/
# (raw wrk output per measurement, results.tsv, results.md); the table is printed at the end. Besides req/s and latency,
# each measurement records the server process's CPU time per answered request (/proc/<pid>/stat), which a machine shared
# with other work disturbs far less than req/s.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=$ROOT/benchmarks/target/sandbox-vs-prism
PRISM_DIR=$ROOT/benchmarks/target/prism
PRISM_VERSION=5.16.0
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-3}
CONCURRENCY=${CONCURRENCY:-"1 8 32"}
SANDBOX_PORT=${SANDBOX_PORT:-18480}
PRISM_PORT=${PRISM_PORT:-18481}
BASELINE_PORT=${BASELINE_PORT:-18482}
BASELINE_JAR=${BASELINE_JAR:-}
SERVERS="sandbox prism${BASELINE_JAR:+ baseline}"
HOST=127.0.0.1
JAR=${SANDBOX_JAR:-$ROOT/sandbox/target/transferkit-sandbox.jar}
SPEC=$ROOT/specs/circle/digital-asset-accounts.yaml
API_KEY=TEST_API_KEY:sandbox:circle-key-1
CIRCLE_SOURCE=1017381855

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

mkdir -p "$OUT"
rm -f "$OUT"/*.txt "$OUT"/results.tsv "$OUT"/results.md

# ---- tools
if ! command -v wrk >/dev/null 2>&1; then
  log "wrk missing: apt-get install -y wrk"
  if [ "$(id -u)" = 0 ]; then apt-get install -y wrk >/dev/null; else sudo apt-get install -y wrk >/dev/null; fi
fi
command -v curl >/dev/null || { echo "curl is required" >&2; exit 1; }
if [ "${REBUILD:-0}" = 1 ] || [ ! -f "$JAR" ]; then
  log "building the sandbox jar"
  (cd "$ROOT" && ./mvnw -B -q --no-transfer-progress -pl sandbox -am package -DskipTests)
fi
PRISM=$PRISM_DIR/node_modules/.bin/prism
if [ ! -x "$PRISM" ] || [ "$("$PRISM" --version 2>/dev/null)" != "$PRISM_VERSION" ]; then
  log "installing @stoplight/prism-cli@$PRISM_VERSION into $PRISM_DIR"
  npm install --prefix "$PRISM_DIR" --no-audit --no-fund --loglevel=error "@stoplight/prism-cli@$PRISM_VERSION" >/dev/null
fi

# ---- servers
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

wait_http() { # url, seconds
  local deadline=$(( $(date +%s) + $2 ))
  until curl -s -o /dev/null --max-time 1 "$1"; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "no answer from $1" >&2; return 1; }
    sleep 0.2
  done
}

log "starting the sandbox on $HOST:$SANDBOX_PORT"
java ${SANDBOX_JAVA_OPTS:-} -jar "$JAR" --port "$SANDBOX_PORT" --host "$HOST" >"$OUT/sandbox.log" 2>&1 &
SANDBOX_PID=$!
PIDS+=($SANDBOX_PID)
if [ -n "$BASELINE_JAR" ]; then
  log "starting the baseline sandbox ($BASELINE_JAR) on $HOST:$BASELINE_PORT"
  java ${SANDBOX_JAVA_OPTS:-} -jar "$BASELINE_JAR" --port "$BASELINE_PORT" --host "$HOST" >"$OUT/baseline.log" 2>&1 &
  BASELINE_PID=$!
  PIDS+=($BASELINE_PID)
  wait_http "http://$HOST:$BASELINE_PORT/__admin/clock" 60
fi
log "starting Prism $PRISM_VERSION on $HOST:$PRISM_PORT"
"$PRISM" mock -v warn -h "$HOST" -p "$PRISM_PORT" "$SPEC" >"$OUT/prism.log" 2>&1 &
PRISM_PID=$!
PIDS+=($PRISM_PID)
wait_http "http://$HOST:$SANDBOX_PORT/__admin/clock" 60
wait_http "http://$HOST:$PRISM_PORT/v1/accounts/transfers" 60

SANDBOX_BASE=http://$HOST:$SANDBOX_PORT/circle
PRISM_BASE=http://$HOST:$PRISM_PORT

create_one() { # base -> transfer id (sanity check that create answers 2xx with a transfer)
  curl -s --max-time 5 -H "Authorization: Bearer $API_KEY" -H 'Content-Type: application/json' \
    -d "{\"idempotencyKey\":\"$(cat /proc/sys/kernel/random/uuid)\",\"source\":{\"type\":\"account\",\"id\":\"$CIRCLE_SOURCE\"},\"destination\":{\"type\":\"account\",\"id\":\"1000661542\"},\"amount\":{\"amount\":\"0.01\",\"currency\":\"USD\"}}" \
    "$1/v1/accounts/transfers" | python3 -c 'import json, sys; print(json.load(sys.stdin)["data"]["id"])' 2>/dev/null || true
}
reset_sandbox() { # port pid
  curl -s -o /dev/null --max-time 10 -X POST "http://$HOST:$1/__admin/reset"
  # Collect the garbage the reset left (hundreds of thousands of transfers after a create measurement), so that every
  # measurement starts from the same heap instead of paying for the previous one's old-generation clean-up.
  if command -v jcmd >/dev/null; then jcmd "$2" GC.run >/dev/null 2>&1 || true; fi
}

run_wrk() { # name script path connections seconds origin -> raw output file
  local name=$1 script=$2 path=$3 conns=$4 secs=$5 origin=$6
  local threads=$(( conns < 2 ? 1 : 2 ))
  TK_PATH=$path TK_API_KEY=$API_KEY wrk -t "$threads" -c "$conns" -d "${secs}s" --timeout 10s --latency \
    -s "$ROOT/benchmarks/load/$script" "$origin$path" >"$OUT/$name.txt" 2>&1
}

cpu_ticks() { # pid -> user + system CPU time of the process so far, in clock ticks (/proc/<pid>/stat fields 14, 15)
  awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0
}

to_ms() { # wrk duration (e.g. 512.00us, 1.20ms, 2.01s) -> ms
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /m$/) n *= 60000; else if (v ~ /s$/) n *= 1000; printf "%.3f", n }'
}

measure() { # server endpoint connections
  local server=$1 endpoint=$2 conns=$3 base origin path prefix script id port="" pid="" server_pid
  if [ "$server" = sandbox ]; then port=$SANDBOX_PORT; pid=$SANDBOX_PID; fi
  if [ "$server" = baseline ]; then port=$BASELINE_PORT; pid=$BASELINE_PID; fi
  server_pid=${pid:-$PRISM_PID}
  if [ -n "$port" ]; then
    origin=http://$HOST:$port; prefix=/circle; base=$origin$prefix; reset_sandbox "$port" "$pid"
  else
    base=$PRISM_BASE; origin=http://$HOST:$PRISM_PORT; prefix=
  fi
  if [ "$endpoint" = create ]; then
    script=create-transfer.lua; path=$prefix/v1/accounts/transfers
  else
    script=get.lua
    id=$(create_one "$base")
    [ -n "$id" ] || { echo "create on $server returned no id" >&2; exit 1; }
    path=$prefix/v1/accounts/transfers/$id
  fi
  run_wrk "warmup-$server-$endpoint-c$conns" "$script" "$path" "$conns" "$WARMUP" "$origin" \
    >/dev/null 2>&1 || true
  [ -n "$port" ] && [ "$endpoint" = create ] && reset_sandbox "$port" "$pid"
  local name=$server-$endpoint-c$conns cpu0 cpu1
  cpu0=$(cpu_ticks "$server_pid")
  run_wrk "$name" "$script" "$path" "$conns" "$DURATION" "$origin"
  cpu1=$(cpu_ticks "$server_pid")
  local f=$OUT/$name.txt
  local rps p50 p99 statuses errors ledger="" cpu_us
  # The server's CPU time per answered request during the measurement: on a machine shared with other work, req/s
  # measures the scheduler as much as the server, while CPU per request stays close to the work done.
  cpu_us=$(awk -v d=$((cpu1 - cpu0)) -v hz="$(getconf CLK_TCK)" -v n="$(awk '/requests in/ { print $1 }' "$f")" \
    'BEGIN { printf "%.1f", (n > 0) ? d / hz * 1e6 / n : 0 }')
  rps=$(awk '/^Requests\/sec:/ { print $2 }' "$f")
  p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$f")")
  p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$f")")
  statuses=$(sed -n 's/^STATUSES //p' "$f")
  errors=$(sed -n 's/^ *Socket errors: //p' "$f")
  if [ -n "$port" ] && [ "$endpoint" = create ]; then
    # transfers the sandbox holds after the measurement (all created by it: it was reset just before)
    ledger=$(curl -s --max-time 10 "http://$HOST:$port/__admin/ledger" | python3 -c '
import json, sys
c = json.load(sys.stdin)["circle"]
print("transfers=%d totals=%s" % (len(c["transfers"]), json.dumps(c["totals"], separators=(",", ":"))))' 2>/dev/null || echo "?")
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$server" "$endpoint" "$conns" "$rps" "$p50" "$p99" \
    "${statuses:-}" "${errors:-none}" "$ledger" "$cpu_us" >>"$OUT/results.tsv"
  log "$name: $rps req/s, p50 $p50 ms, p99 $p99 ms, CPU $cpu_us us/request, statuses ${statuses:-?} ${errors:+socket errors: $errors}"
}

# ---- sanity: both answer the documented create with a transfer
for base in "$SANDBOX_BASE" "$PRISM_BASE" ${BASELINE_JAR:+"http://$HOST:$BASELINE_PORT/circle"}; do
  [ -n "$(create_one "$base")" ] || { echo "create on $base did not return a transfer" >&2; exit 1; }
done

# ---- global warm-up (JIT on both sides), then the measurements, servers interleaved per cell
log "warm-up: 10 s per server and endpoint at 8 connections"
for server in $SERVERS; do
  for endpoint in create get; do
    WU=$WARMUP; WARMUP=5; measure "$server" "$endpoint" 8 >/dev/null 2>&1 || true; WARMUP=$WU
  done
done
: >"$OUT/results.tsv"
for endpoint in create get; do
  for conns in $CONCURRENCY; do
    for server in $SERVERS; do
      measure "$server" "$endpoint" "$conns"
    done
  done
done

# ---- report
{
  echo "Run: $(date -u +%Y-%m-%dT%H:%M:%SZ), DURATION=${DURATION}s WARMUP=${WARMUP}s CONCURRENCY=\"$CONCURRENCY\""
  echo "Machine: nproc=$(nproc), CPU $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
  echo "JDK: $(java -version 2>&1 | sed -n 2p); node $(node --version); Prism $("$PRISM" --version); $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
  echo
  echo "| endpoint | connections | sandbox req/s | Prism req/s | sandbox/Prism | sandbox p50 / p99 ms | Prism p50 / p99 ms | sandbox statuses | Prism statuses | CPU µs per request sandbox / Prism |${BASELINE_JAR:+ baseline req/s | baseline/Prism | baseline p50 / p99 ms | baseline CPU µs per request |}"
  echo "|---|---:|---:|---:|---:|---:|---:|---|---|---:|${BASELINE_JAR:+---:|---:|---:|---:|}"
  awk -F'\t' '
    { key = $2 "\t" $3; rps[$1, key] = $4; p50[$1, key] = $5; p99[$1, key] = $6; st[$1, key] = $7; cpu[$1, key] = $10; if (!(key in seen)) { seen[key] = 1; order[++n] = key } }
    END {
      for (i = 1; i <= n; i++) {
        k = order[i]; split(k, parts, "\t")
        ratio = (rps["prism", k] > 0) ? sprintf("%.2f", rps["sandbox", k] / rps["prism", k]) : "n/a"
        printf "| %s | %s | %s | %s | %s | %s / %s | %s / %s | %s | %s | %s / %s |", parts[1], parts[2], rps["sandbox", k], rps["prism", k], ratio, p50["sandbox", k], p99["sandbox", k], p50["prism", k], p99["prism", k], st["sandbox", k], st["prism", k], cpu["sandbox", k], cpu["prism", k]
        if (("baseline", k) in rps) printf " %s | %.2f | %s / %s | %s |", rps["baseline", k], (rps["prism", k] > 0 ? rps["baseline", k] / rps["prism", k] : 0), p50["baseline", k], p99["baseline", k], cpu["baseline", k]
        printf "\n"
      }
    }' "$OUT/results.tsv"
  echo
  echo "Sandbox ledger after each create measurement (reset just before; the transfers it holds, and its totals):"
  awk -F'\t' '$1 != "prism" && $2 == "create" { printf "- %s, %s connections: %s (wrk counted %s)\n", $1, $3, $9, $7 }' "$OUT/results.tsv"
} | tee "$OUT/results.md"
