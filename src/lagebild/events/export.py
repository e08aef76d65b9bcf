"""Events in the forms other tools read: PLOVER/POLECAT-style JSON and a GDELT-2.0-like table.

The CAMEO root code of each PLOVER type is the root its CAMEO codes mostly
fall under in the PLOVER manual's CAMEO table; the quad class follows CAMEO
(1 verbal and 2 material cooperation, 3 verbal and 4 material conflict).
"""

from __future__ import annotations

from ..model import Actor, Document

CAMEO_ROOT = {
    "REQUEST": "02", "AGREE": "03", "CONSULT": "04", "SUPPORT": "05", "COOPERATE": "06",
    "AID": "07", "CONCEDE": "08", "RETREAT": "08", "ACCUSE": "11", "REJECT": "12",
    "THREATEN": "13", "PROTEST": "14", "MOBILIZE": "15", "SANCTION": "16", "COERCE": "17",
    "ASSAULT": "18",
}
QUAD_CLASS = {"02": 1, "03": 1, "04": 1, "05": 1, "06": 2, "07": 2, "08": 2, "11": 3, "12": 3,
              "13": 3, "14": 4, "15": 4, "16": 4, "17": 4, "18": 4}

GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "Actor1Code", "Actor1Name", "Actor1CountryCode",
    "Actor1Type1Code", "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
    "EventCode", "EventRootCode", "PloverType", "QuadClass", "Modality", "ActionGeo_FullName",
    "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long", "DATEADDED", "SOURCEURL",
)


def _actor(actor: Actor | None, document: Document) -> dict | None:
    if actor is None:
        return None
    entities = {e.id: e for e in document.entities}
    texts = [entities[m].text for m in actor.mentions if m in entities]
    texts += [n.text for n in actor.nominal]
    return {"name": actor.name, "country": actor.country, "sector": actor.sector[:1],
            "other_sectors": actor.sector[1:], "org": actor.org, "code": actor.code,
            "text": texts[0] if texts else actor.name, "inferred": actor.inferred}


def plover_records(document: Document) -> list[dict]:
    """One PLOVER-style record per event, with its evidence in the text."""
    actors = {a.id: a for a in document.actors}
    places = {p.id: p for p in document.places}
    amounts = {a.id: a for a in document.amounts}
    quotes = {q.id: q for q in document.quotes}
    records = []
    for event in document.events:
        place = places.get(event.place or "")
        quote = quotes.get(event.quote or "")
        amount = amounts.get(event.quantity or "")
        records.append({
            "id": f"{document.id}:{event.id}", "event_type": event.type, "mode": event.mode,
            "context": event.context, "date": event.date,
            "actor": _actor(actors.get(event.actor or ""), document),
            "recipient": _actor(actors.get(event.recipient or ""), document),
            "event_text": event.trigger.text,
            "sentence": document.text[event.sentence[0]:event.sentence[1]],
            "location": place and {"name": place.name, "geonameid": place.geonameid,
                                   "lat": place.lat, "lon": place.lon,
                                   "country": place.country, "kind": place.kind},
            "quantity": amount and {"value": amount.value, "unit": amount.unit,
                                    "approx": amount.approx},
            "modality": event.modality,
            "attributed_to": _actor(actors.get(event.attributed_to or ""), document),
            "quote": quote.text if quote else None,
            "confidence": event.confidence,
            "source": {"id": document.id, "url": document.url, "title": document.title,
                       "published": document.published, "language": document.lang},
        })
    return records


def _gdelt_actor(actor: Actor | None) -> tuple:
    if actor is None:
        return "", "", "", ""
    return (actor.code, actor.name.upper(), actor.country or "",
            actor.sector[0] if actor.sector else "")


def gdelt_rows(document: Document) -> list[tuple]:
    """GDELT-2.0-like event rows (the columns of ``GDELT_COLUMNS``)."""
    actors = {a.id: a for a in document.actors}
    places = {p.id: p for p in document.places}
    added = (document.published or "")[:10].replace("-", "")
    rows = []
    for event in document.events:
        root = CAMEO_ROOT[event.type]
        place = places.get(event.place or "")
        date = (event.date or "")[:10]
        rows.append((
            f"{document.id}:{event.id}", date.replace("-", "") if len(date) == 10 else "",
            *_gdelt_actor(actors.get(event.actor or "")),
            *_gdelt_actor(actors.get(event.recipient or "")),
            root, root, event.type, QUAD_CLASS[root], event.modality,
            place.name if place else "", place.country if place else "",
            place.lat if place else "", place.lon if place else "", added, document.url or "",
        ))
    return rows


