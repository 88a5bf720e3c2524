"""The progress import fuzzed as the pack loader is: any bytes, any document made of valid and
hostile values, and the import either refuses it (a message, the store untouched) or accepts
records the app can use all the way through. Bounded, so it runs in CI in seconds; set
SUMMITREADER_FUZZ_EXAMPLES to try more examples."""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summitreader.progress import Store, open_store
from summitreader.progress.exchange import (
    ExchangeError,
    export_progress,
    import_progress,
    read_document,
    write_document,
)
from summitreader.text import clean_text
from support.clock import Clock
from support.progress_pack import assert_usable, fsrs_state, good_document, make_pack

EXAMPLES = int(os.environ.get("SUMMITREADER_FUZZ_EXAMPLES", "25"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
PACK = make_pack()

# -- values, valid and hostile -------------------------------------------------------------------

zones = st.builds(
    dt.timezone,
    st.timedeltas(min_value=dt.timedelta(hours=-23, minutes=-59), max_value=dt.timedelta(hours=23)),
)
recent = st.datetimes(
    min_value=dt.datetime(2025, 1, 1), max_value=dt.datetime(2026, 3, 2), timezones=zones
)
anywhen = st.datetimes(timezones=zones)  # from year 1 to 9999
times = st.one_of(
    recent.map(dt.datetime.isoformat),
    anywhen.map(dt.datetime.isoformat),
    st.datetimes().map(dt.datetime.isoformat),  # no time zone
    st.sampled_from(["9999-12-31T23:59:59+00:00", "0001-01-01T00:00:00+00:00", "yesterday", ""]),
)
hostile_text = st.sampled_from(
    [
        "\x1b]0;owned\x07",
        "\x1b]52;c;b3duZWQ=\x07",
        "\x1b[6n",
        "\x1b[2J",
        "\x9b31m",
        "\x9d0;x\x9c",
        "\u202eevil\u202c",
        "\u2066",
        "\x85",
        "\ud800",
        "\udfff",
        "[b]markup[/b]",
        "\r\n",
    ]
)
texts = st.one_of(
    st.text(max_size=20),
    hostile_text,
    st.lists(st.one_of(st.text(max_size=5), hostile_text), max_size=5).map("".join),
)
numbers = st.one_of(
    st.integers(min_value=-5, max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.just(10**400),
)
json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), numbers, texts),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(texts, inner, max_size=3)),
    max_leaves=8,
)


