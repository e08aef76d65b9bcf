"""Readers for the German NER corpora in ../shared/data, mapped to PER/LOC/ORG/MISC.

Every reader returns ``Sentence`` objects with token-level spans. Types that have
no PER/LOC/ORG/MISC counterpart become O, except where a corpus marks names we
cannot map with confidence (legal norms, train routes): those become *missing*
so that training neither rewards nor punishes a prediction there.
"""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from lagebild.evaluate.ner import bio_to_spans, read_conll

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"

Span = tuple[int, int, str]


@dataclass
class Sentence:
    """Tokens with entity spans; ``missing`` token ranges carry no annotation."""

    words: list[str]
    spans: list[Span]
    source: str
    missing: list[tuple[int, int]] = field(default_factory=list)


def _tags_to_sentence(words, tags, source, mapping) -> Sentence:
    """Decode BIO tags with ``mapping`` (raw type -> label, "" for O, None for missing)."""
    raw = bio_to_spans(tags, mapper=lambda t: t or None)
    spans, missing = [], []
    for start, end, raw_label in raw:
        label = mapping(raw_label)
        if label is None:
            missing.append((start, end))
        elif label:
            spans.append((start, end, label))
    return Sentence(list(words), spans, source, missing)


# --- GermEval 2014 -------------------------------------------------------------

def germeval(path: Path | None = None) -> list[Sentence]:
    """All 2,200 dev sentences in file order (outer level; OTH->MISC, deriv/part->O)."""
    path = path or DATA / "germeval2014" / "NER-de-dev.tsv"
    return [Sentence(s.words, bio_to_spans(s.tags), "germeval") for s in read_conll(path)]


# --- WikiANN -------------------------------------------------------------------

_MARKUP = re.compile(r"^['*=|#]+$")


def wikiann(split: str) -> list[Sentence]:
    """WikiANN-de sentences without the ``de:`` prefix and without wiki markup tokens."""
    sentences = []
    text = (DATA / "wikiann_de" / split).read_text(encoding="utf-8")
    for block in text.split("\n\n"):
        words, tags = [], []
        for line in block.splitlines():
            if "\t" not in line:
                continue
            token, tag = line.rsplit("\t", 1)
            token = token[3:] if token.startswith("de:") else token
            if _MARKUP.match(token):
                continue
            words.append(token)
            tags.append(tag)
        if words:
            sentences.append(_tags_to_sentence(words, tags, "wikiann", lambda t: t))
    return sentences


# --- German LER ----------------------------------------------------------------

LER_TYPES = {
    "PER": "PER", "RR": "PER", "AN": "PER",
    "LD": "LOC", "ST": "LOC", "STR": "LOC", "LDS": "LOC",
    "ORG": "ORG", "UN": "ORG", "INN": "ORG", "GRT": "ORG", "MRK": "ORG",
}


def ler(split: str = "train") -> list[Sentence]:
    """LER sentences; legal types (laws, decisions, literature) are left unannotated."""
    sentences = []
    for s in read_conll(DATA / "german_ler" / f"ler_{split}.conll"):
        sentences.append(_tags_to_sentence(s.words, s.tags, "ler", lambda t: LER_TYPES.get(t)))
    return sentences


# --- DFKI types (MobIE, SmartData) ---------------------------------------------

DFKI_TYPES = {
    "person": "PER",
    "location": "LOC", "location-city": "LOC", "location-stop": "LOC",
    "location-street": "LOC",
    "organization": "ORG", "organization-company": "ORG",
    "location-route": None,  # train lines, "RE 7": GermEval has no rule for them
}


def dfki_label(raw: str) -> str | None:
    """Coarse label for a MobIE/SmartData type: "" is O, None is missing."""
    raw = raw.lower().replace("_", "-")
    return DFKI_TYPES.get(raw, "")


def mobie(split: str) -> list[Sentence]:
    """MobIE traffic reports and tweets (CoNLL-2003 layout, NER in the last column)."""
    path = DATA / "mobie_de" / f"{split}.conll2003"
    return [_tags_to_sentence(s.words, s.tags, "mobie", dfki_label) for s in read_conll(path)]


def _load_json_stream(path: Path) -> list[dict]:
    """SmartData files hold concatenated pretty-printed JSON objects."""
    text = gzip.open(path, "rt", encoding="utf-8").read()
    decoder, pos, docs = json.JSONDecoder(), 0, []
    while True:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if pos >= len(text):
            return docs
        doc, pos = decoder.raw_decode(text, pos)
        docs.append(doc)


