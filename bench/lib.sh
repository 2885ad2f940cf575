# Shared by the whole-process lab benchmarks (sourced, not run). Callers set root, size, runs and
# work first; this checks GNU time, builds the jar through the launcher and sets tidemark and lab.
command -v /usr/bin/time >/dev/null || { echo "GNU time is not installed: apt-get install time" >&2; exit 1; }
mkdir -p "$work"
tidemark="$root/tidemark"
"$tidemark" --version >/dev/null

# Lab evidence of SIZE, generated once per size and kept in bench/work (git-ignored).
lab="$work/lab-$size"
if [ ! -f "$lab/truth.json" ]; then
  echo "generating $size of lab evidence in $lab ..." >&2
  "$tidemark" lab generate --out "$lab" --seed 7 --scenario proxylogon --size "$size" >/dev/null
fi

# A caller may define before_run, which runs before every timed run.
# measure NAME [OK_EXIT...] -- COMMAND...: prints "seconds rss_kib" per run; exit codes listed
# before -- also count as success (scan exits 10-13 by verdict).
measure() {
  local name=$1; shift
  local ok=(0)
  while [ "$1" != "--" ]; do ok+=("$1"); shift; done
  shift
  for _ in $(seq "$runs"); do
    if declare -F before_run >/dev/null; then before_run; fi
    local rc=0
    /usr/bin/time -f '%e %M' -o "$work/time.txt" "$@" > /dev/null 2> "$work/stderr.txt" || rc=$?
    if [[ " ${ok[*]} " != *" $rc "* ]]; then
      echo "$name failed ($rc):" >&2; cat "$work/stderr.txt" >&2; exit 1
    fi
    cat "$work/time.txt"
  done
}
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
# Of measure's output: the median wall time, and the peak RSS in KiB.
median_wall() { awk '{ print $1 }' | median; }
peak_rss() { awk '{ print $2 }' | sort -n | tail -1; }
# The machine line every table starts with.
machine() {
  echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ { print $2 }') GiB RAM; $(java -version 2>&1 | head -1)"
}
