#!/usr/bin/env bash
# Writes the two N-Triples files of issue 16's diff row into DIR (default /tmp/prosegraph-diff):
#   old.nt: 50,000 entities, 250,000 facts, each with a statement node of 3 triples
#           (rdf:subject, pg:date as xsd:gYearMonth, pg:evidence with quotes and angle brackets):
#           1,000,000 lines;
#   new.nt: the same without every 100th fact (its fact triple and its statement's 3): 990,000 lines.
# Deterministic (awk, no randomness); about 150 MB each.
#
#   Benchmarks/diff-shape.sh /tmp/d
#   /usr/bin/time -v prosegraph diff /tmp/d/old.nt /tmp/d/new.nt --no-color --limit triples=2000000 > /dev/null
#   time sh -c 'LC_ALL=C sort /tmp/d/old.nt > /tmp/d/a && LC_ALL=C sort /tmp/d/new.nt > /tmp/d/b && LC_ALL=C comm -3 /tmp/d/a /tmp/d/b > /dev/null'
set -euo pipefail
DIR=${1:-/tmp/prosegraph-diff}
mkdir -p "$DIR"
gen() {
  awk -v drop="$1" 'BEGIN {
    id = "https://prosegraph.org/id/"; pg = "https://prosegraph.org/ontology#"
    rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"; xsd = "http://www.w3.org/2001/XMLSchema#"
    split("visited metWith signedAgreementWith holdsPosition memberOf", preds, " ")
    for (k = 0; k < 250000; k++) {
      if (drop && k % 100 == 0) continue
      i = k % 50000; j = int(k / 50000)
      s = "<" id "person/e" i ">"; o = "<" id "country/e" ((i * 13 + j * 101 + 1) % 50000) ">"
      st = sprintf("<%sstatement/%08x%08x>", id, (k * 48271) % 2147483647, k)
      printf "%s <%s%s> %s .\n", s, pg, preds[j + 1], o
      printf "%s <%ssubject> %s .\n", st, rdf, s
      printf "%s <%sdate> \"%04d-%02d\"^^<%sgYearMonth> .\n", st, pg, 1900 + k % 120, 1 + k % 12, xsd
      printf "%s <%sevidence> \"Entity %d said \\\"we <b>agree</b>\\\" to fact %d, per <source %d>.\" .\n", st, pg, i, k, j
    }
  }'
}
gen 0 > "$DIR/old.nt"
gen 1 > "$DIR/new.nt"
wc -l "$DIR/old.nt" "$DIR/new.nt" >&2
