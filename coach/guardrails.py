"""Output guardrails: withhold long code blocks from a streamed reply until the problem is solved.

The system prompt asks models not to hand out solutions; this is the check
behind the request. It works on a stream: prose passes through at once, a
code block is held until it ends and then either passed on (short) or replaced
by a note (long), so a solution never reaches the client even for a moment.

Code blocks are those Markdown renders as code: fenced with ``` or ~~~ (closed
by the same character, at least as many times), and indented by four spaces or
a tab after a blank line. An indented run that reads as a nested list is prose.
Inline code and code outside any block (plain prose lines) are not judged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MAX_CODE_LINES = 5
MAX_CODE_CHARS = 400
NOTE = (
    "\n_(A {lines}-line code block was withheld: the coach doesn't hand out solutions before "
    "you solve the problem. Ask about the specific step you are stuck on.)_\n"
)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")
# At a line start, a partial line made of these may still become a fence or an indent.
_UNDECIDED = set(" \t`~")


def _is_indented(line: str) -> bool:
    return line.startswith(("    ", "\t"))


def _is_blank(line: str) -> bool:
    return not line.strip()


@dataclass
class _Block:
    """A code block being held. fence: its opening run ("```", "~~~~"), "" when indented."""

    fence: str
    opener: str = ""
    lines: list[str] = field(default_factory=list)
    trailing_blanks: list[str] = field(default_factory=list)
    count: int = 0
    chars: int = 0

    def add(self, line: str) -> None:
        self.lines.append(line)
        self.count += 1
        self.chars += len(line)

    def closes(self, line: str) -> bool:
        stripped = line.strip()
        return (
            bool(self.fence)
            and len(stripped) >= len(self.fence)
            and set(stripped) == {self.fence[0]}
            and len(line) - len(line.lstrip(" ")) <= 3
        )

    def reads_as_list(self) -> bool:
        return not self.fence and any(_LIST_ITEM.match(line) for line in self.lines)


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
    _after_blank: bool = True  # the previous line was blank (or none): an indent starts code
    _line_blank: bool = True  # the prose line being streamed is blank so far
    _block: _Block | None = None
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
                self._block.add(self._buffer)
            self._buffer = ""
            self._close_block(closer="")
        else:
            self._out.append(self._buffer)
            self._buffer = ""
        return "".join(self._out)

    def _take_text(self) -> bool:
        """Outside a block: emit prose; return False when more input is needed."""
        buffer = self._buffer
        newline = buffer.find("\n")
        if not self._at_line_start:
            if newline < 0:
                self._emit_prose(buffer)
                self._buffer = ""
                return False
            self._emit_prose(buffer[: newline + 1])
            self._buffer = buffer[newline + 1 :]
            self._end_prose_line()
            return True
        partial = buffer if newline < 0 else buffer[: newline + 1]
        undecided = _is_blank(partial) or (len(partial) < 4 and set(partial) <= _UNDECIDED)
        if newline < 0 and undecided:
            return False  # may still become a fence or an indented line: wait for more
        fence = _FENCE.match(partial)
        if fence or (self._after_blank and _is_indented(partial) and not _is_blank(partial)):
            if newline < 0:
                return False  # wait for the whole line
            self._buffer = buffer[newline + 1 :]
            if fence:
                self._block = _Block(fence=fence.group(1), opener=partial)
            else:
                self._block = _Block(fence="")
                self._block.add(partial)
            return True
        self._at_line_start = False
        return True

    def _emit_prose(self, text: str) -> None:
        self._out.append(text)
        if text.strip():
            self._line_blank = False

    def _end_prose_line(self) -> None:
        self._after_blank = self._line_blank
        self._line_blank = True
        self._at_line_start = True

    def _take_block_line(self) -> bool:
        block = self._block
        assert block is not None
        newline = self._buffer.find("\n")
        if newline < 0:
            return False
        line = self._buffer[: newline + 1]
        if block.fence:
            self._buffer = self._buffer[newline + 1 :]
            if block.closes(line):
                self._close_block(closer=line)
            else:
                block.add(line)
        elif _is_blank(line):  # may separate two parts of one indented block
            self._buffer = self._buffer[newline + 1 :]
            block.trailing_blanks.append(line)
        elif _is_indented(line):
            self._buffer = self._buffer[newline + 1 :]
            for blank in block.trailing_blanks:
                block.add(blank)
            block.trailing_blanks.clear()
            block.add(line)
        else:  # prose again: the line stays in the buffer for _take_text
            self._close_block(closer="")
        return True

    def _close_block(self, closer: str) -> None:
        block = self._block
        assert block is not None
        self._block = None
        too_long = block.count > self.max_lines or block.chars > self.max_chars
        if too_long and not block.reads_as_list():
            self.withheld += 1
            self._out.append(NOTE.format(lines=block.count))
        else:
            self._out.append(block.opener + "".join(block.lines) + closer)
        self._out.extend(block.trailing_blanks)
        self._at_line_start = True
        self._after_blank = bool(block.trailing_blanks) or bool(block.fence)
        self._line_blank = True
