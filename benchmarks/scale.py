"""``lagebild run`` on 1 and on 2 local Dask workers, same corpus, same machine.

    python benchmarks/scale.py [--articles 2000] [--partition-size 100] [--workers 1 2]
                               [--corpus news|short] [--extract] [--warm]

``--corpus news`` (default): German news articles of 300–500 words, each made of
consecutive-looking reports drawn (seeded) from the SmartData corpus's news
documents (../shared/data/smartdata_de, CC BY 4.0, read here, never copied),
published on the first report's date. The corpus has 781 news documents of
about 120 words, so each report recurs in several articles, in other company.
``--corpus short``: the invented one- and two-sentence items of tests/scale.

Each measurement is the command itself, ``lagebild run CORPUS --output DIR
--workers N`` in a fresh process: cluster start, model loading in each
worker, analysis, Parquet. ``--warm`` adds a run on a cluster whose workers
loaded the models beforehand. ``--extract`` also times ``lagebild extract
CORPUS --format jsonl`` and checks that its events are those of every run,
field for field. The load average before each command is printed with it:
a figure measured while other work shares the cores says little.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

import pyarrow.dataset as ds  # noqa: E402

from lagebild.model import Document  # noqa: E402
from lagebild.scale.output import PARTITION_KEYS  # noqa: E402
from lagebild.scale.worker import to_tables  # noqa: E402

SMARTDATA = ROOT.parent / "shared" / "data" / "smartdata_de"
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(
    [str(ROOT / "src"), *filter(None, [os.environ.get("PYTHONPATH")])])}


def smartdata_news(folder: Path) -> list[tuple[str, str | None]]:
    """(text, date) of the news documents of SmartData v1 (train and test)."""
    reports = []
    for name in ("v1_20180119/train.json.gz", "v1_20180119/test.json.gz"):
        raw = gzip.open(folder / name, "rt", encoding="utf-8").read()
        decoder, position = json.JSONDecoder(), 0
        while True:  # concatenated JSON objects, not one per line
            while position < len(raw) and raw[position].isspace():
                position += 1
            if position >= len(raw):
                break
            document, position = decoder.raw_decode(raw, position)
            if ((document.get("refids") or {}).get("map") or {}).get("source") != "news":
                continue
            date = (document.get("date") or {}).get("string")
            reports.append((document["text"]["string"].strip(), date[:10] if date else None))
    return reports


def news_articles(count: int, folder: Path, seed: int = 9) -> list[dict]:
    """``count`` articles of 300–500 words, reports drawn from SmartData news."""
    if not folder.is_dir():
        sys.exit(f"{folder} not found: give --data or use --corpus short")
    reports = smartdata_news(folder)
    rng = random.Random(seed)
    articles = []
    for number in range(count):
        target, words, texts, date = rng.randint(300, 500), 0, [], None
        while words < target:
            text, published = rng.choice(reports)
            length = len(text.split())
            if words + length > 500 and words >= 300:
                break
            if words + length > 500:
                continue
            texts.append(text)
            words += length
            date = date or published
        articles.append({"id": f"news-{number:05d}", "lang": "de", "published": date,
                         "text": "\n\n".join(texts)})
    return articles


def loadavg() -> float:
    return round(os.getloadavg()[0], 2)


def lagebild(*args: str, stdout=subprocess.DEVNULL) -> float:
    """Seconds that ``lagebild ARGS`` takes in a fresh process."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "lagebild.cli", *args], check=True, env=ENV,
                   stdout=stdout)
    return time.perf_counter() - start


def events_of_run(output: Path) -> list[dict]:
    table = ds.dataset(output / "events", format="parquet", partitioning="hive").to_table()
    return table.drop_columns([PARTITION_KEYS["events"]]).to_pylist()


def _sorted(rows: list[dict]) -> list[dict]:
    return sorted(rows, key=lambda row: json.dumps(row, sort_keys=True))


