"""The distributed export (Distributed/spark/, issue 17): the PySpark job run with
--master local[2] on a 2,000-article synthetic corpus plus Input/ and one bad
article gives the graph `prosegraph export` writes, byte for byte; a partition
whose first attempt kills its Python worker mid-run is retried by Spark and the
graph is still the same."""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tools import IN_CI, ROOT, need_module, need_program, prosegraph_tool

JOB = ROOT / "Distributed" / "spark" / "prosegraph_spark.py"
BAD = "bad/zz-bad.txt"
BAD_ERROR = "2:1: invalid UTF-8 at byte offset 6 (byte 0xFF)"


def java_major():
    java = need_program("java")
    text = subprocess.run([java, "-version"], capture_output=True, text=True).stderr
    version = text.split('"')[1]
    return int(version.split(".")[0])


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """synth 2,000 articles, Input/'s articles and one article that is not UTF-8,
    and the export of them all (the reference)."""
    prosegraph = prosegraph_tool()
    base = tmp_path_factory.mktemp("spark")
    corpus = base / "corpus"
    subprocess.run([prosegraph, "synth", "--articles", "2000", "--out", str(corpus / "synth"), "--quiet"], check=True)
    shutil.copytree(ROOT / "Input", corpus / "input")
    (corpus / "bad").mkdir()
    (corpus / BAD).write_bytes(b"Title\n\xff\xfe bad\n")
    export = subprocess.run([prosegraph, "export", str(corpus), "--format", "ntriples", "-o", str(base / "export"), "--jobs", "2", "--quiet"],
                            capture_output=True, text=True)
    assert export.returncode == 1, export.stderr
    assert export.stderr == f"prosegraph: {corpus / BAD}:{BAD_ERROR}\nprosegraph: 1 input was rejected\n"
    return base, corpus, base / "export" / "graph.nt"


def spark_job(base, corpus, name, master, *extra):
    """Runs the job with spark-submit; returns its output folder."""
    need_module("pyspark")
    if java_major() < 17:
        message = "Spark needs Java 17 or newer (Tests/run installs openjdk-17-jre-headless)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    prosegraph = prosegraph_tool()
    out = base / name
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
    submit = Path(sys.executable).parent / "spark-submit"
    run = subprocess.run([str(submit), "--master", master, "--conf", "spark.ui.showConsoleProgress=false",
                          "--files", prosegraph, str(JOB), "--binary", prosegraph, "--out", str(out),
                          "--partitions", "4", *extra, str(corpus)],
                         capture_output=True, text=True, env=env, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr[-4000:]
    return out, run


def check_same_graph(out, reference, corpus):
    """graph.nt is the export's, byte for byte; the bad article is in rejects.txt with its error."""
    assert (out / "graph.nt").read_bytes() == reference.read_bytes()
    assert (out / "rejects.txt").read_text() == f"{corpus / BAD}:{BAD_ERROR}\n"
    report = json.loads((out / "job.json").read_text())
    assert report["articles_planned"] == 2012
    assert report["rejected"] == 1
    assert report["triples"] == len(reference.read_bytes().splitlines())
    return report


def test_spark_local2_gives_the_export_graph(corpus):
    base, articles, reference = corpus
    out, run = spark_job(base, articles, "spark", "local[2]")
    report = check_same_graph(out, reference, articles)
    assert report["metrics"]["failed_tasks"] == 0
    assert report["metrics"]["shuffle_write_bytes"] > 0
    # Spark's own output: the sorted N-Triples in parts, whose concatenation is graph.nt.
    parts = sorted((out / "nt-parts").glob("part-*"))
    assert parts
    assert b"".join(p.read_bytes() for p in parts) == reference.read_bytes()
    assert f"rejected: {articles / BAD}:{BAD_ERROR}" in run.stdout.splitlines()
    prosegraph = prosegraph_tool()
    valid = subprocess.run([prosegraph, "validate", str(out / "graph.nt")], capture_output=True, text=True)
    assert valid.returncode == 0, valid.stdout + valid.stderr


def test_spark_retries_a_killed_partition_and_gives_the_same_graph(corpus):
    base, articles, reference = corpus
    markers = base / "markers"
    markers.mkdir()
    # local[2,4]: two threads, a task may fail up to 4 times.
    out, _ = spark_job(base, articles, "spark-killed", "local[2,4]", "--inject-failure", f"1:{markers}")
    marker = markers / "killed-partition-1"
    assert marker.read_text().startswith("partition 1 attempt 0 ")
    report = check_same_graph(out, reference, articles)
    assert report["metrics"]["failed_tasks"] == 1


def test_fragment_lines_become_merge_rows_with_the_exports_sort_key():
    sys.path.insert(0, str(JOB.parent))
    import prosegraph_spark as job
    xsd_string = "http://www.w3.org/2001/XMLSchema#string"
    # An entity's label: keyed on subject and predicate, with its article's order.
    assert job.merge_row('<https://e/x> <http://l> "Syria" <urn:prosegraph:order:17> .') == (
        job.TRIPLE, "<https://e/x> <http://l>", 17, '<https://e/x> <http://l> "Syria" .',
        "https://e/x", "http://l", 2, "Syria", xsd_string, "")
    # Any other line is its own key; a literal that only looks like an order graph is not one.
    line = '<https://e/x> <http://p> "a <urn:prosegraph:order:3> ." .'
    assert job.merge_row(line) == (job.TRIPLE, line, 0, line, "https://e/x", "http://p", 2, "a <urn:prosegraph:order:3> .", xsd_string, "")
    # Literals sort by their unescaped lexical form, then datatype, then language; IRIs before literals.
    assert job.sort_key('<s> <p> "a\\"b\\u00E9\\\\"@en .') == ("s", "p", 2, 'a"b\u00e9\\', job.RDF_LANG_STRING, "en")
    assert job.sort_key('<s> <p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .') == (
        "s", "p", 2, "1", "http://www.w3.org/2001/XMLSchema#integer", "")
    assert job.sort_key("<s> <p> <o> .") < job.sort_key('<s> <p> "o" .')


def test_spark_reads_the_articles_itself_as_from_hdfs_or_s3(tmp_path):
    """--read-with-spark: the path hdfs:// and s3a:// inputs take (Hadoop's listing, the bytes
    read by Spark and handed to the executors), here on the local file system."""
    prosegraph = prosegraph_tool()
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "Input", corpus / "input")
    (corpus / "bad").mkdir()
    (corpus / BAD).write_bytes(b"Title\n\xff\xfe bad\n")
    export = tmp_path / "export"
    assert subprocess.run([prosegraph, "export", str(corpus), "--format", "ntriples,turtle,rdfxml,jsonld", "-o", str(export), "-q"],
                          stderr=subprocess.DEVNULL).returncode == 1
    out, _ = spark_job(tmp_path, corpus, "spark", "local[2]", "--read-with-spark", "--formats", "turtle,rdfxml,jsonld")
    # The sorted N-Triples, and the formats `prosegraph convert` writes from them, are export's own bytes.
    for name in ["graph.nt", "graph.ttl", "graph.rdf", "graph.jsonld"]:
        assert (out / name).read_bytes() == (export / name).read_bytes(), name
    assert (out / "rejects.txt").read_text() == f"file:{corpus / BAD}:{BAD_ERROR}\n"
    assert json.loads((out / "job.json").read_text())["articles_planned"] == 12
