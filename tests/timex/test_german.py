"""German time expressions and their TIMEX3 values, anchored on a Monday (2022-01-10)."""

from __future__ import annotations

from datetime import date

import pytest

from lagebild.lang import get_pack
from lagebild.timex import time_tagger

MONDAY = date(2022, 1, 10)


def tag(text: str, anchor: date | None = MONDAY):
    return time_tagger(get_pack("de")).tag(text, [(0, len(text))], anchor)


def one(text: str, anchor: date | None = MONDAY):
    found = tag(text, anchor)
    assert len(found) == 1, [(m.text, m.value) for m in found]
    return found[0]


@pytest.mark.parametrize("text,expression,type_,value,mod", [
    ("Die Soldaten kamen am 6. Januar an.", "6. Januar", "DATE", "2022-01-06", None),
    ("Der Vertrag gilt seit dem 06.01.2022 offiziell.", "06.01.2022", "DATE",
     "2022-01-06", None),
    ("Die Wahl fand am 6.1. statt.", "6.1.", "DATE", "2022-01-06", None),
    ("Im Jan. 2022 war es kalt.", "Jan. 2022", "DATE", "2022-01", None),
    ("Die Gespräche beginnen Anfang März.", "Anfang März", "DATE", "2022-03", "START"),
    ("Bis Ende März soll die Brücke stehen.", "Ende März", "DATE", "2022-03", "END"),
    ("Die Fotos tauchten Ende vergangener Woche auf.", "Ende vergangener Woche", "DATE",
     "2022-W01-WE", None),
    ("Er war bis vergangenes Jahr Minister.", "vergangenes Jahr", "DATE", "2021", None),
    ("Die Regierung hatte am Sonntag erklärt, sie sei bereit.", "Sonntag", "DATE",
     "2022-01-09", None),
    ("Der Minister wird am Sonntag nach Kiew reisen.", "Sonntag", "DATE", "2022-01-16",
     None),
    ("Das Netz war seit Mittwoch gestört.", "Mittwoch", "DATE", "2022-01-05", None),
    ("Am vergangenen Dienstag gab es Proteste.", "vergangenen Dienstag", "DATE",
     "2022-01-04", None),
    ("Gestern gab es Proteste.", "Gestern", "DATE", "2022-01-09", None),
    ("Vorgestern blieb es ruhig.", "Vorgestern", "DATE", "2022-01-08", None),
    ("Das Treffen findet kommende Woche statt.", "kommende Woche", "DATE", "2022-W03", None),
    ("Die Explosion ereignete sich vor drei Tagen.", "drei Tagen", "DATE", "2022-01-07",
     None),
    ("Die Armee zog sich vor zwei Wochen zurück.", "zwei Wochen", "DATE", "2021-W52",
     None),
    ("In zwei Stunden beginnt die Sitzung.", "zwei Stunden", "DURATION", "PT2H", None),
    ("Die Unruhen dauern seit mehr als einer Woche an.", "mehr als einer Woche",
     "DURATION", "P1W", "MORE_THAN"),
    ("Sie bleiben nicht länger als eine Woche.", "nicht länger als eine Woche", "DURATION",
     "P1W", "EQUAL_OR_LESS"),
    ("Nach tagelangen Kämpfen schwiegen die Waffen.", "tagelangen", "DURATION", "PXD", None),
    ("Die Verhandlungen dauerten zwölf Stunden.", "zwölf Stunden", "DURATION", "PT12H", None),
    ("Das Parlament tagt jeden Montag.", "jeden Montag", "SET", "XXXX-WXX-1", None),
    ("Die Zeitung erscheint wöchentlich.", "wöchentlich", "SET", "P1W", None),
    ("Die Kundgebung beginnt um 19 Uhr.", "19 Uhr", "TIME", "2022-01-10T19:00", None),
    ("Die Sitzung endete um 19.30 Uhr.", "19.30 Uhr", "TIME", "2022-01-10T19:30", None),
    ("Am Dienstagabend fielen Schüsse.", "Dienstagabend", "TIME", "2022-01-04TEV", None),
    ("Im Frühjahr wird gewählt.", "Frühjahr", "DATE", "2022-SP", None),
    ("Der Krieg begann 2014.", "2014", "DATE", "2014", None),
    ("Derzeit ist die Lage ruhig.", "Derzeit", "DATE", "PRESENT_REF", None),
    ("Damals war alles anders.", "Damals", "DATE", "PAST_REF", None),
])
def test_expression_and_value(text, expression, type_, value, mod):
    match = one(text)
    assert (match.text, match.type, match.value, match.mod) == (expression, type_, value, mod)
    assert text[match.start:match.end] == expression


