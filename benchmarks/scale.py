"""``lagebild run`` on 1 and on 2 local Dask workers, same corpus, same machine.

    python benchmarks/scale.py [--articles 400] [--partition-size 25] [--workers 1 2]

The corpus is invented one- and two-sentence German items (tests/scale/corpus.py).
"cold" is the whole call: cluster start, model loading in each worker, analysis,
Parquet. "warm" is a second cluster whose workers loaded the models beforehand.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from distributed import Client, LocalCluster  # noqa: E402

from lagebild.pipeline import PipelineConfig  # noqa: E402
from lagebild.scale import run  # noqa: E402
from lagebild.scale.worker import pipeline_for  # noqa: E402
from tests.scale.corpus import articles  # noqa: E402


def _warm(config_json: str) -> None:
    pipeline_for(config_json).nlp("de")


def measure(corpus: Path, workers: int, partition_size: int) -> dict:
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        summary = run([str(corpus)], Path(out) / "cold", workers=workers,
                      partition_size=partition_size)
        cold = time.perf_counter() - start
    config_json = PipelineConfig().model_dump_json()
    with (LocalCluster(n_workers=workers, threads_per_worker=1, host="127.0.0.1",
                       dashboard_address=None, silence_logs=logging.ERROR) as cluster,
          Client(cluster) as client, tempfile.TemporaryDirectory() as out):
        client.run(_warm, config_json)
        warm = run([str(corpus)], Path(out) / "warm", scheduler=cluster.scheduler_address,
                   partition_size=partition_size)
    return {"workers": workers, "articles": summary.articles, "events": summary.events,
            "cold_s": round(cold, 1), "warm_s": round(warm.seconds, 1),
            "warm_articles_per_s": round(warm.articles_per_second, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--partition-size", type=int, default=25)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.jsonl"
        corpus.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n"
                                  for a in articles(args.articles)), encoding="utf-8")
        results = [measure(corpus, n, args.partition_size) for n in args.workers]
    for row in results:
        print(json.dumps(row))
    if len(results) > 1:
        base = results[0]
        for row in results[1:]:
            print(f"speed-up {row['workers']} vs {base['workers']} workers: "
                  f"cold {base['cold_s'] / row['cold_s']:.2f}x, "
                  f"warm {base['warm_s'] / row['warm_s']:.2f}x")


if __name__ == "__main__":
    main()
