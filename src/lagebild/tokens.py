"""Token strings and character bounds of a spaCy Doc as plain lists, read once.

The rule layers look at every word; spaCy's Token objects, made one per access,
cost more than the lookups themselves. Arrays of the Doc's attributes do not.
"""

from __future__ import annotations

from spacy.tokens import Doc


def strings(doc: Doc, attr: str = "ORTH") -> list[str]:
    """The tokens' texts (``ORTH``) or lowercase forms (``LOWER``), in order."""
    store = doc.vocab.strings
    return [store[key] for key in doc.to_array(attr).tolist()]


def bounds(doc: Doc) -> tuple[list[int], list[int]]:
    """Start and end character offsets of the tokens, in order."""
    array = doc.to_array(["IDX", "LENGTH"])
    starts = array[:, 0].tolist()
    return starts, (array[:, 0] + array[:, 1]).tolist()
