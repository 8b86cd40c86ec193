#!/usr/bin/env bash
# A Spark standalone cluster on this machine, by hand: a master and a worker started from
# spark/target/mtbsync-spark.jar, then the same 2-pair batch three ways (plain `--jobs 2`,
# `--engine spark --master spark://...`, and Spark's own SparkSubmit entry point) with the summary
# rows compared and the wall times printed. SparkStandaloneIT (mvn -pl spark -am verify) checks the
# `--master spark://` way automatically; this script also runs SparkSubmit and keeps the logs.
#
#   scripts/spark-standalone-check.sh [WORK_DIR]     (default: a new temporary folder)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/spark/target/mtbsync-spark.jar"
work="${1:-$(mktemp -d)}"
mkdir -p "$work"
[[ -f "$jar" ]] || "$root/scripts/mtbsync-spark" --version >/dev/null # builds the jar

opens=()
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util \
  java.util.concurrent java.util.concurrent.atomic sun.nio.ch sun.nio.cs sun.security.action \
  sun.util.calendar; do
  opens+=("--add-opens=java.base/$p=ALL-UNNAMED")
done
export SPARK_LOCAL_IP=127.0.0.1
port=7177
ui=8180

echo "inputs: two synthetic runs, one of the reference's trail and one of another" >&2
java -jar "$jar" synth --out "$work/synth1" --duration 8 --size 480x270 --seed 1 >/dev/null
java -jar "$jar" synth --out "$work/synth2" --duration 8 --size 480x270 --seed 2 >/dev/null
mkdir -p "$work/in"
cp "$work/synth1/new.mp4" "$work/in/run1.mp4"
cp "$work/synth2/new.mp4" "$work/in/run2.mp4"

# The worker's Spark install: the jar less mtbsync and JavaCV, as a stock Spark 3.5 (Scala 2.13)
# would be, so executors sync only with what the driver ships. Without `zip`, the whole jar.
mkdir -p "$work/spark-home/jars"
if command -v zip >/dev/null; then
  cp "$jar" "$work/spark-home/jars/spark.jar"
  zip -q -d "$work/spark-home/jars/spark.jar" 'dev/mtbsync/*' 'org/bytedeco/*' \
    'META-INF/services/dev.mtbsync*' >/dev/null
else
  ln -sf "$jar" "$work/spark-home/jars/spark.jar"
fi

pids=()
trap 'for p in "${pids[@]}"; do pkill -P "$p" 2>/dev/null || true; kill "$p" 2>/dev/null || true; done' EXIT
java "${opens[@]}" -cp "$jar" org.apache.spark.deploy.master.Master \
  --host 127.0.0.1 --port "$port" --webui-port "$ui" >"$work/master.log" 2>&1 &
pids+=($!)
SPARK_HOME="$work/spark-home" SPARK_SCALA_VERSION=2.13 \
  java "${opens[@]}" -cp "$jar" org.apache.spark.deploy.worker.Worker \
  --host 127.0.0.1 --cores 2 --memory 2g --work-dir "$work/worker" --webui-port $((ui + 1)) \
  "spark://127.0.0.1:$port" >"$work/worker.log" 2>&1 &
pids+=($!)
for _ in $(seq 60); do
  curl -s "http://127.0.0.1:$ui/json/" | grep -q '"aliveworkers" : 1' && break
  sleep 1
done

batch=(batch "$work/in" --reference "$work/synth1/ref.mp4" --ref-markers "$work/synth1/ref_markers.csv"
  --no-gpu --quiet)
timed() { # NAME COMMAND...: runs it, prints its wall time
  local name="$1" t0 t1
  shift
  t0=$(date +%s.%N)
  "$@" >"$work/$name.log" 2>&1 || true
  t1=$(date +%s.%N)
  printf '%-14s %6.1f s\n' "$name" "$(echo "$t1 - $t0" | bc)"
}
timed plain java -jar "$jar" "${batch[@]}" --out-dir "$work/plain" --jobs 2
timed local2 java -jar "$jar" "${batch[@]}" --out-dir "$work/local2" --engine spark --master 'local[2]'
timed standalone java -jar "$jar" "${batch[@]}" --out-dir "$work/standalone" --engine spark \
  --master "spark://127.0.0.1:$port"
timed spark-submit java "${opens[@]}" -cp "$jar" org.apache.spark.deploy.SparkSubmit \
  --master "spark://127.0.0.1:$port" --class dev.mtbsync.cli.Main "$jar" \
  "${batch[@]}" --out-dir "$work/spark-submit" --engine spark

rows() { cut -d, -f1,2,4-7,13- "$1/batch_summary.csv"; } # all but run_id and the timings
status=0
for run in local2 standalone spark-submit; do
  if diff <(rows "$work/plain") <(rows "$work/$run") >/dev/null; then
    echo "$run: rows as the plain batch's"
  else
    echo "$run: rows DIFFER from the plain batch's (see $work/$run.log)"
    status=1
  fi
done
echo "logs and run folders: $work"
exit "$status"
