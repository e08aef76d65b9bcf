"""Score events against hand-made gold in the format of ``shared/gold/*.json``.

A gold event is matched by a predicted one of one of its types whose actor
(country, or the organisation's acronym for IGOs) is the gold actor (or one
of ``actor_any``) and whose recipient's is the gold recipient where the gold
names one; a quantity, where given, must agree too. Each prediction matches
at most one gold event; the rest are extra.

    python -m lagebild.evaluate.events ../shared/gold/de-kasachstan-blauhelme.json
    python -m lagebild.evaluate.events --plover ../shared/data/plover/PLOVER_GSR_CAMEO.txt

The PLOVER GSR records are split by the parity of the CRC-32 of their id into a
development half and a held-out half (``gsr_half``); both and all are printed.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Actor, Document, Event
from .metrics import prf


@dataclass
class EventScores:
    gold: int = 0
    predicted: int = 0
    matched: list[tuple[dict, Event]] = field(default_factory=list)
    missed: list[dict] = field(default_factory=list)
    #: documents whose analysis failed (``Document.error``): a score with any is no score
    failed: list[str] = field(default_factory=list)

    @property
    def extra(self) -> int:
        return self.predicted - len(self.matched)

    def prf(self) -> tuple[float, float, float]:
        return prf(len(self.matched), self.predicted, self.gold)


def actor_code(actor: Actor | None) -> str | None:
    if actor is None:
        return None
    return actor.org if actor.country == "IGO" and actor.org else actor.country


def _matches(gold: dict, event: Event, document: Document) -> bool:
    actors = {a.id: a for a in document.actors}
    amounts = {a.id: a for a in document.amounts}
    if event.type not in gold.get("types", [gold.get("type")]):
        return False
    wanted = gold.get("actor_any") or [gold.get("actor")]
    if actor_code(actors.get(event.actor or "")) not in wanted:
        return False
    if gold.get("recipient") and actor_code(actors.get(event.recipient or "")) != gold[
            "recipient"]:
        return False
    if gold.get("quantity") is not None:
        amount = amounts.get(event.quantity or "")
        if amount is None or amount.value != gold["quantity"]:
            return False
    return True


def score_document(document: Document, gold_events: list[dict]) -> EventScores:
    scores = EventScores(gold=len(gold_events), predicted=len(document.events))
    used: set[str] = set()
    for gold in gold_events:
        event = next((e for e in document.events
                      if e.id not in used and _matches(gold, e, document)), None)
        if event is None:
            scores.missed.append(gold)
        else:
            used.add(event.id)
            scores.matched.append((gold, event))
    return scores


#: PLOVER GSR's older type names, as the manual's CAMEO table maps them.
GSR_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
             "FIGHT": "ASSAULT"}


#: Older codes in the GSR records: the UN and the EU were IGOs, Japan was JAP.
GSR_CODES = {"JAP": "JPN"}
GSR_ALIASES = {"UNO": "IGO", "EUR": "IGO"}


def _codes(field) -> set[str]:
    if isinstance(field, dict):
        field = [field]
    if not isinstance(field, list):
        return set()
    return {GSR_CODES.get(actor["code"], actor["code"]) for actor in field
            if isinstance(actor, dict) and actor.get("code")}


def _in(code: str | None, codes: set[str]) -> bool:
    return code in codes or GSR_ALIASES.get(code or "") in codes


def gsr_half(record_id: str) -> str:
    """The half of the GSR records a record belongs to: "dev" (even CRC-32 of its id, the
    records the English rules were written on) or "held-out" (odd, not read while writing)."""
    return "dev" if zlib.crc32(record_id.encode("utf-8")) % 2 == 0 else "held-out"


def score_plover_gsr(path: Path, pipeline, half: str | None = None) -> EventScores:
    """Type + actor country + recipient country against the PLOVER GSR English records.

    A record counts as found when one of the events of its sentence agrees on
    type, actor (one of the record's sources) and, where the record has one,
    recipient (one of its targets); precision counts the events that agree.
    ``half`` ("dev" or "held-out", see ``gsr_half``) scores one half only.
    The records' date (2000-01-01 on every record) is a placeholder, not the
    date of the story, so it is not passed on: leaders are coded by any term.
    """
    return score_plover_halves(path, pipeline)[half or "all"]


def score_plover_halves(path: Path, pipeline) -> dict[str, EventScores]:
    """The GSR scores of the dev half, the held-out half and all records, in one run."""
    records = [r for r in json.loads(path.read_text(encoding="utf-8"))
               if r.get("event") not in (None, "DOCUMENT") and r.get("text")]
    halves = {"dev": EventScores(), "held-out": EventScores(), "all": EventScores()}
    documents = pipeline.pipe({"id": r["id"], "text": r["text"], "lang": "en"}
                              for r in records)
    for record, document in zip(records, documents, strict=True):
        wanted = GSR_TYPES.get(record["event"], record["event"])
        sources, targets = _codes(record.get("source")), _codes(record.get("target"))
        actors = {a.id: a for a in document.actors}
        hits = [e for e in document.events if e.type == wanted
                and _in(actors[e.actor].country if e.actor else None, sources)
                and (not targets or _in(actors[e.recipient].country if e.recipient else None,
                                        targets))]
        for scores in (halves[gsr_half(record["id"])], halves["all"]):
            if document.error:
                scores.failed.append(f"{record['id']}: {document.error}")
            scores.gold += 1
            scores.predicted += len(document.events)
            if hits:
                scores.matched.append((record, hits[0]))
            else:
                scores.missed.append(record)
    return halves


def _report_failures(failed: list[str]) -> None:
    """Say so when documents failed: one layer's error would only lower the figures."""
    if failed:
        print(f"  WARNING: {len(failed)} documents failed, the figure is not valid; "
              f"first: {failed[0]}")


def main(argv: list[str] | None = None) -> None:
    import argparse

    from ..pipeline import Pipeline

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="*", type=Path, help="gold JSON files")
    parser.add_argument("--plover", type=Path, help="PLOVER GSR records (PLOVER_GSR_CAMEO.txt)")
    args = parser.parse_args(argv)
    pipeline, total = Pipeline(), EventScores()
    if args.plover:
        for half, scores in score_plover_halves(args.plover, pipeline).items():
            p, r, f = scores.prf()
            print(f"PLOVER GSR {half} ({scores.gold} records): P {p:.3f}  R {r:.3f}  "
                  f"F1 {f:.3f}  ({len(scores.matched)} found, {scores.predicted} events "
                  "predicted)")
            _report_failures(scores.failed)
    for path in args.gold:
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (path.parent.parent / gold["file"]).read_text(encoding="utf-8")
        document = pipeline({"text": text, "published": gold.get("published"),
                             "lang": gold.get("lang")})
        _report_failures([f"{path.name}: {document.error}"] if document.error else [])
        scores = score_document(document, gold["events"])
        total.gold += scores.gold
        total.predicted += scores.predicted
        total.matched += scores.matched
        total.missed += scores.missed
        print(f"{path.name}: {len(scores.matched)}/{scores.gold} gold events found, "
              f"{scores.extra} extra of {scores.predicted}")
        for gold_event in scores.missed:
            print(f"  missed: {gold_event.get('types')} {gold_event.get('note', '')}")
    if args.gold:
        p, r, f = total.prf()
        print(f"\nall: P {p:.3f}  R {r:.3f}  F1 {f:.3f}  ({len(total.matched)} matched, "
              f"{total.extra} extra, {len(total.missed)} missed)")


if __name__ == "__main__":
    main()
