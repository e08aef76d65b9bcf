"""Score time tagging against TimeML gold (KRAUTS, TempEval-3): span, type and value.

Strict spans must match exactly; relaxed spans must overlap. Type accuracy and
value F1 are counted on relaxed matches, as TempEval-3 did. The same scorer
runs for lagebild and for ``dateparser.search.search_dates``, the most used
Python alternative, on the same documents.

    python -m lagebild.evaluate.timeml ../shared/data/krauts --lang de
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from .metrics import prf

Prediction = tuple[int, int, str, str]  # start, end, type, value


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class TimeMLDoc:
    name: str
    text: str
    dct: str | None
    gold: list[GoldTimex] = field(default_factory=list)


@dataclass
class TimeScores:
    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    type_correct: int = 0
    value_correct: int = 0
    strict_value: int = 0

    def table(self) -> dict[str, tuple[float, float, float]]:
        """Strict span + value first, the figure HeidelTime and TempEval-3 lead with."""
        return {
            "strict span + value": prf(self.strict_value, self.predicted, self.gold),
            "strict span": prf(self.strict, self.predicted, self.gold),
            "relaxed span": prf(self.relaxed, self.predicted, self.gold),
            "type (relaxed)": prf(self.type_correct, self.predicted, self.gold),
            "value (relaxed)": prf(self.value_correct, self.predicted, self.gold),
        }


def read_timeml(path: Path) -> TimeMLDoc:
    """Plain text, creation date and gold TIMEX3 spans of one TimeML file."""
    root = ET.parse(path).getroot()
    dct = None
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct = timex.get("value")
            break
    body = root.find("TEXT")
    if body is None:
        raise ValueError(f"{path}: no TEXT element")
    parts: list[str] = []
    gold: list[GoldTimex] = []

    def walk(element: ET.Element, offset: int) -> int:
        if element.text:
            parts.append(element.text)
            offset += len(element.text)
        for child in element:
            start = offset
            offset = walk(child, offset)
            if child.tag == "TIMEX3" and child.get("value") is not None:
                text = "".join(parts)[start:offset]
                gold.append(GoldTimex(start, offset, text, child.get("type", ""),
                                      child.get("value", "")))
            if child.tail:
                parts.append(child.tail)
                offset += len(child.tail)
        return offset

    walk(body, 0)
    return TimeMLDoc(path.name, "".join(parts), dct[:10] if dct else None, gold)


_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_VAL = re.compile(r'\bval="([^"]*)"', re.IGNORECASE)


def read_timex2_inline(path: Path) -> TimeMLDoc:
    """A document of WikiWarsDE's keyinline/ folder: the text without tags and its TIMEX2
    (nested ones too) with a value; TIMEX2 values are read as TIMEX3 values, which they
    mostly equal. (The APF key in key/ counts UTF-8 bytes, the inline one needs no counting.)"""
    raw = path.read_text(encoding="utf-8")
    parts: list[str] = []
    offset, cursor, dct = 0, 0, None
    open_timexes: list[tuple[int, str | None]] = []
    gold: list[GoldTimex] = []
    for tag in _TAG.finditer(raw):
        parts.append(raw[cursor:tag.start()])
        offset += tag.start() - cursor
        cursor = tag.end()
        closing, name = tag.group(1), tag.group(2).upper()
        if name != "TIMEX2":
            continue
        if not closing:
            value = _VAL.search(tag.group(3))
            open_timexes.append((offset, value.group(1) if value else None))
        elif open_timexes:
            start, value = open_timexes.pop()
            text = "".join(parts)[start:offset]
            if value is not None and dct is None and "T" in value and start < 100:
                dct = value[:10]  # the document's DATETIME comes first
            if value is not None:
                gold.append(GoldTimex(start, offset, text, "", value))
    parts.append(raw[cursor:])
    gold.sort(key=lambda g: (g.start, -g.end))
    return TimeMLDoc(path.name.split(".")[0], "".join(parts), dct, gold)


def read_corpus(paths: Iterable[Path]) -> list[TimeMLDoc]:
    """TimeML files (.tml) of files and folders, or a WikiWarsDE folder (keyinline/)."""
    docs: list[TimeMLDoc] = []
    for path in paths:
        if path.is_dir() and (path / "keyinline").is_dir():
            docs.extend(read_timex2_inline(f) for f in sorted((path / "keyinline").glob("*.xml")))
        elif path.is_dir():
            docs.extend(read_timeml(f) for f in sorted(path.rglob("*.tml")))
        else:
            docs.append(read_timeml(path))
    return docs


def align(doc: TimeMLDoc, predictions: list[Prediction]
          ) -> Iterator[tuple[Prediction, int | None]]:
    """Each prediction with the index of the gold TIMEX3 it matches (overlapping, the exact
    span preferred, each gold matched once), or None."""
    used: set[int] = set()
    for prediction in predictions:
        start, end = prediction[0], prediction[1]
        best = None
        for i, g in enumerate(doc.gold):
            if i in used or not (start < g.end and g.start < end):
                continue
            if best is None or (g.start, g.end) == (start, end):
                best = i
        if best is not None:
            used.add(best)
        yield prediction, best


def score(docs: list[TimeMLDoc], predict: Callable[[TimeMLDoc], list[Prediction]]) -> TimeScores:
    scores = TimeScores()
    for doc in docs:
        predictions = predict(doc)
        scores.gold += len(doc.gold)
        scores.predicted += len(predictions)
        for (start, end, type_, value), best in align(doc, predictions):
            if best is None:
                continue
            g = doc.gold[best]
            scores.relaxed += 1
            exact = (g.start, g.end) == (start, end)
            scores.strict += exact
            scores.type_correct += g.type == type_
            scores.value_correct += g.value == value
            scores.strict_value += exact and g.value == value
    return scores


def lagebild_system(lang: str) -> Callable[[TimeMLDoc], list[Prediction]]:
    from ..pipeline import Pipeline

    pipeline = Pipeline({"stages": ["times"], "languages": [lang]})

    def predict(doc: TimeMLDoc) -> list[Prediction]:
        document = pipeline({"text": doc.text, "lang": lang, "published": doc.dct})
        return [(t.start, t.end, t.type, t.value) for t in document.times]

    return predict


def dateparser_system(lang: str) -> Callable[[TimeMLDoc], list[Prediction]]:
    from dateparser.search import search_dates

    def predict(doc: TimeMLDoc) -> list[Prediction]:
        base = datetime.combine(date.fromisoformat(doc.dct), datetime.min.time()) if doc.dct \
            else datetime.now()
        found = search_dates(doc.text, languages=[lang],
                             settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}) or []
        predictions, cursor = [], 0
        for substring, moment in found:
            start = doc.text.find(substring, cursor)
            if start < 0:
                continue
            cursor = start + len(substring)
            predictions.append((start, cursor, "DATE", moment.date().isoformat()))
        return predictions

    return predict


SYSTEMS = {"lagebild": lagebild_system, "dateparser": dateparser_system}


def main(argv: list[str] | None = None) -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", type=Path, help="TimeML files or folders")
    from ..lang import languages

    parser.add_argument("--lang", required=True, choices=languages())
    parser.add_argument("--system", action="append", choices=sorted(SYSTEMS))
    args = parser.parse_args(argv)
    docs = read_corpus(args.paths)
    print(f"{len(docs)} documents, {sum(len(d.gold) for d in docs)} gold TIMEX3")
    for name in args.system or ["lagebild"]:
        scores = score(docs, SYSTEMS[name](args.lang))
        print(f"\n{name}: {scores.predicted} predicted")
        print(f"{'':20} {'P':>6} {'R':>6} {'F1':>6}")
        for metric, (p, r, f) in scores.table().items():
            print(f"{metric:20} {p:6.3f} {r:6.3f} {f:6.3f}")



if __name__ == "__main__":
    main()
