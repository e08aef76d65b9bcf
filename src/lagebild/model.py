"""The Document schema ``lagebild.document/1``: the one record every stage fills.

Field names are a contract read by outside tools: add fields, never rename
without bumping ``SCHEMA``. Every extracted item carries character offsets
(``start``, ``end``, end exclusive) into ``Document.text``.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA = "lagebild.document/1"

EntityLabel = Literal["PER", "ORG", "LOC", "MISC"]
PlaceKind = Literal["country", "region", "city", "other"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
TimeMod = Literal[
    "START", "END", "MID", "APPROX", "MORE_THAN", "LESS_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE",
    "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER",
]
QuoteKind = Literal["direct", "indirect"]
Modality = Literal["asserted", "reported", "intended", "negated", "hypothetical"]
EventType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]
EVENT_TYPES: tuple[str, ...] = EventType.__args__  # type: ignore[attr-defined]


class _Item(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(_Item):
    """A stretch of the text: what it says and where."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Entity(Span):
    id: str
    label: EntityLabel
    actor: str | None = Field(None, description="id of the actor this mention refers to")
    place: str | None = Field(None, description="id of the place this mention refers to")


class Actor(_Item):
    id: str
    name: str
    country: str | None = Field(
        None, description="ISO 3166-1 alpha-3, or PLOVER's UNO, EUR, IGO, NGO, ISM, IMG, MNC"
    )
    sector: list[str] = Field(default_factory=list, description="PLOVER sector codes")
    org: str | None = Field(None, description="acronym of a known organisation (CSTO, NATO, ...)")
    code: str = Field(description="CAMEO-style country+sector code, e.g. KAZGOV")
    mentions: list[str] = Field(default_factory=list, description="entity ids")
    nominal: list[Span] = Field(
        default_factory=list,
        description="mentions that are no named entity: 'kasachische Soldaten', 'die Regierung'",
    )
    inferred: bool = Field(
        False, description="country taken from the article's main country, not the mention"
    )


class Place(_Item):
    id: str
    name: str
    geonameid: int | None = None
    lat: float
    lon: float
    country: str | None = Field(None, description="ISO 3166-1 alpha-2")
    kind: PlaceKind
    mentions: list[str] = Field(default_factory=list, description="entity ids")
    toponyms: list[Span] = Field(
        default_factory=list,
        description="place names that are no place entity of their own: 'Mansfield' in "
                    "'Mansfield Police Department'",
    )


class Time(Span):
    id: str
    type: TimeType
    value: str = Field(description="TIMEX3 value, e.g. 2022-01-06, 2022-W01-WE, P1W")
    mod: TimeMod | None = None


class Amount(Span):
    id: str
    value: float
    unit: str | None = Field(None, description="lemma of the counted noun")
    approx: bool = False


class Speaker(Span):
    actor: str | None = None


class Quote(Span):
    id: str
    kind: QuoteKind
    cue: str | None = Field(None, description="the speech verb or marker, e.g. sagte, laut")
    speaker: Speaker | None = None


class Event(_Item):
    id: str
    type: EventType
    mode: str | None = None
    context: list[str] = Field(default_factory=list)
    actor: str | None = None
    recipient: str | None = None
    trigger: Span
    sentence: tuple[int, int]
    retold: list[Span] = Field(
        default_factory=list, description="the words of other sentences of the article that "
        "tell the same event again (a headline and its first sentence): type, actor and date "
        "as coded here, and the recipient, or none named there")
    date: str | None = Field(None, description="resolved TIMEX3 date of the event itself")
    time: str | None = None
    place: str | None = None
    quantity: str | None = None
    modality: Modality = "asserted"
    attributed_to: str | None = None
    quote: str | None = None
    confidence: float = Field(1.0, ge=0.0, le=1.0)


