"""Rule 4: a card whose answer holds another's answer (``29 June 2007`` and ``2007``) gives it
away once answered: only the first is kept."""

from __future__ import annotations

from summitreader.authoring.cards import CardDraft, Chooser


def draft(prompt: str, answer: str) -> CardDraft:
    return CardDraft("date", prompt, answer, 0, 1)


def test_an_answer_holding_a_kept_answer_is_left_out_and_the_other_way_round():
    chooser = Chooser()
    dated = draft("Version 3 of the licence is dated {{29 June 2007}}.", "29 June 2007")
    assert chooser.take(dated)
    assert not chooser.take(
        draft("Copyright {{2007}} Free Software Foundation, who publish it.", "2007")
    )
    other = Chooser()
    assert other.take(draft("Copyright {{2007}} Free Software Foundation, who publish it.", "2007"))
    assert not other.take(
        draft("Version 3 of the licence is dated {{29 June 2007}}.", "29 June 2007")
    )
    assert other.take(draft("The licence has {{17}} sections of terms and conditions.", "17"))
