"""Build ``lagebild/data/persons.tsv`` from the Phoenix actor dictionaries (MIT).

Reads ``Phoenix.Countries.actors.txt`` and ``Phoenix.International.actors.txt`` of
PETRARCH-2 (CountryInfo and IGO rulers, Copyright (c) 2014 Open Event Data Alliance, MIT
License; persons of the UN coded UNO, of the EU EUR, of other IGOs IGO, of NGOs NGO) and
keeps the persons: entries with at least one dated code ("[USAGOV 930120-010120]").
Each dated code becomes one row of the leaders table format (country, office, first
day, last day, spellings), GOV codes as
"government", the others as "elite"; spellings are the entry's names in title case,
without the titles and descriptions PETRARCH lists as variants ("PRESIDENT_CLINTON",
"THE_CLINTON_ADMINISTRATION"), which the actors layer reads from the text itself; the
surname alone is added where it is not shared across countries and is no common word
(``place_stopwords.tsv``, spaCy's English stop words) or place name (the place gazetteer).

    PYTHONPATH=src python scripts/phoenix_persons.py DICTIONARIES/Phoenix.Countries.actors.txt \
        DICTIONARIES/Phoenix.International.actors.txt > src/lagebild/data/persons.tsv
"""

from __future__ import annotations

import re
import sys
from datetime import date

import pycountry
from spacy.lang.en.stop_words import STOP_WORDS

from lagebild.places.gazetteer import load_gazetteer

CODE = re.compile(r"\[([A-Z]{3})([A-Z]{0,3})[A-Z]*\s*(?:([<>])?(\d{6}))?\s*(?:-\s*(\d{6}))?\s*\]")
#: Variants that are a title or a description rather than a name.
SKIP = re.compile(r"^(THE|MR|MRS|MS|DR|FORMER|US|U\.S\.|AMERICAN|MINISTER|FOREIGN|LEADER|"
                  r"COLONEL|COL|MARSHAL|SECRETARY|VICE|DEPUTY|SENATOR|GOVERNOR|CHAIRMAN|"
                  r"BROTHER|COMRADE|[A-Z]+_(PRESIDENT|MINISTER|LEADER))_|"
                  r"_(ADMINISTRATION|GOVERNMENT|REGIME)_?$")
#: A title that may stand in front of a name in a spelling: kept ("President Bush") where
#: one title and one or two name words follow, since the title alone says whose.
TITLED = re.compile(r"^(PRESIDENT|PRIME_MINISTER|KING|QUEEN|PRINCE|SHEIKH|EMIR|SULTAN|"
                    r"CHANCELLOR|AYATOLLAH|PREMIER|GENERAL|GEN)_([A-Z.'-]+_?){1,2}$")
#: Last words of the names of groups and bodies, which the dictionary also lists: no surname.
GROUP_WORDS = {"Council", "Party", "Front", "Movement", "Army", "Forces", "Coalition", "Union",
               "Committee", "Organization", "Organisation", "Group", "Brigade", "Brigades",
               "Association", "League", "Alliance", "Authority", "Government", "Ministry",
               "Commission", "Assembly", "Congress", "Bank", "Agency", "Society", "Federation",
               "Court", "Office", "Service", "Network", "Revolution", "Tribe", "Clan"}
TITLE_WORDS = {"President", "Prime", "Minister", "King", "Queen", "Prince", "Sheikh", "Emir",
               "Sultan", "Chancellor", "Ayatollah", "Premier", "General", "Gen"}
#: Words kept lower case inside a name.
PARTICLES = {"al", "el", "bin", "ibn", "de", "da", "van", "von", "der", "la", "le", "du", "dos",
             "di", "y", "abu", "ben"}
#: Words that are never a person's name on their own (a surname alone is also a spelling).
COMMON = {"King", "Prince", "President", "Jordan", "Chad", "Georgia", "Israel", "Will",
          "May", "Young", "Brown", "Black", "White", "Green", "Rice", "Gates", "Powell", "Hope",
          "Long", "Little", "Love", "Rich", "Strong", "Wise", "Best", "Bishop", "Church",
          "Court", "Dean", "Justice", "Major", "Marshall", "Mayor", "Pope", "Power", "Sharp"}


STOPWORDS = "src/lagebild/lang/en/data/place_stopwords.tsv"


def day(text: str | None) -> date | None:
    if not text:
        return None
    year, month, dom = int(text[:2]), int(text[2:4]), int(text[4:6])
    year += 1900 if year > 30 else 2000
    try:
        return date(year, max(month, 1), max(dom, 1))
    except ValueError:
        return date(year, 1, 1)


