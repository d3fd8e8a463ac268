"""Tests for the problem-package loader and the bundled problem bank.

The bank tests enforce the content rules from docs/problem-format.md so a broken or
thin package is caught before it is seeded.  The slow test really runs both reference
solutions of every problem on every test, which is the only way to know that the stored
expected outputs are right.
"""

from __future__ import annotations

import math
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import FrozenInstanceError
from pathlib import Path

import pytest

from storage.problem_package import (
    BANK_DIR,
    TOPICS,
    PackageError,
    ProblemPackage,
    iter_bank,
    load_package,
)

# ---------------------------------------------------------------------------
# helpers


def write_package(root: Path, slug: str = "tiny-sum", **overrides: str | None) -> Path:
    """Write a minimal valid package; ``overrides`` maps a relative path to new text
    (``None`` deletes the file)."""
    pkg = root / slug
    files: dict[str, str | None] = {
        "problem.toml": (
            f'slug = "{slug}"\n'
            'title = "Tiny Sum"\n'
            'difficulty = "easy"\n'
            'topics = ["math"]\n'
            "time_limit = 1.5\n"
            "memory_limit = 128\n"
        ),
        "statement.md": "# Tiny Sum\n\nAdd two numbers.\n",
        "tests/visible/01.in": "1 2\n",
        "tests/visible/01.out": "3\n",
        "tests/hidden/01.in": "5 5\n",
        "tests/hidden/01.out": "10\n",
        "solutions/reference.py": "a, b = map(int, input().split())\nprint(a + b)\n",
    }
    files.update(overrides)
    for rel, text in files.items():
        if text is None:
            continue
        path = pkg / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return pkg


TOML_HEAD = 'slug = "tiny-sum"\ntitle = "T"\ntime_limit = 1\nmemory_limit = 64\n'


def toml(extra: str, *, difficulty: str = "easy", topics: str = '["math"]') -> str:
    return TOML_HEAD + f'difficulty = "{difficulty}"\ntopics = {topics}\n' + extra


# ---------------------------------------------------------------------------
# loader: happy path


def test_minimal_package_loads_with_defaults(tmp_path: Path) -> None:
    pkg = load_package(write_package(tmp_path))
    assert pkg.slug == "tiny-sum"
    assert pkg.time_limit == 1.5 and isinstance(pkg.time_limit, float)
    assert pkg.memory_limit == 128
    assert pkg.checker == "tokens" and pkg.checker_options == {}
    assert pkg.tags == () and pkg.companies == () and pkg.hints == ()
    assert pkg.starter == {}
    assert [t.name for t in pkg.tests] == ["visible/01", "hidden/01"]
    assert pkg.tests[0].input == b"1 2\n" and pkg.tests[0].expected == b"3\n"
    assert [t.hidden for t in pkg.tests] == [False, True]
    assert set(pkg.solutions) == {"python"}
    assert pkg.root == tmp_path / "tiny-sum"


def test_tests_are_ordered_visible_then_hidden_by_name(tmp_path: Path) -> None:
    extra = {}
    for kind in ("visible", "hidden"):
        for stem in ("03", "01", "02"):
            extra[f"tests/{kind}/{stem}.in"] = f"{kind}{stem}"
            extra[f"tests/{kind}/{stem}.out"] = "x"
    pkg = load_package(write_package(tmp_path, **extra))
    assert [t.name for t in pkg.tests] == [
        "visible/01",
        "visible/02",
        "visible/03",
        "hidden/01",
        "hidden/02",
        "hidden/03",
    ]
    assert [t.name for t in pkg.visible_tests] == ["visible/01", "visible/02", "visible/03"]
    assert all(t.hidden for t in pkg.hidden_tests)


