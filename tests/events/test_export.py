"""Event exports: PLOVER-style records and GDELT-like rows keep codes, dates and places."""

from __future__ import annotations

from lagebild import extract
from lagebild.events.export import GDELT_COLUMNS, gdelt_rows, plover_records


def test_plover_and_gdelt_forms():
    doc = extract("In Almaty wurden am Sonntag zwölf Demonstranten von der Polizei "
                  "festgenommen.", "2022-01-10", "de")
    [record] = plover_records(doc)
    assert record["event_type"] == "COERCE" and record["date"] == "2022-01-09"
    assert record["actor"]["country"] == "KAZ" and record["actor"]["sector"] == ["COP"]
    assert record["recipient"]["sector"] == ["CVL"]
    assert record["location"]["name"] == "Almaty" and record["location"]["country"] == "KZ"
    assert record["source"]["published"] == "2022-01-10"
    [row] = gdelt_rows(doc)
    row = dict(zip(GDELT_COLUMNS, row, strict=True))
    assert (row["SQLDATE"], row["EventRootCode"], row["QuadClass"], row["Actor1Code"]) == (
        "20220109", "17", 4, "KAZCOP")
    assert row["ActionGeo_CountryCode"] == "KZ"
