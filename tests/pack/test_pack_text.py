"""``clean_text``: what the loader and the CLI do to every piece of text before it is shown."""

from __future__ import annotations

import pytest

from summitreader.text import clean_text


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("plain text, “quotes” and émigré", "plain text, “quotes” and émigré"),
        ("tab\tand\nnewline", "tab\tand\nnewline"),
        ("\x1b[1;31mred\x1b[0m", "red"),
        ("\x1b[?1049h\x1b[2J\x1b[Hscreen", "screen"),
        ("\x1b]8;;https://x.example\x07link\x1b]8;;\x07", "link"),
        ("\x1b]0;title\x1b\\after", "after"),
        ("\x1bP+q544e\x1b\\dcs", "dcs"),
        ("\x1b_apc\x1b\\ok", "ok"),
        ("\x1bcreset", "reset"),
        ("\x1b7saved\x1b8", "saved"),
        ("\x1b(Bcharset \x1b#8", "charset "),
        ("keypad\x1b=\x1b>", "keypad"),
        ("\x9b2Jc1", "c1"),
        ("\x90dcs\x9c", ""),
        ("bell\x07 nul\x00 del\x7f bs\x08", "bell nul del bs"),
        ("\u202eevil\u202c \u202aa\u202b \u2066b\u2067\u2068c\u2069", "evil a bc"),
        ("crlf\r\nand cr\r", "crlf\nand cr\n"),
        ("[b]x[/b] [@click=app.quit] [link=x]", "[b]x[/b] [@click=app.quit] [link=x]"),
        (
            "\u200fRLM and \u200eLRM marks, e\u0301, 👩\u200d👩\u200d👧",
            "RLM and LRM marks, e\u0301, 👩\u200d👩\u200d👧",
        ),
    ],
)
def test_clean_text(raw: str, clean: str | None) -> None:
    assert clean_text(raw) == (raw if clean is None else clean)


def test_nothing_unsafe_survives_any_character() -> None:
    every = "".join(chr(c) for c in range(0x3000))
    kept = clean_text(every)
    unsafe = [
        c
        for c in kept
        if (ord(c) < 0x20 and c not in "\t\n")
        or 0x7F <= ord(c) <= 0x9F
        or 0x202A <= ord(c) <= 0x202E
        or 0x2066 <= ord(c) <= 0x2069
    ]
    assert unsafe == []
