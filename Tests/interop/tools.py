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
SHARED = ROOT.parent / "shared"
IN_CI = os.environ.get("CI") == "true"


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
