#!/usr/bin/env bash
# Speed benchmark on camera-like material. Renders one synth pair (1080p, the new run at 60 fps),
# re-encodes it with FFmpeg the way action cameras write files (H.264 High with B-frames at
# 60-100 Mb/s, HEVC Main and Main10, 2.7K and 4K, 50 and 60 fps, runs of 1 to 20 minutes made by
# repeating the minute), then, per case and in the same run: FFmpeg decoding the new video alone
# and both videos (all cores), `sync` with the reference's analysis cached and uncached (wall,
# CPU seconds, peak RSS), the ratios, and the marker errors against the synth truth.
# Material is cached under ${TMPDIR:-/tmp}/mtbsync-bench-speed, never in the repository.
#
#   scripts/bench-speed.sh [--cases "ultrafast-1080p60 h264-1080p60 ..."] [--dir DIR]
#                          [--sync-args "--threads 2"] [--label NAME] [--short SEC]
#
# Cases: ultrafast-1080p60 (synth's own x264 ultrafast file), h264-1080p60, h264-1080p50,
# h264-2.7k60, h264-4k60, hevc-2.7k60, hevc10-2.7k60, long5, long10, long20 (the h264-1080p60
# minute repeated; the reference repeated likewise), lrv-CASE (CASE's new run named as a GoPro
# names it, GH010001.MP4, with the proxy a GoPro records beside it, GL010001.LRV at 864x480 and
# 30 fps; sync analyses the proxy, FFmpeg's figure is the video's; --sync-args "--proxy off" for
# the video itself). The 50 fps, 2.7K, 4K and HEVC cases keep the
# first --short seconds (default 20) of the new run, synced against the whole reference. The
# scaled cases are upscaled from the 1080p render, so their detail is softer than a real 4K
# camera's, but the decoder's work (pixels, bit rate, GOP) is a camera's.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cases="ultrafast-1080p60 h264-1080p60 h264-1080p50 h264-2.7k60 h264-4k60 hevc-2.7k60 hevc10-2.7k60 long5 long10 long20"
dir="${TMPDIR:-/tmp}/mtbsync-bench-speed"
sync_args=""
label=""
short=20 # seconds of the new run kept for the 50 fps, 2.7K, 4K and HEVC cases (encoding them is slow)
while (($#)); do
  case "$1" in
    --cases) cases="$2"; shift 2 ;;
    --dir) dir="$2"; shift 2 ;;
    --sync-args) sync_args="$2"; shift 2 ;;
    --label) label="$2"; shift 2 ;;
    --short) short="$2"; shift 2 ;;
    -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
    *) echo "bench-speed: unknown option $1" >&2; exit 2 ;;
  esac
done

