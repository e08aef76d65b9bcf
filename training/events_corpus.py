"""The German event corpus: standoff labels on sentences of ../shared/data, and our own.

Third-party text stays in ../shared/data; ``training/events_de/*.jsonl`` holds one line
per labelled sentence: where the sentence is (``corpus``, ``doc``, ``start``, ``end``),
a hash of its text (``sha1``, the first 12 hex digits) so that a changed source is
noticed, who labelled it, and its events in the format of ``shared/gold/EVENTS-GUIDE.md``
with character offsets into the sentence: ``trigger`` [start, end] is the word that
carries the event (the verb, the finite part of a split verb, or the noun), and
``trigger_more`` the other words of it where there are any ("nahm ... fest": the
particle); ``actor`` and ``recipient`` are ``{"span": [start, end] | null, "country",
"sector"}`` or null.
Sentences the team wrote carry ``corpus: "own"`` and their ``text`` whole. English
sentences (CoNLL-2003's Reuters news, its tokens joined by spaces; ``doc`` is the
sentence's number in the file) are labelled the same way in ``training/events_en/``,
for developing and measuring the English rules; no shipped model is trained on them.
Beside them, ``own_t*.jsonl`` there holds the team's own German sentences put into
English (``lang: "en"``, ``translated_from`` the German sentence's ``doc``), their labels
carried over: the English sentences a shipped model may learn from.

``training/events_de_news/`` holds German newspaper sentences labelled the same way for
measuring only (KRAUTS: the South Tyrolean daily Dolomiten, 2009 to 2016, whose licence,
CC BY-NC, lets no shipped model learn from it); ``load`` never reads them, ``load_news`` does.
``python -m training events-import LABELS BATCH --annotator K`` turns an annotator's file
(the guide's format, one line per sentence of a batch of candidates) into standoff lines.

``python -m training events-candidates OUT.jsonl`` writes the sentences that may be
labelled (with text, for the annotator; never into the repository);
``python -m training events-check FILE...`` checks labelled files against the sources.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path

from .corpora import DATA, _load_json_stream

LABELS = Path(__file__).resolve().parent / "events_de"
#: the labelled sentences of each language
LABELS_BY_LANG = {"de": LABELS, "en": LABELS.parent / "events_en"}
#: German newspaper sentences labelled for measuring only
NEWS_LABELS = LABELS.parent / "events_de_news"

TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
         "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
         "COERCE", "ASSAULT"}
MODALITIES = {"asserted", "reported", "intended", "negated", "hypothetical"}

SMARTDATA = ("smartdata_de/v1", DATA / "smartdata_de" / "v1_20180119")
UD_FILES = {
    "ud_german_gsd/dev": DATA / "ud_german_gsd" / "de_gsd-ud-dev.conllu",
    "ud_german_gsd/test": DATA / "ud_german_gsd" / "de_gsd-ud-test.conllu",
    "ud_german_pud/test": DATA / "ud_german_pud" / "de_pud-ud-test.conllu",
}
CONLL = ("conll2003_en/train", DATA / "conll2003_en" / "train.txt")
KRAUTS = ("krauts", DATA / "krauts")
#: the host a measuring corpus's articles are read with (its domain gives the paper's country)
NEWS_SOURCES = {KRAUTS[0]: "stol.it"}
# A sentence ends at a line break, or after . ! ? (and a closing quote) before a capital.
SENTENCE_END = re.compile(r"\n+|(?<=[.!?])[\"“”»«']?\s+(?=[\"„»«(]?[A-ZÄÖÜ0-9])")


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def _smartdata_documents() -> dict[str, str]:
    """SmartData v1 news documents (not tweets or railway notices): id -> text."""
    docs = {}
    for name in ("train", "test"):
        for record in _load_json_stream(SMARTDATA[1] / f"{name}.json.gz"):
            kind = ((record.get("refids") or {}).get("map") or {}).get("source")
            if kind == "news":
                docs[record["id"]] = record["text"]["string"]
    return docs


def _split(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in SENTENCE_END.finditer(text):
        yield start, match.start()
        start = match.end()
    yield start, len(text)


def _ud_sentences(path: Path) -> Iterator[tuple[str, str]]:
    sent_id = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# sent_id = "):
            sent_id = line.split("=", 1)[1].strip()
        elif line.startswith("# text = ") and sent_id:
            yield sent_id, line.split("=", 1)[1].strip()


def _conll_sentences(path: Path) -> Iterator[tuple[str, str]]:
    """CoNLL-2003 sentences as (``s<number>``, tokens joined by spaces), numbered from 0."""
    tokens: list[str] = []
    number = 0
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.strip():
            tokens.append(line.split()[0])
        elif tokens:
            yield f"s{number}", " ".join(tokens)
            number += 1
            tokens = []


def _krauts_articles() -> dict[str, tuple[str, str | None]]:
    """KRAUTS articles: "Dolomiten-100/1004479_text" -> (text, publication day)."""
    from lagebild.evaluate.timeml import read_corpus

    out = {}
    for folder in sorted(KRAUTS[1].glob("KRAUTS_*")):
        for doc in read_corpus([folder]):
            name = doc.name.removesuffix(".txt.tml").removesuffix(".tml")
            out[f"{folder.name.removeprefix('KRAUTS_')}/{name}"] = (doc.text, doc.dct)
    return out


def news_candidates() -> Iterator[dict]:
    """The KRAUTS sentences that may be labelled, as ``candidates`` (with ``published``)."""
    for doc_id, (text, day) in _krauts_articles().items():
        for start, end in _split(text):
            sentence = text[start:end].strip()
            start = text.index(sentence, start) if sentence else start
            if len(sentence.split()) >= 5 and re.search(r"\b[a-zäöüß]{3,}\b", sentence):
                yield {"corpus": KRAUTS[0], "doc": doc_id, "start": start,
                       "end": start + len(sentence), "sha1": sha1(sentence),
                       "published": day, "text": sentence}


def language_of(record: dict) -> str:
    """The language of a labelled sentence: its own ``lang`` (the team's English
    sentences), else its source's."""
    return record.get("lang") or ("en" if record["corpus"] == CONLL[0] else "de")


