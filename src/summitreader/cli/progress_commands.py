"""``stats``, ``export``, ``import``, ``notes`` and ``reset``: your progress from the command line.

Notices from opening the progress file (moved aside, newer version, not writable) are printed to
standard error before anything else. Everything taken from the store or the pack is printed as
plain text (:func:`summitreader.text.clean_text`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from typing import TYPE_CHECKING, Any

from summitreader.cli.context import CliError, Context
from summitreader.cli.output import bold, emit_json, say
from summitreader.text import clean_text, plural, shorten_at_word

if TYPE_CHECKING:
    from summitreader.pack.model import Pack
    from summitreader.progress import Store


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    stats = sub.add_parser("stats", help="how far you have read and how your studying is going")
    stats.add_argument("--json", action="store_true", help="print a JSON object")
    stats.set_defaults(handler=stats_command)

    export = sub.add_parser(
        "export",
        help="write all your progress on the pack to a JSON file, or the whole deck to an Anki "
        "package (FILE.apkg)",
    )
    export.add_argument("file", metavar="FILE", help="the file to write ('-': standard output)")
    export.add_argument(
        "--format",
        choices=("json", "anki"),
        help="json: your progress; anki: the deck, your cards too, as an Anki package "
        "(default: anki for a FILE ending in .apkg, else json)",
    )
    export.set_defaults(handler=export_command)

    imported = sub.add_parser(
        "import",
        help="merge progress from a file written by 'export' (nothing is deleted, but a note "
        "a newer edit emptied)",
    )
    imported.add_argument("file", metavar="FILE", help="the file to read ('-': standard input)")
    imported.set_defaults(handler=import_command)

    notes = sub.add_parser(
        "notes",
        help="your own bookmarks and notes, with their passages (the pack's notes: list notes)",
    )
    notes.add_argument("--markdown", action="store_true", help="print a Markdown document")
    notes.add_argument("--json", action="store_true", help="print a JSON object")
    notes.set_defaults(handler=notes_command)

    reset = sub.add_parser("reset", help="back up your progress on the pack, then clear it")
    reset.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    reset.set_defaults(handler=reset_command)


def open_progress(context: Context, *, unchanged: str | None = None) -> Store:
    """The store, with its notices printed to standard error. A command that changes progress
    gives ``unchanged``, what it then says was not done, for a store that cannot be saved (a
    full disk, a folder that cannot be written): it stops there rather than change progress
    only in memory and report success."""
    store = context.store
    for notice in store.notices:
        _tell(notice)
    store.listen(_tell)  # and those of rows found damaged as the command reads them
    if unchanged is not None and not store.persistent:
        raise CliError(f"progress cannot be saved here (see above), so {unchanged}")
    return store


def _tell(notice: str) -> None:
    print(f"summitreader: {clean_text(notice)}", file=sys.stderr)


# -- stats ---------------------------------------------------------------------------------------


def stats_command(args: argparse.Namespace, context: Context) -> int:
    from summitreader.figures import compute_stats
    from summitreader.study.deck import build_deck

    pack = context.pack
    store = open_progress(context)
    mine = store.my_cards()
    stats = compute_stats(store, [card.id for card in build_deck(pack, mine)])
    if args.json:
        emit_json(
            {
                "pack": {"id": pack.id, "title": pack.title},
                **stats.to_dict(),
                "my_cards": len(mine),
                "saved": store.persistent,
            }
        )
        return 0
    queued = f"; {stats.reread_queue} to re-read" if stats.reread_queue else ""
    retention = (
        f"{stats.retention_percent:g}% of {stats.retention_reviews} scheduled reviews recalled"
        if stats.retention_percent is not None
        else "no scheduled reviews yet"
    )
    print(bold(pack.title))
    rows = [
        (
            "Read",
            f"{stats.sections_read} of {plural(stats.sections_total, 'section')} "
            f"({stats.percent_read:g}%){queued}",
        ),
        ("Bookmarks", str(stats.bookmarks)),
        ("Notes", str(stats.notes)),
        (
            "Cards",
            f"{stats.cards_total}: {stats.cards_new} new, {stats.cards_learning} learning, "
            f"{stats.cards_review} review, {stats.cards_relearning} relearning",
        ),
        ("Your cards", f"{len(mine)} made while reading"),
        ("Reviews", f"{stats.reviews_today} today, {stats.reviews_total} in all"),
        ("Retention", retention),
        ("Streak", f"{stats.streak_days} day{'' if stats.streak_days == 1 else 's'}"),
        ("Due", f"{stats.due_now} now, {stats.due_next_7_days} more in the next 7 days"),
    ]
    for label, value in rows:
        say(f"{label:<10} {value}")
    return 0


# -- export and import ---------------------------------------------------------------------------


def export_command(args: argparse.Namespace, context: Context) -> int:
    from summitreader.progress.exchange import ExchangeError, export_progress, write_document

    anki = args.format == "anki" or (args.format is None and args.file.lower().endswith(".apkg"))
    if anki:
        return export_anki(args.file, context)
    store = open_progress(context)
    left_out: dict[str, int] = {}
    document = export_progress(store, left_out)
    try:
        write_document(document, args.file)
    except ExchangeError as error:
        raise CliError(str(error)) from None
    if left_out:
        listed = ", ".join(_records(kind, n) for kind, n in left_out.items())
        print(
            f"summitreader: {listed} left out of the export (damaged: an import would refuse "
            "them); the progress file keeps them as they are.",
            file=sys.stderr,
        )
    if args.file != "-":
        counts = ", ".join(
            plural(len(document[k]), word)
            for k, word in (
                ("read_sections", "read section"),
                ("bookmarks", "bookmark"),
                ("notes", "note"),
                ("reviews", "review"),
            )
        )
        mine = sum(1 for card in document["my_cards"] if not card["deleted"])
        counts += f", {plural(mine, 'card')} of yours" if mine else ""
        print(
            clean_text(f"Exported your progress on {context.pack.id} to {args.file} ({counts})."),
            file=sys.stderr,
        )
    return 0


def export_anki(target: str, context: Context) -> int:
    from summitreader.anki import AnkiExportError, write_package
    from summitreader.study.deck import build_deck

    if target == "-":
        raise CliError("an Anki package is written to a file, not to standard output", 2)
    store = open_progress(context)
    mine = store.my_cards()
    try:
        notes = write_package(
            context.pack, build_deck(context.pack, mine), mine, target, store.content_seen_at()
        )
    except AnkiExportError as error:
        raise CliError(str(error)) from None
    print(
        clean_text(
            f"Exported the deck of {context.pack.id} to {target} as an Anki package "
            f"({plural(notes, 'note')}, {plural(len(mine), 'card')} of yours)."
        ),
        file=sys.stderr,
    )
    return 0


def _say_if_pipe(source: str) -> None:
    """A named pipe is read once something writes to it: say so, or a pipe nothing writes to
    looks like a command that hangs."""
    import stat

    try:
        is_pipe = source != "-" and stat.S_ISFIFO(os.stat(source).st_mode)
    except (OSError, ValueError):
        return  # reading it says what is wrong
    if is_pipe:
        print(
            f"summitreader: {source} is a pipe: waiting for what is written to it "
            "(ctrl+c stops).",
            file=sys.stderr,
            flush=True,
        )


def import_command(args: argparse.Namespace, context: Context) -> int:
    from summitreader.progress import ProgressNotSaved
    from summitreader.progress.exchange import ExchangeError, import_progress, read_document

    store = open_progress(context, unchanged="nothing was imported")
    merged = [0, 0]

    def progress(done: int, total: int) -> None:
        merged[:] = [done, total]

    unshown: dict[str, int] = {}
    unplaced: dict[str, int] = {}
    left_out: dict[str, int] = {}
    _say_if_pipe(args.file)
    try:
        document = read_document(args.file)
        counts = import_progress(
            store,
            document,
            progress=progress,
            unshown=unshown,
            unplaced=unplaced,
            left_out=left_out,
        )
    except ExchangeError as error:
        raise CliError(f"nothing imported: {error}") from None
    except ProgressNotSaved as error:
        if not merged[0]:
            raise CliError(f"nothing imported: {error}") from None
        raise CliError(
            f"the import stopped after {merged[0]} of {merged[1]} records: {error} "
            "Import the same file again to complete it (nothing is merged twice)."
        ) from None
    changed = [_records(kind, n) for kind, n in counts.items() if n]
    say(f"Imported from {args.file}: " + (", ".join(changed) if changed else "nothing new") + ".")
    if unshown:
        listed = ", ".join(_records(kind, n) for kind, n in unshown.items())
        say(
            f"The file has {listed} of sections this pack does not have: kept (they come back "
            "with those sections, and export keeps them), but not shown."
        )
    if unplaced:
        listed = ", ".join(_records(kind, n) for kind, n in unplaced.items())
        say(
            f"The file has {listed} on paragraphs their section does not have: kept (export "
            "keeps them), but not shown."
        )
    if left_out:
        count = left_out["notes"]
        say(
            f"{_records('notes', count)} left out: nothing of "
            f"{'its' if count == 1 else 'their'} text is left once the control characters, "
            "which are never kept, are taken out."
        )
    return 0


_RECORD_WORDS = {
    "position": ("reading position", "reading positions"),
    "read_sections": ("section read", "sections read"),
    "reread_queue": ("section to re-read", "sections to re-read"),
    "bookmarks": ("bookmark", "bookmarks"),
    "notes": ("note", "notes"),
    "removed_notes": ("note removed", "notes removed"),
    "card_states": ("card state", "card states"),
    "reviews": ("review", "reviews"),
    "settings": ("setting", "settings"),
}


def _records(kind: str, count: int) -> str:
    """``1 section to re-read``, ``3 sections read``: a count of records of one kind."""
    one, many = _RECORD_WORDS.get(kind, (kind.replace("_", " "), kind.replace("_", " ")))
    return plural(count, one, many)


# -- notes ---------------------------------------------------------------------------------------


def notes_command(args: argparse.Namespace, context: Context) -> int:
    pack = context.pack
    store = open_progress(context)
    bookmarks = [
        {"id": b.id, **_place(pack, b.section, b.paragraph), "created": b.created.isoformat()}
        for b in store.bookmarks()
    ]
    for bookmark in bookmarks:
        del bookmark["shown"]
    notes: list[dict[str, Any]] = []
    kept: list[dict[str, Any]] = []
    for n in [*store.notes(), *store.kept_notes()]:
        note = {
            "id": n.id,
            **_place(pack, n.section, n.paragraph),
            "text": n.text,
            "created": n.created.isoformat(),
            "updated": n.updated.isoformat(),
        }
        (notes if note.pop("shown") else kept).append(note)
    if args.json:
        emit_json(
            {
                "pack": {"id": pack.id, "title": pack.title},
                "bookmarks": bookmarks,
                "notes": notes,
                "kept_notes": kept,
            }
        )
    elif args.markdown:
        _print_markdown(pack, bookmarks, notes, kept)
    else:
        _print_text(bookmarks, notes, kept)
    return 0


KEPT = (
    "Kept, not shown: on a passage this version of the pack does not have (an import keeps "
    "them; they come back with it)"
)
"""What the notes kept but not shown are listed under."""


def _place(pack: Pack, section_id: str, paragraph: int) -> dict[str, Any]:
    """Where a bookmark or note is; ``shown``: whether the pack has its paragraph (the app shows
    a note under its paragraph only)."""
    section = pack.section(section_id)
    found = section.paragraph(paragraph) if section else None
    return {
        "section": section_id,
        "section_title": section.title if section else section_id,
        "paragraph": paragraph,
        "passage": found.text if found else "",
        "shown": found is not None,
    }


def _when(stamp: str) -> str:
    return dt.datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")


def _print_text(
    bookmarks: list[dict[str, Any]], notes: list[dict[str, Any]], kept: list[dict[str, Any]]
) -> None:
    if not bookmarks and not notes and not kept:
        say("No bookmarks or notes yet.")
        return
    for title, items in (("Bookmarks", bookmarks), ("Notes", notes), (KEPT, kept)):
        if not items:
            continue
        print(bold(f"{title} ({len(items)})"))
        for item in items:
            say(f"  {item['section_title']} ¶{item['paragraph']}  ({_when(item['created'])})")
            if item["passage"]:
                say(f"    “{_excerpt(item['passage'])}”")
            if "text" in item:
                for line in item["text"].splitlines() or [""]:
                    say(f"    > {line}")
        print()


def _print_markdown(
    pack: Pack,
    bookmarks: list[dict[str, Any]],
    notes: list[dict[str, Any]],
    kept: list[dict[str, Any]],
) -> None:
    lines = [f"# Bookmarks and notes: {pack.title}", ""]
    if bookmarks:
        lines += ["## Bookmarks", ""]
        for b in bookmarks:
            lines.append(f"- **{b['section_title']} ¶{b['paragraph']}** ({_when(b['created'])})")
            if b["passage"]:
                lines += [f"  {line}" for line in _quoted(b["passage"])]
        lines.append("")
    for title, listed in (("Notes", notes), (KEPT, kept)):
        if not listed:
            continue
        lines += [f"## {title}", ""]
        for n in listed:
            lines += [f"### {n['section_title']} ¶{n['paragraph']}", ""]
            if n["passage"]:
                lines += [*_quoted(n["passage"]), ""]
            lines += [
                n["text"] or "*(empty note)*",
                "",
                f"*Written {_when(n['created'])}, last edited {_when(n['updated'])}.*",
                "",
            ]
    if not bookmarks and not notes and not kept:
        lines += ["No bookmarks or notes yet.", ""]
    say("\n".join(lines).rstrip("\n"))


def _quoted(passage: str, width: int = 400) -> list[str]:
    """A passage as a Markdown quote: its excerpt; a code block (its lines apart) as a fenced
    block in the quote, line by line, its first lines up to ``width`` characters."""
    if "\n" not in passage:
        return [f"> {_excerpt(passage, width)}"]
    kept: list[str] = []
    for line in passage.split("\n"):
        if sum(len(k) + 1 for k in kept) + len(line) > width and kept:
            kept.append("…")
            break
        kept.append(line)
    return ["> ```", *(f"> {line}".rstrip() for line in kept), "> ```"]


def _excerpt(text: str, width: int = 160) -> str:
    return shorten_at_word(text, width)


# -- reset ---------------------------------------------------------------------------------------


def reset_command(args: argparse.Namespace, context: Context) -> int:
    from summitreader.progress import ProgressNotSaved

    pack = context.pack
    store = open_progress(context, unchanged="nothing was cleared")
    if not store.has_file():
        say("There is no progress to clear.")
        return 0
    if not args.yes and not _confirm(
        f"Clear all your progress on {pack.id}? A backup is made first. [y/N] "
    ):
        raise CliError("nothing cleared (add --yes to clear without being asked)")
    try:
        backup = store.reset()
    except ProgressNotSaved as error:
        raise CliError(str(error)) from None
    say(f"Your progress on {pack.id} is cleared. The backup is {backup}.")
    return 0


def _confirm(question: str) -> bool:
    if not sys.stdin.isatty():
        return False
    try:
        answer = input(clean_text(question))
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes")
