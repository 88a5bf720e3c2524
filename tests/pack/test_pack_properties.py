"""Property-based tests of the loader, the way trusted parsers are fuzzed: whatever a pack's files
hold, loading gives a pack or a :class:`PackError` whose every line can be printed, never another
exception. Bounded for CI (a few hundred examples in all)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summitreader.pack import Pack, PackError, load_pack
from summitreader.pack.markdown import inline_runs
from summitreader.text import clean_text
from support.packs import FILES, write_pack

PROPERTY = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
YAML_FILES = sorted(name for name in FILES if name.endswith(".yaml"))

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.sampled_from(
        ["opening", "helsinki", "2018-07-16", "https://example.org", "typed", "9" * 5000]
    ),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(
            st.one_of(
                st.sampled_from(["id", "title", "text", "passage", "paragraph", "section", "kind"]),
                st.text(max_size=8),
            ),
            inner,
            max_size=4,
        ),
    ),
    max_leaves=12,
)


def load(overrides: dict[str, str | bytes]) -> Pack | PackError:
    with tempfile.TemporaryDirectory() as folder:
        root = write_pack(Path(folder) / "pack", overrides)
        try:
            return load_pack(root)
        except PackError as error:
            return error


def assert_printable(result: Pack | PackError) -> None:
    if isinstance(result, PackError):
        assert result.problems
        report = result.report()
        report.encode("utf-8")  # no lone surrogate
        assert clean_text(report) == report  # nothing that could drive a terminal


@PROPERTY
@given(name=st.sampled_from(YAML_FILES), text=st.text(max_size=400))
def test_any_text_in_a_yaml_file(name: str, text: str) -> None:
    assert_printable(load({name: text}))


@PROPERTY
@given(name=st.sampled_from(YAML_FILES), data=st.binary(max_size=300))
def test_any_bytes_in_a_yaml_file(name: str, data: bytes) -> None:
    assert_printable(load({name: data}))


@PROPERTY
@given(name=st.sampled_from(YAML_FILES), value=values)
def test_any_yaml_value_as_a_file(name: str, value: object) -> None:
    assert_printable(load({name: yaml.safe_dump(value, allow_unicode=True)}))


@PROPERTY
@given(
    name=st.sampled_from(YAML_FILES),
    field=st.sampled_from(
        ["id", "title", "text", "passage", "answer", "date", "sources", "issues", "about"]
    ),
    value=values,
)
def test_any_value_in_place_of_a_field(name: str, field: str, value: object) -> None:
    document = yaml.safe_load(FILES[name])
    entries = document["sections"] if name == "pack.yaml" else document
    entries[0][field] = value
    assert_printable(load({name: yaml.safe_dump(document, allow_unicode=True)}))


@PROPERTY
@given(text=st.text(max_size=600))
def test_any_text_as_a_section(text: str) -> None:
    result = load({"sections/02-lists.md": text})
    assert_printable(result)
    if isinstance(result, Pack):
        for paragraph in result.sections[1].paragraphs:
            assert paragraph.text == "".join(run.text for run in paragraph.runs)


markdown_text = st.text(alphabet=st.sampled_from(list("*_[]`!#- \nab")), max_size=300)
"""Without ``(`` and ``)``: a link's destination is not text to read (``[a](b)`` reads "a"), so
the letters-kept property holds only where no link can form; links are tested below."""


@settings(max_examples=200, deadline=None)
@given(text=markdown_text)
def test_inline_markdown_keeps_every_word(text: str) -> None:
    runs = inline_runs(text)
    plain = "".join(run.text for run in runs)
    # Markup characters may go; the letters never do, nor change order.
    letters = [c for c in " ".join(text.split()) if c in "ab"]
    assert [c for c in plain if c in "ab"] == letters
    assert all(run.text for run in runs)


@pytest.mark.parametrize(
    ("source", "texts", "urls"),
    [
        ("[a](b)", ["a"], ["b"]),
        ("[](a)", ["a"], ["a"]),  # no text: where it goes is shown, not nothing
        ("see ![](pic.png) here", ["see ", "pic.png", " here"], [None, "pic.png", None]),
        ("[**](u)", ["**"], ["u"]),
    ],
)
def test_a_link_reads_as_its_text_or_where_it_goes(
    source: str, texts: list[str], urls: list[str | None]
) -> None:
    runs = inline_runs(source)
    assert [run.text for run in runs] == texts
    assert [run.url for run in runs] == urls
