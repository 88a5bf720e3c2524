"""Snippets: plain text cut around the best match, with the matched words (and only they) marked."""

from __future__ import annotations

import pytest

from summitreader.pack.model import Pack
from summitreader.search import Hit, SearchIndex
from summitreader.search.highlight import ELLIPSIS, SNIPPET_LENGTH, snippet
from support.search_pack import LONG_PARAGRAPH


def marked(hit: Hit) -> list[str]:
    return [segment.text for segment in hit.snippet if segment.match]


def first(index: SearchIndex, query: str, **options) -> Hit:
    result = index.search(query, **options)
    assert result.hits, query
    return result.hits[0]


def test_a_short_paragraph_is_shown_whole_with_the_word_marked(
    index: SearchIndex, pack: Pack
) -> None:
    hit = first(index, "sanctions")
    assert hit.snippet_text == pack.section("outlook").paragraph(2).text
    assert marked(hit) == ["Sanctions"]


def test_the_snippet_is_the_paragraphs_plain_text(index: SearchIndex, pack: Pack) -> None:
    hit = first(index, '"arms control"', kinds=["paragraph"])
    text = pack.section("opening").paragraph(3).text
    assert hit.snippet_text == text
    assert "**" not in text and not text.startswith("-")
    assert marked(hit) == ["Arms", "control", "arms", "control"]


def test_stemmed_forms_are_marked(index: SearchIndex) -> None:
    hits = {h.id: h for h in index.search("negotiating", kinds=["paragraph"]).hits}
    assert marked(hits["opening"]) == ["negotiate"]
    assert marked(hits["analysis"]) == ["Negotiations"]


def test_completions_of_the_word_being_typed_are_marked(index: SearchIndex) -> None:
    hit = first(index, "negotia", as_you_type=True, kinds=["paragraph"])
    assert marked(hit) in (["negotiate"], ["Negotiations"])


def test_the_near_words_of_a_typo_are_marked(index: SearchIndex) -> None:
    hit = first(index, "Hambrug", kinds=["meeting"])
    assert marked(hit) == ["Hamburg"]


def test_words_under_not_are_not_marked(index: SearchIndex) -> None:
    hit = first(index, "arms NOT control")
    assert hit.id == "outlook"
    assert marked(hit) == ["arms"]


def test_a_long_paragraph_is_cut_around_its_match(index: SearchIndex) -> None:
    hit = first(index, "ceasefire", kinds=["paragraph"])
    text = hit.snippet_text
    assert marked(hit) == ["ceasefire"]
    assert hit.snippet[0] == hit.snippet[0].__class__(ELLIPSIS, False)
    assert len(text) <= SNIPPET_LENGTH + 2 * len(ELLIPSIS)
    assert len(text) >= SNIPPET_LENGTH // 2
    # Cut at word boundaries: what is shown is a run of whole words of the paragraph.
    inner = text.strip(ELLIPSIS)
    assert inner in LONG_PARAGRAPH
    start = LONG_PARAGRAPH.index(inner)
    assert LONG_PARAGRAPH[start - 1] == " "
    end = start + len(inner)
    assert end == len(LONG_PARAGRAPH) or LONG_PARAGRAPH[end] == " "


def test_without_a_match_in_the_body_the_snippet_is_the_start(index: SearchIndex) -> None:
    hit = first(index, "title:hamburg")
    assert hit.id == "hamburg"
    assert hit.snippet_text.startswith("Hamburg, Germany")
    assert marked(hit) == ["Hamburg"]


def test_markup_like_text_is_kept_literally(index: SearchIndex) -> None:
    hit = first(index, "literal")
    assert "[b]bold[/b]" in hit.snippet_text
    assert "[link=https://example.org]here[/link]" in hit.snippet_text
    assert "[@click=app.quit]quit[/]" in hit.snippet_text


@pytest.mark.parametrize("length", [20, 80, 160, 400])
def test_snippet_windows(length: int) -> None:
    segments = snippet(LONG_PARAGRAPH, {"ceasefire"}, length)
    text = "".join(s.text for s in segments)
    assert [s.text for s in segments if s.match] == ["ceasefire"]
    if len(LONG_PARAGRAPH) <= length * 1.25:
        assert text == LONG_PARAGRAPH
    else:
        assert len(text.strip(ELLIPSIS)) <= max(length, len("ceasefire"))


def test_the_window_goes_where_the_most_different_words_are() -> None:
    text = ("alpha " * 40) + "beta gamma " + ("filler " * 40) + "alpha beta gamma delta"
    segments = snippet(text, {"beta", "gamma", "delta"}, 60)
    assert [s.text for s in segments if s.match] == ["beta", "gamma", "delta"]


def test_no_words_no_marks() -> None:
    segments = snippet("Plain text.", set())
    assert [(s.text, s.match) for s in segments] == [("Plain text.", False)]
    assert snippet("", {"x"}) == ()


def test_a_cut_never_starts_or_ends_on_a_separator() -> None:
    parts = [f"part {n} says word{n} and then a good deal more to fill it up" for n in range(12)]
    text = " · ".join(parts)
    for n in range(12):
        segments = snippet(text, {f"word{n}"}, 60)
        inner = "".join(s.text for s in segments).strip(ELLIPSIS)
        assert not inner.startswith(("·", " ")) and not inner.endswith(("·", " "))
        assert [s.text for s in segments if s.match] == [f"word{n}"]


def test_the_snippet_window_stems_each_match_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Choosing the window is one pass over the matches: the work grows with their number, not
    with their number times the matches in a window."""
    import summitreader.search.highlight as highlight

    calls: list[str] = []
    real = highlight.stem

    def counted(word: str) -> str | None:
        calls.append(word)
        return real(word)

    monkeypatch.setattr(highlight, "stem", counted)
    text = "summit talks " * 2000
    segments = snippet(text, {"summit", "talks"})
    assert len(calls) == 4000
    assert [s.text for s in segments if s.match][:2] == ["summit", "talks"]
    assert len("".join(s.text for s in segments)) <= SNIPPET_LENGTH + 2


def test_the_window_holds_the_most_different_words() -> None:
    filler = "word " * 60
    text = f"{filler}alpha {filler}alpha beta gamma {filler}beta"
    shown = "".join(s.text for s in snippet(text, {"alpha", "beta", "gamma"}))
    assert "alpha beta gamma" in shown
