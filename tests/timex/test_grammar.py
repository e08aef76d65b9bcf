"""The grammar file format: placeholders, inflections, required parts, clear errors."""

from __future__ import annotations

import pytest

from lagebild.errors import ConfigError
from lagebild.timex import TimeGrammar
from lagebild.timex.grammar import Vocabulary, required_placeholders


def test_inflected_vocabulary_words():
    vocab = Vocabulary("rel", {"vergangen*": -1, "letzte": -1}, ("e", "en", "er"))
    assert vocab.get("Vergangenen") == -1 and vocab.get("vergangen") == -1
    assert vocab.get("vergangenheit") is None and vocab.get("letzten") is None


@pytest.mark.parametrize("pattern,required", [
    ("{num}\\s+{unit}", {"num", "unit"}),
    ("(?:{qual}\\s+)?{num}\\s+{unit}", {"num", "unit"}),
    ("{weekday}|{relday}", set()),
    ("(?:{rel}\\s+)?{weekday}(?:\\s+{daypart})?", {"weekday"}),
    ("(?<=\\bam\\s){month}", {"month"}),
    ("(?:im|seit)\\s+{month}", {"month"}),
])
def test_required_placeholders(pattern, required):
    assert required_placeholders(pattern) == required


def _grammar(tmp_path, body: str) -> TimeGrammar:
    path = tmp_path / "time.toml"
    path.write_text(body, encoding="utf-8")
    return TimeGrammar(path)


def test_unknown_placeholder_and_keys_are_refused(tmp_path):
    with pytest.raises(ConfigError, match="unknown placeholder {colour}"):
        _grammar(tmp_path, '[[rule]]\nid="x"\npattern="{colour}"\ntype="DATE"\nnorm="date"\n')
    with pytest.raises(ConfigError, match="unknown keys \\['colour'\\]"):
        _grammar(tmp_path, '[[rule]]\nid="x"\npattern="x"\ntype="DATE"\nnorm="date"\n'
                           'colour="red"\n')
    with pytest.raises(ConfigError, match="has no rules"):
        _grammar(tmp_path, "[settings]\n")
    with pytest.raises(ConfigError, match="language data file missing"):
        TimeGrammar(tmp_path / "nope.toml")


def test_a_given_cue_gates_a_rule(tmp_path):
    grammar = _grammar(tmp_path, '[vocab.season]\n"winter" = "WI"\n'
                       '[[rule]]\nid="x"\npattern="(?:the\\\\s+)?{season}"\ntype="DATE"\n'
                       'norm="season"\ncue=["{season}"]\n')
    assert grammar.active_rules("the summer") == []
    assert [r.id for _, r in grammar.active_rules("the winter")] == ["x"]
    with pytest.raises(ConfigError, match="unknown cue {colour}"):
        _grammar(tmp_path, '[[rule]]\nid="x"\npattern="x"\ntype="DATE"\nnorm="date"\n'
                 'cue=["{colour}"]\n')
