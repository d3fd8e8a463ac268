#!/usr/bin/env python3
"""Author tool: (re)generate test files for bank problems and cross-check the references.

Usage (from the repository root)::

    python3 content/problems/build_tests.py                 # every problem
    python3 content/problems/build_tests.py slug-a slug-b   # selected problems
    python3 content/problems/build_tests.py --no-gen slug   # keep the existing .in files

For each problem it

1. runs ``gen.py`` (if present) after deleting ``tests/`` -- the generator owns the inputs;
2. runs ``solutions/reference.py`` with ``/usr/bin/python3`` on every ``.in`` and writes the
   ``.out`` next to it (expected outputs are never written by hand), measuring CPU time;
3. compiles/runs the second reference (C, C++, Java or JavaScript) and checks that its
   output is token-equal (or within tolerance for ``checker = "float"``; for
   ``checker = "custom"``, that ``checker.py`` accepts it and the Python reference's);
4. rewrites the ``## Examples`` section of ``statement.md`` from ``tests/visible``.

It exits non-zero if anything is inconsistent.  Standard library only.
"""

from __future__ import annotations

import argparse
import math
import resource
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

BANK = Path(__file__).resolve().parent
PYTHON = "/usr/bin/python3" if Path("/usr/bin/python3").exists() else sys.executable
MAX_INPUT_BYTES = 1_600_000
PY_TIME_FRACTION = 0.4  # Python reference must use < 40% of time_limit


def cpu_run(cmd, stdin_bytes, cwd=None, timeout=60.0):
    """Run cmd, return (stdout, stderr, returncode, child CPU seconds)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run(cmd, input=stdin_bytes, capture_output=True, cwd=cwd, timeout=timeout)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return proc.stdout, proc.stderr, proc.returncode, cpu


def compile_second(sol_dir: Path, work: Path):
    """Return (language, argv) for the non-Python reference, compiling it into work/."""
    if (sol_dir / "reference.cpp").exists():
        exe = work / "ref_cpp"
        subprocess.run(["g++", "-O2", "-std=c++20", "-o", str(exe), str(sol_dir / "reference.cpp")], check=True)
        return "cpp", [str(exe)]
    if (sol_dir / "reference.c").exists():
        exe = work / "ref_c"
        subprocess.run(["gcc", "-O2", "-std=c17", "-o", str(exe), str(sol_dir / "reference.c"), "-lm"], check=True)
        return "c", [str(exe)]
    if (sol_dir / "Main.java").exists():
        subprocess.run(["javac", "-d", str(work), str(sol_dir / "Main.java")], check=True)
        return "java", ["java", "-cp", str(work), "Main"]
    if (sol_dir / "reference.js").exists():
        return "javascript", ["node", str(sol_dir / "reference.js")]
    return None, None


def outputs_match(expected: bytes, got: bytes, checker: str, abs_tol: float, rel_tol: float) -> bool:
    if checker == "exact":
        return expected == got
    a, b = expected.split(), got.split()
    if len(a) != len(b):
        return False
    if checker == "tokens":
        return a == b
    for x, y in zip(a, b):
        if x == y:
            continue
        try:
            fx, fy = float(x), float(y)
        except ValueError:
            return False
        if not (math.isfinite(fx) and math.isfinite(fy)):
            return False
        if abs(fx - fy) > max(abs_tol, rel_tol * abs(fx)):
            return False
    return True


def checker_accepts(root: Path, inp: Path, answer: bytes, got: bytes, work: Path) -> bool:
    """Run the problem's checker.py (testlib argv: input, output, answer): exit 0 accepts."""
    (work / "output").write_bytes(got)
    (work / "answer").write_bytes(answer)
    result = subprocess.run(
        [PYTHON, str(root / "checker.py"), str(inp), str(work / "output"), str(work / "answer")],
        capture_output=True,
        timeout=60,
    )
    return result.returncode == 0


