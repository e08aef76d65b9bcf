"""The docs tell the truth: every command is in the README, and CI runs the README's tests."""

from __future__ import annotations

import re

from lagebild.cli import app
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_is_documented_in_the_readme():
    commands = [c.name or c.callback.__name__ for c in app.registered_commands]
    assert commands
    for name in commands:
        assert f"lagebild {name}" in README, f"README does not show `lagebild {name}`"


def _commands(lines) -> list[str]:
    """Shell commands, one per ``&&`` part, without quiet flags or ``python -m``."""
    found = []
    for line in lines:
        for part in line.split("&&"):
            words = [w for w in part.split() if w not in ("--quiet", "-q")]
            if words[:2] == ["python", "-m"]:
                words = words[2:]
            if words:
                found.append(" ".join(words))
    return found


def test_ci_runs_the_readme_commands_as_written():
    """The README's two commands (the fenced ``sh`` blocks under "Two commands"), in order,
    are lines the CI script runs: not a filtered test run, not another install."""
    section = README.split("## Two commands", 1)[1].split("\n## ", 1)[0]
    readme = _commands(re.findall(r"```sh\n(.*?)\n```", section, re.S))
    assert readme == ["pip install .", "lagebild demo", "pip install -e '.[test]'", "pytest"]
    ci = _commands(line for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
                   .splitlines() if line and not line.startswith(("#", " ", "\t")))
    positions = [ci.index(command) if command in ci else -1 for command in readme]
    assert -1 not in positions, f"CI does not run {readme[positions.index(-1)]!r}: {ci}"
    assert positions == sorted(positions)
