"""A submission turned into something runnable: the one place where compiled and
interpreted languages differ.

`Program.prepare` writes the source into the submission's workspace; `compile` runs the
language's compile (or syntax-check) step once, with the workspace writable. Each test
then runs with the workspace read-only (binary or source) and a private /tmp, so tests
cannot leave anything behind for each other. An interpreted program can run before its
syntax check finishes (`needs_compile_first` is False), which lets the pipeline overlap
the check with the first tests.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from judging.outcome import RunOutcome
from judging.results import trim_text
from judging.sandbox import Sandbox, Workspace
from judging.sandbox_policy import Mount

if TYPE_CHECKING:  # languages builds Programs for its self-tests
    from judging.languages import Language

BOX = "/box"
COMPILE_MESSAGE_LIMIT = 8 * 1024


@dataclass(frozen=True)
class Program:
    """A built submission (or checker) ready to run tests.

    ok is False for a compilation error; message then holds the compiler's output,
    trimmed. compile_ms is the compile step's CPU time (0 without one).
    """

    sandbox: Sandbox
    language: Language
    workspace: Workspace
    ok: bool
    message: str = ""
    compile_ms: int = 0

    @classmethod
    def prepare(
        cls, sandbox: Sandbox, language: Language, source: str, workspace: Workspace
    ) -> Program:
        """Write `source` into the workspace; nothing is compiled or checked yet."""
        path = workspace.path / language.source_name
        path.write_bytes(source.encode("utf-8"))
        path.chmod(0o644)
        return cls(sandbox, language, workspace, True)

    @property
    def needs_compile_first(self) -> bool:
        """True when tests need the compile step's output (a binary, class files)."""
        return self.language.compiled

    async def compile(self) -> Program:
        """Run the compile or syntax-check step; a failure is a result (ok False)."""
        mount = self.workspace.mount(BOX, writable=True)
        box = self.sandbox.visible_path(mount)
        command = self.language.compile_command(box)
        if command is None:
            return self
        outcome = await self.sandbox.run(
            command,
            limits=self.language.compile_limits,
            mounts=(mount,),
            extra_binds=self.language.extra_binds,
            env=self.language.env,
            cwd=box,
        )
        if outcome.ok:
            return replace(self, ok=True, compile_ms=outcome.cpu_ms)
        return replace(self, ok=False, message=_compile_message(outcome), compile_ms=outcome.cpu_ms)

    @classmethod
    async def build(
        cls, sandbox: Sandbox, language: Language, source: str, workspace: Workspace
    ) -> Program:
        """prepare + compile: write `source` and compile it once."""
        return await cls.prepare(sandbox, language, source, workspace).compile()

    async def run(
        self,
        stdin: bytes,
        time_limit_s: float,
        memory_limit_mb: int,
        *,
        args: Sequence[str] = (),
        mounts: Sequence[Mount] = (),
    ) -> RunOutcome:
        """Run once on `stdin` under the problem's limits (plus the language's allowances).

        args: extra command-line arguments (a checker gets its file paths this way).
        mounts: extra per-run mounts (a checker's data directory).
        """
        mount = self.workspace.mount(BOX)
        box = self.sandbox.visible_path(mount)
        return await self.sandbox.run(
            [*self.language.run_command(box, memory_limit_mb), *args],
            limits=self.language.run_limits(time_limit_s, memory_limit_mb),
            stdin=stdin,
            mounts=(mount, *mounts),
            extra_binds=self.language.extra_binds,
            env=self.language.env,
            # Tests of one submission repeat this exact run: pre-build the next sandbox.
            warm=not mounts,
        )


def _compile_message(outcome: RunOutcome) -> str:
    text = trim_text(outcome.stderr + outcome.stdout, COMPILE_MESSAGE_LIMIT).strip()
    if outcome.timed_out:
        return f"Compilation time limit exceeded.\n{text}".strip()
    if outcome.memory_exceeded:
        return f"Compilation memory limit exceeded.\n{text}".strip()
    if outcome.output_exceeded:
        return f"Compiler output too large.\n{text}".strip()
    if outcome.signal:
        return f"Compiler killed by {outcome.signal}.\n{text}".strip()
    return text or f"Compiler exited with code {outcome.exit_code}."