def test_full_metadata_float_checker_starter_and_solutions(tmp_path: Path) -> None:
    meta = toml(
        'tags = ["geometry"]\ncompanies = ["Acme"]\nchecker = "float"\n'
        "float_abs_tol = 1e-4\n"
        'expected_complexity = "O(1)"\nhints = ["a", "b"]\neditorial = """E"""\n'
        '[starter]\npython = "print()"\ncpp = "int main(){}"\n',
        difficulty="hard",
        topics='["math", "greedy"]',
    )
    path = write_package(
        tmp_path,
        **{
            "problem.toml": meta,
            "solutions/reference.cpp": "int main(){}",
            "solutions/Main.java": "public class Main {}",
            "solutions/reference.js": "",
            "solutions/reference.c": "int main(void){return 0;}",
            "solutions/notes.txt": "ignored",
        },
    )
    pkg = load_package(path)
    assert pkg.difficulty == "hard"
    assert pkg.topics == ("math", "greedy")
    assert pkg.checker == "float"
    assert pkg.checker_options == {"abs_tol": 1e-4, "rel_tol": 1e-6}
    assert pkg.hints == ("a", "b") and pkg.editorial == "E"
    assert pkg.starter == {"python": "print()", "cpp": "int main(){}"}
    assert set(pkg.solutions) == {"python", "cpp", "java", "javascript", "c"}


def test_custom_checker_program_is_read_with_its_language(tmp_path: Path) -> None:
    plain = load_package(write_package(tmp_path / "a"))
    assert (plain.checker_source, plain.checker_language) == (None, None)
    pkg = load_package(
        write_package(
            tmp_path / "b",
            **{"problem.toml": toml('checker = "custom"\n'), "checker.cpp": "int main(){}\n"},
        )
    )
    assert pkg.checker == "custom" and pkg.checker_options == {}
    assert (pkg.checker_source, pkg.checker_language) == ("int main(){}\n", "cpp")


def test_package_is_frozen(tmp_path: Path) -> None:
    pkg = load_package(write_package(tmp_path))
    with pytest.raises(FrozenInstanceError):
        pkg.title = "changed"  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        pkg.tests[0].input = b""  # type: ignore[misc]


def test_iter_bank_skips_hidden_and_underscore_dirs_and_files(tmp_path: Path) -> None:
    write_package(tmp_path, "b-two")
    write_package(tmp_path, "a-one")
    (tmp_path / "_scratch").mkdir()
    (tmp_path / ".cache").mkdir()
    (tmp_path / "README.md").write_text("not a package")
    assert [p.slug for p in iter_bank(tmp_path)] == ["a-one", "b-two"]


def test_iter_bank_reports_broken_package(tmp_path: Path) -> None:
    write_package(tmp_path, "good-one")
    (tmp_path / "not-a-package").mkdir()
    with pytest.raises(PackageError, match=r"missing problem\.toml"):
        list(iter_bank(tmp_path))


def test_iter_bank_missing_root(tmp_path: Path) -> None:
    with pytest.raises(PackageError, match="not found"):
        list(iter_bank(tmp_path / "nope"))


