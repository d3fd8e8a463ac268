"""The language ids CodeArena knows: the one list every layer validates against.

It sits in storage (the bottom of the import graph) because stored rows name languages;
`judging.languages` holds how each one is compiled and run, keyed by these ids.
"""

from __future__ import annotations

from typing import Literal, get_args

LanguageId = Literal["python", "javascript", "c", "cpp", "java"]
LANGUAGE_IDS: tuple[str, ...] = get_args(LanguageId)
