"""Run ``spacy train`` under a wall-clock limit on one thread.

spaCy has no time budget of its own; the run is stopped at the limit and the
best checkpoint so far (``model-best``, chosen on the tuning set) is used.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

THREADS = "1"  # the same numbers on any machine; a second run fits beside it on two cores


def thread_env(threads: int | None = None) -> dict[str, str]:
    """Environment that keeps numpy/BLAS to ``threads`` (default ``THREADS``) threads."""
    env = dict(os.environ)
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                 "BLIS_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
        env[name] = str(threads) if threads else THREADS
    return env


def spacy_train(config: Path, output: Path, log: Path, limit_s: int,
                overrides: dict[str, str] | None = None, threads: int | None = None) -> float:
    """Train until spaCy stops or ``limit_s`` passes; return the seconds used."""
    elapsed = spacy_run(["train", str(config), "--output", str(output)], output, log, limit_s,
                        overrides, threads)
    if not (output / "model-best").exists():
        raise RuntimeError(f"spacy train left no model-best; see {log}")
    return elapsed


def spacy_run(arguments: list[str], output: Path, log: Path, limit_s: int,
              overrides: dict[str, str] | None = None, threads: int | None = None) -> float:
    """Run ``python -m spacy <arguments>``, interrupted (SIGINT) at ``limit_s``.

    spaCy saves its best or last weights when interrupted."""
    output.mkdir(parents=True, exist_ok=True)
    log.parent.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "spacy", *arguments]
    for key, value in (overrides or {}).items():
        command += [f"--{key}", value]
    started = time.monotonic()
    with open(log, "w", encoding="utf-8") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT,
                                   env=thread_env(threads), start_new_session=True)
        try:
            process.wait(timeout=limit_s)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGINT)
            try:
                process.wait(timeout=120)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
    return time.monotonic() - started
