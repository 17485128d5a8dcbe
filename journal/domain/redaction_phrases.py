"""Seed phrases in notes: BIP-39 (English, Chinese) and Monero's 25 words.

A phrase is found however it was written down: words set apart by spaces, commas, dashes,
slashes, line breaks (6 + 6, 3 × 4…), numbering ("1. abandon 2) ability", "#3", "(4)") or
as a JSON array (["abandon", "ability", …]); `_GAP` is what may stand between two words.

- English: 12 or more BIP-39 words in a row, of which at most 2 in any 12 may be mistyped
  (`_near`: within one edit of a list word, or starting with a list word's 4 letters, which
  name a BIP-39 word uniquely) and at most 3 repeated (tables repeat their words). No
  checksum, so a typo still hides the phrase. Prose never gets there: its runs of list
  words stop at "the", "and", "is", "my", "I", "to", which are not in the list (the longest
  run in 100 MB of manuals and Python source was 8), and a mistyped word must not be a
  common English word (zxcvbn's frequency lists).
- Chinese: the list is the 2048 most used characters (simplified and traditional), so prose
  is made of it. Characters set apart one by one count when there are exactly 12/15/18/21/24
  of them (at most 2 not on the list, for typos) and they look drawn at random
  (`_looks_random`): the list is ordered by frequency, prose keeps to its first few hundred
  characters, a generated phrase spreads over all 2048. Characters written together (in one
  run or in short runs on successive lines) count when 12–24 in a row pass the BIP-39
  checksum and look random (judged more leniently when 助记词, seed, mnemonic… is near).
  Without that test one 12-character window of prose in 16 would pass the checksum; with it,
  13 windows in 1 MB of dense technical translations did, and none of our support notes.
- Monero: 25 words of Monero's English list (resources/wordlists/monero_english.txt), the
  last one repeating the word at CRC32(first 3 letters of the first 24) mod 24, as Monero
  checks it; up to 3 words may be mistyped if their first 3 letters are right (Monero reads
  only those). 24 list words in a row without the checksum word count too.
"""
from __future__ import annotations

import hashlib
import math
import re
import zlib
from functools import cache, lru_cache
from itertools import accumulate, compress, count
from operator import sub

from . import bundled

_LENGTHS = (12, 15, 18, 21, 24)
_SEP = r"[\s,;，；、/|\\\-–—·•*\"'“”‘’\[\]]*"
_GAP = re.compile(rf"{_SEP}(?:[(（#]?\d{{1,2}}(?:[-–~]\d{{1,2}})?[.)）:：、]?{_SEP})?")
# "Line 2: …", "Words 7-12: …": such a word before a number is part of the layout.
_LAYOUT_WORD = re.compile(r"(?:line|row|part|words?|page|group|column|col|no|nr)(?=\s*#?\d)")
_MAX_GAP = 40                      # longer stretches between two words end a phrase
_LATIN_SPLIT = re.compile(r"([a-z]+)")
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_CHAR = re.compile(f"[{_HAN}]")
_HAN_RUN = re.compile(f"[{_HAN}]+")
# The Chinese list is ordered by frequency. A generated phrase draws its characters
# uniformly, so ln(rank) averages 6.63 (sd 0.99 a character); prose keeps to the common
# ones and averages about 4.6. A window passes when its mean is at most Z standard errors
# below a phrase's: Z=3 alone (about 1 unlabelled unspaced phrase in 200 is missed),
# Z=5 next to a word such as 助记词 or for a phrase spaced out (about 1 in 20,000).
_PHRASE_MEAN, _PHRASE_SD = 6.627, 0.991
_Z_ALONE, _Z_EXPECTED = 3.0, 5.0
_CONTEXT_REACH = 40
_MAX_TYPOS = 2                     # mistyped English words in any 12
_MAX_REPEATS = 3                   # words that are there twice, in any 12
_MONERO_FILE = bundled.resource("wordlists", "monero_english.txt")


