#!/usr/bin/env bash
# Load on the dashboard's live stream, not a unit test: serves a root of 500 runs, holds 200
# event-stream clients open for 60 s while runs finish twice a second and four threads send
# steady API traffic (pages, runs, history, files), then reports dropped events, event and API
# latency (p50/p99) and the server's peak RSS.
#
#   scripts/load-sse.sh [--clients 200] [--seconds 60] [--rate 2] [--runs 500] [--port 8790]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
clients=200 seconds=60 rate=2 runs=500 port=8790
while (($#)); do
  case "$1" in
    --clients) clients="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --rate) rate="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    *) echo "load-sse.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

"$here/mtbsync" --version >/dev/null # builds the jar when the sources changed
root="$(mktemp -d -t mtbsync-load.XXXXXX)"
server=""
cleanup() {
  [[ -n "$server" ]] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
  rm -rf "$root"
}
trap cleanup EXIT

# a root as a season of syncs leaves it: one folder per run with its perf.json
for ((i = 0; i < runs; i++)); do
  d="$root/$(printf 'old-%04d' "$i")"
  mkdir -p "$d"
  printf '{"schema_version":1,"run_id":"old-%04d","timestamp":"2025-05-01T10:%02d:%02dZ","total_sec":7.2,"frames_processed":2400,"fps":%d,"cpu_pct":%d,"rss_mb":%d,"gpu_util":null,"gpu_mem_mb":null}\n' \
    "$i" $((i / 60 % 60)) $((i % 60)) $((300 + i % 50)) $((140 + i % 30)) $((450 + i % 40)) >"$d/perf.json"
done

# the launcher execs java, so $! is the server's own pid (its RSS is what is measured)
"$here/mtbsync" dashboard --root "$root" --port "$port" >"$root/.server.log" 2>&1 &
server=$!
for _ in $(seq 100); do
  grep -q "http://" "$root/.server.log" 2>/dev/null && break
  sleep 0.1
done
grep -q "http://" "$root/.server.log" || { cat "$root/.server.log" >&2; exit 1; }
echo "server            pid $server on port $port, $runs runs in $root"

java "$here/LoadSse.java" "$port" "$root" "$server" "$clients" "$seconds" "$rate" 4
echo "stream counters   $(curl -s "http://127.0.0.1:$port/api/status")"
