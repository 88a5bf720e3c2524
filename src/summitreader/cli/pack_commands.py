"""``list``, ``show`` and ``validate``: the pack from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path

from summitreader.cli.context import CliError, Context
from summitreader.cli.output import bold, emit_json, hint, say, table
from summitreader.pack.cloze import asked_prompt
from summitreader.pack.model import Card, Entry, Pack, Paragraph, Section, shown_prompt
from summitreader.pack.serialize import entry_dict, entry_links
from summitreader.study.deck import build_deck, find_card
from summitreader.text import plural, shorten_at_word

GROUPS = ("sections", "meetings", "issues", "takeaways", "cards", "notes")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    listing = sub.add_parser(
        "list",
        help="list the sections, meetings, issues, takeaways, notes (the pack's own; yours: "
        "'notes') or cards (the whole deck, written and generated)",
    )
    listing.add_argument("group", choices=GROUPS)
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    listing.add_argument(
        "--mine", action="store_true", help="with cards: only the cards you made while reading"
    )
    listing.set_defaults(handler=list_command)

    show = sub.add_parser("show", help="show one entry in full, with its links")
    show.add_argument(
        "id", help="the id of a section, meeting, issue, takeaway, note or card (generated too)"
    )
    show.add_argument("--json", action="store_true", help="print a JSON object")
    show.set_defaults(handler=show_command)

    validate = sub.add_parser(
        "validate", help="check a pack and list every problem, and what the card lint finds"
    )
    validate.add_argument(
        "path", nargs="?", help="the pack: a folder or a library id (default: --pack, or the "
        "shipped pack)"
    )
    validate.set_defaults(handler=validate_command)


def _entries(pack: Pack, group: str) -> tuple[Entry, ...]:
    if group == "cards":
        return build_deck(pack)
    entries: tuple[Entry, ...] = getattr(pack, group)
    return entries


def list_command(args: argparse.Namespace, context: Context) -> int:
    pack = context.pack
    if args.group == "cards":
        from summitreader.cli.card_commands import list_mine

        if args.mine:
            return list_mine(args, context)
        entries: tuple[Entry, ...] = build_deck(pack, context.store.my_cards())
    elif args.mine:
        raise CliError("--mine goes with 'list cards'", exit_code=2)
    else:
        entries = _entries(pack, args.group)
    if args.json:
        emit_json([entry_dict(e) for e in entries])
        return 0
    if not entries:  # a table of a header alone says nothing
        hint(f"This pack has no {args.group}.")
        return 0
    rows: list[tuple[str, ...]]
    if args.group == "meetings":
        rows = [
            (m.id, m.date.iso(), m.setting, "yes" if m.held else "no", m.title)
            for m in pack.meetings
        ]
        # The title wraps; as the terminal narrows, "held", then "setting", then the date go.
        table(("id", "date", "setting", "held", "title"), rows, wrap=4, drop=(3, 2, 1))
    elif args.group == "issues":
        rows = [(i.id, i.title, str(len(i.timeline))) for i in pack.issues]
        table(("id", "title", "events"), rows, wrap=1)
    elif args.group == "sections":
        rows = [(s.id, s.title, str(len(s.paragraphs))) for s in pack.sections]
        table(("id", "title", "paragraphs"), rows, wrap=1)
    elif args.group == "takeaways":
        rows = [(t.id, t.title, ", ".join(t.sections)) for t in pack.takeaways]
        table(("id", "title", "argued in"), rows, wrap=1, drop=(2,))
    elif args.group == "notes":
        rows = [(n.id, n.title, str(n.passage or "")) for n in pack.notes]
        table(("id", "title", "about"), rows, wrap=1, drop=(2,))
    else:
        rows = [
            (
                c.id,
                c.card_kind,
                "yes" if c.generated else "no",
                " ".join(asked_prompt(c.card_kind, c.prompt).split()),
            )
            for c in entries
            if isinstance(c, Card)  # the deck, built once above
        ]
        # The prompt wraps; as the terminal narrows, the kind goes, then the generated flag.
        table(("id", "kind", "generated", "prompt"), rows, wrap=3, drop=(1, 2))
    # Hints go to stderr: stdout stays the table alone.
    if args.group in ("meetings", "issues"):
        hint(f"(full records: summitreader show ID, or list {args.group} --json)")
    elif args.group == "notes":
        hint("(these are the pack's own notes on the article; your bookmarks and notes: "
             "summitreader notes)")
    return 0


def show_command(args: argparse.Namespace, context: Context) -> int:
    pack = context.pack
    entry = pack.get(args.id) or find_card(build_deck(pack), args.id)
    if entry is None:
        from summitreader.cli.card_commands import show_mine

        shown = show_mine(args, context)
        if shown is not None:
            return shown
        raise CliError(f"there is no entry '{args.id}' in this pack (see 'summitreader list')")
    if args.json:
        data = entry_dict(entry)
        data["links"] = entry_links(pack, entry, build_deck(pack))
        emit_json(data)
        return 0
    _print_record(pack, entry)
    links = entry_links(pack, entry, build_deck(pack))
    for name, items in links.items():
        if not items:
            continue
        print()
        print(bold(name.capitalize()))
        for item in items:
            if name == "mentions":
                section = pack.section(item["section"])
                where = section.title if section else item["section"]
                say(f"  {where} ¶{item['paragraph']}: “{item['text']}” ({item['entry']})")
            else:
                say(f"  {item['id']}  {item['title']}")
    return 0


HEADING_WIDTH = 60
"""A card's heading is its prompt cut to this many characters (the prompt follows in full)."""