# ---------------------------------------------------------------------------
# loader: error cases


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"problem.toml": None}, "missing problem.toml"),
        ({"statement.md": None}, "missing statement.md"),
        ({"statement.md": "  \n"}, "statement is empty"),
        ({"solutions/reference.py": None}, "missing solutions/reference.py"),
        ({"problem.toml": "slug = [unclosed"}, "invalid TOML"),
        ({"problem.toml": 'slug = "tiny-sum"\ntitle = "T"\n'}, "missing required key"),
        ({"problem.toml": toml('colour = "red"\n')}, "unknown key"),
        ({"problem.toml": toml("", difficulty="insane")}, "unknown difficulty"),
        ({"problem.toml": toml("", topics='["arrays", "sorcery"]')}, "unknown topic"),
        ({"problem.toml": toml("", topics="[]")}, "must not be empty"),
        ({"problem.toml": toml("", topics='["math", "math"]')}, "duplicates"),
        ({"problem.toml": toml("", topics='"math"')}, "list of non-empty strings"),
        ({"problem.toml": toml('checker = "regex"\n')}, "unknown checker"),
        ({"problem.toml": toml('checker = "custom"\n')}, "needs exactly one checker program"),
        (
            {"problem.toml": toml('checker = "custom"\n'), "checker.py": "", "checker.c": ""},
            "needs exactly one checker program",
        ),
        ({"checker.py": "import sys\n"}, "a checker program needs checker = 'custom'"),
        (
            {"problem.toml": toml('checker = "custom"\n'), "checker.py": "#" * 70_000},
            "checker program larger than",
        ),
        ({"problem.toml": toml("float_abs_tol = 0.1\n")}, "only allowed with checker"),
        (
            {"problem.toml": toml('checker = "float"\nfloat_rel_tol = -1\n')},
            "non-negative number",
        ),
        ({"problem.toml": toml('hints = ["ok", 3]\n')}, "'hints' must be a list"),
        ({"problem.toml": toml("editorial = 5\n")}, "'editorial' must be a string"),
        ({"problem.toml": toml('[starter]\ncobol = "x"\n')}, "unknown starter language"),
        ({"problem.toml": toml("[starter]\npython = 1\n")}, "starter.python must be a string"),
        (
            {"problem.toml": toml("").replace("time_limit = 1", "time_limit = 0")},
            "'time_limit' must be a positive number",
        ),
        (
            {"problem.toml": toml("").replace("time_limit = 1", 'time_limit = "1"')},
            "'time_limit' must be a positive number",
        ),
        (
            {"problem.toml": toml("").replace("memory_limit = 64", "memory_limit = 64.5")},
            "whole number",
        ),
        (
            {"problem.toml": toml("").replace('title = "T"', 'title = "  "')},
            "'title' must not be empty",
        ),
        ({"tests/visible/01.out": None}, "unpaired .in/.out"),
        ({"tests/hidden/02.in": "7 7\n"}, "unpaired .in/.out"),
        ({"tests/hidden/notes.txt": "hi"}, "unexpected file"),
        ({"tests/visible/01.in": None, "tests/visible/01.out": None}, "at least one visible"),
    ],
)
def test_loader_rejects_broken_package(
    tmp_path: Path, overrides: dict[str, str | None], message: str
) -> None:
    path = write_package(tmp_path, **overrides)
    with pytest.raises(PackageError, match=re.escape(message)) as excinfo:
        load_package(path)
    assert isinstance(excinfo.value, ValueError)
    assert str(path) in str(excinfo.value)  # message names the package location


@pytest.mark.parametrize("bad_slug", ["Tiny-Sum", "tiny_sum", "-tiny", "tiny--sum", "tiny sum"])
def test_loader_rejects_bad_slug(tmp_path: Path, bad_slug: str) -> None:
    meta = toml("").replace('slug = "tiny-sum"', f'slug = "{bad_slug}"')
    with pytest.raises(PackageError, match="bad slug"):
        load_package(write_package(tmp_path, **{"problem.toml": meta}))


def test_loader_rejects_slug_folder_mismatch(tmp_path: Path) -> None:
    path = write_package(tmp_path, "other-name", **{"problem.toml": toml("")})
    with pytest.raises(PackageError, match="does not match folder name"):
        load_package(path)


def test_loader_rejects_non_directory(tmp_path: Path) -> None:
    with pytest.raises(PackageError, match="not a directory"):
        load_package(tmp_path / "missing")


def test_hidden_tests_are_optional(tmp_path: Path) -> None:
    path = write_package(tmp_path, **{"tests/hidden/01.in": None, "tests/hidden/01.out": None})
    assert not (path / "tests" / "hidden").exists()
    assert [t.name for t in load_package(path).tests] == ["visible/01"]


# ---------------------------------------------------------------------------
# the bundled bank

MIN_PROBLEMS = 42
SECOND_LANGS = ("cpp", "c", "java", "javascript")


@pytest.fixture(scope="module")
def bank() -> list[ProblemPackage]:
    return list(iter_bank())


