"""Dates of mixed granularity answer one range question alike in every store (issue 13):
`pg:date` keeps the granularity written (xsd:gYear, xsd:gYearMonth, xsd:date), and
`pg:dateEarliest` / `pg:dateLatest` are its first and last day as xsd:date, so
`?earliest >= "2015-01-01"^^xsd:date` compares dates with dates. Oxigraph (in process) and
Jena ARQ give exactly the statements that Python's calendar says, from Output/graph.nt."""
import calendar
import subprocess

from tools import OUT, jena_classpath, need_module

PG = "https://prosegraph.org/ontology#"
ON_OR_AFTER = """PREFIX pg: <https://prosegraph.org/ontology#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
SELECT ?st WHERE { ?st pg:dateEarliest ?earliest . FILTER (?earliest >= "2015-01-01"^^xsd:date) }"""
WITHIN_2015 = """PREFIX pg: <https://prosegraph.org/ontology#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
SELECT ?st WHERE { ?st pg:dateEarliest ?earliest ; pg:dateLatest ?latest .
  FILTER (?earliest >= "2015-01-01"^^xsd:date && ?latest <= "2015-12-31"^^xsd:date) }"""


def bounds(date):
    parts = date.split("-")
    if len(parts) == 3:
        return date, date
    if len(parts) == 2:
        return f"{date}-01", f"{date}-{calendar.monthrange(int(parts[0]), int(parts[1]))[1]:02d}"
    return f"{date}-01-01", f"{date}-12-31"


def expected():
    """Statement IRI -> the date as written, read from the N-Triples lines."""
    dates = {}
    for line in (OUT / "graph.nt").read_text(encoding="utf-8").splitlines():
        s, p, rest = line.split(" ", 2)
        if p == f"<{PG}date>":
            dates[s[1:-1]] = rest.split('"')[1]
    assert {len(d) for d in dates.values()} == {4, 7, 10}  # all three granularities occur
    on_or_after = {s for s, d in dates.items() if bounds(d)[0] >= "2015-01-01"}
    within = {s for s, d in dates.items() if bounds(d)[0] >= "2015-01-01" and bounds(d)[1] <= "2015-12-31"}
    assert on_or_after and within and within < on_or_after
    return on_or_after, within


def test_oxigraph_answers_the_calendar():
    pyoxigraph = need_module("pyoxigraph")
    store = pyoxigraph.Store()
    store.load(path=str(OUT / "graph.nt"), format=pyoxigraph.RdfFormat.N_TRIPLES)
    answers = [{row["st"].value for row in store.query(q)} for q in (ON_OR_AFTER, WITHIN_2015)]
    assert answers == list(expected())


def test_jena_answers_the_calendar(tmp_path):
    cp = jena_classpath(tmp_path)
    answers = []
    for q in (ON_OR_AFTER, WITHIN_2015):
        (tmp_path / "q.rq").write_text(q, encoding="utf-8")
        r = subprocess.run(["java", "-cp", cp, "arq.sparql", "--data", str(OUT / "graph.nt"), "--query",
                            str(tmp_path / "q.rq"), "--results=CSV"], capture_output=True, text=True, check=True)
        answers.append(set(r.stdout.splitlines()[1:]))
    assert answers == list(expected())
