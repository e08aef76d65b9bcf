"""Whole-pipeline speed: articles of about 500 words per second on one core, all layers.

    python benchmarks/pipeline.py [TEXT_FILE] [--lang de] [--articles 60]
    python benchmarks/pipeline.py --krauts ../shared/data/krauts

With ``--krauts`` the articles are real German news: the KRAUTS newspaper articles
(Dolomiten), consecutive ones joined to about 500 words each, every article
different. With a file, its text is repeated to about 500 words per article;
without either, the bundled demo articles are. The pipeline is warmed up on the demo
articles first (a batch as large as the measured ones), so that KRAUTS words stay
unseen but the model's arrays are allocated. CPU time of this process, so the
figure holds for one core (run it with OMP_NUM_THREADS=1). ``LAGEBILD_MODEL=accurate``
measures the accurate German model. ``--steady`` (with ``--krauts``) first tokenizes
about 135,000 tokens of other German news and Wikipedia text (GermEval 2014, SmartData):
the vocabulary a process has after a while, so that fewer words are new to it.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from pathlib import Path

from lagebild import Pipeline
from lagebild.demo import demo_text

WORDS = 500


def repeated(text: str) -> str:
    while len(text.split()) < WORDS - 50:
        text = f"{text}\n\n{text}"
    return text


def krauts_articles(folder: Path) -> list[tuple[str, str | None]]:
    """(text, publication day) of about 500 words each from consecutive KRAUTS articles."""
    from lagebild.evaluate.timeml import read_corpus

    articles, parts, day = [], [], None
    for doc in read_corpus([folder]):
        parts.append(doc.text.strip())
        day = day or doc.dct
        if sum(len(p.split()) for p in parts) >= WORDS - 50:
            articles.append(("\n\n".join(parts), day))
            parts, day = [], None
    return articles


def other_news(data: Path) -> list[str]:
    """German news and Wikipedia text other than KRAUTS: GermEval 2014 sentences and the
    SmartData documents, about 135,000 tokens."""
    from lagebild.evaluate.ner import read_conll

    texts = [" ".join(s.words) for s in read_conll(data / "germeval2014" / "NER-de-dev.tsv")]
    for name in ("v3_20200302/dev.json.gz", "v1_20180119/train.json.gz"):
        raw = gzip.open(data / "smartdata_de" / name, "rt", encoding="utf-8").read()
        decoder, position = json.JSONDecoder(), 0
        while (position := len(raw) - len(raw[position:].lstrip())) < len(raw):
            document, position = decoder.raw_decode(raw, position)
            texts.append(document["text"]["string"])
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file", nargs="?", type=Path)
    parser.add_argument("--krauts", type=Path, help="folder of the KRAUTS TimeML files")
    parser.add_argument("--steady", action="store_true",
                        help="first tokenize other German news from the KRAUTS folder's "
                             "siblings (GermEval, SmartData), as a long-running process has")
    parser.add_argument("--lang", default="de")
    parser.add_argument("--articles", type=int, default=60)
    args = parser.parse_args()
    if args.krauts:
        texts = krauts_articles(args.krauts)
    else:
        text = args.file.read_text(encoding="utf-8") if args.file else demo_text(args.lang)
        texts = [(repeated(text), "2022-01-10")] * args.articles
    pipeline = Pipeline()
    # warm up on other text, a batch as large as the measured ones: the model's first big
    # batch allocates its arrays; the measured articles' words stay unseen
    warm = {"text": repeated(demo_text(args.lang)), "lang": args.lang, "published": "2022-01-10"}
    list(pipeline.pipe([warm] * min(len(texts), pipeline.config.batch_size)))
    if args.steady and args.krauts:  # the words a process meets in a while of other news
        for text in other_news(args.krauts.resolve().parent):
            pipeline.nlp(args.lang).make_doc(text)
    articles = [{"id": str(i), "text": text, "lang": args.lang, "published": day}
                for i, (text, day) in enumerate(texts)]
    started = time.process_time()
    documents = list(pipeline.pipe(articles))
    elapsed = time.process_time() - started
    words = sum(len(text.split()) for text, _ in texts)
    tokens = sum(len(pipeline.nlp(args.lang).make_doc(text)) for text, _ in texts)
    events = sum(len(d.events) for d in documents)
    print(f"{pipeline.config.model} model, {len(articles)} articles of "
          f"{words / len(articles):.0f} words on average, {events / len(articles):.1f} events "
          f"each: {len(articles) / elapsed:.1f} articles/s, {words / elapsed:,.0f} words/s, "
          f"{tokens / elapsed:,.0f} tokens/s, {words / WORDS / elapsed:.1f} articles of "
          f"{WORDS} words/s (CPU, one core, all layers)")
    assert all(d.error is None for d in documents)


if __name__ == "__main__":
    main()
