#!/usr/bin/env bash
# Sigma matching speed with every SigmaHQ Windows rule loaded (issue #3).
#
#   bench/sigma-windows.sh [EVENTS] [RUNS]
#
# Builds tidemark-bench (offline), decodes the EVTX attack samples once into memory, and replays
# them through the compiled SigmaHQ rules on 2 threads until EVENTS events (default 2,000,000)
# have been matched, RUNS times (default 5); prints the median. Two event sets: all samples, and
# the Sysmon events alone (the channel with the most rules per event: ~1,400 for process
# creation). The decoder is kept out of the timed loop: it runs at ~45 k records/s by itself
# (bench/evtx-vs-evtxexport.sh), so a whole-process run measures it rather than the rules.
#
# With SIGMA_BENCH_HUNT=1 it also times the whole process, `tidemark hunt --rules ... SAMPLES`,
# for context (the launcher rebuilds the CLI jar if sources changed).
#
# JVM flags are the launcher's (serial GC, C1 only on <= 2 cores); SIGMA_BENCH_JAVA_OPTS
# replaces them. The datasets are read in place (../shared/datasets), never copied.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
datasets="${TIDEMARK_DATASETS:-$root/../shared/datasets}"
sigma="$datasets/sigma-rules"
evtx="$datasets/evtx-attack-samples"
events="${1:-2000000}"
runs="${2:-5}"
work="$root/bench/work/sigma"
mkdir -p "$work"

for d in "$sigma/rules" "$evtx"; do
  [ -d "$d" ] || { echo "missing $d" >&2; exit 1; }
done

(cd "$root" && mvn -o -q -B -Dmaven.test.skip=true package -pl tidemark-bench -am) >"$work/build.log" 2>&1 \
  || { tail -n 30 "$work/build.log" >&2; exit 1; }
jar="$root/tidemark-bench/target/benchmarks.jar"

if [ -n "${SIGMA_BENCH_JAVA_OPTS:-}" ]; then
  # shellcheck disable=SC2206 # a list of options
  jvm=(${SIGMA_BENCH_JAVA_OPTS})
else
  jvm=(-Xmx768m -XX:+UseSerialGC)
  if [ "$(nproc 2>/dev/null || echo 1)" -le 2 ]; then
    jvm+=(-XX:TieredStopAtLevel=1)
  fi
fi

replay() { # NAME EXTRA-ARGS...
  local name="$1"
  shift
  java "${jvm[@]}" -cp "$jar" io.tidemark.bench.SigmaThroughput --sigma "$sigma" --evtx "$evtx" \
    --events "$events" --runs "$runs" --threads 2 "$@" | tee "$work/$name.txt" >&2
}

replay all
replay sysmon --channel Microsoft-Windows-Sysmon/Operational

field() { # FILE KEY
  grep '^RESULT ' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"
}

cpu="$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')"
mem="$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)"
javav="$(java -version 2>&1 | head -n 1)"
echo
echo "Machine: $(nproc) cores, $cpu, $mem; $javav; JVM flags: ${jvm[*]}"
echo "Rules: $(field "$work/all.txt" rules) compiled ($(field "$work/all.txt" windows_rules) for Windows events)."
echo
echo "| events replayed | command | events per run | median | events/s | events per CPU-s | matches per run | heap retained / peak | allocated per event |"
echo "|---|---|---|---|---|---|---|---|---|"
for name in all sysmon; do
  f="$work/$name.txt"
  case "$name" in
    all) what="all samples ($(field "$f" distinct_events) events)"; extra="" ;;
    sysmon) what="Sysmon only ($(field "$f" distinct_events) events)"; extra=" --channel Microsoft-Windows-Sysmon/Operational" ;;
  esac
  printf '| %s | `SigmaThroughput --events %s --runs %s --threads 2%s` | %s | %s s | %s | %s | %s | %s / %s MiB | %s B |\n' \
    "$what" "$events" "$runs" "$extra" "$(field "$f" events_per_run)" "$(field "$f" median_s)" \
    "$(field "$f" events_per_s)" "$(field "$f" events_per_cpu_s)" "$(field "$f" matches_per_run)" \
    "$(field "$f" retained_mib)" "$(field "$f" peak_heap_mib)" "$(field "$f" alloc_bytes_per_event)"
done

if [ "${SIGMA_BENCH_HUNT:-0}" = 1 ]; then
  rules=()
  for d in rules rules-emerging-threats rules-threat-hunting rules-placeholder rules-compliance; do
    rules+=(--rules "$sigma/$d")
  done
  "$root/tidemark" --version >/dev/null 2>&1 || true # build the jar outside the timing
  walls=()
  for i in $(seq 1 "${HUNT_RUNS:-3}"); do
    /usr/bin/time -f '%e %M' -o "$work/hunt-time.txt" "$root/tidemark" hunt --threads 2 --quiet \
      "${rules[@]}" "$evtx" >"$work/hunt.jsonl" 2>"$work/hunt-stderr.txt" || true
    walls+=("$(cat "$work/hunt-time.txt")")
  done
  median="$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$0} END {print a[int((NR+1)/2)]}')"
  echo
  echo "| whole process | command | detections | median wall | peak RSS |"
  echo "|---|---|---|---|---|"
  printf '| decode + match + JSON out | `tidemark hunt --threads 2 --rules (5 SigmaHQ folders) evtx-attack-samples` | %s | %s s | %s MiB |\n' \
    "$(wc -l <"$work/hunt.jsonl")" "${median%% *}" "$(( ${median##* } / 1024 ))"
fi
