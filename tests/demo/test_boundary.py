"""The demo stays out of production: no module under xxgk/ imports xxgk_demo, and production
settings do not install it. Imports inside functions count too: they load the demo all the
same, only later."""

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _imported_modules(tree: ast.AST):
    for node in ast.walk(tree):  # walks into functions, classes and conditional blocks
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute | ast.Name)
            and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            yield node.args[0].value


def _demo_imports(source: str) -> list[str]:
    return [
        name
        for name in _imported_modules(ast.parse(source))
        if name == "xxgk_demo" or name.startswith("xxgk_demo.")
    ]


def test_no_module_under_xxgk_imports_the_demo():
    offenders = {
        str(path.relative_to(ROOT)): found
        for path in sorted((ROOT / "xxgk").rglob("*.py"))
        if (found := _demo_imports(path.read_text(encoding="utf-8")))
    }
    assert offenders == {}


def test_the_guard_sees_imports_inside_functions():
    source = (
        "import os\n"
        "def f():\n"
        "    from xxgk_demo.pdf import render_pdf\n"
        "    import xxgk_demo.titles\n"
        "    importlib.import_module('xxgk_demo.reports')\n"
        "from xxgk.core import documents\n"
    )
    assert _demo_imports(source) == ["xxgk_demo.pdf", "xxgk_demo.titles", "xxgk_demo.reports"]


def _installed_apps(**environment) -> list[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_ENV", "XXGK_DEMO"}}
    env.update(environment, DJANGO_SETTINGS_MODULE="xxgk.settings")
    script = (
        "import json; from django.conf import settings; print(json.dumps(settings.INSTALLED_APPS))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_leaves_the_demo_out_development_installs_it(tmp_path):
    production = {
        "DJANGO_ENV": "production",
        "SECRET_KEY": "x" * 50,
        "FIELD_ENCRYPTION_KEY": "0" * 43 + "=",
        "ALLOWED_HOSTS": "xxgk.example.edu.cn",
        "XXGK_VAR_DIR": str(tmp_path),
    }
    assert "xxgk_demo" not in _installed_apps(**production)
    assert "xxgk_demo" in _installed_apps(XXGK_VAR_DIR=str(tmp_path))
    # A staging site may still want the demo: the switch overrides the default both ways.
    assert "xxgk_demo" in _installed_apps(**production, XXGK_DEMO="1")
    assert "xxgk_demo" not in _installed_apps(XXGK_DEMO="0", XXGK_VAR_DIR=str(tmp_path))
