"""Parse error output of Python, Java, Node and native programs into one shape.

The explanation layer (`error_explanations.py`) only needs the exception type, its
message and the line in the *user's* file; library and runtime frames are
skipped because pointing a learner into `Scanner.java` helps nobody.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LANGUAGE_ALIASES = {
    "py": "python",
    "py3": "python",
    "python3": "python",
    "pypy": "python",
    "pypy3": "python",
    "c++": "cpp",
    "cpp17": "cpp",
    "cpp20": "cpp",
    "cxx": "cpp",
    "g++": "cpp",
    "gcc": "c",
    "js": "javascript",
    "node": "javascript",
    "nodejs": "javascript",
    "java17": "java",
    "java21": "java",
}

SIGNAL_NAMES = {
    4: "SIGILL",
    6: "SIGABRT",
    7: "SIGBUS",
    8: "SIGFPE",
    9: "SIGKILL",
    11: "SIGSEGV",
    13: "SIGPIPE",
    15: "SIGTERM",
    24: "SIGXCPU",
    25: "SIGXFSZ",
}


@dataclass(frozen=True)
class Frame:
    """One stack frame: file, 1-based line (None if unknown) and function name."""

    file: str
    line: int | None
    function: str | None


@dataclass(frozen=True)
class ParsedError:
    """An error pulled out of stderr, already pointed at the user's own code."""

    language: str
    error_type: str
    message: str
    line: int | None = None
    column: int | None = None
    function: str | None = None
    code_line: str | None = None
    frames: tuple[Frame, ...] = ()
    compile_error: bool = False


def normalize_language(language: str) -> str:
    """Map judge language ids and common spellings onto a language family."""
    key = language.strip().lower()
    return _LANGUAGE_ALIASES.get(key, key)


def signal_name(signal: int | str | None, exit_code: int | None = None) -> str | None:
    """Name the signal that killed a process, from a signal or a shell-style exit code.

    Accepts 11, "11", "SIGSEGV", "segv", a negative subprocess return code
    (-11) or an exit code above 128 (139 = 128 + 11).
    """
    if isinstance(signal, str):
        text = signal.strip().upper()
        if text.lstrip("-").isdigit():
            signal = abs(int(text))
        elif text:
            return text if text.startswith("SIG") else "SIG" + text
        else:
            signal = None
    if isinstance(signal, int) and signal != 0:
        return SIGNAL_NAMES.get(abs(signal), f"signal {abs(signal)}")
    if exit_code is not None and (exit_code < 0 or 128 < exit_code < 160):
        number = -exit_code if exit_code < 0 else exit_code - 128
        return SIGNAL_NAMES.get(number, f"signal {number}")
    return None


def parse_error(stderr: str, language: str, code: str = "") -> ParsedError | None:
    """Find the error in stderr for this language; None when there is none to parse.

    code: the user's source, used to quote the failing line when the error
    output itself does not.
    """
    family = normalize_language(language)
    parser = {
        "python": parse_python,
        "java": parse_java,
        "javascript": parse_node,
        "c": parse_native,
        "cpp": parse_native,
    }.get(family)
    parsed = parser(stderr) if parser else None
    if parsed is None:
        # Unknown or mislabelled language: try every format.
        for other in (parse_python, parse_java, parse_node, parse_native):
            parsed = other(stderr)
            if parsed is not None:
                break
    if parsed is not None and parsed.code_line is None and parsed.line and code:
        lines = code.splitlines()
        if 0 < parsed.line <= len(lines):
            parsed = _with_code_line(parsed, lines[parsed.line - 1].strip())
    return parsed


def _with_code_line(parsed: ParsedError, code_line: str) -> ParsedError:
    return ParsedError(
        parsed.language,
        parsed.error_type,
        parsed.message,
        parsed.line,
        parsed.column,
        parsed.function,
        code_line,
        parsed.frames,
        parsed.compile_error,
    )


# --- Python ------------------------------------------------------------------

_PY_FRAME = re.compile(r'^\s*File "(?P<file>[^"]+)", line (?P<line>\d+)(?:, in (?P<func>.+))?$')
_PY_EXCEPTION = re.compile(r"^(?P<type>[A-Za-z_][\w.]*)(?::\s?(?P<msg>.*))?$")
_PY_LIBRARY = (
    "/usr/lib/python",
    "/usr/local/lib/python",
    "site-packages",
    "<frozen",
    "lib/python3",
)


