"""The ``lagebild`` command: a thin edge over the library.

Library errors become one-line messages with their code and an exit status:
0 all went well, 1 some article or source failed (the rest was done),
2 the command itself was wrong (bad option, bad date, no such table).
"""

from __future__ import annotations

import csv
import glob
import json
import os
import re
import signal
import sys
import threading
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from . import __version__
from .errors import LagebildError, LanguageError
from .lang import check_language, languages
from .model import EVENT_TYPES, Article, Document, json_schema, parse_published
from .store.sqlite import TABLES

if TYPE_CHECKING:
    from .ingest.pages import IngestContext
    from .pipeline import PipelineConfig

# The pipeline (spaCy), the ingest sources (HTTP, WARC), the exports (Arrow) and the time
# rules are imported by the commands that use them, so that ``--help``, ``query`` and
# ``schema`` start in a fraction of the time.

app = typer.Typer(
    name="lagebild",
    help="Verifiable event data from news: who did what to whom, when, where, and who says so.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, soft_wrap=True)
out = Console(soft_wrap=True)

#: Batches larger than this get a progress bar.
PROGRESS_AFTER = 5

#: What the global options (``--model``, ``--all-events``) set for every pipeline of this
#: command.
_settings: dict[str, str | bool] = {}


def _config() -> PipelineConfig:
    """The pipeline configuration the command line asks for."""
    from .pipeline import PipelineConfig

    return PipelineConfig(**_settings)


class DocFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


class QueryFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    parquet = "parquet"
    csv = "csv"
    plover = "plover"
    gdelt = "gdelt"
    geojson = "geojson"


def _published(value: str | None) -> str | None:
    try:
        return parse_published(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


def _event_types(value: str | None) -> tuple[str, ...]:
    """PLOVER types, comma-separated, refused as the API refuses them when unknown."""
    if value is None:
        return ()
    types = tuple(t.strip().upper() for t in value.split(",") if t.strip())
    unknown = [t for t in types if t not in EVENT_TYPES]
    if unknown or not types:
        raise typer.BadParameter(f"unknown event type {', '.join(unknown) or repr(value)}; "
                                 f"known: {', '.join(EVENT_TYPES)}", param_hint="--type")
    return types


def _check_inputs(sources: list[str], globs: bool = False) -> None:
    """A local input that does not exist is a wrong command (exit 2), found before any
    model loads; URLs, stdin and (where ``globs``) patterns that match files pass."""
    from .ingest.remote import is_fsspec_url
    from .ingest.sources import is_url

    for source in sources:
        if source == "-" or is_url(source) or is_fsspec_url(source):
            continue
        if globs and glob.has_magic(source):
            if not glob.glob(source, recursive=True):
                raise typer.BadParameter(f"no file matches {source}", param_hint="INPUTS")
        elif not Path(source).exists():
            raise typer.BadParameter(f"no such file or folder: {source}",
                                     param_hint="SOURCES" if not globs else "INPUTS")


def _lang(value: str | None) -> str | None:
    try:
        return value if value is None else check_language(value)
    except LanguageError as exc:
        raise typer.BadParameter(f"{exc.message} (have {', '.join(languages())})") from None


Sources = Annotated[list[str], typer.Argument(
    help="files, folders, http(s) URLs, RSS/Atom feeds, OPML lists, WARC files, or - for stdin"
)]
Published = Annotated[
    str | None,
    typer.Option(callback=_published, help="publication date (ISO 8601) for texts that lack one"),
]
Lang = Annotated[
    str | None, typer.Option(callback=_lang, help="language of the texts (default: identify)")
]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="no progress bar or summary")]
DbPath = Annotated[Path, typer.Option("--db", help="SQLite store", dir_okay=False)]
AllowPrivate = Annotated[bool, typer.Option(
    "--allow-private",
    help="let feeds, lists and redirects lead to loopback, private or link-local addresses",
)]
Delay = Annotated[float, typer.Option(
    min=0.0, help="seconds between two requests to the same host (robots.txt may ask more)"
)]


