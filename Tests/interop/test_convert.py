"""convert's RDF 1.2 and dataset output read by other tools (issue 15): JSON-LD
with named graphs, @direction and @json by Oxigraph and pyld, RDF/XML 1.2
(triple terms, its:dir) by Oxigraph. Each must give the dataset prosegraph read."""
import json
import subprocess

from tools import need_module, prosegraph_tool

TRIG = """@prefix ex: <http://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:alice ex:name "Alice" ; ex:knows ex:bob ; a ex:Person .
ex:g1 { ex:bob ex:name "Bob"@en ; ex:born "1990-01-02"^^xsd:date . }
ex:g2 { ex:carol ex:says "مرحبا"@ar--rtl ; ex:data "{\\"a\\":1}"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON> . }
"""

NT12 = """<http://ex.org/s> <http://ex.org/p> "chat"@en-gb--ltr .
<http://ex.org/s> <http://ex.org/p> <<( <http://ex.org/a> <http://ex.org/b> "x"@ar--rtl )>> .
<http://ex.org/s> <http://ex.org/p> <<( <http://ex.org/a> <http://ex.org/b> <<( <http://ex.org/c> <http://other.org/d> "e" )>> )>> .
<http://ex.org/s> <http://ex.org/q> "plain" .
"""


def convert(tmp_path, name, text, out, *options):
    (tmp_path / name).write_text(text, encoding="utf-8")
    subprocess.run([prosegraph_tool(), "convert", str(tmp_path / name), str(tmp_path / out), *options], check=True)
    nq = subprocess.run([prosegraph_tool(), "convert", str(tmp_path / name), "-", "--to", "nquads"],
                        check=True, capture_output=True, text=True).stdout
    return tmp_path / out, nq


def quads(ox, path, fmt):
    return sorted(str(q) + " ." for q in ox.parse(path=str(path), format=fmt))


def test_oxigraph_reads_the_jsonld_dataset_as_written(tmp_path):
    ox = need_module("pyoxigraph")
    for options in [(), ("--expanded",)]:
        out, nq = convert(tmp_path, "d.trig", TRIG, "d.jsonld", *options)
        assert quads(ox, out, ox.RdfFormat.JSON_LD) == sorted(nq.splitlines()), options


def test_pyld_reads_named_graphs_and_json_literals(tmp_path):
    jsonld = need_module("pyld.jsonld")
    out, nq = convert(tmp_path, "d.trig", TRIG, "d.jsonld")
    got = jsonld.to_rdf(json.loads(out.read_text(encoding="utf-8")),
                        {"format": "application/n-quads", "rdfDirection": "i18n-datatype"})
    # pyld (JSON-LD 1.1) writes the direction the RDF 1.1 way, with rdfDirection i18n-datatype.
    want = nq.replace('"مرحبا"@ar--rtl', '"مرحبا"^^<https://www.w3.org/ns/i18n#ar_rtl>')
    assert sorted(got.splitlines()) == sorted(want.splitlines())


def test_oxigraph_reads_rdfxml_12(tmp_path):
    ox = need_module("pyoxigraph")
    out, nq = convert(tmp_path, "t.nt", NT12, "t.rdf")
    text = out.read_text(encoding="utf-8")
    assert 'rdf:parseType="Triple"' in text and 'its:dir="ltr"' in text
    assert quads(ox, out, ox.RdfFormat.RDF_XML) == sorted(nq.splitlines())
