#!/usr/bin/env bash
# Sync benchmark. Renders synth pairs (cached in --dir), syncs each, and prints per pair: the error
# of every transferred marker against the truth (median, P90, max, in ms and in frames of the new
# video), the sync's wall time, the time FFmpeg alone takes to decode the same two files in the
# same run, their ratio, and the sync's peak RSS. Then it syncs the pair once more with the
# reference's analysis cached (as every run after the first one in a batch does) and compares that
# with FFmpeg decoding the new video alone. Needs ffmpeg and GNU time (installed with apt when
# missing) and node (for the scoring).
#
#   scripts/bench-sync.sh [--seeds "1 2 3 4 5"] [--duration 60] [--size 1280x720] [--dir DIR]
#
# Odd seeds render the new run at 60 fps, even seeds at 30 fps; the reference is always 30 fps.
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
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "bench-sync: unknown option $1" >&2; exit 2 ;;
  esac
done

missing=()
command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)
[[ -x /usr/bin/time ]] || missing+=(time)
if ((${#missing[@]})); then
  echo "bench-sync: installing ${missing[*]}" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v node >/dev/null 2>&1 || { echo "bench-sync: node is needed for scoring" >&2; exit 1; }

mtbsync="$root/scripts/mtbsync" # the launcher, with its JVM options, as users run the tool
"$mtbsync" --version >/dev/null # builds the jar when needed
mkdir -p "$dir"
results="$dir/results.tsv"
: > "$results"

printf '%-5s %-7s %8s %8s %8s %8s %7s %8s %8s %6s %7s %7s %8s %6s\n' seed new_fps median_ms p90_ms \
  max_ms med_fr sync_s decode_s ratio rss_mb markers warm_s dec_new ratio
for seed in $seeds; do
  new_fps=$(( seed % 2 == 1 ? 60 : 30 ))
  pair="$dir/pair-s$seed-${duration}s-$size-$new_fps"
  if [[ ! -f "$pair/truth.json" ]]; then
    "$mtbsync" synth --out "$pair" --seed "$seed" --duration "$duration" --size "$size" \
      --fps 30 --new-fps "$new_fps" -q >/dev/null
  fi
  start=$(date +%s.%N)
  ffmpeg -v error -i "$pair/ref.mp4" -f null - </dev/null
  ffmpeg -v error -i "$pair/new.mp4" -f null - </dev/null
  decode=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.3f", b - a }')
  runs="$dir/runs-s$seed"
  rm -rf "$runs"
  /usr/bin/time -f '%e %M' -o "$dir/time.txt" "$mtbsync" sync --reference "$pair/ref.mp4" \
    --new "$pair/new.mp4" --ref-markers "$pair/ref_markers.csv" --out "$runs" -q >/dev/null || true
  read -r wall rss_kb < "$dir/time.txt"
  run=$(ls -d "$runs"/*/ | head -1)
  start=$(date +%s.%N)
  ffmpeg -v error -i "$pair/new.mp4" -f null - </dev/null
  decode_new=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.3f", b - a }')
  /usr/bin/time -f '%e %M' -o "$dir/time2.txt" "$mtbsync" sync --reference "$pair/ref.mp4" \
    --new "$pair/new.mp4" --ref-markers "$pair/ref_markers.csv" --out "$runs" -q >/dev/null || true
  read -r warm _ < "$dir/time2.txt"
  node - "$pair/truth.json" "$run/new_markers.csv" "$seed" "$new_fps" "$wall" "$decode" \
    "$rss_kb" "$results" "$warm" "$decode_new" <<'JS'
const fs = require('fs');
const [truthFile, csvFile, seed, fps, wall, decode, rssKb, results, warm, decodeNew] = process.argv.slice(2);
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
const rows = fs.readFileSync(csvFile, 'utf8').trim().split('\n');
const head = split(rows[0]);
const errs = [];
rows.slice(1).forEach((line, i) => {
  const f = split(line), tNew = parseFloat(f[head.indexOf('t_new')]);
  const want = truth.markers[i].t_new;
  if (want !== null && !Number.isNaN(tNew)) errs.push(Math.abs(tNew - want));
});
errs.sort((a, b) => a - b);
const q = p => errs[Math.min(errs.length - 1, Math.floor(p * (errs.length - 1)))];
const frame = 1 / Number(fps);
const line = [seed, fps, (1000 * q(0.5)).toFixed(1), (1000 * q(0.9)).toFixed(1),
  (1000 * errs[errs.length - 1]).toFixed(1), (q(0.5) / frame).toFixed(2), Number(wall).toFixed(2),
  Number(decode).toFixed(2), (wall / decode).toFixed(2), (rssKb / 1024).toFixed(0), errs.length,
  Number(warm).toFixed(2), Number(decodeNew).toFixed(2), (warm / decodeNew).toFixed(2)];
console.log(`${line[0].padEnd(5)} ${line[1].padEnd(7)} ${line.slice(2).map(String).map((s, k) => s.padStart([8, 8, 8, 8, 7, 8, 8, 6, 7, 7, 8, 6][k])).join(' ')}`);
fs.appendFileSync(results, [seed, fps, errs.map(e => e.toFixed(5)).join(','), wall, decode, rssKb, warm, decodeNew].join('\t') + '\n');
JS
done

node - "$results" <<'JS'
const fs = require('fs');
const rows = fs.readFileSync(process.argv[2], 'utf8').trim().split('\n').map(l => l.split('\t'));
const all = [], allFr = [];
let wall = 0, decode = 0, rss = 0, warm = 0, decodeNew = 0;
for (const [, fps, errs, w, d, r, ww, dn] of rows) {
  errs.split(',').filter(Boolean).forEach(e => { all.push(+e); allFr.push(+e * fps); });
  wall += +w; decode += +d; rss = Math.max(rss, +r); warm += +ww; decodeNew += +dn;
}
all.sort((a, b) => a - b); allFr.sort((a, b) => a - b);
const q = (v, p) => v[Math.min(v.length - 1, Math.floor(p * (v.length - 1)))];
console.log(`all ${all.length} markers: median ${(1000 * q(all, 0.5)).toFixed(1)} ms (${q(allFr, 0.5).toFixed(2)} frames), ` +
  `P90 ${(1000 * q(all, 0.9)).toFixed(1)} ms (${q(allFr, 0.9).toFixed(2)} frames), max ${(1000 * all[all.length - 1]).toFixed(1)} ms; ` +
  `sync ${wall.toFixed(1)} s vs FFmpeg decode ${decode.toFixed(1)} s = ${(wall / decode).toFixed(2)}x; ` +
  `with the reference cached ${warm.toFixed(1)} s vs FFmpeg decoding the new videos ${decodeNew.toFixed(1)} s = ${(warm / decodeNew).toFixed(2)}x; ` +
  `peak RSS ${(rss / 1024).toFixed(0)} MB`);
JS