def parse_python(stderr: str) -> ParsedError | None:
    """Parse the last traceback (the one that ended the program) or a SyntaxError report."""
    lines = stderr.rstrip().splitlines()
    if not lines:
        return None
    start = max(
        (i for i, line in enumerate(lines) if line.startswith("Traceback (most recent call last)")),
        default=None,
    )
    block = lines[start:] if start is not None else lines
    frames: list[tuple[Frame, str | None]] = []
    for index, line in enumerate(block):
        match = _PY_FRAME.match(line)
        if match:
            following = block[index + 1] if index + 1 < len(block) else ""
            is_code = following.startswith("    ") and not _PY_FRAME.match(following)
            frame = Frame(match["file"], int(match["line"]), match["func"])
            frames.append((frame, following.strip() if is_code else None))
    if not frames and start is None:
        return None
    exception = next((m for line in reversed(block) if (m := _PY_EXCEPTION.match(line))), None)
    if exception is None:
        return None
    error_type = exception["type"].rsplit(".", 1)[-1]
    message = (exception["msg"] or "").strip()
    user = [pair for pair in frames if not any(mark in pair[0].file for mark in _PY_LIBRARY)]
    frame, code_line = (user or frames or [(None, None)])[-1]
    column = None
    if error_type in ("SyntaxError", "IndentationError", "TabError"):
        caret = next(
            (line for line in block if line.strip() and set(line.strip()) <= {"^", "~"}), None
        )
        source = next(
            (
                line
                for line in block[1:]
                if line.startswith("    ") and not line.strip().startswith("^")
            ),
            None,
        )
        if caret is not None and source is not None:
            column = caret.index("^") - (len(source) - len(source.lstrip())) + 1
    return ParsedError(
        language="python",
        error_type=error_type,
        message=message,
        line=frame.line if frame else None,
        column=column,
        function=frame.function if frame else None,
        code_line=code_line,
        frames=tuple(pair[0] for pair in frames),
        compile_error=error_type in ("SyntaxError", "IndentationError", "TabError"),
    )


# --- Java --------------------------------------------------------------------

_JAVA_HEADER = re.compile(r'^Exception in thread "[^"]*" (?P<type>[\w.$]+)(?::\s?(?P<msg>.*))?$')
_JAVA_CAUSE = re.compile(r"^Caused by: (?P<type>[\w.$]+)(?::\s?(?P<msg>.*))?$")
_JAVA_FRAME = re.compile(
    r"^\s+at (?:(?P<module>[\w.@-]+)/)?(?P<where>[\w.$<>]+)\((?P<file>[^:()]+)(?::(?P<line>\d+))?\)"
)
_JAVA_COMPILE = re.compile(r"^(?P<file>[\w./-]+\.java):(?P<line>\d+): error: (?P<msg>.*)$")
_JDK_PACKAGES = ("java.", "javax.", "jdk.", "sun.", "com.sun.")


def parse_java(stderr: str) -> ParsedError | None:
    """Parse a javac error, or an uncaught exception and its `at Cls.m(File.java:N)` frames."""
    lines = stderr.rstrip().splitlines()
    for index, line in enumerate(lines):
        match = _JAVA_COMPILE.match(line)
        if match:
            code_line = lines[index + 1].strip() if index + 1 < len(lines) else None
            caret_line = lines[index + 2] if index + 2 < len(lines) else ""
            column = caret_line.index("^") + 1 if caret_line.strip() == "^" else None
            return ParsedError(
                "java",
                "CompilationError",
                match["msg"],
                int(match["line"]),
                column,
                None,
                code_line,
                (),
                compile_error=True,
            )
    header = None
    for line in lines:
        header = header or _JAVA_HEADER.match(line)
        cause = _JAVA_CAUSE.match(line)
        if cause:
            header = cause  # the root cause is the most useful one
    if header is None:
        first = lines[0] if lines else ""
        header = re.match(
            r"^(?P<type>(?:java|javax)\.[\w.$]+(?:Error|Exception))(?::\s?(?P<msg>.*))?$", first
        )
        if header is None:
            return None
    frames = []
    for line in lines:
        match = _JAVA_FRAME.match(line)
        if match:
            class_name, _, method = match["where"].rpartition(".")
            frames.append(
                (
                    match["module"],
                    Frame(match["file"], int(match["line"]) if match["line"] else None, method),
                    class_name,
                )
            )
    user = [f for module, f, cls in frames if module is None and not cls.startswith(_JDK_PACKAGES)]
    frame = user[0] if user else None
    return ParsedError(
        language="java",
        error_type=header["type"].rsplit(".", 1)[-1],
        message=(header["msg"] or "").strip(),
        line=frame.line if frame else None,
        function=frame.function if frame else None,
        frames=tuple(f for _, f, _ in frames),
    )


# --- Node --------------------------------------------------------------------

