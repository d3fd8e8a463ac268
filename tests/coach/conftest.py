"""Fixtures that run small real programs, so error tests use genuine compiler/runtime output."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

PYTHON = "/usr/bin/python3"

Runner = Callable[..., subprocess.CompletedProcess[str]]


def _run(args: list[str], stdin: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, input=stdin, capture_output=True, text=True, timeout=60, cwd=cwd)


@pytest.fixture
def run_python(tmp_path: Path) -> Runner:
    """Run Python source with the system interpreter; returns the CompletedProcess."""

    def run(
        source: str, stdin: str = "", name: str = "main.py"
    ) -> subprocess.CompletedProcess[str]:
        (tmp_path / name).write_text(source)
        return _run([PYTHON, str(tmp_path / name)], stdin, tmp_path)

    return run


@pytest.fixture
def run_java(tmp_path: Path) -> Runner:
    """Compile Main.java with javac and run it; a compile failure returns javac's result."""
    if not (shutil.which("javac") and shutil.which("java")):
        pytest.skip("java is not installed")

    def run(
        source: str, stdin: str = "", name: str = "Main.java"
    ) -> subprocess.CompletedProcess[str]:
        (tmp_path / name).write_text(source)
        compiled = _run(["javac", name], "", tmp_path)
        if compiled.returncode != 0:
            return compiled
        return _run(["java", "-Xss512k", "-cp", str(tmp_path), Path(name).stem], stdin, tmp_path)

    return run


@pytest.fixture
def run_node(tmp_path: Path) -> Runner:
    """Run JavaScript with node."""
    if not shutil.which("node"):
        pytest.skip("node is not installed")

    def run(
        source: str, stdin: str = "", name: str = "main.js"
    ) -> subprocess.CompletedProcess[str]:
        (tmp_path / name).write_text(source)
        return _run(["node", str(tmp_path / name)], stdin, tmp_path)

    return run


@pytest.fixture
def run_cpp(tmp_path: Path) -> Runner:
    """Compile C++ with g++ and run the binary directly (signals show as negative return codes)."""
    if not shutil.which("g++"):
        pytest.skip("g++ is not installed")

    def run(
        source: str, stdin: str = "", name: str = "main.cpp"
    ) -> subprocess.CompletedProcess[str]:
        (tmp_path / name).write_text(source)
        compiled = _run(["g++", "-O0", "-o", "prog", name], "", tmp_path)
        if compiled.returncode != 0:
            return compiled
        return _run([str(tmp_path / "prog")], stdin, tmp_path)

    return run
