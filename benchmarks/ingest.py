"""What fetching and extraction add to analysis: a local feed of invented articles.

Three timings on the same articles, with the pipeline and the extraction worker
warm: analysis of the texts alone (what ``lagebild extract articles.jsonl``
does), fetching and extracting alone, and the whole stream from the feed (what
``lagebild ingest FEED`` does, without the store). Pages come from a local HTTP
server, so the network costs nothing and only the fetcher's own work shows.

    python benchmarks/ingest.py [--articles 200] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lagebild import Pipeline  # noqa: E402
from lagebild.ingest import read_sources  # noqa: E402
from lagebild.ingest.fetch import FetchPolicy  # noqa: E402
from lagebild.ingest.pages import Extractor, IngestContext, default_workers  # noqa: E402
from lagebild.model import Article  # noqa: E402
from tests.ingest.news import make_story, page, rss  # noqa: E402


def serve(pages: dict[str, tuple[str, bytes]]) -> tuple[ThreadingHTTPServer, str]:
    class Handler(BaseHTTPRequestHandler):
        disable_nagle_algorithm = True  # else small writes wait for delayed ACKs (40 ms)
        protocol_version = "HTTP/1.1"

        def do_GET(self):  # noqa: N802
            content_type, body = pages.get(self.path, ("text/plain", b"not found"))
            self.send_response(200 if self.path in pages else 404)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    rng = random.Random(1)
    stories = [make_story(rng, i) for i in range(args.articles)]
    pages: dict[str, tuple[str, bytes]] = {}
    server, base = serve(pages)
    items = []
    for story in stories:
        pages[f"/p/{story.slug}"] = ("text/html; charset=utf-8", page(story).encode())
        url = f"{base}/p/{story.slug}"
        items.append((url, url, story.title, story.published, story.author))
    pages["/feed.xml"] = ("application/rss+xml", rss("Benchmark", items).encode())
    feed = f"{base}/feed.xml"

    pipeline = Pipeline()
    extractor = Extractor(default_workers())
    extractor.warm()
    policy = FetchPolicy(allow_private=True, host_delay=0.0)
    context = IngestContext(policy=policy, extractor=extractor)
    fetched = list(read_sources([feed], context=context))  # warms everything once
    assert all(a.error is None for a in fetched), [a.error for a in fetched if a.error][:3]
    texts = [Article(id=a.id, text=a.text, published=a.published) for a in fetched]
    list(pipeline.pipe(texts[:10]))

    def timed(run) -> float:
        start = time.perf_counter()
        run()
        return time.perf_counter() - start

    def analyse_texts():
        assert sum(1 for _ in pipeline.pipe(texts)) == len(texts)

    def fetch_only():
        context.reset_fetcher()
        assert sum(1 for _ in read_sources([feed], context=context)) == len(texts)

    def whole_stream():
        context.reset_fetcher()
        documents = list(pipeline.pipe(read_sources([feed], context=context)))
        assert len(documents) == len(texts) and not any(d.error for d in documents)

    results = {"analysis of the texts": [], "fetch + extraction alone": [],
               "feed → fetch → extraction → analysis": []}
    for _ in range(args.repeat):
        for name, run in zip(results, (analyse_texts, fetch_only, whole_stream), strict=True):
            results[name].append(timed(run))
    server.shutdown()
    context.close()

    baseline = statistics.median(results["analysis of the texts"])
    whole = statistics.median(results["feed → fetch → extraction → analysis"])
    print(f"{len(texts)} articles, {os.cpu_count()} cores, extraction workers: "
          f"{extractor.workers}, median of {args.repeat}")
    for name, seconds in results.items():
        median = statistics.median(seconds)
        print(f"  {name:40s} {median:6.2f} s  {len(texts) / median:7.1f} articles/s")
    print(f"  fetching and extraction add {100 * (whole - baseline) / baseline:+.1f} % "
          "to the analysis")


if __name__ == "__main__":
    main()
