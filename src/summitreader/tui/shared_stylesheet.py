"""A stylesheet whose parsed rules are shared by every app of the process.

Textual's stylesheet keeps the rules it parsed only for itself, and a refresh of the CSS parses
them again in a new stylesheet: every app parses the same app and widget CSS afresh (a tenth of
starting an app), and every refresh parses all of it again. The rules of a piece of CSS depend
only on its text, where it was read from, its priority and scope, and the CSS variables (the
theme): keyed by all of those, a parse is done once per process and its rules are shared, as one
stylesheet already shares them between its own parses. Nothing changes a parsed rule set.
"""

from __future__ import annotations

from textual.cache import LRUCache
from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet
from textual.css.types import CSSLocation

ParseKey = tuple[str, CSSLocation, bool, int, str, tuple[tuple[str, str], ...]]

_PARSED: LRUCache[ParseKey, list[RuleSet]] = LRUCache(1024)
"""The rules of each piece of CSS parsed in this process, with what they were parsed with."""


class SharedStylesheet(Stylesheet):
    """Textual's stylesheet, parsing each piece of CSS once per process (see the module)."""

    def __init__(self, *, variables: dict[str, str] | None = None) -> None:
        super().__init__(variables=variables)
        self._variables_key = _frozen(self._variables)

    def set_variables(self, variables: dict[str, str]) -> None:
        super().set_variables(variables)
        self._variables_key = _frozen(self._variables)

    def _parse_rules(
        self,
        css: str,
        read_from: CSSLocation,
        is_default_rules: bool = False,
        tie_breaker: int = 0,
        scope: str = "",
    ) -> list[RuleSet]:
        key: ParseKey = (css, read_from, is_default_rules, tie_breaker, scope, self._variables_key)
        try:
            return _PARSED[key]
        except KeyError:
            pass
        rules = super()._parse_rules(css, read_from, is_default_rules, tie_breaker, scope)
        _PARSED[key] = rules
        return rules

    def copy(self) -> SharedStylesheet:
        stylesheet = SharedStylesheet(variables=self._variables.copy())
        stylesheet.source = self.source.copy()
        return stylesheet

    def reparse(self) -> None:
        # Textual's own, in a stylesheet of this kind: parsed in a fresh one, so that an error
        # leaves this one as it was.
        stylesheet = SharedStylesheet(variables=self._variables)
        for read_from, (css, is_defaults, tie_breaker, scope) in self.source.items():
            stylesheet.add_source(
                css,
                read_from=read_from,
                is_default_css=is_defaults,
                tie_breaker=tie_breaker,
                scope=scope,
            )
        try:
            stylesheet.parse()
        except Exception:
            self._invalid_css.update(stylesheet._invalid_css)
            raise
        self._rules = stylesheet.rules
        self._rules_map = None
        self.source = stylesheet.source
        self._require_parse = False


def _frozen(variables: dict[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(variables.items()))
