#!/usr/bin/env bash
# Camera-difference benchmark on real footage. For each real clip, FFmpeg makes "new runs" with an
# exact, known time-warp and one camera difference each (zoom, lens, 4:3, stabilisation crop, roll,
# display-matrix rotation); each pair is synced with ref_markers.csv and every transferred marker is
# scored against the truth in frames of the new video. Prints one row per camera difference (all
# clips together) and writes matrix.tsv, matrix.md and detail.tsv (one row per clip and case) to
# --dir. Generated clips are cached there; the syncs run afresh every time. Needs ffmpeg (installed
# with apt when missing) and node (for the scoring).
#
#   scripts/bench-camera.sh [--clips "a.mp4 b"] [--cases "none zoom+10 rot90"] [--dir DIR]
#
# --clips: files, names of ../shared/data/video/*.mp4, or "synth" (default: all the real clips).
# --cases: from none zoom+5 zoom+10 zoom+20 zoom-5 zoom-10 zoom-20 lens lens-ref crop4x3 stab roll2
# rot90 mount line1. "synth" renders each case with `mtbsync synth` (seed 11, 20 s, 960x540, new
# run at 60 fps) and its --new-* camera flags: zoom+-N --new-zoom 1+-N/100, lens/lens-ref
# --new-lens fisheye --new-zoom 1, crop4x3 --new-aspect 4:3, stab --new-stabilise, rot90 --new-rotate 90,
# mount --new-mount chest, line1 --new-line-offset 1 (roll2 is not rendered: every synth run
# already rolls 1-2.5 degrees); mount and line1 exist for synth only.
# zoom-N and lens-ref change the REFERENCE instead (a wider view cannot be invented), so the new
# run is the wider one. Every new run is re-timed by t_new = t + 0.3 sin(2 pi t / 8) and encoded
# with libx264 -preset medium -crf 18 at the clip's frame rate; a sync that exits 1 is "refused".
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
all_cases="none zoom+5 zoom+10 zoom+20 zoom-5 zoom-10 zoom-20 lens lens-ref crop4x3 stab roll2 rot90 mount line1"
synth_only="mount line1" # a chest mount and a line 1 m to the side need a scene, not a clip
cases="$all_cases"
clips=""
dir="${TMPDIR:-/tmp}/mtbsync-bench-camera"
while (($#)); do
  case "$1" in
    --clips) clips="$2"; shift 2 ;;
    --cases) cases="${2//,/ }"; shift 2 ;;
    --dir) dir="$2"; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "bench-camera: unknown option $1" >&2; exit 2 ;;
  esac
done
for c in $cases; do
  [[ " $all_cases " == *" $c "* ]] || { echo "bench-camera: unknown case $c" >&2; exit 2; }
done

if ! command -v ffmpeg >/dev/null 2>&1 || ! command -v ffprobe >/dev/null 2>&1; then
  echo "bench-camera: installing ffmpeg" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ffmpeg >/dev/null
fi
command -v node >/dev/null 2>&1 || { echo "bench-camera: node is needed for scoring" >&2; exit 1; }

videos="$root/../shared/data/video"
files=()
if [[ -z "$clips" ]]; then
  [[ -d "$videos" ]] || { echo "bench-camera: no clips: $videos is absent (use --clips)" >&2; exit 2; }
  for f in "$videos"/*.mp4; do files+=("$(cd "$(dirname "$f")" && pwd)/$(basename "$f")"); done
else
  for c in $clips; do
    if [[ "$c" == synth ]]; then files+=(synth); continue; fi
    f="$c"; [[ -f "$f" ]] || f="$videos/${c%.mp4}.mp4"
    [[ -f "$f" ]] || { echo "bench-camera: no such clip: $c" >&2; exit 2; }
    files+=("$(cd "$(dirname "$f")" && pwd)/$(basename "$f")")
  done
fi

# The time-warp, new time of reference time t: f(t) = t + A sin(2 pi t / P). Its speed
# 1 + (2 pi A / P) cos(...) stays within 1 +- 0.24, so it is monotone, and f(0) = 0.
warp_a=0.3
warp_p=8
encode=(-c:v libx264 -preset medium -crf 18 -pix_fmt yuv420p -an -sn -dn -map_metadata -1)
ffmajor=$(ffmpeg -version | sed -n '1s/^ffmpeg version n\{0,1\}\([0-9]*\).*/\1/p')
ffmajor=${ffmajor:-7} # a git build ("N-...") is newer than any release

