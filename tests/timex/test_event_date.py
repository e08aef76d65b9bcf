"""An event's date: the time expression of the trigger's clause, else the publication day."""

from __future__ import annotations

from lagebild import extract
from lagebild.timex import event_date


def _span(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


def test_the_expression_in_the_clause_dates_the_event():
    doc = extract("Die Polizei nahm am Sonntag zwölf Demonstranten fest.", "2022-01-10", "de")
    dated = event_date(doc, *_span(doc.text, "nahm"))
    assert (dated.value, dated.inferred) == ("2022-01-09", False)
    assert dated.time == doc.times[0].id


def test_an_expression_of_another_clause_does_not():
    text = "Der Sprecher sagte am Sonntag, die Truppen würden abgezogen."
    doc = extract(text, "2022-01-10", "de")
    assert event_date(doc, *_span(text, "sagte")).value == "2022-01-09"
    withdrawn = event_date(doc, *_span(text, "abgezogen"))
    assert (withdrawn.value, withdrawn.inferred, withdrawn.time) == ("2022-01-10", True, None)


def test_vague_references_and_durations_date_nothing():
    doc = extract("Derzeit kämpfen die Truppen seit drei Tagen.", "2022-01-10", "de")
    assert event_date(doc, *_span(doc.text, "kämpfen")).inferred


def test_no_publication_date_means_no_date():
    doc = extract("Die Polizei nahm Demonstranten fest.", None, "de")
    assert event_date(doc, *_span(doc.text, "nahm")).value is None
