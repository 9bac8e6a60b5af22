"""Proof that real tools accept prosegraph's exports (the exports issue).

Runs on the committed Output/ (which a Swift test keeps in step with Input/).
Every tool is required under CI=true: a missing one fails the run instead of
skipping it. Outside CI a missing tool skips its test and says so.
"""
import json
import os
import subprocess

import pytest

from tools import OUT, SCHEMAS, need_module, need_program, need_reference

PG = "https://prosegraph.org/ontology#"




def nt_triples():
    return [line for line in (OUT / "graph.nt").read_text(encoding="utf-8").splitlines() if line.strip()]


def rdflib_graph(name, fmt):
    rdflib = need_module("rdflib")
    g = rdflib.Graph()
    g.parse(OUT / name, format=fmt)
    return g


# --- Raptor -------------------------------------------------------------------

def test_rapper_parses_rdfxml_with_the_same_count():
    rapper = need_program("rapper")
    r = subprocess.run([rapper, "-i", "rdfxml", "-o", "ntriples", str(OUT / "graph.rdf")],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    problems = [l for l in r.stderr.splitlines() if "Error" in l or "Warning" in l or "error" in l or "warning" in l]
    assert problems == []
    lines = [l for l in r.stdout.splitlines() if l.strip()]
    assert len(lines) == len(nt_triples())


# --- rdflib -------------------------------------------------------------------

def test_rdflib_all_rdf_exports_are_isomorphic():
    compare = need_module("rdflib.compare")
    nt = rdflib_graph("graph.nt", "nt")
    assert len(nt) == len(nt_triples())
    for name, fmt in [("graph.rdf", "xml"), ("graph.ttl", "turtle"), ("graph.jsonld", "json-ld")]:
        g = rdflib_graph(name, fmt)
        assert len(g) == len(nt), name
        assert compare.isomorphic(g, nt), name


# --- pyld ---------------------------------------------------------------------

def test_pyld_to_rdf_gives_the_ntriples():
    jsonld = need_module("pyld.jsonld")
    rdflib = need_module("rdflib")
    compare = need_module("rdflib.compare")
    doc = json.loads((OUT / "graph.jsonld").read_text(encoding="utf-8"))
    nquads = jsonld.to_rdf(doc, {"format": "application/n-quads"})
    g = rdflib.Graph()
    g.parse(data=nquads, format="nt")
    assert compare.isomorphic(g, rdflib_graph("graph.nt", "nt"))


# --- Oxigraph -----------------------------------------------------------------

VISITORS_OF_BELGIUM = f"""
PREFIX pg: <{PG}>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
SELECT ?name ?date WHERE {{
  ?p pg:visited ?c . ?c rdfs:label "Belgium" . ?p rdfs:label ?name .
  ?s rdf:subject ?p ; rdf:predicate pg:visited ; rdf:object ?c .
  OPTIONAL {{ ?s pg:date ?date }}
}}"""

EMBASSIES_IN_BRUSSELS = f"""
PREFIX pg: <{PG}>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?name WHERE {{ ?c pg:hasEmbassyIn ?b . ?b rdfs:label "Brussels" . ?c rdfs:label ?name }}"""


@pytest.mark.parametrize("name,mime", [("graph.rdf", "application/rdf+xml"), ("graph.jsonld", "application/ld+json")])
def test_oxigraph_answers_the_gold_questions(name, mime):
    ox = need_module("pyoxigraph")
    store = ox.Store()
    store.load(path=str(OUT / name), format=ox.RdfFormat.from_media_type(mime))
    visits = {}
    for row in store.query(VISITORS_OF_BELGIUM):
        date = row["date"].value if row["date"] is not None else None
        visits.setdefault(row["name"].value, set())
        if date:
            visits[row["name"].value].add(date)
    # The gold visits of Belgium in the seeds (../shared/spec/gold/seeds.tsv, copied to Tests/Fixtures/gold).
    assert visits == {
        "Yasser Arafat": {"2001-11"},
        "Mahmoud Abbas": {"2015-02", "2018-01"},
        "Anwar Ibrahim": {"2025-01-19"},
    }
    embassies = sorted(r["name"].value for r in store.query(EMBASSIES_IN_BRUSSELS))
    assert embassies == ["Malaysia", "Syria"]


# --- pyshacl ------------------------------------------------------------------

@pytest.mark.parametrize("name,fmt", [("graph.nt", "nt"), ("graph.ttl", "turtle"), ("graph.rdf", "xml"), ("graph.jsonld", "json-ld")])
def test_pyshacl_every_rdf_export_conforms(name, fmt):
    pyshacl = need_module("pyshacl")
    conforms, _, text = pyshacl.validate(str(OUT / name), shacl_graph=str(SCHEMAS / "shapes.ttl"),
                                         data_graph_format=fmt, shacl_graph_format="turtle")
    assert conforms, text


def test_pyshacl_broken_copies_do_not_conform(tmp_path):
    pyshacl = need_module("pyshacl")
    lines = nt_triples()
    label = next(l for l in lines if "/country/belgium> <http://www.w3.org/2000/01/rdf-schema#label>" in l)
    date = next(l for l in lines if "#date>" in l and "XMLSchema#gYear>" in l)
    broken = {
        "missing-label": [l for l in lines if l != label],
        "string-date": [l.replace("XMLSchema#gYear>", "XMLSchema#string>") if l == date else l for l in lines],
    }
    for what, content in broken.items():
        path = tmp_path / f"{what}.nt"
        path.write_text("\n".join(content) + "\n", encoding="utf-8")
        conforms, _, _ = pyshacl.validate(str(path), shacl_graph=str(SCHEMAS / "shapes.ttl"),
                                          data_graph_format="nt", shacl_graph_format="turtle")
        assert not conforms, what


# --- JSON Schema --------------------------------------------------------------

def test_jsonld_export_matches_its_json_schema():
    jsonschema = need_module("jsonschema")
    schema = json.loads((SCHEMAS / "jsonld-export.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(json.loads((OUT / "graph.jsonld").read_text(encoding="utf-8")), schema)


# --- GraphML: XSD, networkx, igraph -------------------------------------------

def graphml_counts():
    """Nodes and edges the GraphML must have: entities plus one node per distinct
    holdsPosition title, and one edge per fact mention (rdf:Statement)."""
    lines = nt_triples()
    types = {"Country", "City", "Place", "Person", "Organization"}
    entities = {l.split(" ", 1)[0] for l in lines
                if "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>" in l
                and l.rsplit(" ", 2)[1].strip("<>").rsplit("#", 1)[-1] in types}
    titles = {l.split(f"<{PG}holdsPosition> ", 1)[1].rsplit(" .", 1)[0]
              for l in lines if f"<{PG}holdsPosition>" in l and not l.startswith("<https://prosegraph.org/id/statement/")}
    statements = {l.split(" ", 1)[0] for l in lines if l.endswith("<http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement> .")}
    return len(entities) + len(titles), len(statements)


def xmllint_validates(xsd, env=None):
    r = subprocess.run([need_program("xmllint"), "--nonet", "--noout", "--schema", str(xsd), str(OUT / "graph.graphml")],
                       capture_output=True, text=True, env=env)
    assert r.returncode == 0, r.stderr
    assert r.stderr.strip() == f"{OUT / 'graph.graphml'} validates", r.stderr


def test_xmllint_validates_graphml_against_the_project_xsd():
    xmllint_validates(SCHEMAS / "graphml" / "prosegraph-graphml.xsd")


def test_xmllint_validates_graphml_against_the_official_xsd():
    official = need_reference("GraphML official-XSD check", "graphml", "http://graphml.graphdrawing.org/xmlns/1.1/")
    xmllint_validates(official / "graphml.xsd", env=dict(os.environ, XML_CATALOG_FILES=str(official / "catalog.xml")))


def test_networkx_reads_graphml_with_counts_and_types():
    nx = need_module("networkx")
    g = nx.read_graphml(OUT / "graph.graphml", force_multigraph=True)
    nodes, edges = graphml_counts()
    assert (g.number_of_nodes(), g.number_of_edges()) == (nodes, edges)
    for _, _, data in g.edges(data=True):
        assert isinstance(data["start"], int) and isinstance(data["end"], int)
        assert isinstance(data["confidence"], float)
        assert data["label"] == data["predicate"]
        if "date" in data:
            assert isinstance(data["date"], str) and len(data["date"]) in (4, 7, 10)


def test_igraph_reads_graphml_with_counts_and_types():
    igraph = need_module("igraph")
    g = igraph.Graph.Read_GraphML(str(OUT / "graph.graphml"))
    nodes, edges = graphml_counts()
    assert (g.vcount(), g.ecount()) == (nodes, edges)
    assert g.is_directed()
    # igraph keeps GraphML int and double attributes as numbers (floats).
    assert all(isinstance(v, float) for v in g.es["start"])
    assert all(isinstance(v, float) for v in g.es["confidence"])
