"""``card add``, ``card edit`` and ``card delete``: your own cards from the command line.

A card is made on a paragraph (``--passage SECTION:PARAGRAPH``), as a cloze (``--cloze TEXT``,
what to hide in ``{{…}}``) or a question and answer (``--front TEXT --back TEXT``). What cannot be
kept (an empty card, a cloze without ``{{…}}``, unbalanced braces, a card too long) is refused with
the reason; everything else is kept as typed, as plain text.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from summitreader.cli.context import CliError, Context
from summitreader.cli.output import emit_json, say
from summitreader.text import clean_text, shorten

if TYPE_CHECKING:
    from summitreader.pack.model import Pack
    from summitreader.progress.my_cards import MyCard


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    card = sub.add_parser("card", help="make, edit or delete a card of your own")
    actions = card.add_subparsers(dest="card_command", metavar="ACTION", required=True)

    add = actions.add_parser("add", help="make a card on a paragraph")
    add.add_argument(
        "--passage",
        required=True,
        metavar="SECTION:PARAGRAPH",
        help="the paragraph the card is about (a section id and a paragraph number from 1)",
    )
    _text_options(add)
    add.add_argument("--json", action="store_true", help="print the card as a JSON object")
    add.set_defaults(handler=add_command)

    edit = actions.add_parser("edit", help="change the text of a card of yours")
    edit.add_argument("id", help="the card's id (or the start of it), as 'list cards --mine' shows")
    _text_options(edit)
    edit.add_argument("--json", action="store_true", help="print the card as a JSON object")
    edit.set_defaults(handler=edit_command)

    delete = actions.add_parser("delete", help="delete a card of yours (its reviews are kept)")
    delete.add_argument("id", help="the card's id (or the start of it)")
    delete.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    delete.set_defaults(handler=delete_command)


def _text_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--cloze", metavar="TEXT", help="a cloze: the text, with {{…}} around what to hide"
    )
    parser.add_argument("--front", metavar="TEXT", help="a question")
    parser.add_argument("--back", metavar="TEXT", help="its answer")


def _kind_and_text(args: argparse.Namespace) -> tuple[str, str, str]:
    if args.cloze is not None:
        if args.front is not None or args.back is not None:
            raise CliError("give either --cloze, or --front and --back, not both", exit_code=2)
        return "cloze", args.cloze, ""
    if args.front is None or args.back is None:
        raise CliError("give --cloze TEXT, or --front TEXT and --back TEXT", exit_code=2)
    return "qa", args.front, args.back


def _passage(pack: Pack, value: str) -> tuple[str, int]:
    section, _, number = value.rpartition(":")
    if not section or not number.isdigit() or int(number) < 1:
        raise CliError(
            f"--passage wants SECTION:PARAGRAPH (e.g. {pack.sections[0].id}:1), "
            f"not {shorten(value, 40)!r}",
            exit_code=2,
        )
    found = pack.section(section)
    if found is None:
        raise CliError(f"no section {shorten(section, 40)!r} (see 'summitreader list sections')")
    if found.paragraph(int(number)) is None:
        raise CliError(
            f"section {section!r} has {len(found.paragraphs)} paragraphs, not {int(number)}"
        )
    return section, int(number)


def add_command(args: argparse.Namespace, context: Context) -> int:
    from summitreader.cli.progress_commands import open_progress
    from summitreader.progress import ProgressNotSaved
    from summitreader.progress.my_cards import MyCardError

    kind, front, back = _kind_and_text(args)
    section, paragraph = _passage(context.pack, args.passage)
    store = open_progress(context)
    try:
        card = store.add_my_card(section, paragraph, kind, front, back)
    except (MyCardError, ProgressNotSaved) as error:
        raise CliError(str(error)) from None
    _report(context.pack, card, args.json, "Made")
    return 0


def edit_command(args: argparse.Namespace, context: Context) -> int:
    from summitreader.cli.progress_commands import open_progress
    from summitreader.progress import ProgressNotSaved
    from summitreader.progress.my_cards import MyCardError

    store = open_progress(context)
    card = _find(store, args.id)
    kind, front, back = _kind_and_text(args)
    try:
        changed = store.update_my_card(card.uid, kind, front, back)
    except (MyCardError, ProgressNotSaved) as error:
        raise CliError(str(error)) from None
    assert changed is not None
    _report(context.pack, changed, args.json, "Changed")
    return 0


def delete_command(args: argparse.Namespace, context: Context) -> int:
    from summitreader.cli.progress_commands import open_progress
    from summitreader.progress import ProgressNotSaved

    store = open_progress(context)
    card = _find(store, args.id)
    if not args.yes:
        if not sys.stdin.isatty():
            raise CliError("deleting a card needs --yes when not asked at a terminal")
        answer = input(f"Delete your card {card.uid} ({shorten(card.front, 50)})? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("Nothing deleted.", file=sys.stderr)
            return 1
    try:
        store.delete_my_card(card.uid)
    except ProgressNotSaved as error:
        raise CliError(str(error)) from None
    print(clean_text(f"Deleted your card {card.uid}."), file=sys.stderr)
    return 0


def _find(store: Any, uid: str) -> MyCard:
    card: MyCard | None = store.my_card(uid)
    if card is None:
        raise CliError(
            f"no card of yours with the id {shorten(uid, 40)!r} (see 'summitreader list cards "
            "--mine')"
        )
    return card


def card_dict(pack: Pack, card: MyCard) -> dict[str, Any]:
    from summitreader.pack.model import PassageRef

    return {
        "id": card.uid,
        "kind": card.kind,
        "front": card.front,
        "back": card.back,
        "passage": {"section": card.section, "paragraph": card.paragraph},
        "passage_gone": pack.paragraph(PassageRef(card.section, card.paragraph)) is None,
        "cards": max(len(card.blanks), 1),
        "created": card.created.isoformat(),
        "updated": card.updated.isoformat(),
    }


def _report(pack: Pack, card: MyCard, as_json: bool, verb: str) -> None:
    if as_json:
        emit_json(card_dict(pack, card))
        return
    studied = len(card.blanks) if card.kind == "cloze" else 1
    say(
        f"{verb} your card {card.uid} on {card.section} ¶{card.paragraph} "
        f"({'cloze' if card.kind == 'cloze' else 'question and answer'}, "
        f"{studied} to study)."
    )


def list_mine(args: argparse.Namespace, context: Context) -> int:
    """``list cards --mine``: your cards, oldest first, with their passages."""
    from summitreader.cli.output import table
    from summitreader.cli.progress_commands import open_progress
    from summitreader.pack.model import PassageRef

    pack = context.pack
    mine = open_progress(context).my_cards()
    if args.json:
        emit_json([card_dict(pack, card) for card in mine])
        return 0
    rows = []
    for card in mine:
        ref = PassageRef(card.section, card.paragraph)
        where = str(ref) if pack.paragraph(ref) else f"{ref} (passage gone)"
        text = card.front if card.kind == "cloze" else f"{card.front} → {card.back}"
        rows.append((card.uid, "cloze" if card.kind == "cloze" else "q&a", where, text))
    table(("id", "kind", "passage", "card"), rows)
    return 0
