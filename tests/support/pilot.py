"""Waiting on a condition of the app under Pilot, never on a moment.

Under load, a key can reach the app before the screen it was meant for has mounted or given the
focus to its input; a worker can still be running when the test looks. These helpers poll the
app's state with short pauses, up to a generous overall deadline, and fail with a message naming
what was awaited. None of them makes the test slower when the machine is quiet.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Footer, Input, TextArea
from textual.widgets._footer import FooterKey

DEADLINE = 30.0  # seconds: generous, for a loaded machine; a quiet one needs milliseconds
STEP = 0.01


async def wait_until(
    pilot: Pilot, condition: Callable[[], object], what: str = "", deadline: float = DEADLINE
) -> None:
    """Pause until ``condition()`` is true; fail after ``deadline`` seconds, saying what the
    app showed then (its screens and notices), so that a failure under load can be read."""
    end = time.monotonic() + deadline
    while not condition():
        if time.monotonic() > end:
            raise AssertionError(
                f"waited {deadline:.0f} s for {what or condition}; {app_state(pilot)}"
            )
        await pilot.pause(STEP)


def app_state(pilot: Pilot) -> str:
    """The app's screen stack and the notices it shows, for a failure message."""
    app = pilot.app
    screens = " > ".join(type(screen).__name__ for screen in app.screen_stack)
    notices = [str(notice.message) for notice in app._notifications]
    workers = [f"{worker.name}: {worker.state.name}" for worker in app.workers]
    return f"screens: {screens}; notices: {notices}; workers: {workers}"


async def wait_for_input(pilot: Pilot) -> Input | TextArea:
    """Wait until a text box on the top screen has the focus, and return it."""
    app = pilot.app
    await wait_until(
        pilot,
        lambda: isinstance(app.focused, Input | TextArea) and app.focused.screen is app.screen,
        "a text box to have the focus",
    )
    focused = app.focused
    assert isinstance(focused, Input | TextArea)
    return focused


async def type_text(pilot: Pilot, text: str, *then: str) -> None:
    """Type ``text`` into the focused text box once it has the focus (no key is lost), check it
    arrived, then press ``then`` (e.g. "enter")."""
    box = await wait_for_input(pilot)
    await pilot.press(*text)
    await wait_until(pilot, lambda: text in _value(box), f"{text!r} in the text box")
    if then:
        await pilot.press(*then)


def _value(box: Input | TextArea) -> str:
    return box.value if isinstance(box, Input) else box.text


async def settle(pilot: Pilot) -> None:
    """Make the screen still before a screenshot: workers done, no cursor blink, no toast (toasts
    expire on a timer), animations over."""
    app = pilot.app
    await app.workers.wait_for_complete()
    for box in app.screen.query("Input, TextArea"):
        if isinstance(box, Input | TextArea):
            box.cursor_blink = False
    app.clear_notifications()
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


def footer_keys(screen: Screen[object]) -> tuple[list[FooterKey], int]:
    """The keys ``screen``'s footer shows (the palette's left out) and the column where the
    palette key starts: a key reaching past it is cut. A key the footer hides (``display`` off,
    as a key that gives way is) or that is laid out nowhere on screen is not shown."""
    keys = [k for k in screen.query_one(Footer).walk_children() if isinstance(k, FooterKey)]
    palette = next(k.region.x for k in keys if k.key == "ctrl+p")
    return [k for k in keys if k.key != "ctrl+p" and shown(k)], palette


def shown(key: FooterKey) -> bool:
    """Whether ``key`` and every container above it are displayed, with room on screen."""
    return all(node.display for node in key.ancestors_with_self if hasattr(node, "display")) and (
        key.region.width > 0
    )
