"""A small pack written to disk whose section holds code blocks and numbered lists, as ``add``
writes them from a page (a blank line of code as a no-break space) and as a person writes them
(a real blank line inside a fence, a block indented four spaces)."""

from __future__ import annotations

from pathlib import Path

PACK_YAML = """\
id: codetest
title: A Pack with Code and Lists
subtitle: Its standfirst.
source: Written for the tests.
sections:
  - {id: usage, title: Basic usage, file: sections/01-usage.md}
"""
LONG_ITEM = (
    "Scouts leave the camp early in the morning, before the sun comes up over the hills "
    "and the long valley below, and walk on until noon."
)
USAGE_MD = f"""\
Create a new project with Cargo:

```
$ cargo new docs --lib
$ cd docs
```

Replace the sample code with this:

```rust
#![allow(unused)]
fn main() {{
/// foo is a function
\u00a0
fn foo() {{}}

}}
```

The terms:

0. Definitions.

1. {LONG_ITEM}

1. Lazy numbering goes on from the list's start.

Between the lists.

3) Third, as written.

- A bullet stays a bullet.

An indented listing:

    let x = 1;
    let y = *x;
"""


def write_code_pack(folder: Path) -> Path:
    (folder / "sections").mkdir(parents=True, exist_ok=True)
    (folder / "pack.yaml").write_text(PACK_YAML, encoding="utf-8")
    (folder / "sections" / "01-usage.md").write_text(USAGE_MD, encoding="utf-8")
    return folder
