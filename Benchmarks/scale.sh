#!/usr/bin/env bash
# The scale run of the performance issue: a synthetic corpus of SIZE (default
# 100MB) -> all five exports with `prosegraph export --stream`, timed, with
# peak resident memory (GNU time's "Maximum resident set size").
#
#   Benchmarks/scale.sh                 # 100 MB corpus
#   SIZE=1GB Benchmarks/scale.sh        # needs ~55 GB free next to WORK (see below)
#   FORMATS=ntriples SIZE=1GB Benchmarks/scale.sh
#
# The exports are about 55 times the size of the prose (every fact mention
# carries its sentence, in five formats), so 1 GB of articles gives ~55 GB of
# exports. WORK (default /tmp/prosegraph-scale) holds the corpus and the exports;
# both are removed at the end unless KEEP=1.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE=${SIZE:-100MB}
WORK=${WORK:-/tmp/prosegraph-scale}
JOBS=${JOBS:-$(nproc)}
FORMATS=${FORMATS:-}

log() { echo "scale.sh: $*" >&2; }
command -v /usr/bin/time >/dev/null || { log "GNU time is needed: apt-get install time"; exit 2; }

swift build -c release --scratch-path .build-bench --product prosegraph >&2
PG=$(swift build -c release --scratch-path .build-bench --show-bin-path)/prosegraph

mkdir -p "$WORK"
corpus=$WORK/corpus-$SIZE
if [ ! -f "$corpus/.done" ]; then
  rm -rf "$corpus"
  log "generating $SIZE of articles in $corpus"
  start=$EPOCHREALTIME
  "$PG" synth --size "$SIZE" --out "$corpus" --quiet
  touch "$corpus/.done"
  log "generated in $(awk -v s="$start" -v e="$EPOCHREALTIME" 'BEGIN { printf "%.1f", e - s }') s"
fi
bytes=$(find "$corpus" -name '*.txt' -printf '%s\n' | awk '{ s += $1 } END { print s }')
articles=$(find "$corpus" -name '*.txt' | wc -l)

out=$WORK/out
rm -rf "$out"
args=(export "$corpus" --out "$out" --stream --jobs "$JOBS" --quiet)
[ -n "$FORMATS" ] && args+=(--format "$FORMATS")
log "prosegraph ${args[*]}"
start=$EPOCHREALTIME
/usr/bin/time -f '%e %M' -o "$WORK/time.txt" "$PG" "${args[@]}"
read -r seconds rss_kb < "$WORK/time.txt"
out_bytes=$(du -sb "$out" | cut -f1)
triples=$(if [ -f "$out/graph.nt" ]; then wc -l < "$out/graph.nt"; else echo "-"; fi)

printf '| corpus | articles | formats | jobs | wall s | MB/s of prose | peak RSS MB | exports GB | N-Triples lines |\n'
printf '|---|---:|---|---:|---:|---:|---:|---:|---:|\n'
printf '| %s (%s bytes) | %s | %s | %s | %.1f | %.1f | %d | %.2f | %s |\n' \
  "$SIZE" "$bytes" "$articles" "${FORMATS:-all five}" "$JOBS" "$seconds" \
  "$(awk -v b="$bytes" -v s="$seconds" 'BEGIN { print b / 1e6 / s }')" $((rss_kb / 1024)) \
  "$(awk -v b="$out_bytes" 'BEGIN { print b / 1e9 }')" "$triples"

if [ "${KEEP:-0}" != 1 ]; then rm -rf "$out" "$corpus"; fi
