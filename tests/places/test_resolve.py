"""Disambiguation in context, on mentions written by hand (no spaCy needed)."""

from __future__ import annotations

from lagebild.places import PlaceMention, link_containers, load_gazetteer, resolve
from lagebild.places.resolve import name_variants


def places_of(text: str, names: list[str], suffixes: tuple[str, ...] = ()):
    mentions, position = [], 0
    for name in names:
        start = text.index(name, position)
        mentions.append(PlaceMention(name, start, start + len(name)))
        position = start + len(name)
    link_containers(mentions, text)
    resolve(mentions, load_gazetteer(), suffixes)
    return {m.text: m.place for m in mentions}


def test_moscow_idaho_and_paris_texas_stay_in_the_us():
    text = "The sheriff of Moscow, Idaho, met colleagues from Paris, Texas."
    found = places_of(text, ["Moscow", "Idaho", "Paris", "Texas"])
    assert found["Moscow"].country == "US" and found["Moscow"].admin1 == "ID"
    assert found["Paris"].country == "US" and found["Paris"].admin1 == "TX"


def test_moscow_and_paris_alone_are_the_capitals():
    found = places_of("Talks in Moscow and Paris ended.", ["Moscow", "Paris"])
    assert (found["Moscow"].country, found["Moscow"].kind) == ("RU", "city")
    assert (found["Paris"].country, found["Paris"].kind) == ("FR", "city")


def test_georgia_follows_the_story():
    caucasus = places_of("Protesters gathered in Tbilisi and Batumi; Georgia's government fell.",
                         ["Tbilisi", "Batumi", "Georgia"])
    assert (caucasus["Georgia"].country, caucasus["Georgia"].kind) == ("GE", "country")
    south = places_of("Storms hit Atlanta and Savannah as Georgia declared an emergency.",
                      ["Atlanta", "Savannah", "Georgia"])
    assert (south["Georgia"].country, south["Georgia"].kind) == ("US", "region")


def test_german_inflected_forms():
    assert name_variants("Kasachstans", ("s",)) == ["Kasachstans", "Kasachstan"]
    found = places_of("Moskaus Einfluss in Kasachstans Norden", ["Moskaus", "Kasachstans"],
                      ("s",))
    assert found["Moskaus"].country == "RU" and found["Moskaus"].kind == "city"
    assert found["Kasachstans"].kind == "country" and found["Kasachstans"].country == "KZ"


def test_a_final_full_stop_is_tried_with_and_without():
    assert name_variants("Ky.") == ["Ky.", "Ky"]
    assert name_variants("Moskau.") == ["Moskau.", "Moskau"]
    found = places_of("He moved to Lexington, Ky. Then he left.", ["Lexington", "Ky."])
    assert found["Ky."].name == "Kentucky"
    assert found["Lexington"].admin1 == "KY"


def test_country_hint_from_the_entity_ruler_is_a_candidate():
    mention = PlaceMention("Nordkaukasusland", 0, 16, country_hint="RU")
    resolve([mention], load_gazetteer())
    assert mention.place.country == "RU" and mention.place.kind == "country"


def test_unknown_names_stay_unresolved():
    mention = PlaceMention("Xqzzy", 0, 5)
    resolve([mention], load_gazetteer())
    assert mention.place is None


def test_names_that_can_share_a_state_go_there_together():
    """No name is clear by itself, but Gainesville, Hall County and Georgia all have a
    candidate in the US state of Georgia (Gainesville in Florida is bigger)."""
    text = "The Gainesville council and Hall County asked Georgia for road money."
    found = places_of(text, ["Gainesville", "Hall County", "Georgia"])
    assert (found["Gainesville"].country, found["Gainesville"].admin1) == ("US", "GA")
    assert (found["Hall County"].country, found["Hall County"].admin1) == ("US", "GA")
    assert (found["Georgia"].country, found["Georgia"].kind) == ("US", "region")
    alone = places_of("The Gainesville council met.", ["Gainesville"])
    assert alone["Gainesville"].admin1 == "FL"


def test_a_town_close_to_another_name_goes_with_it():
    """Athens in Ohio lies next to Meigs County; Athens in Greece is far bigger."""
    found = places_of("Athens and Meigs County declared a flood emergency on Monday.",
                      ["Athens", "Meigs County"])
    assert (found["Athens"].country, found["Athens"].admin1) == ("US", "OH")
    assert (found["Meigs County"].country, found["Meigs County"].admin1) == ("US", "OH")
    greek = places_of("Athens and Sparta were rivals.", ["Athens", "Sparta"])
    assert greek["Athens"].country == "GR"


