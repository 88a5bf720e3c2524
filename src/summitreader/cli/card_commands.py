"""``card add``, ``card edit`` and ``card delete``: your own cards from the command line.

A card is made on a paragraph (``--passage SECTION:PARAGRAPH``), as a cloze (``--cloze TEXT``,
what to hide in ``{{…}}``) or a question and answer (``--front TEXT --back TEXT``). What cannot be
kept (an empty card, a cloze without ``{{…}}``, unbalanced braces, a card too long) is refused with
the reason; everything else is kept as typed, as plain text.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import TYPE_CHECKING, Any

from summitreader.cli.context import CliError, Context
from summitreader.cli.output import emit_json, say
from summitreader.study.my_deck import PREFIX, card_id, study_ids, uid_of
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
        help="the paragraph the card is about: a section (its id, or its number from 1) and a "
        "paragraph number from 1",
    )
    _text_options(add)
    add.add_argument("--json", action="store_true", help="print the card as a JSON object")
    add.set_defaults(handler=add_command)

    edit = actions.add_parser("edit", help="change the text of a card of yours")
    edit.add_argument(
        "id", help="the card's id, mine-… (or the start of it), as 'list cards --mine' shows"
    )
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


_NUMBER = re.compile(r"[0-9]{1,6}")
"""A paragraph or section number as typed: ASCII digits, few enough to be one (``int`` would
take other scripts' digits, and refuse more than 4,300 digits with an internal error)."""


def _passage(pack: Pack, value: str) -> tuple[str, int]:
    section, _, number = value.rpartition(":")
    if not section or not _NUMBER.fullmatch(number) or int(number) < 1:
        raise CliError(
            f"--passage wants SECTION:PARAGRAPH (e.g. {pack.sections[0].id}:1), "
            f"not {shorten(value, 40)!r}",
            exit_code=2,
        )
    found = pack.section(section)
    if found is None and _NUMBER.fullmatch(section) and 1 <= int(section) <= len(pack.sections):
        found = pack.sections[int(section) - 1]  # the section's number, as the reader shows it
    if found is None:
        raise CliError(
            f"no section {shorten(section, 40)!r}: give a section's id (such as "
            f"{pack.sections[0].id!r}) or its number, from 1 to {len(pack.sections)} (see "
            "'summitreader list sections')"
        )
    if found.paragraph(int(number)) is None:
        raise CliError(
            f"section {found.id!r} has {len(found.paragraphs)} paragraphs, not {int(number)}"
        )
    return found.id, int(number)


def add_command(args: argparse.Namespace, context: Context) -> int:
    from summitreader.cli.progress_commands import open_progress
    from summitreader.progress import ProgressNotSaved
    from summitreader.progress.my_cards import MyCardError

    kind, front, back = _kind_and_text(args)
    section, paragraph = _passage(context.pack, args.passage)
    store = open_progress(context, unchanged="the card was not made")
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

    store = open_progress(context, unchanged="the card was not changed")
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

    store = open_progress(context, unchanged="the card was not deleted")
    card = _find(store, args.id)
    if not args.yes:
        if not sys.stdin.isatty():
            raise CliError("deleting a card needs --yes when not asked at a terminal")
        answer = input(
            clean_text(f"Delete your card {card_id(card.uid)} ({shorten(card.front, 50)})? [y/N] ")
        )
        if answer.strip().lower() not in ("y", "yes"):
            print("Nothing deleted.", file=sys.stderr)
            return 1
    try:
        store.delete_my_card(card.uid)
    except ProgressNotSaved as error:
        raise CliError(str(error)) from None
    print(clean_text(f"Deleted your card {card_id(card.uid)}."), file=sys.stderr)
    return 0


def find_mine(store: Any, wanted: str) -> MyCard | None:
    """The reader's card with the id ``wanted``, as shown (``mine-UID``), of one of its studied
    cards (``mine-UID-c2``) or its bare uid, or the start of any of these when only one card has
    it."""
    if not isinstance(wanted, str) or not wanted.strip():
        return None
    wanted = wanted.strip()
    uid = uid_of(wanted) if wanted.lower().startswith(PREFIX) else wanted
    if not uid:
        return None
    card: MyCard | None = store.my_card(uid.lower())
    return card


def _find(store: Any, uid: str) -> MyCard:
    card = find_mine(store, uid)
    if card is None:
        raise CliError(
            f"no card of yours with the id {shorten(uid, 40)!r} (see 'summitreader list cards "
            "--mine')"
        )
    return card


def card_dict(pack: Pack, card: MyCard) -> dict[str, Any]:
    from summitreader.pack.model import PassageRef

    return {
        "id": card_id(card.uid),
        "kind": card.kind,
        "front": card.front,
        "back": card.back,
        "passage": {"section": card.section, "paragraph": card.paragraph},
        "passage_gone": pack.paragraph(PassageRef(card.section, card.paragraph)) is None,
        "cards": max(len(card.blanks), 1),
        "study_ids": study_ids(card),
        "created": card.created.isoformat(),
        "updated": card.updated.isoformat(),
    }


def _report(pack: Pack, card: MyCard, as_json: bool, verb: str) -> None:
    if as_json:
        emit_json(card_dict(pack, card))
        return
    studied = len(card.blanks) if card.kind == "cloze" else 1
    say(
        f"{verb} your card {card_id(card.uid)} on {card.section} ¶{card.paragraph} "
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
        rows.append((card_id(card.uid), card.kind, where, text))
    table(("id", "kind", "passage", "card"), rows)
    return 0


def show_mine(args: argparse.Namespace, context: Context) -> int | None:
    """``show ID`` of one of your cards (``mine-UID``, its uid, or the start of either): the card
    with its passage and the ids of the cards studied from it; None when no card of yours has
    that id."""
    from summitreader.pack.model import PassageRef

    try:
        card = find_mine(context.store, args.id)
    except Exception:  # noqa: BLE001 - a damaged progress file: show says "no entry"
        return None
    if card is None:
        return None
    pack = context.pack
    if args.json:
        emit_json(card_dict(pack, card))
        return 0
    ref = PassageRef(card.section, card.paragraph)
    paragraph = pack.paragraph(ref)
    say(f"Your card  [{card_id(card.uid)}]")
    say(f"  kind: {card.kind}" + ("" if card.kind == "cloze" else " (question and answer)"))
    if card.kind == "cloze":
        say(f"  text: {card.front}")
    else:
        say(f"  question: {card.front}")
        say(f"  answer: {card.back}")
    say(f"  passage: {ref}" + ("" if paragraph else " (passage gone)"))
    if paragraph is not None:
        say(f"  “{shorten(paragraph.text, 200)}”")
    say(f"  studied as: {', '.join(study_ids(card))}")
    wanted = args.id.strip().lower()
    if wanted in study_ids(card) and card.kind == "cloze":
        number = study_ids(card).index(wanted)
        say(f"  {wanted} hides blank {number + 1}: {card.blanks[number]}")
    return 0
