"""A store of hand-made Documents (our own sentences, every value known) and a real
uvicorn server over it, for the API and page tests."""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
import uvicorn

from lagebild.model import Actor, Amount, Document, Entity, Event, Place, Quote, Span, Speaker
from lagebild.serve import create_app
from lagebild.store import Store


def _span(text: str, words: str, after: int = 0) -> Span:
    start = text.index(words, after)
    return Span(text=words, start=start, end=start + len(words))


class _Builder:
    """Builds one Document from its text and event specs, finding every span by its words."""

    def __init__(self, ident: str, text: str, published: str, lang: str, **meta):
        self.doc = Document(id=ident, text=text, published=published, lang=lang, **meta,
                            sentences=[(m.start(), m.end()) for m in
                                       re.finditer(r"[^\s.!?][^.!?]*[.!?]", text)])
        self.actors: dict[str, Actor] = {}
        self.places: dict[str, Place] = {}

    def _entity(self, words: str, label: str) -> Entity:
        span = _span(self.doc.text, words)
        entity = Entity(id=f"t{len(self.doc.entities) + 1}", label=label, **span.model_dump())
        self.doc.entities.append(entity)
        return entity

    def actor(self, words: str, code: str, country: str | None, sector: list[str] = (),
              org: str | None = None, label: str = "ORG") -> str:
        if words not in self.actors:
            entity = self._entity(words, label)
            actor = Actor(id=f"a{len(self.actors) + 1}", name=words, country=country,
                          sector=list(sector), org=org, code=code, mentions=[entity.id])
            entity.actor = actor.id
            self.actors[words] = actor
            self.doc.actors.append(actor)
        return self.actors[words].id

    def place(self, words: str, geonameid: int, lat: float, lon: float, country: str,
              kind: str = "city") -> str:
        if words not in self.places:
            entity = self._entity(words, "LOC")
            place = Place(id=f"p{len(self.places) + 1}", name=words, geonameid=geonameid,
                          lat=lat, lon=lon, country=country, kind=kind, mentions=[entity.id])
            entity.place = place.id
            self.places[words] = place
            self.doc.places.append(place)
        return self.places[words].id

    def event(self, type: str, trigger: str, date: str, actor: str | None = None,
              recipient: str | None = None, place: str | None = None,
              amount: tuple[str, float, str] | None = None, modality: str = "asserted",
              quote: tuple[str, str, str] | None = None, confidence: float = 1.0) -> None:
        text = self.doc.text
        span = _span(text, trigger)
        sentence = next(s for s in self.doc.sentences if s[0] <= span.start < s[1])
        quantity = quote_id = attributed = None
        if amount:
            words, value, unit = amount
            quantity = f"n{len(self.doc.amounts) + 1}"
            self.doc.amounts.append(Amount(id=quantity, value=value, unit=unit,
                                           **_span(text, words).model_dump()))
        if quote:
            words, cue, speaker = quote
            attributed = self.actors[speaker].id
            quote_id = f"q{len(self.doc.quotes) + 1}"
            self.doc.quotes.append(Quote(
                id=quote_id, kind="indirect", cue=cue, **_span(text, words).model_dump(),
                speaker=Speaker(actor=attributed, **_span(text, speaker).model_dump())))
        self.doc.events.append(Event(
            id=f"v{len(self.doc.events) + 1}", type=type, trigger=span, sentence=sentence,
            date=date, actor=self.actors[actor].id if actor else None,
            recipient=self.actors[recipient].id if recipient else None,
            place=self.places[place].id if place else None, quantity=quantity,
            modality=modality, attributed_to=attributed, quote=quote_id,
            confidence=confidence))


def documents() -> list[Document]:
    """Three invented articles, five events."""
    a = _Builder(
        "art-mali", "Frankreich schickte am Dienstag 200 Soldaten nach Mali. Die Regierung "
        "Malis protestierte gegen den Einsatz, sagte ihr Sprecher Amadou Keita.",
        "2026-03-04", "de", source="Beispielblatt", url="https://example.org/mali",
        title="Soldaten nach Mali")
    a.actor("Frankreich", "FRA", "FRA")
    a.actor("Mali", "MLI", "MLI")
    a.actor("Regierung", "MLIGOV", "MLI", ["GOV"])
    a.actor("Amadou Keita", "MLIGOV", "MLI", ["GOV"], label="PER")
    a.place("Mali", 2453866, 17.0, -4.0, "ML", kind="country")
    a.event("MOBILIZE", "schickte", "2026-03-03", actor="Frankreich", recipient="Mali",
            place="Mali", amount=("200 Soldaten", 200, "Soldat"))
    a.event("PROTEST", "protestierte", "2026-03-04", actor="Regierung", recipient="Frankreich",
            place="Mali", modality="reported",
            quote=("Die Regierung Malis protestierte gegen den Einsatz", "sagte",
                   "Amadou Keita"))
    b = _Builder(
        "art-lyon", "Police in Lyon arrested 40 protesters on Thursday. Hundreds of protesters "
        "marched through Lyon.", "2026-03-05", "en", source="Example Wire",
        url="https://wire.example.com/lyon", title="Arrests in Lyon")
    b.actor("Police", "FRACOP", "FRA", ["COP"])
    b.actor("protesters", "FRACVL", "FRA", ["CVL"])
    b.place("Lyon", 2996944, 45.748, 4.847, "FR")
    b.event("COERCE", "arrested", "2026-03-05", actor="Police", recipient="protesters",
            place="Lyon", amount=("40 protesters", 40, "protester"))
    b.event("PROTEST", "marched", "2026-03-05", actor="protesters", place="Lyon",
            confidence=0.3)
    c = _Builder(
        "art-astana", "Kasachstan bat Russland am Freitag um Hilfe.", "2026-03-07", "de",
        source="Beispielblatt", title="Bitte um Hilfe")
    c.actor("Kasachstan", "KAZ", "KAZ")
    c.actor("Russland", "RUS", "RUS")
    c.place("Kasachstan", 1522867, 48.0, 68.0, "KZ", kind="country")
    c.event("REQUEST", "bat", "2026-03-06", actor="Kasachstan", recipient="Russland",
            place="Kasachstan", modality="intended")
    return [a.doc, b.doc, c.doc]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running(app) -> Iterator[str]:
    """The app on a real uvicorn server on 127.0.0.1, in a thread; yields its base URL."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


def write_store(path: Path, docs: list[Document]) -> Path:
    with Store(path) as store:
        for doc in docs:
            assert store.write(doc) == "added"
    return path


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> Path:
    return write_store(tmp_path_factory.mktemp("serve") / "events.db", documents())


@pytest.fixture(scope="module")
def base_url(store_path) -> Iterator[str]:
    with running(create_app(store_path)) as url:
        yield url


@pytest.fixture()
def client(base_url) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base_url, timeout=30) as http:
        yield http
