"""The learned events parts' training: their weights as the events layer reads them, and
how the recipient chooser's choices and the event screen's drops are counted."""

from __future__ import annotations

from types import SimpleNamespace

import numpy

from lagebild.events.learned import BinaryModel
from training.events_recipients import choices, report
from training.events_screen import report as screen_report
from training.linear import save_binary

WEIGHTS = SimpleNamespace(coef_=numpy.array([[2.0, -1.0]]), intercept_=numpy.array([-0.5]))
NAMES = ["taken=True", "side=<"]


def test_saved_weights_give_the_events_layer_the_same_probability(tmp_path):
    save_binary(NAMES, WEIGHTS, tmp_path / "m.npz")
    model = BinaryModel(tmp_path / "m.npz")
    assert abs(model.probability(["taken=True", "unseen"]) - 1 / (1 + numpy.exp(-1.5))) < 1e-6
    assert abs(model.probability(["side=<"]) - 1 / (1 + numpy.exp(1.5))) < 1e-6


def test_each_event_counts_its_best_candidate_as_right_wrong_or_spurious():
    events = [
        {"fold": 0, "named": True, "rows": [(["side=<"], False), (["taken=True"], True)]},
        {"fold": 0, "named": True, "rows": [(["taken=True"], False), (["side=<"], True)]},
        {"fold": 0, "named": False, "rows": [(["taken=True"], False)]},
        {"fold": 0, "named": False, "rows": [(["side=<"], False)]},
    ]
    scored = choices(NAMES, WEIGHTS, events)
    assert [kind for _, kind in scored] == ["right", "wrong", "spurious", "spurious"]
    lines = report(scored).splitlines()
    assert lines[0] == "4 events, 2 with a gold recipient, for 1 of them the likeliest candidate"
    # at 0.5 the three events whose best candidate follows "taken" are taken, not the last
    assert "threshold 0.50: 3 taken, 1 right, 1 wrong, 1 where the gold names none" in lines[5]


def test_the_screen_report_gives_what_each_threshold_drops():
    # four events, two of them right, against five gold events
    scored = [(0.05, False), (0.12, True), (0.5, True), (0.9, False)]
    lines = screen_report(scored, 5).splitlines()
    assert lines[0] == "4 events, 2 right, 5 gold: F1 0.444"
    # at 0.10 one wrong event goes: P 2/3, R 2/5, F1 4/8
    assert lines[1] == "  threshold 0.10: 1 dropped, 0 of them right; P 0.667 R 0.400 F1 0.500"
    assert lines[2].startswith("  threshold 0.15: 2 dropped, 1 of them right; P 0.500 R 0.200")
