#!/usr/bin/env bash
# Whole-process benchmark: Tidemark's EVTX decoder against evtxexport -f xml (Debian
# libevtx-utils) on at least 500 MB of EVTX, made by repeating EVTX-ATTACK-SAMPLES.
#
# Both render every record as XML to /dev/null. evtxexport runs one process per file, as in
# ../shared/datasets/README.md; Tidemark runs one JVM over all files (io.tidemark.evtx.tool.EvtxDump,
# to be replaced by `tidemark dump`) with the JVM options the `tidemark` launcher uses on one or
# two cores (serial GC, C1 only). Warm page cache, median of RUNS runs, wall time and peak RSS
# from GNU time. Prints a Markdown table on stdout; progress goes to stderr.
#
# Usage: bench/evtx-vs-evtxexport.sh            (env: TARGET_MB=500 RUNS=3 JAVA_OPTS=...)
# The copies live in bench/work/ (gitignored); delete it to reclaim the space.
set -euo pipefail
cd "$(dirname "$0")/.."

DATASETS=${TIDEMARK_DATASETS:-../shared/datasets}
SAMPLES="$DATASETS/evtx-attack-samples"
WORK=bench/work/evtx
TARGET_MB=${TARGET_MB:-500}
RUNS=${RUNS:-3}
JAVA_OPTS=${JAVA_OPTS:--Xmx768m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}

command -v evtxexport >/dev/null || { echo "evtxexport missing: apt-get install libevtx-utils" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "GNU time missing: apt-get install time" >&2; exit 1; }
[ -d "$SAMPLES" ] || { echo "$SAMPLES not found" >&2; exit 1; }

# 1. The decoder, built without tests; its one runtime dependency from the local repository.
jar=tidemark-evtx/target/tidemark-evtx-0.1.0-SNAPSHOT.jar
mvn -q -o -pl tidemark-evtx package -DskipTests >&2
event_jar=$(ls ~/.m2/repository/io/tidemark/tidemark-event/0.1.0-SNAPSHOT/tidemark-event-0.1.0-SNAPSHOT.jar)
jspecify_jar=$(ls ~/.m2/repository/org/jspecify/jspecify/1.0.1/jspecify-1.0.1.jar)
classpath="$jar:$event_jar:$jspecify_jar"

# 2. At least TARGET_MB of EVTX: whole copies of the sample set.
mkdir -p "$WORK"
sample_bytes=$(find "$SAMPLES" -name '*.evtx' -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
copies=$(( (TARGET_MB * 1000000 + sample_bytes - 1) / sample_bytes ))
for i in $(seq 1 "$copies"); do
  if [ ! -d "$WORK/copy-$i" ]; then
    echo "copying samples, set $i of $copies" >&2
    mkdir -p "$WORK/copy-$i"
    (cd "$SAMPLES" && find . -name '*.evtx' -type f -print0 | tar --null -cf - -T -) \
      | tar -xf - -C "$WORK/copy-$i"
  fi
done
find "$WORK" -name '*.evtx' -type f | sort > "$WORK/files.txt"
files=$(wc -l < "$WORK/files.txt")
bytes=$(tr '\n' '\0' < "$WORK/files.txt" | xargs -0 stat -c %s | awk '{s+=$1} END {print s}')
mb=$(awk -v b="$bytes" 'BEGIN {printf "%.1f", b / 1e6}')

# 3. Records each tool writes (not timed): evtxexport's count, and Tidemark's own tally.
records=$(tr '\n' '\0' < "$WORK/files.txt" | xargs -0 -n 1 evtxexport -f xml 2>/dev/null | grep -c '^<Event ')
echo "$files files, $mb MB, $records records" >&2

# 4. Warm cache, then RUNS timed runs per tool; GNU time's max RSS covers xargs' children.
tr '\n' '\0' < "$WORK/files.txt" | xargs -0 cat > /dev/null

measure() { # name, command...; prints "wall rss_kb" per run on stdout
  local name=$1; shift
  for run in $(seq 1 "$RUNS"); do
    /usr/bin/time -f '%e %M' -o "$WORK/time.txt" "$@" > /dev/null 2> "$WORK/stderr.txt" || {
      echo "$name failed:" >&2; cat "$WORK/stderr.txt" >&2; exit 1; }
    echo "$name run $run: $(cat "$WORK/time.txt") ($(tail -1 "$WORK/stderr.txt"))" >&2
    cat "$WORK/time.txt"
  done
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

evtxexport_runs=$(measure evtxexport sh -c "tr '\n' '\0' < '$WORK/files.txt' | xargs -0 -n 1 evtxexport -f xml")
tidemark_runs=$(measure tidemark java $JAVA_OPTS -cp "$classpath" io.tidemark.evtx.tool.EvtxDump \
  --format xml --no-recover --quiet --files-from "$WORK/files.txt")
recover_runs=$(measure tidemark-recover java $JAVA_OPTS -cp "$classpath" io.tidemark.evtx.tool.EvtxDump \
  --format xml --quiet --files-from "$WORK/files.txt")
recovered_total=$(sed -E 's/.*, ([0-9]+) records \(([0-9]+) recovered\).*/\2/' "$WORK/stderr.txt")
default_runs=$(measure tidemark-jvm-defaults java -cp "$classpath" io.tidemark.evtx.tool.EvtxDump \
  --format xml --no-recover --quiet --files-from "$WORK/files.txt")

row() { # tool, runs, records
  local wall rss
  wall=$(echo "$2" | awk '{print $1}' | median)
  rss=$(echo "$2" | awk '{print $2}' | sort -n | tail -1)
  awk -v t="$1" -v w="$wall" -v r="$3" -v b="$bytes" -v m="$rss" \
    'BEGIN {printf "| %s | %.2f | %.0f | %.1f | %.1f |\n", t, w, r / w, b / 1e6 / w, m / 1024}'
}

echo "EVTX decoding, $files files ($copies x EVTX-ATTACK-SAMPLES), $mb MB, $records records;"
echo "$(nproc) cores, warm page cache, median of $RUNS runs, XML to /dev/null."
echo "Tidemark JVM options: $JAVA_OPTS (as the tidemark launcher on two cores), unless noted."
echo
echo "| tool | wall s | records/s | MB/s | peak RSS MiB |"
echo "|---|---|---|---|---|"
row 'evtxexport -f xml (one process per file)' "$evtxexport_runs" "$records"
row 'Tidemark EvtxDump --format xml --no-recover (one JVM)' "$tidemark_runs" "$records"
row "Tidemark EvtxDump --format xml (+ $recovered_total recovered records)" "$recover_runs" \
  "$((records + recovered_total))"
row 'Tidemark EvtxDump --format xml --no-recover, JVM defaults (G1, C2)' "$default_runs" \
  "$records"
e=$(echo "$evtxexport_runs" | awk '{print $1}' | median)
t=$(echo "$tidemark_runs" | awk '{print $1}' | median)
echo
awk -v e="$e" -v t="$t" 'BEGIN {printf "Tidemark / evtxexport records per second: %.1fx\n", e / t}'
