"""Replaying a stored document history: the text of each language after each stored row.

Rows are applied in id order to a fresh Doc whose language roots are declared
as Y.Text and observed, so each row yields one frame per language it changed.
A snapshot row that follows the updates it squashed changes nothing and
yields nothing; a snapshot at the head of a squashed history yields one frame
per language (the state at compaction time). The resolution of a replay is
therefore one frame per stored update after the oldest snapshot still stored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pycrdt import Doc, Text


@dataclass(frozen=True)
class StoredRow:
    id: int
    kind: str  # "update" | "snapshot"
    data: bytes
    author_id: int | None
    at: datetime


@dataclass(frozen=True)
class Frame:
    """The full text of `language` right after row `row_id` was applied."""

    index: int
    row_id: int
    kind: str
    at: datetime
    author_id: int | None
    language: str
    text: str


def timeline(
    rows: Iterable[StoredRow], languages: Sequence[str], offset: int = 0, limit: int | None = None
) -> tuple[list[Frame], int]:
    """Frames `offset .. offset+limit` of the replay, and how many frames it has in all.

    Every row is replayed (the text after row n depends on rows 0..n), but the
    text is read only for the frames returned.
    """
    doc = Doc()
    changed: set[str] = set()
    texts = {language: doc.get(language, type=Text) for language in languages}
    # The raw observer of the integrated type: `Text.observe` wraps every event in Python
    # objects first, which makes a 10,000-update replay ~17x slower (0.65 s vs 0.04 s).
    # Keep the subscriptions referenced: an observer is dropped with its last reference.
    subscriptions = [
        text.integrated.observe(_marker(changed, lang)) for lang, text in texts.items()
    ]
    frames: list[Frame] = []
    total = 0
    end = None if limit is None else offset + limit
    for row in rows:
        changed.clear()
        try:
            doc.apply_update(row.data)
        except ValueError:
            continue  # never stored by us; a damaged row must not hide the rest
        for language in languages:
            if language not in changed:
                continue
            if total >= offset and (end is None or total < end):
                text = str(texts[language])
                frames.append(Frame(total, row.id, row.kind, row.at, row.author_id, language, text))
            total += 1
    del subscriptions
    return frames, total


def _marker(changed: set[str], language: str) -> Callable[[Any], None]:
    return lambda _event: changed.add(language)
