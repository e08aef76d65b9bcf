"""The query parameters of the event endpoints, validated before any SQL is built.

Unknown parameters are refused (``extra="forbid"``), so a misspelt filter is a
400 rather than a silently unfiltered answer.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..errors import RequestError, StoreError
from ..model import EVENT_TYPES, Modality
from ..store.query import EventQuery, country_codes

CODE = r"^[A-Za-z0-9_-]{2,24}$"
SECTOR = r"^[A-Za-z]{3}$"
Sort = Literal["date", "-date", "published", "-published"]
MAX_PAGE = 500
MAX_EXPORT = 1_000_000


class EventFilters(BaseModel):
    """Filters shared by /events, /stats and the exports; every one given must hold."""

    model_config = ConfigDict(extra="forbid")

    type: str | None = Field(None, description="PLOVER type(s), comma-separated: ASSAULT,PROTEST")
    mode: str | None = Field(None, max_length=40, description="PLOVER mode")
    actor: str | None = Field(None, pattern=CODE, description="actor code, country or org: "
                              "KAZGOV, KAZ, CSTO")
    recipient: str | None = Field(None, pattern=CODE, description="recipient code, country or org")
    sector: str | None = Field(None, pattern=SECTOR, description="actor's PLOVER sector: MIL")
    recipient_sector: str | None = Field(None, pattern=SECTOR)
    modality: Modality | None = None
    country: str | None = Field(None, description="ISO country of the place or of either actor")
    place_country: str | None = Field(None, description="ISO country where the event happened")
    since: date | None = Field(None, description="event date from (YYYY-MM-DD, inclusive)")
    until: date | None = Field(None, description="event date to (YYYY-MM-DD, inclusive)")
    bbox: str | None = Field(None, description="min lon,min lat,max lon,max lat")
    q: str | None = Field(None, min_length=1, max_length=500,
                          description="words that must all occur in the article")
    cluster: str | None = Field(None, max_length=200, description="story cluster id")
    min_confidence: float | None = Field(None, ge=0.0, le=1.0, description="events whose "
                                         "confidence is at least this (0 to 1)")

    @field_validator("type")
    @classmethod
    def _types(cls, value: str | None) -> str | None:
        if value is None:
            return None
        types = [t.strip().upper() for t in value.split(",") if t.strip()]
        unknown = [t for t in types if t not in EVENT_TYPES]
        if unknown or not types:
            raise ValueError(f"unknown event type {', '.join(unknown) or value!r}; "
                             f"known: {', '.join(EVENT_TYPES)}")
        return ",".join(types)

    @field_validator("country", "place_country")
    @classmethod
    def _country(cls, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            return country_codes(value)[1]
        except StoreError:
            raise ValueError(f"unknown ISO 3166-1 country code {value!r}") from None

    @field_validator("bbox")
    @classmethod
    def _bbox(cls, value: str | None) -> str | None:
        if value is None:
            return None
        parts = value.split(",")
        try:
            min_lon, min_lat, max_lon, max_lat = (float(p) for p in parts)
        except ValueError:
            raise ValueError("bbox is four numbers: min lon,min lat,max lon,max lat") from None
        if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
            raise ValueError("bbox out of range or min > max")
        return value

    def query(self) -> EventQuery:
        """The store query these filters ask for."""
        if self.since and self.until and self.since > self.until:
            raise RequestError("since is after until")
        return EventQuery(
            types=tuple(self.type.split(",")) if self.type else (),
            mode=self.mode, actor=self.actor, recipient=self.recipient, sector=self.sector,
            recipient_sector=self.recipient_sector, modality=self.modality,
            country=self.country, place_country=self.place_country,
            since=self.since.isoformat() if self.since else None,
            until=self.until.isoformat() if self.until else None,
            bbox=tuple(float(p) for p in self.bbox.split(",")) if self.bbox else None,
            text=fts_query(self.q) if self.q else None, cluster=self.cluster,
            min_confidence=self.min_confidence,
        )


class EventPage(EventFilters):
    """/events: filters, sort order, page size and the cursor from the previous page."""

    sort: Sort = "date"
    limit: int = Field(50, ge=1, le=MAX_PAGE, description=f"events per page (at most {MAX_PAGE})")
    cursor: str | None = Field(None, max_length=1000, description="next_cursor of the last page")


class EventExport(EventFilters):
    """The /events.csv, .geojson and .parquet exports: filters, sort and a row cap."""

    sort: Sort = "date"
    limit: int = Field(100_000, ge=1, le=MAX_EXPORT)


class StatsFilters(EventFilters):
    """/stats: filters and which country an event is counted under."""

    by: Literal["place", "actor", "recipient"] = Field(
        "place", description="count under the place's country or an actor's")


class ActorFilters(BaseModel):
    """/actors: by country and part of the name."""

    model_config = ConfigDict(extra="forbid")
    country: str | None = Field(None, pattern=r"^[A-Z]{3}$", description="PLOVER country code")
    q: str | None = Field(None, max_length=200, description="part of the actor's name")
    limit: int = Field(100, ge=1, le=1000)


class PlaceFilters(BaseModel):
    """/places: by country."""

    model_config = ConfigDict(extra="forbid")
    country: str | None = Field(None, pattern=r"^[A-Z]{2}$", description="ISO alpha-2")
    limit: int = Field(100, ge=1, le=1000)


_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str) -> str:
    """Free text → an FTS5 query of quoted words (all must occur): no operator, no syntax error."""
    words = _WORD.findall(text)
    if not words:
        raise RequestError(f"q has no words to search for: {text!r}")
    return " ".join(f'"{word}"' for word in words[:32])


def encode_cursor(sort: str, key: list) -> str:
    raw = json.dumps([sort, *key], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, sort: str) -> list:
    """The sort key after which the next page starts; RequestError if it is not ours."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        value = json.loads(raw)
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise RequestError("cursor is not one this API gave out") from None
    if (not isinstance(value, list) or len(value) != 4 or value[0] != sort
            or not all(isinstance(v, str) for v in value[1:])):
        raise RequestError("cursor does not belong to this sort order")
    return value[1:]
