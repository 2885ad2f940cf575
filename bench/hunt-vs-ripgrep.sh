#!/usr/bin/env bash
# Whole-process benchmark: `tidemark hunt` with the full built-in rule pack against ripgrep
# searching the same files for the union of the pack's literal patterns as one case-insensitive
# regex (the "grep for IOCs" baseline). Both run on every core.
#
#   bench/hunt-vs-ripgrep.sh [SIZE] [RUNS]      SIZE of lab text logs (default 1G), RUNS per tool (default 3)
#
# Prints a Markdown table (median wall time, MB/s, peak RSS, ratio) for docs/benchmarks.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size="${1:-1G}"
runs="${2:-3}"
work="$root/bench/work"
command -v rg >/dev/null || { echo "ripgrep (rg) is not installed: apt-get install ripgrep" >&2; exit 1; }
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"

# The text logs only: Windows event exports are JSON, not what an IOC grep would run on.
mapfile -t files < <(find "$lab" -type f \( -iname '*.log' \) | sort)
bytes=$(cat "${files[@]}" | wc -c)
mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }')
list="$work/files-$size.txt"
printf '%s\n' "${files[@]}" > "$list"

patterns="$work/patterns.txt"
"$tidemark" rules atoms > "$patterns"
npat=$(wc -l < "$patterns")

# Warm the page cache so both tools read from memory.
cat "${files[@]}" > /dev/null

echo "timing tidemark hunt ($runs runs over $mb MB, $(( ${#files[@]} )) files) ..." >&2
tm=$(measure tidemark -- "$tidemark" hunt --threads "$(nproc)" --no-progress "${files[@]}")
echo "timing rg -i -f patterns ($npat patterns) ..." >&2
rgm=$(measure rg -- rg -i -c --no-messages -f "$patterns" "${files[@]}")

t_wall=$(echo "$tm" | median_wall)
t_rss=$(echo "$tm" | peak_rss)
r_wall=$(echo "$rgm" | median_wall)
r_rss=$(echo "$rgm" | peak_rss)

cat <<TABLE
Machine: $(machine); $(rg --version | head -1)
Input: $mb MB in ${#files[@]} lab text-log files (\`tidemark lab generate --seed 7 --scenario proxylogon --size $size\`), page cache warm; median of $runs runs.

| tool | command | median wall | MB/s | peak RSS |
|---|---|---|---|---|
| Tidemark | \`tidemark hunt --threads $(nproc) FILES\` (built-in pack) | ${t_wall} s | $(awk -v m="$mb" -v s="$t_wall" 'BEGIN { printf "%.1f", m / s }') | $((t_rss / 1024)) MiB |
| ripgrep | \`rg -i -c -f patterns.txt FILES\` ($npat patterns, \`tidemark rules atoms\`) | ${r_wall} s | $(awk -v m="$mb" -v s="$r_wall" 'BEGIN { printf "%.1f", m / s }') | $((r_rss / 1024)) MiB |

Ratio (Tidemark throughput / ripgrep throughput): $(awk -v a="$t_wall" -v b="$r_wall" 'BEGIN { printf "%.2f", b / a }')
TABLE