def test_numbers_of_people_and_ages_are_not_times():
    assert tag("Rund 2500 Soldaten und 1770 Kilometer Grenze.") == []
    assert tag("Der 16 Jahre alte Schüler wurde verletzt.") == []


def test_clock_time_belongs_to_the_date_named_before_it():
    text = "Am 4. Januar trafen sie sich um 20 Uhr in Bozen."
    assert [m.value for m in tag(text)] == ["2022-01-04", "2022-01-04T20:00"]
    future = "Am 14. Februar treffen sie sich um 20 Uhr in Bozen."
    assert [m.value for m in tag(future)] == ["2022-02-14", "2022-02-14T20:00"]


def test_year_of_a_date_without_year_follows_the_tense():
    december = date(2021, 12, 28)
    assert one("Der Präsident wird am 6. Januar reden.", december).value == "2022-01-06"
    assert one("Die Proteste hatten im Oktober begonnen.", date(2022, 1, 10)).value == "2021-10"


def test_without_anchor_relative_values_stay_open():
    assert one("Gestern gab es Proteste.", None).value == "PAST_REF"
    assert one("Am Sonntag gab es Proteste.", None).value == "XXXX-WXX-7"
    assert one("Am 6. Januar gab es Proteste.", None).value == "XXXX-01-06"


def tag_sentences(text: str, anchor: date = MONDAY):
    """Sentences split at ". " before a capital letter."""
    import re
    sentences, start = [], 0
    for gap in re.finditer(r"(?<=[a-zäöü]{3}\.)\s+(?=[A-ZÄÖÜ])", text):
        sentences.append((start, gap.start()))
        start = gap.end()
    sentences.append((start, len(text)))
    return [(m.text, m.type, m.value) for m in
            time_tagger(get_pack("de")).tag(text, sentences, anchor)]


@pytest.mark.parametrize("text,expected", [
    ("Die Exporte sanken im zweiten Trimester 2021.", ("zweiten Trimester 2021", "DATE",
                                                      "2021-Q2")),
    ("Erst in der zweiten Jahreshälfte soll es besser werden.", ("zweiten Jahreshälfte",
                                                                "DATE", "2022-H2")),
    ("Nach diesem langen Winter öffnet die Hütte.", ("diesem langen Winter", "DATE",
                                                     "2022-WI")),
    ("Der Pass ist während der Sommermonate gesperrt.", ("Sommermonate", "DATE", "2022-SU")),
    ("Die Prozession findet an Fronleichnam statt.", ("Fronleichnam", "DATE", "2022-06-16")),
    ("Die Geschäfte waren am Heiligen Abend geschlossen.", ("Heiligen Abend", "DATE",
                                                           "2021-12-24")),
    ("Seit etwa einem Jahrzehnt wird gestritten.", ("etwa einem Jahrzehnt", "DURATION",
                                                   "P10Y")),
    ("Sie buchte einen einwöchigen Aufenthalt.", ("einwöchigen", "DURATION", "P1W")),
    ("Er war über Jahre Schriftführer.", ("Jahre", "DURATION", "PXY")),
    ("Sie verdient 400 Euro im Monat.", ("Monat", "SET", "P1M")),
    ("Davon zehrt das Land auch heute noch.", ("auch heute noch", "DATE", "PRESENT_REF")),
    ("Heute würde er anders entscheiden.", ("Heute", "DATE", "PRESENT_REF")),
    ("In der Nacht des 14. August kam es zum Streit.", ("Nacht des 14. August", "TIME",
                                                       "2021-08-14TNI")),
])
def test_german_value_rules(text, expected):
    assert tag_sentences(text) == [expected]


