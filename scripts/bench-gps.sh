#!/usr/bin/env bash
# GPS benchmark. For each synth pair (rendered into --dir when missing, as bench-sync.sh does) it
# syncs the pair five ways, each with the reference's analysis already cached (one warm-up sync
# first), and scores every transferred marker against the truth:
#   vision   the pictures alone
#   gps      seeded by ref.gpx and new.gpx
#   offset5  seeded, with the new run's GPS clock deliberately 5 s off (--new-gps-offset 5)
#   drop20   seeded, with every fifth fix removed from both tracks (20% of the fixes)
#   offset15 the new run's GPS clock 15 s off, beyond the search band: the pictures must overrule it
# It prints per pair and mode: marker error (median, P90, max; ms), wall time, retrieval_sec,
# the coarse path's time and signature comparisons, the ORB matches, peak RSS, whether the GPS
# seeded the search, and the median of pictures minus GPS; then a summary per mode over all pairs.
# Needs node (for the scoring) and GNU time (installed with apt when missing).
#
#   scripts/bench-gps.sh [--seeds "1 2 3 4 5"] [--duration 60] [--size 1280x720] [--dir DIR]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seeds="1 2 3 4 5"
duration=60
size=1280x720
dir="${TMPDIR:-/tmp}/mtbsync-bench"
while (($#)); do
  case "$1" in
    --seeds) seeds="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --size) size="$2"; shift 2 ;;
    --dir) dir="$2"; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "bench-gps: unknown option $1" >&2; exit 2 ;;
  esac
done
if [[ ! -x /usr/bin/time ]]; then
  echo "bench-gps: installing time" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
fi
command -v node >/dev/null 2>&1 || { echo "bench-gps: node is needed for scoring" >&2; exit 1; }

"$root/scripts/mtbsync" --version >/dev/null # builds the jar when needed
jar="$root/cli/target/mtbsync.jar"
mkdir -p "$dir"
results="$dir/gps-results.tsv"
: > "$results"

# every fifth trkpt (the 3rd, 8th, ...) left out
thin() {
  awk '/<trkpt/ { n++; skip = (n % 5 == 3) } !skip { print } /<\/trkpt>/ { skip = 0 }' "$1" > "$2"
}

printf '%-5s %-8s %8s %8s %8s %7s %8s %8s %8s %7s %7s %6s %8s\n' seed mode median_ms p90_ms \
  max_ms wall_s retr_s coarse_s cells orb rss_mb seeded gps_med
for seed in $seeds; do
  new_fps=$(( seed % 2 == 1 ? 60 : 30 ))
  pair="$dir/pair-s$seed-${duration}s-$size-$new_fps"
  if [[ ! -f "$pair/truth.json" ]]; then
    java -jar "$jar" synth --out "$pair" --seed "$seed" --duration "$duration" --size "$size" \
      --fps 30 --new-fps "$new_fps" -q >/dev/null
  fi
  thin "$pair/ref.gpx" "$dir/ref-drop20.gpx"
  thin "$pair/new.gpx" "$dir/new-drop20.gpx"
  runs="$dir/gps-runs-s$seed"
  rm -rf "$runs"
  common=(sync --reference "$pair/ref.mp4" --new "$pair/new.mp4" --ref-markers "$pair/ref_markers.csv"
    --out "$runs" --regression-off -q)
  java -jar "$jar" "${common[@]}" >/dev/null || true # warm-up: caches the reference's analysis
  for mode in vision gps offset5 drop20 offset15; do
    case "$mode" in
      vision) extra=() ;;
      gps) extra=(--ref-gpx "$pair/ref.gpx" --new-gpx "$pair/new.gpx") ;;
      offset5) extra=(--ref-gpx "$pair/ref.gpx" --new-gpx "$pair/new.gpx" --new-gps-offset 5) ;;
      drop20) extra=(--ref-gpx "$dir/ref-drop20.gpx" --new-gpx "$dir/new-drop20.gpx") ;;
      offset15) extra=(--ref-gpx "$pair/ref.gpx" --new-gpx "$pair/new.gpx" --new-gps-offset 15) ;;
    esac
    /usr/bin/time -f '%e %M' -o "$dir/time.txt" java -jar "$jar" "${common[@]}" "${extra[@]}" \
      > "$dir/out.txt" || true
    read -r wall rss_kb < "$dir/time.txt"
    run=$(awk '/^run folder/ { print $3 }' "$dir/out.txt")
    node - "$pair/truth.json" "$run" "$seed" "$mode" "$wall" "$results" "$new_fps" "$rss_kb" <<'JS'
