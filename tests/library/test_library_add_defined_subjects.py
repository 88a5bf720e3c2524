"""Rule 2's defined subject: a sentence that defines its subject (``Chlorophyll is a green
pigment …``) hides it when the article names it again; a subject named once, or a stop word
(``It is a truth …``), is never hidden. Real command line, real pack loaded from the library."""

from __future__ import annotations

from summitreader.cli import main
from summitreader.pack import load_pack

ARTICLE = """\
Chlorophyll is a green pigment that catches the light in the leaves of plants and algae.

Without enough light the leaves turn pale, because the plant makes less chlorophyll in them.

It is a truth that plants need water as much as light to grow in any garden at all.

Everything is a matter of patience for a gardener who waits for the seeds to grow again.
"""


def test_a_subject_defined_and_named_again_is_hidden_and_no_other(capsys, tmp_path):
    article = tmp_path / "leaves.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    data = tmp_path / "data"
    code = main(["--data-dir", str(data), "--cache-dir", str(data / "cache"), "add", str(article)])
    _, err = capsys.readouterr()
    assert code == 0, err
    (folder,) = (data / "library").iterdir()
    pack = load_pack(folder)
    assert [(c.prompt, c.answer) for c in pack.cards] == [
        (
            "{{Chlorophyll}} is a green pigment that catches the light in the leaves of plants "
            "and algae.",
            "Chlorophyll",
        )
    ]
    assert pack.cards[0].passage.paragraph == 1
