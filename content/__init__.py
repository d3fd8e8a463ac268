"""CodeArena's content as data: the bundled problem bank (one folder per problem).

Kept apart from the code that loads it (`storage.problem_package`, `storage.bank_import`),
so authors change problems without touching Python; the format is in docs/problem-format.md.
"""

from __future__ import annotations

from pathlib import Path

CONTENT_DIR: Path = Path(__file__).resolve().parent
PROBLEMS_DIR: Path = CONTENT_DIR / "problems"
