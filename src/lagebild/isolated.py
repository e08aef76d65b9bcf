"""The Pipeline in a worker process, so that no article holds its caller longer than its
time limit, in any thread: ``IsolatedPipeline(config).pipe(articles)``.

``Pipeline`` bounds an article's time with a timer signal, which only the main thread of
a process receives (not the server's request threads, not a Dask worker's task thread)
and which waits for a call into compiled code (the tokenizer on one text, one regular
expression) to return. ``IsolatedPipeline`` sends each article to a worker process and
waits at most ``max_seconds`` plus ``KILL_GRACE`` for its Document; past that the worker
is killed, the article kept with error L601, and the next article goes to a fresh
worker. Inside the worker the Pipeline's own timer still runs (the worker analyses in its
main thread), so an overrun in Python code ends as L601 without a kill.

Workers are forked from a template process that loaded the models of every language of
the config once and then only forks: a fresh worker is ready in milliseconds (not the
seconds that loading the models takes) and shares the models' memory with the template.

    caller ──control socket──▶ template (models loaded, single-threaded): forks workers
       └────── a socket per worker ──▶ worker: one article at a time, in its main thread

A worker that dies (killed, out of memory, a crash in compiled code) costs its article
(error L600) and nothing else. Linux and other POSIX systems only (``os.fork``).

``batch_chars`` (``lagebild run`` sets it) sends articles to the worker a batch at a time,
up to that many characters (a longer article alone), so that the model encodes them
together as the in-process Pipeline does. A batch gets ``max_seconds`` + ``KILL_GRACE``
in all; when it takes longer, its worker is killed and its articles are analysed again
one at a time, each with its own limit, so that only the article at fault gets L601.
"""

from __future__ import annotations

import atexit
import copy
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import weakref
from collections.abc import Iterable, Iterator
from multiprocessing.connection import Connection
from multiprocessing.reduction import recv_handle, send_handle
from typing import Any

from pydantic import ValidationError

from .errors import AnalysisError, ConfigError, LagebildError, TimeLimitError, coded
from .model import Article, Document
from .pipeline import MODEL_BATCH_CHARS, Pipeline, PipelineConfig

log = logging.getLogger(__name__)

#: Seconds a worker gets beyond ``max_seconds`` before it is killed: its own timer ends
#: an overrun in Python code at ``max_seconds`` without losing the worker.
KILL_GRACE = 1.0
#: Seconds the template may take to start and load the models of every language.
START_TIMEOUT = 600.0
#: Seconds to wait for the template to fork or kill a worker.
CONTROL_TIMEOUT = 60.0
#: Thread pools of the numeric libraries, one thread each (set where unset): the template
#: forks, and one analysis per worker is what a core can take.
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
#: Config fields a template's models depend on; the others (bounds) may differ between
#: IsolatedPipelines that share one template.
MODEL_FIELDS = ("languages", "stages", "model")
#: Characters of text a batch of ``IsolatedPipeline(batch_chars=BATCH_CHARS)`` holds at
#: most (a longer article goes alone): what the model encodes at once.
BATCH_CHARS = MODEL_BATCH_CHARS


def _validated(config: PipelineConfig | dict[str, Any] | None) -> PipelineConfig:
    if isinstance(config, PipelineConfig):
        return config
    try:
        return PipelineConfig.model_validate(config or {})
    except ValidationError as exc:
        raise ConfigError(f"invalid pipeline config: {exc}") from None


class Template:
    """The template process: the models loaded once; forks a worker when asked.

    Started at construction (blocks until the models are loaded); ``close()`` ends it, and
    every worker then ends too once its socket closes."""

    _live: weakref.WeakSet[Template] = weakref.WeakSet()

    def __init__(self, config: PipelineConfig | dict[str, Any] | None = None):
        self.config = _validated(config)
        self.lock = threading.Lock()
        ours, theirs = socket.socketpair()
        env = dict(os.environ)
        for variable in THREAD_VARIABLES:
            env.setdefault(variable, "1")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "lagebild.isolated", str(theirs.fileno()),
             self.config.model_dump_json()],
            pass_fds=[theirs.fileno()], env=env, stdin=subprocess.DEVNULL)
        theirs.close()
        self.control = Connection(ours.detach())
        Template._live.add(self)
        try:
            self._answer(START_TIMEOUT, "load the models")
        except AnalysisError:
            self.close()
            raise

    def _answer(self, timeout: float, doing: str) -> Any:
        try:
            if self.control.poll(timeout):
                return self.control.recv()
        except (EOFError, OSError):
            pass
        code = self.process.poll()
        state = "ended" if code is None or code >= 0 else f"was killed (signal {-code})"
        raise AnalysisError(f"the analysis template process {state} or did not {doing} "
                            f"within {timeout:g} s")

    def fork(self, config: PipelineConfig) -> tuple[int, Connection]:
        """A fresh worker analysing with ``config``: its pid and its socket."""
        with self.lock:
            try:
                self.control.send(("fork", config.model_dump_json()))
            except OSError:
                raise AnalysisError("the analysis template process has ended") from None
            handle = recv_handle(self.control)
            pid = self._answer(CONTROL_TIMEOUT, "fork a worker")
        return pid, Connection(handle)

    def kill(self, pid: int) -> None:
        """Kill a worker (the template reaps it, so its pid is not reused meanwhile)."""
        with self.lock:
            try:
                self.control.send(("kill", pid))
                self._answer(CONTROL_TIMEOUT, "kill a worker")
            except (OSError, AnalysisError):
                pass  # a template that is gone took its workers' sockets with it

    @property
    def alive(self) -> bool:
        return self.process.poll() is None and not self.control.closed

    def close(self) -> None:
        if not self.control.closed:
            self.control.close()  # the template ends when it reads the end of its socket
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        Template._live.discard(self)


