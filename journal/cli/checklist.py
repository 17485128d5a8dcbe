"""`journal checklist …`: what to ask and what to have ready before contacting support about a
case, ticked as it gets answered; and the reminders `journal log` and `journal case show` give."""
from __future__ import annotations

import sys

from ..errors import BadInput
from .output import notice, short_time, table
from .registry import Arg, command, group

group("checklist", "a case's checklist, what to ask and to have ready: list, add, done, undo, "
      "edit, move, remove, suggest")


def suggestion_language(text: str | None) -> str:
    from ..domain.rules import LANGUAGES
    language = text or "en"
    if language not in LANGUAGES:
        raise BadInput("checklist.unknown_language", language=language)
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


@command("checklist", "list", help="a case's checklist, answered items ticked", json=True,
         args=[Arg("case", metavar="CASE")])
def checklist_list(ctx, args):
    with ctx.journal() as j:
        case = j.case(args.case)
        items = j.checklist(case.id)
    ctx.table(items, [[i.id, _tick(i), i.kind.value, i.text, _answered(i)] for i in items],
              ["ID", "DONE", "KIND", "ITEM", "ANSWERED"],
              f"Case {case.id} has an empty checklist; add to it with `journal checklist add "
              f"{case.id} TEXT` or `journal checklist suggest {case.id}`.")


@command("checklist", "add", help="add a question to ask (or, with --have, a detail to have "
         "ready); prints its id", json=True, args=[
             Arg("case", metavar="CASE"),
             Arg("text", metavar="TEXT", nargs="+"),
             Arg("--have", action="store_true", help="a detail to have ready, not a question")])
def checklist_add(ctx, args):
    with ctx.journal() as j:
        ctx.created(j.add_checklist_item(args.case, " ".join(args.text),
                                         kind="have" if args.have else "ask"))


@command("checklist", "done", help="tick an item as answered", json=True, args=[
    Arg("item", metavar="ITEM"),
    Arg("--interaction", metavar="ID", help="the contact it was answered in")])
def checklist_done(ctx, args):
    with ctx.journal() as j:
        item = j.tick_checklist_item(args.item, True, interaction_id=args.interaction)
    where = f" in interaction {item.interaction_id}" if item.interaction_id else ""
    ctx.show(item, f"Checklist item {item.id} is answered{where}.")


@command("checklist", "undo", help="untick an item", json=True,
         args=[Arg("item", metavar="ITEM")])
def checklist_undo(ctx, args):
    with ctx.journal() as j:
        item = j.tick_checklist_item(args.item, False)
    ctx.show(item, f"Checklist item {item.id} is open again.")


@command("checklist", "edit", help="reword an item", json=True, args=[
    Arg("item", metavar="ITEM"),
    Arg("text", metavar="TEXT", nargs="+")])
def checklist_edit(ctx, args):
    with ctx.journal() as j:
        item = j.edit_checklist_item(args.item, " ".join(args.text))
    ctx.show(item, f"Checklist item {item.id} now reads: {item.text}")


@command("checklist", "move", help="put an item at a place in the list (1 = first)", json=True,
         args=[Arg("item", metavar="ITEM"), Arg("position", metavar="POSITION")])
def checklist_move(ctx, args):
    try:
        position = int(args.position)
    except ValueError:
        position = 0
    if position < 1:
        raise BadInput("checklist.bad_position", position=args.position)
    with ctx.journal() as j:
        item = j.checklist_item(args.item)
        items = j.move_checklist_item(item.id, position - 1)
    if ctx.json:
        return ctx.emit(items)
    place = next(n for n, i in enumerate(items, 1) if i.id == item.id)
    print(f"Checklist item {item.id} is now number {place} of {len(items)}.")


@command("checklist", "remove", help="remove an item", args=[Arg("item", metavar="ITEM")])
def checklist_remove(ctx, args):
    with ctx.journal() as j:
        item = j.checklist_item(args.item)
        j.remove_checklist_item(item.id)
    print(f"Removed checklist item {item.id} from case {item.case_id}.")


@command("checklist", "suggest", help="add the items suggested for the case's category that "
         "it lacks", json=True, args=[
             Arg("case", metavar="CASE"),
             Arg("--language", metavar="en|zh_CN", help="the items' language (default en)")])
def checklist_suggest(ctx, args):
    language = suggestion_language(args.language)
    with ctx.journal() as j:
        added = j.suggest_checklist(args.case, language=language)
    if ctx.json:
        return ctx.emit(added)
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
    notice(f"still to ask next time (case {case_id}): {left} — see "
           f"`journal checklist list {case_id}`.")
