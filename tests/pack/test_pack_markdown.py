"""Inline Markdown: parsed by markdown-it-py's delimiter rules (whose time grows with the text, not
its square), once per paragraph when the pack is loaded, never again when it is shown.

How long hostile paragraphs take is measured in ``benchmarks/run.py`` (``markdown``), not here."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from summitreader.pack import load_pack
from summitreader.pack.markdown import INLINE_RULES, inline_runs, parser, split_paragraphs
from summitreader.pack.model import Run

MakePack = Callable[..., Path]
HOSTILE = {
    "emphasis": "*a " * 4000,
    "strong": "**a " * 3000,
    "underscore": "_a " * 4000,
    "link": "[a " * 4000,
    "link-target": "[a](" * 3000,
    "mixed": "**[_a " * 2000,
}


def test_inline_markdown_is_read_by_markdown_it_with_only_its_inline_rules() -> None:
    md = parser()
    enabled = set(md.get_active_rules()["inline"])
    assert set(INLINE_RULES) <= enabled
    assert not enabled & {"html_inline", "autolink", "entity", "linkify"}
    assert md.get_active_rules()["block"] == ["paragraph"]


@pytest.mark.parametrize(
    ("markdown", "runs"),
    [
        ("plain", [Run("plain")]),
        ("a **b** *c* _d_ `e`", [
            Run("a "), Run("b", strong=True), Run(" "), Run("c", emphasis=True), Run(" "),
            Run("d", emphasis=True), Run(" "), Run("e", code=True),
        ]),
        ("see [the text](https://example.org/x y) now", [
            Run("see [the text](https://example.org/x y) now"),
        ]),
        ("see [the text](https://example.org/x) now", [
            Run("see "), Run("the text", url="https://example.org/x"), Run(" now"),
        ]),
        ("- **Lead:** the point", [Run("Lead:", strong=True), Run(" the point")]),
        ("## A heading", [Run("A heading")]),
        ("[b]markup[/b] <b>html</b> &amp;", [Run("[b]markup[/b] <b>html</b> &amp;")]),
        ("a [link](javascript:alert(1))", [Run("a "), Run("link", url="javascript:alert(1)")]),
    ],
)
def test_inline_runs(markdown: str, runs: list[Run]) -> None:
    assert inline_runs(markdown) == runs


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_unclosed_openers_are_kept_as_text(name: str) -> None:
    text = HOSTILE[name].strip()
    runs = inline_runs(text)
    assert "".join(run.text for run in runs) == " ".join(text.split())
    assert not any(run.strong or run.emphasis or run.url for run in runs)


def test_paragraphs_are_parsed_once_when_loaded(make_pack: MakePack) -> None:
    pack = load_pack(make_pack())
    for section in pack.sections:
        for paragraph in section.paragraphs:
            assert paragraph.runs == tuple(inline_runs(paragraph.markdown))
            assert paragraph.text == "".join(run.text for run in paragraph.runs)
    third = pack.sections[0].paragraphs[2]
    assert Run("emphasis", emphasis=True) in third.runs


def test_splitting_parses_each_paragraph_once(monkeypatch: pytest.MonkeyPatch) -> None:
    md = parser()
    calls: list[str] = []
    original = md.parseInline

    def counted(src: str, env: object = None) -> object:
        calls.append(src)
        return original(src, env)

    monkeypatch.setattr(md, "parseInline", counted)
    paragraphs = split_paragraphs("s", "one *a*\n\ntwo **b**\n\n- three `c`\n\nfour, plain")
    assert [p.text for p in paragraphs] == ["one a", "two b", "three c", "four, plain"]
    # A paragraph with nothing inline Markdown could style is not parsed at all.
    assert calls == ["one *a*", "two **b**", "three `c`"]
