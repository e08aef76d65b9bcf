"""Quotes and their speakers: direct speech in quote marks, reported speech after verbs of saying.

Frames found, in this order:
- direct: ``"…", sagte X`` / ``"…", teilte X mit`` / ``X sagte: "…"`` / ``X: "…"``; a
  quote with no frame of its own belongs to the speaker quoted just before;
- reported: ``X sagte, … sei …`` / ``…würden…, sagte X`` / ``Laut X …`` / ``…, hieß es``;
  a headline's ``X: …`` where X is a party ("Scholz: Russland muss den Krieg beenden");
- continued: a German sentence in the subjunctive right after a quoted one goes on
  quoting the same speaker ("Tokajew sagte, … Kasachstan werde … liefern.").
The speaker's actor is the actor whose mention (named or nominal) covers the speaker;
a pronoun ("er", "sie") takes the last person named before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import ConfigError
from ..lang.base import LanguagePack, per_pack
from ..lang.datafile import read_toml
from ..model import Document, Quote, Speaker

_TOKEN = re.compile(r"\w+(?:[-.]\w+)*|[^\w\s]")
#: How many sentences back a quote without frame looks for its speaker.
CARRY_SENTENCES = 2
#: How many words a speaker's name or title may have where no actor stands for it.
NAME_WORDS = 5
#: How many words a verb of saying may stand before the quote it opens ("X told reporters
#: on Monday, “…”")
FRAME_WORDS = 5
#: How many words before a verb of saying its speaker is looked for first
NEAR_VERB = 3
#: How many words after a verb of saying its "that" may come ("told reporters on Monday that").
THAT_REACH = 4
#: A headline's words after "X:" at least, for X to be their speaker.
HEADLINE_WORDS = 3


@dataclass(frozen=True)
class _ActorName:
    """Where an actor's name stands: a speaker a quote may be tied to."""

    start: int
    end: int
    actor: str
    person: bool