@atexit.register
def _close_templates() -> None:
    for template in list(Template._live):
        template.close()


class IsolatedPipeline:
    """Articles in, Documents out, like ``Pipeline``, with the analysis in a worker process
    that is killed when an article takes longer than ``max_seconds`` (+ ``KILL_GRACE``).

    One article at a time (thread-safe: callers take turns), or with ``batch_chars`` a
    batch of articles of up to that many characters (at most ``batch_size``) in ``pipe``.
    ``template``: share one already started, whose models this config must not change
    (``sharing()``)."""

    def __init__(self, config: PipelineConfig | dict[str, Any] | None = None,
                 template: Template | None = None, batch_chars: int = 0):
        self.config = _validated(config)
        self.batch_chars = batch_chars
        if template is not None and any(getattr(template.config, name) != getattr(
                self.config, name) for name in MODEL_FIELDS):
            raise ConfigError(f"a shared template needs the same {', '.join(MODEL_FIELDS)}")
        self._template, self._owns_template = template, template is None
        self._local = Pipeline(self.config)  # checks records; never loads a model
        self._worker: tuple[int, Connection] | None = None
        self._lock = threading.Lock()

    def start(self) -> IsolatedPipeline:
        """Load the models and fork a worker now rather than for the first article."""
        with self._lock:
            self._connection()
        return self

    def sharing(self, **changes: Any) -> IsolatedPipeline:
        """Another IsolatedPipeline with other bounds (``max_seconds`` and the like) whose
        workers are forked from this one's template."""
        with self._lock:
            if self._template is None or not self._template.alive:
                self._template = Template(self.config)
            template = self._template
        return IsolatedPipeline({**self.config.model_dump(), **changes}, template,
                                self.batch_chars)

    def __call__(self, article: Article | dict[str, Any]) -> Document:
        return next(self.pipe([article]))

    def pipe(self, articles: Iterable[Article | dict[str, Any]],
             batch_size: int | None = None) -> Iterator[Document]:
        """Documents for the articles, in input order. Each article is analysed alone,
        against its own limit, unless ``batch_chars`` is set: then up to ``batch_size``
        (default: the config's) articles of up to ``batch_chars`` characters together."""
        if not self.batch_chars:
            for article in articles:
                yield self.analyse(article)
            return
        size = batch_size or self.config.batch_size
        batch: list[tuple[Document, Article | None]] = []
        chars = 0
        for item in articles:
            document, article = self._checked(item)
            length = len(document.text) if article is not None else 0
            if batch and (chars + length > self.batch_chars or len(batch) >= size):
                yield from self._batch(batch)
                batch, chars = [], 0
            batch.append((document, article))
            chars += length
        yield from self._batch(batch)

    def analyse(self, item: Article | dict[str, Any]) -> Document:
        """The Document of one article; a bad or slow article gets an ``error``."""
        document, article = self._checked(item)
        if article is None:
            return document  # an input error needs no worker
        answer = self._exchange([article])
        if isinstance(answer, str):
            return document.model_copy(update={"error": answer})
        return answer[0]

    def _checked(self, item: Article | dict[str, Any]) -> tuple[Document, Article | None]:
        """The record's Document with its input error, or its Document as prepared here
        (the text cleaned, without the language) and the Article to analyse."""
        if not isinstance(item, Article):
            try:
                item = Article.model_validate(item)
            except ValidationError:
                return self._local._prepare(item), None  # the record's L103 error
        document = self._local._prepare(item, language=False)
        return document, item if document.error is None else None

    def _batch(self, batch: list[tuple[Document, Article | None]]) -> list[Document]:
        """Documents for a batch from ``_checked``: its articles analysed together, or,
        where that takes longer than the limit (or the worker dies), one at a time."""
        articles = [article for _, article in batch if article is not None]
        answer = self._exchange(articles) if len(articles) > 1 else None
        if isinstance(answer, list):
            analysed = iter(answer)
            return [document if article is None else next(analysed)
                    for document, article in batch]
        if answer is not None:
            log.warning("a batch of %d articles: %s; analysing them one at a time",
                        len(articles), answer)
        return [document if article is None else self.analyse(article)
                for document, article in batch]

    def _exchange(self, articles: list[Article]) -> list[Document] | str:
        """The worker's Documents for the articles, or the error message where it did not
        answer within ``max_seconds`` + ``KILL_GRACE`` (it is killed) or died."""
        limit = self.config.max_seconds
        with self._lock:
            pid, connection = self._connection()
            try:
                connection.send(articles)
            except OSError:  # the worker died while it waited: give them to a fresh one
                self._discard()
                pid, connection = self._connection()
                connection.send(articles)
            try:
                if connection.poll(limit + KILL_GRACE):
                    return connection.recv()
                message = str(TimeLimitError(f"analysis took longer than {limit:g} s"))
            except (EOFError, OSError):
                message = coded("the analysis process ended while analysing this article "
                                "(a crash or out of memory)", AnalysisError)
            self._discard()
        return message

    def _connection(self) -> tuple[int, Connection]:
        if self._worker is None:
            if self._template is None or not self._template.alive:
                self._template = Template(self.config)
            self._worker = self._template.fork(self.config)
        return self._worker

    def _discard(self) -> None:
        """Kill the worker (it may be stuck in compiled code) and forget it."""
        if self._worker is None:
            return
        pid, connection = self._worker
        self._worker = None
        connection.close()
        if self._template is not None:
            self._template.kill(pid)

    def close(self) -> None:
        """End the worker, and the template where this pipeline started it."""
        with self._lock:
            self._discard()
            if self._owns_template and self._template is not None:
                self._template.close()
                self._template = None

    def __enter__(self) -> IsolatedPipeline:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


