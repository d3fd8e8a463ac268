"""The language registry: one declarative entry per language, keyed by its id.

An entry says how to compile (or syntax-check) and run a program, how to ask the
toolchain its version, and a self-test program with its expected output; plus the limit
adjustments its runtime needs (the JVM and V8 reserve huge address space and start
threads, so they are capped with their own flags and get more tasks). Command templates
may use {box} (the workspace as the program sees it) and {memory_mb} (the user's memory
limit). The keys are `storage.languages.LANGUAGE_IDS` (a test holds them equal), so
adding Go or Rust is one more id there and one more entry in LANGUAGES.
"""

from __future__ import annotations

import asyncio
import weakref
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from judging.errors import JudgingError, UnknownLanguage
from judging.programs import Program
from judging.sandbox_policy import MIB, Bind, Limits

if TYPE_CHECKING:
    from judging.sandbox import Sandbox

COMPILE_LIMITS = Limits(
    cpu_time_s=15.0,
    wall_time_s=20.0,
    memory_mb=1024,
    processes=32,
    output_bytes=1 * MIB,
    stderr_bytes=1 * MIB,
    file_size_bytes=64 * MIB,
    open_files=256,
    stack_mb=64,
    limit_address_space=False,
    tmpfs_mb=256,
)


@dataclass(frozen=True)
class Language:
    """How to build and run one language inside the sandbox.

    compile: argv run in the writable workspace (cwd {box}); None means the source runs
        as is. For interpreted languages it is a syntax check, so syntax errors are CE.
    run: argv for each test, run with the workspace read-only and cwd in private /tmp.
    memory_overhead_mb: allowance on top of the user's memory limit for the runtime
        itself (interpreter, JVM metaspace and code cache, V8 young generation).
    memory_errors: stderr markers meaning the runtime ran out of memory (MLE, not RE).
    """

    id: str
    name: str
    source_name: str
    run: tuple[str, ...]
    version: tuple[str, ...]
    self_test: str
    self_test_output: str
    self_test_input: str = "2 3\n"
    compile: tuple[str, ...] | None = None
    compiled: bool = False  # True: compile produces the artifact that runs
    extra_binds: tuple[Bind, ...] = ()
    env: tuple[tuple[str, str], ...] = ()
    processes: int = 16
    open_files: int = 64
    memory_overhead_mb: int = 16
    limit_address_space: bool = True
    stack_mb: int | None = None
    memory_errors: tuple[str, ...] = ()
    compile_limits: Limits = field(default=COMPILE_LIMITS)

    def compile_command(self, box: str) -> list[str] | None:
        if self.compile is None:
            return None
        return [part.format(box=box, memory_mb=0) for part in self.compile]

    def run_command(self, box: str, memory_mb: int) -> list[str]:
        return [part.format(box=box, memory_mb=memory_mb) for part in self.run]

    def run_limits(self, time_limit_s: float, memory_limit_mb: int) -> Limits:
        """Sandbox limits for one test under a problem's time and memory limits."""
        return Limits(
            cpu_time_s=time_limit_s,
            wall_time_s=time_limit_s * 2 + 1,
            memory_mb=memory_limit_mb + self.memory_overhead_mb,
            processes=self.processes,
            open_files=self.open_files,
            # The stack may grow as large as the user's limit but no further, so deep
            # recursion ends in SIGSEGV (RE) before the cgroup's allowance is touched.
            stack_mb=self.stack_mb or memory_limit_mb,
            limit_address_space=self.limit_address_space,
        )


_PY_SYNTAX_CHECK = """import sys
try:
    compile(open("main.py", "rb").read(), "main.py", "exec")
except (SyntaxError, ValueError) as error:
    import traceback
    sys.stderr.write("".join(traceback.format_exception_only(error)))
    sys.exit(1)
"""
_JVM_FLAGS = ("-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xshare:auto")

