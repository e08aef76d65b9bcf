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


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"pip install -e '\.\[test\]'", README)
    assert "pip install --quiet -e '.[test]'" in ci
    assert "pytest" in README and "pytest" in ci