class Document(BaseModel):
    """One analysed article, every layer present (empty where nothing was found)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, title="lagebild Document")

    schema_: Literal["lagebild.document/1"] = Field(SCHEMA, alias="schema")
    id: str
    url: str | None = None
    title: str | None = None
    source: str | None = None
    published: str | None = Field(None, description="ISO 8601 date or datetime")
    lang: str | None = None
    author: str | None = Field(None, description="byline, as the page or feed gives it")
    cluster: str | None = Field(
        None, description="story cluster in the store: near-duplicates (syndicated copies, "
        "updates) share it; the id of the cluster's first article"
    )
    text: str = ""
    sentences: list[tuple[int, int]] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    times: list[Time] = Field(default_factory=list)
    amounts: list[Amount] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    warnings: list[str] = Field(
        default_factory=list, description="what was done to the input, e.g. truncation"
    )
    error: str | None = Field(None, description="why this article could not be analysed")

    def to_json(self, indent: int | None = None) -> str:
        return self.model_dump_json(by_alias=True, indent=indent)

    def to_dict(self) -> dict:
        return self.model_dump(mode="json", by_alias=True)

    @classmethod
    def from_json(cls, data: str | bytes) -> Document:
        return cls.model_validate_json(data)


class Article(BaseModel):
    """An input article as it arrives from a source, before analysis."""

    model_config = ConfigDict(extra="ignore", validate_assignment=True)

    id: str | None = None
    text: str = ""
    published: str | None = None
    lang: str | None = None
    url: str | None = None
    title: str | None = None
    source: str | None = None
    author: str | None = None
    warnings: list[str] = Field(default_factory=list)
    error: str | None = Field(None, description="set by a source that could not read it")

    @model_validator(mode="after")
    def _encodable(self) -> Article:
        """Text that UTF-8, SQLite and the tokenizer can take: lone surrogates and NUL
        replaced by U+FFFD at the boundary, with a note in ``warnings``."""
        notes = []
        for name in _TEXT_FIELDS:
            value = getattr(self, name)
            if value is None:
                continue
            cleaned, count = clean_text(value)
            if count:
                object.__setattr__(self, name, cleaned)
                notes.append(f"{name}: {count} character{'s' * (count > 1)} that cannot be "
                             "encoded (lone surrogate or NUL) replaced by U+FFFD")
        if notes or any(clean_text(w)[1] for w in self.warnings):
            object.__setattr__(self, "warnings", [clean_text(w)[0] for w in self.warnings]
                               + notes)
        return self


_TEXT_FIELDS = ("id", "text", "published", "lang", "url", "title", "source", "author", "error")
_UNENCODABLE = re.compile("[\x00\ud800-\udfff]")


def clean_text(value: str) -> tuple[str, int]:
    """``value`` with each lone surrogate and NUL replaced by U+FFFD (a surrogate pair
    given as two code points joined into its character), and how many were replaced.
    Lengths stay, so offsets the sender computed on the rest of the text still hold."""
    if "\x00" not in value:
        try:
            value.encode("utf-8")
            return value, 0
        except UnicodeEncodeError:
            pass
    if _UNENCODABLE.search(value) is None:
        return value, 0
    joined = value.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    cleaned, count = _UNENCODABLE.subn("\ufffd", joined)
    return cleaned, count + joined.count("\ufffd") - value.count("\ufffd")


def parse_published(value: str | None) -> str | None:
    """Normalise a publication date to ISO 8601; raise ValueError when it is not one."""
    if value is None or value == "":
        return None
    text = str(value).strip()
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).isoformat()
    except ValueError:
        raise ValueError(
            f"not an ISO 8601 date: {text!r} (expected e.g. 2022-01-10 or 2022-01-10T08:00)"
        ) from None


def json_schema() -> str:
    """The JSON Schema of the Document, as written to docs/document.schema.json."""
    schema = Document.model_json_schema(by_alias=True)
    schema["$id"] = "urn:lagebild:document:1"
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def break_runs(text: str, limit: int) -> tuple[str, int]:
    """``text`` with a space put after every ``limit`` characters of a run that has no
    whitespace (no word is that long; tokenizing such a run costs time quadratic in its
    length), and how many runs were broken."""
    pattern = re.compile(rf"\S{{{limit + 1},}}")
    if pattern.search(text) is None:
        return text, 0
    count = 0

    def split(match: re.Match) -> str:
        nonlocal count
        count += 1
        run = match.group()
        return " ".join(run[i:i + limit] for i in range(0, len(run), limit))

    return pattern.sub(split, text), count
