"""Score events against hand-made gold in the format of ``shared/gold/*.json``.

A gold event is matched by a predicted one of one of its types whose actor
(country, or the organisation's acronym for IGOs) is the gold actor (or one
of ``actor_any``) and whose recipient's is the gold recipient where the gold
names one; a quantity, where given, must agree too. Each prediction matches
at most one gold event; the rest are extra.

    python -m lagebild.evaluate.events ../shared/gold/de-kasachstan-blauhelme.json
    python -m lagebild.evaluate.events --plover ../shared/data/plover/PLOVER_GSR_CAMEO.txt
    python -m lagebild.evaluate.events --de-dev ../shared/gold/de_events_dev.jsonl

The PLOVER GSR records are split by the parity of the CRC-32 of their id into a
development half and a held-out half (``gsr_half``); both and all are printed.
The German dev sentences (one JSON object per sentence, EVENTS-GUIDE format) are
scored by the rule of ``shared/gold/score_events.py`` on all, the odd ids (the
half rules are developed on) and the even ids (the half only counted).
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from ..events.lexicon import event_lexicon
from ..lang import get_pack
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


#: Older codes in the GSR records: the UN and the EU were IGOs, Japan was JAP, Italy ITL,
#: Vietnam VTN (CAMEO's own codes).
GSR_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
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


#: (type, mode) the guide codes where PLOVER codes SUPPORT: a signed agreement, a body's
#: approval, an apology
GUIDE_NOT_PLOVER = {("AGREE", "sign"), ("AGREE", "approve"), ("CONCEDE", "apologize")}


def plover_type(event: Event) -> str:
    """An event's type by PLOVER's rules, which the GSR records follow: for the future, a
    planned meeting or aid is AGREE, a planned attack THREATEN (the English pack's
    ``[future]``; lagebild codes the act itself with modality ``intended``, as the guide);
    a signed agreement, a body's approval and an apology are SUPPORT (the guide's AGREE,
    modes ``sign`` and ``approve``, and CONCEDE, mode ``apologize``), a promise to sign one
    AGREE."""
    if event.modality != "intended":
        return "SUPPORT" if (event.type, event.mode) in GUIDE_NOT_PLOVER else event.type
    return event_lexicon(get_pack("en")).future_types.get(event.type, event.type)


def gsr_half(record_id: str) -> str:
    """The half of the GSR records a record belongs to: "dev" (even CRC-32 of its id, the
    records the English rules were written on) or "held-out" (odd, not read while writing)."""
    return "dev" if zlib.crc32(record_id.encode("utf-8")) % 2 == 0 else "held-out"


def score_plover_gsr(path: Path, pipeline, half: str | None = None) -> EventScores:
    """Type + actor country + recipient country against the PLOVER GSR English records.

    A record counts as found when one of the events of its sentence agrees on
    type and, where the record has them, actor (one of the record's sources) and
    recipient (one of its targets): a side without a code constrains nothing, as
    in the rule of ``score_events.py``; precision counts the events that agree.
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
        hits = [e for e in document.events if plover_type(e) == wanted
                and (not sources or _in(actors[e.actor].country if e.actor else None, sources))
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


def _keys(document: Document, actor_id: str | None) -> set[str]:
    """What a predicted actor may match: its country, its organisation, its code's
    first three letters (the rule of score_events.py)."""
    actor = next((a for a in document.actors if a.id == actor_id), None)
    if actor is None:
        return set()
    return {k for k in (actor.country, actor.org, (actor.code or "")[:3]) if k}


def _country(side) -> str | None:
    return side.get("country") if isinstance(side, dict) else side


def matched_pairs(document: Document, gold_events: list[dict]) -> list[tuple[int, int]]:
    """(gold index, prediction index) of each gold event found in one sentence's Document:
    same type, the gold actor's and recipient's countries among the predicted sides' keys
    (a gold side without a country constrains nothing), each prediction used once."""
    predicted = [(e.type, _keys(document, e.actor), _keys(document, e.recipient))
                 for e in document.events]
    used: set[int] = set()
    pairs = []
    for g, gold in enumerate(gold_events):
        actor, recipient = _country(gold.get("actor")), _country(gold.get("recipient"))
        for k, (kind, actors, recipients) in enumerate(predicted):
            if k in used or kind != gold["type"] or (actor and actor not in actors) \
                    or (recipient and recipient not in recipients):
                continue
            used.add(k)
            pairs.append((g, k))
            break
    return pairs


def match_sentence(document: Document, gold_events: list[dict]) -> tuple[list[dict], int]:
    """The gold events found in one sentence's Document (``matched_pairs``) and the number
    predicted."""
    return [gold_events[g] for g, _ in matched_pairs(document, gold_events)], \
        len(document.events)


def id_number(item_id: str) -> int:
    return int(item_id.rsplit("-", 1)[1])


@dataclass
class SentenceScores(EventScores):
    """Event scores over sentences, with the event-free ones that got an event."""

    negatives: int = 0
    false_on_negative: int = 0


DE_DEV_PARTS = {"all": lambda n: True, "odd": lambda n: n % 2 == 1,
                "even": lambda n: n % 2 == 0}


def score_sentences(gold: list[dict], documents: list[Document]) -> dict[str, SentenceScores]:
    """Scores of sentence gold (EVENTS-GUIDE format) on all, odd and even ids."""
    parts = {name: SentenceScores() for name in DE_DEV_PARTS}
    for item, document in zip(gold, documents, strict=True):
        found, predicted = match_sentence(document, item["events"])
        for name, keep in DE_DEV_PARTS.items():
            if not keep(id_number(item["id"])):
                continue
            scores = parts[name]
            if document.error:
                scores.failed.append(f"{item['id']}: {document.error}")
            scores.gold += len(item["events"])
            scores.predicted += predicted
            scores.matched += [(g, None) for g in found]
            scores.missed += [dict(g, id=item["id"]) for g in item["events"]
                              if not any(g is f for f in found)]
            if not item["events"]:
                scores.negatives += 1
                scores.false_on_negative += predicted > 0
    return parts


def score_de_dev(path: Path, pipeline) -> tuple[dict[str, SentenceScores], list[Document]]:
    """Run the pipeline on the German dev sentences and score them (see score_sentences)."""
    gold = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    documents = list(pipeline.pipe({"id": g["id"], "text": g["text"], "url": g.get("url"),
                                    "published": g.get("published"), "lang": "de"}
                                   for g in gold))
    return score_sentences(gold, documents), documents


def show_misses(gold_path: Path, documents: list[Document], part: str) -> None:
    """Print, for the odd ids only, each sentence whose gold and prediction differ. The
    even ids are never shown: they are the half no rule is written on."""
    if part != "odd":
        raise SystemExit("--show-misses shows the odd ids only")
    by_id = {d.id: d for d in documents}
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        if id_number(item["id"]) % 2 != 1:
            continue
        document = by_id[item["id"]]
        found, _ = match_sentence(document, item["events"])
        if len(found) == len(item["events"]) == len(document.events):
            continue
        actors = {a.id: a.code for a in document.actors}
        print(f"\n{item['id']}: {item['text']}")
        for g in item["events"]:
            mark = "+" if any(g is f for f in found) else "-"
            side = [_country(g.get("actor")), _country(g.get("recipient"))]
            print(f"  {mark} gold {g['type']} {side} {g.get('trigger')!r}"
                  f" {(g.get('actor') or {}).get('text')!r} -> "
                  f"{(g.get('recipient') or {}).get('text') if g.get('recipient') else None!r}")
        for e in document.events:
            print(f"    pred {e.type} {actors.get(e.actor)} -> {actors.get(e.recipient or '')}"
                  f" {e.trigger.text!r}")


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
    parser.add_argument("--de-dev", type=Path, help="German sentence gold (de_events_dev.jsonl)")
    parser.add_argument("--show-misses", choices=["odd"],
                        help="with --de-dev: print the sentences of the odd ids that differ")
    args = parser.parse_args(argv)
    pipeline, total = Pipeline(), EventScores()
    if args.de_dev:
        parts, documents = score_de_dev(args.de_dev, pipeline)
        if args.show_misses:
            show_misses(args.de_dev, documents, args.show_misses)
        for name, scores in parts.items():
            p, r, f = scores.prf()
            print(f"{name:4} ids: P {p:.3f}  R {r:.3f}  F1 {f:.3f}  ({len(scores.matched)} of "
                  f"{scores.gold} gold found, {scores.predicted} predicted; "
                  f"{scores.false_on_negative}/{scores.negatives} event-free sentences "
                  "with an event)")
            _report_failures(scores.failed)
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
