"""Write the output of ``lagebild demo`` into README.md, from the code as it is now.

The README shows the demo's table between ``<!-- demo output -->`` and
``<!-- /demo output -->``; ``tests/test_readme.py`` fails when that block and this
script's output differ, so the README never shows output the code no longer gives.

    python scripts/readme_demo.py           # rewrite the block
    python scripts/readme_demo.py --check   # exit 1 when the block is out of date
"""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

from rich.console import Console

from lagebild import Pipeline
from lagebild.cli import _documents_table
from lagebild.demo import demo_articles

README = Path(__file__).resolve().parent.parent / "README.md"
#: the width the README's table is drawn at (a wide terminal)
WIDTH = 110
BLOCK = re.compile(r"(<!-- demo output -->\n```text\n)(.*?)(```\n<!-- /demo output -->)", re.S)


def demo_output(pipeline: Pipeline | None = None) -> str:
    """The table ``lagebild demo`` prints, at the README's width."""
    documents = list((pipeline or Pipeline()).pipe(demo_articles()))
    buffer = io.StringIO()
    Console(file=buffer, width=WIDTH, soft_wrap=True, color_system=None).print(
        _documents_table(documents))
    return buffer.getvalue()


def readme_block(text: str) -> str:
    """The demo output the README shows now."""
    match = BLOCK.search(text)
    if match is None:
        raise SystemExit(f"{README}: no demo output block")
    return match.group(2)


def main(argv: list[str]) -> int:
    text = README.read_text(encoding="utf-8")
    output = demo_output()
    if "--check" in argv:
        if readme_block(text) != output:
            print("README.md: the demo output is out of date; run scripts/readme_demo.py")
            return 1
        return 0
    readme_block(text)  # the block is there
    README.write_text(BLOCK.sub(lambda m: m.group(1) + output + m.group(3), text),
                      encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
