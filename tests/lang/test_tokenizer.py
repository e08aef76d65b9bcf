"""The news tokenizers: the same tokens with the affix searches skipped for plain words."""

from __future__ import annotations

import re
import sys

import pytest
import spacy

from lagebild.lang.base import skip_affixes_of_letter_words

NEWS = ("„Wir ziehen ab“, sagte Dr. Meier (CDU) am 06.01.2022 u.a. in Kiel-Nord. "
        "Rund 2.500 Soldat*innen, 3,5 Mio. Euro, 40km/h; die UN-Mission („Blauhelme“) "
        "kostete 12 % mehr – so der Sprecher.Danach: Schluss! Er's e-mail: a@b.de, "
        "https://example.org/x?y=1 … «Nein», sagte sie. (bzw. 20°C) O'Neill's 1990er-Jahre")
LETTERS = [chr(i) for i in range(sys.maxunicode + 1) if chr(i).isalpha()]


@pytest.fixture(scope="module", params=["de", "en"])
def nlp(request, pipeline):
    return pipeline.nlp(request.param)


def test_every_letter_of_unicode_is_outside_every_affix_expression(nlp):
    tokenizer = nlp.tokenizer
    for attr in ("prefix_search", "suffix_search", "infix_finditer"):
        expression = getattr(tokenizer, attr).__self__.expression
        assert isinstance(expression, re.Pattern)
        for letter in LETTERS:
            for word in (letter, "Ab" + letter + "cd"):
                assert expression.search(word) is None, (attr, word)


def test_gated_tokenizer_splits_like_the_saved_one(nlp):
    plain = spacy.blank(nlp.lang).tokenizer
    plain.from_bytes(nlp.tokenizer.to_bytes())  # the expressions as saved: not gated
    assert not hasattr(plain.suffix_search.__self__, "expression")
    text = NEWS + " " + NEWS.upper() + " " + NEWS.replace(" ", "")
    assert [t.text for t in nlp.tokenizer(text)] == [t.text for t in plain(text)]
    skip_affixes_of_letter_words(plain)  # a second gate is not stacked on the first
    gate = plain.prefix_search.__self__
    assert isinstance(gate.expression, re.Pattern)
    skip_affixes_of_letter_words(plain)
    assert plain.prefix_search.__self__.expression is gate.expression
