"""Code blocks are paragraphs of their own lines, read as written; list items keep their own
numbers (a list's start included), read through the real loader."""

from __future__ import annotations

from pathlib import Path

from summitreader.pack import load_pack
from summitreader.pack.markdown import split_paragraphs
from support.code_pack import LONG_ITEM, write_code_pack


def _paragraphs(tmp_path: Path):
    pack = load_pack(write_code_pack(tmp_path / "pack"))
    return pack.sections[0].paragraphs


def test_a_fenced_block_is_one_paragraph_of_lines(tmp_path: Path):
    paragraphs = _paragraphs(tmp_path)
    cargo = paragraphs[1]
    assert cargo.code and not cargo.list_item
    assert cargo.text == "$ cargo new docs --lib\n$ cd docs"
    rust = paragraphs[3]
    assert rust.code
    assert rust.text.split("\n") == [
        "#![allow(unused)]",
        "fn main() {",
        "/// foo is a function",
        "",
        "fn foo() {}",
        "",
        "}",
    ]
    assert paragraphs[4].text == "The terms:"  # the real blank line did not end the block


def test_list_items_keep_their_numbers(tmp_path: Path):
    items = [(p.marker, p.text) for p in _paragraphs(tmp_path) if p.list_item]
    assert items == [
        ("0.", "Definitions."),
        ("1.", LONG_ITEM),
        ("2.", "Lazy numbering goes on from the list's start."),
        ("3)", "Third, as written."),
        ("•", "A bullet stays a bullet."),
    ]


def test_an_indented_block_is_code_but_not_under_a_list_item():
    paragraphs = split_paragraphs("s", "Text.\n\n    let x = 1;\n    let y = *x;\n")
    assert paragraphs[1].code and paragraphs[1].text == "let x = 1;\nlet y = *x;"
    under_item = split_paragraphs("s", "1. An item.\n\n    Its second paragraph.\n")
    assert not under_item[1].code


def test_code_is_not_read_as_inline_markdown():
    (block,) = split_paragraphs("s", "```\nlet *a* = _b_ + [c](d);\n```")
    assert block.text == "let *a* = _b_ + [c](d);"
    assert [run.text for run in block.runs] == [block.text]