class QuoteFinder:
    """Finds quotes in one language, from the pack's ``quotes.toml``."""

    def __init__(self, path: Path):
        data = read_toml(path)
        settings, cues = data.get("settings", {}), data.get("cues", {})
        self.pairs = [tuple(p) for p in settings.get("pairs", [])]
        self.min_words = settings.get("min_words", 4)
        self.pronouns = set(settings.get("pronouns", []))
        self.verbs = set(cues.get("verbs", []))
        if not self.pairs or not self.verbs:
            raise ConfigError(f"quote data {path}: no quote marks or no verbs of saying")
        self.particles = set(cues.get("particles", []))
        self.inverted = set(cues.get("inverted", []))
        self.subjunctive = set(cues.get("subjunctive", []))
        self.that = set(cues.get("that", []))
        # indicative modals of obligation that make a clause before its cue reported
        # speech: "Die Regierung muss handeln, forderte der Verband"
        self.obligation = set(cues.get("obligation", []))
        # one alternation: a search per cue cost a millisecond an article
        according = "|".join(re.escape(m) for m in cues.get("according", []))
        self.according = re.compile(rf"(?<!\w)(?:{according})\s+",
                                    re.IGNORECASE) if according else None
        self.impersonal = [re.compile(rf",\s*{re.escape(m)}\s*[.!?]?$", re.IGNORECASE)
                           for m in cues.get("impersonal", [])]
        # their first words: a sentence without any of them needs none of their searches
        self.attribution_words = {m.split()[0].lower() for m in
                                  cues.get("according", []) + cues.get("impersonal", [])}
        self.openers = {o for o, _ in self.pairs}
        self.direct = [
            re.compile(rf"{re.escape(o)}(?P<body>[^\n{re.escape(c)}]+?){re.escape(c)}")
            for o, c in self.pairs
        ]

    # -- helpers ---------------------------------------------------------------

    @staticmethod
    def mentions(document: Document) -> list[_ActorName]:
        entities = {e.id: e for e in document.entities}
        found = []
        for actor in document.actors:
            person = any(entities[m].label == "PER" for m in actor.mentions if m in entities)
            for entity_id in actor.mentions:
                entity = entities.get(entity_id)
                if entity is not None:
                    found.append(_ActorName(entity.start, entity.end, actor.id, person))
            for span in actor.nominal:
                found.append(_ActorName(span.start, span.end, actor.id, person))
        return sorted(found, key=lambda m: (m.start, -m.end))  # the longest mention first

    def speaker_at(self, text: str, start: int, end: int, mentions: list[_ActorName],
                   first: bool = True) -> Speaker | None:
        """The first (or last) actor mention in [start, end), else a pronoun there."""
        inside = [m for m in mentions if start <= m.start and m.end <= end]
        if inside:
            m = inside[0] if first else inside[-1]
            return Speaker(text=text[m.start:m.end], start=m.start, end=m.end, actor=m.actor)
        for token in _TOKEN.finditer(text, start, end):
            if token.group() in self.pronouns:
                before = [m for m in mentions if m.end <= token.start() and m.person]
                return Speaker(text=token.group(), start=token.start(), end=token.end(),
                               actor=before[-1].actor if before else None)
        return None

    def words_after(self, text: str, start: int, end: int, limit: int = 4) -> Speaker | None:
        """A speaker no actor stands for: the words after the cue, up to punctuation."""
        words = []
        for token in _TOKEN.finditer(text, start, end):
            if not token.group()[0].isalnum() or len(words) == limit:
                break
            words.append(token)
        if not words:
            return None
        return _words_speaker(text, words)

    def named_after(self, text: str, start: int, end: int,
                    mentions: list[_ActorName]) -> Speaker | None:
        """The speaker a cue names after it ("according to X"): the actor mention that
        begins there, else its capitalised words ("Oxfam International"), else its first
        word ("Experten")."""
        tokens = list(_TOKEN.finditer(text, start, end))
        if not tokens:
            return None
        first = [m for m in mentions if m.start == tokens[0].start()]
        if first:
            m = first[0]
            return Speaker(text=text[m.start:m.end], start=m.start, end=m.end, actor=m.actor)
        speaker = self.speaker_at(text, start, tokens[min(1, len(tokens) - 1)].end(), mentions)
        if speaker is not None:
            return speaker
        words = [tokens[0]]
        for token in tokens[1:NAME_WORDS]:
            if not token.group()[:1].isupper() or not token.group()[0].isalpha():
                break
            words.append(token)
        return _words_speaker(text, words)

    def name_between(self, text: str, start: int, end: int) -> Speaker | None:
        """A speaker no actor stands for, between a quote and its verb: capitalised words
        (",” Okonkwo said") or a pronoun."""
        words = [t for t in _TOKEN.finditer(text, start, end) if t.group()[0].isalnum()]
        if not words or len(words) > NAME_WORDS or not all(
                w.group()[:1].isupper() or w.group() in self.pronouns for w in words):
            return None
        return _words_speaker(text, words)

    @staticmethod
    def frames_direct(text: str, position: int, s_start: int,
                      covered: list[tuple[int, int]]) -> bool:
        """Whether a cue at ``position`` is the frame of a direct quote that closes before
        it in the sentence (",” the ministry said in a statement": no second quote)."""
        return any(s_start <= e <= position and len(_TOKEN.findall(text, e, position)) <= 8
                   and not re.search(r"[.!?]\s", text[e:position]) for _, e in covered)

    def cue_in(self, text: str, start: int, end: int) -> re.Match | None:
        for token in _TOKEN.finditer(text, start, end):
            if token.group() in self.verbs or token.group() in self.inverted:
                return token
        return None

    def reported(self, words: list[str]) -> bool:
        """Whether a clause reads as reported speech (German: subjunctive; or "dass")."""
        if not self.subjunctive:
            return sum(word[:1].isalnum() for word in words) >= self.min_words
        return any(w in self.subjunctive for w in words) or bool(words and words[0] in self.that)

    # -- finding ----------------------------------------------------------------

    def find(self, document: Document) -> list[Quote]:
        text, sentences = document.text, document.sentences or [(0, len(document.text))]
        mentions = self.mentions(document)
        quotes: list[Quote] = []
        direct = self._direct(text)
        covered = [(s, e) for s, e, _, _ in direct]
        last_speaker: tuple[int, Speaker] | None = None  # sentence index, speaker
        for index, (s_start, s_end) in enumerate(sentences):
            items: list[tuple] = [(d[0], "direct", d) for d in direct if s_start <= d[2] < s_end]
            quoted = sum(min(e, s_end) - max(s, s_start) for s, e in covered
                         if s < s_end and s_start < e)
            found = None
            if quoted <= (s_end - s_start) / 2:
                found = self._reported(text, s_start, s_end, mentions, covered)
                if found is None and not items and last_speaker and index - last_speaker[0] == 1:
                    words = [t.group() for t in _TOKEN.finditer(text, s_start, s_end)]
                    if self.subjunctive and self.reported(words):  # reported speech goes on
                        found = (*_trim(text, s_start, s_end), None, last_speaker[1])
                if found is not None:
                    items.append((found[0], "indirect", found))
            for _, kind, item in sorted(items, key=lambda i: i[0]):
                if kind == "direct":
                    q_start, q_end, open_at, close_at = item
                    speaker, cue = self._direct_frame(text, open_at, close_at, s_start, s_end,
                                                      mentions)
                    if speaker is None and last_speaker and (
                        index - last_speaker[0] <= CARRY_SENTENCES
                    ):
                        speaker = last_speaker[1]
                else:
                    q_start, q_end, cue, speaker = item
                quotes.append(Quote(id=f"q{len(quotes) + 1}", text=text[q_start:q_end],
                                    start=q_start, end=q_end, kind=kind, cue=cue,
                                    speaker=speaker))
                if speaker is not None:
                    last_speaker = (index, speaker)
        return quotes

    def _direct(self, text: str) -> list[tuple[int, int, int, int]]:
        """(body start, body end, open mark, close mark) of each quote long enough."""
        found: list[tuple[int, int, int, int]] = []
        for regex in self.direct:
            for match in regex.finditer(text):
                start, end = match.span("body")
                if len(match.group("body").split()) < self.min_words:
                    continue
                if any(start < e and s < end for s, e, _, _ in found):
                    continue
                found.append((start, end, match.start(), match.end()))
        return sorted(found)

    def _direct_frame(self, text: str, open_at: int, close_at: int, s_start: int, s_end: int,
                      mentions: list[_ActorName]) -> tuple[Speaker | None, str | None]:
        after_end = max(s_end, close_at)
        sentence_end = re.search(r"[.!?](?:\s|$)", text[close_at:after_end + 200])
        frame_end = close_at + sentence_end.end() if sentence_end else after_end
        after = text[close_at:frame_end]
        body = text[open_at:close_at].rstrip(" \"“”»«")
        if after.lstrip().startswith(",") or body.endswith(","):
            cue = self.cue_in(text, close_at, frame_end)
            if cue is not None:  # ", sagte X" or (English) ,” X said
                # ,” X said / ,” said X: the speaker between the quote and the verb
                # first, so that "Pence told CNN" is Pence's
                speaker = (self.speaker_at(text, close_at, cue.start(), mentions)
                           or self.name_between(text, close_at, cue.start())
                           or self.speaker_at(text, cue.end(), frame_end, mentions)
                           or self.words_after(text, cue.end(), frame_end))
                return speaker, cue.group()
            according = self.according.match(after.lstrip(" ,")) if self.according else None
            if according is not None:  # ,” according to X
                at = close_at + len(after) - len(after.lstrip(" ,")) + according.end()
                return self.named_after(text, at, frame_end, mentions), according.group().strip()
        frame_start = max(s_start, text.rfind("\n", 0, open_at) + 1)
        before = text[frame_start:open_at].rstrip()
        if before.endswith(":"):
            cue = self.cue_in(text, frame_start, open_at)
            speaker = self.speaker_at(text, frame_start, open_at, mentions, first=cue is not None)
            return speaker, cue.group() if cue else ":"
        tokens = list(_TOKEN.finditer(text, frame_start, open_at))[-FRAME_WORDS:]
        cue = next((t for t in reversed(tokens) if t.group() in self.verbs), None)
        if cue is not None and not self.subjunctive:  # X said "…", X told reporters, "…"
            speaker = self.speaker_at(text, frame_start, cue.start(), mentions, first=False) \
                or self.name_between(text, tokens[0].start(), cue.start())
            return speaker, cue.group()
        return None, None

    def headline(self, text: str, s_start: int, end: int, mentions: list[_ActorName]):
        """(content start, end, cue, speaker) where a sentence is a party's name, a colon
        and its words ("Scholz: Russland muss den Krieg beenden"), or None."""
        colon = text.find(":", s_start, end)
        if colon < 0:
            return None
        words = text[s_start:colon]  # (the sentence's own words, not the text after it)
        start = s_start + len(words) - len(words.lstrip())
        named = next((m for m in mentions if m.start == start and not text[m.end:colon].strip()),
                     None)
        if named is None or len(_TOKEN.findall(text, colon + 1, end)) < HEADLINE_WORDS \
                or text[colon + 1:end].lstrip()[:1] in self.openers:
            return None  # (a quote in marks after the colon is a direct one: "X: „…“")
        speaker = Speaker(text=text[named.start:named.end], start=named.start, end=named.end,
                          actor=named.actor)
        return _trim(text, colon + 1, end) + (None, speaker)

    def _reported(self, text: str, s_start: int, s_end: int, mentions: list[_ActorName],
                  covered: list[tuple[int, int]]):
        """(content start, end, cue, speaker) of reported speech in a sentence, or None."""
        words = _TOKEN.findall(text, s_start, s_end)
        if words and words[-1] in ".!?":
            end = text.rindex(words[-1], s_start, s_end)
        else:
            end = s_end
        headline = self.headline(text, s_start, end, mentions)
        if headline is not None:
            return headline
        lowered = text[s_start:s_end].lower()
        attributed = any(word in lowered for word in self.attribution_words)
        for regex in self.impersonal if attributed else ():
            hit = regex.search(text, s_start, s_end)
            if hit:
                return s_start, hit.start(), hit.group().strip(" ,.!?"), None
        according = self.according if attributed else None
        # the first cue in the sentence that names someone
        for hit in according.finditer(text, s_start, s_end) if according else ():
            if self.frames_direct(text, hit.start(), s_start, covered):
                continue  # ,” according to X: the direct quote's frame
            speaker = self.named_after(text, hit.end(), s_end, mentions)  # "der Polizei"
            if speaker is None:
                continue
            # "Laut X, …" / "Laut X sorgt sich …": what follows X; else the sentence
            c_start = speaker.end if hit.start() == s_start else s_start
            return _trim(text, c_start, end) + (hit.group().strip(), speaker)
        if self.verbs.isdisjoint(words):  # most sentences: no verb of saying at all
            return None
        tokens = list(_TOKEN.finditer(text, s_start, s_end))
        for i, token in enumerate(tokens):
            if token.group() not in self.verbs \
                    or self.frames_direct(text, token.start(), s_start, covered):
                continue
            j = i + 1
            while j < len(tokens) and tokens[j].group() in self.particles:
                j += 1
            # "X sagte, … sei …" / "X said (that) …"
            if j < len(tokens) and (tokens[j].group() == "," or not self.subjunctive):
                k = j + 1 if tokens[j].group() == "," else j
                that = next((n for n in range(k, min(k + THAT_REACH, len(tokens)))
                             if tokens[n].group() in self.that), None)
                if that is not None and not self.subjunctive:
                    k = that + 1  # "told reporters that …", "said on Monday that …"
                words = [t.group() for t in tokens[k:]]
                if k < len(tokens) and self.reported(words) and not _inside(tokens[k].start(),
                                                                            covered):
                    near = tokens[max(0, i - NEAR_VERB)].start()  # "…, Tompkins said"
                    speaker = (self.speaker_at(text, near, token.start(), mentions, first=False)
                               or self.speaker_at(text, s_start, token.start(), mentions)
                               or self.speaker_at(text, token.end(), tokens[j].start(),
                                                  mentions))
                    if speaker is not None:
                        return _trim(text, tokens[k].start(), end) + (token.group(), speaker)
            # "…, X said": the speaker's words between the comma and the verb
            comma = next((n for n in range(i - 1, max(-1, i - 1 - NAME_WORDS), -1)
                          if tokens[n].group() == ","), None)
            if not self.subjunctive and comma is not None and comma < i - 1:
                words = [t.group() for t in tokens[:comma]]
                speaker = self.speaker_at(text, tokens[comma].end(), token.start(), mentions) \
                    or self.name_between(text, tokens[comma].end(), token.start())
                if speaker is not None and self.reported(words) \
                        and not _inside(s_start, covered):
                    return _trim(text, s_start, tokens[comma].start()) + (token.group(),
                                                                          speaker)
            # "… würden …, sagte X"
            if i > 0 and tokens[i - 1].group() == ",":
                words = [t.group() for t in tokens[:i - 1]]
                if words and (self.reported(words) or not self.obligation.isdisjoint(words)) \
                        and not _inside(s_start, covered):
                    speaker = self.speaker_at(text, token.end(), end, mentions)
                    if speaker is not None:
                        return _trim(text, s_start, tokens[i - 1].start()) + (token.group(),
                                                                              speaker)
        return None


def _words_speaker(text: str, words: list[re.Match]) -> Speaker:
    """A speaker no actor stands for: the text from the first to the last of its words."""
    return Speaker(text=text[words[0].start():words[-1].end()], start=words[0].start(),
                   end=words[-1].end())


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= position < e for s, e in spans)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and text[end - 1] in " \n\t,.!?":
        end -= 1
    return start, end


@per_pack
def quote_finder(pack: LanguagePack) -> QuoteFinder:
    """The quote cues of a language pack (its ``quotes.toml``), read once per pack."""
    return QuoteFinder(pack.data_dir / "quotes.toml")