missing=()
command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)
[[ -x /usr/bin/time ]] || missing+=(time)
if ((${#missing[@]})); then
  echo "bench-speed: installing ${missing[*]}" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v node >/dev/null 2>&1 || { echo "bench-speed: node is needed for scoring" >&2; exit 1; }

mtbsync="$root/scripts/mtbsync"
"$mtbsync" --version >/dev/null
mkdir -p "$dir"
base="$dir/base"
if [[ ! -f "$base/truth.json" ]]; then
  echo "bench-speed: rendering the synth pair (1080p, 60 s; takes minutes)" >&2
  "$mtbsync" synth --out "$base" --seed 3 --duration 60 --size 1920x1080 --fps 30 --new-fps 60 -q \
    >/dev/null
fi

# camera-like H.264: long GOP (half a second), two B-frames between references, high bit rate
x264() { # in out fps size bitrate_mbps [seconds]
  local t=(); [[ -n "${6:-}" ]] && t=(-t "$6")
  ffmpeg -v error -y -i "$1" "${t[@]}" -vf "fps=$3,scale=$4:flags=bicubic" -c:v libx264 \
    -preset veryfast -profile:v high -x264-params "bframes=2:b-adapt=0:b-pyramid=none:keyint=$(($3 / 2))" \
    -b:v "$5M" -maxrate "$(($5 * 6 / 5))M" -bufsize "$(($5 * 2))M" -pix_fmt yuv420p -an "$2.tmp.mp4"
  mv "$2.tmp.mp4" "$2"
}
x265() { # in out fps size bitrate_mbps pix_fmt seconds
  ffmpeg -v error -y -i "$1" -t "$7" -vf "fps=$3,scale=$4:flags=bicubic" -c:v libx265 \
    -preset ultrafast -x265-params "log-level=error:bframes=2:keyint=$(($3 / 2))" \
    -b:v "$5M" -pix_fmt "$6" -tag:v hvc1 -an "$2.tmp.mp4"
  mv "$2.tmp.mp4" "$2"
}
lrv() { # in out: the low-resolution proxy a GoPro records beside the video (GL*.LRV: 864x480,
  # 30 fps, about 2.5 Mb/s H.264), made here from the camera-like file itself
  ffmpeg -v error -y -i "$1" -vf "fps=30,scale=864:480:flags=bicubic" -c:v libx264 -preset veryfast \
    -profile:v main -b:v 2500k -maxrate 3M -bufsize 5M -pix_fmt yuv420p -an -f mp4 "$2.tmp"
  mv "$2.tmp" "$2"
}
loop() { # in out minutes
  local copies=$(( $3 - 1 ))
  ffmpeg -v error -y -stream_loop "$copies" -i "$1" -c copy -t "$(( $3 * 60 ))" "$2.tmp.mp4"
  mv "$2.tmp.mp4" "$2"
}

material() { # case -> sets ref new
  local c="$1" d="$dir/$1"
  mkdir -p "$d"
  ref="$base/ref.mp4"; new="$base/new.mp4"
  case "$c" in
    ultrafast-1080p60) return ;;
    h264-1080p60) new="$d/new.mp4"; ref="$d/ref.mp4"
      [[ -f "$new" ]] || x264 "$base/new.mp4" "$new" 60 1920:1080 60
      [[ -f "$ref" ]] || x264 "$base/ref.mp4" "$ref" 30 1920:1080 40 ;;
    h264-1080p50) new="$d/new.mp4"; [[ -f "$new" ]] || x264 "$base/new.mp4" "$new" 50 1920:1080 60 "$short" ;;
    h264-2.7k60) new="$d/new.mp4"; [[ -f "$new" ]] || x264 "$base/new.mp4" "$new" 60 2704:1520 80 "$short" ;;
    h264-4k60) new="$d/new.mp4"; [[ -f "$new" ]] || x264 "$base/new.mp4" "$new" 60 3840:2160 100 "$short" ;;
    hevc-2.7k60) new="$d/new.mp4"; [[ -f "$new" ]] || x265 "$base/new.mp4" "$new" 60 2704:1520 60 yuv420p "$short" ;;
    hevc10-2.7k60) new="$d/new.mp4"; [[ -f "$new" ]] || x265 "$base/new.mp4" "$new" 60 2704:1520 60 yuv420p10le "$short" ;;
    lrv-*) local of="${c#lrv-}" src; material "$of" >/dev/null; src="$new"
      new="$d/GH010001.MP4"  # a GoPro's names, so that sync finds GL010001.LRV beside it
      [[ -e "$new" ]] || ln -s "$src" "$new"
      [[ -f "$d/GL010001.LRV" ]] || lrv "$src" "$d/GL010001.LRV" ;;
    long*) local m="${c#long}"; material h264-1080p60 >/dev/null
      local n1="$dir/h264-1080p60/new.mp4" r1="$dir/h264-1080p60/ref.mp4"
      new="$d/new.mp4"; ref="$d/ref.mp4"
      [[ -f "$new" ]] || loop "$n1" "$new" "$m"
      [[ -f "$ref" ]] || loop "$r1" "$ref" "$m" ;;
    *) echo "bench-speed: unknown case $c" >&2; exit 2 ;;
  esac
}

if [[ "${BENCH_SPEED_MATERIAL_ONLY:-}" == 1 ]]; then
  for c in $cases; do echo "bench-speed: material $c" >&2; material "$c"; done
  exit 0
fi

timed() { # out_file cmd... : wall user sys maxrss_kb
  /usr/bin/time -f '%e %U %S %M' -o "$1" "${@:2}" </dev/null >/dev/null 2>"$1.err" || {
    echo "bench-speed: failed: ${*:2}" >&2; tail -3 "$1.err" >&2; }
}

results="$dir/results${label:+-$label}.tsv"
: > "$results"
printf '%-18s %6s %8s %8s %6s %7s %6s | %8s %8s %6s | %8s %8s %8s %4s | %7s %7s\n' case frames \
  ff_new sync_c ratio cpu_s rss_mb ff_both sync_u ratio med_ms p90_ms max_ms n warp_med warp_p90
