"""The app's stylesheet parses a piece of CSS once per process, and only with the same variables
(the theme): rules parsed with other variables, or CSS with errors, are never taken from before."""

from __future__ import annotations

import pytest
from textual.color import Color
from textual.css.stylesheet import StylesheetParseError

from summitreader.tui.shared_stylesheet import SharedStylesheet
from summitreader.tui.styling import StyleOnce

CSS = "Label.shared-test { color: $ink; }"


def sheet(ink: str, css: str = CSS) -> SharedStylesheet:
    made = SharedStylesheet(variables={"ink": ink})
    made.add_source(css, read_from=("test", "shared"))
    made.parse()
    return made


def color(made: SharedStylesheet) -> Color:
    (rule,) = made.rules
    value = rule.styles.color
    assert isinstance(value, Color)
    return value


def test_a_second_stylesheet_takes_the_rules_already_parsed() -> None:
    first, second = sheet("red"), sheet("red")
    assert second.rules == first.rules
    assert second.rules[0] is first.rules[0]
    assert color(second) == Color.parse("red")


def test_other_variables_give_rules_of_their_own() -> None:
    red, blue = sheet("red"), sheet("blue")
    assert color(red) == Color.parse("red")
    assert color(blue) == Color.parse("blue")


def test_a_reparse_with_new_variables_parses_with_them() -> None:
    made = sheet("red")
    made.set_variables({"ink": "green"})
    made.reparse()
    assert color(made) == Color.parse("green")
    assert isinstance(made.copy(), SharedStylesheet)


def test_css_with_errors_is_refused_every_time() -> None:
    for _ in range(2):
        made = SharedStylesheet(variables={"ink": "red"})
        made.add_source("Label { colour: red; }", read_from=("test", "bad"))
        with pytest.raises(StylesheetParseError):
            made.parse()


def test_the_app_uses_it() -> None:
    class Styled(StyleOnce):
        pass

    assert isinstance(Styled().stylesheet, SharedStylesheet)
