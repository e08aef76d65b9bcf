"""The gate itself: a figure below its floor fails, the baseline is complete and matches
the docs, and a missing ../shared fails where it is required. Runs without ../shared."""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT

from . import gate
from .test_gate import FIGURES, MEASURES, Measurer

GATED = [f for f in FIGURES if not f.pending]


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_the_baseline_holds_every_figure_the_issue_lists():
    measures = {f.measure for f in FIGURES}
    assert measures == set(MEASURES)
    parts = {(f.measure, f.part) for f in GATED}
    assert {("timeml_value_f1", "krauts"), ("timeml_value_f1", "tbaq"),
            ("places_found_acc161", "lgl"), ("places_found_acc161", "tr-news"),
            ("germeval_heldout_f1", "fast"), ("germeval_heldout_f1", "accurate"),
            ("example_events", "found"), ("example_events", "extra"),
            ("example_layer", "times"), ("example_layer", "quotes"),
            ("example_layer", "amounts"), ("example_layer", "places"),
            ("gsr_f1", "all"), ("gsr_f1", "dev"), ("gsr_f1", "held-out")} <= parts
    assert any(f.measure == "de_events_dev_f1" for f in FIGURES)


@pytest.mark.parametrize("figure", FIGURES, ids=[f.name for f in FIGURES])
def test_each_entry_is_complete(figure: gate.Figure):
    assert figure.measure in MEASURES
    assert callable(getattr(Measurer, figure.measure))
    assert figure.command.strip() and (ROOT / figure.doc).is_file()
    if figure.pending:
        assert figure.note and "value" in figure.note
        return
    # small enough that a real drop fails: half a point of F1, nothing on counts
    assert figure.tolerance <= (0 if isinstance(figure.value, int) else 0.005)


@pytest.mark.parametrize("figure", GATED, ids=[f.name for f in GATED])
def test_the_doc_still_states_the_figure(figure: gate.Figure):
    text = _words((ROOT / figure.doc).read_text(encoding="utf-8"))
    assert _words(figure.stated) in text, (
        f"{figure.doc} no longer says {figure.stated!r}: update tests/quality/baseline.toml "
        "with the doc")


@pytest.mark.parametrize("figure", GATED, ids=[f.name for f in GATED])
def test_a_figure_below_its_floor_fails(figure: gate.Figure):
    gate.check(figure, figure.value)  # as documented
    gate.check(figure, figure.limit)  # down to the tolerance
    step = 1 if isinstance(figure.value, int) else 0.001
    worse = figure.limit - step if figure.better == "higher" else figure.limit + step
    with pytest.raises(gate.GateFailure, match=figure.name):
        gate.check(figure, worse)


def test_the_gate_fails_a_lowered_figure_end_to_end(monkeypatch):
    """The gate's own test, with a measurement that has got worse, fails."""
    from .test_gate import test_figure_keeps_its_floor

    krauts = next(f for f in FIGURES if f.name == "time-krauts-value-f1")
    measurer = Measurer(None)
    floor = krauts.value - krauts.tolerance
    monkeypatch.setitem(MEASURES, krauts.measure, lambda _measurer, part: floor - 0.01)
    with pytest.raises(gate.GateFailure, match=rf"fell to {floor - 0.01:.4g}, below its floor "
                                               rf"{floor:.4g} "):
        test_figure_keeps_its_floor(krauts, measurer)
    monkeypatch.setitem(MEASURES, krauts.measure, lambda _measurer, part: floor)
    test_figure_keeps_its_floor(krauts, measurer)
    assert set(measurer.seconds) == {krauts.name}


def test_more_extra_events_fail():
    figure = gate.Figure("extra", "example_events", 0, "cmd", "README.md", value=2,
                         better="lower")
    gate.check(figure, 2)
    with pytest.raises(gate.GateFailure, match="rose to 3, above its ceiling 2"):
        gate.check(figure, 3)


def test_a_better_figure_passes_with_a_warning():
    figure = gate.Figure("f1", "gsr_f1", 0.005, "cmd", "docs/events.md", value=0.5)
    with pytest.warns(UserWarning, match="better than the documented 0.5"):
        gate.check(figure, 0.52)


def test_a_pending_figure_has_no_floor():
    figure = gate.Figure("de-dev", "de_events_dev_f1", 0.005, "cmd", "docs/events.md")
    assert figure.pending
    with pytest.raises(ValueError, match="pending"):
        _ = figure.limit


def test_the_baseline_refuses_unknown_keys_and_duplicates(tmp_path):
    entry = ('[[figure]]\nname = "a"\nvalue = 0.5\ntolerance = 0.005\nmeasure = "gsr_f1"\n'
             'command = "c"\ndoc = "README.md"\n')
    path = tmp_path / "baseline.toml"
    path.write_text(entry, encoding="utf-8")
    assert gate.load(path)[0].value == 0.5
    path.write_text(entry + 'floor = 0.4\n', encoding="utf-8")
    with pytest.raises(ValueError, match="unknown keys"):
        gate.load(path)
    path.write_text(entry + "\n" + entry, encoding="utf-8")
    with pytest.raises(ValueError, match="twice"):
        gate.load(path)


def test_missing_shared_skips_or_fails_where_required(tmp_path, monkeypatch):
    absent = tmp_path / "shared" / "data"
    gate.missing_data(tmp_path)  # present: nothing happens
    monkeypatch.delenv(gate.REQUIRE_SHARED, raising=False)
    with pytest.raises(pytest.skip.Exception, match="needs ../shared"):
        gate.missing_data(absent)
    monkeypatch.setenv(gate.REQUIRE_SHARED, "1")
    with pytest.raises(pytest.fail.Exception, match="LAGEBILD_REQUIRE_SHARED is set"):
        gate.missing_data(absent)


def test_ci_requires_shared():
    """CI runs the gate for real: a missing ../shared fails there instead of skipping."""
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(rf"export [^\n]*\b{gate.REQUIRE_SHARED}=1\b", ci)
    assert "pytest" in ci  # which collects tests/quality
