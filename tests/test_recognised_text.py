"""Text read from a screenshot keeps where each word stands: a secret in it points at the boxes
to black out on an exported copy, and a search's words at the boxes to outline."""
from __future__ import annotations

from mnemonic import Mnemonic

from journal.domain.recognised_text import (
    RecognisedText,
    Word,
    boxes_matching,
    covers,
    from_lines,
)
from journal.domain.redaction import ONE_TIME_CODE, SEED_PHRASE

EN_PHRASE = Mnemonic("english").to_mnemonic(bytes.fromhex("0f1e2d3c4b5a69788796a5b4c3d2e1f0"))
ZH_PHRASE = Mnemonic("chinese_simplified").to_mnemonic(
    bytes.fromhex("0f1e2d3c4b5a69788796a5b4c3d2e1f0"))


def _line(text: str, y: int, split=str.split) -> tuple[str, list]:
    """A line as the reader gives it, each word 10 px per character, words a space apart."""
    words, x = [], 0
    for word in split(text):
        words.append((word, (x, y, 10 * len(word), 20)))
        x += 10 * (len(word) + 1)
    return text, words


def test_words_know_their_place_in_the_joined_text():
    r = from_lines([_line("Ticket 48213 opened", 0), _line("Agent: Mia", 30)])
    assert r.text == "Ticket 48213 opened\nAgent: Mia"
    assert [(w.text, r.text[w.start:w.end]) for w in r.words] == [
        ("Ticket", "Ticket"), ("48213", "48213"), ("opened", "opened"),
        ("Agent:", "Agent:"), ("Mia", "Mia")]
    assert r.words[3].box == (0, 30, 60, 20)


def test_a_word_the_line_does_not_hold_keeps_its_box_at_the_next_place():
    r = from_lines([("Hello there", [("Hello", (0, 0, 50, 20)), ("thore", (60, 0, 50, 20))])])
    assert [w.text for w in r.words] == ["Hello", " ther"]
    assert r.words[1].box == (60, 0, 50, 20)


def test_fractional_and_negative_boxes_are_whole_pixels():
    r = from_lines([("x", [("x", (1.6, 2.4, -3, 9.5))])])
    assert r.words[0].box == (2, 2, 0, 10)


def test_a_seed_phrase_in_a_screenshot_covers_exactly_its_words():
    lines = [_line("Support: please confirm your wallet", 0),
             _line(" ".join(EN_PHRASE.split()[:6]), 30),
             _line(" ".join(EN_PHRASE.split()[6:]), 60),
             _line("Ticket 48213", 90)]
    found = covers(from_lines(lines))
    assert [c.kind for c in found] == [SEED_PHRASE]
    phrase_boxes = [box for _, words in lines[1:3] for _, box in words]
    assert list(found[0].boxes[:12]) == phrase_boxes
    assert not set(found[0].boxes) & {box for _, box in lines[0][1]}


def test_a_chinese_phrase_read_character_by_character_is_covered():
    line = _line(ZH_PHRASE, 0, split=lambda t: [c for c in t if c != " "])
    found = covers(from_lines([line]))
    assert [c.kind for c in found] == [SEED_PHRASE]
    assert len(found[0].boxes) == 12


def test_a_one_time_code_is_covered_and_a_ticket_number_is_not():
    found = covers(from_lines([_line("Your verification code is 482913", 0),
                               _line("Ticket 77120 opened", 30)]))
    assert [(c.kind, c.boxes) for c in found] == [(ONE_TIME_CODE, ((260, 0, 60, 20),))]


def test_an_ordinary_screenshot_covers_nothing():
    assert covers(from_lines([_line("Your withdrawal is under review", 0)])) == []


def test_search_words_point_at_their_boxes_once_each():
    r = from_lines([_line("Ticket 48213 about ticket", 0)])
    assert boxes_matching(r, ["ticket"]) == ((0, 0, 60, 20), (190, 0, 60, 20))
    assert boxes_matching(r, ["4821"]) == ((70, 0, 50, 20),)
    assert boxes_matching(r, ["nothing"]) == ()


def test_a_chinese_run_points_at_each_of_its_characters():
    r = from_lines([_line("退款已到账", 0, split=list)])   # 20 px apart
    assert boxes_matching(r, ["已到"]) == ((40, 0, 10, 20), (60, 0, 10, 20))


def test_an_empty_reading_has_no_words():
    r = from_lines([])
    assert r == RecognisedText("", ())
    assert covers(r) == [] and boxes_matching(r, ["x"]) == ()
    assert Word("ab", 3, (0, 0, 1, 1)).end == 5
