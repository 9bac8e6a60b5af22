"""The stores' own loaders, as README "Loading into a graph database" gives them: each
export format a loader reads goes in, the store is dumped, and the dump is the export's
graph for `prosegraph diff` and still validates. Oxigraph (`oxigraph load` / `dump`),
Virtuoso's bulk loader (`ld_dir` and `rdf_loader_run` through isql, on the server
Tests/stores starts) and Jena TDB2 (`tdb2.tdbloader` / `tdb2.tdbdump`; JSON-LD through
`riot --syntax=JSONLD10`)."""
import os
import re
import shutil
import subprocess
import urllib.parse
import urllib.request

import pytest

from tools import OUT, ROOT, assert_same_graph_and_valid, jena_classpath, need_program, need_store

FORMATS = ["graph.nt", "graph.ttl", "graph.rdf", "graph.jsonld"]


@pytest.mark.parametrize("export", FORMATS)
def test_oxigraph_load_and_dump(tmp_path, export):
    oxigraph = ROOT / ".venv" / "bin" / "oxigraph"
    if not oxigraph.is_file():
        need_program("oxigraph")  # fails under CI=true, skips elsewhere
        oxigraph = shutil.which("oxigraph")
    store = tmp_path / "store"
    subprocess.run([str(oxigraph), "load", "--location", str(store), "--file", str(OUT / export)], check=True, capture_output=True)
    subprocess.run([str(oxigraph), "dump", "--location", str(store), "--file", str(tmp_path / "back.nq")], check=True, capture_output=True)
    assert_same_graph_and_valid(OUT / "graph.nt", tmp_path / "back.nq")


@pytest.mark.parametrize("export", ["graph.nt", "graph.ttl", "graph.rdf"])
def test_virtuoso_bulk_loader(tmp_path, export):
    base = need_store("VIRTUOSO")
    isql_port = os.environ["PROSEGRAPH_VIRTUOSO_ISQL"]
    # The loader reads files from a folder in DirsAllowed (Tests/stores allows /tmp).
    folder = tmp_path / "load"
    folder.mkdir()
    shutil.copy(OUT / export, folder / export)
    graph = f"https://prosegraph.org/test/bulk/{export}"
    sql = f"SPARQL CLEAR GRAPH <{graph}>; ld_dir('{folder}', '{export}', '{graph}'); rdf_loader_run(); checkpoint; " \
          f"select ll_state, ll_error from DB.DBA.load_list where ll_file = '{folder / export}';"
    r = subprocess.run(["isql-vt", f"127.0.0.1:{isql_port}", "dba", "dba", f"exec={sql}"], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr
    assert re.search(r"\n2 +NULL\n\n1 Rows\.", r.stdout), r.stdout  # one file, ll_state 2 (loaded), no ll_error
    passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    passwords.add_password(None, base, "dba", "dba")
    url = base + "/sparql-graph-crud-auth?graph=" + urllib.parse.quote(graph, safe="")
    request = urllib.request.Request(url, headers={"Accept": "application/n-triples"})
    with urllib.request.build_opener(urllib.request.HTTPDigestAuthHandler(passwords)).open(request, timeout=60) as response:
        (tmp_path / "back.nt").write_bytes(response.read())
    assert_same_graph_and_valid(OUT / "graph.nt", tmp_path / "back.nt")


@pytest.mark.parametrize("export", FORMATS)
def test_jena_tdb2_load_and_dump(tmp_path, export):
    cp = jena_classpath(tmp_path)
    back = tmp_path / "back.nq"
    if export.endswith(".jsonld"):
        # Debian's Jena 4.5 lacks a jakarta.json implementation for its JSON-LD 1.1 parser;
        # its JSON-LD 1.0 parser (jsonld-java) reads the export.
        with open(back, "wb") as out:
            subprocess.run(["java", "-cp", cp, "riotcmd.riot", "--syntax=JSONLD10", "--output=nquads", str(OUT / export)], check=True, stdout=out)
    else:
        db = tmp_path / "tdb2"
        subprocess.run(["java", "-cp", cp, "tdb2.tdbloader", "--loc", str(db), str(OUT / export)], check=True, capture_output=True)
        with open(back, "wb") as out:
            subprocess.run(["java", "-cp", cp, "tdb2.tdbdump", "--loc", str(db)], check=True, stdout=out)
    assert_same_graph_and_valid(OUT / "graph.nt", back)
