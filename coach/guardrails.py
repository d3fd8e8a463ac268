"""Output guardrails: withhold long code blocks from a streamed reply until the problem is solved.

The system prompt asks models not to hand out solutions; this is the check
behind the request. It works on a stream: text outside code fences passes
through at once, a fenced block is held until it closes and then either
passed on (short) or replaced by a note (long), so a solution never reaches
the client even for a moment.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_CODE_LINES = 5
MAX_CODE_CHARS = 400
NOTE = (
    "\n_(A {lines}-line code block was withheld: the coach doesn't hand out solutions before "
    "you solve the problem. Ask about the specific step you are stuck on.)_\n"
)


def _is_closing_fence(line: str) -> bool:
    stripped = line.strip()
    return len(stripped) >= 3 and set(stripped) == {"`"}


@dataclass
class SolutionFilter:
    """Feed deltas in, get the deltas to show out; call `finish` at the end (or on cancel).

    enabled: False once the user solved the problem (then everything passes).
    withheld: how many blocks were replaced so far.
    """

    enabled: bool = True
    max_lines: int = MAX_CODE_LINES
    max_chars: int = MAX_CODE_CHARS
    withheld: int = 0
    _buffer: str = ""
    _at_line_start: bool = True
    _block: list[str] | None = None
    _block_lines: int = 0
    _block_chars: int = 0
    _too_long: bool = False
    _out: list[str] = field(default_factory=list)

    def feed(self, delta: str) -> str:
        if not self.enabled:
            return delta
        self._buffer += delta
        self._out = []
        while self._buffer:
            if self._block is not None:
                if not self._take_block_line():
                    break
            elif not self._take_text():
                break
        return "".join(self._out)

    def finish(self) -> str:
        """Whatever is still held: plain text is released, an unfinished block judged as is."""
        if not self.enabled:
            return ""
        self._out = []
        if self._block is not None:
            if self._buffer:
                self._add_block_line(self._buffer)
            self._buffer = ""
            self._close_block(closer="")
        else:
            self._out.append(self._buffer)
            self._buffer = ""
        return "".join(self._out)

    def _take_text(self) -> bool:
        """Outside a block: emit text; return False when more input is needed."""
        buffer = self._buffer
        if not self._at_line_start:
            newline = buffer.find("\n")
            if newline < 0:
                self._out.append(buffer)
                self._buffer = ""
                return False
            self._out.append(buffer[: newline + 1])
            self._buffer = buffer[newline + 1 :]
            self._at_line_start = True
            return True
        stripped = buffer.lstrip(" ")
        newline = buffer.find("\n")
        if newline < 0 and "```".startswith(stripped[:3]) and len(stripped) < 3:
            return False  # could still become a fence: wait for more
        if stripped.startswith("```"):
            if newline < 0:
                return False  # wait for the whole opening line
            self._block = [buffer[: newline + 1]]
            self._block_lines = self._block_chars = 0
            self._too_long = False
            self._buffer = buffer[newline + 1 :]
            return True
        self._at_line_start = False
        return True

    def _take_block_line(self) -> bool:
        newline = self._buffer.find("\n")
        if newline < 0:
            return False
        line = self._buffer[: newline + 1]
        self._buffer = self._buffer[newline + 1 :]
        if _is_closing_fence(line):
            self._close_block(closer=line)
        else:
            self._add_block_line(line)
        return True

    def _add_block_line(self, line: str) -> None:
        self._block_lines += 1
        self._block_chars += len(line)
        if self._block_lines > self.max_lines or self._block_chars > self.max_chars:
            self._too_long = True
        if not self._too_long and self._block is not None:
            self._block.append(line)

    def _close_block(self, closer: str) -> None:
        block = self._block or []
        if self._too_long:
            self.withheld += 1
            self._out.append(NOTE.format(lines=self._block_lines))
        else:
            self._out.append("".join(block) + closer)
        self._block = None
        self._at_line_start = True
