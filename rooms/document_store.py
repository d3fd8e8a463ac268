"""Where shared documents are kept: append-then-compact history and practice-session autosave.

`flush` appends the updates a document applied since the last call (one
transaction, in apply order). `compact` writes the whole document as one
snapshot row, so the next load reads that row plus the updates it does not
cover; for a pair room it also deletes the rows the snapshot squashed, for an
interview room it keeps them so the session can be replayed update by update.
`autosave` copies the text of each changed language into every member's
practice session on the room's current problem, through the same
compare-and-set autosave the editor uses.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

from rooms.doc_history import StoredRow
from rooms.documents import SharedDocument
from rooms.room import Room
from storage.database import Database
from storage.errors import NotFound
from storage.repositories import documents as doc_repo
from storage.repositories import problems as problem_repo
from storage.repositories import sessions as session_repo

log = logging.getLogger(__name__)


class DocumentStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def load(self, doc: SharedDocument) -> None:
        """Fill a fresh document from the newest snapshot and the updates it does not cover."""
        async with self.db.session() as session:
            snapshot = await doc_repo.latest_snapshot(session, doc.room_id)
            # A squashed history keeps only updates its snapshots did not cover, whatever
            # their ids (another process may have stored one just before our snapshot).
            after = snapshot.id if snapshot and doc.keep_history else 0
            rows = await doc_repo.updates_after(session, doc.room_id, after)
        head = [(snapshot.id, snapshot.data)] if snapshot else []
        doc.load([data for _, data in (*head, *rows)])
        doc.stored_ids = [row_id for row_id, _ in (*head, *rows)]
        doc.updates_since_snapshot = len(rows)

    async def flush(self, doc: SharedDocument) -> int:
        """Append the pending updates; on failure they stay pending for the next try."""
        rows, doc.pending = doc.pending, []
        if not rows:
            return 0
        try:
            async with self.db.session() as session:
                ids = await doc_repo.append(
                    session, doc.room_id, [(r.data, r.author_id, r.at) for r in rows]
                )
        except BaseException:
            doc.pending = rows + doc.pending
            raise
        doc.stored_ids += ids
        doc.updates_since_snapshot += len(ids)
        return len(ids)

    async def compact(self, doc: SharedDocument) -> None:
        """Write a snapshot of the (flushed) document; squash older rows unless keeping history."""
        data = doc.snapshot()
        covered = list(doc.stored_ids)
        now = datetime.now(UTC)
        async with self.db.session() as session:
            [snapshot_id] = await doc_repo.append(
                session, doc.room_id, [(data, None, now)], kind="snapshot"
            )
            if not doc.keep_history:
                await doc_repo.delete_rows(session, doc.room_id, covered)
        doc.stored_ids = [snapshot_id]
        doc.updates_since_snapshot = 0
        doc.approx_bytes = doc.base_bytes = len(data)

    async def history(self, room_id: str) -> list[StoredRow]:
        async with self.db.session() as session:
            rows = await doc_repo.history(session, room_id)
        return [StoredRow(*row) for row in rows]

    async def autosave(self, doc: SharedDocument, room: Room, snapshot_every: timedelta) -> bool:
        """Save changed texts into each member's session; False if a save was lost (retry later).

        Texts count as saved only when every member's save landed, so a save lost to
        a race is written again on the next pass instead of being forgotten.
        """
        texts = doc.texts()
        changed = {lang: t for lang, t in texts.items() if doc.saved_texts.get(lang) != t}
        if not changed or not room.problems:
            return True
        problem_slug = room.problems[-1]  # the current problem (interviews post new ones last)
        members = sorted({*room.participant_ids, room.creator_id})
        complete = True
        for user_id in members:
            for attempt in range(2):  # a tab of the member may win one race; retry on fresh data
                try:
                    await self._save_member(user_id, problem_slug, changed, snapshot_every)
                    break
                except session_repo.RevisionConflict:
                    if attempt:
                        complete = False
                        log.warning("autosave of room %s lost twice for %s", room.id, user_id)
                except (NotFound, session_repo.InvalidTransition) as exc:
                    log.warning("autosave of room %s skipped for %s: %s", room.id, user_id, exc)
                    break
        if complete:
            doc.saved_texts.update(changed)
        return complete

    async def _save_member(
        self, user_id: int, slug: str, texts: dict[str, str], snapshot_every: timedelta
    ) -> None:
        async with self.db.session() as session:
            problem = await problem_repo.get_problem(session, slug)
            row, _ = await session_repo.open_session(
                session,
                user_id=user_id,
                problem_id=problem.id,
                language=next(iter(texts)),
                starter="",
            )
            for language, code in texts.items():
                result = await session_repo.autosave(
                    session,
                    session_id=row.id,
                    user_id=user_id,
                    language=language,
                    code=code,
                    base_revision=row.revision,
                    time_spent=0,
                    snapshot_every=snapshot_every,
                )
                row = result.session