def candidates() -> Iterator[dict]:
    """Every sentence that may be labelled: SmartData news, then the UD German sentences.

    Fragments (fewer than five words, no lowercase word) and repeats are left out.
    """
    seen: set[str] = set()
    for record in _all_candidates():
        if record["sha1"] not in seen:
            seen.add(record["sha1"])
            yield record


def _all_candidates() -> Iterator[dict]:
    for doc_id, text in _smartdata_documents().items():
        for start, end in _split(text):
            sentence = text[start:end].strip()
            start = text.index(sentence, start) if sentence else start
            if len(sentence.split()) >= 5 and re.search(r"\b[a-zäöüß]{3,}\b", sentence):
                yield {"corpus": SMARTDATA[0], "doc": doc_id, "start": start,
                       "end": start + len(sentence), "sha1": sha1(sentence), "text": sentence}
    for corpus, path in UD_FILES.items():
        for sent_id, sentence in _ud_sentences(path):
            yield {"corpus": corpus, "doc": sent_id, "start": 0, "end": len(sentence),
                   "sha1": sha1(sentence), "text": sentence}


class Sources:
    """The source texts, read once: (corpus, doc) -> document or sentence text."""

    def __init__(self) -> None:
        self._texts: dict[tuple[str, str], str] = {}
        self._loaded: set[str] = set()

    def text(self, corpus: str, doc: str) -> str | None:
        if corpus not in self._loaded:
            self._loaded.add(corpus)
            if corpus == SMARTDATA[0]:
                self._texts.update(((corpus, k), v) for k, v in _smartdata_documents().items())
            elif corpus in UD_FILES:
                self._texts.update(((corpus, k), v) for k, v in _ud_sentences(UD_FILES[corpus]))
            elif corpus == CONLL[0]:
                self._texts.update(((corpus, k), v) for k, v in _conll_sentences(CONLL[1]))
            elif corpus == KRAUTS[0]:
                self._texts.update(((corpus, k), v) for k, (v, _) in _krauts_articles().items())
        return self._texts.get((corpus, doc))


def sentence_text(record: dict, sources: Sources) -> str:
    """The text a labelled record points to; ValueError when the source changed."""
    if record["corpus"] == "own":
        return record["text"]
    text = sources.text(record["corpus"], record["doc"])
    if text is None:
        raise ValueError(f"{record['corpus']} has no {record['doc']!r}")
    sentence = text[record["start"]:record["end"]]
    if sha1(sentence) != record["sha1"]:
        raise ValueError(f"{record['corpus']} {record['doc']}: text changed (hash)")
    return sentence


