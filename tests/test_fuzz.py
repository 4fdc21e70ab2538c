#!/usr/bin/env python3
"""Invariants of quotes.extract() checked on random strings.

    python3 -m unittest tests.test_fuzz                       # a few seconds
    QUOTES_FUZZ_CASES=100000 python3 -m unittest tests.test_fuzz   # long campaign

Every input is generated here with ``random.Random`` and fixed seeds, so a
failure is reproducible: the message gives the generator, the case number
and a shrunken input that still breaks the invariant.

Invariants, for every input and for ``nested=False`` and ``nested=True``:

* extract() returns a list of Quote without raising;
* every span lies in the text, starts on a quotation mark (or the em dash /
  horizontal bar of dash dialogue) and holds ``q.text``; ``line`` is the
  line of ``start``; the mention offsets point at the mention;
* top-level spans are in order and never overlap; a nested span lies inside
  the span one level up; the top level of ``nested=True`` is ``nested=False``;
* with ``terms=True`` (when extract() takes it) the same holds, and no span
  of the default call is lost;
* a second call gives the same result;
* appending a paragraph with no quotation marks changes no earlier span,
  adds none, and changes no speaker;
* feeding the text to ``Extractor`` one character at a time, and in random
  pieces, gives what extract() gives for the whole text;
* time grows roughly linearly on pathological inputs (50k and 200k
  characters, ``time.process_time``).

``StreamingCuts`` and ``Locality`` keep, as plain tests, small inputs that
broke these invariants.
"""

import inspect
import os
import random
import sys
import time
import unittest
import zlib

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if REPO not in sys.path:
    sys.path.insert(0, REPO)

import quotes  # noqa: E402
from quotes import Extractor, extract  # noqa: E402

#: Random cases in the default run (shared among the generators by weight);
#: QUOTES_FUZZ_CASES sets the number instead, for a long campaign.
DEFAULT_CASES = 400
CASES = int(os.environ.get("QUOTES_FUZZ_CASES", "0") or 0)
LONG = CASES > 0
TOTAL_CASES = CASES if LONG else DEFAULT_CASES
#: Seconds the shrinker may spend making a failing input small.
SHRINK_BUDGET = 20.0 if LONG else 2.0

#: Characters a span may start on: every quotation mark the tool knows and
#: the dashes of dash dialogue.
SPAN_OPENERS = set('"\'`\u201c\u201d\u2018\u2019\u201e\u201a\u00ab\u00bb\u2039\u203a'
                   '\u300c\u300d\u300e\u300f\u2014\u2015')
ALL_MARKS = ['"', "'", "`", "\u201c", "\u201d", "\u2018", "\u2019", "\u201e", "\u201a",
             "\u00ab", "\u00bb", "\u2039", "\u203a", "\u300c", "\u300d", "\u300e", "\u300f",
             "''", "``"]
OPENING = ['"', "'", "\u201c", "\u2018", "\u201e", "\u201a", "\u00ab", "\u00bb", "\u2039",
           "\u300c", "\u300e", "``", "''", "`"]
CLOSING_OF = {'"': '"', "'": "'", "\u201c": "\u201d", "\u2018": "\u2019", "\u201e": "\u201c",
              "\u201a": "\u2018", "\u00ab": "\u00bb", "\u00bb": "\u00ab", "\u2039": "\u203a",
              "\u300c": "\u300d", "\u300e": "\u300f", "``": "''", "''": "''", "`": "'"}
APOSTROPHES = ["'", "\u2019", "don't", "o'clock", "'tis", "'em", "goin'", "players\u2019",
               "rock 'n' roll", "'90s", "Putin\u2019s", "5'10\"", "12\"", "45\u00b030'15\""]
DASHES = ["\u2014", "\u2015", "\u2013", "-", "--"]
WORDS = ("the a of and to said says asked told replied wrote according she he they I we "
         "it was is not but if then words plan port city union late over near river "
         "reporters statement ministry official senior spokesman spokeswoman adviser "
         "Ana Ruiz Tom Hale Mrs. Bennet Mr. Dr. Kremlin Peskov Dmitry Volodymyr Zelensky "
         "Institute ISW Study War Ines Lobo Oskar Lind Mara Quist Paris Monday").split()
