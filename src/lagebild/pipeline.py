"""Assembly: one Pipeline per process turns Articles into Documents, in input order.

The Pipeline is built from a validated config (a worker can rebuild it from
``config.model_dump_json()``), does no I/O when constructed, and loads each
language's spaCy pipeline the first time an article in that language comes.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import signal
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from spacy.language import Language

from .annotate import ANNOTATORS, DEFAULT_STAGES, LAYER_ORDER, NLP_PROVIDES, Annotator
from .errors import (
    AnalysisError,
    ConfigError,
    DateError,
    EmptyTextError,
    LagebildError,
    RecordError,
    TimeLimitError,
    coded,
)
from .lang import LanguagePack, check_language, get_pack, languages
from .lang.identify import DEFAULT_CANDIDATES, identify
from .model import Article, Document, break_runs, clean_text, parse_published
from .nlp import build_nlp
from .tokens import bounds as token_bounds
from .tokens import sentences as token_sentences
from .tokens import settle as settle_tokens
from .tokens import text as doc_text

log = logging.getLogger(__name__)

#: Characters the model encodes in one batch: four news articles of 600 words.
MODEL_BATCH_CHARS = 16_000

#: Publication years analysed: dates are resolved relative to this one, and calendar
#: arithmetic near year 9999 overflows.
MIN_YEAR, MAX_YEAR = 1000, 9000

#: Environment variable that picks the trained model when a config does not.
MODEL_ENV = "LAGEBILD_MODEL"
#: The trained models a language may have: fast (the default) and accurate.
Model = Literal["fast", "accurate"]
MODELS: tuple[str, ...] = get_args(Model)


def _default_model() -> str:
    return os.environ.get(MODEL_ENV, "fast")


class PipelineConfig(BaseModel):
    """Everything that decides what a Pipeline does; unknown keys are refused."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    languages: tuple[str, ...] = Field(
        default_factory=languages, description="languages analysed; default: every language pack")
    stages: tuple[str, ...] = Field(DEFAULT_STAGES, description="annotators, in DESIGN order")
    identify_among: tuple[str, ...] = Field(
        DEFAULT_CANDIDATES, description="languages the identifier may answer with"
    )
    model: Model = Field(
        default_factory=_default_model, validate_default=True,
        description="trained model of a language that has two (German): fast, about twice "
                    "the articles per second, or accurate, better names; default "
                    f"${MODEL_ENV} or fast")
    all_events: bool = Field(
        False, description="keep every event the rules code: no learned event screen (German: "
        "a quarter to a half more events, fewer of them right)")
    batch_size: int = Field(64, ge=1)
    max_chars: int = Field(100_000, ge=1, description="longer texts are cut, with a warning")
    max_run_chars: int = Field(
        1_000, ge=10, description="a run of more characters without whitespace is broken by a "
        "space after each this many, with a warning (the tokenizer is quadratic in a run)")
    max_seconds: float = Field(
        30.0, gt=0, description="wall time one article may take; a longer one is kept with "
        "error L601 and the batch goes on (a timer in a process's main thread; "
        "IsolatedPipeline, which the server uses, kills the worker process instead)")

    @field_validator("languages")
    @classmethod
    def _known_languages(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for code in value:  # LanguageError, not pydantic's ValidationError
            check_language(code)
        return value


def _check_stages(stages: tuple[str, ...], all_events: bool = False) -> list[Annotator]:
    """Annotators for the stages, refusing unknown ones and any order that misses a layer."""
    provided = set(NLP_PROVIDES)
    annotators: list[Annotator] = []
    last = -1
    for name in stages:
        if name not in ANNOTATORS:
            raise ConfigError(f"unknown stage {name!r}; known: {sorted(ANNOTATORS)}")
        position = LAYER_ORDER.index(name)
        if position <= last:
            raise ConfigError(f"stage {name!r} out of order; the order is {list(LAYER_ORDER)}")
        last = position
        annotator = ANNOTATORS[name](screen=not all_events) if name == "events" \
            else ANNOTATORS[name]()
        missing = [layer for layer in annotator.requires if layer not in provided]
        if missing:
            raise ConfigError(f"stage {name!r} requires {missing}, which no earlier stage assigns")
        provided.update(annotator.assigns)
        annotators.append(annotator)
    return annotators


def model_batch(texts: list[str]) -> int:
    """How many of these texts the model encodes at once: about ``MODEL_BATCH_CHARS``.

    spaCy's default of 1,000 texts puts a whole batch (64 news articles, some 46,000
    tokens: 50 MB arrays per layer) into one matrix, which the allocator maps fresh
    from the system each time; arrays for four articles are reused, and the encoder
    takes a quarter less time. Short texts go many to a batch, as the matrix
    products want."""
    mean = sum(len(text) for text in texts) / max(len(texts), 1)
    return max(1, min(len(texts), round(MODEL_BATCH_CHARS / max(mean, 1.0))))


def document_id(article: Article) -> str:
    """The article's own id, else a stable hash of its URL, else of its text."""
    if article.id:
        return article.id
    basis = article.url or article.text
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]


