"""Assemble the German NER training mix and write it as spaCy DocBin files.

GermEval 2014 dev sentences 1,701-2,200 are the held-out test set and never
enter any file written here or any statistic used for cleaning; 1-1,500 train
(repeated: they are the only data annotated to the target guidelines) and
1,501-1,700 are the tuning set that picks the best checkpoint.
"""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

from . import corpora
from .cleaning import Lexicon, clean_sentence, is_fragment, mark_unlabelled_names
from .corpora import Sentence

GERMEVAL_TRAIN = slice(0, 1500)
GERMEVAL_DEV = slice(1500, 1700)
GERMEVAL_TEST = slice(1700, 2200)

MIX = {
    "germeval_repeat": 4,  # more repeats learn GermEval's sentences by heart within two epochs
    "wikiann_max": 12000,
    "ler_with_entities": 3000,
    "ler_without": 300,
    "smartdata_news_repeat": 2,
    "europeana_min_known": 0.85,  # share of words seen twice elsewhere: screens OCR noise
    # the team's corpus (training/ner_de), labelled to the GermEval rules; it replaces
    # SmartData's own news labels, which follow other rules, for the sentences it covers
    "team_repeat": 2,
}

NO_SPACE_BEFORE = set(".,;:!?)]}“»%")
NO_SPACE_AFTER = set("([{„«")


def _spaces(words: list[str]) -> list[bool]:
    """Plausible whitespace so that doc.text reads naturally (features ignore it)."""
    spaces = []
    for i, word in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        spaces.append(nxt is not None and nxt not in NO_SPACE_BEFORE and word not in NO_SPACE_AFTER)
    return spaces


def to_doc(vocab, sentence: Sentence, *, annotate_missing_as_o: bool = False) -> Doc:
    """A Doc with entity spans; ``missing`` tokens stay unannotated."""
    tags: list[str | None] = ["O"] * len(sentence.words)
    for start, end in sentence.missing:
        for i in range(start, end):
            tags[i] = "O" if annotate_missing_as_o else None
    for start, end, label in sentence.spans:
        for i in range(start, end):
            tags[i] = ("B-" if i == start else "I-") + label
    return Doc(vocab, words=sentence.words, spaces=_spaces(sentence.words), ents=tags)


def load_silver(tokenizer) -> dict[str, list[Sentence]]:
    """Every silver corpus, raw (uncleaned), keyed by name."""
    return {
        "wikiann": [s for split in ("train", "dev", "test") for s in corpora.wikiann(split)],
        "smartdata": corpora.smartdata(tokenizer),
        "mobie": [s for split in ("train", "dev", "test") for s in corpora.mobie(split)],
        "ler": [s for split in ("train", "dev", "test") for s in corpora.ler(split)],
        "europeana": corpora.europeana(tokenizer),
        "team": corpora.team_ner(tokenizer),
    }


def select_training(germeval_train: list[Sentence], silver: dict[str, list[Sentence]],
                    seed: int, mix: dict | None = None, relabel=None,
                    ) -> tuple[list[Sentence], list[Sentence]]:
    """Cleaned silver sentences plus repeated GermEval, shuffled; and the cleaned
    WikiANN and LER sentences left out of the mix (held apart for name features).
    ``relabel`` (a teacher's reading, training/e5_teacher.py) replaces the chosen silver
    sentences' own labels; the team's corpus and GermEval keep theirs."""
    mix = mix or MIX
    rng = random.Random(seed)
    lexicon = Lexicon(germeval_train + [s for group in silver.values() for s in group])
    misc_words = {w for s in germeval_train for a, b, label in s.spans if label == "MISC"
                  for w in s.words[a:b] if w[:1].isupper() and not lexicon.is_common(w)}

    def clean(sentence: Sentence) -> Sentence:
        return mark_unlabelled_names(clean_sentence(sentence, lexicon), lexicon, misc_words)

    cleaned: list[Sentence] = []
    wikiann = [clean(s) for s in silver["wikiann"]]
    wikiann = [s for s in wikiann if not is_fragment(s)]
    rng.shuffle(wikiann)
    cleaned += wikiann[: mix["wikiann_max"]]
    held_apart = wikiann[mix["wikiann_max"]:]

    team = silver.get("team", [])
    team_smartdata = any(s.source.startswith("team-smartdata") for s in team)
    for s in silver["smartdata"]:
        if team_smartdata and s.source == "smartdata-news":
            continue  # labelled again by the GermEval rules in the team's corpus
        if len(s.words) >= 3:
            repeat = mix["smartdata_news_repeat"] if s.source == "smartdata-news" else 1
            cleaned += [clean(s)] * repeat

    cleaned += [clean(s) for s in silver["mobie"] if len(s.words) >= 3]

    ler = [clean(s) for s in silver["ler"] if len(s.words) <= 60]
    with_entities = [s for s in ler if s.spans]
    without = [s for s in ler if not s.spans and not s.missing]
    rng.shuffle(with_entities)
    rng.shuffle(without)
    cleaned += with_entities[: mix["ler_with_entities"]] + without[: mix["ler_without"]]
    held_apart += with_entities[mix["ler_with_entities"]:] + without[mix["ler_without"]:]

    cleaned += [clean(s) for s in silver["europeana"]
                if lexicon.known_share(s.words) >= mix["europeana_min_known"]]

    if relabel is not None:
        cleaned = relabel(cleaned)
    cleaned += [s for s in team if s.words] * mix.get("team_repeat", 0)

    chosen = cleaned + germeval_train * mix["germeval_repeat"]
    rng.shuffle(chosen)
    return chosen, held_apart


def build_ner(out_dir: Path, seed: int, germeval_repeat: int | None = None,
              relabel=None) -> tuple[dict, list[Sentence]]:
    """Write train/ner.spacy and dev/ner.spacy under ``out_dir``; return counts per
    source and the silver sentences held apart from the mix.

    ``germeval_repeat`` overrides the mix's repetition of GermEval 1-1,500."""
    mix = dict(MIX) if germeval_repeat is None else {**MIX, "germeval_repeat": germeval_repeat}
    for part in ("train", "dev"):
        (out_dir / part).mkdir(parents=True, exist_ok=True)
    nlp = spacy.blank("de")
    germeval = corpora.germeval()
    assert len(germeval) == 2200, len(germeval)
    train, held_apart = select_training(germeval[GERMEVAL_TRAIN], load_silver(nlp.tokenizer),
                                        seed, mix, relabel)
    dev = germeval[GERMEVAL_DEV]

    DocBin(docs=(to_doc(nlp.vocab, s) for s in train)).to_disk(out_dir / "train" / "ner.spacy")
    DocBin(docs=(to_doc(nlp.vocab, s) for s in dev)).to_disk(out_dir / "dev" / "ner.spacy")

    return {**mix_counts(train), "dev_sentences": len(dev), "mix": mix, "seed": seed}, held_apart


def mix_counts(train: list[Sentence]) -> dict:
    """Sentences, tokens and names (by label) per source of a training mix."""
    sentences, tokens, entities = Counter(), Counter(), Counter()
    for s in train:
        sentences[s.source] += 1
        tokens[s.source] += len(s.words)
        for _, _, label in s.spans:
            entities[f"{s.source}:{label}"] += 1
    return {"sentences": dict(sentences), "tokens": dict(tokens), "entities": dict(entities)}
