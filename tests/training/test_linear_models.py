"""The recipient chooser's training: its weights as the events layer reads them, and how
its choices are counted."""

from __future__ import annotations

from types import SimpleNamespace

import numpy

from lagebild.events.learned import BinaryModel
from training.events_recipients import choices, report
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
        {"doc": "a", "named": True, "rows": [(["side=<"], False), (["taken=True"], True)]},
        {"doc": "b", "named": True, "rows": [(["taken=True"], False), (["side=<"], True)]},
        {"doc": "c", "named": False, "rows": [(["taken=True"], False)]},
        {"doc": "d", "named": False, "rows": [(["side=<"], False)]},
    ]
    scored = choices(NAMES, WEIGHTS, events)
    assert [kind for _, kind in scored] == ["right", "wrong", "spurious", "spurious"]
    lines = report(scored).splitlines()
    assert lines[0] == "4 events, 2 with a gold recipient, for 1 of them the likeliest candidate"
    # at 0.5 the three events whose best candidate follows "taken" are taken, not the last
    assert "threshold 0.50: 3 taken, 1 right, 1 wrong, 1 where the gold names none" in lines[5]
