"""Exports that survive the stores: every RDF export loaded into Oxigraph (pyoxigraph,
in process) and dumped back is the same graph for `prosegraph diff`, literal for
literal (Oxigraph rewrites an xsd:nonNegativeInteger as an xsd:integer and a double
or a non-canonical decimal into its own form, so the exports use xsd:integer offsets
and canonical xsd:decimal confidences), and still validates."""
import subprocess

import pytest

from tools import OUT, edited_export, need_module, prosegraph_tool

FORMATS = [("graph.nt", "N_TRIPLES"), ("graph.ttl", "TURTLE"), ("graph.rdf", "RDF_XML"), ("graph.jsonld", "JSON_LD")]


@pytest.mark.parametrize("name,fmt", FORMATS)
def test_an_export_read_back_from_oxigraph_is_the_same_and_validates(tmp_path, name, fmt):
    ox = need_module("pyoxigraph")
    tool = prosegraph_tool()
    store = ox.Store()
    store.load((OUT / name).read_bytes(), format=getattr(ox.RdfFormat, fmt))
    back = tmp_path / "back.nq"
    back.write_bytes(store.dump(format=ox.RdfFormat.N_QUADS))
    diff = subprocess.run([tool, "diff", str(OUT / "graph.nt"), str(back)], capture_output=True, text=True)
    assert (diff.returncode, diff.stdout.splitlines()[-1]) == (0, "no differences"), diff.stdout + diff.stderr
    valid = subprocess.run([tool, "validate", str(back)], capture_output=True, text=True)
    assert (valid.returncode, valid.stdout) == (0, f"{back}: conforms\n"), valid.stdout + valid.stderr


@pytest.mark.parametrize("graph", [None, "https://example.org/exports/today"])
def test_the_sparql_update_from_diff_turns_the_old_export_into_the_new_one(tmp_path, graph):
    ox = need_module("pyoxigraph")
    tool = prosegraph_tool()
    new = edited_export(tmp_path)
    store = ox.Store()
    target = ox.NamedNode(graph) if graph else ox.DefaultGraph()
    store.load((OUT / "graph.nt").read_bytes(), format=ox.RdfFormat.N_TRIPLES, to_graph=target)
    args = [tool, "diff", str(OUT / "graph.nt"), str(new), "--format", "sparql"] + (["--graph", graph] if graph else [])
    r = subprocess.run(args, capture_output=True, text=True)
    assert r.returncode == 1, r.stderr
    assert r.stdout.startswith("DELETE DATA {\n" + ("  GRAPH <%s> {\n" % graph if graph else ""))
    store.update(r.stdout)
    back = tmp_path / "back.nt"
    back.write_bytes(store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=target))
    same = subprocess.run([tool, "diff", str(new), str(back)], capture_output=True, text=True)
    assert (same.returncode, same.stdout.splitlines()[-1]) == (0, "no differences"), same.stdout + same.stderr