def test_towns_of_one_county_stay_together():
    """Each of these names is a town in several states; together they are Mississippi."""
    text = "Sheriffs from Jackson, Madison County and Ridgeland met in Canton."
    found = places_of(text, ["Jackson", "Madison County", "Ridgeland", "Canton"])
    assert {p.admin1 for p in found.values()} == {"MS"}


def test_a_country_named_in_the_article_draws_its_towns():
    """Saint Paul and Saint Peter have towns next to an Alexandria in Minnesota; Egypt,
    named, draws Alexandria to itself."""
    text = ("Crews from Saint Paul and Saint Peter flew to Alexandria, then on to Giza. "
            "Egypt thanked them.")
    found = places_of(text, ["Saint Paul", "Saint Peter", "Alexandria", "Giza", "Egypt"])
    assert found["Alexandria"].country == "EG"
    without = places_of("Priests from Saint Paul and Saint Peter prayed in Alexandria.",
                        ["Saint Paul", "Saint Peter", "Alexandria"])
    assert without["Alexandria"].country == "US"


def test_names_with_a_qualifier_keep_it():
    """"Frankfurt (Oder)" is the town on the Oder, not Frankfurt am Main; a bracket of the
    sentence around a name is no qualifier."""
    assert name_variants("Frankfurt (Oder)") == ["Frankfurt (Oder)"]
    assert name_variants("(Oder)") == ["Oder"]
    gazetteer = load_gazetteer()
    for text, admin1 in (("Frankfurt (Oder)", "11"), ("Frankfurt an der Oder", "11")):
        mention = PlaceMention(text, 0, len(text))
        resolve([mention], gazetteer)
        assert (mention.place.country, mention.place.admin1) == ("DE", admin1), text
        assert abs(mention.place.lon - 14.55) < 0.1


def test_qualified_town_names_are_found_in_german_text(pipeline):
    text = "Landwirte blockierten in Frankfurt an der Oder und in Halle (Saale) die Straßen."
    document = pipeline({"text": text, "lang": "de", "published": "2024-02-21"})
    names = {document.text[e.start:e.end] for e in document.entities if e.label == "LOC"}
    assert {"Frankfurt an der Oder", "Halle (Saale)"} <= names
    places = {p.name for p in document.places}
    assert {"Frankfurt (Oder)", "Halle (Saale)"} <= places


def test_a_region_is_not_likelier_than_a_city_of_its_name_as_populous():
    found = places_of("Fighting went on in Gaza and Manchester was quiet.",
                      ["Gaza", "Manchester"])
    assert (found["Gaza"].country, found["Gaza"].kind) == ("PS", "city")
    assert found["Manchester"].country == "GB"
    # a region larger than any town of its name stays the region
    assert places_of("Strikes spread across Bavaria.", ["Bavaria"])["Bavaria"].kind == "region"


def test_the_name_matcher_picks_the_same_likeliest_place():
    from lagebild.places.patterns import place_names
    keys = dict(place_names())
    gazetteer = load_gazetteer()
    assert gazetteer.by_key(keys["Gaza"]).country == "PS"
    assert gazetteer.by_key(keys["Santiago"]).country == "CL"


def test_a_town_s_short_name_is_its_own_name(pipeline):
    """"Frankfurt" is Frankfurt am Main, not the smaller town whose own name is
    "Frankfurt (Oder)"; "Marburg" and "Neumarkt" are the German towns whose official names
    add a river or region, not the larger Maribor or Târgu Mureş that bore those names."""
    mention = PlaceMention("Frankfurt", 0, 9)
    resolve([mention], load_gazetteer())
    assert (mention.place.name, mention.place.admin1) == ("Frankfurt am Main", "05")
    text = "In Marburg, Hanau und Neumarkt demonstrierten am Montag Hunderte Landwirte."
    document = pipeline({"text": text, "lang": "de", "published": "2024-02-21"})
    assert {p.name: p.country for p in document.places if p.kind == "city"} == {
        "Marburg an der Lahn": "DE", "Hanau am Main": "DE", "Neumarkt in der Oberpfalz": "DE"}
    assert {a.code for a in document.actors} == {"DEUCVL"}  # the farmers are the towns'
