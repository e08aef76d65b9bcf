"""The quote scorer on PolNeAR's brat standoff (a made-up article in its format)."""

from __future__ import annotations

from lagebild.evaluate.quotes import read_split, score

TEXT = ('Officials met on Monday. "The dam will hold through the winter," the mayor said. '
        "Farmers fear the water will run out soon, Anna Berg told reporters.")


def write_article(root, text: str, ann: str) -> None:
    (root / "dev" / "text").mkdir(parents=True)
    (root / "dev" / "attributions").mkdir(parents=True)
    (root / "dev" / "text" / "dam-story.txt").write_text(text, encoding="utf-8")
    (root / "dev" / "attributions" / "dam-story_ab12.ann").write_text(ann, encoding="utf-8")


def span(text: str, words: str) -> str:
    start = text.index(words)
    return f"{start} {start + len(words)}\t{words}"


def test_quotes_and_speakers_are_scored_against_the_attributions(tmp_path, pipeline):
    ann = "\n".join([
        f"T1\tContent {span(TEXT, 'The dam will hold through the winter,')}",
        f"T2\tSource {span(TEXT, 'the mayor')}",
        f"T3\tCue {span(TEXT, 'said')}",
        "E1\tAttribution:T3 Content:T1 Cue:T3 Source:T2",
        f"T4\tContent {span(TEXT, 'Farmers fear the water will run out soon')}",
        f"T5\tSource {span(TEXT, 'Anna Berg')}",
        f"T6\tCue {span(TEXT, 'told')}",
        "E2\tAttribution:T6 Content:T4 Cue:T6 Source:T5",
        # a belief with no verb of saying: counted over all gold, not over the verb cues
        f"T7\tContent {span(TEXT, 'the water will run out soon')}",
        f"T8\tSource {span(TEXT, 'Farmers')}",
        f"T9\tCue {span(TEXT, 'fear')}",
        "E3\tAttribution:T9 Content:T7 Cue:T9 Source:T8",
    ]) + "\n"
    write_article(tmp_path, TEXT, ann)
    articles = read_split(tmp_path, "dev")
    assert [a.cue for a in articles[0][1]] == ["said", "told", "fear"]
    scores = score(articles, pipeline, {"said", "told"})
    assert (scores.gold, scores.cued, scores.predicted) == (3, 2, 2)
    assert (scores.found, scores.found_cued, scores.speaker_right_cued) == (2, 2, 2)
    quote, speaker = scores.rows()
    assert quote[1:] == speaker[1:] == (1.0, 2 / 3, 1.0, 1.0)
