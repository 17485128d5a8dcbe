"""`journal checklist …`: what to ask and what to have ready before contacting support about a
case, ticked as it gets answered; and the reminders `journal log` and `journal case show` give."""
from __future__ import annotations

import sys

from ..errors import BadInput
from .output import emit_json, short_time, table

LANGUAGES = ("en", "zh_CN")


def suggestion_language(text: str | None) -> str:
    language = text or "en"
    if language not in LANGUAGES:
        raise BadInput(f"{language!r} is not a language of the suggestions; use en or zh_CN.")
    return language


def _tick(item) -> str:
    return "[x]" if item.answered else "[ ]"


def _answered(item) -> str:
    if not item.answered:
        return ""
    return short_time(item.answered_at) + (f" in #{item.interaction_id}"
                                           if item.interaction_id else "")


def _count(n: int, one: str) -> str:
    return f"{n} {one}" + ("" if n == 1 else "s")


def checklist_list(args):
    from .commands import _json, _open
    with _open(args) as j:
        case = j.case(args.case)
        items = j.checklist(case.id)
    if _json(args):
        return emit_json(items)
    table([[i.id, _tick(i), i.kind.value, i.text, _answered(i)] for i in items],
          ["ID", "DONE", "KIND", "ITEM", "ANSWERED"],
          f"Case {case.id} has an empty checklist; add to it with `journal checklist add "
          f"{case.id} TEXT` or `journal checklist suggest {case.id}`.")


def checklist_add(args):
    from .commands import _created, _open
    with _open(args) as j:
        _created(args, j.add_checklist_item(args.case, " ".join(args.text),
                                            kind="have" if args.have else "ask"))


def _show(args, item, sentence: str) -> None:
    from .commands import _json
    if _json(args):
        emit_json(item)
    else:
        print(sentence)


def checklist_done(args):
    from .commands import _open
    with _open(args) as j:
        item = j.tick_checklist_item(args.item, True, interaction_id=args.interaction)
    where = f" in interaction {item.interaction_id}" if item.interaction_id else ""
    _show(args, item, f"Checklist item {item.id} is answered{where}.")


def checklist_undo(args):
    from .commands import _open
    with _open(args) as j:
        item = j.tick_checklist_item(args.item, False)
    _show(args, item, f"Checklist item {item.id} is open again.")


def checklist_edit(args):
    from .commands import _open
    with _open(args) as j:
        item = j.edit_checklist_item(args.item, " ".join(args.text))
    _show(args, item, f"Checklist item {item.id} now reads: {item.text}")


def checklist_move(args):
    from .commands import _json, _open
    try:
        position = int(args.position)
    except ValueError:
        position = 0
    if position < 1:
        raise BadInput(f"{args.position!r} is not a place in the list; 1 is the first.")
    with _open(args) as j:
        item = j.checklist_item(args.item)
        items = j.move_checklist_item(item.id, position - 1)
    if _json(args):
        return emit_json(items)
    place = next(n for n, i in enumerate(items, 1) if i.id == item.id)
    print(f"Checklist item {item.id} is now number {place} of {len(items)}.")


def checklist_remove(args):
    from .commands import _open
    with _open(args) as j:
        item = j.checklist_item(args.item)
        j.remove_checklist_item(item.id)
    print(f"Removed checklist item {item.id} from case {item.case_id}.")


def checklist_suggest(args):
    from .commands import _json, _open
    language = suggestion_language(args.language)
    with _open(args) as j:
        added = j.suggest_checklist(args.case, language=language)
    if _json(args):
        return emit_json(added)
    if not added:
        print("The checklist already has every suggested item.", file=sys.stderr)
        return
    table([[i.id, i.kind.value, i.text] for i in added], ["ID", "KIND", "ADDED"], "")


def print_open_items(items, case_id: int) -> None:
    """`journal case show`'s short section: what is still to ask or have ready."""
    waiting = [i for i in items if not i.answered]
    if not waiting:
        return
    print(f"  checklist: {len(items) - len(waiting)} of {len(items)} answered; still open "
          f"(`journal checklist list {case_id}`):")
    for i in waiting:
        print(f"    [ ] {'#' + str(i.id):<5} {i.kind.value:<4}  {i.text}")


def carry_over(j, case_id: int) -> None:
    """After an answered contact: what is left for the next one. Said only once the checklist
    is in use (an item is answered), so a case whose list is ignored is not nagged each time."""
    items = j.checklist(case_id)
    if not any(i.answered for i in items):
        return
    asks = sum(1 for i in items if not i.answered and i.kind.value == "ask")
    haves = sum(1 for i in items if not i.answered and i.kind.value == "have")
    if not asks and not haves:
        return
    left = ", ".join(x for x in (_count(asks, "question") if asks else "",
                                 _count(haves, "detail") if haves else "") if x)
    sys.stderr.write(f"journal: still to ask next time (case {case_id}): {left} — see "
                     f"`journal checklist list {case_id}`.\n")