def problems(record: dict, text: str) -> list[str]:
    """What is wrong with one labelled record (empty when it is well formed)."""
    out = []
    for k, event in enumerate(record.get("events", [])):
        where = f"event {k}"
        if event.get("type") not in TYPES:
            out.append(f"{where}: type {event.get('type')!r}")
        if event.get("modality", "asserted") not in MODALITIES:
            out.append(f"{where}: modality {event.get('modality')!r}")
        spans = [("trigger", event.get("trigger"))]
        for side in ("actor", "recipient"):
            value = event.get(side)
            if value is not None:
                if not isinstance(value, dict) or "country" not in value:
                    out.append(f"{where}: {side} must be null or an object with country")
                    continue
                spans.append((side, value.get("span")))
        for name, span in spans:
            if span is None and name != "trigger":
                continue
            if (not isinstance(span, list) or len(span) != 2 or not 0 <= span[0] < span[1]
                    <= len(text)):
                out.append(f"{where}: {name} span {span!r} outside the sentence")
    return out


def load(paths: list[Path] | None = None, lang: str = "de") -> list[dict]:
    """Every labelled sentence (of a language's corpus, or of the files given) with its
    text joined in (``text``), checked."""
    sources, out = Sources(), []
    for path in paths or sorted(LABELS_BY_LANG[lang].glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            record = json.loads(line)
            text = sentence_text(record, sources)
            bad = problems(record, text)
            if bad:
                raise ValueError(f"{path.name}:{number}: " + "; ".join(bad))
            out.append(dict(record, text=text))
    return out


def load_news() -> list[dict]:
    """The German newspaper sentences labelled for measuring, with text, source host
    (``url``) and publication day (``published``)."""
    days = {}
    records = load(sorted(NEWS_LABELS.glob("*.jsonl")))
    if records:
        days = {k: day for k, (_, day) in _krauts_articles().items()}
    return [dict(r, url=NEWS_SOURCES.get(r["corpus"]), published=days.get(r["doc"]))
            for r in records]


def _span(text: str, words: str | None, where: str) -> list[int] | None:
    """The first place the words stand in the sentence; ValueError where they do not."""
    if not words:
        return None
    at = text.find(words)
    if at < 0:
        raise ValueError(f"{where} {words!r} not in the sentence")
    return [at, at + len(words)]


def import_labels(labels: Path, batch: Path, annotator: str) -> list[dict]:
    """Standoff records of an annotator's file: each line ``{"id": "DOC#START", "events"}``
    of the guide's format (words as written) for the candidate of that id in ``batch``;
    each span is the first place its words stand in the sentence. ValueError where words
    are not in it."""
    texts = {}
    for line in batch.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            texts[row["id"]] = row["text"]
    out = []
    for number, line in enumerate(labels.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        doc, start = row["id"].rsplit("#", 1)
        text = texts[row["id"]]
        events = []
        where = f"{labels.name}:{number}:"
        for event in row.get("events", []):
            out_event = {"type": event["type"], "mode": event.get("mode"),
                         "modality": event.get("modality", "asserted"),
                         "trigger": _span(text, event["trigger"], f"{where} trigger")}
            for side in ("actor", "recipient"):
                value = event.get(side)
                if value is None or not value.get("text"):
                    # the guide: a party the sentence does not name is none, though the
                    # article may tell who it is (an actor of no words, no recipient)
                    out_event[side] = None if side == "recipient" else {
                        "span": None, "country": None, "sector": None}
                    continue
                out_event[side] = {
                    "span": _span(text, value["text"], f"{where} {side}"),
                    "country": value.get("country"), "sector": value.get("sector")}
            events.append(out_event)
        out.append({"corpus": KRAUTS[0], "doc": doc, "start": int(start),
                    "end": int(start) + len(text), "sha1": sha1(text),
                    "annotator": annotator, "events": events})
    return out


def write_candidates(out: Path, news: bool = False) -> int:
    records = list(news_candidates() if news else candidates())
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                   encoding="utf-8")
    return len(records)


def main_import(args) -> int:
    """Print an annotator's file as standoff lines (checked against the source)."""
    records = import_labels(args.labels, args.batch, args.annotator)
    sources = Sources()
    for record in records:
        bad = problems(record, sentence_text(record, sources))
        if bad:
            raise SystemExit(f"{record['doc']}#{record['start']}: " + "; ".join(bad))
        print(json.dumps(record, ensure_ascii=False))
    return 0


def check(paths: list[Path]) -> int:
    """Print each file's sentences and events, or the first problem; 1 when any."""
    status = 0
    for path in paths:
        try:
            records = load([path])
        except (ValueError, KeyError, json.JSONDecodeError) as error:
            print(f"{path}: {error}")
            status = 1
            continue
        events = sum(len(r.get("events", [])) for r in records)
        print(f"{path}: {len(records)} sentences, {events} events")
    return status
