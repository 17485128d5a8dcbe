"""Each case's checklist: what to ask and what to have ready before contacting support."""
from __future__ import annotations

from ..domain.checklist import suggestions
from ..domain.inputs import ident as _id
from ..domain.inputs import text as _text
from ..domain.model import ChecklistKind
from ..domain.times import now_text
from ..domain.changes import CHECKLIST
from ..errors import BadInput
from ..store import cases as case_store
from ..store import checklist as store
from ..store import interactions as interaction_store
from .context import Context, writes

MAX_ITEMS = 200


class Checklists:
    """Needs only the context: it reads cases and interactions from the store itself."""

    def __init__(self, ctx: Context):
        self.ctx = ctx

    @property
    def db(self):
        return self.ctx.require_open()

    def case(self, case_id):
        return case_store.get_case(self.db, _id(case_id, "case"))

    def interaction(self, interaction_id):
        return interaction_store.get(self.db, _id(interaction_id, "interaction"))

    def checklist(self, case_id):
        """The case's checklist in its order; answered items stay, ticked."""
        return store.items(self.db, self.case(case_id).id)

    def checklist_item(self, item_id):
        return store.get(self.db, _id(item_id, "checklist item"))

    def answerable(self, case_id, ids) -> list[int]:
        """Of the ticked ids, those still on the case and still open: an item removed or
        answered elsewhere meanwhile is left out rather than failing the whole log."""
        still_open = {i.id for i in self.checklist(case_id) if not i.answered}
        return [i for i in (_id(x, "checklist item") for x in ids) if i in still_open]

    @writes(CHECKLIST)
    def add_checklist_item(self, case_id, text: str, *, kind: str = "ask"):
        case = self.case(case_id)
        text = _text(text, "checklist item", required=True, limit=500)
        kind_ = ChecklistKind.parse(kind, "kind of checklist item")
        if len(store.items(self.db, case.id)) >= MAX_ITEMS:
            raise BadInput("checklist.full", limit=MAX_ITEMS)
        with self.db.transaction() as conn:
            [item_id] = store.add(conn, case.id, [(kind_.value, text)])
        return store.get(self.db, item_id)

    @writes(CHECKLIST)
    def suggest_checklist(self, case_id, *, language: str = "en"):
        """Add the items suggested for the case's category that it does not have yet; return
        the items added."""
        case = self.case(case_id)
        have = {i.text.casefold() for i in store.items(self.db, case.id)}
        new = [(kind, text) for kind, text in
               suggestions(case.category, language, case.account_id)
               if text.casefold() not in have]
        with self.db.transaction() as conn:
            ids = store.add(conn, case.id, new)
        return [store.get(self.db, i) for i in ids]

    @writes(CHECKLIST)
    def edit_checklist_item(self, item_id, text: str):
        text = _text(text, "checklist item", required=True, limit=500)
        return store.edit(self.db, _id(item_id, "checklist item"), text)

    @writes(CHECKLIST)
    def remove_checklist_item(self, item_id) -> None:
        store.remove(self.db, _id(item_id, "checklist item"))

    @writes(CHECKLIST)
    def move_checklist_item(self, item_id, position: int):
        return store.move(self.db, _id(item_id, "checklist item"), int(position))

    @writes(CHECKLIST)
    def tick_checklist_item(self, item_id, answered: bool = True, *, interaction_id=None):
        """Mark an item answered (in the contact `interaction_id`, if given) or not."""
        item = self.checklist_item(item_id)
        iid = None
        if interaction_id is not None:
            i = self.interaction(interaction_id)
            if i.case_id != item.case_id:
                raise BadInput("checklist.interaction_of_other_case", interaction=i.id,
                               its_case=i.case_id, case=item.case_id)
            iid = i.id
        with self.db.transaction() as conn:
            store.tick(conn, item.case_id, [item.id], answered, iid, now_text())
        return store.get(self.db, item.id)