ODD = ["\x00", "\u00a0", "\u202f", "\u200b", "\u200f", "e\u0301", "\u0301", "\U0001F600",
       "\U0001F44D\U0001F3FD", "\ud800", "\udfff", "\t", "\r", "\r\n", "\n", "\n\n",
       "\n \n", "\u3000", "\ufeff", "\u2026", "\u00bf", "\u00a1"]
PUNCT = [",", ".", "?", "!", ":", ";", "(", ")", "[", "]", "/", "*", "\u2026"]
SUFFIX = "\n\nA plain closing paragraph of words.\n"
#: Whether extract() takes terms= (quoted terms of a story, left out by default).
TERMS = "terms" in inspect.signature(extract).parameters


# --------------------------------------------------------------------------
# Generators: each takes a random.Random and returns a string
# --------------------------------------------------------------------------

def gen_soup(rng):
    """Tokens of every kind in random order, 0 to a few thousand characters."""
    size = rng.choice((0, 1, 2, 5, 20, 80, 300, 1000, 3000))
    pools = [ALL_MARKS, APOSTROPHES, DASHES, WORDS, ODD, PUNCT, [" "], [" ", "  "],
             [str(rng.randrange(10 ** rng.randrange(1, 5)))]]
    weights = [6, 2, 2, 8, 3, 3, 8, 2, 1]
    out, length = [], 0
    while length < size:
        pool = rng.choices(pools, weights)[0]
        token = rng.choice(pool)
        if pool is WORDS and rng.random() < 0.1:
            token = token.capitalize()
        out.append(token)
        length += len(token)
    return "".join(out)


def gen_chars(rng):
    """Single characters drawn from a small alphabet of marks and oddities."""
    alphabet = "".join(m for m in ALL_MARKS if len(m) == 1) + "\u2014\u2015\u2013- \n\r\tab.,?\x00" \
        "\u00a0\u202f\u200b\u200f\u0301\ud800\U0001F600A1"
    size = rng.choice((1, 3, 10, 50, 200, 2000))
    return "".join(rng.choice(alphabet) for _ in range(size))


def _sentence(rng, words=None):
    words = words or rng.randrange(1, 12)
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[:1].upper() + text[1:] + rng.choice((".", ",", "?", "!", "", ":"))


def gen_paragraphs(rng):
    """Paragraphs of words with random marks inserted at word boundaries or inside words."""
    paragraphs = []
    for _ in range(rng.randrange(1, 12)):
        tokens = []
        for _ in range(rng.randrange(0, 40)):
            r = rng.random()
            if r < 0.15:
                tokens.append(rng.choice(ALL_MARKS) + rng.choice(WORDS))
            elif r < 0.3:
                tokens.append(rng.choice(WORDS) + rng.choice(ALL_MARKS) + rng.choice(("", ",", ".")))
            elif r < 0.35:
                word = rng.choice(WORDS)
                cut = rng.randrange(len(word) + 1)
                tokens.append(word[:cut] + rng.choice(ALL_MARKS + ["'", "\u2019"]) + word[cut:])
            elif r < 0.4:
                tokens.append(rng.choice(APOSTROPHES + DASHES))
            else:
                tokens.append(rng.choice(WORDS))
        separator = rng.choice((" ", " ", " ", "\n"))
        paragraph = separator.join(tokens)
        if rng.random() < 0.15:
            paragraph = rng.choice(("\u2014", "\u2015", "\u2014 ", "\u2015\u00a0")) + paragraph
        paragraphs.append(paragraph)
    gap = rng.choice(("\n\n", "\n", "\r\n\r\n", "\r\n", "\n \n", "\n\n\n"))
    return gap.join(paragraphs) + rng.choice(("", "\n", "\r\n", " "))


