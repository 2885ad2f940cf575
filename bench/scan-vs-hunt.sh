#!/usr/bin/env bash
# Whole-process benchmark: a full `tidemark scan` (every detection, the damage assessment and
# every report file: assessment.json, report.html, timelines, STIX, notification, manifest with
# SHA-256 of every input) against `tidemark hunt` alone, on the same lab evidence folder.
#
#   bench/scan-vs-hunt.sh [SIZE] [RUNS]     SIZE of lab evidence (default 1G), RUNS per command (default 3)
#
# Target (issue #5): scan at most 2x hunt's wall time, peak RSS at most 1 GiB.
# Prints a Markdown table for docs/benchmarks.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size="${1:-1G}"
runs="${2:-3}"
work="$root/bench/work"
out="$work/scan-out"
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"
bytes=$(find "$lab" -type f ! -name truth.json -printf '%s\n' | awk '{ s += $1 } END { print s }')
nfiles=$(find "$lab" -type f ! -name truth.json | wc -l)
mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }')
find "$lab" -type f -exec cat {} + > /dev/null # page cache warm for both

before_run() { rm -rf "$out"; }

echo "timing tidemark hunt ($runs runs over $mb MB, $nfiles files) ..." >&2
hm=$(measure hunt -- "$tidemark" hunt --threads "$(nproc)" --no-progress "$lab")
echo "timing tidemark scan ..." >&2
sm=$(measure scan 10 11 12 13 -- "$tidemark" scan --no-progress --out "$out" "$lab")
verdict=$(sed -n 's/.*"verdict" *: *"\([a-z_]*\)".*/\1/p' "$out/assessment.json" | head -1)

h_wall=$(echo "$hm" | median_wall)
h_rss=$(echo "$hm" | peak_rss)
s_wall=$(echo "$sm" | median_wall)
s_rss=$(echo "$sm" | peak_rss)

cat <<TABLE
Machine: $(machine)
Input: $mb MB in $nfiles lab files (\`tidemark lab generate --seed 7 --scenario proxylogon --size $size\`), page cache warm; median of $runs runs. Scan verdict: $verdict.

| command | median wall | MB/s | peak RSS |
|---|---|---|---|
| \`tidemark hunt --threads $(nproc) LAB\` | ${h_wall} s | $(awk -v m="$mb" -v s="$h_wall" 'BEGIN { printf "%.1f", m / s }') | $((h_rss / 1024)) MiB |
| \`tidemark scan --out OUT LAB\` | ${s_wall} s | $(awk -v m="$mb" -v s="$s_wall" 'BEGIN { printf "%.1f", m / s }') | $((s_rss / 1024)) MiB |

Ratio (scan wall / hunt wall): $(awk -v a="$s_wall" -v b="$h_wall" 'BEGIN { printf "%.2f", a / b }') (target at most 2)
TABLE
