#!/usr/bin/env bash
# The mtbsync quality gate, for any CI: sync the new footage into a batch root, report on the
# root's runs, then gate on the newest run against the runs before it.
#
# usage: docs/ci/quality-gate.sh FOOTAGE REFERENCE ROOT REPORTS [quality-gate flags...]
#   FOOTAGE    folder of new runs (videos) to sync
#   REFERENCE  the reference run's video; REF_MARKERS=markers.csv in the environment carries its
#              markers over too
#   ROOT       the batch root: quality_history.json and one folder per run. Keep it between jobs
#              (a CI cache): the gate judges against the runs it holds.
#   REPORTS    where benchmark_quality.{csv,json,html} and quality_gate.{json,txt} go
#   flags      passed to quality-gate, e.g. --preset strict or --learning-runs 50
# MTBSYNC names the mtbsync command (default: scripts/mtbsync of this checkout).
#
# Exit: 20 on FAIL; 1 on ERROR, when a step failed to run, or when mtbsync refused the command
# line; else 0 (PASS, WARN, WARN_LEARNING and NO_DATA pass the job; quality_gate.txt says which).
set -uo pipefail
if (($# < 4)); then
  sed -n '5,12p' "$0" >&2
  exit 1
fi
footage=$1 reference=$2 root=$3 reports=$4
shift 4
mtbsync=${MTBSYNC:-"$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/scripts/mtbsync"}
broken=0

markers=()
[[ -n "${REF_MARKERS:-}" ]] && markers=(--ref-markers "$REF_MARKERS")
"$mtbsync" batch "$footage" --reference "$reference" "${markers[@]}" --out-dir "$root" --quiet
step=$?
# 2: no videos in FOOTAGE, so nothing new to judge; the gate still reports on the history
if ((step != 0 && step != 2)); then
  echo "quality-gate.sh: batch exited $step (a video failed to sync, see above)" >&2
  broken=1
fi

"$mtbsync" benchmark-quality --root "$root" --out "$reports" --html --strict
step=$?
if ((step != 0 && step != 2)); then
  echo "quality-gate.sh: benchmark-quality exited $step" >&2
  broken=1
fi

# without a fresh quality_gate.json, an exit of 2 is a refused command line, not NO_DATA
rm -f "$reports/quality_gate.json"
"$mtbsync" quality-gate --root "$root" --out "$reports" "$@"
gate=$?
if ((gate == 2)) && [[ ! -f "$reports/quality_gate.json" ]]; then
  echo "quality-gate.sh: quality-gate refused its command line" >&2
  gate=1
fi

case $gate in
  20 | 1) exit "$gate" ;;
  *) exit "$broken" ;;
esac