def gen_dialogue(rng):
    """Well-formed quotes with cues, then a few random edits."""
    names = ["Ana Ruiz", "Tom", "Mrs. Bennet", "Mr. Hale", "she", "he", "Dmitry Peskov",
             "a senior official", "the ministry", "Kremlin spokesman Dmitry Peskov", "I"]
    paragraphs = []
    for _ in range(rng.randrange(1, 10)):
        mark = rng.choice(OPENING)
        close = CLOSING_OF[mark]
        speaker = rng.choice(names)
        words = _sentence(rng).rstrip(".:") + rng.choice((",", "?", "!", ""))
        shape = rng.randrange(6)
        if shape == 0:
            par = "%s%s%s %s said." % (mark, words, close, speaker)
        elif shape == 1:
            par = "%s%s%s said %s." % (mark, words, close, speaker)
        elif shape == 2:
            par = "%s said, %s%s%s" % (speaker, mark, words, close)
        elif shape == 3:
            par = "%s%s%s" % (mark, words, close)
        elif shape == 4:
            par = "%s%s%s %s said. %s%s%s" % (mark, words, close, speaker, mark, _sentence(rng), close)
        else:
            par = "\u2014%s \u2014dijo %s." % (words, speaker)
        paragraphs.append(par)
    text = rng.choice(("\n\n", "\n")).join(paragraphs)
    chars = list(text)
    for _ in range(rng.randrange(0, 6)):
        if not chars:
            break
        at = rng.randrange(len(chars))
        op = rng.randrange(3)
        if op == 0:
            del chars[at]
        elif op == 1:
            chars.insert(at, rng.choice(ALL_MARKS + ODD + DASHES))
        else:
            chars[at] = rng.choice(ALL_MARKS + ODD)
    return "".join(chars)


def gen_nesting(rng):
    """Deep nesting: “‘“‘… with some, all or none of the closes."""
    pair = rng.choice((("\u201c", "\u201d", "\u2018", "\u2019"), ('"', '"', "'", "'"),
                       ("\u00ab", "\u00bb", "\u2039", "\u203a"), ("\u300c", "\u300d", "\u300e", "\u300f"),
                       ("\u201e", "\u201c", "\u201a", "\u2018")))
    depth = rng.choice((2, 5, 31, 32, 33, 40, 100))
    opens = []
    for level in range(depth):
        opens.append(pair[(level % 2) * 2] + rng.choice(("", "w ", "Word ", "a b ")))
    closes = []
    for level in reversed(range(depth)):
        closes.append(rng.choice(("", "x", " y")) + pair[(level % 2) * 2 + 1])
    if rng.random() < 0.5:
        closes = closes[:rng.randrange(len(closes) + 1)]
    if rng.random() < 0.3:
        rng.shuffle(closes)
    text = "".join(opens) + "".join(closes) + rng.choice(("", " she said.", "\n\nNext.", "\n\n" + opens[0]))
    return text


def gen_layout(rng):
    """Long lines (one paragraph per line), hard-wrapped blocks, CR and CRLF."""
    lines = []
    for _ in range(rng.randrange(1, 30)):
        r = rng.random()
        if r < 0.2:
            lines.append(" ".join(rng.choice(WORDS) for _ in range(rng.randrange(20, 40))))
        elif r < 0.3:
            lines.append("")
        else:
            lines.append(gen_paragraphs(rng).replace("\n", " ")[:rng.randrange(1, 90)])
    return rng.choice(("\n", "\r\n", "\r")).join(lines)


GENERATORS = [("soup", gen_soup, 30), ("chars", gen_chars, 15), ("paragraphs", gen_paragraphs, 25),
              ("dialogue", gen_dialogue, 15), ("nesting", gen_nesting, 5), ("layout", gen_layout, 10)]
FIXED = [
    "", " ", "\n", "\n\n", '"', "'", "''", "``", "\u201c", "\u201d", "\u2014", "\u2014 ", "\u2014a",
    '""', "\u201c\u201d", "\ud800", "\x00", "\r\n\r\n", "\u2014\u2014\u2014", '"\n\n"', "\u201c\n\n\u201d",
    "''''", "````", "``''", "'''", '"""', "\u00ab\u00bb\u00ab", "\u300c\u300e\u300d\u300f",
]