def title(variant: str) -> str:
    words = [w for w in variant.strip("_").split("_") if w]
    out = []
    for w in words:
        low = w.lower()
        if out and low in PARTICLES:
            out.append(low)
        else:
            out.append("-".join(p[:1] + p[1:].lower() for p in w.split("-")))
    return " ".join(out)


def blocks(lines):
    block: list[str] = []
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        if line[0] not in "+ \t[" and block:
            yield block
            block = []
        block.append(line.rstrip("\n"))
    if block:
        yield block


def main(paths: list[str], stopwords_path: str = STOPWORDS) -> None:
    stopwords = COMMON | {line.strip() for line in open(stopwords_path, encoding="utf-8")
                          if line.strip() and not line.startswith("#")}
    stopwords |= {word.title() for word in STOP_WORDS}  # "Some", "Many": English words
    places = load_gazetteer()  # a surname that is also a place is left out ("Paris")
    rows = []
    lines = [line for path in paths for line in open(path, encoding="utf-8", errors="replace")]
    if True:
        for block in blocks(lines):
            head = block[0].split("#")[0].split("[")[0].strip()
            variants = [head] + [b[1:].split("#")[0].split("[")[0].strip() for b in block
                                if b.startswith("+")]
            codes = []
            for b in block:
                for m in CODE.finditer(b.split("#")[0]):
                    country, sector, mark, first, last = m.groups()
                    if mark == "<":  # "<yymmdd": until that day
                        first, last = None, first
                    codes.append((country, sector, first, last))
            if not any(first or last for _, _, first, last in codes):
                continue
            dated = codes
            names = []
            for variant in variants:
                variant = variant.split()[0] if variant.split() else ""  # junk after a tab
                if not variant or SKIP.search(variant) or (
                        variant.split("_")[0] in ("PRESIDENT", "PRIME", "KING", "QUEEN", "PRINCE",
                                                  "SHEIKH", "EMIR", "SULTAN", "CHANCELLOR",
                                                  "AYATOLLAH", "PREMIER", "GENERAL", "GEN")
                        and not TITLED.match(variant)):
                    continue
                name = title(variant)
                if " " in name and name not in names:  # one word alone: see surnames below
                    names.append(name)
            names.sort(key=lambda n: n.split()[0] in TITLE_WORDS)  # the name first
            if not names or " " not in names[0] or names[0].split()[0] in TITLE_WORDS:
                continue  # a single word is too often something else
            for country, sector, first, last in dated:
                if not sector and country not in ("IGO", "NGO"):
                    continue  # "[BIH >920305]": the country itself, not a person
                if country in ("IGO", "NGO"):  # the international file: UN, EU, other IGOs
                    country = {"UNO": "UNO", "EUR": "EUR"}.get(sector, country) \
                        if country == "IGO" else "NGO"
                elif pycountry.countries.get(alpha_3=country) is None:
                    continue
                start, end = day(first) or date(1900, 1, 1), day(last)
                office = "government" if sector == "GOV" else "elite"
                rows.append([country, office, start.isoformat(), end.isoformat() if end else "",
                             names])
    # the surname alone, where the persons of government who bear it are of one country and
    # it is no common word or other name ("Mubarak", not "Bush" or "Young")
    countries: dict[str, set[str]] = {}
    first_names = {n.split()[0] for *_, names in rows for n in names}
    for country, office, _, _, names in rows:
        if office == "government":
            countries.setdefault(names[0].split()[-1], set()).add(country)
    for row in rows:
        surname = row[4][0].split()[-1]
        if surname[:1].islower() or surname.endswith("."):
            continue
        if len(countries.get(surname, ())) == 1 and surname not in stopwords \
                and not places.lookup(surname) and surname not in first_names \
                and surname not in TITLE_WORDS and surname not in GROUP_WORDS \
                and surname[:1].isupper() and len(surname) > 3 and surname not in row[4]:
            row[4] = row[4] + [surname]
    print("# Persons with their country and terms, for English news: derived by\n"
          "# scripts/phoenix_persons.py from Phoenix.Countries.actors.txt and\n"
          "# Phoenix.International.actors.txt of PETRARCH-2 (Copyright (c) 2014 Open Event\n"
          "# Data Alliance, MIT License). Columns as in lagebild/data/leaders.tsv; office:\n"
          "# government (GOV codes) or elite (others); UNO, EUR, IGO, NGO for persons of\n"
          "# international organisations.")
    print("iso3\toffice\tstart\tend\tnames")
    for row in sorted({(*row[:4], "|".join(row[4])) for row in rows}):
        print("\t".join(row))


if __name__ == "__main__":
    main(sys.argv[1:])