def anything(valid: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Mostly ``valid``, sometimes any JSON value."""
    return st.one_of(valid, valid, valid, json_values)


sections = anything(st.sampled_from(["opening", "middle", "ending", "gone"]))
paragraphs = anything(st.integers(min_value=0, max_value=5))


@st.composite
def card_states(draw: st.DrawFn) -> Any:
    state = fsrs_state(
        draw(st.datetimes(min_value=dt.datetime(2025, 1, 1), timezones=st.just(dt.UTC))),
        draw(st.sampled_from([1, 2, 3])),
        draw(st.one_of(st.none(), recent)),
    )
    for key in draw(st.lists(st.sampled_from(sorted(state)), max_size=2, unique=True)):
        state[key] = draw(st.one_of(json_values, times))
    if draw(st.booleans()):
        del state[draw(st.sampled_from(sorted(state)))]
    return state


def records(fields: dict[str, st.SearchStrategy[Any]]) -> st.SearchStrategy[Any]:
    return st.lists(anything(st.fixed_dictionaries(fields)), max_size=3)


def document_of(**kinds: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {
            "format": st.just("summitreader-progress"),
            "version": st.just(1),
            "pack": st.just({"id": PACK.id}),
            **kinds,
        }
    )


# Documents an import must accept: hostile texts (they are cleaned), times in any time zone.
clean_texts = st.one_of(
    st.text(max_size=20),
    st.lists(st.one_of(st.text(max_size=5), hostile_text), max_size=5)
    .map("".join)
    .filter(lambda text: text.encode("utf-8", "surrogatepass") == text.encode("utf-8", "ignore")),
)
past = recent.map(dt.datetime.isoformat)
finite = st.one_of(st.integers(-5, 10**30), st.floats(allow_nan=False, allow_infinity=False))
clean_values = st.recursive(
    st.one_of(st.none(), st.booleans(), finite, clean_texts),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(clean_texts, inner, max_size=3)
    ),
    max_leaves=8,
)
ids = st.sampled_from(["opening", "middle", "ending", "gone"])
small = st.integers(min_value=0, max_value=5)
cards = st.sampled_from(["card-one", "card-two", "gone"])
valid_documents = document_of(
    position=st.one_of(
        st.none(),
        st.fixed_dictionaries(
            {"section": ids, "paragraph": small, "scroll": st.floats(0, 1e6), "updated": past}
        ),
    ),
    read_sections=st.lists(st.fixed_dictionaries({"section": ids, "read_at": past}), max_size=3),
    reread_queue=st.lists(st.fixed_dictionaries({"section": ids, "queued_at": past}), max_size=3),
    bookmarks=st.lists(
        st.fixed_dictionaries({"section": ids, "paragraph": small, "created": past}), max_size=3
    ),
    notes=st.lists(
        st.fixed_dictionaries(
            {
                "uid": st.sampled_from(["u1", "u2", "u3"]),
                "section": ids,
                "paragraph": small,
                "text": clean_texts,
                "created": past,
                "updated": past,
            }
        ),
        max_size=3,
        unique_by=lambda note: note["uid"],  # one uid twice is refused
    ),
    card_states=st.lists(
        st.fixed_dictionaries(
            {
                "card_id": cards,
                "state": st.builds(
                    fsrs_state,
                    st.datetimes(
                        min_value=dt.datetime(2025, 1, 1),
                        max_value=dt.datetime(2100, 1, 1),
                        timezones=st.just(dt.UTC),
                    ),
                    st.sampled_from([1, 2, 3]),
                    st.one_of(st.none(), recent),
                ),
                "updated": past,
            }
        ),
        max_size=3,
    ),
    reviews=st.lists(
        st.fixed_dictionaries(
            {
                "card_id": cards,
                "rating": st.integers(1, 4),
                "reviewed_at": past,
                "duration_ms": st.one_of(st.none(), small),
                "answer": st.one_of(st.none(), clean_texts),
                "prior_state": st.one_of(st.none(), st.sampled_from([1, 2, 3])),
                "due": st.one_of(st.none(), past),
            }
        ),
        max_size=4,
    ),
    settings=st.lists(
        st.fixed_dictionaries(
            {"key": st.sampled_from(["theme", "x"]), "value": clean_values, "updated": past}
        ),
        max_size=3,
    ),
)

documents = st.fixed_dictionaries(
    {
        "format": st.just("summitreader-progress"),
        "version": st.just(1),
        "pack": st.just({"id": PACK.id}),
        "position": st.one_of(
            st.none(),
            anything(
                st.fixed_dictionaries(
                    {
                        "section": sections,
                        "paragraph": paragraphs,
                        "scroll": numbers,
                        "updated": times,
                    }
                )
            ),
        ),
        "read_sections": records({"section": sections, "read_at": times}),
        "reread_queue": records({"section": sections, "queued_at": times}),
        "bookmarks": records({"section": sections, "paragraph": paragraphs, "created": times}),
        "notes": records(
            {
                "uid": anything(st.sampled_from(["u1", "u2"])),
                "section": sections,
                "paragraph": paragraphs,
                "text": texts,
                "created": times,
                "updated": times,
            }
        ),
        "card_states": records(
            {
                "card_id": anything(st.sampled_from(["card-one", "card-two"])),
                "state": anything(card_states()),
                "updated": times,
            }
        ),
        "reviews": records(
            {
                "card_id": anything(st.sampled_from(["card-one", "card-two"])),
                "rating": anything(st.integers(min_value=1, max_value=4)),
                "reviewed_at": times,
                "duration_ms": st.one_of(st.none(), paragraphs),
                "answer": st.one_of(st.none(), texts),
                "prior_state": st.one_of(st.none(), anything(st.sampled_from([1, 2, 3]))),
                "due": st.one_of(st.none(), times),
            }
        ),
        "settings": records(
            {
                "key": anything(st.sampled_from(["theme", "new_per_day"])),
                "value": json_values,
                "updated": times,
            }
        ),
    }
)


# -- a fresh store for each example --------------------------------------------------------------


@pytest.fixture
def fresh_store(tmp_path: Path) -> Iterator[Any]:
    folders = itertools.count()

    def make() -> Store:
        return open_store(tmp_path / f"store-{next(folders)}", PACK, clock=Clock(NOW))

    yield make


def import_or_refuse(store: Store, document: Any) -> bool:
    """Import ``document``; True if accepted. A refusal must leave the store as it was."""
    before = export_progress(store)
    try:
        import_progress(store, copy.deepcopy(document))
    except ExchangeError as error:
        message = str(error)
        assert message and "\n" not in message and clean_text(message) == message
        assert export_progress(store) == before
        return False
    return True


@FUZZ
@given(document=documents)
def test_any_document_is_refused_with_a_message_or_usable(fresh_store: Any, document: Any) -> None:
    with fresh_store() as store:
        store.add_note("opening", 1, "already here")
        if import_or_refuse(store, document):
            assert_usable(store)


@FUZZ
@given(document=valid_documents)
def test_a_valid_document_is_accepted_cleaned_and_merges_back_to_itself(
    fresh_store: Any, document: Any
) -> None:
    with fresh_store() as store:
        store.add_note("opening", 1, "already here")
        import_progress(store, copy.deepcopy(document))
        assert_usable(store)
        exported = export_progress(store)
        text = json.dumps(exported, ensure_ascii=False, allow_nan=False)
        assert clean_text(text) == text  # every text was cleaned where it entered
        assert sum(import_progress(store, exported).values()) == 0  # merging again: nothing new
        with fresh_store() as other:  # and the export imports whole, to the same progress
            import_progress(other, exported)
            assert export_progress(other) == exported


@FUZZ
@given(document=documents, position=st.integers(min_value=0, max_value=7))
def test_one_bad_record_among_good_ones_refuses_all_of_them(
    fresh_store: Any, document: Any, position: int
) -> None:
    with fresh_store() as store:
        good = good_document(store, Clock(NOW))
        kinds = ["read_sections", "reread_queue", "bookmarks", "notes", "card_states", "reviews"]
        kind = kinds[position % len(kinds)]
        mixed = copy.deepcopy(good)
        mixed[kind] = [*good[kind], *document[kind]]
        before = export_progress(store)
        try:
            import_progress(store, mixed)
        except ExchangeError as error:
            assert str(error).startswith(kind)
            assert export_progress(store) == before
        else:
            assert_usable(store)


@settings(
    max_examples=6 * EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(content=st.one_of(st.binary(max_size=200), documents.map(json.dumps).map(str.encode)))
def test_any_bytes_are_read_or_refused_with_a_message(tmp_path: Path, content: bytes) -> None:
    for prefix in (b"", b"\xef\xbb\xbf"):
        path = tmp_path / "in.json"
        path.write_bytes(prefix + content)
        try:
            document = read_document(path)
        except ExchangeError as error:
            assert str(error) and "\n" not in str(error)
        else:
            assert isinstance(document, dict)


@FUZZ
@given(document=documents)
def test_an_accepted_document_exports_to_a_file_that_reads_back(
    fresh_store: Any, tmp_path: Path, document: Any
) -> None:
    with fresh_store() as store:
        if not import_or_refuse(store, document):
            return
        path = tmp_path / "out.json"
        write_document(export_progress(store), path)
        assert read_document(path) == export_progress(store)
