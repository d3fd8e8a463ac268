"""Names people show to each other (display names, room names): normalised and printable.

NFKC folds look-alike compatibility forms (full-width letters, ligatures) into one
spelling; control characters, bidi overrides and isolates, zero-width and other
invisible format characters are refused, since they let a name hide text, reorder
what is drawn next to it or pass for someone else's.
"""

from __future__ import annotations

import re
import unicodedata

# Unicode categories that never belong in a name: controls (Cc: NUL, ESC, newlines),
# format (Cf: U+202E RIGHT-TO-LEFT OVERRIDE, U+2066..2069 isolates, U+200B..U+200D
# zero-width, U+FEFF), line/paragraph separators, surrogates, private use, unassigned.
REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"})
_SPACES = re.compile(r"\s+")


def clean_name(value: str, max_length: int = 80) -> str:
    """The name as stored: NFKC, runs of spaces collapsed, trimmed; ValueError says why not."""
    value = unicodedata.normalize("NFKC", value)
    for char in value:
        if unicodedata.category(char) in REFUSED_CATEGORIES:
            raise ValueError(
                f"must not contain control or invisible characters (U+{ord(char):04X})"
            )
    value = _SPACES.sub(" ", value).strip()
    if not value:
        raise ValueError("must not be blank")
    if len(value) > max_length:
        raise ValueError(f"must be at most {max_length} characters")
    return value
