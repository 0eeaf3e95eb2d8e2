"""The benchmarks (bench/, `make bench`) are not run by the suite, and most import the
project inside their functions, after configuring Django; a renamed or moved function then
breaks them silently until the next measurement (mailbox_bench imported the mailbox's own
serial counter long after the case kernel had replaced it). This checks that every name they
import from the project still exists; a changed signature it cannot see."""

import ast
import importlib
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"


def project_imports():
    for path in sorted(BENCH.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("xxgk"):
                for alias in node.names:
                    yield pytest.param(node.module, alias.name, id=f"{path.name}:{alias.name}")


@pytest.mark.parametrize(("module", "name"), list(project_imports()))
def test_every_name_a_benchmark_imports_exists(module, name):
    imported = importlib.import_module(module)
    if not hasattr(imported, name):
        importlib.import_module(f"{module}.{name}")  # a submodule, or ImportError
