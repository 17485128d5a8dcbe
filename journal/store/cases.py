"""Cases: one problem with one platform, from first contact to resolution."""
from __future__ import annotations

from ..domain.model import Case, CaseCategory, CaseStatus
from ..domain.times import instant, now_text
from ..errors import NotFound
from . import ledger, signing_key

_SELECT = (
    "SELECT c.id, c.platform_id, p.name, c.title, c.category, c.account_id, c.status, "
    "c.opened_at, c.recorded_at, c.last_activity, "
    "(SELECT count(*) FROM interactions i WHERE i.case_id = c.id AND i.voided_at IS NULL), "
    "(SELECT count(*) FROM promises pr WHERE pr.case_id = c.id AND pr.status = 'pending'), "
    "c.jurisdiction "
    "FROM cases c JOIN platforms p ON p.id = c.platform_id")


def _case(row) -> Case:
    return Case(row[0], row[1], row[2], row[3], CaseCategory(row[4]), row[5], CaseStatus(row[6]),
                row[7], row[8], row[9], row[10], row[11], row[12])


def open_case(db, platform_id: int, title: str, category: CaseCategory,
              account_id: str | None, opened_at: str | None = None,
              jurisdiction: str | None = None) -> Case:
    with db.transaction() as conn:
        recorded = now_text()
        opened = opened_at or recorded
        cur = conn.execute(
            "INSERT INTO cases (platform_id, title, category, account_id, status, opened_at, "
            "recorded_at, last_activity, last_activity_ts, jurisdiction) "
            "VALUES (?,?,?,?,?,?,?,?,?,?)",
            (platform_id, title, category.value, account_id, CaseStatus.OPEN.value, opened,
             recorded, opened, instant(opened), jurisdiction))
        cid = cur.lastrowid
        ledger.append(conn, "case", cid, "create",
                      {"platform_id": platform_id, "title": title, "category": category.value,
                       "account_id": account_id, "status": CaseStatus.OPEN.value,
                       "opened_at": opened, "jurisdiction": jurisdiction}, case_id=cid,
                      recorded_at=recorded)
        signing_key.introduce(conn, cid)
    return get_case(db, cid)


def get_case(db, case_id: int) -> Case:
    row = db.one(f"{_SELECT} WHERE c.id = ?", (case_id,))
    if row is None:
        raise NotFound("case.none", case=case_id)
    return _case(row)


def list_cases(db, status: CaseStatus | None = None, platform_id: int | None = None,
               limit: int | None = None, offset: int = 0,
               statuses: tuple[CaseStatus, ...] | None = None) -> list[Case]:
    """A page of cases, latest activity first; `statuses`: only cases in one of them."""
    filters, params = [], []
    if status is not None:
        filters.append("c.status = ?")
        params.append(status.value)
    if statuses is not None:
        filters.append(f"c.status IN ({', '.join('?' * len(statuses))})" if statuses else "0")
        params.extend(s.value for s in statuses)
    if platform_id is not None:
        filters.append("c.platform_id = ?")
        params.append(platform_id)
    where = f"WHERE {' AND '.join(filters)}" if filters else ""
    page = f"LIMIT {int(limit)} OFFSET {int(offset)}" if limit is not None else ""
    # The page's ids first, then their details: SQLite would otherwise count every skipped
    # case's interactions and promises too, and a page deep in 10,000 cases took 170 ms.
    order = "ORDER BY c.last_activity_ts DESC, c.id DESC"
    return [_case(r) for r in db.query(
        f"{_SELECT} JOIN (SELECT c.id AS page_id FROM cases c {where} {order} {page}) "
        f"ON c.id = page_id {order}", params)]


def set_status(db, case_id: int, status: CaseStatus, reason: str | None = None) -> Case:
    with db.transaction() as conn:
        row = conn.execute("SELECT status FROM cases WHERE id = ?", (case_id,)).fetchone()
        if row is None:
            raise NotFound("case.none", case=case_id)
        if row[0] != status.value:
            recorded = now_text()
            conn.execute("UPDATE cases SET status = ? WHERE id = ?", (status.value, case_id))
            ledger.append(conn, "case", case_id, "status",
                          {"from": row[0], "to": status.value, "reason": reason},
                          case_id=case_id, recorded_at=recorded)
    return get_case(db, case_id)


def touch(conn, case_id: int, when: str) -> None:
    """Move the case's last activity forward to `when` if it is later."""
    conn.execute("UPDATE cases SET last_activity = ?, last_activity_ts = ? "
                 "WHERE id = ? AND last_activity_ts < ?", (when, instant(when), case_id,
                                                          instant(when)))
