"""The detail of one index entry: its facts and sources as text, and its links as a list to
follow."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from summitreader.pack.model import Card, Issue, Meeting, Pack, PassageRef, Takeaway, shown_prompt
from summitreader.study.deck import build_deck
from summitreader.text import shorten_at_word
from summitreader.tui.messages import OpenEntry, OpenPassage
from summitreader.tui.widgets.hanging import Blocks, Hanging, line

SETTING_NAMES = {
    "summit": "Summit",
    "bilateral": "Bilateral meeting",
    "informal": "Informal talk",
    "called-off": "Called off",
}


def entry_facts(
    pack: Pack, entry: Meeting | Issue | Takeaway, deck: Sequence[Card] | None = None
) -> Blocks:
    """The entry's facts as plain styled text (content is never read as markup); the lines of a
    timeline and of a list wrap under their own text, not under their date or bullet."""
    lines: list[Text | Hanging] = [line((entry.title, "bold"))]

    def field(label: str, value: str) -> None:
        if value:  # a wrapped value lines up under itself, not under its label
            lines.append(Hanging([(f"{label}: ", "bold")], [(value, "")]))

    if isinstance(entry, Meeting):
        lines.append(line((f"{entry.date.human()} · {entry.place}", "italic")))
        lines.append(line())
        field(
            "Setting",
            SETTING_NAMES.get(entry.setting, entry.setting)
            + (f" — {entry.setting_detail}" if entry.setting_detail else ""),
        )
        field("Duration", entry.duration)
        titles = [i.title for i in (pack.issue(x) for x in entry.issues) if i is not None]
        field("Issues", ", ".join(titles))
        field("Outcome", entry.outcome)
        field("Controversy", entry.controversy)
        field("Named in the article", "yes" if entry.in_article else "no")
        if not entry.held:
            field("Held", "no — announced, then called off")
        field("Note", entry.note)
    elif isinstance(entry, Issue):
        if entry.aliases:
            lines.append(Hanging([("Also: ", "italic")], [(", ".join(entry.aliases), "italic")]))
        lines.append(line())
        lines.append(line(entry.summary))
        if entry.timeline:
            lines.append(line())
            lines.append(line(("Timeline", "bold")))
            width = max(len(event.date.human()) for event in entry.timeline)
            for event in entry.timeline:  # dates padded to one width: the texts in one column
                date = [("  ", ""), (event.date.human().ljust(width), "bold"), ("  ", "")]
                lines.append(Hanging(date, [(event.text, "")]))
    else:
        lines.append(line())
        lines.append(line(entry.text))
        argued = [s.title for s in (pack.section(x) for x in entry.sections) if s is not None]
        lines.append(line())
        field("Argued in", "; ".join(argued))
    sources = getattr(entry, "sources", ())
    if sources:
        lines.append(line())
        lines.append(line(("Sources", "bold")))
        lines.extend(Hanging([("  ", "")], [(url, "")]) for url in sources)
    cards = pack.cards_about(entry.id) if deck is None else [c for c in deck if entry.id in c.about]
    if cards:
        lines.append(line())
        lines.append(line((f"Cards ({len(cards)})", "bold")))
        lines.extend(Hanging([("  • ", "")], [(shown_prompt(card.prompt), "")]) for card in cards)
    return Blocks(lines)


PROMPT = "Select a meeting, an issue or a takeaway."
SCROLL = Binding.Group("Scroll")


class DetailLinks(OptionList):
    """The entry's links; ``enter`` follows the one highlighted (shown in the footer).

    Given the focus, it highlights its first link, so ``enter`` follows something at once; an
    entry without links (only the line saying so) takes no focus and offers no ``enter``."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Follow link", id="detail.follow"),
    ]

    def has_links(self) -> bool:
        return any(not option.disabled for option in self.options)

    def on_focus(self) -> None:
        if self.highlighted is None and self.has_links():
            self.action_first()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "select":
            return self.highlighted is not None
        return True