def _context(allow_private: bool, delay: float, sources: list[str]) -> IngestContext:
    """Fetcher and extractor for a run; the extraction worker starts at once when the
    sources may hold many pages, so that it is ready when the NLP models are."""
    from .ingest.fetch import FetchPolicy
    from .ingest.pages import Extractor, IngestContext, default_workers
    from .ingest.sources import is_url

    policy = FetchPolicy(allow_private=allow_private, host_delay=delay)
    context = IngestContext(policy=policy, extractor=Extractor(default_workers()))
    many_pages = (".xml", ".rss", ".atom", ".opml", ".warc", ".warc.gz", ".arc")
    if any(is_url(s) or s.lower().endswith(many_pages) for s in sources):
        context.extractor.warm()
    return context


def _with_defaults(articles: Iterable[Article], published: str | None,
                   lang: str | None) -> Iterator[Article]:
    for article in articles:
        if published and not article.published:
            article.published = published
        if lang and not article.lang:
            article.lang = lang
        yield article


def _count_inputs(sources: list[str]) -> int | None:
    """How many articles the sources hold, where that is cheap to know."""
    from .ingest.sources import is_url

    total = 0
    for source in sources:
        if source == "-" or is_url(source):
            return None
        path = Path(source)
        if path.is_dir():
            return None
        if path.suffix.lower() in (".jsonl", ".ndjson"):
            try:
                with path.open("rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            except OSError:
                total += 1
        else:
            total += 1
    return total


def _progress(documents: Iterable[Document], total: int | None, quiet: bool) -> Iterator[Document]:
    if quiet or (total is not None and total <= PROGRESS_AFTER):
        yield from documents
        return
    columns = [SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
               MofNCompleteColumn(), TimeElapsedColumn()]
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("articles", total=total)
        for document in documents:
            yield document
            progress.advance(task)


def _article_error(document: Document) -> str:
    """ "[L200] a-17: unsupported language: fr": the code, then the article where the message
    does not name it already ("[L103] bad.jsonl:2: invalid JSON (...)"); the ids made up for
    sources that gave no article ("err-…") are left out, as their message names the source."""
    code, _, message = document.error.partition("] ")
    if not message:
        code, message = "", document.error
    named = message.startswith(f"{document.id}: ") or document.id.startswith("err-")
    where = "" if named else f"{document.id}: "
    return f"{code}] {where}{message}" if code else f"{where}{message}"


def _report_errors(documents: Iterable[Document], failures: list[Document]) -> Iterator[Document]:
    for document in documents:
        if document.error is not None:
            failures.append(document)
            err.print(f"[red]error[/red] {_article_error(document)}", highlight=False)
        for warning in document.warnings:
            err.print(f"[yellow]warning[/yellow] {document.id}: {warning}", highlight=False)
        yield document


def _fail(exc: LagebildError, status: int = 2) -> typer.Exit:
    err.print(f"[red]error[/red] {exc}", highlight=False)
    return typer.Exit(status)


@app.command()
def extract(
    sources: Sources,
    published: Published = None,
    lang: Lang = None,
    format: Annotated[DocFormat, typer.Option("--format", "-f")] = DocFormat.json,
    quiet: Quiet = False,
    allow_private: AllowPrivate = False,
    delay: Delay = 1.0,
) -> None:
    """Analyse articles and print their Documents (JSONL in, JSONL out, same order and ids)."""
    from .ingest import read_sources
    from .pipeline import Pipeline

    _check_inputs(sources)
    pipeline = Pipeline(_config())
    failures: list[Document] = []
    with _context(allow_private, delay, sources) as context:
        articles = _with_defaults(read_sources(sources, context=context), published, lang)
        documents = _report_errors(
            _progress(pipeline.pipe(articles), _count_inputs(sources), quiet), failures
        )
        _print_documents(documents, format)
    if failures:
        raise typer.Exit(1)


def _print_documents(documents: Iterable[Document], format: DocFormat) -> None:
    if format is DocFormat.jsonl:
        for document in documents:
            sys.stdout.write(document.to_json() + "\n")
        sys.stdout.flush()
        return
    collected = list(documents)
    if format is DocFormat.json:
        if len(collected) == 1:
            sys.stdout.write(collected[0].to_json(indent=2) + "\n")
        else:
            sys.stdout.write(json.dumps([d.to_dict() for d in collected], indent=2,
                                        ensure_ascii=False) + "\n")
        return
    out.print(_documents_table(collected))


def _documents_table(documents: list[Document]) -> Table:
    """What each document says, layer by layer: events first, each with its evidence."""
    from .timex.readable import readable_date

    table = Table("document", "layer", "what", "text")
    for d in documents:
        if d.error is not None:
            table.add_row(d.id, "error", d.error, "", end_section=True)
            continue
        actors = {a.id: a for a in d.actors}
        places = {p.id: p for p in d.places}
        amounts = {a.id: a for a in d.amounts}

        def name(actor_id: str | None, actors=actors) -> str:
            actor = actors.get(actor_id or "")
            return (actor.org or actor.code) if actor else "?"

        head = f"{d.id}\n{d.lang} {d.published or ''}"
        rows: list[tuple[str, str, str]] = []
        for ev in d.events:
            where = places[ev.place].name if ev.place in places else ""
            qty = amounts[ev.quantity].text if ev.quantity in amounts else ""
            said = f", says {name(ev.attributed_to)}" if ev.attributed_to else ""
            what = f"{ev.type} {name(ev.actor)} → {name(ev.recipient)}"
            when = readable_date(ev.date)
            detail = ", ".join(x for x in (when, where, qty, ev.modality + said) if x)
            rows.append(("event", f"{what}\n{detail}", ev.trigger.text))
        for q in d.quotes:
            speaker = f"{q.speaker.text} ({name(q.speaker.actor)})" if q.speaker else "?"
            text = q.text if len(q.text) <= 60 else q.text[:57] + "..."
            rows.append(("quote", f"{q.kind}, {speaker}", text))
        for t in d.times:
            value = readable_date(t.value) if t.type in ("DATE", "TIME") else t.value
            rows.append(("time", f"{t.type} {value}" + (f" {t.mod}" if t.mod else ""), t.text))
        for a in d.amounts:
            rows.append(("amount", _amount(a.value, a.unit, a.approx), a.text))
        for p in d.places:
            rows.append(("place", f"{p.kind} {p.country or ''} {p.lat:.2f},{p.lon:.2f}", p.name))
        named = dict.fromkeys(f"{e.text} ({e.label})" for e in d.entities)
        if named:
            rows.append(("entities", f"{len(d.entities)} mentions", ", ".join(named)))
        if not rows:
            rows.append(("", "(nothing found)", ""))
        for i, row in enumerate(rows):
            table.add_row(head if i == 0 else "", *row, end_section=i == len(rows) - 1)
    return table


def _amount(value: float | None, unit: str | None, approx: bool = False) -> str:
    """An amount as a reader writes it: "3000 Mensch ~" (about 3000 people)."""
    if value is None:
        return ""
    return f"{value:,.15g} {unit or ''}".strip() + (" ~" if approx else "")


@app.command()
def ingest(
    sources: Sources,
    db: DbPath = Path("lagebild.db"),
    published: Published = None,
    lang: Lang = None,
    quiet: Quiet = False,
    allow_private: AllowPrivate = False,
    delay: Delay = 1.0,
) -> None:
    """Analyse articles into the SQLite store; articles already there, and duplicates
    of them (same canonical URL or same text), are skipped."""
    from .ingest import read_sources
    from .ingest.watch import Tally, ingest_articles
    from .pipeline import Pipeline
    from .store import Store

    _check_inputs(sources)
    pipeline = Pipeline(_config())
    try:
        store = Store(db)
    except LagebildError as exc:
        raise _fail(exc) from None
    tally = Tally()
    failures: list[Document] = []
    with store, _context(allow_private, delay, sources) as context:
        context.known = store.known
        articles = _with_defaults(read_sources(sources, context=context), published, lang)
        total = _count_inputs(sources)
        ingest_articles(store, pipeline, (([], a) for a in articles), tally,
                        wrap=lambda docs: _report_errors(_progress(docs, total, quiet), failures))
    if not quiet:
        err.print(f"{db}: {tally.summary()}", highlight=False)
    if failures:
        raise typer.Exit(1)


def _seconds(value: str) -> float:
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", value or "")
    if match is None:
        raise typer.BadParameter(f"not a duration: {value!r} (e.g. 90s, 15m, 2h)")
    number, unit = float(match.group(1)), match.group(2) or "s"
    seconds = number * {"s": 1, "m": 60, "h": 3600, "d": 86400}[unit]
    if seconds < 1:
        raise typer.BadParameter("the interval must be at least 1 second")
    return seconds


@app.command()
def watch(
    feeds: Annotated[list[str], typer.Argument(help="RSS/Atom feed URLs or files, OPML lists")],
    db: DbPath = Path("lagebild.db"),
    every: Annotated[str, typer.Option(help="time between polls: 90s, 15m, 2h")] = "15m",
    once: Annotated[bool, typer.Option("--once", help="poll once, then stop")] = False,
    quiet: Quiet = False,
    allow_private: AllowPrivate = False,
    delay: Delay = 1.0,
) -> None:
    """Poll feeds and ingest their new entries into the store, until Ctrl-C or SIGTERM.

    Seen entries, ETags and Last-Modified dates live in the store, so a restarted
    watch goes on where the last one stopped."""
    from .ingest.watch import poll
    from .pipeline import Pipeline
    from .store import Store

    interval = _seconds(every)
    pipeline = Pipeline(_config())
    try:
        store = Store(db)
    except LagebildError as exc:
        raise _fail(exc) from None
    stop = threading.Event()
    previous = _stop_on_signals(stop)
    failed = False
    with store, _context(allow_private, delay, feeds) as context, _restore_signals(previous):
        context.known = store.known
        while True:
            failures: list[Document] = []
            tally = poll(feeds, store, pipeline, context, stop,
                         wrap=lambda docs, failures=failures: _report_errors(docs, failures))
            for message in tally.failures:
                err.print(f"[red]error[/red] {message}", highlight=False)
            failed = bool(failures or tally.failures)
            if not quiet:
                err.print(f"{db}: {tally.summary()}", highlight=False)
            if once or stop.wait(interval):
                break
    if stop.is_set() and not quiet:
        err.print("stopped", highlight=False)
    if once and failed:
        raise typer.Exit(1)


@contextmanager
def _restore_signals(previous: dict):
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _stop_on_signals(stop: threading.Event) -> dict:
    """First Ctrl-C or SIGTERM: finish the current article, then stop; the second: stop now."""

    def handle(signum, frame):
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()
        err.print("stopping after the current article (again to stop at once)", highlight=False)

    previous = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
    signal.signal(signal.SIGINT, handle)
    signal.signal(signal.SIGTERM, handle)
    return previous


@app.command()
def query(
    db: DbPath = Path("lagebild.db"),
    type: Annotated[str | None, typer.Option("--type", help="PLOVER event type")] = None,
    actor: Annotated[str | None, typer.Option(help="actor code, country or org")] = None,
    country: Annotated[str | None, typer.Option(help="ISO country of place or actors")] = None,
    since: Annotated[str | None, typer.Option(callback=_published, help="event date from")] = None,
    until: Annotated[str | None, typer.Option(callback=_published, help="event date to")] = None,
    text: Annotated[str | None, typer.Option(help="full-text query over the articles")] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="at most this many events")] = None,
    min_confidence: Annotated[float | None, typer.Option(
        min=0.0, max=1.0, help="events whose confidence is at least this")] = None,
    format: Annotated[QueryFormat, typer.Option("--format", "-f")] = QueryFormat.table,
) -> None:
    """List the events in the store that match every filter given."""
    from .store import EventQuery, Store
    from .timex.readable import readable_date

    filters = EventQuery(types=_event_types(type), actor=actor, country=country, since=since,
                         until=until, text=text, limit=limit, min_confidence=min_confidence)
    try:
        with Store(db, readonly=True) as store:
            rows = store.events(filters)
    except LagebildError as exc:
        raise _fail(exc) from None
    if format is QueryFormat.json:
        sys.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
    elif format is QueryFormat.csv:
        writer = csv.writer(sys.stdout)
        if rows:
            writer.writerow(rows[0].keys())
            writer.writerows(row.values() for row in rows)
    else:
        table = Table("date", "type", "actor", "recipient", "place", "qty", "modality", "trigger",
                      "article")
        for r in rows:
            table.add_row(readable_date(r["date"]), r["type"],
                          r["actor_org"] or r["actor_code"] or "",
                          r["recipient_org"] or r["recipient_code"] or "", r["place_name"] or "",
                          _amount(r["quantity_value"], r["quantity_unit"]),
                          r["modality"] or "", r["trigger_text"] or "", r["article_id"])
        out.print(table)