def test_a_quarter_compared_with_the_year_before():
    text = "Im dritten Quartal 2021 stieg der Umsatz gegenüber dem gleichen Zeitraum des Vorjahres."
    assert tag_sentences(text) == [
        ("dritten Quartal 2021", "DATE", "2021-Q3"),
        ("dem gleichen Zeitraum des Vorjahres", "DATE", "2020-Q3"),
    ]


@pytest.mark.parametrize("text", [
    "An 35 Montagen war die Beratung geöffnet.",
    "Der MIP-Montag ist beliebt.",
    "Platz 9. Jan Huber aus Meran.",
    "Der Markt der Pfarre Maria Himmelfahrt ist geöffnet.",
    "Der Lichtbogen erreicht von 2000 bis 3000 Grad.",
    "Der 47-jährige Fahrer blieb unverletzt.",
])
def test_plural_and_compound_weekdays_and_names_are_not_dates(text):
    assert tag_sentences(text) == []


def test_a_clock_time_takes_the_day_of_a_relative_time_before_it():
    assert tag_sentences("Er war gestern Morgen um 8.30 Uhr dort.") == [
        ("gestern Morgen", "TIME", "2022-01-09TMO"), ("8.30 Uhr", "TIME", "2022-01-09T08:30")]


def test_the_day_before_is_the_day_before_the_day_named_last():
    text = "Am 6. Januar gewann Berger das Rennen. Schon am Tag zuvor war er Schnellster."
    assert tag_sentences(text)[-1] == ("Tag zuvor", "DATE", "2022-01-05")


def test_im_jahr_darauf_follows_the_year_named_last():
    text = "Im Jahr 2010 wurde die Brücke gebaut. Im Jahr darauf folgte der Tunnel."
    assert tag_sentences(text) == [("Jahr 2010", "DATE", "2010"),
                                   ("Jahr darauf", "DATE", "2011")]


def test_am_heutigen_samstag_is_the_anchor_day():
    saturday = date(2022, 1, 8)
    assert tag_sentences("Am heutigen Samstag beginnt der Markt.", saturday) == [
        ("heutigen Samstag", "DATE", "2022-01-08")]


def test_a_number_in_a_year_is_no_year():
    assert tag_sentences("Es starben 25.000, davon 2000 im Jahr 2011.") == [
        ("Jahr 2011", "DATE", "2011")]


def test_the_first_number_of_a_range_takes_the_unit_of_the_second():
    assert tag_sentences("Die Behandlung dauert sechs bis acht Monate.") == [
        ("sechs", "DURATION", "P6M"), ("acht Monate", "DURATION", "P8M")]


def test_spans_leave_out_the_preposition_as_timeml_marks_them():
    """TimeML and KRAUTS mark "6. Januar", not "am 6. Januar"; fixed phrases stay whole; the
    value still reads the preposition ("vor drei Tagen" is a date three days back)."""
    text = ("Vor kurzem kamen sie am 6. Januar an, drei Jahre lang blieben sie, "
            "vor drei Tagen gingen sie.")
    found = [(text[m.start:m.end], m.text, m.value) for m in tag(text)]
    assert found == [("Vor kurzem", "Vor kurzem", "PAST_REF"),
                     ("6. Januar", "6. Januar", "2022-01-06"),
                     ("drei Jahre", "drei Jahre", "P3Y"),
                     ("drei Tagen", "drei Tagen", "2022-01-07")]
    timeml = time_tagger(get_pack("de")).timeml_text
    assert [timeml(g) for g in ("am Sonntag", "seit mehr als einer Woche", "vor kurzem")] == [
        "Sonntag", "mehr als einer Woche", "vor kurzem"]


