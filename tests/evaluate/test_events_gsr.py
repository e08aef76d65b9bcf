"""The PLOVER GSR scorer: halves by id, type + actor + recipient country (made-up records)."""

from __future__ import annotations

import json

from lagebild.evaluate.events import gsr_half, score_plover_halves
from lagebild.pipeline import Pipeline


def record(rid: str, event: str, text: str, source: str, target: str | None):
    return {"id": rid, "event": event, "text": text, "date": "2000-01-01",
            "source": [{"actorText": source, "code": source}],
            "target": [{"actorText": target, "code": target}] if target else ""}


def test_halves_split_by_id_and_add_up(tmp_path):
    ids = [f"TEST-{i:04d}" for i in range(40)]
    # the split is fixed (CRC-32 of the id, not Python's hash, which changes per process):
    # a record never moves between the half the rules were written on and the held-out one
    assert [gsr_half(i) for i in ids[:8]] == ["held-out"] * 4 + ["dev"] * 4
    assert sum(gsr_half(i) == "dev" for i in ids) == 20

    records = [{"id": "TEST-DOC", "event": "DOCUMENT"},
               record(ids[0], "DISAPPROVE", "Germany criticized Russia on Monday.", "DEU", "RUS"),
               record(ids[1], "DEMAND", "Chile demanded talks with Peru.", "CHL", "PER"),
               record(ids[2], "FIGHT", "Norway criticized Sweden.", "NOR", "SWE")]
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    scores = score_plover_halves(path, Pipeline())
    assert scores["all"].gold == 3
    assert scores["dev"].gold + scores["held-out"].gold == 3
    # DISAPPROVE is ACCUSE, DEMAND is REQUEST; the third has the wrong type
    assert len(scores["all"].matched) == 2
    assert len(scores["dev"].matched) + len(scores["held-out"].matched) == 2
    assert scores["all"].failed == []


def test_a_failed_document_is_reported_not_scored_silently(tmp_path, monkeypatch, capsys):
    from lagebild.evaluate import events as scorer
    from lagebild.events import coder

    def broken(*args, **kwargs):
        raise NameError("a bug in a layer")

    monkeypatch.setattr(coder._EventCoder, "code", broken)
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps([record("TEST-0001", "DEMAND", "Chile demanded talks with Peru.",
                                       "CHL", "PER")]), encoding="utf-8")
    scores = score_plover_halves(path, Pipeline())
    assert scores["all"].failed == [
        "TEST-0001: [L600] stage events failed: NameError: a bug in a layer"]
    scorer.main(["--plover", str(path)])
    assert "WARNING: 1 documents failed" in capsys.readouterr().out


def test_cameos_own_country_codes_are_read_as_iso_codes(tmp_path):
    records = [record("TEST-0001", "DISAPPROVE", "Italy criticized Vietnam on Monday.", "ITL",
                      "VTN")]
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    scores = score_plover_halves(path, Pipeline())["all"]
    assert len(scores.matched) == 1


def test_a_record_without_a_source_constrains_no_actor(tmp_path):
    # as in the matching rule of score_events.py: a side without a code constrains nothing
    records = [record("TEST-0001", "FIGHT", "Three Chilean miners were killed in Lima.", "",
                      "CHL")]
    records[0]["source"] = ""
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    assert len(score_plover_halves(path, Pipeline())["all"].matched) == 1
