"""An article over the pack loader's limits is refused before any card is made: an article of
many thousand short headings was refused only after its cards were all drafted."""

from __future__ import annotations

from pathlib import Path

import pytest

from summitreader.authoring import AuthoringError, add_article
from summitreader.authoring.cards import Chooser


def test_an_article_with_too_many_sections_is_refused_before_any_card_is_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    considered: list[str] = []
    real_take = Chooser.take

    def counting_take(self: Chooser, card):  # type: ignore[no-untyped-def]
        considered.append(card.answer)
        return real_take(self, card)

    # The real chooser, watched: every card drafted is offered to it.
    monkeypatch.setattr(Chooser, "take", counting_take)
    headings = "".join(
        f"## Heading number {n} of a document with very many headings\n\n"
        f"In July 1914 some 3,000 soldiers of the regiment marched to the front line.\n\n"
        for n in range(12_000)
    )
    source = tmp_path / "headings.md"
    source.write_text("# Headings\n\n" + headings, encoding="utf-8")
    library = tmp_path / "library"
    with pytest.raises(AuthoringError, match=r"12,000 sections: their list \(pack\.yaml\)"):
        add_article(source, library)
    assert considered == []
    assert not library.exists() or list(library.iterdir()) == []


def test_an_article_under_the_limits_still_gets_its_cards(tmp_path: Path) -> None:
    text = "# Regiments\n\n" + "".join(
        f"## Regiment {n}\n\nIn July 1914 some {n},000 soldiers of regiment {n} marched away.\n\n"
        for n in range(1, 6)
    )
    source = tmp_path / "regiments.md"
    source.write_text(text, encoding="utf-8")
    added = add_article(source, tmp_path / "library")
    assert added.sections == 5
    assert added.cards > 0
