"""The quality gate: every figure of baseline.toml recomputed and held to its floor.

Each measurement runs the code the figure's documented command runs, on the same data
in ../shared; figures of one run (the three GSR halves, the worked example's layers)
share it. Without ../shared the tests skip, unless LAGEBILD_REQUIRE_SHARED is set (CI
sets it): then they fail. See gate.py for the baseline's format.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from functools import cached_property

import pytest

from lagebild import Article, Pipeline
from lagebild.lang import get_pack
from lagebild.places import distance_km
from lagebild.timex import time_tagger
from tests.conftest import EXAMPLE, EXAMPLE_GOLD, SHARED

from . import gate

DATA = SHARED / "data"
TIMEML = {"krauts": (DATA / "krauts", "de"),
          "tbaq": (DATA / "tempeval3_en" / "TBAQ-cleaned", "en"),
          "wikiwarsde": (DATA / "wikiwarsde" / "WikiWarsDE_20110412", "de")}
GEOPARSING = DATA / "geoparsing_en" / "Corpora"
GERMEVAL = DATA / "germeval2014" / "NER-de-dev.tsv"
GSR = DATA / "plover" / "PLOVER_GSR_CAMEO.txt"
DE_EVENTS_DEV = SHARED / "gold" / "de_events_dev.jsonl"


class Measurer:
    """Recomputes figures, each run once per session; ``seconds`` records what each took."""

    def __init__(self, pipeline: Pipeline):
        self.pipeline = pipeline
        self.seconds: dict[str, float] = {}
        self.measured: dict[str, float] = {}
        self._timeml: dict[str, dict] = {}
        self._places: dict[str, object] = {}

    def timed(self, key: str, run: Callable[[], object]) -> object:
        started = time.perf_counter()
        result = run()
        self.seconds[key] = round(time.perf_counter() - started, 1)
        self.measured[key] = result
        return result

    def default_model(self, model: str) -> Pipeline:
        """The session's Pipeline where it runs ``model``, else one of its own."""
        return self.pipeline if self.pipeline.config.model == model \
            else Pipeline({"model": model})

    # --- time ----------------------------------------------------------------------------
    def timeml_scores(self, part: str):
        """One scoring of a TimeML corpus for all of its figures."""
        from lagebild.evaluate.timeml import lagebild_system, read_corpus, score

        if part not in self._timeml:
            path, lang = TIMEML[part]
            gate.missing_data(path)
            self._timeml[part] = score(read_corpus([path]), lagebild_system(lang)).table()
        return self._timeml[part]

    def timeml_value_f1(self, part: str) -> float:
        return self.timeml_scores(part)["value (relaxed)"][2]

    def timeml_strict_value_f1(self, part: str) -> float:
        return self.timeml_scores(part)["strict span + value"][2]

    # --- places --------------------------------------------------------------------------
    @cached_property
    def places_pipeline(self) -> Pipeline:
        return Pipeline({"languages": ("en",), "stages": ("entities", "actors", "places")})

    def places_scores(self, part: str):
        """One scoring of a geoparsing corpus for all of its figures."""
        from lagebild.evaluate.places import CORPORA, read_corpus, score_corpus

        if part not in self._places:
            path = GEOPARSING / CORPORA[part]
            gate.missing_data(path)
            self._places[part] = score_corpus(part, read_corpus(path), self.places_pipeline)
        return self._places[part]

    def places_found_acc161(self, part: str) -> float:
        return self.places_scores(part).found_accuracy

    def places_recall161(self, part: str) -> float:
        return self.places_scores(part).recall

    # --- German NER ----------------------------------------------------------------------
    def germeval_heldout_f1(self, part: str) -> float:
        from lagebild.evaluate.ner import evaluate_conll
        from training.build import GERMEVAL_TEST

        gate.missing_data(GERMEVAL)
        nlp = self.default_model(part).nlp("de")
        return evaluate_conll(GERMEVAL, nlp, select=GERMEVAL_TEST).micro_core.f1

    # --- English NER: CoNLL-2003 validation, as lagebild runs the English model ------------
    def conll_en_f1(self, part: str) -> float:
        from lagebild.evaluate.ner import CONLL_EN_PARTS, CONLL_EN_VALID, evaluate_conll

        gate.missing_data(CONLL_EN_VALID)
        nlp = self.default_model("accurate").nlp("en")
        return evaluate_conll(CONLL_EN_VALID, nlp, select=CONLL_EN_PARTS[part]).micro_core.f1

    # --- the worked example --------------------------------------------------------------
    @cached_property
    def example(self):
        gate.missing_data(EXAMPLE)
        gate.missing_data(EXAMPLE_GOLD)
        gold = json.loads(EXAMPLE_GOLD.read_text(encoding="utf-8"))
        text = EXAMPLE.read_text(encoding="utf-8")
        document = self.default_model("fast")(Article(text=text, published=gold["published"]))
        assert document.error is None, document.error
        return document, gold

    def example_events(self, part: str) -> int:
        from lagebild.evaluate.events import score_document

        document, gold = self.example
        scores = score_document(document, gold["events"])
        return {"found": len(scores.matched), "extra": scores.extra}[part]

    def example_layer(self, part: str) -> int:
        """How many of the example's gold items of a layer come out right."""
        document, gold = self.example
        return sum(EXAMPLE_MATCH[part](document, item) for item in gold[part])

    # --- events --------------------------------------------------------------------------
    @cached_property
    def gsr(self) -> dict:
        from lagebild.evaluate.events import score_plover_halves

        gate.missing_data(GSR)
        halves = score_plover_halves(GSR, self.default_model("fast"))
        failed = halves["all"].failed
        assert not failed, f"{len(failed)} GSR records failed, first: {failed[0]}"
        return halves

    def gsr_f1(self, part: str) -> float:
        return self.gsr[part].prf()[2]

    @cached_property
    def de_events_dev(self) -> dict:
        from lagebild.evaluate.events import score_de_dev

        gate.missing_data(DE_EVENTS_DEV)
        parts, _ = score_de_dev(DE_EVENTS_DEV, self.default_model("fast"))
        failed = parts["all"].failed
        assert not failed, f"{len(failed)} German dev sentences failed, first: {failed[0]}"
        return parts

    def de_events_dev_f1(self, part: str) -> float:
        return self.de_events_dev[part].prf()[2]

    def news_events_f1(self, part: str) -> float:
        """The German newspaper sentences labelled for measuring (KRAUTS), read within
        their articles, as ``training events-score --news --in-story`` prints them."""
        from lagebild.evaluate.metrics import prf
        from training.events_measure import score

        gate.missing_data(DATA / "krauts")
        counts = score(part, self.default_model("fast"), in_story=True, news=True)["all"]
        return prf(counts["found"], counts["predicted"], counts["gold"])[2]

    def measure(self, figure: gate.Figure) -> float:
        return self.timed(figure.name, lambda: MEASURES[figure.measure](self, figure.part))


