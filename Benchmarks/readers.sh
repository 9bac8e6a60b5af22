#!/usr/bin/env bash
# Issue 16, items 3 and 4: the readers and diff, two prosegraph builds side by side with
# the peers, RUNS alternating runs of each command; prints min / median / max seconds and
# the median peak RSS of each (GNU time), then the ratios of the medians.
#
#   Benchmarks/readers.sh OLD_BIN NEW_BIN [WORK]
#
# WORK (default /tmp/prosegraph-readers) gets an 8 MB synthetic corpus (seed 1) exported
# by NEW_BIN in all five formats (about 1M triples) and the diff inputs of
# Benchmarks/diff-shape.sh. rapper (raptor2-utils) is the RDF/XML peer, `sort | comm`
# the diff peer. Check that the machine is quiet (`uptime`) first.
set -euo pipefail
OLD=$1 NEW=$2 WORK=${3:-/tmp/prosegraph-readers} RUNS=${RUNS:-3}
HERE=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$WORK"
if [ ! -f "$WORK/big/graph.rdf" ]; then
  "$NEW" synth --size 8MB --seed 1 --out "$WORK/corpus" -q
  "$NEW" export "$WORK/corpus" --out "$WORK/big" --quiet
fi
[ -f "$WORK/d/new.nt" ] || "$HERE/diff-shape.sh" "$WORK/d" 2> /dev/null
B=$WORK/big L="--limit triples=5000000"
declare -A T M
run() {  # run LABEL CMD: one timed run, appended to T[LABEL] / M[LABEL]
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$WORK/time" sh -c "$*" > /dev/null 2>&1 || true
  read -r sec kb < <(tail -1 "$WORK/time")
  T[$label]+="$sec "; M[$label]+="$kb "
  printf "%s\t%s\t%s\n" "$label" "$sec" "$kb" >> "$WORK/runs.tsv"
}
rows=(
  "rdfxml-old|$OLD convert $B/graph.rdf - --to ntriples $L"
  "rdfxml-new|$NEW convert $B/graph.rdf - --to ntriples $L"
  "rapper-count|rapper -q -i rdfxml -c $B/graph.rdf"
  "rapper-ntriples|rapper -q -i rdfxml -o ntriples $B/graph.rdf"
  "graphml-old|$OLD convert $B/graph.graphml - --to ntriples $L"
  "graphml-new|$NEW convert $B/graph.graphml - --to ntriples $L"
  "validate-old|$OLD validate $B/graph.graphml"
  "validate-new|$NEW validate $B/graph.graphml"
  "jsonld-old-raised|$OLD convert $B/graph.jsonld - --to ntriples --limit jsonld-size=100MB $L"
  "jsonld-new|$NEW convert $B/graph.jsonld - --to ntriples $L"
  "diff-old|$OLD diff $WORK/d/old.nt $WORK/d/new.nt --no-color --limit triples=2000000"
  "diff-new|$NEW diff $WORK/d/old.nt $WORK/d/new.nt --no-color --limit triples=2000000"
  "sort-comm|LC_ALL=C sort $WORK/d/old.nt > $WORK/a && LC_ALL=C sort $WORK/d/new.nt > $WORK/b && LC_ALL=C comm -3 $WORK/a $WORK/b"
)
for ((r = 0; r < RUNS; r++)); do
  for row in "${rows[@]}"; do run "${row%%|*}" "${row#*|}"; done
done
stats() { tr ' ' '\n' | grep . | sort -g | awk '{ a[NR] = $1 } END { printf "%s %s %s\n", a[1], a[int((NR + 1) / 2)], a[NR] }'; }
printf '| command | min / median / max s | median peak RSS MB |\n|---|---|---|\n'
declare -A MED
for row in "${rows[@]}"; do
  label=${row%%|*}
  read -r lo med hi < <(echo "${T[$label]}" | stats)
  read -r _ mkb _ < <(echo "${M[$label]}" | stats)
  MED[$label]=$med
  printf '| %s | %s / %s / %s | %d |\n' "$label" "$lo" "$med" "$hi" "$((mkb / 1024))"
done
ratio() { awk -v a="${MED[$1]}" -v b="${MED[$2]}" 'BEGIN { printf "%.2f", a / b }'; }
echo
echo "rapper -c / prosegraph RDF/XML: old $(ratio rapper-count rdfxml-old)x, new $(ratio rapper-count rdfxml-new)x"
echo "rapper -o ntriples / prosegraph RDF/XML: old $(ratio rapper-ntriples rdfxml-old)x, new $(ratio rapper-ntriples rdfxml-new)x"
echo "sort|comm / prosegraph diff: old $(ratio sort-comm diff-old)x, new $(ratio sort-comm diff-new)x"
mb() { awk -v s="$(stat -c %s "$1")" -v t="${MED[$2]}" 'BEGIN { printf "%.1f", s / 1e6 / t }'; }
echo "GraphML read: old $(mb "$B/graph.graphml" graphml-old) MB/s, new $(mb "$B/graph.graphml" graphml-new) MB/s; validate: old $(mb "$B/graph.graphml" validate-old) MB/s, new $(mb "$B/graph.graphml" validate-new) MB/s"
