"""The place stop lists' builder rewrites its own lines and keeps those added by hand."""

from training.places_gazetteer import BY_HAND, merged_stopwords


def names(text: str) -> tuple[list[str], list[str]]:
    lines = text.splitlines()
    cut = lines.index(BY_HAND)
    return ([n for n in lines[:cut] if not n.startswith("#")], lines[cut + 1:])


def test_a_new_list_has_an_empty_hand_kept_part():
    assert names(merged_stopwords(["Bath", "Reading"], None)) == (["Bath", "Reading"], [])


def test_the_hand_kept_part_survives_a_rebuild():
    first = merged_stopwords(["Bath", "Reading"], None) + "Mitte\n"
    again = merged_stopwords(["Reading", "Split"], first)
    assert names(again) == (["Reading", "Split"], ["Mitte"])


def test_an_unmarked_list_keeps_every_name_it_does_not_write_again():
    old = "# a comment\nBath\nMitte\nReading\n"
    assert names(merged_stopwords(["Bath", "Split"], old)) == (
        ["Bath", "Split"], ["Mitte", "Reading"])
