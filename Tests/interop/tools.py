"""What the interoperability tests share: where things are, and how a missing
tool is handled (a failure under CI=true, a plain "did not run" skip elsewhere)."""
import importlib
import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "Output"
SCHEMAS = ROOT / "Schemas"
IN_CI = os.environ.get("CI") == "true"

# The upstream reference data (W3C suites, official GraphML XSDs) is found in
# PROSEGRAPH_SUITES=DIR, by default ../shared/reference beside the repository;
# a relative DIR is taken from the repository root (README, "Conformance data").
# The Swift tests read the same setting (Tests/ConformanceTests/ReferenceData.swift)
# and word a missing part the same way, so Tests/run lists it once.
SUITES_SETTING = "PROSEGRAPH_SUITES"
SUITES_IS_DEFAULT = not os.environ.get(SUITES_SETTING)
SUITES = Path(os.path.normpath(ROOT / (os.environ.get(SUITES_SETTING) or "../shared/reference")))


def need_module(name):
    try:
        return importlib.import_module(name)
    except ImportError:
        if IN_CI:
            pytest.fail(f"{name} is not installed (Tests/run installs it into .venv)")
        pytest.skip(f"{name} is not installed: this check did not run")


def need_program(name):
    path = shutil.which(name)
    if path is None:
        if IN_CI:
            pytest.fail(f"{name} is not installed (Tests/run installs it with apt-get)")
        pytest.skip(f"{name} is not installed: this check did not run")
    return path


def prosegraph_tool():
    """The prosegraph binary to run: $PROSEGRAPH, else .build/debug/prosegraph
    (what Tests/run builds). Missing: a failure under CI=true, a skip elsewhere."""
    path = os.environ.get("PROSEGRAPH") or str(ROOT / ".build" / "debug" / "prosegraph")
    if not Path(path).is_file():
        if IN_CI:
            pytest.fail(f"{path} is not built (Tests/run builds it with swift build)")
        pytest.skip(f"{path} is not built (swift build, or set PROSEGRAPH): this check did not run")
    return os.path.abspath(path)


def need_reference(name, directory, upstream):
    """The folder `directory` of the reference data. Missing: a failure under
    CI=true that says what to set, a skip naming the setting and the folder elsewhere."""
    path = SUITES / directory
    if path.is_dir():
        return path
    default = " (the default)" if SUITES_IS_DEFAULT else ""
    why = f"{name}: {SUITES_SETTING}={SUITES}{default} has no {directory} (get it from {upstream})"
    if IN_CI:
        pytest.fail(f"CI=true and {why}: set {SUITES_SETTING}=DIR to the folder that holds it (README, \"Conformance data\")")
    pytest.skip(why)


def need_store(name):
    """The base URL of a store server Tests/run started (Tests/stores): name is OXIGRAPH or
    VIRTUOSO. Not started: a failure under CI=true, a skip with the reason elsewhere."""
    url = os.environ.get(f"PROSEGRAPH_{name}_URL")
    if url:
        return url
    why = os.environ.get(f"PROSEGRAPH_{name}_ERROR") or f"no {name.capitalize()} server (Tests/run starts one with Tests/stores; PROSEGRAPH_{name}_URL is not set)"
    if IN_CI:
        pytest.fail(f"{why}: CI=true needs every store")
    pytest.skip(why)


# Jena from Debian's libapache-jena-java (4.5), which installs jars and no commands: the
# classpath of riot and tdb2.tdbloader, less the jars that clash (several slf4j bindings).
JENA_JARS = ["commons-cli", "commons-codec", "commons-compress", "commons-csv", "commons-io", "commons-lang3", "dexx.collection",
             "guava", "jackson-annotations", "jackson-core", "jackson-databind", "jsonld-java", "slf4j-api", "slf4j-simple", "protobuf",
             "thrift", "httpclient", "httpclient-cache", "httpcore", "gson", "titanium-json-ld", "jakarta.json-api"]


def jena_classpath(workdir):
    """The classpath for `java -cp CP riotcmd.riot` and `tdb2.tdbloader`. Debian's jena-core moved
    its copy of Xerces to the package `xerces` but left its message files under
    org/apache/jena/ext/xerces, so Jena fails at start ("internal error" in XSSimpleTypeDecl);
    the files are copied where the classes look for them, in workdir."""
    import zipfile
    need_program("java")
    java = Path("/usr/share/java")
    jena = sorted(p for p in java.glob("jena-*.jar") if not any(c.isdigit() for c in p.stem.split("-")[-1][:1]))
    if not (java / "jena-core.jar").is_file():
        if IN_CI:
            pytest.fail("Jena is not installed (Tests/run installs libapache-jena-java with apt-get)")
        pytest.skip("Jena is not installed (apt-get install libapache-jena-java): this check did not run")
    fix = Path(workdir) / "jena-xerces-messages"
    with zipfile.ZipFile(java / "jena-core.jar") as z:
        for name in z.namelist():
            prefix = "org/apache/jena/ext/xerces/"
            if name.startswith(prefix) and name.endswith(".properties"):
                target = fix / "xerces" / name[len(prefix):]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(z.read(name))
    return ":".join([str(p) for p in jena] + [str(java / f"{n}.jar") for n in JENA_JARS] + [str(fix)])


def edited_export(tmp_path):
    """Output/graph.nt with one fact removed and one date changed (a small re-export), as tmp_path/new.nt."""
    lines = (OUT / "graph.nt").read_text(encoding="utf-8").splitlines(keepends=True)
    fact = "<https://prosegraph.org/id/country/belgium> <https://prosegraph.org/ontology#hasEmbassyIn> <https://prosegraph.org/id/city/damascus> .\n"
    assert fact in lines
    lines.remove(fact)
    dated = [i for i, l in enumerate(lines) if '#date> "2015-02"' in l]
    assert dated
    lines[dated[0]] = lines[dated[0]].replace('"2015-02"', '"2015-03"')
    new = tmp_path / "new.nt"
    new.write_text("".join(lines), encoding="utf-8")
    return new


def assert_same_graph_and_valid(expected, back):
    """`prosegraph diff expected back` finds no differences, and `prosegraph validate back` conforms."""
    import subprocess
    tool = prosegraph_tool()
    diff = subprocess.run([tool, "diff", str(expected), str(back)], capture_output=True, text=True)
    assert (diff.returncode, diff.stdout.splitlines()[-1]) == (0, "no differences"), diff.stdout + diff.stderr
    valid = subprocess.run([tool, "validate", str(back)], capture_output=True, text=True)
    assert (valid.returncode, valid.stdout) == (0, f"{back}: conforms\n"), valid.stdout + valid.stderr
