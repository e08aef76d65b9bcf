"""Invented news for ingest tests: pages, feeds and a corpus with known duplicates.

Every story is made up from the word lists below; none is a real report.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape

CITIES = ["Almaty", "Odessa", "Chisinau", "Namanga", "Lima", "Tiflis", "Jerewan", "Bischkek",
          "Taschkent", "Minsk", "Riga", "Vilnius", "Tallinn", "Baku", "Duschanbe", "Aschgabat",
          "Kischinau", "Czernowitz", "Lemberg", "Charkiw", "Mariupol", "Cherson", "Sumy",
          "Poltawa", "Dnipro", "Saporischschja", "Winnyzja", "Schytomyr", "Riwne", "Luzk"]
GROUPS = ["Landwirte", "Studierende", "Lehrkräfte", "Bergleute", "Pflegekräfte", "Taxifahrer",
          "Hafenarbeiter", "Rentnerinnen", "Fischer", "Busfahrer", "Ärztinnen", "Händler",
          "Eisenbahner", "Winzer", "Bauarbeiter", "Journalistinnen"]
BODIES = ["das Innenministerium", "die Stadtverwaltung", "der Gouverneur", "das Parlament",
          "die Zentralbank", "das Verkehrsministerium", "die Wahlkommission", "die Polizei",
          "das Gesundheitsamt", "der Bürgermeister", "die Hafenbehörde", "das Militär"]
THINGS = ["Brotpreise", "Kraftstoffsteuer", "Wasserversorgung", "Schulreform", "Grenzgebühren",
          "Stromtarife", "Mietobergrenze", "Weizenexporte", "Straßenmaut", "Rentenkürzung",
          "Hafengebühren", "Ausgangssperre", "Lizenzpflicht", "Bahnstrecke", "Düngemittelquote"]
WEEKDAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
SITES = ["Beispielzeitung", "Morgenkurier", "Abendblatt Nord", "Tagesspiegel Süd",
         "Rundschau Ost", "Nachrichtenwerk", "Stadtanzeiger", "Landesbote"]
TEMPLATES = [
    "In {city} haben am {day} etwa {n} {group} gegen die {thing} protestiert.",
    "Nach Angaben von {body} versammelten sich die {group} vor dem Rathaus von {city}.",
    "{Body} kündigte an, die {thing} bis Ende {month} zu überprüfen.",
    "Augenzeugen berichteten von {m} Festnahmen am Rand der Kundgebung in {city}.",
    "Die {group} fordern seit {m} Wochen Gespräche über die {thing}.",
    "Ein Sprecher von {body} nannte die Forderungen der {group} unrealistisch.",
    "Bereits im {month} war es in {city2} zu ähnlichen Protesten gekommen.",
    "Die Opposition warf {body} vor, die {thing} ohne Anhörung beschlossen zu haben.",
    "Am Abend blockierten {n} Fahrzeuge die Zufahrt zum Hafen von {city}.",
    "Beobachter rechnen damit, dass sich die {group} aus {city2} anschließen.",
    "{Body} verwies auf Kosten von {n} Millionen für die {thing}.",
    "Ein Vermittler aus {city2} soll bis {day} zwischen beiden Seiten schlichten.",
    "Die Kundgebung in {city} blieb nach Polizeiangaben weitgehend friedlich.",
    "Gewerkschaften aus {city2} erklärten ihre Solidarität mit den {group}.",
    "Eine Umfrage sieht {m} Prozent der Bevölkerung auf der Seite der {group}.",
    "Für {day} ist eine weitere Versammlung auf dem Hauptplatz von {city} angemeldet.",
]
MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
          "Oktober", "November"]


@dataclass
class Story:
    slug: str
    title: str
    sentences: list[str]
    site: str
    author: str
    published: datetime

    @property
    def text(self) -> str:
        return " ".join(self.sentences)


def make_story(rng: random.Random, number: int) -> Story:
    city, city2 = rng.sample(CITIES, 2)
    group, thing, body = rng.choice(GROUPS), rng.choice(THINGS), rng.choice(BODIES)
    sentences = []
    for template in rng.sample(TEMPLATES, 9):
        sentences.append(template.format(
            city=city, city2=city2, group=group, thing=thing, body=body,
            Body=body[0].upper() + body[1:], day=rng.choice(WEEKDAYS), month=rng.choice(MONTHS),
            n=rng.randint(20, 9000), m=rng.randint(2, 60),
        ))
    title = f"{group} in {city} protestieren gegen {thing} ({number})"
    published = datetime(2024, 3, 1, 8, tzinfo=UTC) + timedelta(hours=number)
    return Story(slug=f"story-{number}", title=title, sentences=sentences,
                 site=rng.choice(SITES), author=f"Autorin {number % 7}", published=published)


def near_copy(rng: random.Random, story: Story, agency: str) -> Story:
    """A syndicated copy: another site, a new headline, one sentence cut, one added."""
    sentences = list(story.sentences)
    sentences.pop(rng.randrange(1, len(sentences)))
    sentences.insert(0, f"{story.sentences[0]} ({agency})")
    sentences.pop(1)
    sentences.append(f"Die Agentur {agency} wird weiter berichten.")
    return Story(slug=f"{story.slug}-{agency.lower()}", title=f"{agency}: {story.title}",
                 sentences=sentences, site=f"{agency} Nachrichten", author=agency,
                 published=story.published + timedelta(minutes=30))


def page(story: Story) -> str:
    paragraphs = "".join(f"<p>{escape(s)}</p>\n" for s in story.sentences)
    return f"""<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>{escape(story.title)} | {story.site}</title>