# Sets, for case $1 on a W x H clip: ref_vf (filters making the reference from the clip; empty:
# the clip itself is the reference), new_vf (filters on the clip before the warp), post_vf (after
# it) and rotation (display-matrix rotation of the new file, ffprobe's sign: -90 = shown turned a
# quarter clockwise, as phones store portrait video).
recipe() {
  local c="$1" w="$2" h="$3" z
  ref_vf=""; new_vf=""; post_vf=""; rotation=0
  local back="scale=$w:$h:flags=bicubic,setsar=1"
  case "$c" in
    none) ;;
    zoom+*|zoom-*)
      z="1.${c:5}"; [[ ${#c} -eq 6 ]] && z="1.0${c:5}"
      local crop="crop=trunc(iw/$z/2)*2:trunc(ih/$z/2)*2,$back"
      # a wider view cannot be invented: for zoom-N the REFERENCE is the cropped one
      if [[ "$c" == zoom+* ]]; then new_vf="$crop"; else ref_vf="$crop"; fi ;;
    # lenscorrection with k1 < 0 stretches the edges (pincushion against the clip, about 10 %
    # larger at the corners, no black border); lens-ref gives it to the reference instead, so the
    # new run is the barrel-like, wider one
    lens) new_vf="lenscorrection=k1=-0.2:k2=-0.02:i=bilinear" ;;
    lens-ref) ref_vf="lenscorrection=k1=-0.2:k2=-0.02:i=bilinear" ;;
    crop4x3) new_vf="crop=trunc(ih*4/3/2)*2:ih,setsar=1" ;;
    stab) # an 85 % window drifting +-6 % of the frame, as an electronic stabiliser's crop does
      new_vf="crop=w=trunc(iw*0.85/2)*2:h=trunc(ih*0.85/2)*2"
      new_vf+=":x=(iw-ow)/2*(1+0.8*sin(2*PI*t/1.7)):y=(ih-oh)/2*(1+0.8*sin(2*PI*t/2.3+1)),$back" ;;
    roll2) new_vf="rotate=2*PI/180:c=black" ;; # 2 degrees, black corners
    rot90) post_vf="transpose=cclock"; rotation=-90 ;; # stored sideways, upright when displayed
  esac
}

