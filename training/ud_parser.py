"""Measure the dependency parser the UD German data here supports.

``python -m training ud-parser [--epochs N]`` trains spaCy's transition-based parser
(with a tok2vec of its own) on nine tenths of the UD German sentences the tagger learns
from (GSD dev+test, PUD: about 2,500 sentences), keeps the epoch best on the other tenth,
and prints its attachment scores there, per relation for the roles an event needs
(subject, object, oblique), and on LIT (evaluation only). Nothing is shipped: the
figures tell whether roles could come from a parse (docs/events.md).
"""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

from spacy.tokens import Doc

from .ud import EVAL_FILE, TRAIN_FILES, tokens

ROLE_RELATIONS = ("nsubj", "obj", "iobj", "obl", "nmod")


def read_tree(path: Path, vocab) -> list[Doc]:
    """Docs with words, heads and relations (subtypes dropped: "nsubj:pass" is nsubj).
    A multi-word token ("zum") is one token, as the tokenizer makes it: it takes the head
    and relation of its word whose head lies outside it."""
    docs = []
    for sentence in tokens(path):
        token_of = {int(row[0]): k for k, (_, _, parts) in enumerate(sentence) for row in parts}
        heads, deps = [], []
        for k, (_, _, parts) in enumerate(sentence):
            ids = {int(row[0]) for row in parts}
            outer = next((row for row in parts if int(row[6]) not in ids), parts[0])
            head = int(outer[6])
            heads.append(k if head == 0 else token_of[head])
            deps.append("ROOT" if head == 0 else outer[7].split(":")[0])
        docs.append(Doc(vocab, words=[form for form, _, _ in sentence],
                        spaces=[space for _, space, _ in sentence], heads=heads, deps=deps))
    return docs


def main(args) -> int:
    import spacy
    from spacy.training import Example

    nlp = spacy.blank("de")
    docs = [doc for path in TRAIN_FILES for doc in read_tree(path, nlp.vocab)]
    random.Random(args.seed).shuffle(docs)
    held = len(docs) // 10

    def examples(gold: list[Doc], vocab) -> list[Example]:
        """Each gold tree beside its words alone, for the parser to read."""
        return [Example(Doc(vocab, words=[t.text for t in d],
                            spaces=[bool(t.whitespace_) for t in d]), d) for d in gold]

    train, dev = examples(docs[held:], nlp.vocab), examples(docs[:held], nlp.vocab)
    nlp.add_pipe("tok2vec")
    nlp.add_pipe("parser")
    optimizer = nlp.initialize(lambda: train)
    best, scores = -1.0, {}
    with tempfile.TemporaryDirectory() as tmp:
        for epoch in range(args.epochs):
            random.Random(args.seed + epoch).shuffle(train)
            for batch in spacy.util.minibatch(train, size=16):
                nlp.update(batch, sgd=optimizer, drop=0.2)
            scored = nlp.evaluate(dev)
            print(f"epoch {epoch}: held-out UAS {scored['dep_uas']:.3f} "
                  f"LAS {scored['dep_las']:.3f}", flush=True)
            if scored["dep_las"] > best:
                best, scores = scored["dep_las"], scored
                nlp.to_disk(Path(tmp) / "best")
        kept = spacy.load(Path(tmp) / "best")
    print(f"{len(train)} sentences trained, {len(dev)} held out: UAS "
          f"{scores['dep_uas']:.3f}, LAS {scores['dep_las']:.3f}")
    for relation in ROLE_RELATIONS:
        value = scores["dep_las_per_type"].get(relation)
        if value:
            print(f"  {relation}: P {value['p']:.3f} R {value['r']:.3f} F {value['f']:.3f}")
    if EVAL_FILE.exists():
        lit = examples(read_tree(EVAL_FILE, kept.vocab), kept.vocab)
        scored = kept.evaluate(lit)
        print(f"LIT ({len(lit)} sentences): UAS {scored['dep_uas']:.3f}, "
              f"LAS {scored['dep_las']:.3f}")
    return 0