@app.command()
def export(
    output: Annotated[Path, typer.Argument(help="file to write", dir_okay=False)],
    db: DbPath = Path("lagebild.db"),
    format: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.jsonl,
    table: Annotated[str, typer.Option(help=f"table for csv/parquet: {', '.join(TABLES)}")] = (
        "events"
    ),
    quiet: Quiet = False,
) -> None:
    """Write the store out: Documents as JSON Lines, one table as CSV or Parquet, or the
    events as PLOVER-style JSON Lines (plover), a GDELT-2.0-like TSV (gdelt) or GeoJSON
    points, the features of the API's /events.geojson (geojson)."""
    from .store import Store
    from .store.export import export as export_store

    try:
        with Store(db, readonly=True) as store:
            count = export_store(store, format.value, output, table)
    except LagebildError as exc:
        raise _fail(exc) from None
    if not quiet:
        what = {ExportFormat.jsonl: "documents", ExportFormat.plover: "events",
                ExportFormat.gdelt: "events", ExportFormat.geojson: "events"}.get(
                    format, f"{table} rows")
        err.print(f"{output}: {count} {what}", highlight=False)


@app.command()
def run(
    inputs: Annotated[list[str], typer.Argument(
        help="files, folders or glob patterns (local or URLs such as s3://bucket/news/*.jsonl):"
             " JSONL, text, HTML, WARC"
    )],
    output: Annotated[Path, typer.Option("--output", "-o", help="folder for the Parquet parts",
                                         file_okay=False)],
    scheduler: Annotated[str | None, typer.Option(
        help="address of a running Dask scheduler, e.g. tcp://HOST:8786 (default: local)"
    )] = None,
    workers: Annotated[int, typer.Option(min=1, help="local worker processes")] = 2,
    partition_size: Annotated[int, typer.Option(min=1, help="articles per partition")] = 200,
    dashboard: Annotated[bool, typer.Option(
        help="start the Dask dashboard on 127.0.0.1 (a free port) and print its link"
    )] = False,
    quiet: Quiet = False,
) -> None:
    """Analyse a corpus on a Dask cluster into Parquet; a rerun skips finished partitions."""
    from .scale import run as run_corpus

    _check_inputs(inputs, globs=True)
    with ExitStack() as stack:
        bar = None
        if not quiet and err.is_terminal:
            bar = stack.enter_context(Progress(
                SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                console=err, transient=True))
            task = bar.add_task("reading the input", total=None)
        done = {"partitions": 0, "articles": 0, "events": 0, "errors": 0}

        def started(link: str | None) -> None:
            if bar is not None:
                bar.update(task, description="analysing")
            if link:
                err.print(f"Dask dashboard: {link}", highlight=False)

        def report(number: int, counts: dict[str, int]) -> None:
            done["partitions"] += 1
            for key in ("articles", "events", "errors"):
                done[key] += counts[key]
            if bar is not None:
                bar.update(task, description=(
                    f"{done['partitions']} partitions: {done['articles']} articles, "
                    f"{done['events']} events, {done['errors']} errors"))
            elif not quiet:
                err.print(f"partition {number}: {counts['articles']} articles, "
                          f"{counts['events']} events, {counts['errors']} errors",
                          highlight=False)

        try:
            summary = run_corpus(inputs, output, scheduler=scheduler, workers=workers,
                                 partition_size=partition_size, on_partition=report,
                                 config=_config(),
                                 dashboard=dashboard, on_start=started)
        except LagebildError as exc:
            raise _fail(exc) from None
    err.print(f"{output}: {summary}", highlight=False)
    if summary.failed or summary.errors:
        raise typer.Exit(1)


