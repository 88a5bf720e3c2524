"""The built wheel carries the default pack, and an installed copy finds it from any folder."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACK_FILES = [
    path.relative_to(ROOT / "content").as_posix()
    for path in sorted((ROOT / "content").rglob("*"))
    if path.is_file() and "__pycache__" not in path.parts
]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built from the source tree, offline where the build backend is installed."""
    out = tmp_path_factory.mktemp("dist")
    command = [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(ROOT)]
    if importlib.util.find_spec("hatchling") is not None:
        command.insert(4, "--no-isolation")
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    (built,) = out.glob("summitreader-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel installed (without its dependencies, which this environment has) in a folder."""
    target = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [
            *(sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "--quiet"),
            *("--disable-pip-version-check", "--target", str(target), str(wheel)),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return target


def _run_installed(
    target: Path, cwd: Path, code: str, *args: str
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env.update(
        PYTHONPATH=str(target),
        PYTHONUTF8="1",
        SUMMITREADER_DATA_DIR=str(cwd / "data"),
        SUMMITREADER_CACHE_DIR=str(cwd / "cache"),
    )
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
        check=False,
    )


def test_the_wheel_holds_the_default_pack(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert "summitreader/content/trump-putin-summits/pack.yaml" in names
    assert PACK_FILES, "no content in the source tree"
    missing = [f for f in PACK_FILES if f"summitreader/content/{f}" not in names]
    assert not missing
    assert "summitreader/__init__.py" in names
    assert "summitreader/pack/load.py" in names
    assert not any(name.startswith(("tests/", "content/")) for name in names)


def test_the_installed_copy_validates_its_pack_from_another_folder(
    installed: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = (
        "import sys, summitreader\n"
        "from summitreader import paths\n"
        "from summitreader.cli import main\n"
        "print(summitreader.__file__)\n"
        "print(paths.default_pack_dir())\n"
        "sys.exit(main(['validate']))\n"
    )
    result = _run_installed(installed, elsewhere, code)
    assert result.returncode == 0, result.stdout + result.stderr
    module, pack_dir, summary = result.stdout.splitlines()
    # The installed copy is what ran, and the pack it validated is the one inside it.
    assert Path(module).resolve().is_relative_to(installed.resolve())
    assert (
        Path(pack_dir).resolve()
        == (installed / "summitreader" / "content" / "trump-putin-summits").resolve()
    )
    assert summary.startswith("trump-putin-summits: ok — 7 sections")


def test_the_installed_command_runs_as_a_module(installed: Path, tmp_path: Path) -> None:
    code = "import runpy; runpy.run_module('summitreader', run_name='__main__')"
    result = _run_installed(installed, tmp_path, code, "show", "helsinki", "--json")
    assert result.returncode == 0, result.stderr
    assert '"id": "helsinki"' in result.stdout
    assert "Traceback" not in result.stderr