def measure(corpus: Path, workers: int, partition_size: int, out: Path) -> dict:
    load = loadavg()
    output = out / f"run-{workers}"
    seconds = lagebild("run", str(corpus), "--output", str(output), "--workers", str(workers),
                       "--partition-size", str(partition_size), "--quiet")
    manifest = json.loads((output / "manifest.json").read_text(encoding="utf-8"))
    parts = manifest["partitions"].values()
    articles = sum(p["articles"] for p in parts)
    return {"workers": workers, "partition_size": partition_size, "articles": articles,
            "events": sum(p["events"] for p in parts), "errors": sum(p["errors"] for p in parts),
            "seconds": round(seconds, 1), "articles_per_s": round(articles / seconds, 2),
            "parquet_mb": round(sum(f.stat().st_size for f in output.rglob("*.parquet")) / 1e6, 1),
            "load_before": load, "load_after": loadavg(), "output": output}


def measure_warm(corpus: Path, workers: int, partition_size: int, out: Path) -> dict:
    from distributed import Client, LocalCluster

    from lagebild.pipeline import PipelineConfig
    from lagebild.scale import run
    from lagebild.scale.worker import pipeline_for

    config_json = PipelineConfig().model_dump_json()
    with (LocalCluster(n_workers=workers, threads_per_worker=1, host="127.0.0.1",
                       dashboard_address=None, silence_logs=logging.ERROR) as cluster,
          Client(cluster) as client):
        # each worker process starts its analysis template (the models loaded) beforehand
        client.run(lambda: getattr(pipeline_for(config_json), "start", lambda: None)())
        load = loadavg()
        summary = run([str(corpus)], out / f"warm-{workers}", scheduler=cluster.scheduler_address,
                      partition_size=partition_size)
    return {"workers": workers, "warm_seconds": round(summary.seconds, 1),
            "warm_articles_per_s": round(summary.articles_per_second, 2), "load_before": load}


def check_extract(corpus: Path, out: Path, runs: list[dict]) -> dict:
    load = loadavg()
    documents = out / "extract.jsonl"
    with documents.open("w", encoding="utf-8") as handle:
        seconds = lagebild("extract", str(corpus), "--format", "jsonl", "--quiet", stdout=handle)
    with documents.open(encoding="utf-8") as handle:
        expected = _sorted(to_tables([Document.from_json(line) for line in handle
                                      if line.strip()])["events"].to_pylist())
    same = {row["workers"]: _sorted(events_of_run(row["output"])) == expected for row in runs}
    return {"extract_seconds": round(seconds, 1), "extract_events": len(expected),
            "load_before": load, "same_events_as_run": same}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--partition-size", type=int, default=100)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--corpus", choices=["news", "short"], default="news")
    parser.add_argument("--data", type=Path, default=SMARTDATA, help="the SmartData folder")
    parser.add_argument("--extract", action="store_true",
                        help="also time `lagebild extract` and compare its events")
    parser.add_argument("--warm", action="store_true", help="also measure pre-warmed workers")
    args = parser.parse_args()
    if args.corpus == "news":
        articles = news_articles(args.articles, args.data)
    else:
        from tests.scale.corpus import articles as short_articles
        articles = short_articles(args.articles)
    words = [len(a["text"].split()) for a in articles]
    print(json.dumps({"corpus": args.corpus, "articles": len(articles),
                      "words_mean": round(sum(words) / len(words)), "words_min": min(words),
                      "words_max": max(words), "cores": os.cpu_count()}), flush=True)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        corpus = out / "corpus.jsonl"
        corpus.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles),
                          encoding="utf-8")
        results = []
        for workers in args.workers:
            results.append(measure(corpus, workers, args.partition_size, out))
            print(json.dumps({k: v for k, v in results[-1].items() if k != "output"}),
                  flush=True)
        first = _sorted(events_of_run(results[0]["output"]))
        for row in results[1:]:
            row["same_events"] = _sorted(events_of_run(row["output"])) == first
        if args.warm:
            for workers in args.workers:
                print(json.dumps(measure_warm(corpus, workers, args.partition_size, out)),
                      flush=True)
        if args.extract:
            print(json.dumps(check_extract(corpus, out, results)), flush=True)
    base = results[0]
    for row in results[1:]:
        print(f"speed-up {row['workers']} vs {base['workers']} workers: "
              f"{base['seconds'] / row['seconds']:.2f}x "
              f"(same events as {base['workers']} worker(s): {row['same_events']})")

if __name__ == "__main__":
    main()
