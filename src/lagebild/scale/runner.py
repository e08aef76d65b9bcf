"""``run``: read the inputs, cut them into partitions, analyse them on a Dask
cluster, write each partition's tables as it finishes.

Partitions are numbered in input order. Only a window of partitions is in
flight at a time, which keeps the client's memory flat however large the
corpus. The client writes the output, so workers need no shared filesystem.
"""

from __future__ import annotations

import glob
import logging
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from ..errors import ConfigError
from ..ingest import read_sources
from ..ingest.remote import is_fsspec_url
from ..pipeline import PipelineConfig
from .output import Manifest, digest, remove_partitions_after, write_partition
from .worker import process_batch

log = logging.getLogger(__name__)

DEFAULT_PARTITION_SIZE = 200
#: Dask settings for a local cluster without dashboard: no statistical profiler
#: sampling each worker's stack every 10 ms, no work stealing (only a window of
#: partitions is queued, so there is little to steal), and the event-loop tick,
#: system monitor and memory monitor every second or two instead of every
#: 20-500 ms. All of it costs CPU that the analysis needs when workers are as
#: many as cores (it cut the client's event loop from about 4 % of a core to 1 %).
LEAN = {"distributed.worker.profile.enabled": False,
        "distributed.scheduler.work-stealing": False,
        "distributed.admin.tick.interval": "1s",
        "distributed.admin.system-monitor.interval": "2s",
        "distributed.worker.memory.monitor-interval": "1s"}


@dataclass
class RunSummary:
    """What a run did; ``articles_per_second`` counts only partitions analysed now."""

    partitions: int = 0
    skipped: int = 0
    failed: list[int] = field(default_factory=list)
    articles: int = 0
    events: int = 0
    errors: int = 0
    seconds: float = 0.0

    @property
    def articles_per_second(self) -> float:
        return (self.articles + self.errors) / self.seconds if self.seconds else 0.0

    def __str__(self) -> str:
        failed = f", {len(self.failed)} partitions failed" if self.failed else ""
        return (
            f"{self.articles} articles, {self.events} events, {self.errors} errors; "
            f"{self.partitions} partitions done, {self.skipped} skipped{failed}; "
            f"{self.seconds:.1f} s, {self.articles_per_second:.1f} articles/s"
        )


def expand(inputs: Iterable[str]) -> list[str]:
    """Local glob patterns expanded (sorted); other names and URLs pass unchanged
    (an fsspec URL's pattern is expanded by its filesystem)."""
    names: list[str] = []
    for name in inputs:
        local = not is_fsspec_url(name) and "://" not in name
        matches = sorted(glob.glob(name)) if local and glob.has_magic(name) else []
        names.extend(matches or [name])
    return names


def partitions(inputs: Iterable[str], size: int) -> Iterator[list[dict]]:
    """The input articles as records, ``size`` at a time."""
    stream = (a.model_dump(mode="json") for a in read_sources(expand(inputs)))
    while batch := list(islice(stream, size)):
        yield batch


def _check_dashboard() -> None:
    try:
        import bokeh  # noqa: F401
    except ImportError:
        raise ConfigError("the Dask dashboard needs bokeh: pip install bokeh "
                          "(lagebild's extra 'dashboard')") from None


def _client(scheduler: str | None, workers: int, stack: ExitStack, dashboard: bool = False):
    """A client of the given scheduler, or of a new local cluster; both closed with ``stack``.

    A local cluster's dashboard, when asked for, listens on 127.0.0.1 at a free port.
    """
    import dask
    from distributed import Client, LocalCluster

    if scheduler:
        return stack.enter_context(Client(scheduler))
    if not dashboard:
        stack.enter_context(dask.config.set(LEAN))
    cluster = stack.enter_context(LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
        dashboard_address="127.0.0.1:0" if dashboard else None, silence_logs=logging.ERROR,
    ))
    return stack.enter_context(Client(cluster))


def run(inputs: Iterable[str], output_dir: str | Path, scheduler: str | None = None,
        workers: int = 2, partition_size: int = DEFAULT_PARTITION_SIZE,
        config: PipelineConfig | None = None,
        on_partition: Callable[[int, dict[str, int]], None] | None = None,
        dashboard: bool = False,
        on_start: Callable[[str | None], None] | None = None) -> RunSummary:
    """Analyse the inputs on a Dask cluster into Parquet parts under ``output_dir``.

    ``on_partition(number, counts)`` is called as each partition is written;
    ``on_start(dashboard_link)`` once the cluster is reached (the link is None
    unless ``dashboard`` is asked for; a remote scheduler's own dashboard is linked
    when it has one). Partitions past the end of the input, left by an earlier run
    on a longer input, are removed.
    """
    from distributed import as_completed

    if dashboard and not scheduler:
        _check_dashboard()
    output_dir = Path(output_dir)
    config_json = (config or PipelineConfig()).model_dump_json()
    manifest = Manifest(output_dir, {"partition_size": partition_size, "config": config_json})
    summary = RunSummary()
    with ExitStack() as stack:
        client, running, window = None, None, 2  # started at the first partition to analyse
        meta: dict[str, tuple[int, str]] = {}

        def collect(future) -> None:
            number, fingerprint = meta.pop(future.key)
            try:
                tables = future.result()
            except Exception as exc:  # noqa: BLE001 - a lost partition is retried by a rerun
                log.error("partition %d failed: %s", number, exc)
                summary.failed.append(number)
                return
            finally:
                future.release()
            if str(number) in manifest.partitions:  # a changed partition: not done meanwhile
                manifest.forget([number])
            write_partition(output_dir, number, tables)
            counts = {"articles": tables["articles"].num_rows,
                      "events": tables["events"].num_rows, "errors": tables["errors"].num_rows}
            manifest.finish(number, fingerprint, counts)
            summary.partitions += 1
            summary.articles += counts["articles"]
            summary.events += counts["events"]
            summary.errors += counts["errors"]
            if on_partition:
                on_partition(number, counts)

        start = time.perf_counter()
        number = -1
        for number, records in enumerate(partitions(inputs, partition_size)):
            fingerprint = digest(records)
            if manifest.done(number, fingerprint):
                summary.skipped += 1
                continue
            if client is None:
                client = _client(scheduler, workers, stack, dashboard)
                if on_start:
                    on_start(client.dashboard_link if dashboard else None)
                window = max(2, 2 * len(client.scheduler_info()["workers"]))
                running = as_completed()
            future = client.submit(process_batch, records, config_json, pure=False,
                                   key=f"lagebild-part-{number}-{fingerprint[:12]}")
            meta[future.key] = (number, fingerprint)
            running.add(future)
            while running.count() >= window:
                collect(next(running))
        for future in running or ():
            collect(future)
        beyond = [n for n in map(int, manifest.partitions) if n > number]
        if beyond:
            manifest.forget(beyond)
        remove_partitions_after(output_dir, number)
        summary.seconds = time.perf_counter() - start
    summary.failed.sort()
    return summary