def _print_record(pack: Pack, entry: Entry) -> None:
    title = (
        shorten_at_word(shown_prompt(entry.prompt), HEADING_WIDTH)
        if isinstance(entry, Card)
        else entry.title
    )
    print(bold(title) + f"  [{entry.id}]")
    if isinstance(entry, Section):
        for paragraph in entry.paragraphs:
            print()
            say(paragraph_lines(paragraph))
        return
    data = entry_dict(entry)
    for key in ("id", "kind", "title", "defined_at", "location"):
        data.pop(key, None)
    for key, value in data.items():
        label = key.replace("_", " ")
        if isinstance(value, list):
            if not value:
                continue
            say(f"  {label}:")
            for item in value:
                if isinstance(item, dict):
                    say(f"    - {item.get('date', '')}: {item.get('text', '')}{_event_extra(item)}")
                else:
                    say(f"    - {item}")
        elif isinstance(value, dict):
            say(f"  {label}: " + ", ".join(f"{k} {v}" for k, v in value.items()))
        elif value not in ("", None, False) or isinstance(value, bool):
            say(f"  {label}: {'yes' if value is True else 'no' if value is False else value}")


def paragraph_lines(paragraph: Paragraph) -> str:
    """A paragraph as ``show`` prints it: ``¶3  1. The item``; a code block under its number,
    line by line as written, indented four spaces."""
    if paragraph.code:
        lines = (f"    {line}" for line in paragraph.text.split("\n"))
        return "\n".join([f"¶{paragraph.number}", *lines])
    marker = paragraph.marker or ("•" if paragraph.list_item else "")
    lead = f"{marker} " if marker else ""
    return f"¶{paragraph.number}  {lead}{paragraph.text}"


def _event_extra(event: dict[str, object]) -> str:
    """What a timeline event has besides its date and text: whether it is a key event, and
    its sources."""
    parts = ["key event"] if event.get("key") is True else []
    sources = event.get("sources")
    if isinstance(sources, list) and sources:
        parts.append(", ".join(str(s) for s in sources))
    return f"  ({'; '.join(parts)})" if parts else ""


def validate_command(args: argparse.Namespace, context: Context) -> int:
    from summitreader.library import LibraryError, find_pack, reserved_id_problem
    from summitreader.pack import PackError, load_pack
    from summitreader.pack.lint import lint_cards, plain_paragraphs

    try:
        root = find_pack(context.data_dir, args.path) if args.path else context.pack_path
    except LibraryError:
        root = Path(args.path)  # not there: the loader says so
    try:
        pack = load_pack(root)
    except PackError as error:
        say(error.report())
        return 1
    reserved = reserved_id_problem(context.data_dir, root, pack.id)
    if reserved is not None:
        say(reserved)
        return 1
    deck = build_deck(pack)
    findings = lint_cards(pack, deck) + plain_paragraphs(pack)
    errors = [f for f in findings if f.severity == "error"]
    generated = sum(card.generated for card in deck)
    state = "ok" if not findings else "has card errors" if errors else "ok, with card warnings"
    written = len(deck) - generated
    say(
        f"{pack.id}: {state} — {plural(len(pack.sections), 'section')} "
        f"({plural(sum(len(s.paragraphs) for s in pack.sections), 'paragraph')}), "
        f"{plural(len(pack.meetings), 'meeting')}, {plural(len(pack.issues), 'issue')}, "
        f"{plural(len(pack.takeaways), 'takeaway')}, "
        f"{written} written + {generated} generated "
        f"{'card' if written + generated == 1 else 'cards'}, "
        f"{plural(len(pack.notes), 'note')}, {plural(len(pack.mentions), 'mention')}"
    )
    for finding in sorted(findings, key=lambda f: f.severity != "error"):
        say(f"  {finding}")
    return 1 if errors else 0
