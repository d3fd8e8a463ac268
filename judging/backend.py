"""The one judge interface: the local sandbox judge and the Judge0 client both implement it.

Callers (the submission job handler, the CLI, the bank check) hold a `JudgeBackend` and
never care which one runs. `judge()` is written once, here: it rejects unknown languages,
wraps the caller's callback so its failures never fail the judging, turns our own
failures into IE and always ends with `Finished`. A backend implements `_judge` (run the
tests its way, grading each with `judging.grader.grade`) and `available_languages`.
"""

from __future__ import annotations

import abc
import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Self

from judging.errors import UnknownLanguage
from judging.events import Event, Finished
from judging.languages import Language, LanguageStatus, get_language
from judging.request import JudgeRequest
from judging.results import JudgeResult
from judging.verdicts import Verdict

log = logging.getLogger(__name__)

EventCallback = Callable[[Event], Awaitable[None]]
INTERNAL_ERROR = "The judge failed on its side; this submission was not held against you."


class JudgeBackend(abc.ABC):
    """Judges submissions somewhere; `async with` it, or call start() and close().

    unavailable: None when this judge can work here, else one line saying why not and
        how to fix it (e.g. bubblewrap missing). An unavailable judge still starts: it
        reports every language unavailable with that reason and judges nothing.
    """

    unavailable: str | None = None

    @abc.abstractmethod
    async def start(self) -> None:
        """Prepare (idempotent). Never raises for a missing sandbox: sets `unavailable`."""

    @abc.abstractmethod
    async def close(self) -> None:
        """Release what start() and judging opened."""

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    @abc.abstractmethod
    async def available_languages(self) -> dict[str, LanguageStatus]:
        """Every registered language with whether it works on this judge, and why not."""

    async def judge(
        self, request: JudgeRequest, on_event: EventCallback | None = None
    ) -> JudgeResult:
        """Judge one submission, awaiting `on_event(event)` for each step as it happens.

        request: the submission (language, source, tests, limits, checker, mode).
        on_event: optional coroutine function; gets Compiled, then TestFinished per test
            in completion order, then Finished. Its exceptions are logged and ignored.
        Raises UnknownLanguage for a language id not in the registry; every other
        failure is reported in the result (CE, IE, ...).
        """
        language = get_language(request.language)
        emit = safe_emitter(on_event)
        try:
            await self.start()
            if self.unavailable is not None:
                log.error("cannot judge a %s submission: %s", request.language, self.unavailable)
                result = JudgeResult(Verdict.IE, 0.0, 0, 0, error=INTERNAL_ERROR)
            else:
                result = await self._judge(request, language, emit)
        except UnknownLanguage:
            raise
        except Exception:  # ours to log, never the user's to see (may hold test data)
            log.exception("judging failed (language %s)", request.language)
            result = JudgeResult(Verdict.IE, 0.0, 0, 0, error=INTERNAL_ERROR)
        await emit(Finished(result))
        return result

    @abc.abstractmethod
    async def _judge(
        self, request: JudgeRequest, language: Language, emit: EventCallback
    ) -> JudgeResult:
        """Compile and run the tests, emitting Compiled and TestFinished; may raise (IE)."""


def safe_emitter(on_event: EventCallback | None) -> EventCallback:
    """Wrap a caller's callback so its failures are logged, never fail the judging."""

    async def emit(event: Event) -> None:
        if on_event is None:
            return
        try:
            await on_event(event)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("on_event callback failed for %s event", event.kind)

    return emit