def smartdata(tokenizer) -> list[Sentence]:
    """SmartData v1 (train+test = every document), tokenised here, split into sentences.

    v1 stores text and character offsets only, so the documents are tokenised with
    the pipeline's own tokenizer and cut at line breaks and sentence-final marks.
    """
    sentences = []
    for name in ("train", "test"):
        for record in _load_json_stream(DATA / "smartdata_de" / "v1_20180119" / f"{name}.json.gz"):
            kind = ((record.get("refids") or {}).get("map") or {}).get("source", "other")
            text = record["text"]["string"]
            doc = tokenizer(text)
            token_label: list[str | None] = ["O"] * len(doc)
            mentions = (record.get("conceptMentions") or {}).get("array") or []
            for mention in sorted(mentions, key=lambda m: m["span"]["end"] - m["span"]["start"]):
                label = dfki_label(mention["type"])
                if label == "":
                    continue
                span = doc.char_span(mention["span"]["start"], mention["span"]["end"],
                                     alignment_mode="expand")
                if span is None or any(token_label[i] != "O" for i in range(span.start, span.end)):
                    continue
                for i in range(span.start, span.end):
                    token_label[i] = None if label is None else (
                        ("B-" if i == span.start else "I-") + label)
            sentences.extend(_split_document(doc, token_label, f"smartdata-{kind}"))
    return sentences


def _split_document(doc, token_label, source) -> list[Sentence]:
    """Cut a tokenised document at whitespace tokens with newlines and at . ! ? before a capital."""
    out, words, tags = [], [], []

    def flush():
        if words:
            out.append(_iob_sentence(words, tags, source))
        words.clear()
        tags.clear()

    for i, token in enumerate(doc):
        if token.is_space:
            if "\n" in token.text:
                flush()
            continue
        words.append(token.text)
        tags.append(token_label[i])
        if "\n" in token.whitespace_ or (
            token.text in {".", "!", "?"} and i + 1 < len(doc) and doc[i + 1].text[:1].isupper()
        ):
            flush()
        elif i + 1 < len(doc) and "\n" in doc[i + 1].text and doc[i + 1].is_space:
            flush()
    flush()
    return out


def _iob_sentence(words, tags, source) -> Sentence:
    """Sentence from tags that are "B-X"/"I-X", "O" or None (missing)."""
    spans, missing = [], []
    clean = []
    for i, tag in enumerate(tags):
        if tag is None:
            missing.append((i, i + 1))
            clean.append("O")
        else:
            clean.append(tag)
    for start, end, label in bio_to_spans(clean, mapper=lambda t: t or None):
        spans.append((start, end, label))
    return Sentence(list(words), spans, source, missing)


# --- Europeana newspapers -------------------------------------------------------

_EUROPEANA_FIX = re.compile(r"^([BI])[-_.]?(PER|LOC|ORG)", re.IGNORECASE)


def europeana(tokenizer, window: int = 40) -> list[Sentence]:
    """Historical newspaper token streams, re-tokenised, cut into sentences.

    The OCR tokens still carry punctuation ("Herbster,"), so each is split with
    the pipeline's tokenizer; lines with a word in the label column are dropped.
    """
    sentences = []
    for part in ("lft", "onb", "sbb"):
        words, tags = [], []
        path = DATA / "europeana_newspapers_de" / f"enp_DE.{part}.bio"
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("#") or not line.strip():
                continue
            cols = line.split(" ")
            if len(cols) != 2:
                continue
            token, raw = cols
            if raw == "O":
                prefix, label = "O", ""
            else:
                match = _EUROPEANA_FIX.match(raw)
                if not match:
                    continue  # a word in the label column: the line is broken
                prefix, label = match.group(1).upper(), match.group(2).upper()
            for k, piece in enumerate(tokenizer(token)):
                words.append(piece.text)
                if prefix == "O":
                    tags.append("O")
                elif piece.is_punct and len(piece.text) == 1:
                    tags.append("O")  # a span touching punctuation is cut there by cleaning
                else:
                    tags.append(f"{prefix if k == 0 else 'I'}-{label}")
        start = 0
        for i, token in enumerate(words):
            long_enough = i + 1 - start >= 8
            at_end = token in {".", "!", "?"} and i + 1 < len(words) and words[i + 1][:1].isupper()
            if (at_end and long_enough) or i + 1 - start >= window or i + 1 == len(words):
                sentences.append(_tags_to_sentence(words[start:i + 1], tags[start:i + 1],
                                                   "europeana", lambda t: t))
                start = i + 1
    return sentences


# --- The team's name corpus (training/ner_de) ------------------------------------

def team_ner(tokenizer) -> list[Sentence]:
    """The sentences of ``training/ner_de/`` (ner_corpus), tokenised here; OTH -> MISC.

    A name whose edges fall inside a token (a name glued to the next word) marks that
    token's range missing rather than teaching a wrong boundary.
    """
    from .ner_corpus import load

    sentences = []
    for record in load():
        doc = tokenizer(record["text"])
        spans, missing = [], []
        for start, end, label in record["spans"]:
            span = doc.char_span(start, end)
            if span is None:
                loose = doc.char_span(start, end, alignment_mode="expand")
                if loose is not None:
                    missing.append((loose.start, loose.end))
                continue
            spans.append((span.start, span.end, "MISC" if label == "OTH" else label))
        source = "team-own" if record["corpus"] == "own" else f"team-{record['corpus']}"
        sentences.append(Sentence([t.text for t in doc], spans, source, missing))
    return sentences