def test_bank_dir_points_next_to_module() -> None:
    assert BANK_DIR.name == "problems" and BANK_DIR.parent.name == "content"


def test_bank_loads_and_has_enough_problems(bank: list[ProblemPackage]) -> None:
    assert len(bank) >= MIN_PROBLEMS
    assert len({p.slug for p in bank}) == len(bank)
    assert len({p.title for p in bank}) == len(bank)


def test_bank_topic_coverage(bank: list[ProblemPackage]) -> None:
    per_topic = Counter(t for p in bank for t in p.topics)
    thin = {t: per_topic[t] for t in TOPICS if per_topic[t] < 3}
    assert not thin, f"topics with fewer than 3 problems: {thin}"


def test_bank_difficulty_spread(bank: list[ProblemPackage]) -> None:
    counts = Counter(p.difficulty for p in bank)
    share = {d: counts[d] / len(bank) for d in ("easy", "medium", "hard")}
    assert 0.30 <= share["easy"] <= 0.50, share
    assert 0.30 <= share["medium"] <= 0.50, share
    assert 0.12 <= share["hard"] <= 0.30, share


def test_bank_second_language_mix(bank: list[ProblemPackage]) -> None:
    for lang in ("java", "javascript", "c"):
        assert sum(lang in p.solutions for p in bank) >= 3, lang


def test_bank_custom_checker_used(bank: list[ProblemPackage]) -> None:
    customs = [p for p in bank if p.checker == "custom"]
    assert len(customs) >= 2
    assert all(p.checker_source and p.checker_language for p in customs)


def test_bank_float_checker_used(bank: list[ProblemPackage]) -> None:
    floats = [p for p in bank if p.checker == "float"]
    assert len(floats) >= 2
    assert all(p.checker_options.get("abs_tol", 0) > 0 for p in floats)


@pytest.mark.parametrize("package", list(iter_bank()), ids=lambda p: p.slug)
def test_bank_package_content(package: ProblemPackage) -> None:
    assert len(package.visible_tests) >= 3
    assert len(package.hidden_tests) >= 8
    assert "python" in package.solutions
    assert any(lang in package.solutions for lang in SECOND_LANGS)
    assert 2 <= len(package.hints) <= 4
    assert package.editorial.strip() and package.expected_complexity.strip()
    assert package.tags and package.companies
    for section in ("## Input", "## Output", "## Constraints", "## Examples"):
        assert section in package.statement, section
    # the examples in the statement are exactly the visible tests
    for test in package.visible_tests:
        assert test.input.decode().rstrip() in package.statement, test.name
        assert test.expected.decode().rstrip() in package.statement, test.name
    for test in package.tests:
        assert test.input.strip() and test.expected.strip(), test.name
        test.input.decode("ascii")  # plain ASCII I/O only
        test.expected.decode("ascii")
        assert len(test.input) <= 1_600_000, test.name
    if "java" in package.solutions:
        assert "public class Main" in package.solutions["java"]


def test_bank_total_size_under_budget() -> None:
    total = sum(p.stat().st_size for p in BANK_DIR.rglob("*") if p.is_file())
    assert total < 35 * 1024 * 1024


# ---------------------------------------------------------------------------
# slow: run every reference solution on every test

TOOLS = {"cpp": "g++", "c": "gcc", "java": "javac", "javascript": "node"}


def _tokens_match(expected: bytes, got: bytes, package: ProblemPackage) -> bool:
    if package.checker == "exact":
        return expected == got
    exp, out = expected.split(), got.split()
    if len(exp) != len(out):
        return False
    if package.checker == "tokens":
        return exp == out
    abs_tol = package.checker_options["abs_tol"]
    rel_tol = package.checker_options["rel_tol"]
    for a, b in zip(exp, out, strict=True):
        if a == b:
            continue
        try:
            fa, fb = float(a), float(b)
        except ValueError:
            return False
        if not (math.isfinite(fb) and abs(fa - fb) <= max(abs_tol, rel_tol * abs(fa))):
            return False
    return True


