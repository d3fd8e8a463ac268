"""CodeArena's content as data: the problem bank, quizzes, learning modules,
companies and system-design problems.

Kept apart from the code that loads it (`storage.problem_package`, `storage.bank_import`),
so authors change problems without touching Python; the formats are in docs/problem-format.md
and docs/content.md.
"""

from __future__ import annotations

from pathlib import Path

CONTENT_DIR: Path = Path(__file__).resolve().parent
PROBLEMS_DIR: Path = CONTENT_DIR / "problems"
QUIZZES_DIR: Path = CONTENT_DIR / "quizzes"
MODULES_DIR: Path = CONTENT_DIR / "modules"
COMPANIES_DIR: Path = CONTENT_DIR / "companies"
DESIGNS_DIR: Path = CONTENT_DIR / "designs"
