"""``due``: the cards due now, for a shell prompt or a reminder from cron."""

from __future__ import annotations

import argparse
import datetime as dt

from summitreader.cli.context import Context
from summitreader.cli.output import emit_json, say, table
from summitreader.pack.cloze import asked_prompt


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    due = sub.add_parser(
        "due",
        help="the cards due now (count and list)",
        description="The cards due for review now, most overdue first, and how many new cards "
        "may be started today.",
    )
    due.add_argument("--json", action="store_true", help="print a JSON object")
    due.set_defaults(handler=handler)


def handler(args: argparse.Namespace, context: Context) -> int:
    from summitreader.card_state import due_of
    from summitreader.cli.progress_commands import open_progress
    from summitreader.study.deck import build_deck
    from summitreader.study.plan import today_status

    pack, store = context.pack, open_progress(context)  # its notices on standard error
    deck = build_deck(pack)
    states = store.card_states(card.id for card in deck)
    now = store.now()
    status = today_status(deck, store, now)
    by_id = {card.id: card for card in deck}
    due = [by_id[card_id] for card_id in status.due]
    if args.json:
        emit_json(
            {
                "now": now.isoformat(),
                "due": len(due),
                "new_today": len(status.new),
                "learning_later_today": len(status.learning),
                "next_due": status.next_due.isoformat() if status.next_due else None,
                "cards": [
                    {
                        "id": card.id,
                        "kind": card.card_kind,
                        "prompt": asked_prompt(card.card_kind, card.prompt),
                        "due": _iso(due_of(states.get(card.id))),
                        "generated": card.generated,
                    }
                    for card in due
                ],
            }
        )
        return 0
    noun = "card" if len(due) == 1 else "cards"
    say(f"{len(due)} {noun} due now; {len(status.new)} new to start today.")
    if due:
        print()
        rows = [(c.id, c.card_kind, asked_prompt(c.card_kind, c.prompt)) for c in due]
        table(("id", "kind", "prompt"), rows, wrap=2, drop=(1,))
    elif status.next_due is not None:
        say(f"Next due: {status.next_due:%Y-%m-%d %H:%M} UTC.")
    return 0


def _iso(moment: dt.datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None