class EntryDetail(VerticalScroll):
    """Facts of the selected entry, then a list of what it links to (enter follows a link).

    Focused (the first ``tab`` from a list), it is marked by a bar of the accent colour down its
    left side, and the footer shows its keys: scroll, and ``tab`` to its links."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "scroll_up", "Scroll", group=SCROLL, id="detail.scroll-up"),
        Binding("down", "scroll_down", "Scroll", group=SCROLL, id="detail.scroll-down"),
        Binding("tab", "links", "Links", id="detail.links"),
    ]

    DEFAULT_CSS = """
    EntryDetail:focus {
        background-tint: $foreground 6%;
    }

    EntryDetail #detail-facts {
        padding: 0 1;
    }
    EntryDetail #detail-links {
        height: auto;
        margin-top: 1;
        border: none;
    }
    EntryDetail .detail--heading {
        padding: 1 1 0 1;
        text-style: bold;
    }
    """

    def __init__(
        self, pack: Pack, *, deck: Sequence[Card] | None = None, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.pack = pack
        self.deck = tuple(deck) if deck is not None else build_deck(pack)
        """Every card of the deck, generated ones too: the cards listed for an entry."""
        self.entry_id: str | None = None
        self._targets: list[str | PassageRef] = []
        self.facts = Blocks([line(PROMPT)])

    def compose(self) -> ComposeResult:
        yield Static(self.facts, id="detail-facts")
        yield Static(Content("Links"), classes="detail--heading")
        yield DetailLinks(id="detail-links")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "links":  # from the pane itself; in the links, tab goes on as usual
            return self.has_focus and bool(self._targets)
        return True

    def focus_links(self) -> None:
        """Its links, or the pane itself when the entry has none to follow."""
        links = self.query_one("#detail-links", DetailLinks)
        if links.can_focus:
            links.focus()
        else:
            self.focus()

    def action_links(self) -> None:
        self.focus_links()

    def clear(self, message: str) -> None:
        """Show ``message`` instead of an entry (when the list in view is empty)."""
        self.entry_id = None
        self.facts = Blocks([line(message)])
        self.query_one("#detail-facts", Static).update(self.facts)
        links = self.query_one("#detail-links", OptionList)
        links.clear_options()
        links.can_focus = False
        self.query_one(".detail--heading").display = False
        self._targets = []
        self.scroll_home(animate=False)

    def show(self, entry: Meeting | Issue | Takeaway) -> None:
        self.entry_id = entry.id
        self.facts = entry_facts(self.pack, entry, self.deck)
        self.query_one("#detail-facts", Static).update(self.facts)
        self.query_one(".detail--heading").display = True
        # A new entry is read from its top (and its links from the first).
        self.scroll_home(animate=False)
        links = self.query_one("#detail-links", OptionList)
        options: list[Option] = []
        self._targets = []
        related: list[Meeting | Issue] = []
        if isinstance(entry, Meeting):
            related = [i for i in (self.pack.issue(x) for x in entry.issues) if i is not None]
        elif isinstance(entry, Issue):
            related = list(self.pack.meetings_on(entry.id))
        for other in related:
            self._targets.append(other.id)
            kind = (f"{other.kind.capitalize()} · ", "bold")
            options.append(Option(Hanging([kind], [(other.title, "")])))
        if isinstance(entry, Takeaway):
            passages = [(entry.passage, "")]
        else:
            passages = [(m.ref, m.matched) for m in self.pack.mentions_of(entry.id)]
        seen: set[PassageRef] = set()
        for ref, matched in passages:
            if ref in seen:
                continue
            seen.add(ref)
            section = self.pack.section(ref.section)
            paragraph = self.pack.paragraph(ref)
            if section is None or paragraph is None:
                continue
            excerpt = shorten_at_word(paragraph.text, 70)
            self._targets.append(ref)
            label = Blocks(
                [
                    Hanging(
                        [("Passage · ", "bold")],
                        [
                            (f"{section.title} ¶{ref.paragraph}", "italic"),
                            (f" “{matched}”" if matched else "", ""),
                        ],
                    ),
                    Hanging([("  ", "")], [(excerpt, "")]),
                ]
            )
            options.append(Option(label))
        if not self._targets:
            options.append(Option(Content("The article does not name it."), disabled=True))
        links.set_options(options)  # at once: the list is measured once
        links.can_focus = bool(self._targets)

    @on(OptionList.OptionSelected, "#detail-links")
    def _follow(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_index >= len(self._targets):
            return
        target = self._targets[event.option_index]
        if isinstance(target, PassageRef):
            self.post_message(OpenPassage(target))
        else:
            self.post_message(OpenEntry(target))
