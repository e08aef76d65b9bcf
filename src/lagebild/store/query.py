"""Event queries over the store: the filters analysts ask for, as one SQL WHERE clause.

The CLI (``lagebild query``) and the HTTP API (``lagebild serve``) build their
SQL from the same ``EventQuery``, so a filter means the same thing in both.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import countries
from ..errors import StoreError

EVENT_COLUMNS = (
    "e.article_id", "e.id", "e.type", "e.mode", "e.actor_code", "e.actor_country", "e.actor_org",
    "e.recipient_code", "e.recipient_country", "e.recipient_org", "e.date", "e.place_name",
    "e.place_country", "e.lat", "e.lon", "e.quantity", "e.quantity_value", "e.quantity_unit",
    "e.quantity_text", "e.modality", "e.confidence",
    "e.trigger_text", "a.published", "a.url", "a.title",
)

# an actor of the event (role "actor" or "recipient") has this PLOVER sector
_SECTOR = (
    "EXISTS (SELECT 1 FROM actors ac, json_each(ac.sector) s WHERE ac.article_id = e.article_id"
    " AND ac.id = e.{role} AND s.value = ?)"
)


@dataclass(frozen=True)
class EventQuery:
    """Filters on events; every one given must hold.

    ``actor``/``recipient`` match a CAMEO-style code (KAZGOV), a country (KAZ)
    or an organisation (CSTO); ``country`` matches where the event happened or
    whom it involves; ``since``/``until`` bound the event date (inclusive);
    ``text`` is an FTS5 expression over the article's title and text; ``bbox``
    is (min lon, min lat, max lon, max lat); ``min_confidence`` keeps the events whose
    confidence (German: the learned probability that the event is right as coded) is at
    least that.
    """

    type: str | None = None
    actor: str | None = None
    country: str | None = None
    since: str | None = None
    until: str | None = None
    text: str | None = None
    limit: int | None = None
    types: tuple[str, ...] = ()
    recipient: str | None = None
    sector: str | None = None
    recipient_sector: str | None = None
    mode: str | None = None
    modality: str | None = None
    place_country: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    cluster: str | None = None
    min_confidence: float | None = None


def country_codes(code: str) -> tuple[str, str]:
    """(alpha-2, alpha-3) for an ISO country code given in either form."""
    codes = countries.both(code)
    if codes is None:
        raise StoreError(f"unknown ISO country code: {code.upper()}")
    return codes


def _party(role: str, value: str) -> tuple[str, list]:
    code = value.upper()
    return (f"(e.{role}_code = ? OR e.{role}_country = ? OR e.{role}_org = ?)", [code] * 3)


def where_clause(query: EventQuery) -> tuple[str, list]:
    """`` WHERE ...`` (or ``""``) over ``events e JOIN articles a``, with its parameters."""
    where, params = [], []
    types = [t.upper() for t in (*query.types, *([query.type] if query.type else []))]
    if types:
        where.append(f"e.type IN ({', '.join('?' * len(types))})")
        params += types
    for role, value in (("actor", query.actor), ("recipient", query.recipient)):
        if value:
            sql, values = _party(role, value)
            where.append(sql)
            params += values
    for role, sector in (("actor", query.sector), ("recipient", query.recipient_sector)):
        if sector:
            where.append(_SECTOR.format(role=role))
            params.append(sector.upper())
    if query.country:
        alpha2, alpha3 = country_codes(query.country)
        where.append("(e.place_country = ? OR e.actor_country = ? OR e.recipient_country = ?)")
        params += [alpha2, alpha3, alpha3]
    if query.place_country:
        where.append("e.place_country = ?")
        params.append(country_codes(query.place_country)[0])
    if query.mode:
        where.append("e.mode = ?")
        params.append(query.mode)
    if query.modality:
        where.append("e.modality = ?")
        params.append(query.modality)
    if query.min_confidence is not None:
        where.append("e.confidence >= ?")
        params.append(query.min_confidence)
    if query.since:
        # ISO strings compare in time order; coalesce() as in the events_order index
        where.append("coalesce(e.date, '') >= ?")
        params.append(query.since)
    if query.until:
        where.append("coalesce(e.date, '') < ?")  # every date starting with `until` is before
        params.append(query.until + "\uffff")
    if query.bbox:
        min_lon, min_lat, max_lon, max_lat = query.bbox
        where.append("e.lat BETWEEN ? AND ? AND e.lon BETWEEN ? AND ?")
        params += [min_lat, max_lat, min_lon, max_lon]
    if query.cluster:
        where.append("coalesce(a.cluster_id, a.id) = ?")
        params.append(query.cluster)
    if query.text:
        where.append("a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
        params.append(query.text)
    return (f" WHERE {' AND '.join(where)}" if where else ""), params


def build_sql(query: EventQuery) -> tuple[str, list]:
    """The SELECT for a query, with its parameters."""
    where, params = where_clause(query)
    sql = (
        f"SELECT {', '.join(EVENT_COLUMNS)} FROM events e JOIN articles a ON a.id = e.article_id"
        + where
        + " ORDER BY e.date, a.published, e.article_id, e.rowid"
    )
    if query.limit:
        sql += " LIMIT ?"
        params.append(query.limit)
    return sql, params
