"""The length window of a ratio search: it leaves out only strings that cannot reach the cutoff."""

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz, process

from checker.reach import ByLength

words = st.text(alphabet="abcde ", min_size=0, max_size=30)


cutoffs = st.sampled_from([0, 50, 70, 85, 95, 100])


@settings(max_examples=300, deadline=None)
@given(st.lists(words, max_size=40, unique=True), words, cutoffs)
def test_the_search_within_reach_finds_what_the_whole_list_finds(strings, wanted, cutoff):
    whole = process.extractOne(wanted, strings, scorer=fuzz.ratio, score_cutoff=cutoff)
    within = ByLength(strings).within_reach(wanted, cutoff)
    assert process.extractOne(wanted, within, scorer=fuzz.ratio, score_cutoff=cutoff) == (
        None if whole is None else (whole[0], whole[1], within.index(whole[0]))
    )


def test_strings_too_long_or_too_short_are_left_out():
    reach = ByLength(["ab", "abcdefghij", "abcdefghijklmnopqrstuvwxyz"]).within_reach("abcdefghik", 85)
    assert list(reach) == ["abcdefghij"]