def test_a_history_dates_days_and_seasons_in_its_own_years():
    """A text whose years lie long before its date tells a story of its own time: "am 3.
    März", "im Sommer", "Ende des Jahres" belong to the year it named last, "zwei Tage
    später" counts from the day it named last; a news text keeps its own year."""
    history = ("Der Krieg begann 1914. Im Jahr 1915 kämpften die Armeen weiter, 1916 kam die "
               "Wende, 1917 der Umsturz. Am 3. März 1918 wurde der Vertrag unterzeichnet. "
               "Zwei Tage später zogen die Truppen ab. Im Sommer kehrten sie zurück, am "
               "11. November endete der Krieg, Ende des Jahres waren alle zu Hause.")
    values = {text: value for text, _, value in tag_sentences(history)}
    assert values["Zwei Tage später"] == "1918-03-05"
    assert (values["Sommer"], values["11. November"], values["Ende des Jahres"]) == (
        "1918-SU", "1918-11-11", "1918")
    news = "Der Vertrag von 1990 gilt bis heute. Am 3. März wird neu verhandelt."
    assert {text: value for text, _, value in tag_sentences(news)}["3. März"] == "2022-03-03"
    assert one("Der Angriff begann am 1.9.39.", date(2011, 2, 16)).value == "1939-09-01"


@pytest.mark.parametrize("text,expected", [
    ("Das Dorf wuchs im 20. Jahrhundert.", ("20. Jahrhundert", "19", None)),
    ("Mitte des 19. Jahrhunderts kam die Bahn.", ("Mitte des 19. Jahrhunderts", "18", "MID")),
    ("Demnächst wird die Brücke gesperrt.", ("Demnächst", "FUTURE_REF", None)),
])
def test_centuries_and_vague_future(text, expected):
    match = one(text)
    assert (match.text, match.value, match.mod) == expected


def test_days_of_an_enumeration_take_the_month_at_its_end():
    text = "Die Kurse finden am 4. und 5. sowie am 11. und 12. Februar statt."
    assert [(m.text, m.value) for m in tag(text)] == [
        ("4.", "2022-02-04"), ("5.", "2022-02-05"), ("11.", "2022-02-11"),
        ("12. Februar", "2022-02-12")]


def test_an_diesem_tag_is_the_day_named_last():
    text = "Am 3. März wird gewählt. An diesem Tag schließen die Schulen."
    assert tag_sentences(text)[-1] == ("diesem Tag", "DATE", "2022-03-03")


def test_decades_in_words_and_the_twenties_of_the_text_date():
    assert [(m.text, m.value) for m in tag("In den achtziger Jahren und in den "
                                            "Neunzigerjahren wuchs die Stadt.")] == [
        ("den achtziger Jahren", "198"), ("den Neunzigerjahren", "199")]
    assert one("Die Zwanzigerjahre waren wild.", date(2015, 10, 27)).value == "192"
    assert one("Die Zwanzigerjahre sind wild.", date(2026, 12, 5)).value == "202"


def test_a_clock_time_of_several_days_has_no_one_day():
    values = [(m.text, m.value) for m in tag(
        "Geöffnet ist am 14. und 15. Januar von 10 bis 18 Uhr, Vorträge jeweils 20 Uhr.")]
    assert values == [("14.", "2022-01-14"), ("15. Januar", "2022-01-15"), ("10", "T10:00"),
                      ("18 Uhr", "T18:00"), ("20 Uhr", "T20:00")]
    assert one("Anmeldungen nimmt das Büro wochentags ab 9 Uhr an.").value == "T09:00"
    # one day, then another: each clock time keeps its own day
    assert [m.value for m in tag("Am 14. Januar um 16 Uhr und am 15. Januar um 10 Uhr.")] == [
        "2022-01-14", "2022-01-14T16:00", "2022-01-15", "2022-01-15T10:00"]


def test_durations_with_an_adjective_or_a_compound_unit():
    assert [(m.text, m.value) for m in tag(
        "Die Helfer leisteten rund 200 ehrenamtliche Stunden, das sind 25 Arbeitstage.")] == [
        ("rund 200 ehrenamtliche Stunden", "PT200H"), ("25 Arbeitstage", "P25D")]
    assert tag("Das Museum zeigt 5 Millionen Jahre alte Knochen.") == []
    assert tag("Es war ein ruhiger Tag.") == []  # "ein" before an adjective: no length
