"""Invented one- and two-sentence German news items, built from a few templates."""

from __future__ import annotations

from itertools import cycle, islice

SENTENCES = [
    "Die Regierung in {ort} kündigte am {tag} neue Sanktionen gegen {land} an.",
    "Tausende Demonstranten protestierten am {tag} in {ort} gegen die Regierung.",
    "Der Außenminister von {land} traf am {tag} in {ort} seinen Amtskollegen zu Gesprächen.",
    "Die Polizei nahm am {tag} in {ort} zwölf Aktivisten fest.",
    "{land} schickte am {tag} Hilfsgüter in die Region um {ort}.",
    "Die Opposition warf der Regierung am {tag} in {ort} Wahlbetrug vor.",
]
SECOND = [
    "Ein Sprecher sagte, man prüfe weitere Schritte.",
    "",
    "Die Lage blieb am Abend ruhig.",
]
PLACES = ["Berlin", "Leipzig", "Hamburg", "Wien", "Graz", "Zürich", "Dresden"]
COUNTRIES = ["Russland", "Frankreich", "Polen", "Ungarn", "Serbien"]
DAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag"]


def articles(count: int) -> list[dict]:
    """``count`` invented articles with ids ``n0000``..., published January to March 2024."""
    rows = []
    parts = zip(cycle(SENTENCES), cycle(SECOND), cycle(PLACES), cycle(COUNTRIES), cycle(DAYS),
                strict=False)
    for number, (first, second, ort, land, tag) in enumerate(islice(parts, count)):
        text = (first.format(ort=ort, land=land, tag=tag) + " " + second).strip()
        rows.append({"id": f"n{number:04d}", "text": text, "lang": "de",
                     "published": f"2024-{number % 3 + 1:02d}-{number % 28 + 1:02d}"})
    return rows