class Pipeline:
    """Articles in, Documents out: ``for doc in Pipeline().pipe(articles)``."""

    def __init__(self, config: PipelineConfig | dict[str, Any] | None = None):
        if config is None or isinstance(config, dict):
            try:  # the defaults too: $LAGEBILD_MODEL may be wrong
                config = PipelineConfig.model_validate(config or {})
            except ValidationError as exc:
                raise ConfigError(f"invalid pipeline config: {exc}") from None
        self.config = config
        self.annotators = _check_stages(self.config.stages, self.config.all_events)
        self._nlp: dict[str, Language] = {}
        self._settled: set[str] = set()

    def nlp(self, lang: str) -> Language:
        """The spaCy pipeline of a language, built on first use."""
        if lang not in self._nlp:
            needs_entities = any("ner" in a.requires for a in self.annotators)
            self._nlp[lang] = build_nlp(self.pack(lang), entities=needs_entities,
                                        model=self.config.model)
        return self._nlp[lang]

    def pack(self, lang: str) -> LanguagePack:
        return get_pack(check_language(lang, self.config.languages))

    def __call__(self, article: Article | dict[str, Any]) -> Document:
        return next(self.pipe([article]))

    def pipe(self, articles: Iterable[Article | dict[str, Any]],
             batch_size: int | None = None) -> Iterator[Document]:
        """Documents for the articles, in input order; a bad article gets an ``error``."""
        size = batch_size or self.config.batch_size
        stream = iter(articles)
        while batch := list(islice(stream, size)):
            yield from self._batch(batch)

    def _batch(self, batch: list[Article | dict[str, Any]]) -> list[Document]:
        documents: list[Document] = []
        by_lang: dict[str, list[int]] = {}
        for item in batch:
            document = self._prepare(item)
            if document.error is None:
                by_lang.setdefault(document.lang or "", []).append(len(documents))
            documents.append(document)
        for lang, positions in by_lang.items():
            nlp, pack = self.nlp(lang), self.pack(lang)
            texts = [documents[i].text for i in positions]
            limit, started = self.config.max_seconds, time.monotonic()
            try:
                with time_limit(limit * len(texts)):
                    docs = list(nlp.pipe(texts, batch_size=model_batch(texts)))
            except TimeLimitError:  # one article at a time, to find the slow one
                docs = [None] if len(texts) == 1 else [
                    self._within(limit, nlp, text) for text in texts]
            for position, doc in zip(positions, docs, strict=True):
                document = documents[position]
                # one article alone has what its model stage left of the limit
                budget = limit - (time.monotonic() - started) if len(texts) == 1 else limit
                annotated = doc and budget > 0 and self._within(
                    budget, self._annotate, doc, document, pack)
                documents[position] = annotated or document.model_copy(update={
                    **{layer: [] for layer in ("sentences", *LAYER_ORDER)},
                    "error": str(TimeLimitError(f"analysis took longer than {limit:g} s"))})
            if lang not in self._settled:
                self._settle(lang)
        return documents

    @staticmethod
    def _within(seconds: float, call, *args):
        """``call(*args)``, or None when it takes longer than ``seconds``."""
        try:
            with time_limit(seconds):
                return call(*args)
        except TimeLimitError:
            return None

    def _settle(self, lang: str) -> None:
        """After a language's first batch its model, gazetteers and lexicons are loaded:
        millions of objects that live as long as the process. ``gc.freeze`` takes them
        out of the cyclic collector's sight, whose full passes walked them all again and
        again (3 to 5 % of the CPU time of a long run)."""
        self._settled.add(lang)
        gc.collect()  # what is garbage now is not frozen with the rest
        gc.freeze()

    def _prepare(self, item: Article | dict[str, Any], language: bool = True) -> Document:
        """A Document with text, metadata and language set, or with ``error`` set.
        ``language=False``: without identifying the language (which loads its models)."""
        if not isinstance(item, Article):
            try:
                item = Article.model_validate(item)
            except ValidationError as exc:
                ident = str(item.get("id", "")) if isinstance(item, dict) else ""
                return Document(id=clean_text(ident)[0] or "invalid",
                                error=clean_text(coded(f"invalid article: {exc}", RecordError))[0])
        document = Document(
            id=document_id(item), url=item.url, title=item.title, source=item.source,
            lang=item.lang, author=item.author, text=item.text, warnings=list(item.warnings),
        )
        if item.error:
            document.error = coded(item.error)
            return document
        try:
            document.published = parse_published(item.published)
            if document.published and not MIN_YEAR <= int(document.published[:4]) <= MAX_YEAR:
                raise ValueError(f"year {document.published[:4]} outside {MIN_YEAR} to {MAX_YEAR}")
        except ValueError as exc:
            document.error = coded(f"invalid published date: {exc}", DateError)
            return document
        if not item.text.strip():
            document.error = coded("empty text", EmptyTextError)
            return document
        if len(item.text) > self.config.max_chars:
            document.text = item.text[: self.config.max_chars]
            document.warnings.append(
                f"text of {len(item.text):,} characters cut to {self.config.max_chars:,}"
            )
        document.text, runs = break_runs(document.text, self.config.max_run_chars)
        if runs:
            document.warnings.append(
                f"{runs} run{'s' * (runs > 1)} of more than {self.config.max_run_chars:,} "
                f"characters without whitespace broken by spaces")
        if not language:
            return document
        try:
            document.lang = item.lang or identify(document.text, self.config.identify_among)
            check_language(document.lang, self.config.languages)
        except LagebildError as exc:
            document.error = str(exc)
        return document

    def _annotate(self, doc, document: Document, pack: LanguagePack) -> Document:
        settle_tokens(doc)  # the model's stages are done: the layers read its words once
        document.sentences = sentence_spans(doc, document.text)
        for annotator in self.annotators:
            try:
                annotator(doc, document, pack)
            except TimeLimitError:
                raise
            except Exception as exc:  # one article's failure must not stop the batch
                log.exception("stage %s failed on %s", annotator.name, document.id)
                # the article and its metadata stay; no half-filled layer does
                return document.model_copy(update={
                    **{layer: [] for layer in ("sentences", *LAYER_ORDER)},
                    "error": coded(f"stage {annotator.name} failed: {type(exc).__name__}: {exc}",
                                   AnalysisError),
                })
        return document


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise TimeLimitError in the block once ``seconds`` have passed (SIGALRM, so only in
    the main thread of a process, and only where Python code runs; elsewhere a no-op)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(
            signal, "setitimer"):
        yield
        return

    def expire(signum, frame):
        raise TimeLimitError(f"took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def sentence_spans(doc, text: str | None = None) -> list[tuple[int, int]]:
    """Character spans of the sentences, without surrounding whitespace; blank ones dropped.
    ``text``: the doc's text where the caller has it."""
    starts, ends = token_bounds(doc)
    text, spans = doc_text(doc) if text is None else text, []
    for first, end in token_sentences(doc):
        start, stop = starts[first], ends[end - 1]
        sentence = text[start:stop]
        stripped = sentence.strip()
        if stripped:
            start += len(sentence) - len(sentence.lstrip())
            spans.append((start, start + len(stripped)))
    return spans


def extract(text: str, published: str | None = None, lang: str | None = None,
            pipeline: Pipeline | None = None) -> Document:
    """Analyse one text: the shortest way from a string to a Document."""
    return (pipeline or Pipeline())(Article(text=text, published=published, lang=lang))
