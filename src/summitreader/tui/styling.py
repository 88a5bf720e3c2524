"""The stylesheet applied again only when what it depends on changed (mixed into the app).

Textual refreshes the whole CSS twice on a screen's first showing: once when its mode is made and
once when it is switched to, as a new screen has never seen a refresh. Each refresh parses every
rule of the app and of every widget type met so far afresh, and styles every widget of the screen
again: half a second or more of a first visit on a slow machine, for nothing, since a screen's
widgets are styled as they are mounted. The rules change only with the theme (its name, its
variables, the terminal's own colours); a widget type met for the first time adds its own rules,
and the stylesheet parses only those. So a refresh is done when the theme changed since the
screens it styles were last styled, and otherwise skipped.

Each showing of a screen also styles all its widgets again as it resumes (twice on its first
showing). A top-level screen (:class:`StyledScreen`) skips that when it is styled by the rules
of now: the switch refreshed it if the theme changed while it was away.
"""

from __future__ import annotations

from typing import Any
from weakref import WeakKeyDictionary

from textual import events, on
from textual.app import App
from textual.screen import Screen

from summitreader.tui.shared_stylesheet import SharedStylesheet

CssInputs = tuple[str, object, tuple[tuple[str, str], ...]]
"""The theme's name, the terminal's colours and the CSS variables: what the rules depend on."""


class StyleOnce(App[None]):
    """The app's part that refreshes its CSS only when the rules would change."""

    _sheet_inputs: CssInputs | None = None
    """What the stylesheet's rules were last parsed with."""
    _screens_styled: WeakKeyDictionary[Screen[Any], CssInputs] | None = None
    css_refreshes = 0
    """How many times the CSS was parsed and applied again."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Rules parsed once per process, whichever app parses them first.
        self.stylesheet = SharedStylesheet(variables=self.get_css_variables())

    def refresh_css(self, animate: bool = True) -> None:
        inputs: CssInputs = (
            self.theme,
            self.ansi_theme,
            tuple(self.get_css_variables().items()),
        )
        styled = self._styled_with()
        # Textual refreshes the screen shown and those stacked under it. A screen not seen here
        # yet was styled as it was mounted, with the stylesheet as it is.
        screens = set(self.screen_stack)
        current = self._sheet_inputs == inputs
        if current and all(styled.get(screen, inputs) == inputs for screen in screens):
            for screen in screens:
                styled[screen] = inputs
            return
        super().refresh_css(animate)
        self._sheet_inputs = inputs
        for screen in screens:
            styled[screen] = inputs
        self.css_refreshes += 1

    def _styled_with(self) -> WeakKeyDictionary[Screen[Any], CssInputs]:
        """What each screen was last styled with."""
        if self._screens_styled is None:
            self._screens_styled = WeakKeyDictionary()
        return self._screens_styled

    def styles_current(self, screen: Screen[Any]) -> bool:
        """Whether ``screen`` was last styled by the stylesheet's rules as they are."""
        inputs = self._sheet_inputs
        return inputs is not None and self._styled_with().get(screen) == inputs


class StyledScreen(Screen[None]):
    """A top-level screen, styled again as it resumes only when its styles are out of date."""

    @on(events.ScreenResume)
    def _keep_current_styles(self, event: events.ScreenResume) -> None:
        app = self.app
        if isinstance(app, StyleOnce) and app.styles_current(self):
            event.refresh_styles = False