def seed_phrase_spans(text: str, low: str | None = None) -> list[tuple[int, int]]:
    """Where each seed phrase in `text` is, from its first word to its last; may overlap.
    `low` is `text` lowercased, each character where it was (redaction_credentials.lowered)."""
    bip39, monero = _latin_stretches(text.replace("\u0130", "I").lower() if low is None else low)
    spans: list[tuple[int, int]] = []
    for stretch in bip39:
        spans += _bip39_english(stretch)
    for stretch in monero:
        spans += _monero(stretch)
    return spans + _chinese_phrases(text)


# --- word lists -----------------------------------------------------------------------

@cache
def _wordlist(language: str) -> dict[str, int]:
    from mnemonic import Mnemonic
    return {w: i for i, w in enumerate(Mnemonic(language).wordlist)}


@cache
def _chinese_ranks() -> dict[str, int]:
    """Simplified and traditional characters by their index (the two lists are parallel)."""
    return {**_wordlist("chinese_traditional"), **_wordlist("chinese_simplified")}


@cache
def _english_prefixes() -> dict[str, str]:
    return {w[:4]: w for w in _wordlist("english")}


@cache
def _common_english() -> frozenset[str]:
    """Words of ordinary English, which a mistyped list word is not."""
    try:
        from zxcvbn.frequency_lists import FREQUENCY_LISTS
    except ImportError:          # pragma: no cover - zxcvbn is a dependency
        return frozenset()
    return frozenset(FREQUENCY_LISTS["english_wikipedia"][:20000]
                     + FREQUENCY_LISTS["us_tv_and_film"][:10000])


@cache
def monero_words() -> tuple[str, ...]:
    lines = _MONERO_FILE.read_text(encoding="utf-8").splitlines()
    words = tuple(w.strip() for w in lines if w.strip() and not w.startswith("#"))
    assert len(words) == 1626, f"{_MONERO_FILE} holds {len(words)} words, not 1626"
    return words


@cache
def _monero_sets() -> tuple[frozenset[str], frozenset[str]]:
    words = monero_words()
    return frozenset(words), frozenset(w[:3] for w in words)


def monero_checksum_holds(words: list[str]) -> bool:
    """Monero: the 25th word is the one at CRC32(first 3 letters of the 24 others) mod 24."""
    prefixes = [w[:3] for w in words[:24]]
    index = zlib.crc32("".join(prefixes).encode()) % 24
    return words[24][:3] == prefixes[index]


# --- Latin words ----------------------------------------------------------------------

def _latin_stretches(low: str):
    """Stretches of Latin words with only a _GAP between one and the next, where each word
    could belong to a phrase: 12+ for BIP-39 (list words, or 4–10 letters: maybe mistyped),
    24+ for Monero (words starting as a list word does). Each word as (start, end, lowercased).
    Done on whole lists at once: a note of 1 MB has 100,000 words, nearly all in no phrase."""
    def blank(m: re.Match) -> str:       # the word alone, not the end of a longer one
        alone = m.start() == 0 or not "a" <= low[m.start() - 1] <= "z"
        return " " * len(m.group()) if alone else m.group()

    parts = _LATIN_SPLIT.split(_LAYOUT_WORD.sub(blank, low))     # gap, word, gap, …, gap
    if len(parts) < 25:
        return [], []
    words = parts[1::2]
    full = _GAP.fullmatch
    linked = ["L" if g == " " or (len(g) <= _MAX_GAP and full(g)) else "E" for g in parts[2::2]]
    bip39, (_listed, prefixes) = _wordlist("english"), _monero_sets()
    found = []
    for eligible, least in (([w in bip39 or 3 < len(w) < 11 for w in words], 12),
                            ([w[:3] in prefixes for w in words], 24)):
        flags = "".join([link if ok else "X" for ok, link in zip(eligible, linked)])
        found.append([m.span() for m in re.finditer(f"(?<!L)L{{{least - 1},}}[LE]", flags)])
    if not found[0] and not found[1]:
        return [], []
    ends = list(accumulate(map(len, parts)))  # parts[k] ends at ends[k]
    return [[[(ends[2 * i], ends[2 * i + 1], words[i]) for i in range(a, b)] for a, b in spans]
            for spans in found]