# make_case CLIP CASEDIR CASE: writes ref.mp4 (a link to the clip when it is the reference as is),
# new.mp4, ref_markers.csv and truth.csv (name,t_ref,t_new) unless the recipe is unchanged.
make_case() {
  local clip="$1" out="$2" c="$3" w h rate dur
  IFS=, read -r w h rate dur < <(ffprobe -v error -select_streams v:0 \
    -show_entries stream=width,height,r_frame_rate,duration -of csv=p=0 "$clip")
  recipe "$c" "$w" "$h"
  local warp="setpts=(T+$warp_a*sin(2*PI*T/$warp_p))/TB,fps=fps=$rate:round=near"
  local vf="${new_vf:+$new_vf,}$warp${post_vf:+,$post_vf}"
  local stamp="v1|$clip|$(stat -c %s "$clip")|$ref_vf|$vf|$rotation|${encode[*]}"
  if [[ -f "$out/recipe.txt" && "$(cat "$out/recipe.txt")" == "$stamp" ]]; then return 0; fi
  rm -rf "$out"; mkdir -p "$out"
  if [[ -n "$ref_vf" ]]; then
    ffmpeg -nostdin -v error -y -i "$clip" -map 0:v:0 -vf "$ref_vf" "${encode[@]}" "$out/ref.mp4"
  else
    ln -s "$clip" "$out/ref.mp4"
  fi
  ffmpeg -nostdin -v error -y -i "$clip" -map 0:v:0 -vf "$vf" "${encode[@]}" "$out/new.mp4"
  if ((rotation != 0)); then
    mv "$out/new.mp4" "$out/stored.mp4"
    if ((ffmajor >= 6)); then # an input option since FFmpeg 6, counter-clockwise degrees
      ffmpeg -nostdin -v error -y -display_rotation:v:0 "$rotation" -i "$out/stored.mp4" \
        -map 0:v:0 -c copy "$out/new.mp4"
    else # FFmpeg 5's tag, measured: rotate=270 gives ffprobe's rotation=-90
      ffmpeg -nostdin -v error -y -i "$out/stored.mp4" -map 0:v:0 -c copy \
        -metadata:s:v:0 rotate=$(((360 + rotation) % 360)) "$out/new.mp4"
    fi
    rm -f "$out/stored.mp4"
    local got
    got=$(ffprobe -v error -select_streams v:0 -show_entries stream_side_data=rotation \
      -of csv=p=0 "$out/new.mp4" | tr -d ',[:space:]')
    [[ "${got%.*}" == "$rotation" ]] || { echo "bench-camera: $out/new.mp4 has rotation '$got'," \
      "wanted $rotation" >&2; exit 1; }
  fi
  # 7 markers spread over the clip, clear of its first and last second; truth in continuous time
  awk -v d="$dur" -v a="$warp_a" -v p="$warp_p" -v csv="$out/ref_markers.csv" 'BEGIN {
    pi = atan2(0, -1); print "name,t_ref" > csv; print "name,t_ref,t_new"
    for (i = 0; i < 7; i++) {
      t = sprintf("%.3f", 1 + i * (d - 2) / 6); print "m" i + 1 "," t > csv
      printf "m%d,%s,%.6f\n", i + 1, t, t + a * sin(2 * pi * t / p)
    } }' > "$out/truth.csv"
  echo "$rate" > "$out/rate.txt"
  echo "$stamp" > "$out/recipe.txt"
}

# make_synth_case CASEDIR CASE: renders the case's pair with known truth (see --help).
make_synth_case() {
  local out="$1" c="$2" flags=()
  case "$c" in
    none) ;;
    zoom+*) flags=(--new-zoom "$(awk -v n="${c:5}" 'BEGIN { print 1 + n / 100 }')") ;;
    zoom-*) flags=(--new-zoom "$(awk -v n="${c:5}" 'BEGIN { print 1 - n / 100 }')") ;;
    lens|lens-ref) flags=(--new-lens fisheye --new-zoom 1.0) ;;
    crop4x3) flags=(--new-aspect 4:3) ;;
    stab) flags=(--new-stabilise) ;;
    rot90) flags=(--new-rotate 90) ;;
    mount) flags=(--new-mount chest) ;;
    line1) flags=(--new-line-offset 1) ;;
    *) return 1 ;;
  esac
  local stamp="synth-v1|${flags[*]}"
  if [[ -f "$out/recipe.txt" && "$(cat "$out/recipe.txt")" == "$stamp" ]]; then return 0; fi
  rm -rf "$out"; mkdir -p "$out"
  "$mtbsync" synth --out "$out" --seed 11 --duration 20 --size 960x540 --fps 30 --new-fps 60 \
    "${flags[@]}" -q >/dev/null
  node -e '
    const t = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    console.log("name,t_ref,t_new");
    for (const m of t.markers) if (m.t_new !== null && m.t_new !== undefined)
      console.log(`"${m.name.replace(/"/g, "\"\"")}",${m.t_ref},${m.t_new}`);
  ' "$out/truth.json" > "$out/truth.csv"
  echo 60 > "$out/rate.txt"
  echo "$stamp" > "$out/recipe.txt"
}

