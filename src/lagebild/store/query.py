"""Event queries over the store: the filters analysts ask for, as one SQL statement."""

from __future__ import annotations

from dataclasses import dataclass

import pycountry

from ..errors import StoreError

EVENT_COLUMNS = (
    "e.article_id", "e.id", "e.type", "e.mode", "e.actor_code", "e.actor_country", "e.actor_org",
    "e.recipient_code", "e.recipient_country", "e.recipient_org", "e.date", "e.place_name",
    "e.place_country", "e.lat", "e.lon", "e.quantity", "e.modality", "e.confidence",
    "e.trigger_text", "a.published", "a.url", "a.title",
)


@dataclass(frozen=True)
class EventQuery:
    """Filters on events; every one given must hold."""

    type: str | None = None
    actor: str | None = None
    country: str | None = None
    since: str | None = None
    until: str | None = None
    text: str | None = None
    limit: int | None = None


def _country_codes(code: str) -> tuple[str, str]:
    """(alpha-2, alpha-3) for an ISO country code given in either form."""
    country = pycountry.countries.get(alpha_2=code) if len(code) == 2 else None
    country = country or (pycountry.countries.get(alpha_3=code) if len(code) == 3 else None)
    if country is None:
        raise StoreError(f"unknown ISO country code: {code}")
    return country.alpha_2, country.alpha_3


def build_sql(query: EventQuery) -> tuple[str, list]:
    """The SELECT for a query, with its parameters."""
    where, params = [], []
    if query.type:
        where.append("e.type = ?")
        params.append(query.type.upper())
    if query.actor:
        code = query.actor.upper()
        where.append("(e.actor_code = ? OR e.actor_country = ? OR e.actor_org = ?)")
        params += [code, code, code]
    if query.country:
        alpha2, alpha3 = _country_codes(query.country.upper())
        where.append("(e.place_country = ? OR e.actor_country = ? OR e.recipient_country = ?)")
        params += [alpha2, alpha3, alpha3]
    if query.since:
        where.append("substr(e.date, 1, 10) >= ?")
        params.append(query.since)
    if query.until:
        where.append("substr(e.date, 1, 10) <= ?")
        params.append(query.until)
    if query.text:
        where.append("a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
        params.append(query.text)
    sql = (
        f"SELECT {', '.join(EVENT_COLUMNS)} FROM events e JOIN articles a ON a.id = e.article_id"
        + (f" WHERE {' AND '.join(where)}" if where else "")
        + " ORDER BY e.date, a.published, e.article_id, e.rowid"
    )
    if query.limit:
        sql += " LIMIT ?"
        params.append(query.limit)
    return sql, params
