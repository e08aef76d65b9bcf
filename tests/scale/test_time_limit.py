"""The per-article time limit in ``run``'s worker function, which an engine's worker runs
in a thread, where the Pipeline's timer signal never fires: the analysis goes to a worker
process that is killed at the limit, so an article that takes too long becomes an L601
record and the articles around it come out as they would alone, in order."""

from __future__ import annotations

import pytest

from lagebild.isolated import KILL_GRACE
from lagebild.pipeline import PipelineConfig
from lagebild.scale import process_batch

from ..test_isolated import in_thread  # in another thread, as an engine's worker runs it

pytest.importorskip("distributed")

LIMIT = 2
#: English alone (a template that starts fast); runs without whitespace left whole, so
#: that nested parentheses take the tokenizer quadratic time
CONFIG = PipelineConfig(languages=("en",), identify_among=("de", "en"), max_seconds=LIMIT,
                        max_run_chars=100_000).model_dump_json()
GOOD = ["Police arrested 12 protesters in Paris on Monday.",
        "The foreign minister met his counterpart in Vienna on Tuesday.",
        "Protesters blocked a road in Lyon on Friday, police said.",
        "The government in Madrid announced new sanctions on Wednesday.",
        "Rebels attacked an army post near Goma on Sunday."]
#: some 7,000 characters: batched with the others, and far beyond the limit alone
STALL = "Police arrested two men. " + "(" * 3500 + ")" * 3500


def test_an_article_over_the_limit_becomes_L601_and_the_others_are_unchanged():
    records = [{"id": f"g{n}", "lang": "en", "text": text} for n, text in enumerate(GOOD)]
    records.insert(2, {"id": "stall", "lang": "en", "text": STALL})
    in_thread(process_batch, records[:1], CONFIG)  # the worker process started beforehand
    tables, seconds = in_thread(process_batch, records, CONFIG)
    errors = tables["errors"].to_pylist()
    assert errors == [{"article_id": "stall", "error": f"[L601] analysis took longer than "
                                                       f"{LIMIT} s"}]
    # the batch of all six given up at the limit, then each alone: the stalled one again
    # at the limit, the others in their usual time
    assert seconds < 2 * (LIMIT + KILL_GRACE) + 8, seconds
    alone = {}
    for record in records[:2] + records[3:]:
        table, _ = in_thread(process_batch, [record], CONFIG)
        alone[record["id"]] = {layer: t.to_pylist() for layer, t in table.items()}
    assert [r["article_id"] for r in tables["articles"].to_pylist()] == list(alone)
    for layer, table in tables.items():
        if layer != "errors":
            expected = [row for ident in alone for row in alone[ident][layer]]
            assert table.to_pylist() == expected, layer
    assert tables["events"].num_rows > 0
