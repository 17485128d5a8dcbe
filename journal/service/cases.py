"""Cases: opening one (with its checklist, in one transaction), finding them, their status."""
from __future__ import annotations

from ..domain.changes import CHECKLIST
from ..domain.inputs import ident as _id
from ..domain.inputs import text as _text
from ..domain.model import CaseCategory, CaseStatus
from ..domain.rules import OPEN_STATUSES
from ..store import cases as case_store
from .checklist import Checklists
from .context import Context, writes
from .directory import Directory
from .index import SearchIndex
from .times import past_time


class Cases:
    """Needs: the context, the directory (a case's platform), the checklists (a new case's
    suggested items) and the search index."""

    def __init__(self, ctx: Context, directory: Directory, checklists: Checklists,
                 index: SearchIndex):
        self.ctx, self.directory = ctx, directory
        self.checklists, self.index = checklists, index

    @property
    def db(self):
        return self.ctx.require_open()

    @writes(CHECKLIST)
    def open_case(self, platform: str | int, title: str, *, category: str = "other",
                  account_id: str | None = None, opened_at: str | None = None,
                  checklist_language: str | None = "en", jurisdiction: str | None = None):
        """Open a case; its checklist starts with the items suggested for its category, in
        `checklist_language` (None: an empty checklist). One transaction: the case, its key
        introduction, its index row and its checklist are all kept or none."""
        p = self.directory.platform(platform)
        title = _text(title, "case title", required=True, limit=300)
        category_ = CaseCategory.parse(category, "case category")
        account_id = _text(account_id, "account id", limit=200)
        opened = past_time(opened_at, "opening time") if opened_at is not None else None
        from .dispute import jurisdiction as _jurisdiction
        code = _jurisdiction(jurisdiction)
        with self.ctx.write() as conn:
            case = case_store.open_case(self.db, p.id, title, category_, account_id, opened,
                                        code)
            self.index.case_opened(conn, case.id)
            if checklist_language is not None:
                self.checklists.suggest_checklist(case.id, language=checklist_language)
        return self.case(case.id)

    def case(self, case_id):
        return case_store.get_case(self.db, _id(case_id, "case"))

    def cases(self, *, status: str | None = None, platform: str | int | None = None,
              limit: int | None = None, offset: int = 0, open_only: bool = False):
        """Cases, latest activity first. `open_only`: leave out resolved and closed cases
        (in the query, so a page of open cases is a whole page)."""
        status_ = CaseStatus.parse(status, "case status") if status is not None else None
        pid = self.directory.platform(platform).id if platform is not None else None
        return case_store.list_cases(self.db, status_, pid, limit, offset,
                                     statuses=OPEN_STATUSES if open_only else None)

    @writes()
    def set_case_status(self, case_id, status: str, *, reason: str | None = None):
        status_ = CaseStatus.parse(status, "case status")
        return case_store.set_status(self.db, _id(case_id, "case"), status_,
                                     _text(reason, "reason"))