mtbsync="$root/scripts/mtbsync"
"$mtbsync" --version >/dev/null # builds the jar when needed
mkdir -p "$dir"
results="$dir/results.jsonl"
: > "$results"
printf '%-26s %-9s %-8s %7s %7s %7s\n' clip case status med_fr max_fr sync_s
for clip in "${files[@]}"; do
  name=$(basename "$clip" .mp4)
  [[ "$clip" == synth ]] && name=synth
  runs="$dir/runs/$name" # one root per clip: cases that share the reference share its analysis
  rm -rf "$runs"
  for c in $cases; do
    casedir="$dir/clips/$name/$c"
    if [[ "$clip" == synth ]]; then
      make_synth_case "$casedir" "$c" || continue
    else
      [[ " $synth_only " == *" $c "* ]] && continue
      make_case "$clip" "$casedir" "$c"
    fi
    start=$(date +%s.%N)
    rc=0
    "$mtbsync" sync --reference "$casedir/ref.mp4" --new "$casedir/new.mp4" \
      --ref-markers "$casedir/ref_markers.csv" --out "$runs" -q --json --regression-off \
      > "$dir/sync.json" 2> "$dir/sync.err" || rc=$?
    secs=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
    node - "$dir/sync.json" "$dir/sync.err" "$casedir" "$name" "$c" "$rc" "$secs" "$results" <<'JS'
const fs = require('fs');
const [jsonFile, errFile, caseDir, clip, kase, rc, secs, results] = process.argv.slice(2);
const split = line => { // CSV fields, quotes aware
  const out = []; let cur = '', q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (q) { if (c === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (c === '"') q = false; else cur += c; }
    else if (c === '"') q = true; else if (c === ',') { out.push(cur); cur = ''; } else cur += c;
  }
  out.push(cur); return out;
};
const table = file => {
  const rows = fs.readFileSync(file, 'utf8').trim().split('\n').map(split);
  return rows.slice(1).map(r => Object.fromEntries(rows[0].map((h, i) => [h.trim(), r[i]])));
};
const [num, den = '1'] = fs.readFileSync(`${caseDir}/rate.txt`, 'utf8').trim().split('/');
const fps = num / den; // e.g. 30000/1001
const truth = table(`${caseDir}/truth.csv`);
let status = rc === '0' ? 'ok' : rc === '1' ? 'refused' : `error${rc}`;
let runDir = null, camera = null;
try {
  const out = JSON.parse(fs.readFileSync(jsonFile, 'utf8'));
  runDir = out.run_dir; camera = out.camera || null;
} catch (e) { /* none */ }
const csv = runDir && `${runDir}/new_markers.csv`;
if (status === 'ok' && !(csv && fs.existsSync(csv))) status = 'no-markers';
if (status !== 'ok' && status !== 'refused') {
  process.stderr.write(`bench-camera: ${clip} ${kase}: ${status}: ` +
    fs.readFileSync(errFile, 'utf8').trim().split('\n').slice(-1)[0] + '\n');
}
const markers = [];
if (status === 'ok') {
  const got = new Map(table(csv).map(r => [r.name, r]));
  for (const t of truth) {
    const r = got.get(t.name), tNew = r ? parseFloat(r.t_new) : NaN;
    const lo = r && r.t_new_lo !== undefined ? parseFloat(r.t_new_lo) : null;
    const hi = r && r.t_new_hi !== undefined ? parseFloat(r.t_new_hi) : null;
    markers.push({ name: t.name, t_ref: +t.t_ref, truth: +t.t_new, t_new: Number.isNaN(tNew) ? null : tNew,
      err_frames: Number.isNaN(tNew) ? null : (tNew - t.t_new) * fps,
      review: r ? r.needs_review === 'true' : true, lo, hi });
  }
}
fs.appendFileSync(results, JSON.stringify({ clip, case: kase, status, fps, secs: +secs, expected: truth.length, markers, camera, run_dir: runDir }) + '\n');
const errs = markers.filter(m => m.err_frames !== null).map(m => Math.abs(m.err_frames)).sort((a, b) => a - b);
const med = errs.length ? errs[Math.floor((errs.length - 1) / 2)].toFixed(2) : '-';
const max = errs.length ? errs[errs.length - 1].toFixed(2) : '-';
console.log(`${clip.slice(0, 26).padEnd(26)} ${kase.padEnd(9)} ${status.padEnd(8)} ${med.padStart(7)} ${max.padStart(7)} ${secs.padStart(7)}`);
JS
  done
