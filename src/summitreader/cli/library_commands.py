"""``add``, ``packs`` and ``remove``: the library of packs from the command line."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import shlex
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from summitreader.cli.context import CliError, Context
from summitreader.cli.output import emit_json, hint, say, table
from summitreader.text import plural

if TYPE_CHECKING:
    from summitreader.progress import Store


ADD_RULES = """\
sections: from the headings; the text before the first is an introduction, and
  a first-level heading alone at the top is the title. In plain text, a line
  standing alone such as CHAPTER IV. or a line in capitals is a heading, and a
  line of only *, -, ~ or # (a scene break: * * *) separates paragraphs. A
  book's chapter headings (CHAPTER I, Chapter 2. Title, a bare I.: recurring
  through the text) make its chapters sections, each kept whole up to 6,000
  words; a longer one is cut at paragraph breaks into parts of about equal
  length (Chapter 2 (2 of 3)). A text without headings, and any other section
  over 1,500 words, is cut at paragraph breaks into parts of about 800 words.
takeaways: the items with a bold lead (- **The lead:** the text) of a section
  headed like "Key takeaways", "Summary" or "Conclusions". Of a list cut into
  parts for its length, the first part's items only (add says how many are left
  out).
cards (cloze, no network, no model):
  1. each takeaway: its bold lead shown as the cue and a term, date or number
     of its text hidden (rules 2 and 3); with none, a flip card (lead -> text);
     its passage: of the paragraphs outside the list that hold the hidden text,
     the one sharing the most telling words with the takeaway (the earliest of
     equals); when none holds it, the one sharing the most words; the takeaway
     itself when none shares a word;
  2. a sentence of 8 to 45 words holding a defined term (bold, italics, after
     "known as", "called"..., or the subject of "X is a ..." when the article
     names X again), a date or a number (not one naming a place
     in the text, as section 10, sections 15 and 16, chapters 3-5, § 12): that
     phrase hidden;
  3. a hidden phrase never is, begins or ends with a stop word, and is once in
     its sentence;
  4. at most three cards a section and 400 in all; a card that would give away
     another's answer is left out, and so is any card the card lint of
     'validate' finds anything wrong with.
  A sentence card is about the takeaway it shares most telling words with (two
  at least, the title's not counted, more than with any other), else its
  section. Few cards? They come from takeaways, defined terms, dates and
  numbers: ordinary prose has few of these. Add a "Key takeaways" section, or
  write cards of your own in cards.yaml.
You can edit the pack's files afterwards; 'summitreader validate ID' says what
is wrong.
"""


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    add = sub.add_parser(
        "add",
        help="make a pack of an article (Markdown, plain text or HTML) in the library",
        description="Make a pack of an article: sections from its headings, takeaways from a\n"
        "'Key takeaways' section, cloze cards by fixed rules (below). The pack is checked\n"
        "as 'validate' checks it before it is put in the library.",
        epilog=ADD_RULES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add.add_argument("path", help="the article: a .md, .txt or .html file, or - for stdin")
    add.add_argument("--title", help="the pack's title (default: the article's own)")
    add.add_argument(
        "--id", dest="pack_id", metavar="ID", help="the pack's id (default: from the title)"
    )
    add.add_argument("--encoding", help="the file's encoding when it is not UTF-8 (e.g. cp1252)")
    add.add_argument("--json", action="store_true", help="print a JSON object")
    add.set_defaults(handler=add_command)

    packs = sub.add_parser("packs", help="list the packs: the one that ships and yours")
    packs.add_argument("--json", action="store_true", help="print a JSON array")
    packs.set_defaults(handler=packs_command)

    remove = sub.add_parser(
        "remove", help="remove a pack you added (its progress is backed up first)"
    )
    remove.add_argument("id", help="the pack's id (see: summitreader packs)")
    remove.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    remove.set_defaults(handler=remove_command)


def add_command(args: argparse.Namespace, context: Context) -> int:
    from summitreader.authoring import AuthoringError, add_article
    from summitreader.library import (
        Earlier,
        LibraryError,
        library_dir,
        library_lock,
        os_problem,
        settle_earlier_progress,
        shipped_ids,
    )

    path = Path(args.path)
    if args.path == "-":
        path = _from_stdin(context)
    library = library_dir(context.data_dir)
    earlier = Earlier()
    try:
        # One add or remove at a time: the same article added twice at once makes one pack.
        with library_lock(library, on_wait=_say_waiting) as tidied:
            _tell_tidied(tidied)
            added = add_article(
                path,
                library,
                title=args.title,
                pack_id=args.pack_id,
                encoding=args.encoding,
                taken=shipped_ids(),
            )
            if added.pack is not None:
                try:
                    earlier = settle_earlier_progress(
                        context.data_dir, added.pack, added.path, added.digest
                    )
                except LibraryError as error:
                    # The new pack must not take over another article's progress.
                    shutil.rmtree(added.path, ignore_errors=True)
                    raise CliError(
                        f"{error}: nothing was added (give the article another id with --id)"
                    ) from None
    except AuthoringError as error:
        raise CliError(str(error)) from None
    except OSError as error:
        raise CliError(f"the library cannot be written: {os_problem(error)}") from None
    finally:
        if args.path == "-":
            shutil.rmtree(path.parent, ignore_errors=True)
    for warning in added.warnings:
        hint(f"summitreader: warning: {warning}")
    restored = earlier.restored
    if args.json:
        emit_json(
            {
                **added.to_dict(),
                "restored_progress": restored or None,
                "progress_set_aside": None if earlier.set_aside is None else str(earlier.set_aside),
                "restored_from": None
                if earlier.restored_from is None
                else str(earlier.restored_from),
            }
        )
        return 0
    say(f"Added '{added.pack_id}': {added.title}")
    say(
        f"  {plural(added.sections, 'section')}, {plural(added.paragraphs, 'paragraph')}, "
        f"{plural(added.takeaways, 'takeaway')}, {plural(added.cards, 'card')}"
        + (f" ({added.dropped} left out by the card lint)" if added.dropped else "")
    )
    if added.few_cards_why:
        say(f"  few cards for {plural(added.paragraphs, 'paragraph')}: {added.few_cards_why}")
    if added.takeaways_left_out:
        say(
            f"  {added.takeaways_left_out:,} items of the takeaways list left out: "
            f"{added.takeaways_left_out_why}"
        )
    say(f"  in {added.path}")
    if restored:
        counts = ", ".join(
            plural(count, word, words)
            for word, words, count in (
                ("section read", "sections read", restored.get("sections_read", 0)),
                ("card reviewed", "cards reviewed", restored.get("cards_reviewed", 0)),
                ("note", "notes", restored.get("notes", 0)),
                ("bookmark", "bookmarks", restored.get("bookmarks", 0)),
            )
            if count
        )
        where = (
            f": it was kept under the id '{added.pack_id}' when a pack of that id was removed"
            if earlier.restored_from is None
            else f" from the backup {earlier.restored_from}"
        )
        say(
            f"Your earlier progress on this article is restored{where}"
            + (f" ({counts})" if counts else "")
            + f". To start afresh: summitreader{_folder_options(args)} --pack {added.pack_id} reset"
        )
    if earlier.set_aside is not None:
        say(
            f"Progress kept under the id '{added.pack_id}' from a removed pack of another "
            f"article was not restored: this pack starts clean. That progress is in "
            f"{earlier.set_aside}."
        )
    if earlier.backup_left is not None:
        hint(f"summitreader: {earlier.backup_left}")
    if earlier.shared is not None:
        hint(f"summitreader: {earlier.shared}")
    say(f"Open it with: summitreader{_folder_options(args)} --pack {added.pack_id}")
    return 0


def _folder_options(args: argparse.Namespace) -> str:
    """The ``--data-dir`` and ``--cache-dir`` given to this command, quoted for a shell: the
    pack is in that data folder, and is found only with it."""
    options = ""
    for option, value in (
        ("--data-dir", getattr(args, "data_dir", None)),
        ("--cache-dir", getattr(args, "cache_dir", None)),
    ):
        if value:
            options += f" {option} {shlex.quote(str(Path(value).absolute()))}"
    return options


def _say_waiting() -> None:
    hint("summitreader: another summitreader is adding or removing a pack: waiting for it...")


def _tell_tidied(tidied: list[str]) -> None:
    for line in tidied:
        hint(f"summitreader: {line}")


def _from_stdin(context: Context) -> Path:
    """The article on standard input, kept in a temporary file named ``stdin`` while it is
    added: its format is found from its text."""
    import tempfile

    from summitreader.authoring import MAX_BYTES
    from summitreader.authoring.build import STDIN_NAME

    if sys.stdin is None or sys.stdin.isatty():
        raise CliError(
            "add - reads the article from standard input: pipe it in (… | summitreader add -)"
        )
    from summitreader.library import os_problem

    data = sys.stdin.buffer.read(MAX_BYTES + 1)
    folder: Path | None = None
    try:
        folder = Path(tempfile.mkdtemp(prefix="summitreader-stdin-"))
        target = folder / STDIN_NAME
        target.write_bytes(data)
    except OSError as error:
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
        raise CliError(
            f"the article on standard input could not be kept in a temporary file while it is "
            f"added ({os_problem(error)}, in {tempfile.gettempdir()}): nothing was added; "
            "give the article's file instead, or set TMPDIR to a folder with room"
        ) from None
    return target


def packs_command(args: argparse.Namespace, context: Context) -> int:
    from summitreader.library import LibraryBusy, library_dir, library_lock, list_packs, summarise

    if library_dir(context.data_dir).is_dir():
        # What an interrupted add or remove left is finished, unless one is running now.
        with (
            contextlib.suppress(LibraryBusy, OSError),
            library_lock(library_dir(context.data_dir), wait=False) as tidied,
        ):
            _tell_tidied(tidied)
    summaries = [summarise(context.data_dir, info) for info in list_packs(context.data_dir)]
    if args.json:
        emit_json([s.to_dict() for s in summaries])
        return 0
    rows = [
        (
            s.info.id,
            f"{s.percent}%",
            "-" if s.due is None else str(s.due),
            "-" if s.due is None else str(s.new),
            ("(ships) " if s.info.shipped else "")
            + s.info.title
            + (f"  [cannot be loaded: {s.problem}]" if s.problem else ""),
        )
        for s in summaries
    ]
    table(("id", "read", "due", "new today", "title"), rows)
    return 0


def remove_command(args: argparse.Namespace, context: Context) -> int:

    from summitreader.library import LibraryError, find_pack, library_dir, remove_pack, shipped_ids

    if args.id in shipped_ids():
        raise CliError(f"'{args.id}' ships with summitreader and cannot be removed")
    folder = library_dir(context.data_dir) / args.id
    if (
        args.id.startswith(".")
        or not folder.is_dir()
        or folder.parent != library_dir(context.data_dir)
    ):
        raise CliError(f"there is no pack '{args.id}' in the library (see: summitreader packs)")
    if not args.yes:
        if not sys.stdin.isatty():
            raise CliError(f"removing '{args.id}' needs --yes when not asked at a terminal")
        answer = input(f"Remove the pack '{args.id}'? Its progress is backed up. [y/N] ")
        if answer.strip().casefold() not in ("y", "yes"):
            say("Nothing removed.")
            return 1
    store = _open_store(context, find_pack(context.data_dir, args.id))
    try:
        backup = remove_pack(
            context.data_dir,
            args.id,
            store,
            _now(store),
            on_wait=_say_waiting,
            tell=lambda line: hint(f"summitreader: {line}"),
        )
    except LibraryError as error:
        raise CliError(str(error)) from None
    finally:
        if store is not None:
            store.close()
    say(f"Removed '{args.id}'.")
    if backup is not None:
        say(
            f"A copy of its progress is in {backup} (adding the same article again, with the "
            "same id, brings the progress back)."
        )
    return 0


def _open_store(context: Context, folder: Path) -> Store | None:
    """The progress of the pack in ``folder``; None when the pack no longer loads (nothing of
    it can be exported then)."""
    from summitreader.library import reserved_id_problem
    from summitreader.pack import PackError, load_pack
    from summitreader.progress import open_store

    try:
        pack = load_pack(folder)
    except PackError:
        return None
    if reserved_id_problem(context.data_dir, folder, pack.id) is not None:
        return None  # its progress is the shipped pack's: nothing of its own to back up
    return open_store(context.data_dir, pack)


def _now(store: Store | None) -> dt.datetime:
    return store.now() if store is not None else dt.datetime.now(dt.UTC)