def _bip39_english(chain: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    words = _wordlist("english")
    spans: list[tuple[int, int]] = []
    # Split where a word can be neither a list word nor a mistyped one.
    part: list[tuple[int, int, str, bool]] = []
    for start, end, w in [*chain, (0, 0, "")]:
        exact = w in words
        if exact or 4 <= len(w) <= 10:
            part.append((start, end, w, exact))
            continue
        spans += _english_runs(part)
        part = []
    return spans


def _english_runs(part: list[tuple[int, int, str, bool]]) -> list[tuple[int, int]]:
    """Windows of 12+ words with at most _MAX_TYPOS mistyped ones in any 12, joined."""
    if len(part) < 12 or sum(e for *_, e in part) < 12 - _MAX_TYPOS:
        return []
    spans: list[tuple[int, int]] = []
    run: list[tuple[int, int, str, bool]] = []
    for start, end, w, exact in [*part, (0, 0, "", False)]:
        if exact or (w and _near(w)):
            run.append((start, end, w, exact))
            continue
        spans += _windows(run)
        run = []
    return spans


def _windows(run: list[tuple[int, int, str, bool]]) -> list[tuple[int, int]]:
    """12 words in a row, at most _MAX_TYPOS mistyped and at most _MAX_REPEATS repeated (a
    table says "CARD16, CARD8, CARD16" or "verify verify verify"; a phrase drawn at random
    repeats a word 3% of the time, three words about never)."""
    spans: list[tuple[int, int]] = []
    typos = 0                          # among the 12 words ending at i
    for i, (_s, _e, _w, exact) in enumerate(run):
        typos += not exact
        if i >= 12:
            typos -= not run[i - 12][3]
        if i >= 11 and typos <= _MAX_TYPOS \
                and len({w for _s, _e, w, _x in run[i - 11:i + 1]}) >= 12 - _MAX_REPEATS:
            start, end = run[i - 11][0], run[i][1]
            if spans and start <= spans[-1][1]:
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
    return spans


@lru_cache(maxsize=4096)
def _near(word: str) -> bool:
    """A mistyped BIP-39 word: not English, and one edit from a list word or sharing its
    first 4 letters (which BIP-39 makes unique to one word)."""
    if word in _common_english():
        return False
    if word[:4] in _english_prefixes():
        return True
    words = _wordlist("english")
    letters = "abcdefghijklmnopqrstuvwxyz"
    for i in range(len(word) + 1):
        if i < len(word) and word[:i] + word[i + 1:] in words:                 # one extra
            return True
        if i < len(word) - 1 and word[:i] + word[i + 1] + word[i] + word[i + 2:] in words:
            return True                                                          # swapped
        for c in letters:
            if word[:i] + c + word[i:] in words:                                 # one missing
                return True
            if i < len(word) and word[:i] + c + word[i + 1:] in words:           # one wrong
                return True
    return False


def _monero(chain: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """25 words whose 25th is their checksum, 22 of them on the list and the others starting
    as a list word does; or 24 list words in a row (a seed written without the checksum)."""
    exact_set, prefixes = _monero_sets()
    spans: list[tuple[int, int]] = []
    run: list[tuple[int, int, str]] = []
    for item in [*chain, (0, 0, "")]:
        if len(item[2]) >= 3 and item[2][:3] in prefixes:
            run.append(item)
            continue
        words = [w for _s, _e, w in run]
        listed = list(accumulate((w in exact_set for w in words), initial=0))
        for i in range(len(run) - 23):
            if i + 25 <= len(run) and listed[i + 25] - listed[i] >= 22 \
                    and monero_checksum_holds(words[i:i + 25]):
                span = (run[i][0], run[i + 24][1])
            elif listed[i + 24] - listed[i] == 24:
                span = (run[i][0], run[i + 23][1])
            else:
                continue
            if spans and span[0] <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(span[1], spans[-1][1]))
            else:
                spans.append(span)
        run = []
    return spans


# --- Chinese --------------------------------------------------------------------------

@cache
def _listed_run() -> re.Pattern:
    return re.compile(f"[{''.join(_chinese_ranks())}]{{12,}}")


_LOG_RANK = [math.log(i + 1) for i in range(2048)]
_SPACED = re.compile(f"[{_HAN}](?:(?![{_HAN}])(?>{_GAP.pattern})[{_HAN}]){{11,}}")
_NUMBERING = re.compile(r"\d[.)）:：、]")


def _chinese_phrases(text: str) -> list[tuple[int, int]]:
    if not _HAN_CHAR.search(text):
        return []
    ranks = _chinese_ranks()
    spans: list[tuple[int, int]] = []
    for m in _listed_run().finditer(text):           # written together
        spans += _checksummed([ranks[c] for c in m.group()], list(range(m.start(), m.end())),
                              text)
    for m in _SPACED.finditer(text):                  # set apart one by one
        starts = [c.start() for c in _HAN_CHAR.finditer(text, m.start(), m.end())]
        glued_left = m.start() > 0 and _HAN_CHAR.match(text, m.start() - 1) is not None
        spans += _spaced_group(text, starts, glued_left, _HAN_CHAR.match(text, m.end()) is not None)
    return spans + _lines(text)


def _spaced_group(text: str, starts: list[int], glued_left: bool, glued_right: bool):
    """Single characters set apart by a _GAP; the first and last may touch the words around
    ("他要 那 贪 … 渗 我没给"), so each end may or may not belong to the phrase."""
    ranks = _chinese_ranks()
    indices = [ranks.get(text[s]) for s in starts]
    for a, b in [(a, b) for b in ((0, 1) if glued_right else (0,))
                 for a in ((0, 1) if glued_left else (0,))]:
        core = indices[a:len(indices) - b]
        listed = [i for i in core if i is not None]
        if len(core) in _LENGTHS and len(core) - len(listed) <= _MAX_TYPOS \
                and core[0] is not None and core[-1] is not None \
                and _looks_random(listed, _Z_EXPECTED):
            # No checksum here: a mistyped character would fail it.
            return [(starts[a], starts[len(indices) - b - 1] + 1)]
    spans = []
    for part_starts, part in _listed_parts(starts, indices):
        if len(part) > 12:
            spans += _checksummed(part, part_starts, text)
    return spans


def _lines(text: str) -> list[tuple[int, int]]:
    """Characters written together in short runs on successive lines or after numbers
    ("那贪杂禁颜悲\n区凉渡放允渗", "1.那贪杂禁 2.颜悲区凉 …"): the checksum decides, as for one run.
    Inner runs have at most 12 characters; the first and last may be glued to a sentence."""
    ranks = _chinese_ranks()
    runs = [m.span() for m in _HAN_RUN.finditer(text)]
    spans: list[tuple[int, int]] = []
    first = 0
    for i in range(1, len(runs) + 1):
        if i < len(runs) and runs[i][0] - runs[i - 1][1] == 1:     # the usual: one character
            broken = text[runs[i][0] - 1] == "\n"
        else:
            broken = i < len(runs) and _line_break(text, runs[i - 1][1], runs[i][0])
        if broken and (i - 1 == first or runs[i - 1][1] - runs[i - 1][0] <= 12):
            continue
        group = runs[first:i]
        if len(group) >= 2 and any(e - s > 1 for s, e in group):
            starts = list(range(max(group[0][0], group[0][1] - 23), group[0][1]))
            for s, e in group[1:-1]:
                starts += range(s, e)
            starts += range(group[-1][0], min(group[-1][1], group[-1][0] + 23))
            for part_starts, part in _listed_parts(starts, [ranks.get(text[p]) for p in starts]):
                if len(part) >= 12:
                    spans += _checksummed(part, part_starts, text)
        first = i - 1 if broken else i
    return spans


def _line_break(text: str, end: int, start: int) -> bool:
    """A _GAP with a line break or a list number in it (not mere spaces: Chinese written
    word by word would otherwise be read as one run)."""
    if start - end > _MAX_GAP:
        return False
    gap = text[end:start]
    return ("\n" in gap or _NUMBERING.search(gap) is not None) and _GAP.fullmatch(gap) is not None


def _listed_parts(starts: list[int], indices: list[int | None]):
    """The stretches of listed characters between the ones not on the list."""
    part_starts: list[int] = []
    part: list[int] = []
    for s, i in [*zip(starts, indices), (0, None)]:
        if i is None:
            if part:
                yield part_starts, part
            part_starts, part = [], []
        else:
            part_starts.append(s)
            part.append(i)


_SEED_CONTEXT = re.compile("|".join(
    ["助记词", "助記詞", "种子", "種子", "私钥", "私鑰", "密语", "seed", "mnemonic",
     *(a + b for a in ("恢复", "备份", "秘密") for b in ("短语", "词")),
     *(f"{a} {b}" for a in ("recovery", "secret", "backup") for b in ("phrase", "words"))]))


def _expected(text: str, start: int, end: int) -> bool:
    """Whether the note speaks of a seed phrase near here."""
    near = text[max(0, start - _CONTEXT_REACH):end + _CONTEXT_REACH].lower()
    return _SEED_CONTEXT.search(near) is not None


def _looks_random(indices: list[int], z: float) -> bool:
    """Not frequency-ordered like prose; alone, also few repeats (prose repeats its words)."""
    n = len(indices)
    mean = sum(_LOG_RANK[i] for i in indices) / n
    if mean < _PHRASE_MEAN - z * _PHRASE_SD / math.sqrt(n):
        return False
    return z == _Z_EXPECTED or n - len(set(indices)) <= n // 9  # 1 in 2,000 phrases has more


def _checksummed(indices: list[int], starts: list[int], text: str) -> list[tuple[int, int]]:
    """Spans of every 12–24-character window that looks random and passes the checksum;
    overlapping windows are joined so that a lucky window beside a phrase hides no less.
    Judged leniently when the note speaks of a seed phrase near the run."""
    z = _Z_EXPECTED if _expected(text, starts[0], starts[-1] + 1) else _Z_ALONE
    logs = list(accumulate(map(_LOG_RANK.__getitem__, indices), initial=0.0))
    found: set[tuple[int, int]] = set()
    for n in _LENGTHS:
        floor = (_PHRASE_MEAN - z * _PHRASE_SD / math.sqrt(n)) * n
        sums = map(sub, logs[n:], logs)                     # of each window of n, in C
        for i in compress(count(), map(floor.__le__, sums)):
            window = indices[i:i + n]
            if _checksum_holds(window) and _looks_random(window, z):
                found.add((starts[i], starts[i + n - 1] + 1))
    spans: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if spans and start < spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


def _checksum_holds(indices: list[int]) -> bool:
    """BIP-39: 11 bits a word; the last len/3 bits are the first bits of SHA-256(entropy)."""
    bits = 0
    for i in indices:
        bits = (bits << 11) | i
    check_bits = len(indices) * 11 // 33
    entropy = (bits >> check_bits).to_bytes(check_bits * 4, "big")
    return hashlib.sha256(entropy).digest()[0] >> (8 - check_bits) == bits & ((1 << check_bits) - 1)