def cases():
    """(name, text) for every case of this run, the same every time."""
    for index, text in enumerate(FIXED):
        yield "fixed-%d" % index, text
    weight_total = sum(w for _, _, w in GENERATORS)
    for name, generator, weight in GENERATORS:
        count = max(1, TOTAL_CASES * weight // weight_total)
        for index in range(count):
            rng = random.Random("%s-%d" % (name, index))
            yield "%s-%d" % (name, index), generator(rng)


# --------------------------------------------------------------------------
# Invariants: each returns None or a message saying what is wrong
# --------------------------------------------------------------------------

def _key(q):
    return (q.start, q.end, q.text)


def _check_spans(text, found, nested):
    for q in found:
        if not isinstance(q, quotes.Quote):
            return "not a Quote: %r" % (q,)
        if not (0 <= q.start < q.end <= len(text)):
            return "span out of the text: %r" % (q,)
        if text[q.start] not in SPAN_OPENERS:
            return "span starts on %r, not a quotation mark: %r" % (text[q.start], q)
        if not q.text or q.text not in text[q.start:q.end]:
            return "q.text %r not inside its span %r" % (q.text, text[q.start:q.end])
        if q.line != text.count("\n", 0, q.start) + 1:
            return "line %d but the span starts on line %d: %r" % (
                q.line, text.count("\n", 0, q.start) + 1, q)
        if not 0.0 <= q.confidence <= 1.0:
            return "confidence out of [0, 1]: %r" % (q,)
        if q.type not in (None, "explicit", "anaphoric", "implicit"):
            return "unknown type: %r" % (q,)
        if q.speaker is not None and (not isinstance(q.speaker, str) or not q.speaker.strip()):
            return "empty speaker: %r" % (q,)
        if q.mention_start is not None:
            if not (0 <= q.mention_start < q.mention_end <= len(text)):
                return "mention offsets out of the text: %r" % (q,)
            if text[q.mention_start:q.mention_end] != q.mention:
                return "mention %r but its offsets hold %r" % (
                    q.mention, text[q.mention_start:q.mention_end])
        if not nested and q.depth != 0:
            return "depth %d with nested=False: %r" % (q.depth, q)
    if not nested:
        for a, b in zip(found, found[1:]):
            if b.start < a.end:
                return "top-level spans out of order or overlapping: %r then %r" % (
                    text[a.start:a.end], text[b.start:b.end])
    else:
        parents = []   # the open chain of enclosing quotes
        for q in found:
            if q.depth > len(parents):
                return "depth %d after depth %d: %r" % (q.depth, len(parents) - 1, q)
            del parents[q.depth:]
            if parents and not (parents[-1].start < q.start and q.end <= parents[-1].end):
                return "nested span %r not inside %r" % (text[q.start:q.end],
                                                         text[parents[-1].start:parents[-1].end])
            parents.append(q)
        # siblings in order, never overlapping
        last_at_depth = {}
        for q in found:
            for depth in [d for d in last_at_depth if d > q.depth]:
                del last_at_depth[depth]
            previous = last_at_depth.get(q.depth)
            if previous is not None and q.start < previous.end:
                return "sibling spans overlap: %r then %r" % (
                    text[previous.start:previous.end], text[q.start:q.end])
            last_at_depth[q.depth] = q
    return None


def check_spans(text):
    plain = extract(text)
    problem = _check_spans(text, plain, False)
    if problem:
        return "nested=False: " + problem
    deep = extract(text, nested=True)
    problem = _check_spans(text, deep, True)
    if problem:
        return "nested=True: " + problem
    top = [q for q in deep if q.depth == 0]
    if top != plain:
        return "top level of nested=True differs from nested=False"
    if TERMS:
        everything = extract(text, nested=True, terms=True)
        problem = _check_spans(text, everything, True)
        if problem:
            return "nested=True, terms=True: " + problem
        if not set(map(_key, deep)) <= set(map(_key, everything)):
            return "terms=True lost a span that terms=False gives"
    return None


def check_mentions(text):
    """A quote's mention is words of the narration: it holds what it says,
    lies outside its own quote and takes in no whole quote."""
    found = extract(text)
    for quote in found:
        if quote.mention is None:
            continue
        start, end = quote.mention_start, quote.mention_end
        if text[start:end] != quote.mention:
            return "mention %r is not the text at %d:%d" % (quote.mention, start, end)
        if start < quote.end and end > quote.start:
            return "mention %r overlaps its own quote %r" % (quote.mention, quote.text)
        for other in found:
            if start <= other.start and other.end <= end:
                return "mention %r takes in the quote %r" % (quote.mention, other.text)
    return None


def check_deterministic(text):
    for nested in (False, True):
        first, second = extract(text, nested), extract(text, nested)
        if first != second:
            return "nested=%s: two calls differ:\n%r\n%r" % (nested, first, second)
    return None


def check_local(text):
    longer = text + SUFFIX
    for nested in (False, True):
        before = [_key(q) for q in extract(text, nested)]
        after = [_key(q) for q in extract(longer, nested)]
        if before != after:
            return "nested=%s: appending a plain paragraph changed the spans:\n%r\n%r" % (
                nested, before, after)
    return None


def check_local_speakers(text):
    longer = text + SUFFIX
    before = [(q.start, q.speaker) for q in extract(text)]
    after = [(q.start, q.speaker) for q in extract(longer)]
    if before != after:
        return "appending a plain paragraph changed a speaker:\n%r\n%r" % (before, after)
    return None


def feed_in_pieces(text, sizes, nested=False):
    """Feed text to one Extractor in pieces of the given sizes (cycled)."""
    extractor = Extractor(nested)
    found, at, turn = [], 0, 0
    while at < len(text):
        size = sizes[turn % len(sizes)]
        found.extend(extractor.feed(text[at:at + size]))
        at += size
        turn += 1
    found.extend(extractor.feed("", final=True))
    return found


def check_streaming(text):
    """One character at a time (every cut point at once), then random
    pieces seeded by the text itself, so that a failure reproduces."""
    whole = extract(text)
    rng = random.Random(zlib.crc32(text.encode("utf-8", "surrogatepass")))
    plans = [[1]] if len(text) <= 4000 else []
    plans.append([rng.randint(1, 8) for _ in range(50)])
    plans.append([rng.randint(1, max(1, len(text))) for _ in range(5)])
    for sizes in plans:
        pieces = feed_in_pieces(text, sizes)
        if pieces != whole:
            return "fed in pieces of %r, extract differs:\nwhole:  %r\npieces: %r" % (
                sizes[:8], [(_key(q), q.speaker) for q in whole],
                [(_key(q), q.speaker) for q in pieces])
    return None


def run_check(check, text):
    try:
        return check(text)
    except Exception as error:   # a crash is an invariant violation too
        return "raised %s: %s" % (type(error).__name__, error)


def shrink(check, text, budget=SHRINK_BUDGET):
    """The smallest variant of text (by deleting pieces) that still fails check."""
    deadline = time.monotonic() + budget
    chunk = max(1, len(text) // 2)
    while chunk >= 1 and time.monotonic() < deadline:
        at, progress = 0, False
        while at < len(text) and time.monotonic() < deadline:
            candidate = text[:at] + text[at + chunk:]
            if run_check(check, candidate):
                text, progress = candidate, True
            else:
                at += chunk
        if not progress:
            chunk //= 2
    return text


# --------------------------------------------------------------------------
# The tests
# --------------------------------------------------------------------------

STATS = {"cases": 0, "seconds": 0.0}


def tearDownModule():
    if LONG:
        print("\nfuzz: %d cases (%d per invariant over %d invariants) in %.1f s of CPU"
              % (STATS["cases"], STATS["cases"] // max(1, STATS.get("invariants", 1)),
                 STATS.get("invariants", 1), STATS["seconds"]), file=sys.stderr)


class FuzzInvariants(unittest.TestCase):

    def _run(self, check):
        STATS["invariants"] = STATS.get("invariants", 0) + 1
        started = time.process_time()
        failures = []
        count = 0
        stopped = False
        for name, text in cases():
            count += 1
            problem = run_check(check, text)
            if problem:
                failures.append((name, text, problem))
                if len(failures) >= 3 and not LONG:
                    stopped = True   # enough to report; keep the run short
                    break
        STATS["cases"] += count
        STATS["seconds"] += time.process_time() - started
        if failures:
            name, text, problem = failures[0]
            small = shrink(check, text)
            self.fail("%d%s failing case(s) of %d, first %s: %s\nshrunken input: %r\n%s"
                      % (len(failures), " or more" if stopped else "", count, name,
                         problem.splitlines()[0], small, run_check(check, small)))

    def test_spans_are_valid(self):
        """No exception; spans in the text, on a mark, holding their words,
        in order, nested ones inside their parents."""
        self._run(check_spans)

    def test_mentions_are_narration(self):
        self._run(check_mentions)

    def test_deterministic(self):
        self._run(check_deterministic)

    def test_appending_plain_paragraph_changes_no_span(self):
        self._run(check_local)

    def test_appending_plain_paragraph_changes_no_speaker(self):
        """A paragraph after the last quote cannot tell who spoke before it."""
        self._run(check_local_speakers)

    def test_streaming_in_pieces_equals_whole(self):
        self._run(check_streaming)


class StreamingCuts(unittest.TestCase):
    """Inputs the fuzzer found, cut where streaming went wrong: whatever
    the cut, feeding in pieces must give what the whole text gives."""

    def assert_stream_equal(self, parts):
        text = "".join(parts)
        whole = extract(text)
        extractor = Extractor()
        found = []
        for part in parts:
            found.extend(extractor.feed(part))
        found.extend(extractor.feed("", final=True))
        self.assertEqual([(text[q.start:q.end], q.speaker) for q in found],
                         [(text[q.start:q.end], q.speaker) for q in whole])
        self.assertEqual(found, whole)

    def test_cut_inside_three_newlines_before_dash_dialogue(self):
        # The third newline stays at the head of the next paragraph, which
        # then no longer opens with its dash.
        self.assert_stream_equal(["Intro.\n\n", "\n\u2014\u00bfVienes? \u2014dijo Ana.\n"])

    def test_cut_inside_three_newlines_minimal(self):
        self.assert_stream_equal(["\n\n", "\n\u2015s"])

    def test_cut_at_blank_line_after_a_long_line_keeps_line_mode(self):
        # The long line puts the reader in one-paragraph-per-line mode; the
        # blank line, split over two pieces, does not end that mode, so the
        # next (hard-wrapped) paragraph is cut at every line.
        long_line = "plain words " * 10 + "\n"
        self.assert_stream_equal([long_line, "\n\u2014Come in\nnow, please.\n"])

    def test_cut_at_blank_line_after_a_long_line_wrapped_quote(self):
        long_line = "plain words " * 10 + "\n"
        self.assert_stream_equal(
            [long_line, "\n\u201cWe will,\nI think, go \u2018soon\u2019,\u201d Tom said.\n"])

    def test_hard_wrapped_block_longer_than_the_wrapped_block_limit(self):
        # Streaming switches to one paragraph per line past MAX_WRAPPED_BLOCK;
        # extract() on the whole text keeps the block as one paragraph.
        line = "words and more words in a wrapped line of prose\n"
        block = line * (quotes.MAX_WRAPPED_BLOCK // len(line) + 5)
        tail = "\u201cWe will,\nI think, go \u2018soon\u2019,\u201d Tom said.\n"
        self.assert_stream_equal([block[:len(block) // 2], block[len(block) // 2:] + tail])

    def test_pieces_that_respect_paragraphs(self):
        # A control: cuts at clean places must agree (this one cannot be
        # explained by the reader's thresholds).
        parts = ["\u201cOne,\u201d Ana Ruiz said.\n\n", "\u201cTwo,\u201d she added.\n\n",
                 "Tom Hale nodded. \u201cThree.\u201d\n"]
        self.assert_stream_equal(parts)


class Locality(unittest.TestCase):
    """What follows the last quote cannot change it."""

    def test_quote_inside_an_unclosed_quote_at_the_end(self):
        # The fuzzer's finding, in words: the quote inside an unclosed quote
        # is attributed when the next paragraph arrives, with the attributor
        # already one paragraph further on, so the vocative no longer applies.
        text = ("\u201cWill you read it, Tom?\u201d Ana whispered.\n\n"
                "\u201cIt says \u2018Come home at once, I need you here!\u2019 and nothing more.")
        alone = [(text[q.start:q.end], q.speaker) for q in extract(text)]
        followed = [(text[q.start:q.end], q.speaker) for q in extract(text + SUFFIX)]
        self.assertEqual(followed, alone)

    def test_spans_unchanged_by_a_following_paragraph(self):
        text = "Ana Ruiz said, \u201cWe are \u2018nearly\u2019 ready"
        self.assertEqual([_key(q) for q in extract(text + SUFFIX, nested=True)],
                         [_key(q) for q in extract(text, nested=True)])


# --------------------------------------------------------------------------
# Time: roughly linear on pathological inputs
# --------------------------------------------------------------------------

def cpu_seconds(text, budget=0.1):
    """CPU time of one extract(text): the best of a few runs while they
    are quick (less than ``budget`` seconds in all), else of one."""
    best, spent, runs = None, 0.0, 0
    while runs == 0 or (spent < budget and runs < 10):
        started = time.process_time()
        extract(text)
        elapsed = time.process_time() - started
        spent += elapsed
        runs += 1
        best = elapsed if best is None else min(best, elapsed)
    return max(best, 1e-4)


def _repeat(unit, size):
    return (unit * (size // len(unit) + 1))[:size]


PATHOLOGICAL = {
    "only straight double quotes": lambda n: '"' * n,
    "only straight single quotes": lambda n: "'" * n,
    "alternating curly double and single openers": lambda n: _repeat("\u201c\u2018", n),
    "one opening mark then words": lambda n: "\u201c" + _repeat("word ", n - 1),
    "an unclosed quote in every paragraph": lambda n: _repeat("\u201cNever closed words here\n\n", n),
    "an unclosed straight quote in every paragraph": lambda n: _repeat('"Never closed at all\n\n', n),
    "one long line of quotes and apostrophes": lambda n: _repeat("\u201ca\u201d b \u2018c d's ", n),
    "one long line of apostrophes after s": lambda n: _repeat("\u2018the players\u2019 union ", n),
    "dash dialogue lines": lambda n: _repeat("\u2014Ven aqu\u00ed \u2014dijo Ana.\n", n),
    "nested openers every paragraph": lambda n: _repeat("\u201c\u2018\u201c\u2018 words\n\n", n),
    "many short quotes in one paragraph": lambda n: _repeat("\u201cYes.\u201d \u201cNo.\u201d \u201cMaybe.\u201d ", n),
    "many quotes with pronoun cues in one paragraph":
        lambda n: _repeat("\u201cYes,\u201d he said. \u201cNo,\u201d she said. ", n),
}


class LinearTime(unittest.TestCase):
    SMALL, LARGE = 50_000, 200_000
    #: LARGE is 4 times SMALL: linear is 4, quadratic 16.
    LIMIT = 8.0
    #: A probe of SMALL / 4 characters that takes longer than this is far
    #: too slow already (about 25 kB/s); the larger sizes are not run, to
    #: keep the suite quick.
    PROBE_LIMIT = 0.5

    def test_time_grows_linearly(self):
        for name, make in PATHOLOGICAL.items():
            with self.subTest(input=name):
                probe = cpu_seconds(make(self.SMALL // 4), budget=0)
                self.assertLess(probe, self.PROBE_LIMIT,
                                "%s: %.2f s for only %d characters"
                                % (name, probe, self.SMALL // 4))
                small = cpu_seconds(make(self.SMALL))
                large = cpu_seconds(make(self.LARGE))
                ratio = large / small
                if self.LIMIT <= ratio and large < 1.0:
                    # Quick enough that a busy machine could explain it:
                    # measure once more before blaming the code.
                    ratio = min(ratio, cpu_seconds(make(self.LARGE)) / cpu_seconds(make(self.SMALL)))
                self.assertLess(ratio, self.LIMIT,
                                "%s: %.3f s for %d characters, %.3f s for %d (x%.1f)"
                                % (name, small, self.SMALL, large, self.LARGE, ratio))


if __name__ == "__main__":
    unittest.main()