def _time_right(document, gold: dict) -> bool:
    """Text (as TimeML marks it: the gold writes the preposition), type and value."""
    text = time_tagger(get_pack(document.lang)).timeml_text(gold["text"])
    return any((t.text, t.type, t.value) == (text, gold["type"], gold["value"])
               for t in document.times)


def _quote_right(document, gold: dict) -> bool:
    actors = {a.id: a for a in document.actors}
    for quote in document.quotes:
        actor = actors.get(quote.speaker.actor) if quote.speaker and quote.speaker.actor \
            else None
        code = actor and (actor.org if actor.country == "IGO" else actor.country)
        if gold["contains"] in quote.text and quote.kind == gold["kind"] \
                and code == gold["speaker_actor"]:
            return True
    return False


def _amount_right(document, gold: dict) -> bool:
    return any((a.text, a.value, a.unit) == (gold["text"], gold["value"], gold["unit"])
               for a in document.amounts)


def _place_right(document, gold: dict) -> bool:
    """The place of the first mention with the gold text, within 161 km of the gold point."""
    texts = {entity.id: entity.text for entity in document.entities}
    places = [p for p in document.places if any(texts[m] == gold["text"] for m in p.mentions)]
    return bool(places) and distance_km(places[0].lat, places[0].lon,
                                        gold["lat"], gold["lon"]) <= 161


EXAMPLE_MATCH = {"times": _time_right, "quotes": _quote_right, "amounts": _amount_right,
                 "places": _place_right}

MEASURES: dict[str, Callable[[Measurer, str | None], float]] = {
    "timeml_value_f1": Measurer.timeml_value_f1,
    "timeml_strict_value_f1": Measurer.timeml_strict_value_f1,
    "places_found_acc161": Measurer.places_found_acc161,
    "places_recall161": Measurer.places_recall161,
    "germeval_heldout_f1": Measurer.germeval_heldout_f1,
    "conll_en_f1": Measurer.conll_en_f1,
    "example_events": Measurer.example_events,
    "example_layer": Measurer.example_layer,
    "gsr_f1": Measurer.gsr_f1,
    "de_events_dev_f1": Measurer.de_events_dev_f1,
    "news_events_f1": Measurer.news_events_f1,
}

FIGURES = gate.load()


@pytest.fixture(scope="module")
def measurer(pipeline):
    measurer = Measurer(pipeline)
    yield measurer
    print("\nquality gate: figure, measured, seconds (a shared run counts for its first "
          "figure)")
    for name, seconds in measurer.seconds.items():
        print(f"  {name:34} {measurer.measured[name]:<8.4g} {seconds:6.1f}")


@pytest.mark.parametrize("figure", FIGURES, ids=[f.name for f in FIGURES])
def test_figure_keeps_its_floor(figure: gate.Figure, measurer: Measurer):
    if figure.pending:
        pytest.skip(f"{figure.name} pending: {figure.doc} states no figure yet "
                    "(add `value = ...` to tests/quality/baseline.toml)")
    gate.check(figure, measurer.measure(figure))
