"""Whole-pipeline speed: articles of about 500 words per second on one core, all layers.

    python benchmarks/pipeline.py [TEXT_FILE] [--lang de] [--articles 60]

Without a file the bundled demo articles of the language are joined into one
text and repeated to about 500 words. CPU time of this process, so the figure
holds for one core.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from lagebild import Pipeline
from lagebild.demo import demo_text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file", nargs="?", type=Path)
    parser.add_argument("--lang", default="de")
    parser.add_argument("--articles", type=int, default=60)
    args = parser.parse_args()
    if args.file:
        text = args.file.read_text(encoding="utf-8")
    else:
        text = demo_text(args.lang)
        while len(text.split()) < 450:
            text = f"{text}\n\n{text}"
    pipeline = Pipeline()
    first = pipeline({"text": text, "lang": args.lang, "published": "2022-01-10"})  # warm up
    articles = [{"id": str(i), "text": text, "lang": args.lang, "published": "2022-01-10"}
                for i in range(args.articles)]
    started = time.process_time()
    documents = list(pipeline.pipe(articles))
    elapsed = time.process_time() - started
    words = len(text.split())
    print(f"{args.articles} articles of {words} words, {len(first.events)} events each: "
          f"{args.articles / elapsed:.1f} articles/s, "
          f"{args.articles * words / elapsed:,.0f} words/s (CPU, one core)")
    assert all(d.error is None for d in documents)


if __name__ == "__main__":
    main()
