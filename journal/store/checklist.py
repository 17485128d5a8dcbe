"""Each case's checklist: questions to ask and details to have ready before contacting support.

Preparation, not evidence: items are edited and removed freely and are not in the hash chain.
An item is ticked as answered, with the contact it was answered in when there is one.
"""
from __future__ import annotations

from ..domain.model import ChecklistItem, ChecklistKind
from ..domain.times import now_text
from ..errors import BadInput, NotFound

_ITEM = ("SELECT id, case_id, kind, text, position, answered_at, interaction_id "
         "FROM checklist")


def _item(row) -> ChecklistItem:
    return ChecklistItem(row[0], row[1], ChecklistKind(row[2]), row[3], row[4], row[5], row[6])


def items(db, case_id: int) -> list[ChecklistItem]:
    return [_item(r) for r in db.query(f"{_ITEM} WHERE case_id = ? ORDER BY position, id",
                                       (case_id,))]


def get(db, item_id: int) -> ChecklistItem:
    row = db.one(f"{_ITEM} WHERE id = ?", (item_id,))
    if row is None:
        raise NotFound("checklist_item.none", item=item_id)
    return _item(row)


def add(conn, case_id: int, entries: list[tuple[str, str]]) -> list[int]:
    """Append (kind, text) entries to a case's checklist, in the caller's transaction."""
    last = conn.execute("SELECT coalesce(max(position), 0) FROM checklist WHERE case_id = ?",
                        (case_id,)).fetchone()[0]
    recorded, ids = now_text(), []
    for n, (kind, text) in enumerate(entries, 1):
        cur = conn.execute("INSERT INTO checklist (case_id, kind, text, position, recorded_at) "
                           "VALUES (?,?,?,?,?)", (case_id, kind, text, last + n, recorded))
        ids.append(cur.lastrowid)
    return ids


def edit(db, item_id: int, text: str) -> ChecklistItem:
    get(db, item_id)
    with db.transaction() as conn:
        conn.execute("UPDATE checklist SET text = ? WHERE id = ?", (text, item_id))
    return get(db, item_id)


def remove(db, item_id: int) -> None:
    get(db, item_id)
    with db.transaction() as conn:
        conn.execute("DELETE FROM checklist WHERE id = ?", (item_id,))


def move(db, item_id: int, position: int) -> list[ChecklistItem]:
    """Put an item at `position` (0 = first) in its case's list."""
    item = get(db, item_id)
    order = [i.id for i in items(db, item.case_id) if i.id != item_id]
    order.insert(max(0, min(position, len(order))), item_id)
    with db.transaction() as conn:
        conn.executemany("UPDATE checklist SET position = ? WHERE id = ?",
                         [(n, ident) for n, ident in enumerate(order, 1)])
    return items(db, item.case_id)


def tick(conn, case_id: int, item_ids, answered: bool, interaction_id: int | None,
         when: str) -> None:
    """Mark items answered (in `interaction_id`, if given) or not, in the caller's transaction."""
    for item_id in item_ids:
        row = conn.execute("SELECT case_id FROM checklist WHERE id = ?", (item_id,)).fetchone()
        if row is None:
            raise NotFound("checklist_item.none", item=item_id)
        if row[0] != case_id:
            raise BadInput("checklist_item.other_case", item=item_id, its_case=row[0],
                           case=case_id)
        conn.execute("UPDATE checklist SET answered_at = ?, interaction_id = ? WHERE id = ?",
                     (when if answered else None, interaction_id if answered else None,
                      item_id))