for c in $cases; do
  material "$c"
  frames=$(ffprobe -v error -select_streams v -count_packets -show_entries stream=nb_read_packets \
    -of csv=p=0 "$new")
  t="$dir/t-$c${label:+-$label}" # timing files of this case and label: runs side by side keep theirs
  timed "$t-ffnew" ffmpeg -v error -threads 0 -i "$new" -f null -
  timed "$t-ffref" ffmpeg -v error -threads 0 -i "$ref" -f null -
  runs="$dir/runs-$c${label:+-$label}"
  rm -rf "$runs"
  # shellcheck disable=SC2086
  timed "$t-sync-u" "$mtbsync" sync --reference "$ref" --new "$new" \
    --ref-markers "$base/ref_markers.csv" --out "$runs" -q $sync_args
  rm -rf "$runs"/*/  # keep .index-cache: the next sync finds the reference analysed
  # shellcheck disable=SC2086
  timed "$t-sync-c" "$mtbsync" sync --reference "$ref" --new "$new" \
    --ref-markers "$base/ref_markers.csv" --out "$runs" -q $sync_args
  run=$(ls -d "$runs"/*/ 2>/dev/null | head -1)
  node - "$c" "$frames" "$base/truth.json" "${run}new_markers.csv" "$results" \
    "$t-ffnew" "$t-ffref" "$t-sync-u" "$t-sync-c" "${run}timewarp.json" <<'JS'
const fs = require('fs');
const [c, frames, truthFile, csvFile, results, ffNew, ffRef, syncU, syncC, twFile] = process.argv.slice(2);
const t = f => { try { return fs.readFileSync(f, 'utf8').trim().split('\n').pop().split(' ').map(Number); } catch { return [NaN, NaN, NaN, NaN]; } };
const [fn] = t(ffNew), [fr] = t(ffRef), [wu] = t(syncU), [wc, uc, sc, rss] = t(syncC);
const truth = JSON.parse(fs.readFileSync(truthFile, 'utf8'));
const errs = [];
try {
  const rows = fs.readFileSync(csvFile, 'utf8').trim().split('\n');
  const head = rows[0].split(',');
  rows.slice(1).forEach(line => {
    const f = line.split(',');  // names of the synth markers hold no commas
    const name = f[head.indexOf('name')], tNew = parseFloat(f[head.indexOf('t_new')]);
    const m = truth.markers.find(x => x.name === name);
    if (m && m.t_new !== null && !Number.isNaN(tNew)) errs.push(Math.abs(tNew - m.t_new));
  });
} catch { /* no markers: the sync failed */ }
// the warp itself against the truth, at every true frame time it covers (for clips that hold
// no marker): |warp(t_new) - truth(t_new)| in ms
const werrs = [];
try {
  const m = JSON.parse(fs.readFileSync(twFile, 'utf8')).mapping, tn = m.t_new, tr = m.t_ref;
  const T = truth.mapping.t_new, R = truth.mapping.t_ref;
  for (let i = 0, j = 0; i < T.length; i++) {
    const t = T[i];
    if (t < tn[0] || t > tn[tn.length - 1]) continue;
    while (j < tn.length - 2 && tn[j + 1] < t) j++;
    const est = tr[j] + (tr[j + 1] - tr[j]) * (t - tn[j]) / (tn[j + 1] - tn[j]);
    werrs.push(1000 * Math.abs(est - R[i]));
  }
} catch { /* no warp: the sync failed */ }
werrs.sort((a, b) => a - b);
const wq = p => werrs.length ? werrs[Math.min(werrs.length - 1, Math.floor(p * (werrs.length - 1)))] : NaN;
errs.sort((a, b) => a - b);
const q = p => errs.length ? 1000 * errs[Math.min(errs.length - 1, Math.floor(p * (errs.length - 1)))] : NaN;
const f1 = x => Number.isFinite(x) ? x.toFixed(1) : '-', f2 = x => Number.isFinite(x) ? x.toFixed(2) : '-';
console.log(`${c.padEnd(18)} ${frames.padStart(6)} ${f2(fn).padStart(8)} ${f2(wc).padStart(8)} ${f2(wc / fn).padStart(6)} ` +
  `${f1(uc + sc).padStart(7)} ${f1(rss / 1024).padStart(6)} | ${f2(fn + fr).padStart(8)} ${f2(wu).padStart(8)} ` +
  `${f2(wu / (fn + fr)).padStart(6)} | ${f1(q(0.5)).padStart(8)} ${f1(q(0.9)).padStart(8)} ${f1(q(1)).padStart(8)} ${String(errs.length).padStart(4)}` +
  ` | ${f1(wq(0.5)).padStart(7)} ${f1(wq(0.9)).padStart(7)}`);
fs.appendFileSync(results, [c, frames, fn, fr, wu, wc, uc + sc, rss, errs.map(e => e.toFixed(5)).join(',')].join('\t') + '\n');
JS
done
echo "ff_new: FFmpeg decoding the new video (all cores); sync_c: sync with the reference analysed" \
  "before (cached); ratio = sync_c / ff_new; cpu_s, rss_mb: that sync's CPU seconds and peak RSS;" \
  "ff_both: FFmpeg decoding both videos one after the other; sync_u: sync from nothing; marker" \
  "errors against the synth truth (ms); warp_med/warp_p90: the warp against the truth at every" \
  "frame it covers (ms). Raw figures: $results"
