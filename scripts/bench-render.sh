#!/usr/bin/env bash
# Render benchmark. Renders a synth pair of --duration seconds and one twice as long (cached in
# --dir; the new camera zoomed in by 15 % so the overlay has a camera difference to register),
# syncs each, then renders each pair's comparison video at 1920x1080 in every layout asked for,
# and prints per render: the video's length, the wall time, their ratio (below 1: faster than
# real time), the CPU time and the peak RSS. Needs GNU time (installed with apt when missing).
#
#   scripts/bench-render.sh [--duration 20] [--size 1280x720] [--new-fps 30]
#                           [--layouts "side-by-side overlay"] [--dir DIR]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
duration=20
size=1280x720
new_fps=30
layouts="side-by-side overlay"
dir="${TMPDIR:-/tmp}/mtbsync-bench-render"
while (($#)); do
  case "$1" in
    --duration) duration="$2"; shift 2 ;;
    --size) size="$2"; shift 2 ;;
    --new-fps) new_fps="$2"; shift 2 ;;
    --layouts) layouts="$2"; shift 2 ;;
    --dir) dir="$2"; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "bench-render: unknown option $1" >&2; exit 2 ;;
  esac
done
if [[ ! -x /usr/bin/time ]]; then
  echo "bench-render: installing GNU time" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
fi

mtbsync="$root/scripts/mtbsync" # the launcher, with its JVM options, as users run the tool
"$mtbsync" --version >/dev/null # builds the jar when needed
mkdir -p "$dir"

printf '%-8s %-13s %8s %8s %7s %8s %7s\n' pair_s layout video_s wall_s ratio cpu_s rss_mb
for d in "$duration" $((duration * 2)); do
  pair="$dir/pair-${d}s-$size-$new_fps"
  if [[ ! -f "$pair/truth.json" ]]; then
    "$mtbsync" synth --out "$pair" --seed 3 --duration "$d" --size "$size" --fps 30 \
      --new-fps "$new_fps" --new-zoom 1.15 -q >/dev/null
  fi
  runs="$dir/runs-${d}s"
  if ! ls "$runs"/*/timewarp.json >/dev/null 2>&1; then
    rm -rf "$runs"
    "$mtbsync" sync --reference "$pair/ref.mp4" --new "$pair/new.mp4" \
      --ref-markers "$pair/ref_markers.csv" --out "$runs" -q >/dev/null
  fi
  run=$(dirname "$(ls "$runs"/*/timewarp.json | head -1)")
  for layout in $layouts; do
    out="$dir/render-${d}s-$layout.mp4"
    /usr/bin/time -f '%e %U %S %M' -o "$dir/time.txt" "$mtbsync" render "$run" --layout "$layout" \
      --size 1920x1080 --audio none --out "$out" > "$dir/render.txt"
    read -r wall user sys rss_kb < "$dir/time.txt"
    # the render's own summary: "N frames, WxH at F fps (S s of video, ...)"
    video=$(sed -n 's/.*(\([0-9.]*\) s of video.*/\1/p' "$dir/render.txt")
    awk -v d="$d" -v l="$layout" -v v="$video" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss_kb" \
      'BEGIN { printf "%-8s %-13s %8.1f %8.1f %7.2f %8.1f %7.0f\n", d, l, v, w, w / v, u + s, r / 1024 }'
  done
done