_NODE_LOCATION = re.compile(r"^(?P<file>[^\s:][^:]*\.(?:js|mjs|cjs)):(?P<line>\d+)$")
_NODE_ERROR = re.compile(
    r"^(?:Uncaught )?(?P<type>[A-Z]\w*(?:Error|Exception)|Error)(?:: (?P<msg>.*))?$"
)
_NODE_FRAME = re.compile(
    r"^\s+at (?:(?P<func>.+?) \()?(?P<file>[^()\s]+?):(?P<line>\d+):(?P<col>\d+)\)?$"
)


def parse_node(stderr: str) -> ParsedError | None:
    """Parse Node's `file.js:N`, source, caret, `TypeError: ...` and stack frames."""
    lines = stderr.rstrip().splitlines()
    if any("JavaScript heap out of memory" in line for line in lines):
        return ParsedError("javascript", "HeapOutOfMemory", "JavaScript heap out of memory")
    error_at = next((i for i, line in enumerate(lines) if _NODE_ERROR.match(line)), None)
    if error_at is None:
        return None
    match = _NODE_ERROR.match(lines[error_at])
    assert match is not None
    line_no = column = None
    code_line = function = None
    for index, line in enumerate(lines[:error_at]):
        location = _NODE_LOCATION.match(line)
        if location:
            line_no = int(location["line"])
            code_line = lines[index + 1].strip() if index + 1 < error_at else None
            caret = lines[index + 2] if index + 2 < error_at else ""
            if caret.strip().startswith("^"):
                column = caret.index("^") + 1
    frames = []
    for line in lines[error_at + 1 :]:
        frame = _NODE_FRAME.match(line)
        if frame:
            frames.append(Frame(frame["file"], int(frame["line"]), frame["func"]))
    user = [f for f in frames if not f.file.startswith("node:") and "node_modules" not in f.file]
    if user:
        function = user[0].function
        if line_no is None:
            line_no = user[0].line
    return ParsedError(
        language="javascript",
        error_type=match["type"],
        message=(match["msg"] or "").strip(),
        line=line_no,
        column=column,
        function=function,
        code_line=code_line,
        frames=tuple(frames),
        compile_error=match["type"] == "SyntaxError",
    )


# --- C / C++ -----------------------------------------------------------------

_GCC_ERROR = re.compile(
    r"^(?P<file>[^:\s]+\.(?:c|cc|cpp|cxx|h|hpp)):(?P<line>\d+):(?P<col>\d+): (?:fatal )?error: "
    r"(?P<msg>.*)$"
)
_CPP_TERMINATE = re.compile(r"terminate called after throwing an instance of '(?P<type>[^']+)'")
_CPP_WHAT = re.compile(r"^\s*what\(\):\s*(?P<msg>.*)$")
_ASSERT = re.compile(
    r"(?P<file>[^:\s]+):(?P<line>\d+): (?P<func>[^:]+): Assertion [`'](?P<expr>.+)' failed\."
)
_GLIBC = (
    ("stack smashing detected", "StackSmashing"),
    ("double free", "DoubleFree"),
    ("free(): invalid", "InvalidFree"),
    ("malloc(): ", "HeapCorruption"),
    ("corrupted", "HeapCorruption"),
)


def parse_native(stderr: str) -> ParsedError | None:
    """Parse gcc/g++ compile errors and the messages a crashing C/C++ program leaves."""
    lines = stderr.rstrip().splitlines()
    for index, line in enumerate(lines):
        match = _GCC_ERROR.match(line)
        if match:
            code_line = None
            if index + 1 < len(lines) and "|" in lines[index + 1]:
                code_line = lines[index + 1].split("|", 1)[1].strip()
            family = "cpp" if match["file"].endswith(("cpp", "cc", "cxx", "hpp")) else "c"
            return ParsedError(
                family,
                "CompilationError",
                match["msg"],
                int(match["line"]),
                int(match["col"]),
                None,
                code_line,
                (),
                compile_error=True,
            )
    text = "\n".join(lines)
    terminate = _CPP_TERMINATE.search(text)
    if terminate:
        what = next((m["msg"] for line in lines if (m := _CPP_WHAT.match(line))), "")
        return ParsedError("cpp", terminate["type"], what)
    assertion = _ASSERT.search(text)
    if assertion:
        return ParsedError(
            "cpp",
            "AssertionFailed",
            assertion["expr"],
            int(assertion["line"]),
            None,
            assertion["func"].strip(),
        )
    for needle, kind in _GLIBC:
        if needle in text:
            message = next(line for line in lines if needle in line).strip()
            return ParsedError("cpp", kind, message)
    return None
