"""Each case's checklist: what to ask and what to have ready before contacting support."""
from __future__ import annotations

from ..domain.checklist import suggestions
from ..domain.inputs import ident as _id
from ..domain.inputs import text as _text
from ..domain.model import ChecklistKind
from ..domain.times import now_text
from ..errors import BadInput
from ..store import checklist as store

MAX_ITEMS = 200


class PreparationAPI:
    db = None  # set by Journal

    def checklist(self, case_id):
        """The case's checklist in its order; answered items stay, ticked."""
        return store.items(self.db, self.case(case_id).id)

    def checklist_item(self, item_id):
        return store.get(self.db, _id(item_id, "checklist item"))

    def add_checklist_item(self, case_id, text: str, *, kind: str = "ask"):
        case = self.case(case_id)
        text = _text(text, "checklist item", required=True, limit=500)
        kind_ = ChecklistKind.parse(kind, "kind of checklist item")
        if len(store.items(self.db, case.id)) >= MAX_ITEMS:
            raise BadInput(f"A checklist holds at most {MAX_ITEMS} items.")
        with self.db.transaction() as conn:
            [item_id] = store.add(conn, case.id, [(kind_.value, text)])
        return store.get(self.db, item_id)

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

    def edit_checklist_item(self, item_id, text: str):
        text = _text(text, "checklist item", required=True, limit=500)
        return store.edit(self.db, _id(item_id, "checklist item"), text)

    def remove_checklist_item(self, item_id) -> None:
        store.remove(self.db, _id(item_id, "checklist item"))

    def move_checklist_item(self, item_id, position: int):
        return store.move(self.db, _id(item_id, "checklist item"), int(position))

    def tick_checklist_item(self, item_id, answered: bool = True, *, interaction_id=None):
        """Mark an item answered (in the contact `interaction_id`, if given) or not."""
        item = self.checklist_item(item_id)
        iid = None
        if interaction_id is not None:
            i = self.interaction(interaction_id)
            if i.case_id != item.case_id:
                raise BadInput(f"Interaction {i.id} belongs to case {i.case_id}, not to "
                               f"case {item.case_id}.")
            iid = i.id
        with self.db.transaction() as conn:
            store.tick(conn, item.case_id, [item.id], answered, iid, now_text())
        return store.get(self.db, item.id)