LANGUAGES: dict[str, Language] = {
    lang.id: lang
    for lang in (
        Language(
            id="python",
            name="Python 3",
            source_name="main.py",
            # -S -E: no site import, no PYTHON* variables: ~30% faster start, no surprises.
            # The syntax check calls compile() directly: a third of py_compile's cost.
            compile=("/usr/bin/python3", "-S", "-E", "-c", _PY_SYNTAX_CHECK),
            run=("/usr/bin/python3", "-S", "-E", "-B", "{box}/main.py"),
            version=("/usr/bin/python3", "--version"),
            self_test="a, b = map(int, input().split())\nprint(a + b)\n",
            self_test_output="5\n",
            memory_errors=("MemoryError",),
        ),
        Language(
            id="javascript",
            name="JavaScript (Node.js)",
            source_name="main.js",
            compile=("/usr/bin/node", "--check", "main.js"),
            run=("/usr/bin/node", "--max-old-space-size={memory_mb}", "{box}/main.js"),
            version=("/usr/bin/node", "--version"),
            self_test=(
                "const [a, b] = require('fs').readFileSync(0, 'utf8').trim().split(/\\s+/)"
                ".map(Number);\nconsole.log(a + b);\n"
            ),
            self_test_output="5\n",
            processes=32,
            memory_overhead_mb=96,
            limit_address_space=False,
            stack_mb=64,
            memory_errors=("JavaScript heap out of memory", "Reached heap limit"),
        ),
        Language(
            id="c",
            name="C (GCC, C17)",
            source_name="main.c",
            compile=("/usr/bin/gcc", "-O2", "-std=c17", "-pipe", "-o", "main", "main.c", "-lm"),
            compiled=True,
            run=("{box}/main",),
            version=("/usr/bin/gcc", "--version"),
            self_test=(
                "#include <stdio.h>\nint main(void){long long a,b;"
                'if(scanf("%lld %lld",&a,&b)!=2)return 1;printf("%lld\\n",a+b);return 0;}\n'
            ),
            self_test_output="5\n",
            memory_overhead_mb=8,
        ),
        Language(
            id="cpp",
            name="C++ (G++, C++20)",
            source_name="main.cpp",
            compile=("/usr/bin/g++", "-O2", "-std=c++20", "-pipe", "-o", "main", "main.cpp"),
            compiled=True,
            run=("{box}/main",),
            version=("/usr/bin/g++", "--version"),
            self_test=(
                "#include <iostream>\nint main(){long long a,b;std::cin>>a>>b;"
                "std::cout<<a+b<<'\\n';}\n"
            ),
            self_test_output="5\n",
            memory_overhead_mb=8,
            memory_errors=("std::bad_alloc",),
        ),
        Language(
            id="java",
            name="Java (OpenJDK 17+)",
            source_name="Main.java",
            compile=(
                "/usr/bin/javac",
                "-J-Xmx512m",
                "-J-XX:TieredStopAtLevel=1",
                *(f"-J{flag}" for flag in _JVM_FLAGS),
                "-encoding",
                "UTF-8",
                "Main.java",
            ),
            compiled=True,
            run=(
                "/usr/bin/java",
                "-Xmx{memory_mb}m",
                "-Xss64m",
                *_JVM_FLAGS,
                "-cp",
                "{box}",
                "Main",
            ),
            version=("/usr/bin/java", "-version"),
            self_test=(
                "import java.util.*;\npublic class Main {\n"
                "  public static void main(String[] a) {\n"
                "    Scanner s = new Scanner(System.in);\n"
                "    System.out.println(s.nextLong() + s.nextLong());\n  }\n}\n"
            ),
            self_test_output="5\n",
            extra_binds=(
                Bind("/etc/alternatives", optional=True),  # /usr/bin/java -> the JDK
                Bind("/etc/java-17-openjdk", optional=True),
                Bind("/etc/java-21-openjdk", optional=True),
            ),
            processes=64,
            open_files=256,
            memory_overhead_mb=128,
            limit_address_space=False,
            # Not "unable to create native thread": that is a thread bomb (RE), not memory.
            memory_errors=(
                "OutOfMemoryError: Java heap space",
                "OutOfMemoryError: GC overhead limit exceeded",
                "OutOfMemoryError: Requested array size exceeds VM limit",
                "OutOfMemoryError: Metaspace",
            ),
        ),
    )
}


def get_language(language_id: str) -> Language:
    try:
        return LANGUAGES[language_id]
    except KeyError:
        raise UnknownLanguage(f"unknown language {language_id!r}") from None


@dataclass(frozen=True)
class LanguageStatus:
    """Whether a language works on this judge, and if not, why."""

    id: str
    name: str
    available: bool
    version: str | None = None
    reason: str | None = None


def unavailable_everywhere(reason: str) -> dict[str, LanguageStatus]:
    """Every language unavailable for one reason (a judge that cannot run at all)."""
    return {
        lang.id: LanguageStatus(lang.id, lang.name, False, None, reason)
        for lang in LANGUAGES.values()
    }


PROBE_LIMITS = Limits(
    cpu_time_s=10,
    wall_time_s=20,
    memory_mb=1024,
    processes=64,
    open_files=256,
    limit_address_space=False,
)

_probes: weakref.WeakKeyDictionary[Sandbox, asyncio.Task[dict[str, LanguageStatus]]] = (
    weakref.WeakKeyDictionary()
)


async def available_languages(
    sandbox: Sandbox, *, refresh: bool = False
) -> dict[str, LanguageStatus]:
    """Probe every language once per sandbox (cached): version, then self-test.

    A missing toolchain or failing self-test marks the language unavailable with a
    reason; it never raises.
    """
    task = _probes.get(sandbox)
    if task is None or refresh or (task.done() and task.exception() is not None):
        task = asyncio.ensure_future(_probe_all(sandbox))
        _probes[sandbox] = task
    return dict(await asyncio.shield(task))


async def _probe_all(sandbox: Sandbox) -> dict[str, LanguageStatus]:
    results = await asyncio.gather(*(probe_language(sandbox, lang) for lang in LANGUAGES.values()))
    return {status.id: status for status in results}


async def probe_language(sandbox: Sandbox, language: Language) -> LanguageStatus:
    """Version probe plus self-test of one language in `sandbox`."""

    def unavailable(reason: str, version: str | None = None) -> LanguageStatus:
        return LanguageStatus(language.id, language.name, False, version, reason)

    try:
        probe = await sandbox.run(
            list(language.version),
            limits=PROBE_LIMITS,
            extra_binds=language.extra_binds,
            env=language.env,
        )
        text = (probe.stdout + probe.stderr).decode(errors="replace").strip()
        version = text.splitlines()[0] if text else None
        if not probe.ok:
            return unavailable(f"version probe failed: {text[:200]}", version)
        async with sandbox.workspace() as workspace:
            program = await Program.build(sandbox, language, language.self_test, workspace)
            if not program.ok:
                return unavailable(f"self-test did not compile: {program.message[:300]}", version)
            outcome = await program.run(language.self_test_input.encode(), 5.0, 256)
        if not outcome.ok or outcome.stdout.decode(errors="replace") != language.self_test_output:
            detail = (outcome.stderr or outcome.stdout).decode(errors="replace")[:300]
            return unavailable(f"self-test failed: {detail}", version)
        return LanguageStatus(language.id, language.name, True, version)
    except JudgingError as exc:
        return unavailable(str(exc))
    except OSError as exc:  # e.g. a workspace we could not create
        return unavailable(f"{type(exc).__name__}: {exc}")