done

node - "$results" "$dir" "$cases" <<'JS'
const fs = require('fs');
const [results, dir, cases] = process.argv.slice(2);
const rows = fs.readFileSync(results, 'utf8').trim().split('\n').filter(Boolean).map(JSON.parse);
const q = (v, p) => v.length ? v[Math.min(v.length - 1, Math.floor(p * (v.length - 1)))] : NaN;
const fmt = (x, d = 2) => Number.isFinite(x) ? x.toFixed(d) : '-';
// one line of numbers for a group of (clip, case) results
const score = group => {
  const ms = group.flatMap(g => g.markers.map(m => ({ ...m, fps: g.fps })));
  const scored = ms.filter(m => m.err_frames !== null);
  const abs = scored.map(m => Math.abs(m.err_frames)).sort((a, b) => a - b);
  const withIv = scored.filter(m => m.lo !== null && m.hi !== null && !Number.isNaN(m.lo));
  const covered = withIv.filter(m => m.lo <= m.truth && m.truth <= m.hi).length;
  const mean = scored.reduce((s, m) => s + (m.t_new - m.truth), 0) / scored.length;
  return {
    markers: `${scored.length}/${group.reduce((s, g) => s + g.expected, 0)}`,
    median: fmt(q(abs, 0.5)), p90: fmt(q(abs, 0.9)), max: fmt(abs[abs.length - 1]),
    bias_ms: fmt(1000 * mean, 1),
    coverage: withIv.length ? fmt(covered / withIv.length) : '-',
    review: ms.length ? fmt(ms.filter(m => m.review).length / ms.length) : '-',
    conf_wrong: String(scored.filter(m => Math.abs(m.err_frames) > 3 && !m.review).length),
    refused: `${group.filter(g => g.status !== 'ok').length}/${group.length}`,
  };
};
const head = ['case', 'markers', 'median_fr', 'p90_fr', 'max_fr', 'bias_ms', 'coverage', 'review',
  'conf_wrong', 'refused'];
const line = (kase, s) => [kase, s.markers, s.median, s.p90, s.max, s.bias_ms, s.coverage, s.review,
  s.conf_wrong, s.refused];
const matrix = cases.split(/\s+/).filter(c => rows.some(r => r.case === c))
  .map(c => line(c, score(rows.filter(r => r.case === c))));
const widths = head.map((h, i) => Math.max(h.length, ...matrix.map(r => r[i].length)));
console.log('\n' + head.map((h, i) => h.padStart(widths[i])).join(' '));
for (const r of matrix) console.log(r.map((v, i) => v.padStart(widths[i])).join(' '));
fs.writeFileSync(`${dir}/matrix.tsv`, [head, ...matrix].map(r => r.join('\t')).join('\n') + '\n');
fs.writeFileSync(`${dir}/matrix.md`, [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`,
  ...matrix.map(r => `| ${r.join(' | ')} |`)].join('\n') + '\n');
const detail = rows.map(r => [r.clip, ...line(r.case, score([r])), r.status, r.secs.toFixed(1),
  r.markers.map(m => m.err_frames === null ? 'NaN' : m.err_frames.toFixed(2)).join(',')]);
fs.writeFileSync(`${dir}/detail.tsv`, [['clip', ...head, 'status', 'sync_s', 'signed_err_fr'], ...detail]
  .map(r => r.join('\t')).join('\n') + '\n');
console.log(`\nerrors in frames of the new video; bias = mean signed error (t_new - truth) in ms; ` +
  `coverage = truths inside [t_new_lo, t_new_hi]; review = share flagged needs_review; ` +
  `conf_wrong = |err| > 3 frames and not flagged; refused = syncs that exited non-zero.\n` +
  `Written: ${dir}/matrix.tsv, matrix.md, detail.tsv`);
JS