const fs = require('fs');
const [truthFile, run, seed, mode, wall, results, fps, rssKb] = process.argv.slice(2);
const truth = JSON.parse(fs.readFileSync(truthFile, 'utf8'));
const split = line => { // CSV fields, quotes aware
  const out = []; let cur = '', q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (q) { if (c === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (c === '"') q = false; else cur += c; }
    else if (c === '"') q = true; else if (c === ',') { out.push(cur); cur = ''; } else cur += c;
  }
  out.push(cur); return out;
};
const errs = [];
let perf = {}, tw = {};
try {
  const rows = fs.readFileSync(`${run}/new_markers.csv`, 'utf8').trim().split('\n');
  const head = split(rows[0]);
  rows.slice(1).forEach((line, i) => {
    const tNew = parseFloat(split(line)[head.indexOf('t_new')]);
    const want = truth.markers[i].t_new;
    if (want !== null && !Number.isNaN(tNew)) errs.push(Math.abs(tNew - want));
  });
  perf = JSON.parse(fs.readFileSync(`${run}/perf.json`, 'utf8'));
  tw = JSON.parse(fs.readFileSync(`${run}/timewarp.json`, 'utf8'));
} catch (e) { /* a failed sync scores as no markers */ }
errs.sort((a, b) => a - b);
const q = p => errs.length ? errs[Math.min(errs.length - 1, Math.floor(p * (errs.length - 1)))] : NaN;
const s = tw.search || {}, g = (tw.gps && tw.gps.agreement) || {};
const med = g.median_sec === undefined ? '--' : g.median_sec.toFixed(2);
const cols = [(1000 * q(0.5)).toFixed(1), (1000 * q(0.9)).toFixed(1), (1000 * q(1)).toFixed(1),
  Number(wall).toFixed(2), (perf.retrieval_sec || NaN).toFixed(2), (s.coarse_sec || NaN).toFixed(3),
  String(s.coarse_cells), String(s.orb_matches), (rssKb / 1024).toFixed(0),
  s.prior === 'gps' ? 'yes' : 'no', med];
const w = [8, 8, 8, 7, 8, 8, 8, 7, 7, 6, 8];
console.log(`${seed.padEnd(5)} ${mode.padEnd(8)} ${cols.map((c, k) => c.padStart(w[k])).join(' ')}`);
fs.appendFileSync(results, [seed, mode, fps, errs.map(e => e.toFixed(5)).join(','), wall,
  perf.retrieval_sec, s.coarse_sec, s.coarse_cells, s.orb_matches, tw.ok, rssKb].join('\t') + '\n');
JS
  done
done

node - "$results" <<'JS'
const fs = require('fs');
const rows = fs.readFileSync(process.argv[2], 'utf8').trim().split('\n').map(l => l.split('\t'));
const modes = {};
for (const [, mode, fps, errs, wall, retr, coarse, cells, orb, ok, rss] of rows) {
  const m = modes[mode] || (modes[mode] = { e: [], fr: [], wall: 0, retr: 0, coarse: 0, cells: 0, orb: 0, rss: 0, notOk: 0 });
  errs.split(',').filter(Boolean).forEach(e => { m.e.push(+e); m.fr.push(+e * fps); });
  m.wall += +wall; m.retr += +retr; m.coarse += +coarse; m.cells += +cells; m.orb += +orb;
  m.rss = Math.max(m.rss, +rss / 1024);
  if (ok !== 'true') m.notOk++;
}
const q = (v, p) => v[Math.min(v.length - 1, Math.floor(p * (v.length - 1)))];
for (const [mode, m] of Object.entries(modes)) {
  m.e.sort((a, b) => a - b); m.fr.sort((a, b) => a - b);
  console.log(`${mode.padEnd(8)} ${m.e.length} markers: median ${(1000 * q(m.e, 0.5)).toFixed(1)} ms ` +
    `(${q(m.fr, 0.5).toFixed(2)} fr), P90 ${(1000 * q(m.e, 0.9)).toFixed(1)} ms (${q(m.fr, 0.9).toFixed(2)} fr), ` +
    `max ${(1000 * m.e[m.e.length - 1]).toFixed(1)} ms; wall ${m.wall.toFixed(1)} s, retrieval ${m.retr.toFixed(2)} s, ` +
    `coarse ${m.coarse.toFixed(3)} s over ${m.cells} signature pairs, ${m.orb} ORB matches, ` +
    `peak RSS ${m.rss.toFixed(0)} MB` +
    (m.notOk ? `; ${m.notOk} sync(s) not ok` : ''));
}
JS
