"""An optional pack file that is a symbolic link to nothing, or a loop of links, is a problem named
with the file, not a file silently left out."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from summitreader.pack import PackError, load_pack

MakePack = Callable[..., Path]


def problems(root: Path) -> list[str]:
    with pytest.raises(PackError) as caught:
        load_pack(root)
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize("name", ["notes.yaml", "issues.yaml", "takeaways.yaml"])
def test_a_dangling_link_is_reported(make_pack: MakePack, name: str) -> None:
    root = make_pack({name: None})
    (root / name).symlink_to(root / "nowhere.yaml")
    assert f"{name}:1:1: the file is a symbolic link that leads to no file" in problems(root)


def test_a_loop_of_links_is_reported(make_pack: MakePack) -> None:
    root = make_pack({"notes.yaml": None})
    (root / "notes.yaml").symlink_to(root / "other.yaml")
    (root / "other.yaml").symlink_to(root / "notes.yaml")
    assert "notes.yaml:1:1: the file is a symbolic link that leads to no file" in problems(root)
