"""Time tagging speed: CPU milliseconds per 1,000 words, on one core.

    python benchmarks/times.py [TEXT_FILE] [--lang de] [--published 2022-01-10]

Without a file, the bundled demo articles of the language are used.
"""

from __future__ import annotations

import argparse
import time
from datetime import date
from pathlib import Path

from lagebild.demo import demo_text
from lagebild.lang import get_pack
from lagebild.nlp import build_nlp
from lagebild.pipeline import sentence_spans
from lagebild.timex import time_tagger


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file", nargs="?", type=Path)
    parser.add_argument("--lang", default="de")
    parser.add_argument("--published", default="2022-01-10")
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    if args.file:
        text = args.file.read_text(encoding="utf-8")
    else:
        text = demo_text(args.lang)
    pack = get_pack(args.lang)
    sentences = sentence_spans(build_nlp(pack, entities=False)(text))
    tagger, anchor = time_tagger(pack), date.fromisoformat(args.published)
    tagger.tag(text, sentences, anchor)  # warm up
    started = time.process_time()
    for _ in range(args.repeat):
        found = tagger.tag(text, sentences, anchor)
    per_article = (time.process_time() - started) / args.repeat
    words = len(text.split())
    print(f"{words} words, {len(found)} expressions: {per_article * 1000:.2f} ms per article, "
          f"{per_article * 1000 * 1000 / words:.2f} ms per 1,000 words (CPU, one core)")


if __name__ == "__main__":
    main()