@app.command()
def load(
    run_dir: Annotated[Path, typer.Argument(help="output folder of `lagebild run`",
                                            file_okay=False)],
    db: DbPath = Path("lagebild.db"),
    quiet: Quiet = False,
) -> None:
    """Load the Documents of a finished run into the SQLite store."""
    from .scale import load as load_run

    try:
        results = load_run(run_dir, db)
    except LagebildError as exc:
        raise _fail(exc) from None
    if not quiet:
        counts = ", ".join(f"{n} {what}" for what, n in sorted(results.items())) or "nothing"
        err.print(f"{db}: {counts}", highlight=False)
    if results.get("failed"):
        raise typer.Exit(1)


@app.command()
def serve(
    db: DbPath = Path("lagebild.db"),
    host: Annotated[str, typer.Option(help="address to bind; 0.0.0.0 opens it to the network")
                    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
    token: Annotated[str | None, typer.Option(
        envvar="LAGEBILD_API_TOKEN", help="switch on POST /articles for clients that send it")
    ] = None,
    workers: Annotated[int, typer.Option(min=1, help="server processes (one per core)")] = 1,
    quiet: Quiet = False,
) -> None:
    """Serve the store: JSON API (OpenAPI docs at /docs) and the web page at /."""
    import uvicorn

    from .serve import create_app
    from .serve.app import CONFIG_ENV

    try:
        application = create_app(db, token=token, config=_config())  # checks the store first
    except LagebildError as exc:
        raise _fail(exc) from None
    if not quiet:
        mode = "ingest on (token required)" if token else "read-only"
        err.print(f"lagebild on http://{host}:{port}/ over {db} ({mode})", highlight=False)
    log_level = "warning" if quiet else "info"
    if workers == 1:
        uvicorn.run(application, host=host, port=port, log_level=log_level)
        return
    os.environ["LAGEBILD_DB"] = str(Path(db).resolve())
    os.environ[CONFIG_ENV] = _config().model_dump_json()  # for each worker process
    if token:
        os.environ["LAGEBILD_API_TOKEN"] = token
    uvicorn.run("lagebild.serve.app:from_environment", factory=True, host=host, port=port,
                workers=workers, log_level=log_level)


@app.command()
def demo(
    format: Annotated[DocFormat, typer.Option("--format", "-f")] = DocFormat.table,
) -> None:
    """Run the pipeline on the invented demo articles that ship with lagebild."""
    from .demo import demo_articles
    from .pipeline import Pipeline

    _print_documents(Pipeline(_config()).pipe(demo_articles()), format)


@app.command()
def schema(
    output: Annotated[Path | None, typer.Option("--output", "-o", help="write here")] = None,
) -> None:
    """Print (or write) the JSON Schema of the Document, lagebild.document/1."""
    text = json_schema()
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"lagebild {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True)] = False,
    model: Annotated[str | None, typer.Option(
        "--model", help="trained model: fast (default) or accurate (German: better names, "
                        "about half the speed); also $LAGEBILD_MODEL")] = None,
    all_events: Annotated[bool, typer.Option(
        "--all-events", help="keep every event the rules code, none dropped by the learned "
                             "event screen (German: more events, fewer of them right)")] = False,
) -> None:
    """Verifiable event data from news: who did what to whom, when, where, and who says so."""
    if model is not None:
        from .pipeline import MODELS

        if model not in MODELS:
            raise typer.BadParameter(f"{model!r}: {' or '.join(MODELS)}", param_hint="--model")
        _settings["model"] = model  # every Pipeline of this command, workers included
    if all_events:
        _settings["all_events"] = True


def main() -> None:
    try:
        app()
    except LagebildError as exc:  # anything the commands did not translate themselves
        err.print(f"[red]error[/red] {exc}", highlight=False)
        sys.exit(2)
    except KeyboardInterrupt:
        err.print("interrupted", highlight=False)
        sys.exit(130)


if __name__ == "__main__":
    main()
