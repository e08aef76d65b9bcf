"""Time of the places layer on a 1,000-word German article, gazetteer loaded, one core.

Run: ``python benchmarks/places.py``. Prints the gazetteer's load time and
the median time of resolving the places of the article (the annotator alone,
the spaCy pipeline and the earlier layers excluded).
"""

from __future__ import annotations

import statistics
import time

from lagebild import Article, Pipeline
from lagebild.annotate.places import PlacesAnnotator
from lagebild.places import PlaceGazetteer, load_gazetteer

SENTENCES = [
    "Die Lage in Almaty, Astana und Bischkek blieb am Montag angespannt.",
    "Moskau und Peking schickten Beobachter nach Kasachstan und Kirgistan.",
    "In der Ukraine, im Libanon und in Belarus wurde die Entwicklung genau verfolgt.",
    "Aus Xinjiang berichteten Reisende von geschlossenen Grenzübergängen bei Chorgos.",
    "Die Regierung in Berlin beriet mit Vertretern aus Paris, Warschau und Wien.",
    "Kasachstans Präsident sprach von Terroristen, die aus dem Ausland gesteuert würden.",
]


def article(words: int = 1000) -> str:
    text, count = [], 0
    while count < words:
        for sentence in SENTENCES:
            text.append(sentence)
            count += len(sentence.split())
    return " ".join(text)


def main(repeat: int = 50) -> None:
    started = time.perf_counter()
    PlaceGazetteer()
    print(f"gazetteer load: {time.perf_counter() - started:.3f} s")
    load_gazetteer()
    pipeline = Pipeline({"stages": ("entities", "actors")})
    text = article()
    document = pipeline(Article(text=text, lang="de"))
    spacy_doc = pipeline.nlp("de")(text)
    pack = pipeline.pack("de")
    annotator = PlacesAnnotator()
    times = []
    for _ in range(repeat):
        copy = document.model_copy(deep=True)
        started = time.perf_counter()
        annotator(spacy_doc, copy, pack)
        times.append(time.perf_counter() - started)
    mentions = sum(1 for e in document.entities if e.label == "LOC")
    print(f"article: {len(text.split())} words, {mentions} place mentions, "
          f"{len(copy.places)} places")
    print(f"places layer: median {statistics.median(times) * 1000:.2f} ms, "
          f"min {min(times) * 1000:.2f} ms over {repeat} runs")


if __name__ == "__main__":
    main()
