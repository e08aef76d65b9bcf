"""Lemmas from a lookup table, with separable verb particles joined to their verb.

Trigger lexicons hold lemmas, so that one entry finds every inflected form
("kritisierte", "kritisiert" -> kritisieren). A lookup table (form -> lemma) is
what the German model lacks and what costs nearly nothing per word: measured on
UD German PUD test, 0.88 of all words, 0.94 of verbs (docs/events.md). The pack's
``lemmas_extra.tsv`` corrects forms of strong verbs the table gets wrong. A German
main clause splits a particle verb ("nahm ... fest"); the particle (STTS PTKVZ) is
put back in front of the lemma of the finite verb before it ("festnehmen"), so the
lexicon needs the one lemma. The lemmas go into the Doc's LEMMA array, where any
layer reads them.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import numpy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import ConfigError
from ..tokens import sentence_of_tokens
from .datafile import read_toml, read_tsv

#: How many (form, tag) lemmas a process keeps.
CACHE_SIZE = 200_000
#: "ss" where the spelling before 1996 wrote "ß": at the end or before a "t" ("muss",
#: "lässt"; not "lassen")
_OLD_SS = re.compile(r"ss(?=t?$)")
#: The shortest head a compound is lemmatized by ("Hilfe" in "Soforthilfen").
MIN_HEAD = 5
#: The shortest part of a compound that is a compound's first part ("Flug|lotsen").
COMPOUND_PART = 4


#: the endings of a noun's plural and case forms that tell a word from a name, which the
#: table holds only in its genitive in "-s"
WORD_ENDINGS = ("e", "en", "n", "es", "er", "ern")


class Lemmatizer:
    """A language's lookup lemmatizer: ``lemmas.tsv.gz`` and the tags in ``lemmas.toml``."""

    def __init__(self, data_dir: Path):
        settings = read_toml(data_dir / "lemmas.toml")
        self.particle_tags = set(settings.get("particle_tags", []))
        self.finite_tags = set(settings.get("finite_tags", []))
        #: tags of infinitives with "zu" inside ("festzunehmen"), and the infix itself
        self.zu_tags = set(settings.get("zu_tags", []))
        self.zu = settings.get("zu", "")
        self.noun_tags = set(settings.get("noun_tags", []))
        #: tags of names: a lexicon noun the tagger reads as one is still read by its ending
        self.name_tags = set(settings.get("name_tags", []))
        #: tags of full verbs, whose lemma is an infinitive
        self.verb_tags = set(settings.get("verb_tags", []))
        #: tags the tagger may give a finite verb it misreads ("rief" as ADJD); a word of
        #: another tag ("eine", a form of "einen" in the table) is never the verb
        self.misread_verb_tags = set(settings.get("misread_verb_tags", []))
        #: tags of words that are no verb's imperative, whatever the table says ("bereit",
        #: "nötig": not bereiten, nötigen)
        self.own_form_tags = set(settings.get("own_form_tags", []))
        #: tags of words that keep their capital as a lemma (nouns, names, foreign words)
        self.cased_tags = set(settings.get("cased_tags", [])) | self.noun_tags
        #: case and plural endings of nouns the table lacks in that form ("Telefonaten")
        self.noun_endings = tuple(settings.get("noun_endings", []))
        #: particles the tagger reads as adverbs or prepositions at a clause end ("zurück")
        self.particles = set(settings.get("particles", []))
        self.clause_end_tags = set(settings.get("clause_end_tags", []))
        #: an infinitive the tagger misreads ("konnten sich nicht einigen": "einigen" as a
        #: pronoun) by these tags, read as the verb at a clause end after a modal or an
        #: auxiliary (``auxiliary_tags``), not after a preposition ("mit einigen")
        self.infinitive_misread_tags = set(settings.get("infinitive_misread_tags", []))
        self.infinitive_tag = settings.get("infinitive_tag", "")  # the tag it gets instead
        self.auxiliary_tags = set(settings.get("auxiliary_tags", []))
        self.preposition_tags = set(settings.get("preposition_tags", []))
        #: opening quotes and brackets, which end no clause ("warnte vor „harten …“")
        self.openers = set(settings.get("openers", []))
        #: endings of a regular verb's forms the table lacks and the infinitive's ending
        #: for them ("votiert", "votierte" -> votieren), longest first
        self.verb_endings = sorted(((form, lemma) for form, lemma in
                                    settings.get("verb_endings", [])),
                                   key=lambda pair: -len(pair[0]))
        #: endings of a regular verb's finite forms, longest first ("vereinbar-ten")
        self.finite_endings = sorted(settings.get("finite_endings", []), key=lambda e: -len(e))
        #: a compound's first part that is a word whatever the table says: a noun by its
        #: derivational ending and linking "s" ("Vergeltungs-"), a prefix ("Gegen-")
        self.part_endings = tuple(settings.get("compound_part_endings", []))
        self.part_prefixes = set(settings.get("compound_prefixes", []))
        path = data_dir / "lemmas.tsv.gz"
        if not path.is_file():
            raise ConfigError(f"language data file missing: {path}")
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            self.table = dict(line.rstrip("\n").split("\t", 1) for line in lines
                              if line.strip() and not line.startswith("#"))
        if not self.table:
            raise ConfigError(f"language data file is empty: {path}")
        extra = data_dir / "lemmas_extra.tsv"  # the pack's corrections take precedence
        if extra.is_file():
            self.table.update((form, lemma) for form, lemma, *_ in read_tsv(extra, 2))
        self.known = set(self.table.values())
        # the nouns the pack's event lexicon names are lemmas too, where the table lacks them
        # ("Durchsuchung": its plural "Durchsuchungen" is then read by its ending)
        lexicon = data_dir / "events.toml"
        entries = read_toml(lexicon).get("trigger", []) if lexicon.is_file() else []
        words = {word for entry in entries for word in entry.get("lemmas", []) if " " not in word}
        self.lexicon_nouns = {word for word in words if word[:1].isupper()}
        # and the nouns of its phrases that the table lacks ("Marineschiff … schicken": its
        # plural "Marineschiffe" is then read by its ending; not "Truppen", a table's form)
        phrased = {word for entry in entries for phrase in entry.get("lemmas", [])
                   if " " in phrase for word in phrase.replace("…", " ").split()}
        self.lexicon_nouns |= {word for word in phrased if word[:1].isupper()
                               and self.table.get(word, word) == word}
        # and its verbs, where the table has only an adjective ("vereinbart") as their lemma
        self.known |= self.lexicon_nouns | {word for word in words if _infinitive(word)}
        self.cache: dict[tuple[int, int], str] = {}
        self.words: dict[str, bool] = {}  # is_word's answers

    def knows(self, text: str) -> bool:
        """Whether the table has the text as a form or a lemma ("Faeser": no)."""
        return text in self.table or text in self.known

    def knows_as_word(self, text: str) -> bool:
        """Whether the table has the text as a form, or as the lemma of a form other than
        its genitive in "-s": "Stein" (Steine), "Wolf" (Wolfe), "Arena" (Arenen), not
        "Bush" or "Merkel", which it holds only as the lemmas of "Bushs" and "Merkels"
        (the plural and case endings looked up, not the whole table read)."""
        if text in self.table or text in self.lexicon_nouns:
            return True
        forms = [text + ending for ending in WORD_ENDINGS] + [text[:-1] + "en"]
        return any(self.table.get(form) == text for form in forms)

    def is_word(self, text: str) -> bool:
        """Whether a compound's first part is a word: itself, without a linking "s",
        "n", "en", "es", "e", or as a verb stem ("Warn" in "Warnstreik")."""
        text = text.lower().rstrip("-")
        known = self.words.get(text)
        if known is None:
            if len(self.words) > CACHE_SIZE:
                self.words.clear()
            # or a compound itself ("Fluglotsen" in "Fluglotsenstreik"): two words of
            # four letters at least
            known = self.words[text] = self._is_word(text) or len(text) >= 2 * COMPOUND_PART \
                and any(self._is_word(text[:k]) and self._is_word(text[k:])
                        for k in range(COMPOUND_PART, len(text) - COMPOUND_PART + 1))
        return known

    def _is_word(self, text: str) -> bool:
        if text in self.part_prefixes or self.part_endings and text.endswith(self.part_endings) \
                and len(text) > COMPOUND_PART + 2:
            return True
        forms = [text, text + "en", text + "n"]
        forms += [text[:-1] for suffix in "sne" if text.endswith(suffix)]
        forms += [text[:-2] for suffix in ("en", "es", "er") if text.endswith(suffix)]
        # the table spells as before 1996: "Abschluss" as "Abschluß"
        forms += [_OLD_SS.sub("ß", f) for f in forms if _OLD_SS.search(f)]
        return any(len(f) > 2 and self.knows(w) for f in forms for w in (f, f.capitalize()))

    def is_verb(self, form: str, tag: str) -> bool:
        """A finite verb by its tag, unless its lemma is no verb's, or one the tagger
        missed ("rief" as ADJD): a lowercase form whose lemma is an infinitive other than
        itself, or a plural that is the infinitive's form ("rufen … auf" as ADJA)."""
        if tag in self.finite_tags:  # (but a form whose lemma is no verb's: "scharf" in
            return _infinitive(self.lemma(form, tag))  # "griff die SPD scharf an")
        if tag not in self.misread_verb_tags or not form.islower():
            return False
        lemma = self.table.get(form) or (form if form in self.known else None)
        return lemma is not None and _infinitive(lemma)

    def lemma(self, form: str, tag: str = "") -> str:
        lemma = self.table.get(form)
        if lemma is not None and lemma != form and self.own_lemma(form, tag, lemma):
            lemma = form  # "Abkommen" (not the plural of "Abkomme"), "billigen" (not "billig")
        if lemma is not None and tag in self.noun_tags and form[:1].isupper() \
                and lemma[:1].islower() and lemma != form.lower():
            lemma = None  # a noun is no other word's form ("Spitze", not spitzen; but "das
            # Vorgehen" is the verb's infinitive)
        if lemma is None and form.islower() and _OLD_SS.search(form):
            # the table spells as before 1996: "schloss", "lässt" as "schloß", "läßt"
            lemma = self.table.get(_OLD_SS.sub("ß", form))
        if lemma is None and not (form[:1].isupper() and tag in self.noun_tags):
            lemma = self.table.get(form.lower())  # not "Ausstand" as a form of ausstehen
        if lemma is None and tag in self.zu_tags and self.zu:
            # "abzuziehen" -> "abziehen": the infix after the particle, the infinitive left
            at = form.lower().find(self.zu, 1)
            if at > 0:
                lemma = form[:at].lower() + form[at + len(self.zu):]
        if lemma is None and "-" in form[1:-1] and form.rsplit("-", 1)[1][:1].isupper():
            # "34-Jährigen", "Ex-Präsidenten", "EU-Sanktionen": the last part's lemma after
            # the rest, which keeps its case
            first, last = form.rsplit("-", 1)
            head = self.table.get(last) or (self.inflected(last) or self.compound(last)
                                            if tag in self.noun_tags else None)
            lemma = f"{first}-{head}" if head is not None and head[:1].isupper() else None
        if lemma is None and form[:1].isupper() and tag in self.noun_tags:
            # a lexicon noun is its own lemma ("Verhandlungsrunde", not "-rund" by its head)
            lemma = (form if form in self.lexicon_nouns else None) or self.inflected(form) \
                or self.compound(form)
        if lemma is None and form.islower() and tag[:1] == "V":
            # a form the table lacks: "votiert" by its ending, "vereinbart" by a known
            # infinitive
            lemma = self.regular_verb(form) or self.verb_of(form)
        if lemma is not None and tag in self.verb_tags and form.islower() \
                and not _infinitive(lemma):
            # a verb form the table reads as an adjective: "vereinbarten" (vereinbart)
            lemma = self.verb_of(form) or lemma
        if lemma is None and form[:1].isupper() and tag in self.name_tags:
            lemma = self.inflected(form)  # "Hilfskonvois", which the tagger reads as a name
        if lemma is None:  # a function word keeps no sentence start's capital ("Bei")
            lemma = form if form[:1].isupper() and (tag in self.cased_tags or not tag) \
                else form.lower()
        elif tag in self.own_form_tags and lemma != form.lower() \
                and lemma in (form.lower() + "en", form.lower() + "n") and _infinitive(lemma):
            lemma = form.lower()  # "bereit", "nötig", "Dank der Hilfe": no imperative
        return lemma

    def own_lemma(self, form: str, tag: str, lemma: str) -> bool:
        """Whether a form the table gives another lemma is its own: a lexicon noun
        ("Abkommen", not the plural of "Abkomme"; but "Bitten" is a form of "Bitte"), or
        a verb's infinitive that the table reads as another word's form ("billigen", not
        the adjective "billig") or as another verb's subjunctive ("führen", "drängen": not
        the forms of fahren, dringen)."""
        if tag in self.noun_tags:
            return form in self.lexicon_nouns
        return tag in self.verb_tags and form in self.known and _infinitive(form) \
            and (not _infinitive(lemma) or _umlauts(form) > _umlauts(lemma))

    def regular_verb(self, form: str) -> str | None:
        """The infinitive of a form of a regular verb the table lacks, by its ending
        (``verb_endings``): "votiert" -> votieren."""
        for ending, infinitive in self.verb_endings:
            if form.endswith(ending) and len(form) - len(ending) >= 3:
                return form[:-len(ending)] + infinitive
        return None

    def verb_of(self, form: str) -> str | None:
        """The infinitive of a regular verb's finite form, where the table knows it:
        "vereinbarten" -> vereinbaren (the stem before a personal or past ending)."""
        for ending in self.finite_endings:
            stem = form[:-len(ending)]
            if form.endswith(ending) and len(stem) >= 3:
                for infinitive in (stem + "en", stem + "n"):
                    if infinitive in self.known and _infinitive(infinitive):
                        return infinitive
        return None

    def inflected(self, form: str) -> str | None:
        """A form of a lexicon noun the table lacks, by an ending taken off
        (``noun_endings``): "Telefonaten" -> Telefonat (not "Gefangene" -> "Gefangen")."""
        for ending in self.noun_endings:
            stem = form[:-len(ending)]
            if form.endswith(ending) and len(stem) >= MIN_HEAD and stem in self.lexicon_nouns:
                return stem
        return None

    def compound(self, form: str) -> str | None:
        """A noun the table lacks, by its longest known head: "Soforthilfen" ->
        "Soforthilfe" (the head "Hilfen" -> "Hilfe")."""
        for k in range(2, len(form) - MIN_HEAD + 1):
            head = form[k].upper() + form[k + 1:]
            # a lexicon noun is its own lemma ("Abkommen", not "Abkomme")
            lemma = (head if head in self.lexicon_nouns else None) or self.table.get(head) \
                or (head if head in self.known else None) or self.inflected(head)
            if lemma is not None and lemma[:1].isupper():
                return form[:k] + lemma.lower()
        return None

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        strings = doc.vocab.strings
        pairs = [tuple(p) for p in doc.to_array(["ORTH", "TAG"]).tolist()]
        cache = self.cache  # (form, tag) -> lemma, kept across docs (as text: pipelines
        if len(cache) > CACHE_SIZE:  # have string stores of their own)
            cache.clear()
        found: dict[tuple[int, int], int] = {}
        lemmas = []
        for pair in pairs:  # a plain loop over ints: no Token objects, no numpy items
            key = found.get(pair)
            if key is None:
                lemma = cache.get(pair)
                if lemma is None:
                    lemma = cache[pair] = self.lemma(strings[pair[0]], strings[pair[1]])
                key = found[pair] = strings.add(lemma)
            lemmas.append(key)
        tags = [strings[tag] for _, tag in pairs]
        sentence_start, sentence_end = sentence_of_tokens(doc)
        verbs = self.clause_infinitives(doc, pairs, tags, sentence_start, sentence_end)
        for i in verbs:
            lemmas[i] = pairs[i][0]
        for i in range(1, len(doc)):
            if i in verbs:
                continue
            if tags[i] not in self.particle_tags and not (
                    strings[pairs[i][0]].lower() in self.particles
                    and (i + 1 >= sentence_end[i] or tags[i + 1] in self.clause_end_tags
                         and strings[pairs[i + 1][0]] not in self.openers
                         # a headline's end: the blank lines after it, whatever their tag
                         or strings[pairs[i + 1][0]].isspace())):
                continue
            particle = strings[pairs[i][0]].lower()
            for j in range(i - 1, sentence_start[i] - 1, -1):
                if not self.is_verb(strings[pairs[j][0]], tags[j]):
                    continue
                joined = particle + strings[lemmas[j]]
                if joined in self.known:  # "zurückweisen", not a particle of another verb
                    lemmas[j] = strings.add(joined)
                    break
                if tags[j] in self.finite_tags:
                    break  # the clause's verb takes no such particle
                # a word only read as a verb ("eng", "verstärkt") is passed over
        doc.from_array(["LEMMA"], numpy.array(lemmas, dtype="uint64").reshape(-1, 1))
        for i in verbs:
            doc[i].tag_ = self.infinitive_tag or doc[i].tag_
        return doc

    def clause_infinitives(self, doc: Doc, pairs: list, tags: list[str],
                           sentence_start: list[int], sentence_end: list[int]) -> set[int]:
        """The tokens that are an infinitive the tagger misread: a known infinitive's form
        at a clause end, after a modal or auxiliary of its sentence and not after a
        preposition ("Die Parteien konnten sich nicht einigen")."""
        if not self.infinitive_misread_tags:
            return set()
        strings, out = doc.vocab.strings, set()
        for i, tag in enumerate(tags):
            if tag not in self.infinitive_misread_tags or i == sentence_start[i]:
                continue
            form = strings[pairs[i][0]]
            if not (form.islower() and _infinitive(form) and form in self.known) \
                    or self.table.get(form, form) == form \
                    or tags[i - 1] in self.preposition_tags:
                continue
            if (i + 1 >= sentence_end[i] or tags[i + 1] in self.clause_end_tags) and any(
                    tags[j] in self.auxiliary_tags for j in range(sentence_start[i], i)):
                out.add(i)
        return out


def _infinitive(word: str) -> bool:
    return word.islower() and word.endswith(("en", "rn", "ln"))


def _umlauts(word: str) -> int:
    return sum(word.count(vowel) for vowel in "äöü")


_LEMMATIZERS: dict[Path, Lemmatizer] = {}


def lemmatizer(data_dir: Path) -> Lemmatizer:
    """The lookup lemmatizer of a pack's data folder, one per process."""
    if data_dir not in _LEMMATIZERS:
        _LEMMATIZERS[data_dir] = Lemmatizer(data_dir)
    return _LEMMATIZERS[data_dir]


def table_lemmatizer(data_dir: Path) -> Lemmatizer | None:
    """The lookup lemmatizer of a pack's data folder, None where the pack has no lemma
    table (``lemmas.toml``)."""
    return lemmatizer(data_dir) if (data_dir / "lemmas.toml").is_file() else None


@Language.factory("lagebild_lemmas", default_config={"data_dir": ""})
def make_lemmatizer(nlp: Language, name: str, data_dir: str):
    """The pack's lookup lemmatizer as a pipeline component."""
    return lemmatizer(Path(data_dir))