<meta property="og:title" content="{escape(story.title)}">
<meta property="og:site_name" content="{escape(story.site)}">
<meta name="author" content="{escape(story.author)}">
<meta property="article:published_time" content="{story.published.isoformat()}">
</head><body><nav><a href="/">Start</a> <a href="/politik">Politik</a></nav>
<article><h1>{escape(story.title)}</h1>
{paragraphs}</article><footer>Impressum · Datenschutz</footer></body></html>"""


def rss(title: str, items: list[tuple[str, str, str, datetime, str | None]]) -> str:
    """An RSS 2.0 feed of (guid, link, title, date, author) items."""
    entries = "".join(
        f"<item><guid>{escape(guid)}</guid><link>{escape(link)}</link>"
        f"<title>{escape(item_title)}</title>"
        f"<pubDate>{format_datetime(date)}</pubDate>"
        + (f"<author>{escape(author)}</author>" if author else "")
        + "</item>\n"
        for guid, link, item_title, date, author in items
    )
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
            f"<title>{escape(title)}</title><link>http://example.invalid/</link>"
            f"<description>Erfundene Meldungen</description>\n{entries}</channel></rss>")


@dataclass
class Corpus:
    """A feed with known duplicates, served from ``web``: what ingesting it must give."""

    feed_url: str
    entries: int
    articles: int
    clusters: int


def serve_corpus(web, originals: int = 130, near: int = 30, exact: int = 10, variants: int = 30,
                 seed: int = 7, path: str = "/feed.xml") -> Corpus:
    """Originals, syndicated near-copies (stored, same cluster), exact copies at other URLs
    and links to originals with tracking parameters or AMP paths (neither stored)."""
    rng = random.Random(seed)
    stories = [make_story(rng, i) for i in range(originals)]
    items = []
    for story in stories:
        url = web.page(f"/p/{story.slug}", page(story))
        web.page(f"/p/{story.slug}/amp", page(story))
        items.append((url, url, story.title, story.published, story.author))
    agencies = ["AFP", "DPA", "APA", "KNA", "EPD"]
    for i, story in enumerate(rng.sample(stories, near)):
        copy = near_copy(rng, story, agencies[i % len(agencies)])
        url = web.page(f"/s/{copy.slug}", page(copy))
        items.append((url, url, copy.title, copy.published, None))
    for story in rng.sample(stories, exact):
        url = web.page(f"/copy/{story.slug}", page(story))
        items.append((url, url, story.title, story.published, None))
    tracking = ["?utm_source=rss&utm_medium=feed", "?fbclid=abc123", "/amp", "?gclid=x1#top"]
    for i, story in enumerate(rng.sample(stories, variants)):
        url = web.url(f"/p/{story.slug}") + tracking[i % len(tracking)]
        items.append((f"variant-{i}", url, story.title, story.published, None))
    rng.shuffle(items)
    feed_url = web.page(path, rss("Erfundene Nachrichten", items), "application/rss+xml")
    return Corpus(feed_url=feed_url, entries=len(items), articles=originals + near,
                  clusters=originals)