# --- inside the template process and its workers ---------------------------------------


#: Short texts in each script the identifier's default languages are written in.
WARM_TEXTS = ("Die Polizei nahm zwei Männer fest.", "Полиция задержала двух мужчин.",
              "اعتقلت الشرطة رجلين.")


def _warm(pipeline: Pipeline) -> None:
    """Load everything an analysis uses: each language's models, lexicons and gazetteers
    (the demo articles, or an empty analysis for a language without one) and the language
    identifier; then freeze it all out of the collector's sight (``Pipeline._settle``)."""
    from .demo import demo_articles
    from .lang.identify import identify

    languages = pipeline.config.languages
    articles = [a for a in demo_articles() if a.lang in languages]
    for lang in languages:
        if not any(a.lang == lang for a in articles):
            articles.append(Article(text="x", lang=lang))
    for document in pipeline.pipe(articles):
        if document.error:
            log.warning("warming up on %s: %s", document.id, document.error)
    # the identifier loads a language's n-gram models when a text first needs them: all
    # orders for short texts, trigrams for long ones, per script
    for text in (*WARM_TEXTS, *(a.text for a in articles)):
        try:
            identify(text, pipeline.config.identify_among)
        except LagebildError:
            pass


def _reap() -> None:
    """Collect workers that ended by themselves."""
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def _work(connection: Connection, template: Pipeline, config_json: str) -> None:
    """A worker: a list of articles in, their Documents out, until its socket closes."""
    pipeline = copy.copy(template)  # the loaded models, with this worker's bounds
    pipeline.config = PipelineConfig.model_validate_json(config_json)
    while True:
        try:
            articles = connection.recv()
        except (EOFError, OSError):
            return
        try:
            documents = list(pipeline.pipe(articles, batch_size=max(len(articles), 1)))
        except Exception:  # noqa: BLE001 - the articles' errors, never the worker's end
            documents = [_analysed_alone(pipeline, article) for article in articles]
        connection.send(documents)


def _analysed_alone(pipeline: Pipeline, article: Article) -> Document:
    try:
        return next(pipeline.pipe([article]))
    except Exception as exc:  # noqa: BLE001 - the article's error, never the worker's end
        log.exception("analysis of %s failed", article.id)
        return Document(id=article.id or "article", error=coded(
            f"analysis failed: {type(exc).__name__}: {exc}", AnalysisError))


def _template_main(fd: int, config_json: str) -> None:
    os.dup2(2, 1)  # the sockets carry the protocol; anything printed goes to stderr
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the caller; EOF ends us
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    control = Connection(fd)
    config = PipelineConfig.model_validate_json(config_json)
    # warmed up without the article limit (each worker analyses with its own bounds)
    pipeline = Pipeline(config.model_copy(update={"max_seconds": START_TIMEOUT}))
    _warm(pipeline)
    pipeline.config = config
    control.send(os.getpid())
    while True:
        try:
            command, argument = control.recv()
        except (EOFError, OSError):
            return
        if command == "fork":
            _reap()
            ours, theirs = socket.socketpair()
            pid = os.fork()
            if pid == 0:  # the worker
                code = 0
                try:
                    control.close()
                    ours.close()
                    _work(Connection(theirs.detach()), pipeline, argument)
                except BaseException:  # noqa: BLE001
                    log.exception("analysis worker failed")
                    code = 1
                finally:
                    os._exit(code)
            theirs.close()
            send_handle(control, ours.fileno(), pid)
            ours.close()
            control.send(pid)
        elif command == "kill":
            try:
                os.kill(argument, signal.SIGKILL)
                os.waitpid(argument, 0)
            except (ProcessLookupError, ChildProcessError):
                pass  # it had ended and been reaped already
            control.send(True)


if __name__ == "__main__":
    _template_main(int(sys.argv[1]), sys.argv[2])