def fill_examples(root: Path) -> None:
    """Replace the body of the '## Examples' section with the visible tests."""
    st_path = root / "statement.md"
    text = st_path.read_text(encoding="utf-8")
    marker = "## Examples"
    start = text.find(marker)
    if start < 0:
        raise SystemExit(f"{st_path}: no '## Examples' heading")
    body_start = start + len(marker)
    nxt = text.find("\n## ", body_start)
    tail = text[nxt + 1:] if nxt >= 0 else ""
    parts = []
    vis = sorted((root / "tests" / "visible").glob("*.in"))
    for i, inp in enumerate(vis, 1):
        out = inp.with_suffix(".out")
        parts.append(
            f"### Example {i}\n\nInput:\n\n```\n{inp.read_text().rstrip()}\n```\n\n"
            f"Output:\n\n```\n{out.read_text().rstrip()}\n```\n"
        )
    new = text[:body_start] + "\n\n" + "\n".join(parts) + ("\n" + tail if tail else "")
    st_path.write_text(new, encoding="utf-8")


def build(root: Path, regen: bool) -> list[str]:
    problems: list[str] = []
    meta = tomllib.loads((root / "problem.toml").read_text(encoding="utf-8"))
    tl = float(meta["time_limit"])
    checker = meta.get("checker", "tokens")
    abs_tol = float(meta.get("float_abs_tol", 1e-6))
    rel_tol = float(meta.get("float_rel_tol", 1e-6))
    if regen and (root / "gen.py").exists():
        for kind in ("visible", "hidden"):
            shutil.rmtree(root / "tests" / kind, ignore_errors=True)
        subprocess.run([PYTHON, "gen.py"], cwd=root, check=True)
    ins = sorted((root / "tests").glob("*/*.in"))
    ref_py = root / "solutions" / "reference.py"
    max_py = 0.0
    max_other = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        lang, argv = compile_second(root / "solutions", Path(tmp))
        if lang is None:
            problems.append("no second reference")
        for inp in ins:
            data = inp.read_bytes()
            if len(data) > MAX_INPUT_BYTES:
                problems.append(f"{inp.relative_to(root)} is {len(data)} bytes")
            out, err, rc, cpu = cpu_run([PYTHON, "-S", "-E", "-B", str(ref_py)], data)
            if rc != 0:
                problems.append(f"reference.py failed on {inp.name}: {err.decode()[-500:]}")
                continue
            inp.with_suffix(".out").write_bytes(out)
            max_py = max(max_py, cpu)
            if cpu > PY_TIME_FRACTION * tl:
                problems.append(f"reference.py took {cpu:.2f}s CPU on {inp.relative_to(root)} (TL {tl})")
            if lang is not None:
                out2, err2, rc2, cpu2 = cpu_run(argv, data)
                max_other = max(max_other, cpu2)
                if rc2 != 0:
                    problems.append(f"{lang} reference failed on {inp.relative_to(root)}: {err2.decode()[-500:]}")
                elif checker == "custom":
                    if not checker_accepts(root, inp, out, out2, Path(tmp)):
                        problems.append(f"checker rejects {lang} on {inp.relative_to(root)}")
                elif not outputs_match(out, out2, checker, abs_tol, rel_tol):
                    problems.append(f"{lang} reference differs on {inp.relative_to(root)}")
            if checker == "custom" and not checker_accepts(root, inp, out, out, Path(tmp)):
                problems.append(f"checker rejects reference.py on {inp.relative_to(root)}")
    n_vis = len(list((root / "tests" / "visible").glob("*.in")))
    n_hid = len(list((root / "tests" / "hidden").glob("*.in")))
    if n_vis < 3 or n_hid < 8:
        problems.append(f"only {n_vis} visible / {n_hid} hidden tests")
    fill_examples(root)
    size = sum(p.stat().st_size for p in root.rglob("*") if p.is_file())
    biggest = max((p.stat().st_size for p in ins), default=0)
    print(
        f"{root.name:32s} {lang or '-':10s} vis={n_vis} hid={n_hid} py_max={max_py:.2f}s "
        f"{lang}_max={max_other:.2f}s TL={tl} max_in={biggest / 1e6:.2f}MB dir={size / 1e6:.2f}MB"
        + ("" if not problems else "  <-- PROBLEMS"),
        flush=True,
    )
    return problems


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("slugs", nargs="*")
    ap.add_argument("--no-gen", action="store_true", help="do not rerun gen.py")
    args = ap.parse_args()
    roots = [BANK / s for s in args.slugs] if args.slugs else sorted(
        p for p in BANK.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))
    )
    failed = False
    for root in roots:
        for msg in build(root, regen=not args.no_gen):
            failed = True
            print(f"  {root.name}: {msg}")
    total = sum(p.stat().st_size for p in BANK.rglob("*") if p.is_file())
    print(f"bank size: {total / 1e6:.2f} MB")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
