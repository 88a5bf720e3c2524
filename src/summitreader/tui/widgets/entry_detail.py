"""The detail of one index entry: its facts and sources as text, and its links as a list to follow."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from summitreader.pack.model import Issue, Meeting, Pack, PassageRef, Takeaway
from summitreader.text import shorten
from summitreader.tui.messages import OpenEntry, OpenPassage

SETTING_NAMES = {
    "summit": "Summit",
    "bilateral": "Bilateral meeting",
    "informal": "Informal talk",
    "called-off": "Called off",
}


def entry_facts(pack: Pack, entry: Meeting | Issue | Takeaway) -> Content:
    """The entry's facts as plain styled text (content is never read as markup)."""
    lines: list[Content] = [Content(entry.title).stylize("bold")]

    def field(label: str, value: str) -> None:
        if value:
            lines.append(Content.assemble((f"{label}: ", "bold"), value))

    if isinstance(entry, Meeting):
        lines.append(Content(f"{entry.date.human()} · {entry.place}").stylize("italic"))
        lines.append(Content(""))
        field("Setting", SETTING_NAMES.get(entry.setting, entry.setting)
              + (f" — {entry.setting_detail}" if entry.setting_detail else ""))
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
            lines.append(Content("Also: " + ", ".join(entry.aliases)).stylize("italic"))
        lines.append(Content(""))
        lines.append(Content(entry.summary))
        if entry.timeline:
            lines.append(Content(""))
            lines.append(Content("Timeline").stylize("bold"))
            for event in entry.timeline:
                lines.append(Content.assemble("  ", (event.date.human(), "bold"), "  ", event.text))
    else:
        lines.append(Content(""))
        lines.append(Content(entry.text))
        argued = [s.title for s in (pack.section(x) for x in entry.sections) if s is not None]
        lines.append(Content(""))
        field("Argued in", "; ".join(argued))
    sources = getattr(entry, "sources", ())
    if sources:
        lines.append(Content(""))
        lines.append(Content("Sources").stylize("bold"))
        lines.extend(Content(f"  {url}") for url in sources)
    cards = pack.cards_about(entry.id)
    if cards:
        lines.append(Content(""))
        lines.append(Content(f"Cards ({len(cards)})").stylize("bold"))
        lines.extend(Content(f"  • {card.prompt}") for card in cards)
    return Content("\n").join(lines)


class EntryDetail(VerticalScroll):
    """Facts of the selected entry, then a list of what it links to (enter follows a link)."""

    DEFAULT_CSS = """
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

    def __init__(self, pack: Pack, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.pack = pack
        self.entry_id: str | None = None
        self._targets: list[str | PassageRef] = []

    def compose(self) -> ComposeResult:
        yield Static(Content("Select a meeting, an issue or a takeaway."), id="detail-facts")
        yield Static(Content("Links"), classes="detail--heading")
        yield OptionList(id="detail-links")

    def show(self, entry: Meeting | Issue | Takeaway) -> None:
        self.entry_id = entry.id
        self.query_one("#detail-facts", Static).update(entry_facts(self.pack, entry))
        links = self.query_one("#detail-links", OptionList)
        links.clear_options()
        self._targets = []
        related: list[Meeting | Issue] = []
        if isinstance(entry, Meeting):
            related = [i for i in (self.pack.issue(x) for x in entry.issues) if i is not None]
        elif isinstance(entry, Issue):
            related = list(self.pack.meetings_on(entry.id))
        for other in related:
            self._targets.append(other.id)
            links.add_option(Option(Content.assemble((f"{other.kind.capitalize()} · ", "bold"), other.title)))
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
            excerpt = shorten(paragraph.text, 70)
            self._targets.append(ref)
            label = Content.assemble(
                ("Passage · ", "bold"), (f"{section.title} ¶{ref.paragraph}", "italic"),
                (f" “{matched}”" if matched else ""), "\n  ", excerpt,
            )
            links.add_option(Option(label))
        if not self._targets:
            links.add_option(Option(Content("The article does not name it."), disabled=True))

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
