"""The domain packages stand without the terminal UI, and importing them touches no file.

Each check runs in a fresh interpreter, so that what this test process has imported already does
not count.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

DOMAIN_PACKAGES = (
    "summitreader.anki",
    "summitreader.pack",
    "summitreader.progress",
    "summitreader.search",
    "summitreader.study",
)
# Every domain package is checked: one that went missing fails below instead of being skipped.
PRESENT = list(DOMAIN_PACKAGES)

# Imports a package and every module in it, then prints the UI modules that came along.
IMPORT_ALL = """
import importlib, json, pkgutil, sys
for name in sys.argv[1:]:
    package = importlib.import_module(name)
    for info in pkgutil.walk_packages(getattr(package, "__path__", []), name + "."):
        importlib.import_module(info.name)
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in {"textual", "rich"})))
"""
# The CLI's parser, with every command group it registers, and one command run through.
CLI = """
import json, sys
from summitreader.cli import build_parser, main
build_parser()
code = main(["validate"])
assert code == 0, code
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in {"textual", "rich"})))
"""


def _fresh_env(home: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("XDG_", "SUMMITREADER_")) and k not in {"HOME", "PYTHONSTARTUP"}
    }
    env.update(
        HOME=str(home / "home"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_STATE_HOME=str(home / "state"),
        PYTHONUTF8="1",
    )
    for name in ("home", "data", "cache", "config", "state", "cwd"):
        (home / name).mkdir()
    return env


def _python(code: str, *args: str, home: Path) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        cwd=home / "cwd",
        env=_fresh_env(home),
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    ui_modules: list[str] = json.loads(result.stdout.splitlines()[-1])
    return ui_modules


def _files_under(home: Path) -> list[str]:
    return sorted(str(p.relative_to(home)) for p in home.rglob("*") if p.is_file())


def test_the_domain_packages_are_there() -> None:
    missing = [name for name in DOMAIN_PACKAGES if importlib.util.find_spec(name) is None]
    assert not missing, missing
    assert importlib.util.find_spec("summitreader.pack.load") is not None


@pytest.mark.parametrize("package", PRESENT)
def test_a_domain_package_does_not_import_textual(package: str, tmp_path: Path) -> None:
    assert _python(IMPORT_ALL, package, home=tmp_path) == []


def test_pack_and_its_loader_do_not_import_textual(tmp_path: Path) -> None:
    code = (
        "import json, sys\n"
        "import summitreader.pack, summitreader.pack.load\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] == 'textual')))\n"
    )
    assert _python(code, home=tmp_path) == []


def test_the_cli_does_not_import_textual(tmp_path: Path) -> None:
    assert _python(CLI, home=tmp_path) == []
    assert _files_under(tmp_path) == []


def test_importing_creates_no_file(tmp_path: Path) -> None:
    code = IMPORT_ALL.replace(
        "print(", "import summitreader.cli, summitreader.paths, summitreader.text\nprint(", 1
    )
    _python(code, *PRESENT, home=tmp_path)
    assert _files_under(tmp_path) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "cache",
        "config",
        "cwd",
        "data",
        "home",
        "state",
    ]
    assert all(not any(d.iterdir()) for d in tmp_path.iterdir())
