"""`codearena judge` and `codearena problems validate`: the judge from the command line."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path
from typing import Any

from judging.bank_check import SolutionCheck, check_bank
from judging.languages import LANGUAGES
from judging.request import CheckerSpec, JudgeRequest, TestCase
from judging.testdata import read_tests_dir
from realtime.config import load_settings
from realtime.services.judges import local_judge
from storage.bank_import import packages_in
from storage.content_catalog import load_catalog
from storage.problem_package import BANK_DIR, PackageError, load_package
from storage.quiz_package import ContentError

EXIT_BAD_ARGS = 2


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return EXIT_BAD_ARGS


def _tests_and_limits(args: argparse.Namespace) -> tuple[list[Any], float, int, str, dict] | str:
    if args.tests:
        folder = Path(args.tests)
        if not folder.is_dir():
            return f"--tests {folder} is not a directory"
        try:
            tests = read_tests_dir(folder)
        except ValueError as exc:
            return str(exc)
        if not tests:
            return f"no NAME.in files in {folder}"
        return tests, 2.0, 256, "tokens", {}
    path = BANK_DIR / args.problem
    if "/" in args.problem or not (path / "problem.toml").exists():
        return f"unknown problem {args.problem!r} (not in the bundled bank)"
    try:
        package = load_package(path)
    except PackageError as exc:
        return str(exc)
    tests = [TestCase(t.name, t.input, t.expected, t.hidden) for t in package.tests]
    return (
        tests,
        package.time_limit,
        package.memory_limit,
        package.checker,
        dict(package.checker_options),
    )


def cmd_judge(args: argparse.Namespace) -> int:
    source_path = Path(args.file)
    if not source_path.is_file():
        return _fail(f"{source_path} is not a file")
    if args.language not in LANGUAGES:
        return _fail(f"unknown language {args.language!r} (known: {', '.join(sorted(LANGUAGES))})")
    loaded = _tests_and_limits(args)
    if isinstance(loaded, str):
        return _fail(loaded)
    tests, time_limit, memory_limit, checker, options = loaded
    if args.checker:
        checker, options = args.checker, {}
    request = JudgeRequest(
        language=args.language,
        source=source_path.read_text(errors="replace"),
        tests=tests,
        time_limit_s=args.time_limit or time_limit,
        memory_limit_mb=args.memory_limit or memory_limit,
        checker=CheckerSpec(checker, options),
        mode="submit",
    )
    settings = load_settings()

    async def run() -> Any:
        async with local_judge(settings) as judge:
            if judge.unavailable is not None:
                return judge.unavailable
            status = (await judge.available_languages())[args.language]
            if not status.available:
                return f"{status.name} is not available here: {status.reason}"
            return await judge.judge(request)

    result = asyncio.run(run())
    if isinstance(result, str):
        return _fail(result)
    names = [t.name for t in tests]
    report: dict[str, Any] = {"verdict": str(result.verdict), "score": result.score}
    if result.compile_message:
        report["compile_output"] = result.compile_message
    report["tests"] = []
    for t in result.tests:
        row: dict[str, Any] = {
            "name": names[t.index],
            "verdict": str(t.verdict),
            "time_ms": t.time_ms,
            "memory_kb": t.memory_kb,
        }
        if t.exit_code is not None:
            row["exit_code"] = t.exit_code
        if t.signal is not None:
            row["signal"] = t.signal
        report["tests"].append(row)
    if args.json:
        print(json.dumps(report))
    else:
        for row in report["tests"]:
            extra = f" exit={row['exit_code']}" if row.get("exit_code") else ""
            extra += f" signal={row['signal']}" if row.get("signal") else ""
            usage = f"{row['time_ms']:>6} ms {row['memory_kb']:>8} KB"
            print(f"{row['name']:>14}  {row['verdict']:<4} {usage}{extra}")
        if "compile_output" in report:
            print(report["compile_output"])
        print(f"verdict {report['verdict']}  score {report['score']}")
    return 0


def content_summary() -> str:
    """Load the bundled quizzes, modules and companies against the bank (ContentError if broken)."""
    catalog = load_catalog()
    return (
        f"content ok: {len(catalog.quizzes)} quizzes, {len(catalog.modules)} modules, "
        f"{len(catalog.companies)} companies"
    )


def cmd_validate(args: argparse.Namespace) -> int:
    root = Path(args.dir) if args.dir else BANK_DIR
    try:
        packages = packages_in(root)
        if root == BANK_DIR:  # the bundled content links into the bundled bank
            print(content_summary(), flush=True)
    except (PackageError, ContentError) as exc:
        return _fail(str(exc))
    settings = load_settings()

    def show(check: SolutionCheck) -> None:
        mark = "ok  " if check.ok else "FAIL"
        print(
            f"{mark} {check.slug:<32} {check.language:<10} {check.verdict:<4} "
            f"{check.max_time_ms:>5}/{check.limit_ms} ms {check.problem or ''}",
            flush=True,
        )

    async def run() -> list[SolutionCheck] | str:
        async with local_judge(settings) as judge:
            if judge.unavailable is not None:
                return judge.unavailable
            return await check_bank(judge, packages, headroom=args.headroom, on_check=show)

    checks = asyncio.run(run())
    if isinstance(checks, str):
        return _fail(checks)
    failed = [c for c in checks if not c.ok]
    print(f"{len(packages)} problems, {len(checks)} reference solutions, {len(failed)} failed")
    return 1 if failed else 0