def _prepare(package: ProblemPackage, lang: str, work: Path) -> list[str]:
    """Compile (once) and return the command line that runs the solution."""
    work.mkdir(parents=True, exist_ok=True)
    src = package.root / "solutions"
    if lang == "python":
        # same flags as the judge (judging/languages.py): no site, no PYTHON* env vars
        return [sys.executable, "-S", "-E", "-B", str(src / "reference.py")]
    if lang == "javascript":
        return ["node", str(src / "reference.js")]
    if lang == "cpp":
        exe = work / "ref_cpp"
        cmd = ["g++", "-O2", "-std=c++20", "-o", str(exe), str(src / "reference.cpp")]
    elif lang == "c":
        exe = work / "ref_c"
        cmd = ["gcc", "-O2", "-std=c17", "-o", str(exe), str(src / "reference.c"), "-lm"]
    else:
        cmd = ["javac", "-d", str(work), str(src / "Main.java")]
    subprocess.run(cmd, check=True, capture_output=True, timeout=120)
    return [str(exe)] if lang in ("cpp", "c") else ["java", "-cp", str(work), "Main"]


def _check_language(package: ProblemPackage, lang: str, work: Path) -> list[str]:
    try:
        argv = _prepare(package, lang, work)
    except subprocess.CalledProcessError as exc:
        return [f"{package.slug}/{lang}: compile failed: {exc.stderr.decode()[-400:]}"]
    failures = []
    # generous wall-clock cap: CPU limits are the judge's business, this catches hangs
    timeout = max(10.0, 4 * package.time_limit)
    for test in package.tests:
        try:
            proc = subprocess.run(argv, input=test.input, capture_output=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            failures.append(f"{package.slug}/{lang}/{test.name}: timed out")
            continue
        if proc.returncode != 0:
            failures.append(
                f"{package.slug}/{lang}/{test.name}: exit {proc.returncode} "
                f"{proc.stderr.decode(errors='replace')[-300:]}"
            )
        elif package.checker == "custom":
            verdict = _custom_check(package, test.input, test.expected, proc.stdout, work)
            if verdict:
                failures.append(f"{package.slug}/{lang}/{test.name}: checker: {verdict}")
        elif not _tokens_match(test.expected, proc.stdout, package):
            failures.append(f"{package.slug}/{lang}/{test.name}: wrong output")
    return failures


def _custom_check(
    package: ProblemPackage, given: bytes, answer: bytes, output: bytes, work: Path
) -> str | None:
    """Run the bank problem's Python checker (testlib argv); its message on rejection."""
    assert package.checker_language == "python", "bank checkers are checker.py"
    for name, content in (("input", given), ("output", output), ("answer", answer)):
        (work / name).write_bytes(content)
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            package.checker_source or "",
            *(str(work / n) for n in ("input", "output", "answer")),
        ],
        capture_output=True,
        timeout=60,
    )
    return None if proc.returncode == 0 else (proc.stdout + proc.stderr).decode()[-300:]


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_reference_solutions_reproduce_expected_output(
    bank: list[ProblemPackage], tmp_path: Path
) -> None:
    missing = sorted({tool for tool in TOOLS.values() if shutil.which(tool) is None})
    if missing:
        pytest.skip(f"toolchain not installed: {', '.join(missing)}")
    if shutil.which("java") is None:
        pytest.skip("toolchain not installed: java")
    jobs = [
        (package, lang, tmp_path / package.slug / lang)
        for package in bank
        for lang in package.solutions
    ]
    # Heavy jobs (compiled languages) first keeps both cores busy until the end.
    jobs.sort(key=lambda job: job[1] == "python")
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        results = pool.map(lambda job: _check_language(*job), jobs)
        failures = [msg for result in results for msg in result]
    assert not failures, "\n".join(failures)
