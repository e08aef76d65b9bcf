"""The worker function: a batch of article records in, one Arrow table per layer out.

It knows nothing of Dask (any engine that can call a function on a worker can
use it). The pipeline is built once per process, thread and config, because loading
the spaCy models takes seconds; only the records and the config JSON travel.

The pipeline is an ``IsolatedPipeline``: an engine's worker runs its tasks in a thread,
where the Pipeline's timer signal never fires, so the analysis goes to a process of its
own (forked from a template that loaded the models once, shared by the threads of a
process), which is killed when a batch or an article takes longer than ``max_seconds``
(+ ``isolated.KILL_GRACE``). Where ``os.fork`` is missing, the in-process Pipeline.
"""

from __future__ import annotations

import json
import os
import threading
from typing import Any

import pyarrow as pa

from ..errors import AnalysisError, coded
from ..isolated import BATCH_CHARS, IsolatedPipeline
from ..layers import layer_rows
from ..model import Document
from ..pipeline import Pipeline, PipelineConfig
from .schema import SCHEMAS, TABLES

#: the first pipeline of each config in this process (its template is shared)
_PIPELINES: dict[str, Pipeline | IsolatedPipeline] = {}
_THREAD = threading.local()
_LOCK = threading.Lock()


def pipeline_for(config_json: str) -> Pipeline | IsolatedPipeline:
    """This thread's pipeline for the config, built on first use: an IsolatedPipeline
    (one worker process per thread, forked from one template per process and config)."""
    own: dict[str, Pipeline | IsolatedPipeline] = _THREAD.__dict__.setdefault("pipelines", {})
    if config_json not in own:
        with _LOCK:
            first = _PIPELINES.get(config_json)
            if first is None:
                config = PipelineConfig.model_validate_json(config_json or "{}")
                first = _PIPELINES[config_json] = (
                    IsolatedPipeline(config, batch_chars=BATCH_CHARS)
                    if hasattr(os, "fork") else Pipeline(config))
                own[config_json] = first
            else:
                own[config_json] = first.sharing() if isinstance(
                    first, IsolatedPipeline) else first
    return own[config_json]


def _ident(record: Any, position: int) -> str:
    ident = record.get("id") if isinstance(record, dict) else None
    return str(ident) if ident else f"record-{position}"


def analyse(records: list[Any], pipeline: Pipeline | IsolatedPipeline) -> list[Document]:
    """Documents for the records, in order; an article that crashes the pipeline
    is retried alone, so only it becomes an error Document."""
    try:
        return list(pipeline.pipe(records))
    except Exception:  # noqa: BLE001 - isolate the record at fault below
        pass
    documents = []
    for position, record in enumerate(records):
        try:
            documents.append(pipeline(record))
        except Exception as exc:  # noqa: BLE001 - a bad record is a row, never a failed job
            message = coded(f"{type(exc).__name__}: {exc}", AnalysisError)
            documents.append(Document(id=_ident(record, position), error=message))
    return documents


def document_rows(document: Document) -> dict[str, list[dict]]:
    """The Document as rows of every output layer."""
    aid = document.id
    rows: dict[str, list[dict]] = {layer: [] for layer in TABLES}
    if document.error is not None:
        rows["errors"].append({"article_id": aid, "error": document.error})
        return rows
    rows["articles"].append({
        "article_id": aid, "url": document.url, "title": document.title,
        "source": document.source, "published": document.published, "lang": document.lang,
        "author": document.author, "text": document.text,
        "warnings": json.dumps(document.warnings, ensure_ascii=False),
    })
    rows["documents"].append({"article_id": aid, "json": document.to_json()})
    for layer, items in layer_rows(document).items():
        rows[layer].extend({"article_id": aid, **item} for item in items)
    return rows


def to_tables(documents: list[Document]) -> dict[str, pa.Table]:
    """One Arrow table per layer, with the fixed schema, for the Documents."""
    rows: dict[str, list[dict]] = {layer: [] for layer in TABLES}
    for document in documents:
        for layer, items in document_rows(document).items():
            rows[layer].extend(items)
    return {layer: pa.Table.from_pylist(rows[layer], schema=SCHEMAS[layer]) for layer in TABLES}


def process_batch(records: list[dict], config_json: str = "") -> dict[str, pa.Table]:
    """Analyse a batch of article records (``Article`` fields as dicts); tables per layer."""
    return to_tables(analyse(records, pipeline_for(config_json)))
