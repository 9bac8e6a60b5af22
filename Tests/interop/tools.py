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
