#!/usr/bin/env python3
"""quotes.py: find every quoted span in plain text and say who said it.

Give it any text (a news article, a novel, a transcript) and it lists each
quotation with its speaker, as a readable list or as JSON Lines, JSON, CSV or
TSV for other tools.  Standard library only; one file; Python 3.9 or later.

The pipeline, top to bottom:

1. read: bytes are decoded incrementally and cut into paragraphs
   (``ParagraphReader``), so memory stays bounded however long the input;
2. find quote spans: each paragraph's quotation marks are classified
   (opening, closing, apostrophe, prime) and paired on a stack
   (``QuoteScanner``); an open quote is carried into the next paragraph
   only when that paragraph re-opens it (multi-paragraph speech);
3. find speaker mentions and cues around each quote, and
4. attribute: an ordered list of small rules, most precise first
   (``Attributor``);
5. format: text, jsonl, json, csv or tsv (``main``).

As a library:

>>> [q.text for q in extract('“Fine,” she said. He called it ‘odd’.')]
['Fine,', 'odd']
>>> q = extract('"We are ready," Ana Ruiz said.')[0]
>>> (q.start, q.end, q.speaker, q.cue)
(0, 15, 'Ana Ruiz', 'said')
"""

import argparse
import codecs
import csv
import functools
import io
import json
import os
import re
import select
import signal
import stat
import sys
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass, field
from itertools import islice
from typing import Iterable, Iterator, List, Optional, Tuple

__version__ = "1.0.0"

# --------------------------------------------------------------------------
# Data
# --------------------------------------------------------------------------

#: Output fields, in their stable order.
FIELDS = ("source", "line", "start", "end", "speaker", "type", "cue", "mention",
          "mention_start", "mention_end", "method", "confidence", "text")


@dataclass
class Quote:
    """One quoted span.  ``text[start:end]`` of the document is the span
    with its quotation marks; ``text`` holds the words between them."""
    text: str
    start: int
    end: int
    line: int = 1
    speaker: Optional[str] = None
    mention: Optional[str] = None
    mention_start: Optional[int] = None
    mention_end: Optional[int] = None
    cue: Optional[str] = None
    method: Optional[str] = None
    confidence: float = 0.0
    type: Optional[str] = None
    depth: int = 0
    #: Every name the speaker goes by in the document (for --speaker).
    aliases: tuple = field(default=(), repr=False, compare=False)
    #: Marks of the span, e.g. ('“', '”'); the dash of dash dialogue opens with no close.
    marks: tuple = ("", "")
    #: Narration of the paragraph(s) around the quote, used by the attributor.
    context: Optional["QuoteContext"] = field(default=None, repr=False, compare=False)
    nested: list = field(default_factory=list, repr=False, compare=False)


@dataclass
class Paragraph:
    """A paragraph (or, for an overlong one, a piece of it) of the document."""
    start: int        # offset of its first character in the document
    text: str
    line: int         # 1-based line number of its first character
    complete: bool = True  # False: the paragraph goes on in the next piece
    gap: str = ""     # the blank text between the previous paragraph and this one


@dataclass
class QuoteContext:
    """Where a quote sits: the paragraphs in which it opens and ends."""
    paragraph: Paragraph        # the paragraph in which the quote ends
    first_paragraph: Paragraph  # the paragraph in which it opens


# --------------------------------------------------------------------------
# Read: bytes -> text -> paragraphs
# --------------------------------------------------------------------------

#: Lines longer than this are not hard-wrapped prose: each is a paragraph.
WRAP_WIDTH = 100
#: A block of short lines longer than this is a list of one-line paragraphs,
#: not one hard-wrapped paragraph (and we cannot wait for its end forever).
MAX_WRAPPED_BLOCK = 20_000
#: A paragraph longer than this is handed on in pieces, the quote state
#: carried across, so a file with no line break still streams.
MAX_PIECE = 1 << 20

BLANK_LINES = re.compile(r"\n(?:[ \t\r\f\v\u00a0\u3000]*\n)+")
LEADING_BLANK_LINES = re.compile(r"(?:[ \t\r\f\v\u00a0\u3000]*\n)+")


def has_long_line(text, start, end):
    """Whether a line of text[start:end] is longer than WRAP_WIDTH."""
    return any(len(line) > WRAP_WIDTH for line in text[start:end].split("\n"))


class ParagraphReader:
    """Cut text, fed in pieces of any size, into paragraphs.

    A blank line always ends a paragraph.  Inside a block of lines between
    blank lines, lines no longer than WRAP_WIDTH are hard-wrapped prose (the
    block is one paragraph); a block with a longer line has one paragraph per
    line.

    >>> reader = ParagraphReader()
    >>> [p.text for p in reader.feed('One line\\nand its wrap.\\n\\nNext')]
    ['One line\\nand its wrap.']
    >>> [(p.text, p.line) for p in reader.feed('', final=True)]
    [('Next', 4)]
    """

    def __init__(self):
        self.pending = ""       # text read but not yet handed on
        self.offset = 0         # document offset of pending[0]
        self.line = 1           # line number of pending[0]
        self.line_mode = False  # the unfinished block has one paragraph per line
        # While feeding: the text, and a cursor that only moves forward so
        # that lines are counted once.
        self._text = ""
        self._cursor = 0
        self._cursor_line = 1
        self._last_end = 0    # where the last paragraph handed on ended, in _text
        self._gap = ""        # blank text before _last_end not yet handed on

    def feed(self, piece: str, final: bool = False) -> List[Paragraph]:
        text = self.pending + piece if self.pending else piece
        self._text, self._cursor, self._cursor_line = text, 0, self.line
        self._last_end = 0
        out: List[Paragraph] = []
        position = 0
        for blank in BLANK_LINES.finditer(text):
            self._block(position, blank.start(), out, self.line_mode)
            position = blank.end()
            self.line_mode = False
        if final:
            self._block(position, len(text), out, self.line_mode)
            position = len(text)
            self.line_mode = False
        else:
            position = self._unfinished_block(position, out)
        self.line = self._line_at(position)
        self.offset += position
        if position > self._last_end:
            self._gap += text[self._last_end:position]
        self.pending = text[position:]
        self._text = ""
        return out

    def _line_at(self, position):
        self._cursor_line += self._text.count("\n", self._cursor, position)
        self._cursor = position
        return self._cursor_line

    def _unfinished_block(self, position, out):
        """Hand on what is already certain of the block still being read."""
        text = self._text
        if not self.line_mode and (len(text) - position > MAX_WRAPPED_BLOCK
                                   or has_long_line(text, position, len(text))):
            self.line_mode = True
        if self.line_mode:
            cut = text.rfind("\n", position)
            if cut > position:
                self._block(position, cut, out, True)
                position = cut   # the newline stays: a blank line may follow it
        if len(text) - position > MAX_PIECE:
            # One endless line: hand on a piece, cut after a space if there is one.
            cut = text.rfind(" ", len(text) - 4096, len(text))
            cut = cut + 1 if cut > position else len(text)
            self._emit(position, cut, out, complete=False)
            position = cut
        return position

    def _block(self, start, end, out, one_per_line):
        """Append the paragraphs of text[start:end] to out."""
        text = self._text
        if one_per_line or (text.find("\n", start, end) >= 0 and (
                end - start > MAX_WRAPPED_BLOCK or has_long_line(text, start, end))):
            line_start = start
            while line_start < end:
                line_end = text.find("\n", line_start, end)
                if line_end < 0:
                    line_end = end
                self._paragraph(line_start, line_end, out)
                line_start = line_end + 1
        else:
            self._paragraph(start, end, out)

    def _paragraph(self, start, end, out):
        # Blank lines whose run was cut between two pieces of input belong
        # to the gap, as they would had the input come in one piece.
        blank = LEADING_BLANK_LINES.match(self._text, start, end)
        if blank is not None:
            start = blank.end()
        while end > start and self._text[end - 1] in "\r\n":
            end -= 1   # the last line's break, as blank lines end every other paragraph
        if end > start and not self._text[start:end].isspace():
            self._emit(start, end, out)

    def _emit(self, start, end, out, complete=True):
        text = self._text
        gap = self._gap + text[self._last_end:start]
        self._gap, self._last_end = "", end
        out.append(Paragraph(self.offset + start, text[start:end], self._line_at(start),
                             complete, gap))


# --------------------------------------------------------------------------
# Find quote spans
# --------------------------------------------------------------------------

#: Every character sequence that may be a quotation mark.  Doubled
#: apostrophes and backticks (LaTeX, Project Gutenberg, newspaper archives)
#: are read as one mark.  (The pattern opens with the set of marks, which
#: lets a search skip quickly to the next one.)
MARK = re.compile(r"[\"'`\u201c\u201d\u2018\u2019\u201e\u201a\u00ab\u00bb\u2039\u203a"
                  r"\u300c\u300d\u300e\u300f](?:(?<=')'|(?<=`)`)?")

# Families: an opening mark is closed only by a mark of its own family.
DOUBLE, SINGLE, GUILLEMET, ANGLE, CORNER, WHITE_CORNER = "double", "single", "«»", "‹›", "「」", "『』"

#: The family of each mark and what it is when its neighbours do not tell.
#: "open"/"close" follow the glyph; "either" (straight marks) follows the
#: pairing state.
GLYPHS = {
    '"': (DOUBLE, "either"), "''": (DOUBLE, "either"), "``": (DOUBLE, "open"),
    "\u201c": (DOUBLE, "open"), "\u201d": (DOUBLE, "close"), "\u201e": (DOUBLE, "open"),
    "'": (SINGLE, "either"), "\u2018": (SINGLE, "open"), "\u2019": (SINGLE, "close"),
    "\u201a": (SINGLE, "open"), "`": (SINGLE, "open"),
    "\u00ab": (GUILLEMET, "open"), "\u00bb": (GUILLEMET, "close"),
    "\u2039": (ANGLE, "open"), "\u203a": (ANGLE, "close"),
    "\u300c": (CORNER, "open"), "\u300d": (CORNER, "close"),
    "\u300e": (WHITE_CORNER, "open"), "\u300f": (WHITE_CORNER, "close"),
}
#: Marks whose role never depends on their neighbours.
FIXED_ROLE = frozenset(("``", "`", "\u201e", "\u201a", "\u300c", "\u300d", "\u300e", "\u300f"))

OPEN, CLOSE, EITHER, MAYBE_CLOSE = "open", "close", "either", "maybe-close"
#: Opening marks that are just as often something else (an apostrophe).
AMBIGUOUS_OPENERS = frozenset(("'", '"', "''"))

SPACES = frozenset(" \t\n\r\f\v\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
                   "\u2008\u2009\u200a\u202f\u205f\u3000\u200b\ufeff")
OPENING_GLYPHS = "\u201c\u2018\u201e\u201a\u00ab\u2039\u300c\u300e`\"'"
CLOSING_GLYPHS = "\u201d\u2019\u00bb\u203a\u300d\u300f\"'"
#: What may stand just before an opening mark (besides space): brackets,
#: dashes, slashes and other opening marks, as in (“…”), —“…”, “‘…’”.
BEFORE_OPENING = SPACES | frozenset("([{<\u2014\u2015\u2013-/\u2012") | frozenset(OPENING_GLYPHS) | {""}
#: Marks that only ever open: a mark right after one opens too (“‘…).
STRICT_OPENERS = frozenset("\u201c\u2018\u201e\u201a\u00ab\u2039\u300c\u300e`") | {""}
#: Punctuation that ends a phrase: a mark just before it closes a quote.
CLOSING_PUNCTUATION = frozenset(".,;:!?)]}\u2026") | {""}
#: What may stand just after a closing mark: punctuation, brackets, dashes.
AFTER_CLOSING = (SPACES | frozenset(".,;:!?)]}>\u2014\u2015\u2013-/\u2026*")
                 | frozenset(CLOSING_GLYPHS) | {""})

#: Words that begin with an apostrophe standing for left-out letters, so a
#: mark before them is not an opening quote: 'tis, 'em, rock 'n' roll.
ELISIONS = frozenset("""
    tis twas twere twill twould twon em im er n cause cos coz cept til till
    bout round fore neath nough gainst mongst midst ere e ave ow alf ome appen
    spose sposin pears peared taint twixt tother un uns ud ll ve re d s t m
    scuse xcept lo low ard eard ead imself erself ear ere eres
    """.split())
WORD_AFTER = re.compile(r"[^\W\d_]+")
#: A later mark in the paragraph that could close a single quote; used to
#: tell "the players’ union" (apostrophe) from "…the players’" (close).
SINGLE_CLOSER = re.compile(r"(?<=[^\s])[\u2019'](?=[\s.,;:!?)\]}\u2014\u2013\u2026\u201d\"]|$)")
DOUBLE_CLOSER = re.compile(r"(?<=[^\s\d])(?:[\"\u201d]|'')(?=[\s.,;:!?)\]}\u2014\u2013\u2026\u2019']|$)")
LATER_CLOSER = {SINGLE: SINGLE_CLOSER, DOUBLE: DOUBLE_CLOSER}
LATER_OPENER = {SINGLE: re.compile(r"(?:(?<=[\s(\[\u2014\u201c\"])|^)[\u2018'](?=\w)"),
                DOUBLE: re.compile(r"(?:(?<=[\s(\[\u2014\u2018'])|^)[\u201c\"](?=\w)")}
#: A short number (feet and inches, degrees) right before a mark: 12", 5'10".
START_OF_NUMBER = re.compile(r"(?<!\d)\d{1,3}$")

#: Dash dialogue: a paragraph that opens with an em dash or horizontal bar
#: straight before the words (a no-break space may stand between, as in
#: French typesetting); a dash and a plain space is a list item.
DASH_DIALOGUE = re.compile(r"[ \t]*([\u2014\u2015])(?P<space>[ \u00a0\u202f]?)(?=[^\W\d_]|[¿¡«\"\u201c\u2026])")
#: With a plain space after the dash, a paragraph could as well be a list
#: item: it is speech when it asks, exclaims or speaks to or as someone.
SPEECH_SIGNS = re.compile(r"[?!¡¿\u2026]|\b(?:I|you|your|we|me|my|je|j['’]|tu|vous|nous|moi|toi|"
                          r"yo|tú|usted|ich|du|wir|ihr)\b", re.I)
#: In dash dialogue the narration is opened by a dash after a space.
NARRATION_DASH = re.compile(r"\s[\u2014\u2015]")

#: A run of straight double marks, each of which (inside the run) may open
#: or close.
STRAIGHT_RUN = re.compile(r'"+')

#: Marks that open whenever the characters on both sides are such marks too
#: ("“‘“‘"): inside a run of them, their role needs no reading.
OPENERS_BETWEEN_OPENERS = "\u201c\u2018\u201e\u201a\u00ab\u2039\u300c\u300e"
OPENER_RUN = re.compile("[%s]*" % OPENERS_BETWEEN_OPENERS)

#: How far ahead (in characters) a later closing mark is looked for.
APOSTROPHE_LOOKAHEAD = 2000
#: Real text never nests deeper than a few levels; past this, marks are
#: ignored so that pathological input stays cheap.
MAX_DEPTH = 32
#: A quote still open after this many characters is not a quote.
MAX_QUOTE_LENGTH = 1 << 20


def classify(glyph: str, before: str, after: str) -> Optional[str]:
    """The role of a mark between the characters before and after it:
    OPEN, CLOSE, EITHER (pairing decides), MAYBE_CLOSE (a close only if
    nothing later closes better), or None (an apostrophe or prime).

    >>> classify("'", "n", "t"), classify("'", " ", "9"), classify("'", " ", "T")
    (None, None, 'open')
    >>> classify("\u2019", "s", " "), classify("\u2018", " ", "W"), classify('"', "0", " ")
    ('maybe-close', 'open', 'maybe-close')
    """
    family, default = GLYPHS[glyph]
    if glyph in FIXED_ROLE:
        return default
    left = before in BEFORE_OPENING and after not in SPACES and after not in CLOSING_PUNCTUATION
    right = after in AFTER_CLOSING and before not in SPACES and before not in STRICT_OPENERS
    if family == SINGLE:
        if before.isalnum() and after.isalnum():
            return None  # don't, Putin’s, o'clock, 5'10
        if left and not right:
            return None if after.isdigit() else OPEN  # '90s
        if right and not left:
            return MAYBE_CLOSE if before.isalpha() else CLOSE
        if (before in SPACES or before == "") and (after in SPACES or after == ""):
            return None   # a lone mark between spaces (or paragraph ends)
        return default
    if family == DOUBLE and before.isdigit() and not left:
        return MAYBE_CLOSE  # 5'10", a 12" ruler; or the close of "… 1999"
    if family in (GUILLEMET, ANGLE):
        if glyph in "\u00ab\u2039":
            return CLOSE if right and not left else OPEN   # German »…« closes with «
        return OPEN if left and not right else CLOSE
    if left and not right:
        return OPEN
    if right and not left:
        return CLOSE
    return default


class _Open:
    """An opening mark waiting for its close."""
    __slots__ = ("family", "glyph", "start", "content_start", "paragraph", "nested")

    def __init__(self, family, glyph, start, content_start, paragraph):
        self.family, self.glyph = family, glyph
        self.start, self.content_start = start, content_start
        self.paragraph = paragraph
        self.nested: List[Quote] = []


class QuoteScanner:
    """Pair the quotation marks of a document, paragraph by paragraph.

    ``feed(paragraph)`` returns the top-level quotes completed so far, each
    with its nested quotes in ``Quote.nested``; ``finish()`` the rest.

    >>> scanner = QuoteScanner()
    >>> [q.text for q in scanner.feed(Paragraph(0, '"One," he said. "Two.', 1))]
    ['One,']
    >>> [q.text for q in scanner.feed(Paragraph(22, '"Three."', 3, gap='\\n\\n'))]
    ['Two.\\n\\n"Three.']
    """

    def __init__(self):
        self.stack: List[_Open] = []
        self.carried: Optional[_Open] = None  # unclosed at the end of the last paragraph
        self.carried_text: List[str] = []     # document text from carried_start on
        self.carried_length = 0
        self.carried_start = 0
        self.top_level_count = {DOUBLE: 0, SINGLE: 0}
        self.dash_dialogue_before = False  # the last paragraph was dash dialogue
        self.line_cache = (None, 0, 1)     # (paragraph, index, line of that index)
        self.out: List[Quote] = []

    # -- the public steps

    def feed(self, paragraph: Paragraph) -> List[Quote]:
        out, self.out = self.settle(paragraph), []
        text = paragraph.text
        position = 0
        if self.carried is not None:
            position = self._reopen(paragraph)
        elif self.stack:  # the last piece was cut from a longer paragraph
            self._carry_text(paragraph.gap)
        dash_dialogue_before, self.dash_dialogue_before = self.dash_dialogue_before, False
        if not self.stack:
            position = self._dash_dialogue(paragraph, position, dash_dialogue_before)
        mark = MARK.search(text, position)
        while mark is not None:
            glyph = mark.group()
            start, end = mark.span()
            role = classify(glyph, text[start - 1] if start else "", text[end:end + 1])
            if role is not None:
                self._mark(paragraph, glyph, role, start, end)
            if glyph == '"' and text.startswith('""', end):
                end = self._skip_empty_pairs(paragraph, start, end)
            elif len(self.stack) >= MAX_DEPTH and glyph in OPENERS_BETWEEN_OPENERS:
                # Past the depth limit openers are ignored: pass over a run
                # of them, all but its last, which meets the character after.
                end = OPENER_RUN.match(text, end).end()
                end = max(mark.end(), end - 1)
            mark = MARK.search(text, end)
        if paragraph.complete:
            self._end_paragraph(paragraph)
        elif self.stack:
            self._carry_text(paragraph.text, paragraph.start)
        return out + self.out

    def finish(self) -> List[Quote]:
        self.out = []
        if self.carried is not None:
            self._drop(self.carried)
        self.carried = None
        self._reset_carry()
        return self.out

    # -- pairing

    def _mark(self, paragraph, glyph, role, start, end):
        family = GLYPHS[glyph][0]
        if role is not OPEN:
            stack = self.stack
            for index in range(len(stack) - 1, -1, -1):
                if stack[index].family == family:
                    if role is MAYBE_CLOSE and self._apostrophe_or_prime(
                            family, paragraph.text, start, end):
                        return
                    self._close(index, paragraph, start, end)
                    return
            if role is not EITHER:
                return  # a stray closing mark, an apostrophe or a prime
        if family == SINGLE and self._is_elision(paragraph.text, end):
            return  # 'tis, ’em, rock 'n' roll
        if len(self.stack) < MAX_DEPTH:
            self.stack.append(_Open(family, glyph, paragraph.start + start,
                                    paragraph.start + end, paragraph))

    def _skip_empty_pairs(self, paragraph, start, end):
        """Where to go on after the straight mark at ``start`` opened a quote
        that more straight marks follow: inside a run of them each pair
        closes an empty quote (which is no quote) and opens the next,
        so whole pairs are passed over at once, and the run's last mark is
        left to meet the character after it.  Keeps a run of thousands of
        marks from costing a step each."""
        top = self.stack[-1] if self.stack else None
        if top is None or top.start != paragraph.start + start:
            return end   # the mark closed a quote, or was ignored
        if any(opening.family == DOUBLE for opening in self.stack[:-1]):
            return end   # the second mark of a pair closes this one, the third the one outside
        run_end = STRAIGHT_RUN.match(paragraph.text, end).end()
        pairs = (run_end - 1 - end) // 2
        top.start += 2 * pairs
        top.content_start += 2 * pairs
        return end + 2 * pairs

    @staticmethod
    def _is_elision(text, after):
        word = WORD_AFTER.match(text, after)
        return word is not None and word.group().lower() in ELISIONS and (
            word.end() == len(text) or text[word.end()] not in "'\u2019"
            or word.group().lower() == "n")

    @staticmethod
    def _apostrophe_or_prime(family, text, start, end):
        """Whether a mark that could close the open quote is rather the
        apostrophe of "the players’ union", "goin'", or the prime of 12":
        only when the word before allows it and a later mark can close."""
        if family == SINGLE:
            if text[start - 2:start] in ("'n", "\u2019n", "\u2018n"):
                return True   # the second apostrophe of rock 'n' roll
            before = text[start - 1]
            if before not in "sSzZ" and text[start - 2:start] != "in":
                return False
        elif START_OF_NUMBER.search(text, max(0, start - 5), start) is None:
            return False  # "… in 1999": four digits are a year, not inches
        later = LATER_CLOSER[family].search(text, end, end + APOSTROPHE_LOOKAHEAD)
        if later is None:
            return False
        # "'Harbour Lights' returns … 'The Owl'": the later mark closes a
        # quote of its own.
        return LATER_OPENER[family].search(text, end, later.start()) is None

    def _close(self, index, paragraph, start, end):
        stack = self.stack
        opening = stack[index]
        for inner in stack[index + 1:]:   # opened inside and never closed
            opening.nested.extend(inner.nested)
        del stack[index:]
        content_end = paragraph.start + start
        if opening.content_start >= paragraph.start:
            words = paragraph.text[opening.content_start - paragraph.start:start]
        else:
            words = "".join(self.carried_text) + paragraph.text[:start]
            words = words[opening.content_start - self.carried_start:]
        if not stack:
            self._reset_carry()
        if not words or words.isspace():
            return  # "" is not a quote
        quote = Quote(words, opening.start, content_end + (end - start),
                      marks=(opening.glyph, paragraph.text[start:end]),
                      nested=opening.nested,
                      context=QuoteContext(paragraph, opening.paragraph))
        quote.line = self._line_of(opening.paragraph, opening.start - opening.paragraph.start)
        if stack:
            stack[-1].nested.append(quote)
        elif self._fits_convention(opening.family, quote):
            self.out.append(quote)
        else:
            self.out.extend(quote.nested)

    def _line_of(self, paragraph, index):
        """Line number of paragraph.text[index]; quotes come in order, so
        lines are counted from the last quote on, not from the start."""
        if self.line_cache[0] is not paragraph or self.line_cache[1] > index:
            self.line_cache = (paragraph, 0, paragraph.line)
        _, counted_to, line = self.line_cache
        line += paragraph.text.count("\n", counted_to, index)
        self.line_cache = (paragraph, index, line)
        return line

    def _fits_convention(self, family, quote):
        """A top-level quote in the document's minor family that holds one
        in its major family had its marks misread (an apostrophe taken for
        an opening single quote, say): keep what it holds instead."""
        counts = self.top_level_count
        if family not in counts:
            return True
        other = SINGLE if family == DOUBLE else DOUBLE
        if quote.marks[0] in AMBIGUOUS_OPENERS and counts[other] > counts[family] and any(
                GLYPHS[q.marks[0]][0] == other for q in quote.nested):
            return False
        counts[family] += 1
        return True

    # -- paragraphs

    def _end_paragraph(self, paragraph):
        if not self.stack:
            return
        outer = self.stack[0]
        for inner in self.stack[1:]:
            outer.nested.extend(inner.nested)
        self.stack = []
        self._carry_text(paragraph.text, paragraph.start)
        if self.carried_length > MAX_QUOTE_LENGTH:
            self._drop(outer)
            self._reset_carry()
        else:
            self.carried = outer

    def all_quoted(self, paragraph: Paragraph) -> bool:
        """Whether all of ``paragraph`` lies inside the quotation it leaves open."""
        carried = self.carried
        if carried is None:
            return False
        if carried.paragraph is not paragraph:
            return True
        return not paragraph.text[:carried.start - paragraph.start].strip()

    def settle(self, paragraph: Paragraph) -> List[Quote]:
        """Before ``feed(paragraph)``: if the quote left open by the last
        paragraph does not go on in this one, drop it and return the quotes
        it held, which belong to the paragraphs before."""
        self.out = []
        if self.carried is not None and self._reopening(paragraph) is None:
            self._drop(self.carried)
            self.carried = None
            self._reset_carry()
        return self.out

    def _reopening(self, paragraph):
        """Where the carried quote goes on in this paragraph (the index after
        its re-opening mark), or None if it does not."""
        carried, text = self.carried, paragraph.text
        first = len(text) - len(text.lstrip())
        mark = MARK.match(text, first)
        if mark is not None:
            glyph = mark.group()
            role = classify(glyph, "", text[mark.end():mark.end() + 1])
            if GLYPHS[glyph][0] == carried.family and role in (OPEN, EITHER):
                return mark.end()
        # Some texts break a long quotation into paragraphs without
        # re-opening it: the quote goes on if this paragraph's first mark closes it.
        mark = MARK.search(text, first)
        if mark is not None:
            glyph = mark.group()
            role = classify(glyph, text[mark.start() - 1] if mark.start() else "",
                            text[mark.end():mark.end() + 1])
            if GLYPHS[glyph][0] == carried.family and role is CLOSE:
                return first
        return None

    def _reopen(self, paragraph):
        """Continue the carried quote in this paragraph."""
        position = self._reopening(paragraph)
        carried, self.carried = self.carried, None
        if position is None:   # feed() without settle(): drop it here
            self._drop(carried)
            self._reset_carry()
            return 0
        self._carry_text(paragraph.gap)
        self.stack = [carried]
        return position

    def _drop(self, opening):
        """An unclosed quote is no quote: what it held is kept."""
        self.out.extend(opening.nested)

    def _carry_text(self, text, start=None):
        if not self.carried_text and start is not None:
            self.carried_start = start
        if text:
            self.carried_text.append(text)
            self.carried_length += len(text)

    def _reset_carry(self):
        self.carried_text = []
        self.carried_length = 0

    def _dash_dialogue(self, paragraph, position, dash_dialogue_before):
        """Dash dialogue: the spoken words after an opening em dash, up to
        the dash that opens the narration or the end of the paragraph."""
        text = paragraph.text
        dash = DASH_DIALOGUE.match(text, position)
        if dash is None:
            return position
        if (dash.group("space") == " " and not dash_dialogue_before
                and SPEECH_SIGNS.search(text, dash.end()) is None):
            return position
        narration = NARRATION_DASH.search(text, dash.end())
        end = narration.start() if narration else len(text)
        while end > dash.end() and text[end - 1] in SPACES:
            end -= 1
        words = text[dash.end(1):end].strip()
        if not words:
            return position
        start = dash.start(1)
        self.dash_dialogue_before = True
        self.out.append(Quote(words, paragraph.start + start, paragraph.start + end,
                              line=self._line_of(paragraph, start),
                              marks=(dash.group(1), ""),
                              context=QuoteContext(paragraph, paragraph)))
        return end


# --------------------------------------------------------------------------
# Speaker mentions and cues
# --------------------------------------------------------------------------

#: Verbs that report speech or writing, by their base form; every tense is
#: made from these (see ``_verb_forms``).  Grouped by what they report.
SPEECH_VERBS = {
    "plain saying": "say tell add state note remark comment mention observe report repeat "
                    "continue explain describe recount relate respond reply answer return rejoin "
                    "retort counter acknowledge confirm announce declare",
    "asking": "ask inquire enquire query question demand wonder beg plead request",
    "arguing": "argue insist assert maintain contend claim stress emphasize emphasise "
               "underscore object protest complain grumble admit concede confess "
               "deny agree disagree conclude reason suggest propose recommend urge advise "
               "warn caution threaten predict promise vow pledge swear assure reassure "
               "boast joke tease recall testify estimate indicate allege brag "
               "reiterate speculate proclaim",
    "manner of voice": "cry shout yell scream shriek call exclaim whisper murmur mutter "
                       "mumble stammer stutter gasp sigh sob groan moan laugh chuckle giggle "
                       "snap snarl growl hiss sneer drawl breathe blurt bellow roar thunder "
                       "squeal whimper wail lament chime interrupt interject venture muse "
                       "reckon exult grunt purr coo croak rasp bark falter vociferate snort "
                       "scoff jeer taunt mock titter chortle whine quip chant fume",
    "taking up the talk": "begin resume pursue persist proceed interpose rejoin add ejaculate "
                          "expostulate remonstrate assent demur hazard hint insinuate chide scold "
                          "rebuke reproach entreat implore beseech command order bid greet hail "
                          "address accost interrogate opine soothe coax quote instruct preach "
                          "weep",
    "a gesture standing for the words": "smile grin nod shrug frown beam wink",
    "writing": "write tweet post blog text email message publish read",
    "judging": "accuse criticize criticise condemn praise blast slam decry dismiss dub hail "
               "liken denounce deride",
    "news reporting": "proclaim surmise exhort gripe brag marvel rebut",
}
#: Everyday cue verbs of other languages whose quotation marks the scanner
#: reads (guillemets, low-9 marks, dash dialogue), as they are written.
FOREIGN_SPEECH_VERBS = """
    sagte sagt sagten erklärte erklärt fragte fragt antwortete antwortet meinte meint betonte
    rief schrieb ergänzte dit déclare répond répondit demande demanda affirme ajoute ajouta
    explique expliqua lança murmura s'écria dijo dice preguntó respondió contestó añadió
    exclamó gritó murmuró explicó afirmó declaró powiedział powiedziała mówi dodał dodała
    zapytał zapytała odpowiedział odpowiedziała stwierdził stwierdziła sagde siger spurgte
    svarede disse chiese rispose""".split()
#: Forms that the rules of ``_verb_forms`` would get wrong.
IRREGULAR_VERB_FORMS = {
    "say": "said says saying", "tell": "told tells telling", "write": "wrote writes writing written",
    "swear": "swore sworn swears swearing", "breathe": "breathed breathes breathing",
    "cry": "cried cries crying", "reply": "replied replies replying",
    "query": "queried queries querying", "testify": "testified testifies testifying",
    "think": "thought thinks thinking", "begin": "began begun begins beginning",
    "bid": "bade bids bidding", "read": "reads", "weep": "wept weeps weeping",
}
#: One-syllable verbs that double their last consonant: snap, snapped.
DOUBLING_VERBS = frozenset("snap sob admit plan quip nag chat beg blab jab gab grin nod brag rebut "
                           "chip blog".split())
#: Speech cues of more than one word.
SPEECH_PHRASES = ("went on", "goes on", "put in", "puts in", "broke in", "breaks in", "broke out",
                  "burst out", "called out", "cried out", "spoke up", "chimed in", "thought",
                  "pointed out", "points out", "pointing out", "shot back", "shoots back",
                  "fired back", "fires back", "hit back", "hits back", "snapped back")


def _verb_forms(lemma: str) -> List[str]:
    """Every tense of a speech verb: say -> said, says, saying.

    >>> _verb_forms("snap"), _verb_forms("note")
    (['snap', 'snaps', 'snapped', 'snapping'], ['note', 'notes', 'noted', 'noting'])
    """
    if lemma in IRREGULAR_VERB_FORMS:
        return [lemma] + IRREGULAR_VERB_FORMS[lemma].split()
    if lemma in DOUBLING_VERBS:
        stem = lemma + lemma[-1]
        return [lemma, lemma + "s", stem + "ed", stem + "ing"]
    if lemma.endswith("e"):
        return [lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"]
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return [lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"]
    third = lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x", "z", "o")) else "s")
    return [lemma, third, lemma + "ed", lemma + "ing"]


def trie_pattern(words) -> str:
    """One regular expression for many words, shaped as a trie so that the
    engine tries each letter once instead of each word in turn.

    >>> trie_pattern(["said", "says", "sang"])
    'sa(?:id|ng|ys)'
    >>> bool(re.fullmatch(trie_pattern(["went on", "went"]), "went  on"))
    True
    """
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node):
        branches = [(r"\s+" if char == " " else re.escape(char)) + pattern(child)
                    for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        if "" in node:   # a word ends here: what follows is optional
            return "(?:%s)?" % "|".join(branches)
        return branches[0] if len(branches) == 1 else "(?:%s)" % "|".join(branches)

    return pattern(trie)


ALL_SPEECH_VERBS = sorted({form for group in SPEECH_VERBS.values() for lemma in group.split()
                           for form in _verb_forms(lemma)} | set(SPEECH_PHRASES)
                          | set(FOREIGN_SPEECH_VERBS),
                          key=len, reverse=True)
VERB = trie_pattern(ALL_SPEECH_VERBS)
SPEECH_VERB_FORMS = frozenset(ALL_SPEECH_VERBS)
#: Where a speech verb starts.  The trie is long and slow to compile, so it
#: is compiled once: each rule finds the verb here and matches its own
#: words around it (see ``_and_shorter``).
VERB_START = re.compile(r"\b(?:%s)" % VERB)


def _and_shorter(text, verb):
    """``verb`` (a match of VERB_START), then the shorter speech verbs that
    start where it does, longest first: "went on", then "went".  This is the
    order in which a pattern holding the trie would try them."""
    while verb is not None:
        yield verb
        verb = VERB_START.match(text, verb.start(), verb.end() - 1)


def _ends_word(text, end, endpos):
    return end >= endpos or not (text[end].isalnum() or text[end] == "_")


def speech_verb_at(text, pos, endpos=None):
    """The longest speech verb that is a whole word at ``pos``, or None.

    >>> speech_verb_at("she said so", 4).group(), speech_verb_at("essays", 2)
    ('said', None)
    """
    endpos = len(text) if endpos is None else endpos
    for verb in _and_shorter(text, VERB_START.match(text, pos, endpos)):
        if _ends_word(text, verb.end(), endpos):
            return verb
    return None


def speech_verbs_in(text):
    """Every speech verb of ``text`` that is a whole word, left to right.

    >>> [verb.group() for verb in speech_verbs_in("He said, sighing, that she went on")]
    ['said', 'sighing', 'went on']
    """
    pos = 0
    while True:
        found = VERB_START.search(text, pos)
        if found is None:
            return
        verb = speech_verb_at(text, found.start())
        if verb is None:
            pos = found.start() + 1
        else:
            yield verb
            pos = verb.end()

#: Titles before a name; they carry gender where they can.
MALE_TITLES = frozenset("mr mister sir lord king prince duke count baron father brother uncle "
                        "monsieur m herr signor senor don master".split())
FEMALE_TITLES = frozenset("mrs miss ms lady queen princess duchess countess baroness mother "
                          "sister aunt madame mme mlle mademoiselle madam frau fraulein signora "
                          "senora dona dame mistress".split())
NEUTRAL_TITLES = frozenset("dr doctor prof professor rev reverend capt captain col colonel gen "
                           "general maj major lt lieutenant sgt sergeant cmdr commander adm admiral "
                           "gov governor sen senator rep representative president pres vice prime "
                           "minister secretary chancellor judge justice mayor ambassador chairman "
                           "chairwoman chair chief inspector detective officer agent dean saint st "
                           "rabbi imam bishop cardinal pope coach speaker premier sheikh emir "
                           "ayatollah attorney deputy spokesman spokeswoman spokesperson".split())
TITLES = MALE_TITLES | FEMALE_TITLES | NEUTRAL_TITLES
#: Words a story puts before a title to tell two bearers of a name apart:
#: "Old Mr. Garrow", "Young Mrs. Finch".
NAME_EPITHETS = frozenset("old young little poor dear elder younger".split())
#: The noun a title stands for, so that "the doctor" finds "Dr. Bauerstein".
TITLE_ROLES = {"dr": "doctor", "doctor": "doctor", "capt": "captain", "captain": "captain",
               "col": "colonel", "colonel": "colonel", "gen": "general", "general": "general",
               "maj": "major", "major": "major", "insp": "inspector", "inspector": "inspector",
               "prof": "professor", "professor": "professor", "rev": "clergyman",
               "sgt": "sergeant", "sergeant": "sergeant", "lt": "lieutenant",
               "judge": "judge", "president": "president", "senator": "senator",
               "governor": "governor", "mayor": "mayor", "king": "king", "queen": "queen"}

#: Lower-case words of a role in front of a name ("Kremlin spokesman Dmitry
#: Peskov", "national security adviser Lena Varga"): part of the mention,
#: not of the name.
ROLE_WORDS = frozenset("""
    spokesman spokeswoman spokesperson secretary adviser advisor minister president
    press national security foreign defense defence interior finance prime deputy vice
    chief executive officer director head leader chairman chairwoman chair founder
    senator representative governor mayor ambassador envoy general commander analyst
    economist professor lawyer attorney prosecutor judge candidate manager coach
    official officials aide author researcher expert spokespeople former then acting
    state senior junior top party opposition rival campaign presidential ex
    front-runner frontrunner nominee hopeful strategist pollster consultant commentator
    columnist host anchor activist organizer organiser challenger incumbent contender
    businessman businesswoman billionaire congressman congresswoman lawmaker legislator
    delegate superdelegate
    """.split())

#: Endings of nouns for what people do: a lower-case word so ending stands
#: for a role before a name ("shopkeeper Donal Keane", "surveyor Ines Cardoso").
ROLE_SUFFIX = r"(?:er|or|ist|man|woman|person|ent|ant|ian|ee|ive|ary|ess|ic|ier|eer)s?"
ROLE_WORD = re.compile(r"[A-Za-z]+%s$" % ROLE_SUFFIX)

#: Lower-case words that cannot stand in a role before a name: with them the
#: words before the name are a clause ("according to a statement from
#: adviser Lena Varga"), not a title ("port authority chief executive").
NOT_ROLE_WORDS = frozenset("""
    to from with about that which who whom whose and but or for into onto after before than
    then when where while according by at in on of as said says told asked also had has have
    was were is are been be will would could should did does do not no""".split())

#: "he" or "she" as a word, by the gender it points to.
PRONOUN_OF_GENDER = {"m": re.compile(r"\b[Hh]e\b"), "f": re.compile(r"\b[Ss]he\b")}

#: Subject pronouns, with the gender they point to.
PRONOUN_GENDER = {"he": "m", "she": "f", "they": None, "we": None, "i": None, "you": None, "it": None,
                  # the same in the other languages of FOREIGN_SPEECH_VERBS
                  "er": "m", "il": "m", "él": "m", "lui": "m",
                  "sie": "f", "elle": "f", "ella": "f", "ona": "f", "lei": "f"}

#: Nouns that describe a person of a known gender ("the old man cried").
MALE_NOUNS = frozenset("man men boy gentleman fellow husband father son brother uncle king "
                       "prince lord sir master lad gentlemen nephew grandfather".split())
FEMALE_NOUNS = frozenset("woman women girl lady wife mother daughter sister aunt queen princess "
                         "maid madam mistress lass niece grandmother widow".split())

#: Given names that tell gender: enough common English ones to resolve
#: "she said" after "Alice", without a download.
MALE_NAMES = frozenset("""
    aaron adam alan albert alexander alfred allan andrew anthony archibald arthur augustus
    barack ben benjamin bernard bill bob brian bruce carl cecil charles charley charlie
    christopher clarence colin daniel david dick dmitry donald dorian douglas edgar edmund
    edward edwin ernest eugene frank franklin fred frederick gabriel geoffrey george gerald
    gilbert godfrey harold harry henry herbert horace howard hugh isaac jack jacob james
    jasper jeff jim jimmy joe john jonathan joseph joshua julian kenneth kevin larry
    lawrence leonard lewis louis luke mark martin matthew maurice michael mike nathaniel
    ned nicholas noah oliver oscar patrick paul peter philip ralph raymond richard robert
    roger ronald rupert sam samuel sebastian sergei silas simon stephen steve steven ted
    theodore thomas tim timothy toby tom tommy tony vladimir walter william willie
    volodymyr marco emmanuel boris xi narendra recep benjamin joe hunter huck jim
    """.split())
FEMALE_NAMES = frozenset("""
    abigail ada agnes alice amelia amy ann anna anne annie barbara beatrice bella betty
    bridget caroline catherine cecilia charlotte clara claire constance cynthia daisy
    diana dinah dora dorothy edith eleanor elinor eliza elizabeth ella ellen elsie emily
    emma esther ethel eva evelyn fanny florence frances georgiana grace hannah harriet
    helen helena henrietta hillary isabel isabella jane janet jean jennifer jessie joan
    josephine judith julia juliet karoline kate katherine kitty laura lavinia lizzy louisa
    lucy lydia mabel margaret maria marian marianne marie martha mary maud meg milly
    miriam molly nancy nell nelly nora olivia pamela patricia pauline phoebe polly rachel
    rebecca rose ruth sally sarah sophia sophie susan theresa ursula victoria violet
    virginia winifred angela theresa kamala nikki sandra ana maria marine ursula
    edna adele catherine georgie tuppence carol hester pearl
    """.split())

#: Given names common in news reports (politicians, officials, the people
#: reporters interview; names used for both sexes left out), added to the
#: lists above so that "she said" finds them.
MALE_NAMES = MALE_NAMES | frozenset("""
    adam alex andy barney bernie bobby brad brandon brent bret chad chris clint
    cory craig curt dan danny darrell dennis derek doug duncan dwight
    eddie eric evan gary glenn greg gregory herman ian jake jared jason jay jeb jerry
    jesse joel jon jonah josh juan keith ken kenny kirk kurt lamar
    lou luis marc marco mario matt mitch mitt nate neil newt nick orrin rand randy
    reince rick robby ron ronnie ross roy russ ryan scott sean seth shawn sheldon
    stuart ted todd travis trey troy tyler vince wayne wes xavier zach
    """.split())
FEMALE_NAMES = FEMALE_NAMES | frozenset("""
    abby alicia allison amanda andrea angie anne-marie barb becky beth betsy
    brenda brianne brittany carla carly carmen carrie cathy cheryl christine cindy claudia
    colleen courtney debbie deborah debra denise diane dianne donna elaine elise
    erin gina gloria gwen heather heidi huma irene jackie jeanne jenna jenny jessica
    jill jodi joni judy julie karen kathleen kathy katie kellyanne kimberley
    kimberly kristen lauren leah linda lisa liz lori lorraine loretta madeleine marcia marsha
    megan melania melissa michelle monica nancy natalie nicole nina patty paula peggy priscilla
    renee rhonda rita roberta roxanne samantha sharon sheila shelley stacey
    stephanie susana suzanne tammy tara teresa tiffany tina valerie vanessa wendy
    yvonne zoe
    """.split())
#: Given names common in reports from elsewhere in the world, for the same
#: reason (again none used for both sexes).
MALE_NAMES = MALE_NAMES | frozenset("""
    ahmad ahmed ali amir anatoly andrei andres antonio arjun boris carlos cesar dmitri
    emmanuel enrique fernando francisco giorgio giovanni giuseppe gustavo hans hassan hector
    hiroshi hussein igor ivan ivo javier jens joaquin jorge jose juergen jurgen karl khalid
    klaus kwame lars lorenzo luca luigi lukas magnus manuel marcel marcus mateo matteo mehmet
    miguel mikhail mohamed mohammed muhammad nikolai olaf oleg oleksandr omar pablo paolo
    pavel pedro pierre rafael rahul ramon rashid ricardo roberto rolf sanjay sergei sergey
    stefan sven takeshi tariq tomas tunde vikram vladimir volodymyr wolfgang yuri yusuf
    """.split())
FEMALE_NAMES = FEMALE_NAMES | frozenset("""
    agnieszka aisha alejandra alessandra amina anastasia anja anjali astrid beatriz birgit
    brigitte camila carolina catalina chiara daniela elena fatima francesca gabriela greta
    hanna ilse ines ingrid irina isabelle jana katarina katrin kerstin ksenia lena leticia
    lucia ludmila magdalena malgorzata mariana marta monika nadia natalia natasha ngozi olga
    paola petra priya raquel rosa sabine silvia sofia sunita svetlana tatiana tereza ulrike
    valentina veronika yelena yulia zainab
    """.split())
#: Given names of the English and American novels of the last two centuries,
#: for the same reason (none that is also a common word: no Miles, Guy, Ivy).
MALE_NAMES = MALE_NAMES | frozenset("""
    abe abel abner adolphus algernon alonzo ambrose amos anton archie barnaby bertie bertram
    caleb claude clement cornelius cuthbert cyril cyrus davey davy denis dudley ebenezer eli
    elias elijah emil emile enoch ephraim erasmus ethan eustace everett ezra felix frederic
    gerard gideon giles gordon gustav hal harvey hiram horatio hubert humphrey ira jem
    jeremiah jerome joey josiah jules lemuel leon leopold lionel lucas ludwig luther
    matthias montague mortimer moses nat nathan nigel otto owen percival percy phineas
    reginald reuben roderick roland rudolf rudolph septimus solomon stanley thaddeus theo
    tobias tristram victor vincent wilbur wilfred wilhelm winston zachary zeke
    """.split())
FEMALE_NAMES = FEMALE_NAMES | frozenset("""
    adelaide agatha alma arabella augusta belinda bertha biddy blanche cassandra celia
    clarissa cora cordelia delia dolly effie elsa eloise emmeline estella eugenia euphemia
    evangeline flora georgina gertrude gwendolen hattie hetty hilda honoria ida imogen
    jemima kezia letitia lilian lillian lilly lily lottie louise lucinda lucretia madge
    maggie mamie marguerite marjorie matilda mattie mildred minnie myra nellie nettie octavia
    ophelia philippa phyllis prudence rhoda rosalind rosamond rosie sadie selina sibyl
    susanna susannah sybil tabitha thea theodora tilly vera wilhelmina winnie zillah
    """.split())

#: Given names: where one stands inside capitalised words, the name begins
#: ("House Republican Mark Holloway" is Mark Holloway).
GIVEN_NAMES = MALE_NAMES | FEMALE_NAMES

#: Capitalised words that begin sentences but are never names.
NOT_NAMES = frozenset("""
    a an the and but or nor for so yet if then when while after before because though
    although as at by in on of to from with without into onto upon over under about
    he she it they we you i his her its their our your my me him them us this that these
    those there here what which who whom whose why how where all any some no not none
    one two three yes oh ah well now still just only even also indeed perhaps certainly
    chapter part book volume mr mrs miss ms dr sir lady lord god heaven good dear poor
    do does did is are was were be been have has had will would shall should can could
    may might must let come go see look say said tell told ask asked
    two three four five six seven eight nine ten eleven twelve twenty hundred thousand
    nothing nobody none everyone everybody someone somebody anyone anybody everything something
    first second third last next another other every each both many most much more such
    monday tuesday wednesday thursday friday saturday sunday january february march april
    june july august september october november december christmas english french
    german american british russian ukrainian european
    never away close keep seeing esq
    again once twice presently afterwards meanwhile besides instead nevertheless otherwise
    therefore thus hence whereupon till until unless since except
    beneath behind beside besides beyond below above among amongst around across along
    through throughout toward towards within near against amid amidst during inside
    outside underneath like unlike despite between via alongside
    """.split())

#: Months and modal verbs that are also names: the subject of a speech verb
#: ("May said"), for no month or modal stands there.
NAMES_ALSO_WORDS = frozenset("may will june april august".split())
#: Words that stand after a speech verb without being a name: "said I".
NEVER_NAMES_AFTER_VERB = frozenset(PRONOUN_GENDER) | frozenset(
    "the a an this that these those his her its their my our your him them us me "
    "mr mrs miss ms dr sir madam lady lord".split())
#: One capitalised word and then the end of the clause: "Will." "Hope, solemnly".
WORD_NAME_ALONE = re.compile(r"[A-Z][a-z]+(?=[ \t\n]*(?:[,.;:!?—–]|$))")

#: Abbreviated titles whose full stop ends neither a name nor a sentence.
ABBREVIATED_TITLES = ("Mrs", "Mr", "Ms", "Dr", "St", "Jr", "Sr", "Gen", "Sen", "Rep", "Gov", "Col",
                      "Capt", "Lt", "Sgt", "Prof", "Rev", "Hon", "Mme", "Mlle", "Messrs", "Mt", "Ft")
#: A capitalised word of a name; only abbreviations and initials keep a full
#: stop.  Initials may run together: "G.K. Chesterton", "U.S.".
ABBREVIATION = r"(?:%s|[A-Z](?:\.[A-Z])*)\." % "|".join(ABBREVIATED_TITLES)
NAME_WORD = r"(?:%s|[A-Z][\w'’]*(?:-[\w'’]+)*)" % ABBREVIATION   # "--" is a dash, no hyphen
NAME_LINK = r"(?:of|the|for|de|del|della|di|dos|das|van|von|der|da|du|la|le|al|bin|ibn|and)"
#: A proper name: capitalised words, with the small words that join names.
#: (The look-ahead lets a search skip quickly to the next capital.)
NAME = re.compile(r"(?=[A-Z])%s(?:[ \t\n]+(?:%s[ \t\n]+){0,2}%s)*" % (NAME_WORD, NAME_LINK, NAME_WORD))
PRONOUN = r"(?:he|she|they|we|I|you|it|er|sie|il|elle|él|ella|ona|lui|lei)"
DETERMINER = r"(?:the|a|an|his|her|their|its|our|my|your|one|another|this|that)"
DESCRIPTION = r"%s(?:[ \t\n]+(?!(?:out|up|off|put|sent|made|gave|took)\b)(?:[\w\-']+|(?:[A-Z]\.){2,3})){1,5}?" % DETERMINER

#: What comes between a quote and a cue verb after it: "…," said / "…" — said.
CUE_LEAD = re.compile(r"[\s,;:—–-]*")
#: How a quote ends when the sentence goes on after it: "…," or "…!".
SPEECH_RUNS_ON = ",!?—–-"
#: "…!" sobbed Tobias · "…?" quavered she: a past tense, then a name or
#: pronoun that ends the clause.
UNLISTED_VERB_FIRST = re.compile(r"[ \t\n]*(?P<verb>[a-z]{3,}ed)[ \t\n]+"
                                 r"(?P<subject>he|she|%s)(?=[ \t\n]*[,.;:!?—–]|[ \t\n]+[a-z])"
                                 % NAME.pattern)
#: "…," he told her: whom he told follows the verb, not who spoke.
TELLING = re.compile(r"tells?\b|told\b")
#: The subject after a cue verb: said Holmes / said he / said the old man.
SUBJECT_AFTER_VERB = re.compile(r"[ \t\n]+(?P<subject>(?:%s|(?!--)[^,.;:!?\"“”()—–]){1,80})"
                                % ABBREVIATION)


def cue_verb_first(text: str, pos: int = 0):
    """"…," said Holmes / said he / said the old man: the verb's match and
    the match of the words after it (group "subject"), or None.

    >>> verb, subject = cue_verb_first(', said the old man.')
    >>> verb.group(), subject.group("subject")
    ('said', 'the old man')
    """
    at = CUE_LEAD.match(text, pos).end()
    if TELLING.match(text, at):
        return None
    for verb in _and_shorter(text, VERB_START.match(text, at)):
        subject = SUBJECT_AFTER_VERB.match(text, verb.end())
        if subject is not None:
            return verb, subject
    return None


#: The abbreviation that ends a firm's name, inside an appositive before a
#: cue: "Ana Ruiz, an analyst at Harbour Ltd., said".
COMPANY_ABBREVIATION = r"(?<=[ \t\n])(?:Inc|Ltd|Corp|Co|Bros|Plc|LLC)\.(?=,)"
#: The subject of a cue verb after a quote: "…," Holmes said / he said / the
#: old man cried / Ana Ruiz, a spokeswoman, said.
#: A region shortened after a town in an appositive: "a nurse in Kelby, Ont., said".
PLACE_ABBREVIATION = r"(?<=,[ \t\n])[A-Z][a-z]{1,4}\.(?=,)"
CUE_SUBJECT = re.compile(r"(?:%s|[^\s\"“”.!?;])(?:%s|%s|%s|%s|[^\"“”.!?;]){0,120}"
                         % (ABBREVIATION, ABBREVIATION, COMPANY_ABBREVIATION, r"\([^()\n]{1,20}\)",
                            PLACE_ABBREVIATION))
SPACE = re.compile(r"[ \t\n]+")
ADVERB = re.compile(r"\w+ly[ \t\n]+")


def cue_subject_first(text: str):
    """"…," Holmes said / the old man quietly said: the start and end of
    the subject at the start of ``text`` and the match of its verb, or None.
    The subject is the shortest that a verb follows.

    >>> start, end, verb = cue_subject_first(', the old man quietly said.')
    >>> start, end, verb.group()
    (2, 13, 'said')
    """
    start = CUE_LEAD.match(text).end()
    tried = start
    found = VERB_START.search(text, start)
    while found is not None:
        for space in _spaces_before(text, found.start()):
            if space <= tried:
                continue
            tried = space
            if not CUE_SUBJECT.fullmatch(text, start, space):
                return None   # a full stop or a quotation mark ends the subject
            verb = _verb_after_space(text, space)
            if verb is not None:
                if PASSIVE_AUXILIARY.search(text, start, space) \
                        and not verb.group().endswith("ing") and verb.group() != "quoted":
                    return None   # "…," Tom was told · "…" the notes were written
                return start, space, verb
        found = VERB_START.search(text, found.start() + 1)
    return None


#: A form of "be" that ends a cue's subject: the speech verb after it is a
#: passive one, and the subject is spoken to or of, not speaking (but the
#: one who "was quoted as saying" spoke).
PASSIVE_AUXILIARY = re.compile(r"(?:^|[ \t\n,])(?:is|was|are|were|be|been|being|am)$")


def _spaces_before(text, index):
    """Where the space before the word at ``index`` starts, and before that,
    where the space before an adverb starts ("he quietly said"): the
    places where a cue's subject may end."""
    if text[index - 1:index] not in (" ", "\t", "\n"):
        return ()
    end = len(text[:index].rstrip(" \t\n"))
    if text[end - 2:end] != "ly":
        return (end,)
    word = end
    while word > 0 and (text[word - 1].isalnum() or text[word - 1] == "_"):
        word -= 1
    if end - word < 3 or text[word - 1:word] not in (" ", "\t", "\n"):
        return (end,)
    return len(text[:word].rstrip(" \t\n")), end


def _verb_after_space(text, space):
    """The speech verb after the space at ``space``, or after the adverb
    there ("… quietly said")."""
    word = SPACE.match(text, space).end()
    adverb = ADVERB.match(text, word)
    if adverb is not None:
        verb = speech_verb_at(text, adverb.end())
        if verb is not None:
            return verb
    return speech_verb_at(text, word)


#: The end of the narration before a quote: X said, "…" / X said: "…".
ACCORDING_TO = re.compile(r"\b[Aa]ccording[ \t\n]+to[ \t\n]+(?P<subject>(?:%s|[^,.;\"“”]){2,120})"
                          % ABBREVIATION)
#: Other ways of naming a source before its words: "in the words of a former
#: aide, “…”", "in Ruiz's words, “…”", "As the Post put it, “…”".
IN_THE_WORDS_OF = re.compile(r"\b(?:[Ii]n[ \t\n]+the[ \t\n]+words[ \t\n]+of[ \t\n]+"
                             r"(?P<subject>(?:%s|[^,.;\"“”]){2,80})"
                             r"|[Ii]n[ \t\n]+(?P<owner>(?:%s|[^,.;\"“”]){2,60}?)(?:'s|’s|'|’)"
                             r"(?:[ \t\n]+own)?[ \t\n]+words"
                             r"|\b[Aa]s[ \t\n]+(?P<putter>(?:%s|[^,.;\"“”]){2,60}?)[ \t\n]+"
                             r"(?:put|puts)[ \t\n]+it)[ \t\n]*,[ \t\n]*(?:[a-z]+[ \t\n]+){0,2}$"
                             % (ABBREVIATION, ABBREVIATION, ABBREVIATION))
#: A paper or a source quoting someone: the one quoted is the speaker, not
#: the paper ("The Post quoted a senior aide as saying, “…”").
QUOTED_BEFORE = re.compile(r"\bquot(?:ed|es|ing)[ \t\n]+(?P<subject>(?:%s|[^,.;:\"“”]){2,80}?)"
                           r"[ \t\n]+(?:as[ \t\n]+)?saying\b[^\"“”.;]{0,80}$"
                           % ABBREVIATION)
#: '“…,” the Post quoted a senior aide as saying.'
QUOTED_AFTER = re.compile(r"[ \t\n,]*(?:%s|[^,.;:\"“”]){2,60}?[ \t\n]+quot(?:ed|es)[ \t\n]+"
                          r"(?P<subject>(?:%s|[^,.;:\"“”]){2,80}?)[ \t\n]+as[ \t\n]+saying\b"
                          % (ABBREVIATION, ABBREVIATION))
#: The end of a sentence: not the full stop of "Mr." or of an initial
#: ("Sen. G. Smith"), unless what follows plainly starts a sentence ("in the U.S. He").
#: Each branch opens with its mark, which the regex engine then skips to fast.
SENTENCE_END = re.compile(
    r"(?:!|\?|\.%s(?<!\b[A-Z]\.)|\.(?<=\b[A-Z]\.)(?=\s+(?:He|She|They|It|We|I|The|But|And|In|On|"
    r"That|This|Yet|So|Still|Now|However)\b|\s*$))[\"”’']?(?:\s+(?=[A-Z\"“‘'])|\s*$)"
    % "".join(r"(?<!\b%s\.)" % title for title in ABBREVIATED_TITLES))
#: A name spoken to: "Tom, come here", "Mr. Darcy!" (at the start of a
#: quote) and "…, Tom?", "my dear Lizzy" (anywhere).  Both branches of
#: VOCATIVE open with a plain character ("d(?<=\bd)ear" is "\bdear"): the
#: regex engine then skips fast to where one can start.
VOCATIVE_FIRST = re.compile(r"[ \t\n]*(?:(?:Oh|Ah|O)![ \t\n]+)?(?P<first>%s)(?:,|[ \t\n]*[!?.]*[ \t\n]*$)" % NAME.pattern)
VOCATIVE = re.compile(r"(?:,|d(?<=\bd)ear)[ \t\n]+(?P<name>%s)[ \t\n]*(?:[,?!.;\u2014\u2013]|--|$)"
                      % NAME.pattern)
#: ", a spokeswoman for the port," between a subject and its verb; it must
#: close with a comma (", which Smith called" is a clause, not an appositive).
APPOSITIVE = re.compile(r",[ \t\n]+(?:%s|who|whose|which)\b[^,]*,\s*$" % DETERMINER[3:-1])

#: Clues that a document is reporting (news) rather than telling a story;
#: news quotes go on across paragraphs where fiction's change speaker.
NEWS_CLUES = re.compile(r"\b(?:according to|told reporters|in a statement|spokes(?:man|woman|person)|"
                        r"per ?cent|officials?|government|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|"
                        r"(?:19|20)\d\d|U\.S\.|million|billion|percent|"
                        r"(?:Sen|Rep|Gov)\.|Republicans?|Democrats?|Democratic|"
                        r"in an interview|on Twitter|"
                        r"told (?:reporters|CNN|Fox|NBC|CBS|ABC|the [A-Z]\w+))\b")
#: A dateline that opens a report: "MANCHESTER, N.H. — ", "Washington (AFP) – ".
DATELINE = re.compile(r"[ \t\n]*(?:[A-Z]{3,}(?:[ .,]+[A-Z][A-Za-z.]*){0,3}[ \t\n]*(?:\([A-Za-z]{2,10}\)[ \t\n]*)?"
                      r"|[A-Z][a-z]+(?:[ ,]+[A-Z][A-Za-z.]*){0,2}[ \t\n]*\([A-Za-z]{2,10}\)[ \t\n]*)[—–-][ \t\n]")
FICTION_CLUES = re.compile(r"\b(?:cried|exclaimed|replied|rejoined|returned|murmured|whispered|"
                           r"muttered|sighed|laughed|thought|answered|cried)\b|\bI\b")

#: Words after the subject of a cue that belong to neither: "X on Wednesday
#: said", "X also said", "X in a statement said".
SUBJECT_TAIL = re.compile(r"(?:[ \t\n,]+(?:\w+ly|very|rather|quite|also|later|then|again|once|too|now|still|"
                          r"(?:on|in|at|during|late|early|last|this|after|before|via|through|"
                          r"from)[ \t\n][^,]{1,40}?|that|who|which|has|have|had|would|will|"
                          r"did|does|do|was|were|is|are|quoted|as|once|earlier|previously|"
                          r"publicly|reportedly))+[ \t\n,]*$")
LEADING_WORDS = re.compile(r"^(?:(?:and|but|so|then|while|as|when|where|yet|or|also|"
                           r"however|meanwhile|finally|later|still)\b[ \t\n,]*)+", re.I)
#: A name that ends the text and starts a word ("N." is no name in "CNN.").
NAME_AT_END = re.compile(r"(?<![\w.'’\-])(?:%s)$" % NAME.pattern)
#: An abbreviation that ends the text; "said I." ends with a full stop.
ABBREVIATION_AT_END = re.compile(r"(?<![\w.'’\-])(?!I\.$)%s$" % ABBREVIATION)
PRONOUN_AT_END = re.compile(r"(?<=[\s,])(?:he|she|they|He|She|They)$")
PRONOUN_ONLY = re.compile(r"(?:%s)$" % PRONOUN, re.I)
DESCRIPTION_ONLY = re.compile(r"(?:%s)$" % DESCRIPTION, re.I)
ACRONYM = re.compile(r"[A-Z]{2,6}$")
#: Capitalised words inside a role before a name ("Kremlin spokesman").
ROLE_PREFIX = re.compile(r"(?<![\w'’\-])(?:(?:(?!(?:%s)\b)[a-z][a-z\-]+|[A-Z][\w'’\-]*|the|a|an|its|his|her|their)"
                         r"[ \t\n]+)*$" % "|".join(sorted(NOT_ROLE_WORDS)))


@dataclass
class Mention:
    """Words that name (or stand for) a speaker."""
    text: str
    start: int            # document offsets
    end: int
    kind: str             # "name", "pronoun" or "description"
    name: str             # the name without titles or roles, or the words themselves
    gender: Optional[str] = None
    role: Optional[str] = None   # "spokeswoman" of "Ana Ruiz, a spokeswoman for …"


@dataclass
class Attribution:
    speaker: Optional[str]
    mention: Optional[Mention]
    cue: Optional[str]
    method: str
    confidence: float
    type: str
    entity: Optional["Entity"] = None


class Entity:
    """A person or organisation of the document, with every name it goes by."""
    __slots__ = ("name", "gender", "aliases", "seen", "salient", "person", "inside")

    def __init__(self, name, gender, seen):
        self.name, self.gender, self.seen = name, gender, seen
        self.salient = 0   # when last the subject of a sentence or a speaker
        self.person = False  # seen speaking, or with a gender: "he" may mean it
        self.inside = False  # capitalised inside a sentence, where only names are
        self.aliases = {name}

    def __repr__(self):
        return "Entity(%r, %r)" % (self.name, self.gender)


class DescribedPerson(Entity):
    """Someone a story has only described ("the man with the beard")."""
    __slots__ = ()


def _sexless_description(entity) -> bool:
    """Someone known only as "the clerk": "he" or "she" may not mean them."""
    return entity.gender is None and isinstance(entity, DescribedPerson)


@functools.lru_cache(maxsize=4096)
def name_words(name: str) -> Tuple[str, ...]:
    """The words of a name in lower case, without their full stops (a
    tuple, for the same name is split again and again)."""
    return tuple([w.rstrip(".").lower() for w in name.split()])


@functools.lru_cache(maxsize=4096)
def strip_titles(name: str) -> str:
    """Drop roles and office titles but keep honorifics that tell who is
    meant ("Mrs. Bennet" is not "Mr. Bennet").

    >>> strip_titles("Secretary of State Marco Rubio"), strip_titles("Mrs. Bennet")
    ('Marco Rubio', 'Mrs. Bennet')
    >>> strip_titles("Ukrainian President Volodymyr Zelensky"), strip_titles("Dr. Lowell")
    ('Volodymyr Zelensky', 'Dr. Lowell')
    >>> strip_titles("National Weather Service")
    'National Weather Service'
    """
    words = name.split()
    if len(words) < 2:
        return " ".join(words)   # one word has no title to drop
    last_title = -1
    for index, word in enumerate(words[:-1]):
        key = word.rstrip(".").lower()
        if key in NAME_LINK_WORDS and index > last_title + 1:
            break   # "Ana Ruiz of the National Trust": the titles were before the name
        if key in NEUTRAL_TITLES or key in ROLE_WORDS:
            last_title = index
        elif key in MALE_TITLES or key in FEMALE_TITLES:
            break
    rest = words[last_title + 1:]
    if rest[:1] == ["of"] and len(rest) > 2:       # Secretary of State Marco Rubio
        rest = rest[2:]
    if (len(rest) > 2 and ROLE_WORD.match(rest[0]) and rest[0].lower() not in MALE_NAMES
            and rest[0].lower() not in FEMALE_NAMES and not honorific(rest[0])):
        rest = rest[1:]                            # Councilwoman Teresa Alvarado
        if rest[:1] == ["of"] and len(rest) > 3:   # Superintendent of Education Rosa Delgado
            rest = rest[2:]
    if len(rest) < 2:                              # "Dr. Lowell", "President Obama"
        rest = words[last_title:] if last_title >= 0 else words
    if len(rest) < len(words) and _is_organisation(" ".join(rest)):
        return " ".join(words)                     # National Weather Service: all one name
    for index in range(1, len(rest) - 1):          # House Republican Mark Holloway
        before = rest[index - 1].rstrip(".").lower()
        if rest[index].lower() in GIVEN_NAMES and before not in GIVEN_NAMES \
                and before not in TITLES and before not in NOT_NAMES and before not in NAME_LINK_WORDS \
                and len(before) > 1:
            return " ".join(rest[index:])
    return " ".join(rest)


def honorific(name: str) -> Optional[str]:
    """The gendered title a name starts with ("mrs" for "Mrs. Bennet"), if any."""
    first = name.split(" ", 1)[0].rstrip(".").lower()
    return first if first in MALE_TITLES or first in FEMALE_TITLES else None


@functools.lru_cache(maxsize=4096)
def gender_of(name: str) -> Optional[str]:
    words = name_words(name)
    if words[:1] and words[0] in NAME_EPITHETS:
        words = words[1:]   # "Old Mr. Garrow" is a man
    if len(words) > 1 and len(words[0]) == len(words[1]) == 1:
        return None   # initials ("M. J. Tarrant"), not "M. Duval"
    for word in words[:2]:
        if word in MALE_TITLES or word in MALE_NAMES or word in MALE_PETS:
            return "m"
        if word in FEMALE_TITLES or word in FEMALE_NAMES or word in FEMALE_PETS:
            return "f"
        if word not in TITLES:
            break
    return None


#: (role, modifier) of those "a country's leader" means.
LEADERS_OF_COUNTRIES = frozenset((("president", ""), ("minister", "prime"), ("premier", ""),
                                  ("chancellor", ""), ("king", ""), ("queen", "")))
#: Roles named apart for men and women: "the chairwoman" is whoever was
#: called the chair.
ROLE_SYNONYMS = {"chairman": "chair", "chairwoman": "chair", "chairperson": "chair",
                 "spokesman": "spokesperson", "spokeswoman": "spokesperson",
                 "congressman": "representative", "congresswoman": "representative",
                 "businessman": "businessperson", "businesswoman": "businessperson",
                 "councilman": "councillor", "councilwoman": "councillor",
                 "councilor": "councillor", "headmistress": "headmaster",
                 "policeman": "officer", "policewoman": "officer"}


#: Given names and the pet forms English uses for them: "Lizzy" is
#: Elizabeth, "Hattie" Harriet, "Joe" Joseph, once the text has named them.
FEMALE_PET_NAMES = {
    "elizabeth": "lizzy lizzie liz eliza beth bess bessie betsy betty libby",
    "margaret": "peggy maggie meg madge margie",
    "catherine": "kate kitty katie cathy kit", "katherine": "kate kitty katie kathy",
    "mary": "polly molly mamie", "sarah": "sally sadie", "anne": "annie nancy nan",
    "ann": "annie nancy nan", "anna": "annie", "dorothy": "dolly dot dottie",
    "susan": "sue susie sukey", "harriet": "hattie hatty", "frances": "fanny",
    "isabella": "bella belle", "isabel": "bella belle", "eleanor": "nell nelly nellie",
    "ellen": "nell nelly nellie", "helen": "nell nelly", "louisa": "lou", "jane": "jenny janey",
    "caroline": "carrie", "josephine": "josie", "rebecca": "becky", "victoria": "vicky",
    "gertrude": "gertie trudy", "abigail": "abby", "emily": "emmy milly",
    "patricia": "pat patty tricia", "alexandra": "alex sandy", "sandra": "sandy",
}
MALE_PET_NAMES = {
    "william": "will bill billy willie willy", "robert": "bob bobby rob robbie",
    "richard": "dick dickie rick", "edward": "ned ted teddy eddie", "james": "jim jimmy jem jamie",
    "john": "jack johnny", "henry": "harry hal hank", "thomas": "tom tommy",
    "charles": "charlie chuck", "francis": "frank frankie", "frederick": "fred freddy freddie",
    "alexander": "alex sandy", "benjamin": "ben benny", "joseph": "joe joey",
    "samuel": "sam sammy", "nicholas": "nick nicky", "christopher": "chris kit",
    "theodore": "theo ted teddy", "michael": "mike mickey", "patrick": "pat paddy",
    "daniel": "dan danny", "david": "dave davy", "matthew": "matt", "stephen": "steve",
    "anthony": "tony", "lawrence": "larry", "albert": "bert bertie", "arthur": "artie",
    "philip": "phil", "timothy": "tim timmy", "peter": "pete", "augustus": "gus",
}


def _variants(*tables):
    """Each given name and pet form, with the others it may stand for."""
    variants = {}
    for table in tables:
        for full, pets in table.items():
            for pet in pets.split():
                variants.setdefault(full, set()).add(pet)
                variants.setdefault(pet, set()).add(full)
    return variants


NAME_VARIANTS = _variants(FEMALE_PET_NAMES, MALE_PET_NAMES)
#: A pet form tells the sex of the names it stands for ("Hattie", "Gus"),
#: unless it stands for a man's and a woman's ("Kit").
FEMALE_PETS = frozenset(_variants(FEMALE_PET_NAMES)) - frozenset(_variants(MALE_PET_NAMES))
MALE_PETS = frozenset(_variants(MALE_PET_NAMES)) - frozenset(_variants(FEMALE_PET_NAMES))


class Roles(dict):
    """Who was last given each role, with the roles that differ only by
    sex taken as one.

    >>> roles = Roles(); roles["chairwoman"] = "Ana Ruiz"; roles.get("chair")
    'Ana Ruiz'
    """

    def __setitem__(self, role, entity):
        super().__setitem__(ROLE_SYNONYMS.get(role, role), entity)

    def get(self, role, default=None):
        return super().get(ROLE_SYNONYMS.get(role, role), default)


class Registry:
    """The entities of one document: links "Zelensky" to "Volodymyr
    Zelensky" and "ISW" to "Institute for the Study of War"."""

    #: Past this many entities the least recently seen are forgotten, so a
    #: corpus fed as one endless text stays in bounded memory.
    LIMIT = 4000
    #: Pronouns look this many people back, no further.
    RECENT = 48

    def __init__(self):
        self.by_alias = {}     # lower-case name -> Entity
        self.by_word = {}      # lower-case name word -> set of Entity
        self.roles = Roles()   # lower-case role ("minister") -> Entity last given it
        self.placed_roles = OrderedDict()   # (place stem, role, modifier) -> Entity
        self.recently_seen = OrderedDict()  # the last RECENT entities named, newest last
        self.clock = 0
        # News names a person in full and then by surname, or by surname
        # in a headline first: a lone surname is then that person.  (A
        # story's family shares its surname, so only news joins them.)
        self.surname_is_person = True

    def lookup(self, name: str) -> Optional[Entity]:
        key = name.lower()
        entity = self.by_alias.get(key)
        if entity is not None:
            return entity
        words = [w for w in name_words(name) if w not in TITLES and w not in NAME_LINK_WORDS]
        if not words:
            # In a story a title alone is who bears it; in the news "King"
            # is as likely someone's surname.
            return None if " " in key or self.surname_is_person else self._bearer_of(key)
        if len(words) == 1 and ACRONYM.match(name.split()[-1]):
            expanded = self.by_word.get(("acronym", name.split()[-1]))
            if expanded:   # the most recently named, never an arbitrary one
                return max(expanded, key=lambda entity: entity.seen)
        candidates = None
        for word in words:
            found = self.by_word.get(word)
            if not found and word in NAME_VARIANTS and word == words[0]:
                found = self._by_variant(word)   # "Lizzy" after "Elizabeth Vane"
            if not found:
                return None   # a word of no name seen: most new names stop here
            candidates = found if candidates is None else candidates & found
        if not candidates:
            return None
        gender = gender_of(name)
        if gender is not None:
            candidates = {c for c in candidates if c.gender in (None, gender)}
        title = honorific(name)
        if title is not None:   # "Mrs. Ashby" is not "Miss Ashby"
            candidates = {c for c in candidates
                          if all(honorific(a) in (None, title) for a in c.aliases)}
            if title.startswith("mrs") and not self.surname_is_person:
                # A story's "Mrs. Marsh" is the mother of "Elinor Marsh", not she
                candidates = {c for c in candidates
                              if any(honorific(a) == title for a in c.aliases)}
        if len(candidates) == 1:
            return next(iter(candidates))
        return None

    def _by_variant(self, given):
        """The people named with another form of this given name ("Lizzy"
        for Elizabeth, "Elizabeth" for Lizzy), if the text holds only one."""
        found = set()
        for variant in NAME_VARIANTS[given]:
            found |= {entity for entity in self.by_word.get(variant, ())
                      if any(name_words(strip_titles(alias))[:1] == (variant,)
                             for alias in entity.aliases)}
        return found if len(found) == 1 else None

    def add_alias(self, entity, alias):
        """Another name the text gives the same person: "known as Lizzy"."""
        if alias.lower() in self.by_alias or alias.lower() in NOT_NAMES:
            return
        entity.aliases.add(alias)
        self.by_alias[alias.lower()] = entity
        self.by_word.setdefault(alias.lower(), set()).add(entity)

    def give_placed_role(self, placed, entity):
        """Note that ``entity`` holds a role of a country ("Kirovan President")."""
        self.placed_roles.pop(placed, None)
        self.placed_roles[placed] = entity
        if len(self.placed_roles) > self.RECENT:
            self.placed_roles.popitem(last=False)

    def placed_elsewhere(self, placed):
        """Whether the role is known only as another body's or country's."""
        return any(role == placed[1] for _, role, _ in self.placed_roles)

    def bearer_of_placed_role(self, placed):
        """Who was last given this role of this country: "Ukraine's
        president" is whoever was called the Ukrainian president."""
        place, role, modifier = placed
        for (other_place, other_role, other_modifier), entity in reversed(self.placed_roles.items()):
            if not same_place(place, other_place):
                continue
            if other_role == role and (not modifier or not other_modifier or modifier == other_modifier):
                return entity
            if role == "leader" and (other_role, other_modifier) in LEADERS_OF_COUNTRIES:
                return entity   # "the Kirovan leader" is its president
        return None

    def _bearer_of(self, title):
        """The person lately named with this title, whom the title alone
        then means: "Mademoiselle" after "Mademoiselle Reisz"."""
        title = title.rstrip(".")
        for entity in reversed(self.recently_seen):
            if not (entity.person or entity.gender):
                continue
            for alias in entity.aliases:
                first, _, rest = alias.partition(" ")
                if rest and first.rstrip(".").lower() == title:
                    return entity
        return None

    def touch(self, entity: Entity, salient: bool = False):
        """Note that ``entity`` was just named (as a subject or speaker if salient)."""
        self.clock += 1
        entity.seen = self.clock
        if salient:
            entity.salient = self.clock
        recent = self.recently_seen
        if entity in recent:
            recent.move_to_end(entity)
        else:
            recent[entity] = None
            if len(recent) > self.RECENT:
                recent.popitem(last=False)

    def see(self, name: str) -> Entity:
        """The entity that ``name`` refers to, made if it is new."""
        entity = self.by_alias.get(name.lower())
        if entity is not None:
            self.touch(entity)
            return entity
        entity = self.lookup(name)
        if entity is None and self.surname_is_person:
            entity = self._by_surname(name)
        if entity is None:
            entity = Entity(name, gender_of(name), 0)
            if len(self.by_alias) > self.LIMIT:
                self._forget()
        elif len(strip_titles(name).split()) > len(strip_titles(entity.name).split()) \
                and not JOINED_NAMES.search(name):
            # The fullest form is the canonical one; "Mr. and Mrs. Weston" is two people.
            entity.name = name
        self.touch(entity)
        self._enter(entity, name)
        return entity

    def name(self, entity, name):
        """Give someone known by a description the name they turn out to
        have: the man who says "I'm Peters" is Peters from then on."""
        entity.name = name
        self._enter(entity, name)

    def _enter(self, entity, name):
        if entity.gender is None:
            entity.gender = gender_of(name)
        entity.aliases.add(name)
        self.by_alias[name.lower()] = entity
        for word in name_words(name):
            if word not in TITLES and word not in NAME_LINK_WORDS:
                self.by_word.setdefault(word, set()).add(entity)
            if word in ORGANISATION_WORDS:   # "the ministry" is the Ministry of Finance
                self.roles[word] = entity
        words = name.split()
        if len(words) >= 3:   # an acronym stands for three words or more
            initials = "".join(w[0] for w in words if w[:1].isupper())
            if len(initials) >= 3:
                self.by_word.setdefault(("acronym", initials), set()).add(entity)

    def _by_surname(self, name):
        """The entity known only by the surname that ``name`` ends with."""
        words = strip_titles(name).split()
        if len(words) < 2 or words[0].lower() in ORGANISATION_WORDS:
            return None
        entity = self.by_alias.get(words[-1].lower())
        if entity is None or " " in entity.name or _is_organisation(name) \
                or gender_of(name) not in (None, entity.gender) and entity.gender:
            return None
        return entity

    def recent(self, gender: Optional[str], exclude=(), since=0,
               people: bool = False) -> Optional[Entity]:
        """Whom "he" or "she" most likely means: the person of that gender
        (or of unknown gender) most recently the subject of a sentence or a
        speaker; failing that, the one most recently named."""
        best = named = None
        for entity in reversed(self.recently_seen):
            if entity.seen < since:
                break   # the rest were named earlier still
            if entity in exclude or (gender and entity.gender not in (None, gender)):
                continue
            if people and not (entity.gender or entity.person):
                continue
            if entity.salient and (best is None or entity.salient > best.salient):
                best = entity
            if entity.gender == gender and (named is None or entity.seen > named.seen):
                named = entity
        if best is not None and named is not None and best.gender != gender \
                and named.seen > best.salient:
            return named   # "he" after a man named since a speaker of unknown sex
        return best or named

    def _forget(self):
        keep = sorted(set(self.by_alias.values()), key=lambda e: e.seen)[-self.LIMIT // 2:]
        self.by_alias, self.by_word = {}, {}
        for entity in keep:
            for alias in entity.aliases:
                self.by_alias[alias.lower()] = entity
                for word in name_words(alias):
                    self.by_word.setdefault(word, set()).add(entity)


NAME_LINK_WORDS = frozenset(NAME_LINK[3:-1].split("|"))


def _ends_with(text: str, endings) -> bool:
    """Whether ``text`` ends with one of ``endings`` where a pattern's "$"
    would see it: at the very end, or before a newline that ends it."""
    return text.endswith(endings) or text[-1:] == "\n" and text[:-1].endswith(endings)


def parse_subject(text: str, offset: int, strip_tail: bool = True) -> Optional[Mention]:
    """The speaker mention that ``text`` ends with, as the subject of a cue
    verb that follows it: "Kremlin spokesman Dmitry Peskov", "she", "a senior
    official", "Ana Ruiz, a spokeswoman for the port authority,".

    >>> parse_subject("Kremlin spokesman Dmitry Peskov", 0).name
    'Dmitry Peskov'
    >>> parse_subject("Ana Ruiz, a spokeswoman for the port authority,", 0).name
    'Ana Ruiz'
    >>> parse_subject("the cat sat on the mat and", 0) is None
    True
    """
    end = len(text)
    if strip_tail and text.endswith(",") and APPOSITIVE.search(text):
        # "Ana Ruiz, who was mayor when the port was built," : the relative
        # clause is the appositive, not a tail ("was built") after a name.
        found = parse_subject(text, offset, False)
        if found is not None:
            return found
    tail = SUBJECT_TAIL.search(text) if strip_tail else None
    if tail is not None:
        # "Smith in a statement said"; but in "… of shedding what Gilbert
        # called" the words taken for a tail end with the speaker.
        return (parse_subject(text[:tail.start()], offset, False)
                or parse_subject(text, offset, False))
    appositive = APPOSITIVE.search(text, 0, end)
    role = None
    if appositive is not None and appositive.start() > 0:
        end = appositive.start()
        role = role_in(appositive.group())
    core = text[:end].rstrip(" \t\n,")
    if core.endswith(".") and not ABBREVIATION_AT_END.search(core):
        core = core[:-1]   # "according to CNN.": the sentence's full stop
    bracket = TRAILING_BRACKET.search(core) if _ends_with(core, ")") else None
    if bracket is not None:   # "Ana Ruiz of the HWU (Harbour Workers Union)"
        core = core[:bracket.start()]
    end = len(core)
    leading = LEADING_WORDS.match(core)
    begin = leading.end() if leading else 0
    if begin >= end:
        return None
    words = core[begin:]
    if PRONOUN_ONLY.fullmatch(words):
        return Mention(words, offset + begin, offset + end, "pronoun", words.lower(),
                       PRONOUN_GENDER.get(words.lower()))
    pronoun = PRONOUN_AT_END.search(core, begin) \
        if _ends_with(core, ("he", "He", "they", "They")) else None   # "she" ends in "he"
    if pronoun is not None and _opens_clause(core[begin:pronoun.start()]) \
            and not core[begin:pronoun.start()].rstrip().endswith(
                ("and", "or", "which", "who", "whom")):
        # "In his letter he wrote", "Asked about it, she said"
        return Mention(pronoun.group(), offset + pronoun.start(), offset + end, "pronoun",
                       pronoun.group().lower(), PRONOUN_GENDER.get(pronoun.group().lower()))
    if "," in words and (text.rstrip().endswith(",") or role_in(words.split(",", 1)[1])):
        # "Ana Ruiz, legal director of the Harbour Trust, said": a name and
        # its appositive, whatever names the appositive holds.
        head = words.split(",", 1)[0].rstrip()
        if NAME.fullmatch(head) and not _opening_word(head):
            found = parse_subject(head, offset + begin, False)
            if found is not None and found.kind == "name":
                return found
    name = NAME_AT_END.search(core, begin)
    if name is not None and name.group().endswith(("'s", "’s", "s'", "s’")):
        name = None
    if name is None and "," in words:
        # "Pavel Horak, security analyst at Brightline Research, said": an
        # appositive without an article; or "Facing questions, the minister said".
        head, _, rest = core[begin:].partition(",")
        parts = [(core[begin:].rsplit(",", 1)[-1], core.rfind(",") + 1), (head, begin)]
        if NAME.fullmatch(head.strip()):
            parts.reverse()   # "Nadia Osei, Director-General of the Institute, said"
        for part, part_offset in parts:
            stripped = part.strip()
            if stripped and stripped != words:
                found = parse_subject(stripped, offset + part_offset + part.find(stripped))
                if found is not None:
                    return found
        return None
    if name is not None:
        prefix = ROLE_PREFIX.search(core, begin, name.start())
        if prefix is not None and prefix.start() == begin or name.start() == begin \
                or _opens_clause(core[begin:prefix.start() if prefix else name.start()]) \
                or _role_of_organisation(core[begin:name.start()], name.group()):
            proper = strip_titles(_person_before_body(_drop_article(name.group())))
            if proper and (proper.split()[0].lower() not in NOT_NAMES or len(proper.split()) > 1
                           or proper.lower() in NAMES_ALSO_WORDS):
                if _opening_word(proper):
                    return None
                if prefix is not None and role is None:
                    role = role_in(core[prefix.start():name.start()], before_name=True)
                described = core[begin:name.start()].rstrip()
                if role is None and described[:4] in ("The ", "the ") and described.endswith(","):
                    role = role_in(described, before_name=True)   # "The mayor, Ana Ruiz,
                return Mention(words, offset + begin, offset + end, "name", proper,
                               gender_of(proper), role)
    group = GROUP_OF.fullmatch(words)
    if group is not None and group.group("noun") in SPEAKER_NOUNS:   # "Amnesty officials"
        return Mention(words, offset + begin, offset + end, "description", words, None)
    if _bare_group(words):   # "…," police said · fire officials said
        return Mention(words, offset + begin, offset + end, "description", words, None)
    head = description_head(words)
    if DESCRIPTION_ONLY.fullmatch(words) and (head in SPEAKER_NOUNS or ROLE_WORD.match(head)):
        return Mention(words, offset + begin, offset + end, "description", words,
                       _description_gender(words))
    if SHARE_OF_PEOPLE.fullmatch(words):   # "63 percent of voters said"
        return Mention(words, offset + begin, offset + end, "description", words, None)
    return None


#: A share of the people a poll asked: "63 percent", "Some 55 percent of
#: voters nationwide", "Six in 10 Republicans".
SHARE_OF_PEOPLE = re.compile(r"(?:(?:some|only|just|about|nearly|almost|roughly|over|under)[ \t\n]+)?"
                             r"(?:\d[\d.,]*[ \t\n]*(?:%|percent|per[ \t\n]+cent)"
                             r"|(?:\d+|one|two|three|four|five|six|seven|eight|nine)[ \t\n]+in"
                             r"[ \t\n]+(?:10|ten|\d+))"
                             r"(?:[ \t\n]+of[ \t\n]+[^,;:\"“”]{1,60}|[ \t\n]+[A-Z]?[a-z]+s)?", re.I)


def _role_of_organisation(before, name):
    """Whether a name is a person's after a role and its organisation: "the
    executive director of the Harbour Trust Tony Nicholson" (the
    organisation's name runs into the person's, cut at the given name)."""
    words = before.split()
    return bool(words) and words[0].lower() in ("the", "a", "an") and role_in(before) is not None \
        and strip_titles(name) != name and strip_titles(name).split()[0].lower() in GIVEN_NAMES


TRAILING_BRACKET = re.compile(r"[ \t\n]*\([^()]{1,60}\)$")
#: Capitalised words that open a sentence as adverbs or prepositions, never
#: as a speaker: "Earlier this week, …", "On Taxes, …", "Speaking at …".
OPENING_WORDS = frozenset("""
    earlier later afterward afterwards meanwhile instead again today yesterday tonight
    asked speaking writing responding addressing appearing already shortly likewise
    similarly separately additionally moreover furthermore""".split())


#: Words that open a clause of its own inside a sentence: "… because Ruiz
#: has said …", "… after the minister had said …".
SUBORDINATOR = re.compile(r"(?<![\w'’\-])(?:because|that|after|before|when|while|since|though|"
                          r"although|as|if|until|once|whereas)[ \t\n]+", re.I)


LINKING_WORD_AT_END = re.compile(r"(?<![\w'’\-])(?:of|to|for|the|a|an|in|on|and|or)$", re.I)


def _clause_subject(text, offset):
    """The subject of a speech verb that stands in a clause of its own
    after the sentence's opening words: "The move is notable because
    Ana Ruiz has said …" is Ruiz's saying."""
    last = None
    for last in SUBORDINATOR.finditer(text):
        pass
    if last is None or last.end() >= len(text) or LINKING_WORD_AT_END.search(text):
        return None   # "the secretary of state": a noun after "of", not a verb
    return parse_subject(text[last.end():], offset + last.end())


def _names_the_actor(text, start, match, name):
    """Whether a name never met before opens a sentence as the one who acts
    in it, a verb right after it: "Ruiz credited the win to …"."""
    if text[start:match.start()].strip() or match.group() != name or NAME_LIST.search(name):
        return False
    first = name.split()[0].lower()
    if first in NOT_NAMES or first in DETERMINERS or first.endswith("ing") or _opening_word(name):
        return False
    verb = ACTING_VERB.match(text, match.end())
    return verb is not None


#: A sentence that goes on with "he" or "she" vouches only for a name that
#: opens the sentence before it and acts in it ("Ruiz credited …").
ACTOR_ONLY = "actor"
#: A verb in the past or present right after a name: "Ruiz credited", "Ruiz says".
ACTING_VERB = re.compile(r"[ \t\n]+[a-z]+(?:ed|s)\b")


def _opening_word(name):
    """Whether a name found before a cue is only the word that opens the
    sentence ("Speaking", "Earlier") or a phrase led by a preposition ("On Taxes").

    >>> _opening_word("Speaking"), _opening_word("On Taxes"), _opening_word("Ana Ruiz")
    (True, True, False)
    """
    first = name.split()[0].lower()
    if len(name.split()) == 1:
        # A participle right before the cue verb is a name: "Reed said", "Kelly told".
        return first in OPENING_WORDS or _sentence_adverb(first)
    return first in OBJECT_MARKERS and first not in DETERMINERS


def _sentence_adverb(word):
    """Whether a lower-cased word that opens a sentence is an adverb in
    -ly ("suddenly", "scarcely"), not a name ("Kelly", "Lively", "Beverly")."""
    return len(word) >= 8 and word.endswith("ly") and gender_of(word) is None
#: A group named by its organisation: "Amnesty officials", "White House aides".
GROUP_OF = re.compile(r"(?:the[ \t\n]+)?(?!(?:The|A|An)[ \t\n])(?:%s[ \t\n]+){1,2}(?P<noun>[a-z]+)"
                      % NAME_WORD)
#: Groups that news names with no article: "police said", "witnesses told reporters".
BARE_GROUP_NOUNS = frozenset("""
    police officials authorities witnesses residents analysts experts critics observers
    investigators prosecutors detectives doctors scientists researchers economists activists
    protesters demonstrators organisers organizers lawmakers legislators diplomats sources aides
    advisers advisors officers rescuers firefighters paramedics villagers locals neighbours
    neighbors supporters opponents insiders media regulators negotiators""".split())
#: A group of up to two lower-case modifiers and its plural noun: "local fire officials".
BARE_GROUP = re.compile(r"(?:(?!(?:%s)\b)[a-z][a-z\-]*[ \t\n]+){0,2}(?P<noun>[a-z]+)"
                        % "|".join(sorted(NOT_ROLE_WORDS | frozenset(DETERMINER[3:-1].split("|"))
                                          | frozenset(PRONOUN_GENDER))))


def _bare_group(words):
    match = BARE_GROUP.fullmatch(words)
    return match is not None and match.group("noun") in BARE_GROUP_NOUNS


def role_in(words: str, before_name: bool = False) -> Optional[str]:
    """The role a phrase gives a person: "spokeswoman" in ", a spokeswoman
    for the port authority,".  ``before_name``: the words stand in front of
    the name, where the role is the last of them ("board chair").

    >>> role_in(", a spokeswoman for the port authority,"), role_in("harbour board chair ", True)
    ('spokeswoman', 'chair')
    """
    words = words.replace(",", " ").split()
    for word in reversed(words) if before_name else words:
        word = word.lower()
        if word in ROLE_WORDS or word in SPEAKER_NOUNS and word not in DETERMINERS:
            return word
    return None


DETERMINERS = frozenset(DETERMINER[3:-1].split("|"))
#: Articles that bring a new person into the story, not one already met.
INDEFINITE = ("a ", "an ", "a\n", "an\n")


#: Words after which a name is an object, not the subject of the verb that
#: follows: "supporters of Sanders said", "a letter to Obama said".
OBJECT_MARKERS = frozenset("""
    of for to with by from about against on at in into onto upon over under between among
    toward towards like than via behind near the a an his her their its our my your
    after before since during following despite until
    """.split())


def _opens_clause(before: str) -> bool:
    """Whether a name after ``before`` can be the subject of a verb that
    follows it: after a comma or a clause's last word ("In a letter, Smith
    wrote"; "although Major Ada Lindqvist insisted"), not after a preposition.

    >>> _opens_clause("Asked about it, "), _opens_clause("the supporters of ")
    (True, False)
    """
    words = before.split()
    if not words:
        return True
    last = words[-1].lower()
    if before.rstrip().endswith(","):
        return True
    if len(words) > 1 and words[-2].lower() in ("a", "an"):
        return False   # "a super PAC called …": the name of a thing, not a speaker
    return last not in OBJECT_MARKERS and not last.endswith(("'s", "’s", "s'", "s’"))


def _reaches_quote(sentence: str, end: int) -> bool:
    """Whether a subject after its verb ends where the quote begins: in
    "…, said Ana Ruiz, “…”" it does; in "…, said the party was “…”" the
    words after the verb are a clause of their own, not its subject."""
    rest = sentence[end:]
    return not rest.strip(" \t\n,:;—–-") or APPOSITIVE_BEFORE_QUOTE.fullmatch(rest) is not None


def main_subject(sentence: str, offset: int) -> Optional[Mention]:
    """The subject of a sentence's main clause: a name or "he"/"she" that
    opens it (or opens it after a short introductory phrase), followed by
    its verb: "On Monday, Ana Ruiz, the mayor, called the plan …".

    >>> main_subject("On Monday, Ana Ruiz, the mayor, called the plan ", 0).name
    'Ana Ruiz'
    >>> main_subject("Supporters of Ana Ruiz called the plan ", 0) is None
    True
    """
    starts, comma = [0], -1
    for _ in range(2):   # the sentence start, or after one or two opening phrases
        comma = sentence.find(",", comma + 1, MAIN_SUBJECT_REACH)
        if comma < 0:
            break
        starts.append(comma + 1)
    for start in starts:
        match = MAIN_SUBJECT.match(sentence, start)
        if match is None:
            continue
        subject = match.group("subject")
        if not _role_words_only(subject) or PARTICIPLE.fullmatch(subject):
            continue   # "Ruiz heckles Delgado", "Featuring songs by …": no subject
        if subject.endswith(("'s", "’s", "s'", "s’")) or subject.split()[0].lower() in NOT_NAMES \
                and subject.split()[0] not in ("He", "She", "he", "she", "The", "the"):
            continue
        if subject[:4] in ("The ", "the ") and match.group("appositive"):
            # "The harbour master, Ana Ruiz, called …": the name, in that role
            name = APPOSITIVE_NAME.fullmatch(match.group("appositive"))
            if name is not None and not _is_organisation(name.group("name")):
                at = offset + match.start("appositive") + name.start("name")
                proper = strip_titles(name.group("name"))
                return Mention(name.group("name"), at, at + len(name.group("name")), "name",
                               proper, gender_of(proper), role_in(subject, before_name=True))
        return parse_subject(subject, offset + match.start("subject"), strip_tail=False)
    return None


def _may_invert(before):
    """News: whether a cue verb may come before its subject ("…,” said
    Ruiz, “…”, "Said Ruiz, “…”"): only after a quote or at the start of the
    sentence; "Ruiz, delivering the speech, asked the crowd" has its subject."""
    return not before.strip(" \t\n,") or "   " in before


def _participle_subject(before, offset):
    """News: who speaks in a participle cue that follows a noun: the subject
    after "with" ("…, with spokesman Ivo Lind saying, “…”") or, after a
    statement, whoever put the statement out ("The board sent out a letter
    saying “…”")."""
    with_subject = WITH_SUBJECT.search(before)
    if with_subject is not None:
        return parse_subject(with_subject.group("subject"), offset + with_subject.start("subject"))
    if STATEMENT_WORDS.intersection(before.lower().split()[-STATEMENT_REACH:]):
        return main_subject(before, offset) or description_subject(before, offset)
    return None


#: "is" or "was" right after a subject: what follows is said of it.
COPULA = re.compile(r"[ \t\n]+(?:is|was|are|were)[ \t\n]+(?!not\b)(?:[a-z]+ly[ \t\n]+)?(?:a|an|the|so|very|too|\W|$)")
#: A conjunction that opens a clause of its own after a quote.
CLAUSE_OF_ITS_OWN = re.compile(r"(?:[Ww]hile|[Ww]hereas|[Aa]nd|[Bb]ut)[ \t\n]")
#: "what" and a subject right before a cue verb: "what aide Ana Ruiz called".
WHAT_SUBJECT = re.compile(r"\b[Ww]hat[ \t\n]+(?P<subject>(?:%s|[^;:.!?\"“”]){1,100}?)[ \t\n]+$"
                          % ABBREVIATION)
#: ", who" (and maybe an adverb or auxiliary) right before a cue verb: "Ruiz, who said".
RELATIVE_WHO = re.compile(r"(?:[ \t\n]*\([^()]{1,20}\))?,[ \t\n]+who"
                          r"(?:[ \t\n]+(?:[a-z]+ly|has|had|have|also|later|then|once))?[ \t\n]+$")
#: "with" and the subject of a participle right after it: "with Ruiz saying".
WITH_SUBJECT = re.compile(r"\bwith[ \t\n]+(?P<subject>[^,;:.!?\"“”]{1,80}?)[ \t\n]*$")
#: How many words before a participle cue may name the statement it quotes.
STATEMENT_REACH = 5


def _role_words_only(subject):
    """Whether the lower-case words between the capitalised words of a
    subject are a role ("Former Ruiz spokesman Tomas Berg")."""
    if subject[:1].islower() or subject.startswith(("The ", "He", "She")):
        return True
    return all(word in ROLE_WORDS or word in NAME_LINK_WORDS or ROLE_WORD.match(word)
               for word in LOWER_WORD.findall(subject))


LOWER_WORD = re.compile(r"(?<![\w'’\-])[a-z][a-z\-]*")
#: A name (with an optional role after a comma) and a colon that open a
#: paragraph, right before a quote.
NAME_COLON = re.compile(r"[ \t\n]*(?P<name>%s)(?:,[^,.:;\"“”]{1,60})?:[ \t\n]*" % NAME.pattern)
#: A name and colon stand at most this far before the quote.
NAME_COLON_REACH = 120
#: How far into a sentence its main subject may begin.
MAIN_SUBJECT_REACH = 120
#: A verb-like word after a subject: a past tense, a third person, an auxiliary.
SUBJECT_VERB = (r"[ \t\n]+(?:(?:[a-z]+ly|at[ \t\n]+once|at[ \t\n]+last|at[ \t\n]+length)[ \t\n]+)?"
                r"(?:(?!(?:his|this|us|is)\b)[a-z]+(?:ed|s)|was|had|is|has|"
                r"did|could|would|will|also|again|then|later|once|even|never|made|gave|took|went|"
                r"told|said|says|spoke|wrote|thought|sent|called|used|kept|found|felt|left|held|"
                r"brought|began|became|saw|knew|got|won|lost|met|paid|led|stood|sought|"
                r"taught|meant|heard|understood|chose|drew|threw|struck|swore|fought|ran|"
                r"rose|sat|fell|shook|broke|bent|hung|sprang)\b")
#: A subject (a name, or he/she), an optional appositive, then its verb.
MAIN_SUBJECT = re.compile(r"[ \t\n]*(?P<subject>He|She|he|she|%s(?:(?:[ \t\n]+[a-z\-]+){1,3}[ \t\n]+%s)?|"
                          r"(?:The|the)(?:[ \t\n]+[\w\-'’]+){1,4}?)"
                          r"(?:[ \t\n]*\([^()]{1,40}\))?(?P<appositive>(?:,(?:%s|[^,.;\"“”]){1,80}){1,3},)?(?=%s)"
                          % (NAME.pattern, NAME.pattern, ABBREVIATION, SUBJECT_VERB))


#: Words that end the head of a noun phrase: what follows modifies it
#: ("protesters outside the hall", "an official who asked not to be named").
HEAD_MODIFIER_WORDS = frozenset("of on in at from for with by who which that whose near "
                                "outside inside across among under over".split())
#: Words a subject's head never holds: links, pronouns, auxiliaries, adverbs,
#: the words that open a clause rather than a noun phrase.
NOT_HEAD_WORDS = frozenset("""and or but nor so yet to as if when while since because
although though after before until unless whether than then also again even never still
now often once later already just only there here it its this that these those what
we i you they he she him her his them their our my your us me is are was were be been
has have had do does did will would can could may might must should shall not no
said says say told tells asked someone somebody anyone anybody everyone everybody
nobody something anything everything nothing""".split()) - frozenset(["these", "those", "only"])
#: Determiners that may open a subject that is a description.
SUBJECT_DETERMINERS = frozenset("the a an one some many most several these those another "
                                "two three four five only".split())
SUBJECT_WORD = re.compile(r"[\w\-’'/$]+")
#: A verb-like word, or "have"/"are"/"were", right after a description's head.
DESCRIPTION_VERB = re.compile(r"(?:%s|[ \t\n]+(?:have|are|were)\b)" % SUBJECT_VERB)


#: Where a modifier after a description's head stops: its verb cannot lie beyond.
MODIFIER_END = re.compile(r"[,.;:!?\"“”()—]")


def _verb_follows_head(sentence, end):
    """Whether a verb follows a head noun ending at end, at once or after
    a modifier ("protesters outside the hall chanted")."""
    if DESCRIPTION_VERB.match(sentence, end):
        return True
    following = SUBJECT_WORD.search(sentence, end)
    if following is None or sentence[end:following.start()].strip():
        return False
    word = following.group().lower()
    if word not in HEAD_MODIFIER_WORDS and not word.endswith("ing"):
        return False
    stop = MODIFIER_END.search(sentence, following.end())
    return DESCRIPTION_VERB.search(sentence, following.end(),
                                   stop.start() if stop else len(sentence)) is not None


#: A thing words are written on, right before them: the words are its own,
#: not said by whoever the sentence is about ("the gate carries a sign: “…”").
WRITTEN_ON = re.compile(r"\b(?:sign|placard|banner|poster|plaque|label|sticker|t-shirt|"
                        r"inscription|caption)s?(?:[ \t\n,]+(?:that|which))?(?:[ \t\n,]+"
                        r"(?:read|reads|reading|said|says|saying|bearing))?[ \t\n]*[:,—]?[ \t\n]*$",
                        re.I)


#: Written words that speak for whoever issued them: "a statement by the ministry".
STATEMENT_WORDS = frozenset("statement statements report letter email memo release "
                            "announcement communique communiqué".split())
#: "… issued by the Ministry of Defence", "… from Ana Ruiz": who issued a statement.
STATEMENT_SOURCE = re.compile(r"[ \t\n]+(?:(?:released|issued|published|sent|put[ \t\n]+out)"
                              r"[ \t\n]+)?(?:by|from)[ \t\n]+(?:the[ \t\n]+)?(?P<name>%s)"
                              % NAME.pattern)


#: A short phrase that opens a sentence before its subject: "In a statement,", "Across Asia,".
OPENING_PHRASE = re.compile(r"[ \t\n]*(?:In|On|At|Across|After|Before|During|Since|For|From|By|"
                            r"Over|Under|Within|Outside|Inside|Among|Throughout|When|While|As|"
                            r"Although|Though|Because|If|Despite|Unlike|Like|Asked|Even|"
                            r"[A-Z][a-z]+ing|The[ \t\n]+(?:next|same|following)|Last|Earlier|Later)[ \t\n]"
                            r"[^,.;:!?\"“”]{1,80},[ \t\n]+")


def description_subject(sentence: str, offset: int) -> Optional[Mention]:
    """The subject of a sentence that opens with a description, cut to its
    head: "Protesters outside the hall chanted …", "One official who asked
    not to be named said …", "Three percent of voters called …".

    >>> description_subject("Protesters outside the hall chanted ", 0).name
    'Protesters'
    >>> description_subject("Although there is no plan, he ", 0) is None
    True
    """
    words = list(SUBJECT_WORD.finditer(sentence, 0, MAIN_SUBJECT_REACH))
    if not words or words[0].start() != len(sentence) - len(sentence.lstrip()) \
            or words[0].group()[:1].islower():
        return None   # the sentence runs on from a quote or a clause
    opening = OPENING_PHRASE.match(sentence)
    if opening is not None:   # "In a statement, the company said"
        words = [w for w in words if w.start() >= opening.end()]
        if not words:
            return None
    head = []
    for word in words[:5]:
        lower = word.group().lower()
        if lower in HEAD_MODIFIER_WORDS or lower in NOT_HEAD_WORDS or lower.endswith(("ing", "ly")) \
                or (head and lower in SUBJECT_DETERMINERS) \
                or (lower.endswith("ed") and any(w.group().lower() not in SUBJECT_DETERMINERS
                                                 for w in head)) \
                or (head and sentence[head[-1].end():word.start()].strip()):
            break
        head.append(word)
    while head and not _verb_follows_head(sentence, head[-1].end()):
        head.pop()
    if not head or all(w.group().lower() in SUBJECT_DETERMINERS for w in head) \
            or head[-1].group().endswith(("'s", "’s", "s'", "s’")):
        return None   # "Ruiz's aides": the head is missing
    start, end = head[0].start(), head[-1].end()
    if head[-1].group().lower() in STATEMENT_WORDS:
        source = STATEMENT_SOURCE.match(sentence, end)
        if source is not None:   # "A statement issued by the ministry said"
            start, end = source.span("name")
    text = sentence[start:end]
    return Mention(text, offset + start, offset + end, "description", text)


#: ", a spokesman for the port," between an inverted subject and its quote.
APPOSITIVE_BEFORE_QUOTE = re.compile(r"[ \t\n]*,[^,.;:\"“”]{1,80},?[ \t\n]*[:,]?[ \t\n]*")


def parse_subject_at_start(text: str, offset: int, inverted: bool = False) -> Optional[Mention]:
    """The speaker mention that ``text`` starts with: "said Alice, …" gives
    "Alice"; "according to a senior official who spoke …" gives "a senior
    official".  Right after a speech verb (``inverted``) any description is
    the speaker, whatever its noun: "…," said the ferryman's boy.

    >>> parse_subject_at_start("the old ferryman's boy, pointing", 0, inverted=True).name
    "the old ferryman's boy"
    """
    stripped = text.lstrip(" \t\n")
    offset += len(text) - len(stripped)
    text = stripped
    if text.startswith("that "):
        return None   # "saying that foreigners …": a clause, not who speaks
    cut = RELATIVE_OR_CLAUSE.search(text)
    core = text[:cut.start()] if cut else text
    if inverted:
        adverb = TRAILING_ADVERB.search(core)
        if adverb is not None and adverb.group("adverb") not in NOUNS_IN_LY:
            core = core[:adverb.start()]   # "said the boy complacently"
    if inverted and cut is not None:
        phrase = PERSON_PHRASE.match(text, cut.start())
        if phrase is not None and DESCRIPTION_ONLY.fullmatch(core) \
                and phrase.group("noun") not in MANNER_NOUNS:
            core = text[:phrase.end()]   # "said the man with the grey scarf"
            mention = parse_subject(core, offset, strip_tail=False)
            if mention is not None:
                return mention
    mention = _person_of_body(core, offset) or parse_subject(core, offset)
    if mention is None:
        # "said Ana Ruiz of the non-partisan Harbour Policy Report": the name
        # before the body she belongs to.
        name = NAME.match(core)
        if name is not None and AFFILIATION.match(core, name.end()):
            mention = parse_subject(name.group(), offset, strip_tail=False)
    if mention is None and inverted:
        mention = _inverted_description(core.rstrip(" \t\n"), offset)
    if mention is None and inverted:
        mention = _word_name_after_verb(core, offset)
    return mention


def _word_name_after_verb(core, offset):
    """"…," said Will / remarked Hope: a name that is also a word, which
    opens sentences as the word, is the speaker's name right after the
    verb, alone before the clause ends."""
    match = WORD_NAME_ALONE.match(core)
    if match is None or match.group().lower() in NEVER_NAMES_AFTER_VERB:
        return None
    return Mention(match.group(), offset + match.start(), offset + match.end(), "name",
                   match.group(), gender_of(match.group()))


def _person_of_body(core, offset):
    """"said Ana Ruiz of the New York delegation": a person's full name
    (a given name or a title first) runs on into the body she belongs to;
    the person is the speaker."""
    name = NAME.match(core)
    if name is None:
        return None
    head = _person_before_body(name.group())
    if head == name.group():
        return None
    return parse_subject(head, offset, strip_tail=False)


def _person_before_body(name):
    """The person's name in "Ana Ruiz of the Harbour Trust", else the name."""
    if " of " not in name:
        return name
    head = name.split(" of ", 1)[0]
    words = name_words(head)
    if head == name or len(words) < 2 or words[-1] in TITLES or words[-1] in ROLE_WORDS \
            or gender_of(head) is None and words[0] not in TITLES:
        return name   # "General Secretary of the Party" is a title, not a name
    return head


#: What ties a name to the body a person belongs to: "Ana Ruiz of the …".
AFFILIATION = re.compile(r"[ \t\n]+(?:of|from|at|with)[ \t\n]+(?:the[ \t\n]+)?[\w\-]")


#: Adverbs of manner and time without "-ly" that may follow the speaker
#: named after a speech verb: "said Alice aloud", "cried Tom again".
PLAIN_ADVERBS = ("aloud", "again", "at last", "at once", "at length", "in reply", "in return",
                 "presently", "afterwards", "then", "too", "now", "still", "instead")
#: How a speaker spoke, after the speaker: "said the boy a little sadly".
TRAILING_ADVERB = re.compile(r"(?:[ \t\n]+(?:a[ \t\n]+little|very|rather|quite|so|most|more))?"
                             r"[ \t\n]+(?P<adverb>[a-z]+ly|%s)[ \t\n]*$"
                             % "|".join(sorted(PLAIN_ADVERBS, key=len, reverse=True)))
#: Nouns that end like adverbs.
NOUNS_IN_LY = frozenset("family ally bully lily fly butterfly belly folly jelly".split())
#: A phrase that tells one person from another after a description: "the
#: man with the grey scarf", "the lady in the grey cloak".
PERSON_PHRASE = re.compile(r"[ \t\n]+(?:with|in)[ \t\n]+the[ \t\n]+(?:[a-z\-]+[ \t\n]+){0,2}"
                           r"(?P<noun>[a-z\-]+)(?=[ \t\n]*(?:[,;:.!?\u2014]|$))")
#: Nouns of phrases that tell how words were said, not who said them.
MANNER_NOUNS = frozenset("""
    tone voice manner way air same utmost most least greatest dark end meantime
    extreme least interim""".split())
#: A name in apposition after a description: "…, said the port's director, Ana Ruiz."
APPOSITIVE_NAME = re.compile(r",[ \t\n]+(?P<name>%s)[ \t\n]*(?:[,.;]|$)" % NAME.pattern)


def _appositive_name(text, pos, offset):
    match = APPOSITIVE_NAME.match(text, pos)
    if match is None:
        return None
    mention = parse_subject(match.group("name"), offset + match.start("name"), False)
    return mention if mention is not None and mention.kind == "name" else None


#: A determiner alone after a speech verb that is someone of a group: "…," said another.
LONE_SPEAKERS = frozenset(("another", "one"))
#: Words that follow "said" without being who said it: "said the more", "said a word".
NOT_SPEAKER_HEADS = frozenset("""
    more most less least same word words thing things nothing something way time
    rest next last first other least better worse very
    """.split())


def _inverted_description(words, offset):
    """A description right after a speech verb: the speaker ("said the
    big navvy"), though its noun is not one the lists know."""
    if words.lower() in LONE_SPEAKERS:
        return Mention(words, offset, offset + len(words), "description", words, None)
    if not DESCRIPTION_ONLY.fullmatch(words) or "\n\n" in words:
        return None
    head = description_head(words)
    if not head.isalpha() or head in NOT_SPEAKER_HEADS or head in DETERMINERS:
        return None
    return Mention(words, offset, offset + len(words), "description", words,
                   _description_gender(words))


def description_head(words):
    """The noun a description is about: "man" in "the old man", "landlord"
    in "the landlord of the inn".

    >>> description_head("the keeper of the lighthouse"), description_head("the old man")
    ('keeper', 'man')
    """
    head = HEAD_ENDS.split(words.lower(), 1)[0].split()
    return head[-1] if head else ""


COMMA = re.compile(r",")
#: What may follow "X said" at the end of a sentence: "in a statement", "on Monday".
TRAILING_CUE_WORDS = re.compile(r"[ \t\n]+(?:in|on|at|to|during|after|of|last|this|earlier|later|"
                                r"recently|yesterday|today|told)\b[^,;:\"“”]*$")
#: Marks that end the words a cue's subject can span.
SENTENCE_BREAK = re.compile(r"[!?;\"“”]|(?<![A-Z])(?<!%s)\.\s" % ")(?<!".join(ABBREVIATED_TITLES))
#: Words that make a clause, not a description, of what stands before a verb.
VERB_WORDS = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|that|which|who)\b")
#: Words after the noun of a description: "a spokesman for Disney", "an
#: analyst at the bank", "a source close to the campaign".
HEAD_ENDS = re.compile(r"\s(?:of|for|at|in|from|with|on|close|familiar(?=\swith|$))(?:\s|$)")


def _drop_article(name):
    """"The Kremlin" -> "Kremlin"; "CNN." -> "CNN" (a sentence's full stop)."""
    if name.startswith("The "):
        name = name[4:]
    if name.endswith(".") and len(name.split()[-1]) > 3 and not name.endswith(("Jr.", "Sr.")):
        name = name[:-1]
    return name


def _description_gender(words):
    for word in words.lower().split():
        if word in MALE_NOUNS:
            return "m"
        if word in FEMALE_NOUNS:
            return "f"
    return None


#: Where a subject after a verb ends: a comma, a clause, a preposition of place.
RELATIVE_OR_CLAUSE = re.compile(r"[,;:!?\"“”()]|%s\.|\s(?:who|which|that|as|and|with|in|on|at|to|"
                                r"from|after|before|when|while|because|but|then|this|these|it|without|"
                                r"there)\b|\s[a-z]+ing\b"
                                % "".join("(?<!%s)" % a for a in ("[A-Z]",) + ABBREVIATED_TITLES))
#: Head nouns of descriptions that can speak: people, the groups they form
#: and the papers that speak for them ("a senior official", "the old man",
#: "the ministry"); "the call described" names no speaker.
SPEAKER_NOUNS = MALE_NOUNS | FEMALE_NOUNS | frozenset("""
    official officials spokesman spokeswoman spokesperson source sources aide aides diplomat
    diplomats analyst analysts expert experts lawyer lawyers attorney police officer officers
    ministry department agency company firm group government administration campaign party
    committee court judge statement report study survey witness witnesses resident residents
    people person doctor nurse teacher student students soldier soldiers worker workers member
    members leader leaders minister president senator governor mayor secretary chairman
    director executive manager owner spokespeople representative representatives newspaper
    paper network station union council board authority authorities prosecutor prosecutors
    police military army office commission organization organisation institute ambassador
    stranger voice voices crowd child children friend friends visitor guest servant clerk
    driver captain colonel major sergeant inspector detective landlord landlady host hostess
    other others one speaker young old elder youth baby everybody everyone somebody someone
    nominee candidate candidates front-runner frontrunner strategist strategists pollster
    consultant commentator columnist activist activists organizer protester protesters
    demonstrator demonstrators supporter supporters critic critics voter voters narrator
    congressman congresswoman lawmaker lawmakers legislator businessman businesswoman
    chairwoman adviser advisers advisor advisors economist economists researcher researchers
    professor scientist scientists historian veteran veterans delegate delegates
    correspondent reporter reporters editor editorial email memo letter filing complaint
    lawsuit ruling release poll ad advertisement website blog post tweet message document
    envoy envoys chair chief chiefs coach deputy rival rivals billionaire head general
    """.split())


# --------------------------------------------------------------------------
# Attribute: an ordered list of rules, most precise first
# --------------------------------------------------------------------------

#: The marks that open a paragraph of dialogue.
DIALOGUE_OPENERS = frozenset("\"'\u201c\u2018\u201e\u00ab\u00bb\u2014\u2015\u300c`")
#: How many opening paragraphs are read for the genre before any quote is
#: attributed, unless the clues of fewer already differ by GENRE_MARGIN.
GENRE_PREVIEW = 8
GENRE_MARGIN = 3
#: How many of the speech verbs before a quote, nearest first, may be its cue.
CUE_VERBS_TRIED = 3
#: How far from a quote (in characters) its cue may stand.
CUE_WINDOW = 300
#: How much of the end of a paragraph without quotes is read for names.
NARRATION_WINDOW = 400


#: Words that speak to someone without naming them: "Yes, ma'am."
FORMS_OF_ADDRESS = frozenset("""
    ma'am madam madame mum sir sirs mister missus darling dearest love honey
    monsieur mademoiselle signor signora senor señor señora""".split())
#: What being spoken to next to "I said" counts for, against once anywhere
#: else, in naming the narrator.
NEXT_TO_I_VOTES = 4
#: How many descriptions of people ("the porter") a story remembers.
DESCRIBED_PEOPLE = 64
#: The title that a person's kin bears with the same surname: Mr. Bennet's
#: wife is Mrs. Bennet.
KIN_TITLES = {"wife": "Mrs.", "lady": "Mrs.", "husband": "Mr.", "mother": "Mrs.",
              "father": "Mr."}
#: Cue verbs of an answer to what was just said.
REPLY_VERBS = frozenset("replied answered rejoined retorted returned responded".split())
#: A voice said to be someone's: "a child's voice" speaks for the child, "the
#: voice of Tom Hale" for Tom Hale.
VOICE_OWNER = re.compile(r"(?P<owner>.+?)['’]s voice|(?:the |a )?voice of (?P<of>.+)", re.I)
#: Kin of someone right before a name, which gives the name's sex: "her
#: brother Felix", "his younger sister, Ann,".
KIN_WORDS = ("brother", "sister", "son", "daughter", "wife", "husband", "uncle", "aunt", "nephew",
             "niece", "father", "mother")
KIN_ENDINGS = tuple(kin + end for kin in KIN_WORDS for end in (" ", "\n", ", ", ",\n"))
KIN_BEFORE_NAME = re.compile(r"\b(?:his|her|my|your|our|their)[ \t\n]+(?:(?:elder|eldest|younger|"
                             r"youngest|little|big|baby|twin|old|dear|late)[ \t\n]+)?"
                             r"(?P<kin>%s)[ \t\n]*,?[ \t\n]*$" % "|".join(KIN_WORDS), re.I)
#: Speakers giving their own name: "I'm Peters.", "My name is Ward,".
SELF_NAMING = re.compile(r"(?:\b[Mm]y[ \t\n]+name[ \t\n]+is|\b[Mm]y[ \t\n]+name['’]s|\bI[ \t\n]+am|"
                         r"\bI['’]m)[ \t\n]+(?P<name>%s)(?=[.,;!]|$)" % NAME.pattern)
#: A question for the name of the one spoken to, and the answer that gives it.
ASKS_NAME = re.compile(r"\b(?:[Ww]hat|[Yy]our)[ \t\n]+name\b|\b[Ww]ho[ \t\n]+are[ \t\n]+you\b|"
                       r"\b[Yy]ou[ \t\n]+are\?")
NAME_GIVEN = re.compile(r"[ \t\n]*(?P<name>%s)(?=[ \t\n]*(?:[.,;!]|--|—|$))" % NAME.pattern)
#: What a child calls a parent, and the title the parent bears: "Yes, Mamma"
#: speaks to Mrs. Bennet.
PARENT_CALLED = {"mother": "Mrs.", "mamma": "Mrs.", "mama": "Mrs.", "mammy": "Mrs.",
                 "father": "Mr.", "papa": "Mr.", "pappa": "Mr."}
#: Kin who bear the possessor's surname even before the story names them: a spouse.
SPOUSES = frozenset(("wife", "lady", "husband"))
#: Kin who are the only Mrs. or Mr. of a family scene: "her mother", "his father".
PARENTS = frozenset(("mother", "father"))
#: How many of the latest descriptions a shorter one may stand for ("the man").
SCENE_DESCRIPTIONS = 16
#: A description means the same person for this many paragraphs after its last use.
SCENE_PARAGRAPHS = 20
#: Determiners that make a description somebody's: "his wife", "her father".
POSSESSIVE_DETERMINERS = frozenset("his her their its my your our".split())
#: Nouns that are also titles before a name: "the count" is Count Greffi.
TITLE_NOUNS = frozenset(TITLE_ROLES.values()) | frozenset(
    "count countess baron baroness duke duchess marquis marchioness earl prince princess".split())
#: A title noun opening a clause of narration: "The doctor shut the door".
#: (No leading \b, which would make the search four times slower: the
#: word's start is checked where it matches.)
TITLE_SUBJECT = re.compile(r"[Tt]he[ \t\n]+(?P<noun>%s)[ \t\n]+(?!of\b)[a-z]+"
                           % "|".join(sorted(TITLE_NOUNS)))
#: The heart of TITLE_SUBJECT, which opens with plain letters that the
#: engine finds fast: most narration has no title noun, and this rules it out.
TITLE_NOUN_AFTER_THE = re.compile(r"he[ \t\n]+(?:%s)[ \t\n]" % "|".join(sorted(TITLE_NOUNS)))
#: Words that pin a description to one person: "the man with the beard".
IDENTIFYING = re.compile(r"\s(?:with|in|of|at|from)\s")
#: People a story names by their calling and goes on calling so, though
#: "he" or "she" then means them: "The waiter nodded his head. “…,” he said."
CALLING_NOUNS = frozenset("""
    waiter porter policeman constable stranger doctor clerk driver servant coachman cabman
    footman butler housekeeper landlord landlady guard sailor soldier officer sergeant
    inspector detective coroner magistrate clergyman vicar curate priest parson nurse
    shopman shopkeeper barman barmaid innkeeper postman carrier groom gardener conductor
    """.split())
#: A description of someone's calling opening a clause of narration: "The
#: old waiter nodded …".
CALLING_SUBJECT = re.compile(r"The[ \t\n]+(?P<words>(?:[a-z\-]+[ \t\n]+){0,2}?(?P<head>%s))"
                             r"(?![\w\-])" % trie_pattern(CALLING_NOUNS))


#: "I" as the subject of narration: "I found", "so I went", "I had not".
NARRATOR_I = re.compile(r"\bI[ \t\n]+(?:[a-z]+ly[ \t\n]+)?[a-z]")
#: The kin of the one who tells a story, named so in its narration: "I found
#: my uncle in the shed", "My aunt was waiting at the gate".
NARRATORS_KIN = re.compile(r"\b[Mm]y[ \t\n]+(?P<kin>%s)\b"
                           % "|".join(KIN_WORDS + ("grandfather", "grandmother")))
#: Someone new a sentence opens with: "A tall man in an oilskin", "An old
#: woman"; the head noun gives the sex.
NEWCOMER_SUBJECT = re.compile(r"An?[ \t\n]+(?P<words>(?:[a-z\-]+[ \t\n]+){0,2}?(?P<head>%s))"
                              r"(?![\w\-])" % trie_pattern(MALE_NOUNS | FEMALE_NOUNS))
#: Where someone described is, between the description and its verb:
#: "The stranger by the fire had not spoken".
PLACE_OF_PERSON = re.compile(r"[ \t\n]+(?:by|at|in|near|beside)[ \t\n]+(?:the|a|an)[ \t\n]+[a-z]+(?=[ \t\n])")


#: The pronoun whose possessive a determiner is.
POSSESSOR_PRONOUNS = {"his": "he", "her": "she"}
#: Who is "his companion" is whoever of the conversation he is not.
COMPANION_NOUNS = frozenset(("companion", "interlocutor"))
#: "Her ladyship" is the one called Lady; "his lordship" the one called Lord.
HONOURS = {"ladyship": "lady", "lordship": "lord"}


def identifying(description: str) -> bool:
    """Whether a description says which one is meant ("the man with the beard")."""
    return IDENTIFYING.search(description) is not None


#: Two names joined: a pair, not one person.
NAME_LIST = re.compile(r"[ \t\n](?:and|or|&)[ \t\n]")


#: How far after a quote "he" or "she" may still go on with its speaker.
LAST_SPEAKER_GAP = 300


#: An appositive that gives a name its role: ", a Norwegian oil company,".
ROLE_GIVEN = re.compile(r"(?:[ \t\n]*\([^()]{1,30}\))?,[ \t\n]+(?:a|an|the)[ \t\n]+"
                        r"(?P<words>(?:[\w\-'’]+[ \t\n]+){0,4}?[a-z]+)[,.;]")


#: Another name given right after a name: ", whom everyone called Lizzy",
#: ", known to friends as “Bo”", " (known as Bo)".
ALIAS_AFTER = re.compile(r"(?:,|[ \t\n]*\()[ \t\n]*(?:(?:whom|who)[ \t\n]+(?:[a-z]+[ \t\n]+){0,3}?"
                         r"(?:called|calls|call|knew[ \t\n]+as|know[ \t\n]+as|knows[ \t\n]+as)|"
                         r"(?:better[ \t\n]+|also[ \t\n]+)?known(?:[ \t\n]+to[ \t\n]+(?:[a-z]+[ \t\n]+){0,2}?"
                         r"[a-z]+)?[ \t\n]+as)[ \t\n]+[\"“‘']?(?P<alias>[A-Z][a-z]+)\b")
#: Words of a role that qualify it and are no role alone: "former", "deputy".
ROLE_MODIFIERS = frozenset("""
    press national security foreign defense defence interior finance prime deputy vice chief
    executive former then acting state senior junior top party opposition rival campaign
    presidential ex""".split())


def _role_right_before(text, start, end, qualifiers=ROLE_MODIFIERS):
    """The role a lower-case noun right before a name gives its bearer:
    "Board chair Ana Ruiz opened …" makes Ruiz "the chair"; words of
    ``qualifiers`` are no role alone."""
    match = WORD_BEFORE_NAME.search(text, start, end)
    if match is None:
        return None
    word = match.group("word")
    return word if word in ROLE_WORDS and word not in qualifiers else None


def _placed_role_right_before(text, start, end):
    """The role of a body or country right before a name: "WMAL host Ana
    Ruiz" is the WMAL host, and not the CNN host."""
    if _role_right_before(text, start, end) is None:
        return None
    return qualified_role(text[start:end])


def appositive_role(text, index, end):
    """The noun an appositive right after a name calls its bearer by: the
    head of the phrase, before "of", "for" or "at".

    >>> appositive_role("Ana Ruiz, a spokeswoman for the port authority, said", 8, 52)
    'spokeswoman'
    >>> appositive_role("Norvik, a Norwegian shipping company, said", 6, 42)
    'company'
    """
    appositive = ROLE_GIVEN.match(text, index, end)
    if appositive is None:
        return None
    return HEAD_ENDS.split(appositive.group("words"), 1)[0].split()[-1]


#: A role tied to a country or body: "Kirovan President", "Kirova's foreign
#: minister", "the Kirovan president".
QUALIFIED_ROLE = re.compile(r"(?<![\w'’\-])(?P<place>[A-Z][a-z]{3,}|[A-Z]{2,})(?:['’]s)?[ \t\n]+"
                            r"(?:(?P<modifier>[A-Za-z]+)[ \t\n]+)??(?P<role>[A-Za-z\-]+)$")
#: Endings of the adjective of a country: "Ukrainian", "Chinese", "Israeli".
DEMONYM_ENDINGS = ("ians", "ian", "ans", "an", "ese", "ish", "i")


def place_stem(word):
    """What a country and its adjective share: "ukrain" for "Ukraine",
    "Ukraine's" and "Ukrainian".

    >>> place_stem("Ukraine's"), place_stem("Ukrainian"), place_stem("Chinese")
    ('ukrain', 'ukrain', 'chin')
    """
    word = POSSESSIVE.sub("", word).lower()
    for ending in DEMONYM_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            word = word[:-len(ending)]
            break
    return word[:-1] if len(word) > 4 and word[-1] in "aeiouy" else word


def qualified_role(words, whole=False):
    """(place stem, role, modifier) of a phrase that ends with a role of a
    country or body ("Ukraine's foreign minister"), or None; ``whole``: the
    phrase is that and nothing more ("another Ryan aide" is someone else)."""
    words = words.rstrip(" \t\n,")
    match = QUALIFIED_ROLE.search(words)
    if match is None or whole and words[:match.start()].lower() not in ("", "the "):
        return None
    role = match.group("role").lower()
    place = match.group("place").lower()
    if role not in ROLE_WORDS and role not in TITLES \
            or place in NOT_NAMES and not place.endswith(DEMONYM_ENDINGS):   # "When President …"
        return None
    modifier = (match.group("modifier") or "").lower()
    return place_stem(match.group("place")), ROLE_SYNONYMS.get(role, role), modifier


#: An appositive after a name that may give a role of a country: ", the
#: Kirovan president," / ", Kirova's president".
PLACED_APPOSITIVE = re.compile(r",[ \t\n]+(?:the[ \t\n]+)?(?P<words>[A-Z][^,.;:\"“”]{3,50}?)"
                               r"(?=[ \t\n]*[,.;]|[ \t\n]+(?:said|says|told|of|for)\b)")


def same_place(a, b):
    short, long = sorted((a, b), key=len)
    return a == b or len(short) >= 4 and long.startswith(short)


#: Rules that guess a speaker from the narration, with no cue: a quote
#: after one of theirs in the paragraph is weighed afresh.
GUESSES = ("nearest_subject", "sentence_subject")


class Attributor:
    """Name the speaker of each quote: an ordered list of small rules, most
    precise first, each claiming only the quotes it is sure of.

    Feed it every paragraph in order, with the quotes the scanner found in
    it; it fills in speaker, mention, cue, method, confidence and type.
    """

    def __init__(self):
        self.registry = Registry()
        self.paragraph_index = 0
        self.news_clues = 0
        self.fiction_clues = 0
        self.dialogue_turns = 0
        self.fiction = self.story = False   # judged from the clues: see _judge_genre
        # The first paragraphs, kept back till their clues have judged the
        # genre: a story that opens with talk reads like news at first.
        self.preview: Optional[List[tuple]] = []
        # The conversation so far: (paragraph index, entity) of recent
        # quote paragraphs, newest last; and who was last spoken to.
        self.turns: List[tuple] = []
        self.addressee: Optional[Entity] = None
        self.previous_paragraph: Optional[Paragraph] = None
        self.held: List[Paragraph] = []   # paragraphs inside a quotation still open
        self.name_forms = {}   # raw words -> ([(name, role)], whether shaped like a participle, whether a place)
        self.headline_cache = (None, False)   # (paragraph text, whether a headline)
        # The last few paragraphs as [paragraph, narration]: the text with
        # quoted words blanked out, where news pronouns find their antecedents.
        self.narrations: List[list] = []
        self.last_quote: Optional[Quote] = None
        self.last_attribution: Optional[Attribution] = None
        self.clock_at_last_quote = 0   # the registry's clock when it was attributed
        self.narrator_votes = {}   # Entity -> times addressed next to "I said"
        self.narrator: Optional[Entity] = None   # the one with most votes
        self.narrator_spoke_last = False
        self.told_by_i = False   # a cue has said "I said": a first-person story
        # Paragraphs of narration alone, how many of them say "I", and how often.
        self.narration_paragraphs = self.narration_with_i = self.narration_i = 0
        self.unnamed_narrator: Optional[Entity] = None   # "I", before the story names them
        self.named_speakers = set()   # entities a cue has named ("said Duval")
        self.new_turn = False          # the quote being attributed opens its paragraph
        self.deciding: Optional[Quote] = None   # the quote being attributed
        # Whom the quote before in the same paragraph spoke to.
        self.spoken_to_before: Optional[Entity] = None
        self.narrators_kin = {}   # "my uncle" -> the one person a story told by "I" calls so
        self.speakers: List[Entity] = []  # recent speakers, newest last
        self.paragraph_start_clock = 0  # registry clock when this paragraph began
        self.previous_start_clock = 0   # ... and when the one before it began
        self.spoken_to: Optional[Entity] = None  # named by a vocative in the quote at hand
        # Descriptions of a story's people ("old gentleman") -> whom they stood for.
        self.described = OrderedDict()

    def _story_lead(self):
        """How far the clues lean to a story (above 0) or to news (below)."""
        return self.fiction_clues + self.dialogue_turns // 2 - self.news_clues

    def _judge_genre(self):
        """Judge the genre from the clues, each time they are weighed: the
        rules ask for it many times a quote."""
        # A paragraph that opens with a quotation mark is a turn of dialogue:
        # stories are made of them; news has them too, with its own clues.
        self.fiction = self._story_lead() > 0
        # Plainly fiction: a few words quoted in passing are then a term,
        # not speech (news quotes a word to attribute it).
        self.story = self.fiction_clues > 2 * self.news_clues

    # -- feeding

    def hold(self, paragraph: Paragraph):
        """Keep back a paragraph that a quotation runs through, till it ends."""
        self.held.append(paragraph)

    def release(self):
        """Read the paragraphs kept back as narration after all: the quotation
        they seemed to open was never closed."""
        held, self.held = self.held, []
        for paragraph in held:
            self.add(paragraph, [])

    def add(self, paragraph: Optional[Paragraph], quotes: List[Quote]):
        """Attribute the quotes of a paragraph (``None``: of a quotation
        carried over paragraphs that were never closed), or keep them back
        while the opening paragraphs are previewed for the genre."""
        if self.preview is None:
            self._read(paragraph, quotes)
            return
        self.preview.append((paragraph, quotes))
        if paragraph is not None:
            self.paragraph_index += 1
            self._weigh_genre(paragraph, quotes)
            if self.paragraph_index >= GENRE_PREVIEW or abs(self._story_lead()) >= GENRE_MARGIN:
                self.end_preview()

    @property
    def previewing(self) -> bool:
        return self.preview is not None

    def end_preview(self):
        """Attribute the paragraphs kept back, in the genre their clues show."""
        preview, self.preview = self.preview, None
        if preview is None:
            return
        self.paragraph_index = 0
        for paragraph, quotes in preview:
            self._read(paragraph, quotes, weigh=False)

    def _read(self, paragraph, quotes, weigh=True):
        if paragraph is not None:
            self.paragraph_index += 1
            self.previous_start_clock = self.paragraph_start_clock
            self.paragraph_start_clock = self.registry.clock + 1
            if weigh:
                self._weigh_genre(paragraph, quotes)
        if not self.fiction:   # kept only for the news rules that read them
            if paragraph is not None:
                self.narrations.append([paragraph, paragraph.text])
                del self.narrations[:-NARRATION_PARAGRAPHS]
            self._blank_quotes(quotes)
        if quotes:
            self._attribute_all(quotes)
        elif paragraph is not None:
            # Narration matters for the quotes that follow it: its last
            # sentences most, and reading only those keeps long books fast.
            text = paragraph.text
            self.narration_paragraphs += 1
            says_i = NARRATOR_I.search(text, max(0, len(text) - NARRATION_WINDOW)) \
                if self.fiction else None
            if says_i is not None:
                self.narration_with_i += 1
                self.narration_i += 1 + (NARRATOR_I.search(text, says_i.end()) is not None)
            self._see_names(text, max(0, len(text) - NARRATION_WINDOW), len(text))
        if paragraph is not None:
            self.previous_paragraph = paragraph

    def _weigh_genre(self, paragraph, quotes=()):
        if abs(self.fiction_clues - self.news_clues) > 8 and self.paragraph_index % 4:
            return   # the evidence is clear: look now and then, for a change of text
        text = paragraph.text
        if NEWS_CLUES.search(text):
            self.news_clues += 1
        if DATELINE.match(text) or self.paragraph_index == 1 and _is_headline(text) \
                and not is_heading(text):
            self.news_clues += 2   # "MANCHESTER, N.H. — …", a headline in title case
        # Fiction's clues ("I", "cried") count in the narration only: the
        # people a news report quotes say "I" too.
        if FICTION_CLUES.search(_narration_of(paragraph, quotes)):
            self.fiction_clues += 1
        if "\n" in text.rstrip():
            self.fiction_clues += 1   # hard-wrapped prose: books, not web pages
        if text.lstrip()[:1] in DIALOGUE_OPENERS:
            self.dialogue_turns += 1
            if any(_calls_by_name(quote.text) for quote in quotes):
                self.fiction_clues += 1   # "Come here, Tom": a story's people talk to each other
        self._judge_genre()
        self.registry.surname_is_person = not self.fiction

    def _see_names(self, text, start, end):
        """Note the people and organisations named in narration."""
        if start >= end:
            return   # no narration: the quote opens its paragraph or follows another
        registry, forms = self.registry, self.name_forms
        news = not self.fiction
        last_subject = start   # where the last person named as a subject was
        title_ends = None   # where a title before a comma ends, and its role
        first_name = True
        window_clock = registry.clock
        for match in NAME.finditer(text, start, end):
            raw = match.group()
            if raw == "The" and not news:
                self._see_calling(text, start, match.start(), end)
                continue
            if raw in ("A", "An") and not news:
                self._see_newcomer(text, start, match.start(), end)
                continue
            titled = None
            if news:
                titled = title_ends[1] if title_ends and title_ends[0] == match.start() \
                    and not POSSESSIVE.search(raw) else None
                title_ends = None
                if text.startswith(", ", match.end()):
                    last_word = raw.rsplit(None, 1)[-1].lower()
                    if last_word in ROLE_WORDS:
                        # "Prime Minister, Ivo Marek": the name after the comma bears the title
                        title_ends = (match.end() + 2, last_word)
            if news and titled is None and match.start() > start:
                titled = _role_right_before(text, max(start, match.start() - 30), match.start())
            entry = forms.get(raw)
            if entry is None:
                if len(forms) > 20_000:
                    forms.clear()
                entry = forms[raw] = (name_forms(raw), PARTICIPLE.fullmatch(raw) is not None,
                                      _is_place(raw))
            names, participle, place = entry
            if not names or not news and place:
                continue   # "I", "The", "Yes": most capitalised words name nobody
            if participle and not _acts_after(text, match.end(), end):
                continue   # "Observing the crowd, he …": a verb that opens a sentence
            if first_name:   # asked only where there is a name: most narration has none
                if self._in_title_case(text, start, end):
                    return
                first_name = False
            subject = inside = False
            if at_clause_start(text, start, match.start()):
                subject = VERB_AFTER.match(text, match.end()) is not None \
                    or raw[-2:] in ("'s", "’s") and BODY_VERB_AFTER.match(text, match.end()) is not None
                if not subject and " " not in raw:
                    continue  # "Exactly, ..." opens a sentence but names nobody
            else:
                inside = True
            speaks = news and (speech_after_name(text, match.end(), end)
                               or _after_speech_verb(text, match.start()))
            calling = None if news else appositive_calling(text, match.end(), end)
            placed = self._placed_role(text, start, end, match, names) if news else None
            kin = None
            if not news and text.endswith(KIN_ENDINGS, start, match.start()):
                # the cheap test first: most names have no kin before them
                kin = KIN_BEFORE_NAME.search(text, max(start, match.start() - 40), match.start())
            for name, role in names:
                entity = registry.see(name)
                if kin is not None and entity.gender is None:   # "her brother Felix"
                    entity.gender = _description_gender(kin.group("kin"))
                    entity.person = True
                if placed is not None:
                    registry.give_placed_role(placed, entity)
                if speaks:
                    entity.person = True
                if role or titled:
                    registry.roles[role or titled] = entity
                if calling:   # "Mr. Lowell, a surgeon in the town": "the doctor" is he
                    registry.roles[calling] = entity
                    entity.person = True
                if inside:
                    entity.inside = True
                    if entity.gender is not None and not news \
                            and _taken_up_by_pronoun(text, match.end(), end, entity.gender) \
                            and not self._subject_since(entity.gender, window_clock):
                        registry.touch(entity, salient=True)
                if subject:
                    # A pair of capitalised words may be a thing's ("The New Life
                    # began"): only "his" or "her own" gives it a sex then.
                    known = _known_name(entity) and (entity.person or entity.inside
                                                     or " " not in entity.name)
                    registry.touch(entity, salient=True)
                    last_subject = match.end()
                    if entity.gender is None and not news and not _is_organisation(name):
                        # "Port Ellen was far away, once she …": a place has no sex
                        entity.gender = _sex_from_pronoun(text, match.end(), end, known)
            alias = ALIAS_AFTER.match(text, match.end(), end) \
                if names and text.startswith((",", " (", "("), match.end()) else None
            if alias is not None:   # "Elizabeth Vane, whom everyone called Lizzy,"
                registry.add_alias(entity, alias.group("alias"))
            if news and text.startswith((",", " (", "("), match.end()):
                # "Norvik, a Norwegian shipping company, …": "the company" is Norvik.
                role = appositive_role(text, match.end(), end)
                if names and role and (role in ORGANISATION_WORDS or role in ROLE_WORDS
                                       or ROLE_WORD.match(role)):
                    registry.roles[role] = entity
        if not news:
            self._see_titled_subjects(text, last_subject, end)
            for kin in NARRATORS_KIN.finditer(text, start, end):
                self._see_narrators_kin(text, start, kin, end)

    @staticmethod
    def _placed_role(text, start, end, match, names):
        """The role of a country a name is given next to it: "Kirovan
        President Ivo Maric", "The Kirovan president, Ivo Maric,", "Ivo
        Maric, Kirova's president,"."""
        if len(names) != 1 or " " not in names[0][0]:
            return None   # a full name only: "Kirovan" alone is no person
        raw = match.group()
        if raw.endswith(names[0][0]) and raw != names[0][0]:
            placed = qualified_role(raw[:-len(names[0][0])])
            if placed is not None:
                return placed
        placed = _placed_role_right_before(text, max(start, match.start() - 30), match.start())
        if placed is not None:
            return placed
        before = text[max(start, match.start() - 60):match.start()]
        if before.endswith(", "):
            placed = qualified_role(before)
            if placed is not None:
                return placed
        after = PLACED_APPOSITIVE.match(text, match.end(), min(end, match.end() + 60))
        return qualified_role(after.group("words")) if after is not None else None

    def _see_titled_subjects(self, text, start, end):
        """"The doctor shut the door": a title noun as the subject of
        narration makes the one who bears that title its subject."""
        if TITLE_NOUN_AFTER_THE.search(text, start + 1, end) is None:
            return
        for match in TITLE_SUBJECT.finditer(text, start, end):
            at = match.start()
            if (at == 0 or not text[at - 1].isalpha()) and at_clause_start(text, max(0, at - 8), at):
                entity = self._bearer_of_title(match.group("noun").lower())
                if entity is not None:
                    self.registry.touch(entity, salient=True)

    def _subject_since(self, sex, clock):
        """Whether someone of that sex has been the subject of a sentence
        since the registry's clock read ``clock``."""
        entity = self.registry.recent(sex, since=clock)
        return entity is not None and entity.gender == sex and entity.salient > clock

    def _see_calling(self, text, start, at, end):
        """Note the person a sentence opens with by their calling, when a
        verb and a pronoun that gives a sex follow: "The waiter nodded his
        head"."""
        match = CALLING_SUBJECT.match(text, at, end)
        if match is None or not at_clause_start(text, start, at):
            return
        if not _verb_after_person(text, match.end(), end):
            return
        words = " ".join(match.group("words").lower().split())
        sex = _sex_from_pronoun(text, match.end(), end)
        entity = (self.registry.roles.get(words) or self._described_before(words)
                  or self._bearer_of_title(description_head(words)))
        if entity is None:
            if sex is None:
                return   # "he" or "she" may not mean someone of unknown sex
            entity = DescribedPerson(words, sex, self.registry.clock)
            entity.person = True
        if entity.gender is None:
            entity.gender = sex
        self._describe(words, entity)
        self.registry.touch(entity, salient=True)

    def _see_narrators_kin(self, text, start, match, end):
        """Note "my uncle" or "my aunt" of a story told by "I": one person
        for the whole story, whom "he" or "she" may mean, the subject of
        the sentence when a verb follows."""
        key = "my " + match.group("kin").lower()
        entity = self._described_before(key) or self.narrators_kin.get(key)
        if entity is None:
            entity = DescribedPerson(key, _description_gender(key), self.registry.clock)
            entity.person = True
            self.narrators_kin[key] = entity
        self._describe(key, entity)
        subject = at_clause_start(text, start, match.start()) \
            and VERB_AFTER.match(text, match.end()) is not None
        self.registry.touch(entity, salient=subject)

    def _narrators_kin_called(self, name):
        """"Only a little, Aunt Sarah": the narrator's aunt, named so from
        then on, when the story knows her as "my aunt"."""
        first, _, rest = name.partition(" ")
        kin = self.narrators_kin.get("my " + first.lower()) if rest else None
        if kin is not None and kin.name.startswith("my ") and self.registry.lookup(name) is None:
            self.registry.name(kin, name)
        return kin

    def _see_newcomer(self, text, start, at, end):
        """Note someone a sentence brings in by a description that gives a
        sex, with a verb after it: "A tall man in an oilskin stepped into
        the light."  "He" may mean them from then on.  Named, not made the
        subject: often they only pass by."""
        match = NEWCOMER_SUBJECT.match(text, at, end)
        if match is None or not at_clause_start(text, start, at):
            return
        if not _verb_after_person(text, match.end(), end):
            return
        words = " ".join(match.group("words").lower().split())
        entity = DescribedPerson(words, _description_gender(match.group("head")), self.registry.clock)
        entity.person = True
        self.registry.touch(entity)

    def _in_title_case(self, text, start, end):
        """Whether narration is a heading or headline, every word capitalised:
        "CHAPTER IV. The Visitor At The Door" names nobody, and in "Senator
        Defends Plan Against Critics" a name cannot be told from the words
        around it."""
        return end - start < 120 and is_heading(text[start:end]) or self._in_headline(text)

    def _in_headline(self, text):
        if self.headline_cache[0] is not text:
            self.headline_cache = (text, _is_headline(text))
        return self.headline_cache[1]

    def _blank_quotes(self, quotes):
        """Blank the quoted words out of the narration kept, so that a name
        inside a quote is never taken for the antecedent of a pronoun."""
        for entry in self.narrations:
            paragraph, text = entry
            pieces, done = [], 0
            for quote in quotes:
                start = max(quote.start - paragraph.start, done)
                end = min(quote.end - paragraph.start, len(text))
                if start < end:
                    # Keep a full stop where the quote ended a sentence.
                    stop = "." if quote.text.rstrip()[-1:] in ".!?" else " "
                    pieces += [text[done:start], " " * (end - start - 1), stop]
                    done = end
            if pieces:
                entry[1] = "".join(pieces) + text[done:]

    # -- the rules

    def _attribute_all(self, quotes):
        for index, quote in enumerate(quotes):
            context = quote.context
            first, last = context.first_paragraph, context.paragraph
            previous = quotes[index - 1] if index else self.last_quote
            following = quotes[index + 1] if index + 1 < len(quotes) else None
            before_start = 0
            if previous is not None and previous.context.paragraph is first:
                before_start = previous.end - first.start
            before_end = quote.start - first.start
            if before_end < before_start:
                before_start = 0
            after_start = quote.end - last.start
            after_end = len(last.text)
            if following is not None and following.context.first_paragraph is last:
                after_end = max(after_start, following.start - last.start)
            # Cues stand next to their quote: the rules look at a bounded
            # window, so one endless paragraph stays linear.
            before_start = max(before_start, before_end - CUE_WINDOW)
            self._see_names(first.text, before_start, before_end)
            after_end = min(after_end, after_start + CUE_WINDOW)
            before = first.text[before_start:before_end]
            after = last.text[after_start:after_end]
            opens_paragraph = before_start == 0 and not first.text[:before_end].strip()
            result = self._decide(quote, before, after, first, last, opens_paragraph,
                                  previous if previous is not None
                                  and previous.context.paragraph is first else None)
            if result is not None:
                self._apply(quote, result)
            if not (result is not None and result.method == "title" and not self.fiction):
                self._remember(quote, result, last)   # a title speaks for nobody: talk goes on
        last_quote = quotes[-1]
        par = last_quote.context.paragraph
        after_last = last_quote.end - par.start
        self._see_names(par.text, after_last, min(len(par.text), after_last + NARRATION_WINDOW))

    def _decide(self, quote, before, after, first, last, opens_paragraph, previous_in_paragraph):
        self.new_turn = opens_paragraph
        self.deciding = quote
        vocative = self._vocative_in(_outside_nested(quote))
        self.spoken_to_before = self.spoken_to if previous_in_paragraph is not None else None
        self.spoken_to = vocative
        before_offset = quote.start - len(before)
        after_offset = quote.end
        if is_title(quote.text, before) and (self.fiction or TITLE_BEFORE.search(before[-60:])
                                              and not _named_by_speaker(before)):
            return Attribution(None, None, None, TERM if self.story else "title", 0.8, None)
        if not self.fiction:
            result = self.quoted_as_saying(before, after, before_offset, after_offset)
            if result is not None:
                return result
        rules = (self.cue_after, self.cue_before)
        if ends_with_cue(before[-80:]) or not self.fiction and self._worked_into_sentence(quote, before, after):
            rules = (self.cue_before, self.cue_after)   # "Okafor said, “…” He also added"
        for rule in rules:
            result = rule(quote, before, after, before_offset, after_offset)
            if result is not None:
                return result
        result = self.unlisted_cue_after(quote, after, after_offset)
        if result is not None:
            return result
        result = self.according_to(before, after, before_offset, after_offset, quote)
        if result is not None:
            return result
        if not self.fiction:
            result = (self.name_colon(before, before_offset, first.start)
                      or self.heading_cue(quote)
                      or self.cue_later(after, after_offset)
                      or self.reported_before(quote, before, before_offset, opens_paragraph,
                                              previous_in_paragraph))
            if result is not None:
                return result
        if previous_in_paragraph is not None and previous_in_paragraph.method == "title" \
                and not self.fiction:
            previous_in_paragraph = self._previous_speech(previous_in_paragraph)
        if previous_in_paragraph is not None and previous_in_paragraph.method in GUESSES \
                and not self.fiction:
            # The quote before was a guess: this one's own sentence may say more.
            result = (self.cue_later(after, quote.end)
                      or self.sentence_subject(quote, before, quote.start - len(before))
                      or self.cue_before_phrase(quote, previous_in_paragraph, before, first,
                                                after, after_offset))
            if result is not None:
                return result
        if previous_in_paragraph is not None and previous_in_paragraph.method:
            if not self.fiction:
                # "“…,” Ruiz said. His aides called it “a win.”": words
                # worked into a sentence of their own go with its subject,
                # unless it is passive ("A paper is deemed “secret” if …").
                result = None if PASSIVE.search(before[-MAIN_SUBJECT_REACH:]) \
                    else self.sentence_subject(quote, before, before_offset)
                if result is not None:
                    return result
            return self._same_as(previous_in_paragraph, "continuation", 0.8)
        if opens_paragraph:
            result = self.colon_before(quote)
            if result is not None:
                return result
        if not self.fiction:
            if opens_paragraph and self._follows_last_quote() and self.last_quote.speaker:
                return self._same_as(self.last_quote, "continuation", 0.7)
            return (self.cue_later(after, after_offset)
                    or self.sentence_subject(quote, before, before_offset)
                    or self.headline_subject(first)
                    or (opens_paragraph and self.previous_paragraph is not None
                        and self.previous_paragraph is not first
                        and self.headline_subject(self.previous_paragraph))
                    or (self.nearest_subject(quote) if previous_in_paragraph is None
                        and not is_title(quote.text, before) else None))   # "will stage “The Owl”"
        if self.story and is_term(quote.text, before):
            return Attribution(None, None, None, TERM, 0.7, None)
        after_narration = (opens_paragraph and self.turns
                           and (self.paragraph_index - self.turns[-1][0] == 2
                                or self._someone_acted_since_last_quote()))
        return (self.narration_subject(before, after, before_offset, after_offset)
                or self.vocative(quote)
                or (after_narration and self.scene_subject())
                or self.turn_taking(quote, opens_paragraph)
                or self.scene_subject() or self.reply(opens_paragraph))

    @staticmethod
    def _worked_into_sentence(quote, before, after):
        """News: a bare phrase quoted in the middle of a sentence that a
        speech verb already opened ("Ruiz said the plan was “a fraud” and
        Lee called …", "Ruiz called it “a fraud.” Lee said …") belongs to
        that verb: a closing cue follows a quote that runs on with a comma,
        so a cue after this one starts a clause of its own."""
        if quote.text.rstrip(CLOSING_GLYPHS + " \t\n")[-1:] in ",;:!?—–-…":
            return False
        if after.lstrip(" \t\n")[:1] in (",", ";", ":", "!", "?", "—", "–"):
            return False   # “a fraud”, Lee said
        last = before.rstrip(" \t\n")
        if not last[-1:].isalpha():
            return False   # the quote opens its sentence
        sentence_start = 0
        for end in SENTENCE_END.finditer(before):
            sentence_start = end.end()
        return next(speech_verbs_in(before[sentence_start:]), None) is not None

    def _previous_speech(self, title):
        """The quote of this paragraph before a title, if it was speech."""
        last = self.last_quote
        if last is not None and last is not title and last.context.paragraph is title.context.paragraph:
            return last
        return None

    def cue_after(self, quote, before, after, before_offset, after_offset):
        """"…," X said · "…," said X · "…" X wrote on social media."""
        cue = cue_verb_first(after)
        if cue is not None:
            verb, subject = cue
            mention = parse_subject_at_start(subject.group("subject"),
                                             after_offset + subject.start("subject"), self.fiction)
            if not self.fiction and (mention is None or mention.kind == "description"):
                # "…," said the port's director, Ana Ruiz, who …: the name
                mention = _appositive_name(after, subject.end(), after_offset) or mention
            if mention is not None:
                return self._resolve(mention, verb.group(), "cue_after", 0.95)
        cue = cue_subject_first(after)
        if cue is not None and not self.fiction and CLAUSE_OF_ITS_OWN.match(after, cue[0]):
            cue = None   # "“…,” while Lind called it “…”": the next clause's speaker
        if cue is not None:
            start, end, verb = cue
            mention = parse_subject(after[start:end], after_offset + start)
            if mention is None and not self.fiction:
                mention = self._later_subject(after, after_offset, start, end)
            if mention is not None:
                return self._resolve(mention, verb.group(), "cue_after", 0.95)
        return None

    def unlisted_cue_after(self, quote, after, after_offset):
        """"…!" sobbed Tobias: in a story, a verb in the past before a name
        or "he"/"she" right after a quote that ends as speech runs on is
        a cue, even one no list knows: the subject comes after it only
        when the verb tells how the words were said."""
        if quote.text.rstrip()[-1:] not in SPEECH_RUNS_ON:
            return None
        match = UNLISTED_VERB_FIRST.match(after)
        if match is None:
            return None
        mention = parse_subject_at_start(match.group("subject"),
                                         after_offset + match.start("subject"), True)
        if mention is None or mention.kind not in ("name", "pronoun"):
            return None
        return self._resolve(mention, match.group("verb"), "cue_after", 0.8)

    @staticmethod
    def _later_subject(after, after_offset, start, end):
        """The subject of a cue right after a quote when the first verb-like
        word was part of it ("the email said", "a spokesman for the port
        said"): the next speech verb, or a description of any noun that a
        speech verb follows ("…," the lawsuit reads)."""
        for verb in speech_verbs_in(after[:end + 80]):
            if verb.start() <= end:
                continue
            subject = after[start:verb.start()].rstrip()
            if SENTENCE_BREAK.search(subject):
                break
            mention = parse_subject(subject, after_offset + start)
            if mention is not None:
                return mention
        subject = after[start:end]
        if DESCRIPTION_ONLY.fullmatch(subject) and not VERB_WORDS.search(subject):
            return _inverted_description(subject, after_offset + start)
        return None

    def cue_before(self, quote, before, after, before_offset, after_offset):
        """X said, "…" · X said: "…" · X said that "…" · X described it as "…"."""
        sentence_start = 0
        for end in SENTENCE_END.finditer(before):
            sentence_start = end.end()
        sentence = before[sentence_start:]
        verbs = list(speech_verbs_in(sentence))[-CUE_VERBS_TRIED:]
        # "X said that Y agreed to …": the verb before "that" reports the words.
        # A verb right before the quote ("…, Devine responded: “…”") comes first.
        if len(verbs) > 1:
            verbs.sort(key=lambda verb: (ADJACENT_CUE.match(sentence, verb.end()) is not None,
                                         REPORTING_THAT.match(sentence, verb.end()) is not None,
                                         verb.start()))
        verbs_end = max((verb.start() for verb in verbs), default=-1)
        for verb in reversed(verbs):
            if NOUN_BEFORE.search(sentence, max(0, verb.start() - 8), verb.start()):
                continue   # "in the state", "a report": a noun, not a verb
            between = sentence[verb.end():]
            opens_clause = sentence[:verb.start()].rstrip()[-1:] in ("", ",", ";", "—", "–")
            # "…, calling the protester “…”": after a participle comes its
            # object, never its subject (that is "said the protester").
            inverted = cue_verb_first(sentence, verb.start()) \
                if opens_clause and not verb.group().endswith("ing") \
                and (self.fiction or _may_invert(sentence[:verb.start()])) else None
            subject = inverted[1] if inverted is not None else None
            if subject is not None and REPORTED_CLAUSE.match(subject.group("subject")):
                subject = None   # "Varga said he never saw Lind “…”": what was said, not who
            if subject is not None and _reaches_quote(sentence, subject.end()):
                mention = parse_subject_at_start(subject.group("subject"),
                                                 before_offset + sentence_start + subject.start("subject"),
                                                 self.fiction)
                if mention is not None and mention.name == "it":
                    mention = None   # "Ruiz, the mayor, called it …": "it" is the object
                if mention is not None and _reaches_quote(sentence, mention.end - before_offset
                                                          - sentence_start):
                    return self._resolve(mention, verb.group(), "cue_before", 0.9)
            if opens_clause and verb.group().endswith("ing") and sentence[:verb.start()].strip():
                # "Ruiz went after Bush, calling him …": the participle's
                # subject is the main clause's, not the name nearest to it.
                mention = main_subject(sentence[:verb.start()], before_offset + sentence_start)
                if mention is not None:
                    return self._resolve(mention, verb.group(), "cue_before", 0.8)
                continue
            what = WHAT_SUBJECT.search(sentence, 0, verb.start()) if "hat " in sentence else None
            if what is not None:
                # "… shedding what Ruiz called “a problem”": Ruiz's words
                mention = parse_subject(what.group("subject"), before_offset + sentence_start
                                        + what.start("subject"))
                if mention is not None and (mention.kind != "pronoun" or mention.gender):
                    return self._resolve(mention, verb.group(), "cue_before", 0.8)
            relative = RELATIVE_WHO.search(sentence, 0, verb.start()) \
                if not self.fiction and " who" in sentence else None
            if relative is not None:
                # "… was steep for Ruiz, who said she would …": "who" is Ruiz
                name = NAME_AT_END.search(sentence[:relative.start()].rstrip())
                if name is not None and not POSSESSIVE.search(name.group()):
                    mention = parse_subject(name.group(), before_offset + sentence_start + name.start())
                    if mention is not None and mention.kind == "name":
                        return self._resolve(mention, verb.group(), "cue_before", 0.8)
            if not self.fiction and verb.group().endswith("ing"):
                mention = _participle_subject(sentence[:verb.start()], before_offset + sentence_start)
                if mention is not None:
                    return self._resolve(mention, verb.group(), "cue_before", 0.8)
            mention = parse_subject(sentence[:verb.start()].rstrip(), before_offset + sentence_start)
            if mention is None and not self.fiction and verb.start() == verbs_end:
                mention = _clause_subject(sentence[:verb.start()].rstrip(),
                                          before_offset + sentence_start)
            if mention is not None:
                confidence = 0.9 if not between.strip(" \t\n,:;—–-") else 0.8
                return self._resolve(mention, verb.group(), "cue_before", confidence)
        if self.fiction and verbs and not sentence[verbs[-1].end():].strip(" \t\n,:;—–-"):
            mention = self._opening_subject(sentence, before_offset + sentence_start)
            if mention is not None:
                return self._resolve(mention, verbs[-1].group(), "cue_before", 0.75)
        return None

    def cue_before_phrase(self, quote, phrase, before, paragraph, after, after_offset):
        """News: 'His aunt, who ran the "open door" shelter, said: "…"' — a
        phrase quoted earlier in the same sentence cut the sentence, and
        its subject, off from this quote's cue.  The cue is read again over
        the whole sentence, the phrase blanked out."""
        if SENTENCE_END.search(before) is not None or len(phrase.text.split()) > TERM_WORDS \
                or phrase.text.rstrip(CLOSING_GLYPHS + " \t\n")[-1:] in ".,;:!?…":
            return None
        phrase_start = phrase.start - paragraph.start
        reach = max(0, phrase_start - CUE_WINDOW)
        sentence_start = reach
        for end in SENTENCE_END.finditer(paragraph.text, reach, phrase_start):
            sentence_start = end.end()
        opening = paragraph.text[sentence_start:phrase_start]
        if not opening.strip():
            return None   # the phrase opens the sentence: nothing more to read
        wider = opening + " " * (phrase.end - phrase.start) + before
        return self.cue_before(quote, wider, after, quote.start - len(wider), after_offset)

    @staticmethod
    def _opening_subject(sentence, offset):
        """The subject of a sentence whose last verb introduces the quote:
        "Tom put down his cup, and said:" or "Turning round, Ann replied,"
        — the verb's subject is the sentence's, a clause or two back."""
        starts = [0] + [m.end() for m in CLAUSE_COMMA.finditer(sentence)][:3]
        for start in starts:
            match = NARRATION_SUBJECT.match(sentence, start)
            if match is None:
                continue
            subject = match.group("subject")
            mention = parse_subject(subject, offset + match.start("subject"))
            if mention is None and subject[:4].lower() == "the " and " " in subject[4:]:
                # "The porter put down his lamp": the last word was the verb.
                mention = parse_subject(subject.rsplit(None, 1)[0], offset + match.start("subject"))
            if mention is not None:
                return mention
        return None

    def quoted_as_saying(self, before, after, before_offset, after_offset):
        """News: a paper quoting someone passes on that one's words: "The
        Post quoted a senior aide as saying, “…”" / '“…,” the Post quoted a
        senior aide as saying.'"""
        match = QUOTED_BEFORE.search(before[-200:]) if "quot" in before else None
        offset = before_offset + max(0, len(before) - 200)
        if match is None and "quot" in after[:200]:
            match = QUOTED_AFTER.match(after)
            offset = after_offset
        if match is None:
            return None
        mention = parse_subject_at_start(match.group("subject"), offset + match.start("subject"), True)
        if mention is None:
            return None
        return self._resolve(mention, "quoted as saying", "quoted_as_saying", 0.85)

    def according_to(self, before, after, before_offset, after_offset, quote=None):
        """"…," according to X · According to X, "…"."""
        sentence_end = SENTENCE_END.search(after)
        window = after[:sentence_end.start() + 1] if sentence_end else after
        if "ccording" in window and quote is not None and quote.text.rstrip()[-1:] in ".!?" \
                and after.lstrip()[:1].isupper():
            window = ""   # '“… a loss.” According to Ruiz, …': the next sentence's source
        match = ACCORDING_TO.search(window) if "ccording" in window else None
        offset = after_offset
        if match is None and ("ccording" in before or " words" in before or " put it" in before):
            sentence_start = 0
            for end in SENTENCE_END.finditer(before):
                sentence_start = end.end()
            match = ACCORDING_TO.search(before, sentence_start) \
                or IN_THE_WORDS_OF.search(before, sentence_start)
            offset = before_offset
        if match is None:
            return None
        group = next(name for name in ("subject", "owner", "putter")
                     if name in match.re.groupindex and match.group(name) is not None)
        # Whatever "according to" names is the source: "according to the central bank".
        mention = parse_subject_at_start(match.group(group), offset + match.start(group),
                                         inverted=True)
        if mention is None:
            return None
        return self._resolve(mention, "according to", "according_to", 0.85)

    def reported_before(self, quote, before, before_offset, opens_paragraph, previous=None):
        """News: a quote with no cue of its own, right after a sentence of
        reported speech, goes on in the reporter's source's own words:
        "Smith said the plan was unfair. "It will fail."" (also when the
        quote opens the next paragraph)."""
        if opens_paragraph:
            if len(self.narrations) < 2 or self.narrations[-1][0] is not quote.context.first_paragraph:
                return None
            paragraph, text = self.narrations[-2]
            before, before_offset = text, paragraph.start
        text = before.rstrip()
        if not text.endswith("."):
            return None
        text = text[:-1]
        sentence_start = 0
        for end in SENTENCE_END.finditer(text):
            sentence_start = end.end()
        if previous is not None and not opens_paragraph and not sentence_start:
            return None   # '"…," he said. "…"': the cue was the quote before's
        if "   " in text[sentence_start:]:
            return None   # the sentence holds a quote: it has its own speaker
        result = self.cue_before(quote, text, "", before_offset, 0)
        if result is not None:
            result.method, result.confidence, result.type = "reported_before", 0.6, "implicit"
        return result

    def name_colon(self, before, before_offset, paragraph_start=None):
        """News: a paragraph or headline that opens with a name and a colon
        gives the words that follow to that name: 'Ruiz: "We will win."',
        'Ana Ruiz, port director: "…"'."""
        match = NAME_COLON.fullmatch(before) if len(before) <= NAME_COLON_REACH else None
        if match is None:
            # 'Ruiz: Port Plan Is “Dead”' — a headline's speaker and colon,
            # with the quote further into the same sentence.
            match = NAME_COLON.match(before)
            if match is None or before_offset != paragraph_start or len(before) > HEADLINE_LENGTH \
                    or SENTENCE_END.search(before, match.end()) or "   " in before:
                return None
        mention = parse_subject(match.group("name"), before_offset + match.start("name"), False)
        if mention is None or mention.kind != "name":
            return None
        return self._resolve(mention, ":", "name_colon", 0.8)

    def heading_cue(self, quote):
        """News: a paragraph that opens with a heading in title case, a name
        and a speech verb, gives that name the words quoted after it ('Ruiz
        Said Of The Port, “…”', 'Ruiz Joked It Was “Risky” …')."""
        paragraph = quote.context.paragraph
        head = paragraph.text[:quote.start - paragraph.start]
        if len(head) > HEADLINE_LENGTH or not is_heading(head.replace(",", " ")):
            return None
        words = head.split()
        for index, word in enumerate(words[1:HEADING_NAME_WORDS + 1], 1):
            if word.lower() in SPEECH_VERB_FORMS:
                name = " ".join(words[:index])
                mention = parse_subject(name, paragraph.start + head.index(name), False)
                if mention is None or mention.kind != "name":
                    return None
                return self._resolve(mention, word, "headline_subject", 0.6)
        return None

    def sentence_subject(self, quote, before, before_offset):
        """News: words quoted inside a sentence with no speech verb belong to
        the sentence's subject: 'Ruiz called the plan "a disaster"', 'Ruiz
        apologized: "I was wrong."'.  Only a name or he/she that opens the
        sentence counts."""
        sentence_start = 0
        for end in SENTENCE_END.finditer(before):
            sentence_start = end.end()
        sentence = before[sentence_start:]
        if not sentence.strip() or "   " in sentence:
            return None   # the quote opens its sentence, or another quote stands in it
        mention = main_subject(sentence, before_offset + sentence_start)
        if mention is None and not WRITTEN_ON.search(sentence[-80:]):
            mention = description_subject(sentence, before_offset + sentence_start)
        if mention is None or COPULA.match(before, mention.end - before_offset):
            return None   # "The lack of staff was “burdensome”": said of it, not by it
        result = self._resolve(mention, None, "sentence_subject", 0.5)
        result.type = "implicit"
        return result

    def cue_later(self, after, after_offset):
        """News: a cue that closes the sentence a few words after the quote:
        'The plan is “a fraud” on voters, said Ana Ruiz, a councillor.'"""
        sentence_end = SENTENCE_END.search(after)
        end = sentence_end.start() if sentence_end else len(after)
        sentence = after[:end]
        for comma in COMMA.finditer(sentence):
            cue = cue_verb_first(sentence, comma.start())
            if cue is not None:
                verb, subject = cue
                mention = parse_subject_at_start(subject.group("subject"),
                                                 after_offset + subject.start("subject"))
                if mention is not None:
                    return self._resolve(mention, verb.group(), "cue_later", 0.7)
            rest = sentence[comma.start():]
            cue = cue_subject_first(rest)
            if cue is not None:
                start, stop, verb = cue
                if rest[verb.end():].strip(" \t\n,.") and not TRAILING_CUE_WORDS.match(rest, verb.end()):
                    continue   # the verb has words of its own: not a closing cue
                offset = after_offset + comma.start()
                mention = parse_subject(rest[start:stop], offset + start)
                if mention is not None:
                    return self._resolve(mention, verb.group(), "cue_later", 0.7)
        return self._as_cue(sentence, after_offset)

    def _as_cue(self, sentence, offset):
        """News: "as" and a cue that closes the quote's sentence: 'a
        “regional” candidate, as Ruiz suggested', 'as a memo put it'."""
        lead = AS_CUE.search(sentence)
        if lead is None:
            return None
        put_it = PUT_IT.match(sentence, lead.end())
        if put_it is not None:
            start, stop, verb = lead.end(), put_it.start("verb"), put_it.group("verb")
        else:
            cue = cue_subject_first(sentence[lead.end():])
            if cue is None:
                return None
            start, stop, verb = cue[0] + lead.end(), cue[1] + lead.end(), cue[2]
            if sentence[verb.end() + lead.end():].strip(" \t\n,.") \
                    and not TRAILING_CUE_WORDS.match(sentence, verb.end() + lead.end()):
                return None   # "as Ruiz said it would": a clause of its own
            verb = verb.group()
        mention = parse_subject(sentence[start:stop], offset + start)
        if mention is None or mention.kind == "pronoun" and mention.name not in ("he", "she"):
            return None
        return self._resolve(mention, verb, "cue_later", 0.6)

    def headline_subject(self, paragraph):
        """News: a quote in a headline belongs to the name the headline opens
        with, before its verb ('Ruiz Calls Port Plan “Dead”', 'Ruiz to seek
        “fair deal” on tolls')."""
        text = paragraph.text
        if len(text) > HEADLINE_LENGTH or SENTENCE_END.search(text.rstrip(" \t\n.!?\"”’'")) \
                or text.rstrip()[-1:] in ".!?\"”’'" and not _is_headline(text):
            return None   # a sentence of the report, not a headline
        match = HEADLINE_SUBJECT.match(text)
        if match is None:
            return None
        mention = parse_subject(match.group("name"), paragraph.start + match.start("name"), False)
        if mention is None or mention.kind != "name":
            return None
        result = self._resolve(mention, None, "headline_subject", 0.4)
        result.type = "implicit"
        return result

    def nearest_subject(self, quote):
        """News, when nothing else claims a quote: the person the nearest
        sentence before it is about, whom reporters quote next."""
        entity = self._person_before(quote.start, None)
        if entity is None:
            return None
        return Attribution(entity.name, None, None, "nearest_subject", 0.3, "implicit", entity)

    def colon_before(self, quote):
        """A quote introduced by a colon at the end of the paragraph before."""
        previous = self.previous_paragraph
        if previous is None or previous is quote.context.first_paragraph:
            return None
        text = previous.text.rstrip()
        if not text.endswith((":", ",")):
            return None
        result = self.cue_before(quote, text[-300:], "", previous.start + max(0, len(text) - 300), 0)
        if result is not None:
            result.method, result.confidence = "colon_before", 0.75
        return result

    def vocative(self, quote):
        """"…, Tom?" makes Tom the likely next speaker."""
        if self.addressee is None or not self._follows_last_quote():
            return None
        last = self.turns[-1][1] if self.turns else None
        if self.addressee is last:
            return None
        return Attribution(self.addressee.name, None, None, "vocative", 0.6, "implicit",
                           self.addressee)

    def turn_taking(self, quote, opens_paragraph):
        """Two people talking in paragraphs without cues take turns."""
        if not opens_paragraph or not self.turns:
            return None
        index_1, speaker_1 = self.turns[-1]
        if self.paragraph_index - index_1 > 2:
            return None
        if len(self.turns) > 1:
            index_2, speaker_2 = self.turns[-2]
            if speaker_2 is not None and speaker_2 is not speaker_1 and index_1 - index_2 <= 2 \
                    and speaker_2 is not self.spoken_to:
                return Attribution(speaker_2.name, None, None, "turn_taking", 0.55, "implicit",
                                   speaker_2)
        narrator = self._narrator() if self.told_by_i else None
        if narrator is None and not self.told_by_i and self._narration_says_i():
            narrator = self._teller()   # "I found my uncle in the shed. ¶ “You're late.” ¶ “…”"
        if narrator is not None and narrator is not speaker_1 and narrator is not self.spoken_to:
            # In a story told by "I", the one who talks to the others.
            return Attribution(narrator.name, None, None, "turn_taking", 0.45, "implicit", narrator)
        if speaker_1 is not None:
            # Whoever else the scene was last about, if seen speaking before.
            present = self.registry.recent(None, (speaker_1, self.spoken_to), people=True)
            if present is not None and present.person:
                return Attribution(present.name, None, None, "turn_taking", 0.45, "implicit",
                                   present)
            # The one who spoke before the last speaker, further back.
            for other in reversed(self.speakers):
                if other is not speaker_1 and other is not self.spoken_to:
                    return Attribution(other.name, None, None, "turn_taking", 0.45, "implicit",
                                       other)
        return None

    def reply(self, opens_paragraph):
        """A new paragraph of talk right after a known speaker's, with no
        one else yet in the conversation: the person last named apart from
        that speaker answers."""
        if not opens_paragraph or not self._follows_last_quote():
            return None
        last = self.turns[-1][1]
        if last is None:
            return None
        for entity in reversed(self.registry.recently_seen):
            if entity is not last and entity is not self.spoken_to \
                    and (entity.person or entity.gender) and not _is_organisation(entity.name):
                break   # whom the words name is spoken to, not speaking
        else:
            return None
        return Attribution(entity.name, None, None, "reply", 0.35, "implicit", entity)

    def _actor_since_last_quote(self):
        """The person the narration after the last quote last made the
        subject of a sentence, if any."""
        for entity in reversed(self.registry.recently_seen):
            if entity.seen <= self.clock_at_last_quote:
                return None
            if entity.salient > self.clock_at_last_quote and (entity.person or entity.gender):
                return entity
        return None

    def _someone_acted_since_last_quote(self):
        """Whether the narration after the last quote ("…," said Tom. Ann
        looked up.) made someone other than its speaker the subject."""
        last = self.turns[-1][1]
        for entity in reversed(self.registry.recently_seen):
            if entity.seen <= self.clock_at_last_quote:
                return False
            if entity is not last and entity.salient > self.clock_at_last_quote \
                    and (entity.person or entity.gender):
                return True
        return False

    def scene_subject(self):
        """A quote that no cue, no name and no turn claims: the person the
        narration just before is about (the subject of a sentence of this
        paragraph or the one before) says it — "Ann looked up. ¶ “Well?”"."""
        exclude = (self.spoken_to,) if self.spoken_to is not None else ()   # "Tom, where were you?"
        if self._follows_last_quote() and self.turns[-1][1] is not None:
            exclude += (self.turns[-1][1],)   # a new paragraph of talk is someone else's
        entity = self.registry.recent(None, exclude, since=self.previous_start_clock, people=True)
        if entity is None or entity.salient < self.previous_start_clock:
            return None
        return Attribution(entity.name, None, None, "scene_subject", 0.4, "implicit", entity)

    def narration_subject(self, before, after, before_offset, after_offset):
        """The person the narration next to the quote is about: "Mr. Pett
        looked up. “You've been smoking.”"."""
        for text, offset in ((before, before_offset), (after, after_offset)):
            start = 0
            if text is before:
                stripped = text.rstrip()
                for end in SENTENCE_END.finditer(stripped):
                    if end.end() < len(stripped):   # the last sentence with words in it
                        start = end.end()
            match = NARRATION_SUBJECT.match(text, start)
            mention = _narration_subject_mention(match, offset)
            connective = OPENING_CONNECTIVE.match(text, start) if mention is None else None
            if connective is not None:   # "Then she stooped down."
                match = NARRATION_SUBJECT.match(text, connective.end())
                mention = _narration_subject_mention(match, offset)
            if match is not None:
                if mention is not None and mention.kind == "name" and not self._may_speak(mention):
                    continue   # "Saturn was a tennis ball."
                if mention is not None and mention.kind == "description":
                    entity = self._described_speaker(mention)
                    if entity is None and mention.gender is not None \
                            and mention.name.lower().startswith("the "):
                        entity = self._described_person(mention)   # "The girl closed her book."
                    if entity is not None:   # "The doctor laughed. “…”", the doctor heard before
                        self.registry.touch(entity)
                        return Attribution(entity.name, mention, None, "narration_subject", 0.45,
                                           "implicit", entity)
                elif mention is not None:
                    result = self._resolve(mention, None, "narration_subject", 0.5)
                    if result is not None and result.speaker:
                        result.type = "implicit"
                        return result
        return None

    def _described_speaker(self, mention):
        """The one already heard speaking whom "the doctor" or "the old man"
        stood for in this scene.  A description that gives no sex, of no
        one who has spoken, is too often a thing or a passer-by ("The
        carriage stopped", "The porter went out") to be taken as the speaker."""
        determiner, _, key = " ".join(mention.name.lower().split()).partition(" ")
        if determiner != "the" or not key:
            return None
        entity = (self.registry.roles.get(key) or self._described_before(key)
                  or self._bearer_of_title(description_head(key)))
        return entity if entity is not None and entity in self.speakers else None

    def _may_speak(self, mention):
        """Whether a name can be a speaker's: one with a title or a known
        given name, a body's, or one already seen speaking or spoken to."""
        if mention.gender is not None or ACRONYM.match(mention.name) or _is_organisation(mention.name):
            return True   # a body speaks too: "NIST declined"
        entity = self.registry.lookup(mention.name)
        return entity is None or entity.person or entity.gender is not None

    def news_antecedent(self, mention):
        """Whom "he" or "she" means in a news report: the person who is the
        subject of the nearest sentence before it that names someone of
        that gender (or of unknown gender); reporters name the speaker and
        then go on with a pronoun.  Only the last few paragraphs are read."""
        entity = self._last_speaker_goes_on(mention) or self._person_before(mention.start, mention.gender)
        if entity is not None and entity.gender is None:
            entity.gender = mention.gender   # "Kim Lee … she said"
        return entity

    def _last_speaker_goes_on(self, mention):
        """The speaker of the quote just before, named by a cue, when the
        narration between that quote and "he" or "she" names nobody else:
        '“…,” Ruiz said.  “…,” she added.'"""
        last, quote = self.last_attribution, self.last_quote
        if last is None or quote is None or last.entity is None or last.mention is None \
                or last.mention.kind != "name" or last.entity.gender != mention.gender \
                or last.method not in ("cue_after", "cue_before", "cue_later"):
            return None
        if not 0 <= mention.start - quote.end <= LAST_SPEAKER_GAP:
            return None
        for paragraph, text in reversed(self.narrations[-2:]):
            start = max(0, quote.end - paragraph.start)
            end = min(len(text), mention.start - paragraph.start)
            for match in NAME.finditer(text, start, end):
                entity = self.registry.lookup(strip_titles(POSSESSIVE.sub("", _drop_article(match.group()))))
                if entity is not last.entity and (entity is not None
                                                  or not at_clause_start(text, start, match.start())):
                    return None
        return last.entity

    def _person_before(self, position, gender):
        """The subject of the nearest sentence before ``position`` that names
        a person of ``gender`` (any, if None)."""
        budget = ANTECEDENT_WINDOW
        vouched = False
        for paragraph, text in reversed(self.narrations):
            end = min(len(text), position - paragraph.start)
            if end <= 0:
                continue
            start = max(0, end - budget)
            budget -= end - start
            sentences = [0] + [m.end() for m in SENTENCE_END.finditer(text, start, end)]
            sentences = [b for b in sentences if b >= start] or [start]
            for begin in reversed(sentences):
                entity = self._sentence_subject(text, begin, end, gender, vouched)
                if entity is not None:
                    return entity
                # "Lind demurred. She said …": whoever the sentence before
                # names first is the one "she" goes on about.
                vouched = gender is not None and self._pronoun_opens(text, begin, end, gender)
                if end == begin == position - paragraph.start and gender is not None \
                        and self._pronoun_opens(text, begin, len(text), gender):
                    vouched = ACTOR_ONLY   # "Ruiz credited … He added …": Ruiz
                end = begin
            if budget <= 0:
                break
        return None

    @staticmethod
    def _pronoun_opens(text, start, end, gender):
        pronoun = SUBJECT_PRONOUN.match(text, start, end)
        return pronoun is not None and PRONOUN_GENDER.get(pronoun.group(1).lower()) == gender

    def _sentence_subject(self, text, start, end, gender, vouched=False):
        """The person a stretch of narration is about: the speaker of a cue
        that closes it ("…, Ruiz said."), else its first name in subject
        position (not after a preposition, not a possessive), else its
        first name; people of the other gender and organisations skipped.
        ``vouched``: the next sentence goes on with "he" or "she", so a name
        opening this one is a person."""
        fallback = None
        if gender is not None and self._pronoun_opens(text, start, end, gender):
            return None   # "But he suggested …": the same person as further back
        name = _closing_cue(text, start, end) if "," in text[start:end] else None
        if name is not None:
            entity = self.registry.lookup(strip_titles(name))
            if entity is not None and not _is_organisation(entity.name) \
                    and (not gender or entity.gender in (None, gender)):
                return entity
        subject = self._new_subject(text[start:end], gender, strict=True)
        if subject is not None:
            return subject
        for match in NAME.finditer(text, start, end):
            name = _person_before_body(_drop_article(_drop_leading_word(match.group())))
            if not name:
                continue
            possessive = POSSESSIVE.search(name) is not None and name[-1:] in "'’s"
            entity = self.registry.lookup(strip_titles(POSSESSIVE.sub("", name)))
            role_before = not possessive and _role_before(text, start, match.start())
            # "overseen by former chief Ana Ruiz": a person, not yet the subject
            named_in_passing = role_before and not (entity and (entity.person or entity.gender))
            if not possessive and (role_before or _person_clue(text, match.end(), end)):
                # "Ana Ruiz, 34, …", "Ana Ruiz, a nurse, said …", "professor Ana
                # Ruiz": a person, though named where only the sentences near
                # quotes are read.
                if entity is None and not _is_organisation(name) and not NAME_LIST.search(name) \
                        and (role_before or _opens_clause(text[start:match.start()])) \
                        and name.split()[0].lower() not in NOT_NAMES:   # "He\u00a0then": no name
                    entity = self.registry.see(strip_titles(name))
                if entity is not None and not (entity.person or entity.gender):
                    entity.person = True
            if vouched and not possessive and fallback is None and not _is_organisation(name) \
                    and _names_the_actor(text, start, match, name):
                entity = entity or self.registry.see(strip_titles(name))
                if not _is_organisation(entity.name):
                    entity.person = True
            if vouched is True and not possessive and entity is not None and fallback is None \
                    and _opens_clause(text[start:match.start()]) and not _is_organisation(entity.name):
                entity.person = True
            if entity is None or not (entity.person or entity.gender) \
                    or _is_organisation(entity.name):
                continue
            if gender and entity.gender not in (None, gender):
                continue
            if _modifies_name(text, match.end(), end):
                continue   # "Cruz" of "Cruz spokeswoman Ana Ruiz": the subject is Ruiz
            if not possessive and not named_in_passing and _opens_clause(text[start:match.start()]):
                return entity
            if fallback is None:
                fallback, fallback_start = entity, match.start()
        if fallback is not None and gender and PRONOUN_OF_GENDER[gender].search(text, start, fallback_start):
            # "… which he said were split between Ruiz and Lind": "he" is
            # someone named before, not a name further into the predicate.
            return None
        if fallback is not None:
            # "Developer Ana Ruiz was wary of Brandt": the subject, though
            # never met before, not a name in the predicate.
            subject = self._new_subject(text[start:end], gender)
            if subject is not None:
                return subject
        return fallback

    def _new_subject(self, sentence, gender, strict=False):
        """The person a sentence's main clause opens with, when a name.
        ``strict``: only someone known as a person, or a full name ("Ana
        Ruiz", not "Moments later")."""
        mention = main_subject(sentence, 0)
        if mention is None or mention.kind != "name" or _is_organisation(mention.name) \
                or NAME_LIST.search(mention.name) or sentence.lstrip()[:4].lower() == "the ":
            return None   # "The race between Ruiz and Brandt": about neither
        name = strip_titles(_drop_leading_word(mention.name))
        entity = self.registry.lookup(name)
        words = name.split()
        full_name = len(words) >= 2 and not any(w[:1].islower() for w in words)
        if entity is None:
            if strict and not full_name or gender and gender_of(name) not in (None, gender):
                return None
            entity = self.registry.see(name)
        elif _is_organisation(entity.name) or gender and entity.gender not in (None, gender) \
                or strict and not (entity.person or entity.gender or full_name):
            return None
        entity.person = True
        return entity

    # -- helpers

    def _follows_last_quote(self):
        return bool(self.turns) and self.paragraph_index - self.turns[-1][0] <= 1

    def _same_as(self, quote, method, confidence):
        return Attribution(quote.speaker, None, None, method, confidence, "implicit",
                           self.last_attribution.entity if self.last_attribution else None)

    def _resolve(self, mention, cue, method, confidence):
        """Turn a mention into a speaker: a name into its entity, a pronoun
        or description into the person it stands for."""
        if mention.kind == "name" and not self.fiction and _is_bare_title(mention):
            # "the Prime Minister" is whoever was given that title
            entity = self.registry.roles.get(mention.name.split()[-1].lower())
            if entity is not None:
                return Attribution(entity.name, mention, cue, method, confidence * 0.8,
                                   "anaphoric", entity)
        if mention.kind == "name":
            entity = self.registry.see(mention.name)
            if mention.role:   # "the spokeswoman" is now Ana Ruiz
                self.registry.roles[mention.role] = entity
            entity.person = True
            return Attribution(entity.name, mention, cue, method, confidence, "explicit", entity)
        shared = self._shared_cue(mention)
        if shared is not None:
            return Attribution(shared.name, mention, cue, method, confidence * 0.9, "anaphoric",
                               shared)
        if self.fiction and self.spoken_to is None and self.deciding is not None:
            # "…," she said to Ann: whoever "she" is, she is not Ann.
            self.spoken_to = self._addressee_of_cue(mention, self.deciding,
                                                    self.deciding.context.paragraph, None)
        if mention.kind == "pronoun":
            narrator = self._teller() if mention.name == "i" else None
            if narrator is not None:
                return Attribution(narrator.name, mention, cue, method, confidence * 0.8,
                                   "anaphoric", narrator)
            if mention.name in ("i", "we", "you", "it"):
                return Attribution(None, mention, cue, method, confidence, "anaphoric")
            entity = None
            if not self.fiction and mention.name in ("he", "she"):
                entity = self.news_antecedent(mention) or self._news_person(mention.gender)
            if entity is None:
                entity = self._referent(mention.gender,
                                        replying=cue in REPLY_VERBS and self._follows_last_quote(),
                                        speech_cue=method in ("cue_after", "cue_before"))
            if entity is None:
                return Attribution(None, mention, cue, method, confidence * 0.5, "anaphoric")
            self.registry.touch(entity)
            return Attribution(entity.name, mention, cue, method, confidence * 0.8, "anaphoric",
                               entity)
        if self.fiction:
            entity = self._described_person(mention)
            return Attribution(entity.name, mention, cue, method, confidence * 0.6,
                               "anaphoric", entity)
        # A description: in a story it is someone we have met; in the news it
        # is the source's own description ("a senior official").
        role = mention.name.lower().split()[-1]
        entity = self.registry.roles.get(role) if mention.name.lower().startswith("the ") else None
        body = self._body_described(mention.name) if not self.fiction else None
        if body is not None:   # "the transport ministry", though the finance ministry spoke last
            return Attribution(body.name, mention, cue, method, confidence * 0.8, "anaphoric", body)
        placed = qualified_role(mention.name, whole=True) if not self.fiction else None
        if placed is not None:   # "Ukraine's president": the Ukrainian one, if known
            bearer = self.registry.bearer_of_placed_role(placed)
            if bearer is not None or self.registry.placed_elsewhere(placed):
                entity = bearer
        if entity is None and self.fiction and (mention.gender or role in ("other", "one")) \
                and not mention.name.lower().startswith(INDEFINITE):
            # "a tall woman said" brings someone new in; "the woman" is someone met.
            entity = self._referent(mention.gender)
        if entity is not None:
            return Attribution(entity.name, mention, cue, method, confidence * 0.6,
                               "anaphoric", entity)
        words = mention.name
        if not self.fiction and not NAME_OR_QUOTE.search(words, 1):
            words = HEAD_ENDS.split(words, 1)[0]   # "a source" close to the campaign
        organisation = self.registry.lookup(_drop_article(words)) if words[:1].isupper() else None
        speaker = organisation.name if organisation else DESCRIPTION_ARTICLE.sub("", words) \
            if words.lower().startswith("the ") else words
        if organisation is None and words.lower().startswith(INDEFINITE):
            # "a senior ministry official said …": "the official" is that source later
            source = DescribedPerson(speaker, mention.gender, self.registry.clock)
            source.person = True
            self.registry.roles[description_head(words.lower())] = source
            return Attribution(speaker, mention, cue, method, confidence * 0.8, "anaphoric", source)
        return Attribution(speaker, mention, cue, method, confidence * 0.8, "anaphoric", organisation)

    def _body_described(self, words):
        """"the transport ministry" is the Ministry of Transport named before."""
        parts = words.lower().split()
        if len(parts) < 3 or parts[0] != "the" or parts[-1] not in ORGANISATION_WORDS \
                or any(part in ROLE_MODIFIERS for part in parts):
            return None
        entity = self.registry.lookup(" ".join(parts[1:]))
        return entity if entity is not None and _is_organisation(entity.name) else None

    def _described_person(self, mention):
        """Whom a description in a story stands for.  Someone known only by
        a description stays that one person for the scene ("the porter");
        a title noun means the person who bears it ("the count" is Count
        Greffi); a shorter description means a longer one met before ("the
        man" after "the man with the beard"); "the old man" is otherwise
        someone met, found again each time as a pronoun would be, and "a
        tall woman" someone new."""
        words = " ".join(mention.name.split())
        owner = VOICE_OWNER.fullmatch(words)
        if owner is not None:
            words = owner.group("owner") or owner.group("of")   # "cried a child's voice": the child
            if words[:1].isupper():
                entity = self.registry.see(strip_titles(words))
                entity.person = True
                return entity
        determiner, _, key = words.lower().partition(" ")
        if _bare_group(words):   # "police", "the servants' friends": a group the scene knows
            determiner, key = "the", words.lower()
        definite = determiner not in ("a", "an", "one", "another")
        possessive = determiner in POSSESSIVE_DETERMINERS
        entity = None
        if determiner == "my" and words.lower() in self.narrators_kin:
            # the one spoken to by name answers ("Mrs. Lowe, I think?" ¶ "Yes," said my mother)
            entity = (self._answering(mention.gender, ()) if self.new_turn else None) \
                or self.narrators_kin[words.lower()]
        if possessive and entity is None:
            entity = self._kin_of(determiner, key)
        if possessive and entity is None:
            entity = self._companion_or_bearer(key)
        if definite and not possessive:
            entity = (self.registry.roles.get(key) or self._described_before(key)
                      or self.registry.roles.get(key.split()[-1])
                      or self._bearer_of_title(description_head(key)))
        found = entity is not None
        if entity is None and key == "other":
            entity = self._other_party(after_narration=True)
        if entity is None and key in ("latter", "former"):
            entity = self._named_last(1 if key == "latter" else 2)
        if entity is None and definite and (mention.gender or key in ("other", "one")) \
                and not identifying(key):
            # "Her mother" is never the woman "her" means.
            possessor = self._possessor(determiner, mention.gender) if possessive else None
            entity = self._referent(mention.gender, (possessor,) if possessor else ())
        guessed = entity is not None and not found
        if entity is None:
            name = DESCRIPTION_ARTICLE.sub("", words) if definite else words
            entity = DescribedPerson(name, mention.gender, self.registry.clock)
            entity.person = True
        if possessive or guessed:   # "his wife" is somebody else's wife in another scene
            self.registry.touch(entity)
            return entity
        if not _sexless_description(entity):
            self.registry.touch(entity)
        self._describe(key, entity)
        return entity

    def _describe(self, key, entity):
        """Remember whom a description stood for, for the scene."""
        described = self.described
        described.pop(key, None)
        described[key] = (entity, self.paragraph_index, description_head(key), set(key.split()))
        if len(described) > DESCRIBED_PEOPLE:
            described.popitem(last=False)

    def _named_last(self, place):
        """"The latter" (``place`` 1) or "the former" (2): of the two people
        named last, the second or the first."""
        for entity in reversed(self.registry.recently_seen):
            if (entity.person or entity.gender) and not _is_organisation(entity.name):
                place -= 1
                if not place:
                    return entity
        return None

    def _possessor(self, determiner, gender):
        """Whom "her" of "said her mother" means, when of the same sex as
        the one described: the one who spoke just before, whose mother
        answers, else whom "she" would mean."""
        if gender is None or PRONOUN_GENDER.get(POSSESSOR_PRONOUNS.get(determiner)) != gender:
            return None
        last = self.turns[-1][1] if self._follows_last_quote() else None
        if last is not None and last.gender == gender:
            return last
        return self._referent(gender)

    def _companion_or_bearer(self, noun):
        """Whom "her companion" or "his lordship" means: the other one of
        the talk, and the one lately named with the title."""
        if noun in COMPANION_NOUNS:
            return self._other_party()
        title = HONOURS.get(noun)
        return self.registry._bearer_of(title) if title else None

    def _other_party(self, after_narration=False):
        """"…," said the other: whoever of the conversation did not speak last,
        nor (``after_narration``) act in the narration since: "Ann only
        nodded. ¶ “…,” said the other"."""
        if not self.turns or self.turns[-1][1] is None:
            return None
        last, gap = self.turns[-1][1], self.paragraph_index - self.turns[-1][0]
        actor = self._actor_since_last_quote() if after_narration else None
        if actor is not None and actor in self.speakers and gap <= 2:
            last = actor
        elif gap > 1:
            return None
        for speaker in reversed(self.speakers):
            if speaker is not last:
                return speaker
        return None

    def _kin_of(self, determiner, noun):
        """Whom "his wife" or "her father" means: the one who bears the
        possessor's surname with the title that goes with the word
        ("Mrs. Bennet" for Mr. Bennet's wife)."""
        title = KIN_TITLES.get(noun)
        gender = PRONOUN_GENDER.get("he" if determiner == "his" else "she") \
            if determiner in ("his", "her") else None
        if title is None or gender is None:
            return None
        possessor = self.spoken_to
        if possessor is None or possessor.gender not in (None, gender):
            possessor = self.registry.recent(gender)
        if possessor is None:
            return None
        if honorific(possessor.name) == title.rstrip(".").lower():
            # "Mrs. Marsh came in … asked her mother": she is the mother, of another
            possessor = self.registry.recent(gender, exclude=(possessor,)) or possessor
        if possessor is self.spoken_to and not any(" " in alias for alias in possessor.aliases):
            # "“…, Edna,” said her husband": her surname is known only as Mrs. Pike's
            possessor = self.registry.recent(gender, exclude=(possessor,)) or possessor
        kin = self._titled_kin(possessor, title)
        if kin is not None:
            return kin
        surnamed = None
        for alias in sorted(possessor.aliases, key=len, reverse=True):
            words = strip_titles(alias).split()
            if (len(words) > 1 or honorific(alias)) and gender_of(words[-1]) is None:
                surnamed = "%s %s" % (title, words[-1])   # "Miss Lucy" gives no surname
                break
        if surnamed is not None and noun in SPOUSES:
            # Mr. Bennet's wife is Mrs. Bennet, named or not.
            kin = self.registry.see(surnamed)
            kin.person = True
            return kin
        if surnamed is None and noun in PARENTS:
            return self._only_one_titled(title, possessor)
        return None

    def _only_one_titled(self, title, other_than):
        """"Her mother", when the daughter goes by her given name only: the
        one person of the scene called Mrs. (Mr. for "his father")."""
        wanted = title.rstrip(".").lower()
        found = None
        for entity in reversed(self.registry.recently_seen):
            if entity is other_than or not (entity.person or entity.gender):
                continue
            if any(honorific(alias) == wanted for alias in entity.aliases):
                if found is not None:
                    return None
                found = entity
        return found

    def _described_before(self, key):
        """The person these words (or fuller ones with the same noun)
        stood for when last used."""
        found = self.described.get(key)
        if found is None:
            head, words = description_head(key), key.split()
            for candidate in islice(reversed(self.described.values()), SCENE_DESCRIPTIONS):
                if candidate[2] == head and candidate[3].issuperset(words):
                    found = candidate
                    break
        if found is None or self.paragraph_index - found[1] > SCENE_PARAGRAPHS:
            return None
        return found[0]

    def _bearer_of_title(self, noun):
        """The person recently named with a title that this noun is:
        "the doctor" for Dr. Lowell, "the count" for Count Greffi."""
        if noun not in TITLE_NOUNS:
            return None
        for entity in reversed(self.registry.recently_seen):
            for alias in entity.aliases:
                first = alias.split(" ", 1)[0].rstrip(".").lower()
                if " " in alias and TITLE_ROLES.get(first, first) == noun:
                    return entity
        return None

    def _news_person(self, gender):
        """The person "he" or "she" means when no recent sentence names one:
        the last person of that gender (or of unknown gender) named, never
        an organisation."""
        for entity in reversed(self.registry.recently_seen):
            if gender and entity.gender not in (None, gender):
                continue
            if (entity.person or entity.gender) and not _is_organisation(entity.name):
                return entity
        return None

    def _shared_cue(self, mention):
        """The person already found for this very cue: in '"…," he said, "…"'
        both halves are the words of whoever "he" was taken for the first time."""
        last = self.last_attribution
        if mention.kind == "name" or last is None or last.mention is None:
            return None
        if last.mention.start != mention.start or last.mention.end != mention.end:
            return None
        return last.entity

    def _referent(self, gender, other_than=(), replying=False, speech_cue=False):
        """Whom "he", "she" or "the old man" stands for.  In a story a new
        paragraph of dialogue is a new speaker: when the narration of this
        paragraph names nobody first, the last speaker is passed over for
        the other person of the conversation.  ``replying``: the cue answers
        ("she replied"); ``speech_cue``: the pronoun is a speech verb's subject."""
        exclude = ((self.spoken_to,) if self.spoken_to is not None else ()) + other_than
        narrator = self._narrator() if self.told_by_i and self.narrator_votes else None
        if narrator is not None:
            exclude += (narrator,)   # who tells the story says "I", never "he"
        if self.unnamed_narrator is not None:
            exclude += (self.unnamed_narrator,)
        if self.fiction and self.new_turn and self.turns:
            last_speaker = self.turns[-1][1]
            if last_speaker is not None and self.paragraph_index - self.turns[-1][0] <= 1:
                if last_speaker.salient < self.paragraph_start_clock:
                    exclude += (last_speaker,)
        entity = None
        if self.fiction and self.new_turn and self._follows_last_quote():
            entity = self._answering(gender, exclude)
        if entity is None and self.fiction:
            # Named in the narration of this paragraph before the cue (or of
            # the paragraph before, when that one was all narration), else one
            # of the people in the conversation.
            since = self.paragraph_start_clock
            if self.turns and self.turns[-1][0] < self.paragraph_index - 1:
                since = self.previous_start_clock
            elif self.new_turn and self.turns and self._someone_acted_since_last_quote():
                since = self.clock_at_last_quote + 1   # "…," said Tom. Ann smiled. ¶ "…," she said
            entity = self.registry.recent(gender, exclude, since=since, people=self.story)
            if entity is not None and speech_cue and entity.salient < since \
                    and self._pronoun_came_first(entity, gender):
                entity = None   # "As she spoke, she … asked about Miss Dale. She replied"
            if entity is not None and replying and entity not in self.speakers:
                # "he replied" answers the talk: one of those talking, not someone
                # the narration between the turns only named.
                entity = self._participant(gender, exclude) or entity
            if entity is None and self.new_turn:
                entity = self._same_sex_goes_on(gender)
            if entity is None:
                entity = self._participant(gender, exclude)
        if entity is None:
            entity = self.registry.recent(gender, exclude, people=self.story)
        if entity is None and exclude:
            # Nobody else of that sex is about: the last speaker goes on.
            entity = self.registry.recent(gender, tuple(
                person for person in (self.spoken_to, narrator) if person is not None),
                people=self.story)
        if entity is None and self.fiction:
            entity = self._last_person_named(gender, exclude)
            if entity is not None and entity.gender is None:
                entity.gender = gender   # "Robin came in. ¶ “…,” she said": Robin is a woman
        if entity is not None:
            self.registry.touch(entity)
        return entity

    def _pronoun_came_first(self, entity, gender):
        """Whether the narration of this paragraph, before the quote, says
        "he" or "she" (of that sex) before it first names ``entity``: the
        pronoun then goes on about someone met before, not about the one
        named after it.  Named only in the paragraph before, the name is
        passed by when that paragraph says the pronoun before and after it."""
        quote = self.deciding
        if gender is None or quote is None:
            return False
        pronoun = PRONOUN_OF_GENDER[gender]
        paragraph = quote.context.first_paragraph
        text = paragraph.text[:max(0, quote.start - paragraph.start)]
        named = _places_named(text, entity)
        previous = self.previous_paragraph
        if not named and previous is not None and previous is not paragraph:
            text = previous.text[-NARRATION_WINDOW:]
            named = _places_named(text, entity)
            if named and pronoun.search(text, max(named)) is None:
                return False
        return bool(named) and pronoun.search(text, 0, min(named)) is not None

    def _same_sex_goes_on(self, gender):
        """When the others of the talk are all women, "he said" in a new
        paragraph right after the man's is the man going on (and the other
        way round)."""
        if gender is None or len(self.turns) < 2 or not self._follows_last_quote():
            return None
        index_1, last = self.turns[-1]
        if last is None or last.gender != gender or last is self.spoken_to:
            return None
        others = [(index, other) for index, other in self.turns[-4:-1]
                  if other is not last and index_1 - index <= 4]
        if any(other is not None for _, other in others) \
                and all(other is None or other.gender not in (None, gender) for _, other in others):
            return last
        return None

    def _last_person_named(self, gender, exclude):
        """The person of unknown sex last named, when no one of that sex was
        ever a subject or a speaker: "My dear Pike," said I. ¶ "…," said he."""
        for entity in reversed(self.registry.recently_seen):
            if entity.person and entity.gender in (None, gender) and entity not in exclude:
                return entity
        return None

    def _answering(self, gender, exclude):
        """The one the last quote was said to, answering it in a new
        paragraph, unless this paragraph's narration names someone first."""
        addressee = self.addressee
        if addressee is None or addressee in exclude or addressee.gender not in (None, gender):
            return None
        if gender is None and addressee.gender is None:
            return None
        if self.registry.recent(gender, exclude, since=self.paragraph_start_clock):
            return None
        return addressee

    def _narration_says_i(self):
        """Whether the story is told by "I" though no cue has said "I said"
        yet: a third of its paragraphs of narration say "I", twice at least
        (a story told of others says "I" only now and then)."""
        return self.narration_i >= 2 and 3 * self.narration_with_i >= self.narration_paragraphs

    def _narrator(self):
        """The one who says "I": the person the others speak to most (next
        to the narrator's lines above all), never one the narration names as
        a speaker."""
        if self.narrator is not None and self.narrator in self.named_speakers:
            votes = {e: v for e, v in self.narrator_votes.items() if e not in self.named_speakers}
            self.narrator = max(votes, key=votes.get) if votes else None
        return self.narrator

    def _teller(self):
        """Who says "I" in a story: the narrator once the others' words
        have named them, else the narrator as such."""
        narrator = self._narrator()
        if narrator is None and self.fiction:
            addressee = self.addressee
            if addressee is not None and addressee not in self.named_speakers \
                    and self._follows_last_quote() and self.turns[-1][0] != self.paragraph_index:
                return addressee   # "…, Marsh." ¶ "…," I answered.
            if self.unnamed_narrator is None:
                self.unnamed_narrator = DescribedPerson(UNNAMED_NARRATOR, None, self.registry.clock)
                self.unnamed_narrator.person = True
            narrator = self.unnamed_narrator
        return narrator

    def _vote_narrator(self, entity, weight=NEXT_TO_I_VOTES):
        votes = self.narrator_votes
        votes[entity] = votes.get(entity, 0) + weight
        if entity not in self.named_speakers and (
                self.narrator is None or votes[entity] > votes[self.narrator]):
            self.narrator = entity

    def _vocative_in(self, words):
        """The person a quote speaks to by name: "Come, Darcy, …"."""
        found = None
        candidates = []
        if words.lstrip()[:1].isupper():
            first = VOCATIVE_FIRST.match(words)
            if first is not None:
                candidates.append((first.group("first"), False))
        if ", " in words or "dear" in words:
            candidates.extend((v.group("name"), True) for v in VOCATIVE.finditer(words))
        for name, after_comma in candidates:
            if name.split()[0].lower().rstrip(".") in NOT_NAMES and len(name.split()) == 1:
                continue
            if name.lower().replace("\u2019", "'") in FORMS_OF_ADDRESS or name.startswith("The "):
                continue   # "Yes, ma'am", "The Lantern!": no one's name
            if name[:5] == "Dear " and len(name.split()) > 1:
                name = name[5:]   # "Dear Mrs. Garrow," opens a letter to her
            bearer = self._bearer_of_title(name.lower()) if " " not in name else None
            if bearer is None and name.lower() in PARENT_CALLED:
                bearer = self._parent_of_speaker(PARENT_CALLED[name.lower()])
            if bearer is None:
                bearer = self._narrators_kin_called(name)
            if bearer is not None:   # "Thank you, Doctor": the doctor of the scene
                found = bearer
                continue
            name = strip_titles(name)
            # Whoever is spoken to is in the scene; a capitalised word that
            # opens a quote ("Nonsense, …") counts only if it is a name.
            if after_comma or honorific(name) or gender_of(name):
                found = self.registry.see(name)
                found.person = True
            else:
                found = self.registry.lookup(name) or found
        return found

    def _learn_own_name(self, entity, words):
        """Someone known by a description who says "I'm Peters" or "My name
        is Ward", or answers "What name?" with "Greyson, second floor", is
        named so from then on, unless another bears the name."""
        match = SELF_NAMING.search(words)
        if match is None and self.last_quote is not None and self.new_turn \
                and ASKS_NAME.search(self.last_quote.text):
            match = NAME_GIVEN.match(words)
        if match is None:
            return
        name = match.group("name")
        if name.split()[0].lower() in NOT_NAMES or _is_place(name) or self.registry.lookup(name) \
                or _description_gender(name) or name.lower() in FORMS_OF_ADDRESS:
            return   # "Boy, listen to me" calls someone; it names no one
        self.registry.name(entity, name)

    def _parent_of_speaker(self, title):
        """"Yes, Mother": the one of the scene who bears the title of a parent
        ("Mrs.", "Mr.") and the surname of someone in the talk."""
        for speaker in reversed(self.speakers):
            parent = self._titled_kin(speaker, title)
            if parent is not None:
                return parent
        return None

    def _titled_kin(self, person, title):
        """The one known by ``title`` and the surname of ``person``: "Mrs.
        Bennet" for Mr. Bennet, fullest names tried first."""
        for alias in sorted(person.aliases, key=len, reverse=True):
            words = strip_titles(alias).split()
            if len(words) > 1 or honorific(alias):
                kin = self.registry.lookup("%s %s" % (title, words[-1]))
                if kin is not None and kin is not person:
                    return kin
        return None

    def _addressee_of_cue(self, mention, quote, paragraph, speaker):
        """Whom a cue says the words were for: "…," said Tom to his sister
        Ann / asked Ann of Tom / he said, turning to Ann.  The one spoken to
        is the likely next speaker."""
        cue_end = None
        if mention.start < quote.start:   # Tom turned to Ann and said, "…"
            paragraph = quote.context.first_paragraph
            if mention.start < paragraph.start and self.previous_paragraph is not None:
                paragraph = self.previous_paragraph   # … and said: ¶ "…"
            cue_end = min(quote.start, paragraph.start + len(paragraph.text)) - paragraph.start
        text = paragraph.text
        at = mention.end - paragraph.start
        if not 0 <= at <= len(text):
            return None
        match = addressee_after_cue(text, at, at + 120)
        if match is None and cue_end is not None and at <= cue_end:
            match = TOWARDS_NAME.search(text, at, min(cue_end, at + 120))
        if match is None:
            return None
        entity = self.registry.lookup(strip_titles(match.group("name")))
        if entity is None or not (entity.person or entity.gender):
            return None
        return entity if entity is not speaker else None

    def _participant(self, gender, exclude):
        """The most recent speaker of that gender in the conversation."""
        fallback = None
        for speaker in reversed(self.speakers):
            if speaker in exclude:
                continue
            if speaker.gender == gender:
                return speaker
            if speaker.gender is None and fallback is None \
                    and not (gender and _sexless_description(speaker)):
                fallback = speaker
        return fallback

    def _apply(self, quote, result):
        quote.speaker = result.speaker
        quote.cue = result.cue
        quote.method = result.method
        quote.confidence = round(result.confidence, 2)
        quote.type = result.type
        if result.mention is not None:
            quote.mention = result.mention.text
            quote.mention_start, quote.mention_end = result.mention.start, result.mention.end
        if result.entity is not None:
            quote.aliases = tuple(sorted(result.entity.aliases))

    def _remember(self, quote, result, paragraph):
        entity = result.entity if result is not None else None
        if entity is not None and result.mention is not None and result.mention.kind == "name":
            self.named_speakers.add(entity)
        if entity is not None:
            if entity.gender is not None or not _sexless_description(entity):
                self.registry.touch(entity, salient=True)
            if entity in self.speakers:
                self.speakers.remove(entity)
            self.speakers.append(entity)
            del self.speakers[:-8]
            if entity.gender is None and result.mention is not None and result.mention.kind == "name":
                # "…," said Duval, shaking his head: Duval is a man.
                text = paragraph.text
                at = result.mention.end - paragraph.start
                if 0 <= at <= len(text):
                    pronoun = GENDERED_PRONOUN.search(text, at, at + 80)
                    if pronoun is not None and not NAME_OR_QUOTE.search(text, at, pronoun.start()) \
                            and (self.fiction or pronoun.group().lower() not in OBJECT_PRONOUNS):
                        entity.gender = "m" if pronoun.group().lower() in MALE_PRONOUNS else "f"
        by_narrator = (result is not None and result.mention is not None
                       and result.mention.name == "i")
        if self.spoken_to is not None and entity is not None and not by_narrator \
                and entity is not self.spoken_to:
            # The others talk to the narrator in every scene of the story.
            self._vote_narrator(self.spoken_to, 1)
        # Whoever is spoken to just before "I said", or in the answer to it,
        # is the narrator.
        self.told_by_i = self.told_by_i or by_narrator
        if by_narrator and self.addressee is not None and self._follows_last_quote() \
                and not (self.turns and self.turns[-1][0] == self.paragraph_index):
            self._vote_narrator(self.addressee)   # never whom "I" spoke to just before
        if self.spoken_to is not None and self.narrator_spoke_last and self._follows_last_quote():
            self._vote_narrator(self.spoken_to)
        if not (self.turns and self.turns[-1][0] == self.paragraph_index):
            self.narrator_spoke_last = by_narrator
        if self.turns and self.turns[-1][0] == self.paragraph_index:
            if self.spoken_to is None and entity is not None and self.turns[-1][1] is entity:
                # ""Sir Harry!" she cried, "I have an idea."": all of it is to him
                self.spoken_to = self.spoken_to_before
            self.turns[-1] = (self.paragraph_index, entity or self.turns[-1][1])
        else:
            self.turns.append((self.paragraph_index, entity))
            del self.turns[:-4]
        if self.spoken_to is None and entity is not None and result.mention is not None:
            self.spoken_to = self._addressee_of_cue(result.mention, quote, paragraph, entity)
        if isinstance(entity, DescribedPerson) and quote.depth == 0:
            self._learn_own_name(entity, quote.text)
        self.addressee = self.spoken_to
        self.last_quote = quote
        self.last_attribution = result
        self.clock_at_last_quote = self.registry.clock


def _calls_by_name(words):
    """Whether the words speak to someone by a given name or a title and
    name: "Come here, Tom," or "Yes, Mrs. Hale."

    >>> _calls_by_name("Come here, Tom, and sit down."), _calls_by_name("Yes, Paris.")
    (True, False)
    """
    return ", " in words and any(gender_of(match.group("name")) is not None
                                 for match in VOCATIVE.finditer(words))


def _outside_nested(quote):
    """A quote's words with the quotes inside it blanked out: in "Tell
    him 'Thank you, Mr. Penn'" the speaker calls no one by name."""
    words, base = quote.text, quote.start + len(quote.marks[0])
    for inner in quote.nested:
        start, end = max(0, inner.start - base), max(0, inner.end - base)
        words = words[:start] + " " * (min(end, len(words)) - start) + words[end:]
    return words


def _places_named(text, entity):
    """Where ``text`` first names ``entity`` by each of its names."""
    return [at for at in (text.find(alias) for alias in entity.aliases) if at >= 0]


#: The speaker of "I said" in a story that has not yet named who tells it.
UNNAMED_NARRATOR = "the narrator"
#: Whom narration turns to before a cue and its quote: "Tom bent towards Ann and said,".
TOWARDS_NAME = re.compile(r"\b(?:to|towards|toward|at)[ \t\n]+(?P<name>%s)" % NAME.pattern)
#: What follows the subject of a cue (and its verb, if the verb comes after
#: it) when it names whom the words were for: "…," said Tom to Ann; asked
#: Tom of Ann; Tom said, turning to Ann.
ADDRESSEE_AFTER_CUE = re.compile(r"[ \t\n]*,?[ \t\n]*(?:\w+ly[ \t\n]+)?"
                                 r"(?:turning[ \t\n]+)?(?:to|of)[ \t\n]+(?P<name>%s)"
                                 % NAME.pattern)


def addressee_after_cue(text, pos, endpos):
    """The match of ADDRESSEE_AFTER_CUE at ``pos``, after the cue verb if
    one comes first ("…," said Tom, turning to Ann), or None."""
    if "to" not in text[pos:endpos] and "of" not in text[pos:endpos]:
        return None   # most cues name no one they were said to
    space = SPACE.match(text, pos, endpos)
    if space is not None:
        for verb in _and_shorter(text, VERB_START.match(text, space.end(), endpos)):
            match = ADDRESSEE_AFTER_CUE.match(text, verb.end(), endpos)
            if match is not None:
                return match
    return ADDRESSEE_AFTER_CUE.match(text, pos, endpos)
#: A sentence whose subject is a pronoun: "But he suggested …", "Later, she …".
SUBJECT_PRONOUN = re.compile(r"[\s.,;:\"“”]*(?:(?:and|but|so|then|yet|still|later|also|however|"
                             r"meanwhile|instead)\b[\s,]*)*(?:[^,.;\"“”]{1,60},[ \t\n]*)?(he|she)\b",
                             re.I)
#: How far back (paragraphs, characters) a news pronoun looks for its person.
NARRATION_PARAGRAPHS = 3
ANTECEDENT_WINDOW = 1500
#: Last words of the names of places: "Mill Lane", "Ashcombe Abbey".
PLACE_WORDS = frozenset("""
    street road lane square avenue terrace gardens park abbey wells corner villa hill green
    common bridge place row court castle manor hall station cottage farm church chapel
    """.split())
#: Words that make a name an organisation's, which "he" or "she" never means.
ORGANISATION_WORDS = frozenset("""
    party committee department campaign news times post journal press review institute
    university college school foundation inc llc corp corporation company co group association
    council house senate congress court agency bureau office ministry administration
    commission network center centre union bank fund organization organisation church
    police army navy force forces caucus club league board authority service services
    county city state states republic kingdom nations government media tv radio
    """.split())


#: Headlines are short lines; a longer paragraph is never one.
HEADLINE_LENGTH = 200
#: The most words of a name that opens a heading before its verb ("Ana Maria Ruiz Said").
HEADING_NAME_WORDS = 3
HEADLINE_WORD = re.compile(r"[^\W\d_][\w'’\-]*")


def _is_headline(text):
    """A line in title case, where every word is capitalised and names
    cannot be told from the words around them.

    >>> _is_headline("Mayor Rejects Budget Over Pension Costs"), _is_headline("Ana Ruiz said so.")
    (True, False)
    """
    if len(text) > HEADLINE_LENGTH:
        return False
    words = HEADLINE_WORD.findall(text)
    if len(words) < 4:
        return False
    if text.rstrip().endswith(".") and any(word[0].islower() and word not in HEADING_LINKS
                                           for word in words):
        return False   # "Ana Ruiz met Tom Lind on Friday.": a sentence with a verb
    capitalised = sum(1 for word in words if word[0].isupper())
    return capitalised >= 0.7 * len(words)


#: The name a headline opens with, up to its verb: "Ana Ruiz Rejects …",
#: "Ruiz to seek …".
HEADLINE_SUBJECT = re.compile(r"[ \t\n]*(?P<name>(?:[A-Z][\w'’.\-]*[ \t\n]+){0,2}?[A-Z][\w'’.\-]*)"
                              r"[ \t\n]+(?=[A-Z]?[a-z]+(?:s|ed)\b|to\b|[a-z])")
#: Speech verbs that come before their subject: "…, said Ana Ruiz".
INVERTING_VERBS = frozenset("said says added asked wrote told explained noted".split())
#: A lower-case noun right after a name, ending its phrase: "Democratic rival,".
ROLE_AFTER_NAME = re.compile(r"[ \t\n]+([a-z\-]+)(?=[ \t\n]*[,;.])")
#: Lower-case words between a name and another name: "Cruz spokeswoman Ana Ruiz".
NAME_MODIFIER = re.compile(r"[ \t\n]+((?:[a-z\-]+[ \t\n]+){1,3})[A-Z]")


#: What ends a cue that closes a clause: "…, Ruiz said." / "…, Ruiz said, …".
CLAUSE_CLOSE = re.compile(r"[ \t\n]*(?:[.,!?]|$)")


def _closing_cue(text, start, end):
    """The name in a cue that closes a sentence of reported speech ("…, Ruiz
    said." / "…, said Ruiz." / "…, Ruiz argues."): whom the sentence is about."""
    for comma in COMMA.finditer(text, start, end):
        space = SPACE.match(text, comma.end(), end)
        if space is None:
            continue
        at = space.end()
        verb = speech_verb_at(text, at, end)
        if verb is not None:
            space = SPACE.match(text, verb.end(), end)
            name = NAME.match(text, space.end(), end) if space is not None else None
            if name is not None and CLAUSE_CLOSE.match(text, name.end(), end):
                return _person_before_body(name.group())
            continue
        name = NAME.match(text, at, end)
        if name is None:
            continue
        space = SPACE.match(text, name.end(), end)
        if space is None:
            continue
        adverb = ADVERB.match(text, space.end(), end)
        verb = speech_verb_at(text, adverb.end() if adverb else space.end(), end)
        if verb is not None and CLAUSE_CLOSE.match(text, verb.end(), end):
            return name.group()
    return None


#: A verb in the passive: "is deemed", "was widely called", "has been described".
PASSIVE = re.compile(r"\b(?:is|was|are|were|be|been|being)[ \t\n]+(?:[a-z]+ly[ \t\n]+)?"
                     r"(?:deemed|called|described|labell?ed|branded|dubbed|named|considered|seen|"
                     r"regarded|viewed|termed|known|referred)\b")

#: ", as" before a cue that closes a sentence: "…,” as Ruiz put it."
AS_CUE = re.compile(r"(?:,|^)[ \t\n]+as[ \t\n]+")
#: The subject of "put it" after AS_CUE, up to its verb: "as a memo put it".
PUT_IT = re.compile(r"(?:%s|[^\"“”.!?;]){1,120}?[ \t\n]+(?P<verb>put|puts|phrased|phrases)[ \t\n]+it\b"
                    % ABBREVIATION)


#: An age after a name: "Ana Ruiz, 34, said".
AGE_AFTER = re.compile(r",[ \t\n]*\d{1,3},")


#: ", a congresswoman from Ohio," after a name: an appositive that may give a
#: role; a long one runs on into a relative clause (", a lawyer who …").
ROLE_APPOSITIVE = re.compile(r",[ \t\n]+(?:a|an|the)[ \t\n][^,.;\"“”]{1,100}?(?:,|[ \t\n]who[ \t\n])")

#: The lower-case word right before a name, maybe with a comma after it:
#: "professor Ana Ruiz", "the port's director, Ana Ruiz".
WORD_BEFORE_NAME = re.compile(r"(?:^|[ \t\n])(?P<word>[a-z][a-z\-]*),?[ \t\n]+$")

#: Words of ROLE_WORDS that only qualify a role, so never stand right before
#: the name of the person who holds it ("executive Ana Ruiz" is one though).
ROLE_QUALIFIERS = ROLE_MODIFIERS - {"executive"}


#: "Ana Ruiz, who …": what only a person is followed by.
WHO_AFTER = re.compile(r",[ \t\n]+who[ \t\n]")


#: Callings that a story's narration names a person by: "the doctor", "the vicar".
CALLINGS = frozenset("""
    doctor surgeon physician apothecary lawyer attorney solicitor clergyman vicar rector curate
    parson priest minister chaplain captain colonel major general lieutenant sergeant inspector
    detective constable magistrate coroner judge professor schoolmaster governess nurse
    """.split())
#: Callings that go by another name in the narration: a surgeon is "the doctor".
CALLING_NAMES = {"surgeon": "doctor", "physician": "doctor", "apothecary": "doctor",
                 "attorney": "lawyer", "solicitor": "lawyer", "rector": "clergyman",
                 "vicar": "clergyman", "curate": "clergyman", "parson": "clergyman"}
#: ", a surgeon in the neighbourhood" or ", the old vicar," right after a name.
CALLING_APPOSITIVE = re.compile(r",[ \t\n]+(?:a|an|the)[ \t\n]+(?P<words>[a-z][a-z \t\n\-]{0,40})")


def appositive_calling(text, index, end):
    """The calling an appositive right after a name gives its bearer, under
    the noun the narration will call them by: "doctor" after "Mr. Lowell, a
    surgeon in the town".

    >>> appositive_calling("Mr. Lowell, a surgeon in the town, came.", 10, 40)
    'doctor'
    """
    if not text.startswith(",", index):
        return None
    match = CALLING_APPOSITIVE.match(text, index, end)
    if match is None:
        return None
    for word in HEAD_ENDS.split(match.group("words"), 1)[0].split()[:3]:
        if word in CALLINGS:
            return CALLING_NAMES.get(word, word)
    return None


def _person_clue(text, index, end):
    """Whether the words after a name in its sentence show a person: an age,
    a speech verb, a role or "who"."""
    if AGE_AFTER.match(text, index, end) or speech_after_name(text, index, end) \
            or WHO_AFTER.match(text, index, end):
        return True
    appositive = ROLE_APPOSITIVE.match(text, index, end)
    return appositive is not None and role_in(appositive.group()) is not None


def _role_before(text, start, index):
    """Whether a role stands right before the name at ``index``: "professor
    Ana Ruiz", "the port's director, Ana Ruiz"."""
    return _role_right_before(text, max(start, index - 30), index, ROLE_QUALIFIERS) is not None


def _modifies_name(text, index, end):
    """Whether the name ending at ``index`` only qualifies a role and the
    name after it: "Cruz" in "Cruz spokeswoman Ana Ruiz said"."""
    role = ROLE_AFTER_NAME.match(text, index, end)
    if role is not None and (role.group(1) in ROLE_WORDS or role.group(1) in SPEAKER_NOUNS):
        return True   # "Brandt's chief Liberal rival, Sen. Ruiz": a role's qualifier
    match = NAME_MODIFIER.match(text, index, end)
    if match is None:
        return False
    words = match.group(1).split()
    if any(word in NOT_ROLE_WORDS for word in words):
        return False   # "Ruiz would vote for Lind": a clause, not a role
    # "Cruz senior communications adviser Ana Ruiz": a role ends the words between
    return all(word in ROLE_WORDS for word in words) \
        or words[-1] in ROLE_WORDS or ROLE_WORD.match(words[-1]) is not None


def _after_speech_verb(text, index):
    """Whether a name at ``index`` comes right after a speech verb ("said
    Ana Ruiz"): it names a person."""
    words = text[max(0, index - 12):index].split()
    return bool(words) and words[-1] in INVERTING_VERBS


def _known_name(entity):
    """Whether a word opening a sentence is surely a name: one word there,
    met for the first time, may be any word ("Soon afterwards he …",
    "Nature had given him …")."""
    return " " in entity.name or entity.person or entity.inside or entity.salient > 0


def _sex_from_pronoun(text, at, end, known=True):
    """The sex that a pronoun soon after a subject gives it, before any
    other name: "Tom shook his head" makes Tom a man.  A word not
    known for a name needs a pronoun that can only look back to it."""
    pronoun = GENDERED_PRONOUN.search(text, at, min(end, at + 60))
    if pronoun is None or NAME_OR_QUOTE.search(text, at, pronoun.start()):
        return None
    if not known and pronoun.group().lower() not in OWN_PRONOUNS:
        return None
    return "m" if pronoun.group().lower() in MALE_PRONOUNS else "f"


def _taken_up_by_pronoun(text, at, end, sex):
    """Whether the sentence after a name opens with "he" or "she" of its
    sex, with no other name between: "… gave the letter to Nora. But she
    would not read it": the narration goes on about Nora."""
    pronoun = NEXT_SUBJECT_PRONOUN.match(text, at, min(end, at + 160))
    if pronoun is None or NAME_OR_QUOTE.search(text, at, pronoun.start("stop")):
        return False
    return PRONOUN_GENDER[pronoun.group("pronoun").lower()] == sex


def _narration_of(paragraph, quotes):
    """The paragraph's text without the quotes that lie in it."""
    text, pieces, done = paragraph.text, [], 0
    for quote in quotes:
        start, end = quote.start - paragraph.start, quote.end - paragraph.start
        if start >= done and end <= len(text):
            pieces.append(text[done:start])
            done = end
    if not pieces:
        return text
    pieces.append(text[done:])
    return " ".join(pieces)


def _is_bare_title(mention):
    """Whether a mention is a title alone, with its article: "the Prime Minister"."""
    words, title = mention.text.split(), mention.name.split()
    return len(words) > len(title) and words[-len(title) - 1].lower() == "the" \
        and all(word.lower() in ROLE_WORDS for word in title)


def _drop_leading_word(name):
    """"Though Ms. Ruiz" -> "Ms. Ruiz": a capitalised word opening a
    sentence, and the little words after it ("And for Ruiz" -> "Ruiz")."""
    words = name.split()
    if len(words) > 1 and (words[0].lower() in NOT_NAMES or words[0].lower() in OPENING_WORDS) \
            and words[0].lower() not in TITLES:
        return " ".join(_past_link_words(words[1:]))
    return name


#: Small words that join the words of a name ("Institute for the Study of
#: War") but never open one.
LINKS_NEVER_FIRST = frozenset("for of the and to in at on by with from".split())


def _past_link_words(words):
    while words and words[0] in LINKS_NEVER_FIRST:
        words = words[1:]
    return words


def _is_place(name):
    """"Mill Lane", "Kelby Wells": a place a story names, not a
    person ("Tom Green" and "Mrs. Hill" are people), even where a line
    breaks inside it.

    >>> _is_place("Bramble\\nLane"), _is_place("Tom Green")
    (True, False)
    """
    words = name.split()   # a line may break inside the name
    return len(words) > 1 and words[-1].lower() in PLACE_WORDS and gender_of(name) is None


@functools.lru_cache(maxsize=4096)
def _is_organisation(name):
    """"Democratic National Committee", "CNN": not a person; but "Mr.
    Haldane of the Fiscal Studies Group" is one.

    >>> _is_organisation("Republican National Committee"), _is_organisation("Ana Ruiz")
    (True, False)
    """
    words = []
    for word in name_words(name):
        if word in NAME_LINK_WORDS:
            break
        words.append(word)
    return bool(ACRONYM.match(name)) or any(word in ORGANISATION_WORDS for word in words)


#: Between a name and the speech verb that makes it a person's: "Ana Ruiz
#: said", "Ana Ruiz, 29, says", "Ana Ruiz, a nurse at the clinic, told",
#: "Ana Ruiz, said,".
SPEECH_AFTER_NAME = re.compile(r"(?:,(?:%s|[^,.;\"“”]){1,80},)?,?[ \t\n]+" % ABBREVIATION)
COMMA_SPACE = re.compile(r",?[ \t\n]+")


def speech_after_name(text, pos, endpos):
    """Whether a speech verb follows a name that ends at ``pos``: "Ana Ruiz
    said", "Ana Ruiz, 29, says", "Ana Ruiz, a nurse, quickly added"."""
    leads = [SPEECH_AFTER_NAME.match(text, pos, endpos)]
    if text.startswith(",", pos) and leads[0] is not None:
        leads.append(COMMA_SPACE.match(text, pos, endpos))   # "Ana Ruiz, said, when asked"
    for lead in leads:
        if lead is None:
            continue
        adverb = ADVERB.match(text, lead.end(), endpos)
        if (adverb is not None and speech_verb_at(text, adverb.end(), endpos) is not None) \
                or speech_verb_at(text, lead.end(), endpos) is not None:
            return True
    return False


#: A determiner right before a word makes it a noun: "the state", "his post".
NOUN_BEFORE = re.compile(r"\b(?:the|a|an|his|her|its|their|our|this|that|these|those|my|your)"
                         r"[ \t\n]+$", re.I)
REPORTING_THAT = re.compile(r"[ \t\n]+that\b")
#: A pronoun and more words after a speech verb: the clause that reports the
#: words ("said he would …"), not an inverted cue's subject ("said he").
REPORTED_CLAUSE = re.compile(r"(?:he|she|they|we|it|I)[ \t\n]+[\w’']")
#: After a cue verb that ends right before the quote: "X said, “…”", "X said: “…”".
ADJACENT_CUE = re.compile(r"(?:[ \t\n]+[a-z]+ly)?(?:[ \t\n]+that)?[ \t\n]*[,:]?[ \t\n]*$")


def ends_with_cue(text):
    """Whether ``text`` ends with a cue verb: "X said, ", "X said: ", "X said that "."""
    last = text.rstrip(" \t\n")
    if last.endswith((",", ":")):
        last = last[:-1].rstrip(" \t\n")
    if not last[-1:].isalpha():
        return False   # a verb ends in a letter: most narration ends in a full stop
    pos = 0
    while True:
        found = VERB_START.search(text, pos)
        if found is None:
            return False
        if any(ADJACENT_CUE.match(text, verb.end()) for verb in _and_shorter(text, found)):
            return True
        pos = found.start() + 1
JOINED_NAMES = re.compile(r"\s+and\s+")


def name_forms(raw: str) -> List[tuple]:
    """The names in capitalised words of narration, each with the role its
    title gives ("the doctor" for "Dr. Bauerstein"), or None.

    >>> name_forms("Mr. and Mrs. Fairley"), name_forms("Prime Minister Ivo Marek's")
    ([('Mrs. Fairley', None)], [('Ivo Marek', 'minister')])
    """
    if raw.count(" ") > 4:
        # A title in capitals, not a name; unless a person's name ends a long
        # title: "State Superintendent of Education Rosa Delgado".
        stripped = strip_titles(raw)
        return [(stripped, None)] if stripped != raw and len(stripped.split()) <= 3 \
            and stripped.split()[0].lower() not in NOT_NAMES else []
    found = []
    for name in JOINED_NAMES.split(raw):
        if name.isupper() and len(name) > 4:
            name = name.title()   # "EMMA" in a chapter heading
        name = _drop_article(POSSESSIVE.sub("", name))
        words = name.split()
        if not words or (len(words) == 1 and words[0].lower().rstrip(".") in NOT_NAMES):
            continue
        if (words[0].lower() in NOT_NAMES or words[0].lower() in OPENING_WORDS) \
                and words[0].lower().rstrip(".") not in TITLES:
            words = _past_link_words(words[1:])
            name = " ".join(words)
            if not words or len(words) == 1 and words[0].lower().rstrip(".") in NOT_NAMES:
                continue   # "When I": no name left
        name = _person_before_body(name)
        stripped = strip_titles(name)
        role = TITLE_ROLES.get(words[0].rstrip(".").lower())
        prefix = name[:len(name) - len(stripped)].split() if name.endswith(stripped) else ()
        if prefix:   # "Prime Minister Ivo Marek": "the Prime Minister" is Marek
            last = prefix[-1].rstrip(".").lower()
            role = TITLE_ROLES.get(last, last)
        found.append((stripped, role))
    return found


#: The method of quotes that are terms of a story, not speech (left out).
TERM = "term"
#: A term is at most this many words.
TERM_WORDS = 4


def is_term(words: str, before: str) -> bool:
    """Whether a quote with no cue is a term quoted in passing: a few words
    in the middle of a sentence ("the “pecking” ended", "known as “cat's-eyes.”").

    >>> is_term("pecking", "and the "), is_term("Come in!", "")
    (True, False)
    """
    return MID_SENTENCE.search(before[-40:]) is not None and len(words.split()) <= TERM_WORDS


def is_title(words: str, before: str) -> bool:
    """Whether quoted words in the middle of a sentence are a title or a
    name ("their single “Salt in the Wound”", "call the goose “the
    Admiral”"): they speak for nobody.

    >>> is_title("Salt in the Wound", "their new single "), is_title("Stop!", "")
    (True, False)
    """
    if not MID_SENTENCE.search(before[-40:]):
        return False
    if is_heading(before[-60:].split(" ", 1)[-1]):
        return False   # a headline capitalises every word, titles or not
    tokens = words.strip(" \t\n,.;:").split()
    if not tokens or len(tokens) > 6 or SENTENCE_INSIDE.search(words.strip(" \t\n.")):
        return False
    capitalised = [t for t in tokens if t[:1].isupper() or t[:1].isdigit()]
    return bool(capitalised) and all(
        t[:1].isupper() or t[:1].isdigit() or t.lower() in HEADING_LINKS for t in tokens)


#: Verbs that name what someone is called, besides the speech verbs.
NAMING_VERB = re.compile(r"(?:refer(?:s|red|ring)?[ \t\n]+to|dub(?:s|bed|bing)?|"
                         r"label(?:s|ed|led|ling|ing)?|brand(?:s|ed|ing)?)\b")
#: Words that never stand between a naming verb and its quote.
NOT_OBJECT_WORDS = frozenset("as on in to with at from during by".split())
WORD_SPAN = re.compile(r"[\w'’.\-]+")


#: What a title stands after in news: an article, a possessive, a preposition
#: or a word that names it ("the “Leave” campaign", "on ABC's “This Week”",
#: "a show called “Harbour Hour”"); after a verb, quoted words are what someone said.
TITLE_BEFORE = re.compile(r"(?:\b(?i:the|a|an|his|her|their|its|our|my|your|this|that|these|those)"
                          r"(?:[ \t\n]+[a-z][\w\-]*){0,3}|\b(?:on|in|of|for|from|at|with|to|by|called|"
                          r"named|titled|entitled)|['’]s?)[ \t\n]+$")


def _named_by_speaker(before):
    """Whether a capitalised quote in a sentence is words someone used, not
    a title: after a speech or naming verb whose subject is a person (a
    name, a pronoun) or after a participle ("calling him “…”"); "a show
    called “…”" is a title."""
    tail = before[-100:]
    if not tail[-1:].isspace():
        return False
    words = list(WORD_SPAN.finditer(tail))
    last = len(words) - 1
    if last >= 0 and words[last].group() == "as":
        last -= 1   # "referring to her as “…”"
    # The first verb that has at most four words of its object before the quote.
    for index in range(max(1, last - 5), last + 1):
        word = words[index]
        verb = speech_verb_at(tail, word.start(), len(tail)) or NAMING_VERB.match(tail, word.start())
        if verb is None:
            continue
        objects = [w.group() for w in words[index + 1:last + 1] if w.start() >= verb.end()]
        if len(objects) > 4 or any(w in NOT_OBJECT_WORDS for w in objects):
            continue
        if verb.group().endswith("ing"):
            return True
        before_verb = words[index - 1].group()
        return before_verb[:1].isupper() or before_verb.lower() in SUBJECT_WORDS
    return False


#: Words before a verb that make it a person's act, not a noun's label.
SUBJECT_WORDS = frozenset("he she they it who also then later once again never repeatedly".split())


#: Narration that runs into a quote in the middle of a sentence: a word, not a cue's comma or colon.
MID_SENTENCE = re.compile(r"[a-z][ \t\n]+$")
SENTENCE_INSIDE = re.compile(r"[.!?;:]")


def at_clause_start(text: str, start: int, index: int) -> bool:
    """Whether text[index] opens a clause (after a full stop, a comma, a
    quotation mark, "and"...), where a capitalised word need be no name."""
    before = text[max(start, index - 8):index].rstrip()
    return not before or before[-1] in CLAUSE_PUNCTUATION or before.endswith(CLAUSE_WORDS)


CLAUSE_PUNCTUATION = frozenset(".!?;:,\"“”‘’—(")
CLAUSE_WORDS = (" and", " but", " then", " when", " while", " as")
#: Small words that headings leave in lower case.
HEADING_LINKS = frozenset("of the a an and in at to on for with by from or".split())


def is_heading(text):
    """A chapter heading or title: every word capitalised but the small ones.

    >>> is_heading("CHAPTER IV. The Visitor at the Door"), is_heading("Tom came in.")
    (True, False)
    """
    words = text.split()
    return bool(words) and all(w[:1].isupper() or w[:1].isdigit() or w in HEADING_LINKS
                               for w in words)
GENDERED_PRONOUN = re.compile(r"\b(?:he|his|him|himself|she|her|hers|herself)\b", re.I)
MALE_PRONOUNS = frozenset(("he", "his", "him", "himself"))
#: Pronouns that point back to the subject of their own clause ("Tom shook his head").
OWN_PRONOUNS = frozenset(("his", "himself", "herself"))
#: Pronouns that, after a name, more often stand for someone else: "Ruiz backed her up".
OBJECT_PRONOUNS = frozenset(("him", "her"))
#: A capitalised word or a quotation mark: after one, a pronoun or a
#: description may stand for someone else.
NAME_OR_QUOTE = re.compile(r"[\"“”]|\b[A-Z][a-z]+\b")
#: "He" or "she" opening a sentence, after a linking word or none.
NEXT_SUBJECT_PRONOUN = re.compile(r"[^.!?\"“”]{0,120}(?P<stop>[.!?])[\"”’']?[ \t\n]+"
                                  r"(?:(?:But|And|Then|So|Yet|Still)[ \t\n]+)?(?P<pronoun>[Hh]e|[Ss]he)\b")
#: A verb-like word after a name: with a clause start before it, the name is
#: the subject of its sentence.
#: Common past tenses and auxiliaries that follow a subject.
SUBJECT_VERBS = trie_pattern("""
    was had is has did could would will should might must can may said says saw went came
    took made gave got knew thought felt told began stood sat ran looked shook rose drew
    held put kept left met spoke bent broke caught fell found heard laid lay let meant paid
    read rang sank shut struck swung threw tore understood wept woke wore wrote led flung
    hung sprang cast set grew ate bore chose drove fought flew forgot hid knelt leapt lit lost
    rode sang shot slept slid sought spent stole stuck swore taught won brought bought became
    crept fled froze sent""".split())
VERB_AFTER = re.compile(r"(?:,[^,.;:!?\"“”]{1,60},)?"   # "Ann, instead of leaving, sat down"
                        r",?\s+(?:(?:[a-z]+ly|then|now|still|also|only|again|just|never|always|"
                        r"at once|at last|too)\s+)?(?!(?:his|its|this|us)\b)[a-z]+(?:ed|s)\b|['’]s\s+[a-z]+\s+[a-z]+ed\b|"
                        r"\s+%s\b" % SUBJECT_VERBS)
#: Parts and looks of a person that stand for the person in narration.
BODY_WORDS = frozenset("""
    face eyes eye hand hands lips lip cheeks cheek brow forehead head heart countenance
    features mouth glance look looks smile colour color gaze expression""".split())
#: What follows a possessive name that opens a sentence when the sentence
#: is about that person: "Ann's face fell", "Tom's eyes were on the door".
BODY_VERB_AFTER = re.compile(r"[ \t\n]+(?:%s)[ \t\n]+(?:[a-z]+ed|%s)\b"
                             % (trie_pattern(BODY_WORDS), SUBJECT_VERBS))
#: A capitalised participle or adverb alone: "Speaking", "Asked", "Clearly".
PARTICIPLE = re.compile(r"[A-Z][a-z]+(?:ing|ed|ly)")
#: What follows a name that looks like a participle ("Reed", "Manning",
#: "Kelly") when it is a name: a verb of its own.
ACTS_AFTER = re.compile(r"[ \t\n]+(?:was|had|is|has|did|would|will|could|said|says|told)\b")
POSSESSIVE = re.compile(r"['’]s?$")


def _verb_after_person(text, index, end):
    """Whether a verb follows the description of someone that ends at
    ``index``, maybe after where they are: "The stranger by the fire had"."""
    place = PLACE_OF_PERSON.match(text, index, end)
    return VERB_AFTER.match(text, place.end() if place else index) is not None


def _acts_after(text, index, end):
    return ACTS_AFTER.match(text, index, end) is not None \
        or _speech_right_after(text, index, end)


def _speech_right_after(text, index, end):
    space = SPACE.match(text, index, end)
    return space is not None and speech_verb_at(text, space.end(), end) is not None


def _narration_subject_mention(match, offset):
    """The mention NARRATION_SUBJECT found: "The young girl" of "The young
    girl looked up", and "The girl" of "The girl closed her book", where the
    pattern took the verb for the noun of a description.

    >>> _narration_subject_mention(NARRATION_SUBJECT.match("The girl closed her book."), 0).text
    'The girl'
    """
    if match is None:
        return None
    subject, at = match.group("subject"), offset + match.start("subject")
    mention = parse_subject(subject, at)
    if mention is None and subject[:4].lower() == "the " and subject.count(" ") == 2:
        mention = parse_subject(subject.rsplit(" ", 1)[0], at)
    return mention


NARRATION_SUBJECT = re.compile(r"[ \t\n]*(?P<subject>(?:%s|[Tt]he[ \t\n]+(?:[a-z\-]+[ \t\n]+)?[a-z\-]+|%s)"
                               r"(?:\s+%s)?)\s+[a-z]+" % (PRONOUN, NAME.pattern, NAME.pattern))
#: A word that links a sentence to the one before, ahead of its subject:
#: "Then she stooped down", "But Ann laughed".
OPENING_CONNECTIVE = re.compile(r"[ \t\n]*(?:Then|Now|So|But|And|Yet|Still|Presently|At last|At once)"
                                r",?(?=[ \t\n])")
DESCRIPTION_ARTICLE = re.compile(r"^the\s+", re.I)
#: A comma after which a sentence's subject may come ("Turning round, Ann …").
CLAUSE_COMMA = re.compile(r",[ \t\n]+")


# --------------------------------------------------------------------------
# The whole pipeline over one document
# --------------------------------------------------------------------------

class Extractor:
    """One document's pipeline: feed it text in pieces, get quotes back as
    soon as their paragraphs are complete.  The quotes of the opening
    paragraphs come back together, once the genre is judged from them (see
    GENRE_PREVIEW), or at once after ``pause()``."""

    def __init__(self, nested: bool = False, terms: bool = False):
        self.nested = nested
        self.terms = terms
        self.reader = ParagraphReader()
        self.scanner = QuoteScanner()
        self.attributor = Attributor()
        self.waiting: List[Quote] = []   # found while the attributor previews

    def feed(self, piece: str, final: bool = False) -> List[Quote]:
        found: List[Quote] = []
        for paragraph in self.reader.feed(piece, final):
            left_open = self.scanner.settle(paragraph)
            if self.scanner.carried is None:
                self.attributor.release()   # what seemed inside a quotation was not
            if left_open:   # attributed where they stand, before this paragraph is read
                self.attributor.add(None, left_open)
                found.extend(left_open)
            quotes = self.scanner.feed(paragraph)
            if not quotes and paragraph.complete and self.scanner.all_quoted(paragraph):
                # A paragraph of speech that runs on into the next is no
                # narration: the speech is weighed as one, where it ends.
                self.attributor.hold(paragraph)
                continue
            self.attributor.held = []   # they were inside the quotation just closed
            self.attributor.add(paragraph, quotes)
            found.extend(quotes)
        if final:
            quotes = self.scanner.finish()
            self.attributor.release()
            self.attributor.add(None, quotes)
            found.extend(quotes)
            self.attributor.end_preview()
        return self._deliver(found)

    def pause(self) -> List[Quote]:
        """The input has stopped for now (someone typing, a slow pipe):
        judge the genre from what has come, and give back the quotes held."""
        self.attributor.end_preview()
        return self._deliver([])

    def _deliver(self, found):
        if self.attributor.previewing:   # not attributed yet: they wait
            self.waiting.extend(found)
            return []
        if self.waiting:
            found, self.waiting = self.waiting + found, []
        if not self.terms:
            found = [quote for quote in found if quote.method != TERM]
        return self._flatten(found) if self.nested else found

    @staticmethod
    def _flatten(quotes, depth=0):
        flat = []
        for quote in quotes:
            quote.depth = depth
            flat.append(quote)
            flat.extend(Extractor._flatten(quote.nested, depth + 1))
        return flat


def extract(text: str, nested: bool = False, terms: bool = False) -> List[Quote]:
    """All quotes of ``text``, in order, with their speakers.

    Offsets are code-point offsets into ``text`` exactly as given.  With
    ``nested=True`` quotes inside quotes follow their outer quote, with
    ``depth`` 1, 2, ...  A story's terms in quotation marks (the "pecking"
    ended) are not speech and are left out unless ``terms=True``.

    >>> [(q.text, q.depth) for q in extract('“He said ‘no’ twice.”', nested=True)]
    [('He said ‘no’ twice.', 0), ('no', 1)]
    """
    return Extractor(nested, terms).feed(text, final=True)


# --------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------

PROG = "quotes.py"
OUTPUT_FORMATS = ("text", "jsonl", "json", "csv", "tsv")
INPUT_FORMATS = ("text", "jsonl")
#: The extra field of --nested; it goes just before "text", which stays last.
DEPTH_FIELD = "depth"
#: The records of --stats, in their stable order.
STATS_FIELDS = ("speaker", "quotes", "words")
#: How a quote with no speaker is shown in --format text.
UNKNOWN_SPEAKER = "(unknown)"
#: The name of standard input among the FILE arguments (and its ``source``).
STDIN_NAME = "-"
STDIN_FD = 0

EXIT_OK, EXIT_INPUT_ERROR, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

#: How long a pipe or terminal may keep the next bytes back before the
#: quotes found so far are given out (see Extractor.pause).
PAUSE_SECONDS = 0.05
#: What read_pieces yields when a pipe or terminal has nothing more for now.
PAUSED = None
#: Bytes asked of os.read at a time; a pipe answers with what it has.
CHUNK_SIZE = 1 << 18
#: A NUL byte this early in a file (except in UTF-16/32) means it is binary.
BINARY_SNIFF_BYTES = 8192
#: Codecs whose text is full of NUL bytes (no binary check for them).
WIDE_CODECS = ("utf-16", "utf-32")
#: Byte order marks and the codec each one means, longest first (the UTF-32
#: LE mark begins with the UTF-16 LE one).
BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
#: Output is always UTF-8; a lone surrogate (possible in a JSON document of
#: --input jsonl) is written as a \\uXXXX escape rather than failing.
OUTPUT_ENCODING, OUTPUT_ERRORS = "utf-8", "backslashreplace"
#: Backslash escapes of TSV values (the convention of PostgreSQL, MySQL, mlr).
TSV_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
WHITESPACE_RUN = re.compile(r"\s+")

HELP_DESCRIPTION = """\
Find every quoted span in plain text and name its speaker.

Each FILE is read in turn (standard input when FILE is - or when there is
none) and every quotation found is printed as soon as its paragraph has been
read: as a readable list (grep-like, SOURCE:LINE: SPEAKER: "quote"), or as
JSON Lines, one JSON array, CSV or TSV records for other tools."""

EPILOG = """\
records (--format jsonl, json, csv, tsv) have the fields, in this order:
  source         the FILE as given, - for standard input, or the document's
                 id with --input jsonl
  line           1-based line of the opening quotation mark
  start, end     offsets of the span, its quotation marks included
  speaker        who said it (null / empty when unknown)
  type, cue, method, confidence
                 how the speaker was found: the kind of attribution, the
                 speech verb, the rule used and how sure it is (0 to 1)
  mention, mention_start, mention_end
                 the words naming the speaker next to the quote, and where
  depth          (--nested only) 0 for a top-level quote, 1 inside it, ...
  text           the quoted words, without their quotation marks

offsets count code points (characters, not bytes) of the text as decoded,
from the first character after a byte order mark (BOM), with CR characters
kept: a CRLF counts as two.  So text[start:end] of the file read with
open(FILE, encoding=..., newline="") is the span with its marks.  In --input
jsonl they are offsets into the document's text string.

encodings: input is decoded with --encoding (default utf-8), except that a
BOM wins whatever --encoding says: a UTF-8 BOM is skipped, and UTF-16 or
UTF-32 text with a BOM is decoded as such.  A file with a NUL byte in its
first 8 KiB is binary and skipped (unless it is UTF-16/32).  Output is UTF-8.

csv follows RFC 4180 quoting, rows end with LF.  tsv has a header row and
no quoting: a backslash, tab, newline or CR inside a value is written as
\\\\, \\t, \\n or \\r.  Empty values (no speaker, say) are empty cells in both,
null in JSON.

--speaker NAME keeps a quote when NAME's words, in any case, are a run of
consecutive words of its speaker's name or of any other name the document
gives that speaker: "zelensky" matches "Volodymyr Zelensky".  --min-words
and --stats count words as wc -w does (runs of non-space characters).

examples:
  quotes.py article.txt
  quotes.py --format jsonl article.txt | jq -r 'select(.speaker) | .text'
  quotes.py --stats chapter*.txt
  quotes.py --format csv report.txt > quotes.csv     # open in a spreadsheet
  quotes.py --input jsonl --format jsonl corpus.jsonl > quotes.jsonl
  quotes.py --input jsonl --id-field url --text-field body --stats crawl.jsonl
  quotes.py --speaker zelensky --min-words 5 news/*.txt
  tail -f transcript.txt | quotes.py
  quotes.py -j 4 --format jsonl books/*.txt > quotes.jsonl

exit status:
  0    success, also when no quote was found
  1    some input could not be read (a missing, binary or undecodable file,
       or a bad line of --input jsonl); every other input was still processed
  2    usage error
  130  interrupted (Ctrl-C)"""


class InputError(Exception):
    """An input that cannot be read; the message is for standard error."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the command line."""
    parser = argparse.ArgumentParser(
        prog=PROG, description=HELP_DESCRIPTION, epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", metavar="FILE",
                        help="text to read; - or none: standard input")
    output = parser.add_argument_group("output")
    output.add_argument("-f", "--format", choices=OUTPUT_FORMATS, default="text",
                        help="text (default): one readable line per quote; jsonl: one JSON "
                             "object per line; json: one JSON array; csv, tsv: a header "
                             "row, then one row per quote")
    output.add_argument("--fields", metavar="A,B,...",
                        help="the fields of each record and their order (jsonl, json, csv, "
                             "tsv); default: all, as listed below")
    output.add_argument("--nested", action="store_true",
                        help="also list quotes inside quotes, after their outer quote, "
                             "and add the depth field")
    output.add_argument("--terms", action="store_true",
                        help="in stories, also list the few words quoted in passing (terms, "
                             "titles: the \"pecking\" ended), which are left out as not speech")
    output.add_argument("--stats", action="store_true",
                        help="instead of the quotes, one row per speaker: speaker, quotes, "
                             "words (words quoted); most quoted first")
    reading = parser.add_argument_group("input")
    reading.add_argument("--input", choices=INPUT_FORMATS, default="text",
                         help="text (default), or jsonl: each line is a document, a JSON "
                              "object with its id and text")
    reading.add_argument("--id-field", default="id", metavar="KEY",
                         help="key of the document id with --input jsonl (default: id); "
                              "a document with none is named FILE:LINE")
    reading.add_argument("--text-field", default="text", metavar="KEY",
                         help="key of the document text with --input jsonl (default: text)")
    reading.add_argument("--encoding", default="utf-8", metavar="NAME",
                         help="encoding of the input (default: utf-8; a BOM overrides it), "
                              "e.g. cp1252, latin-1, utf-16")
    reading.add_argument("-j", "--jobs", type=job_count, default=1, metavar="N",
                         help="read N files at once in N processes (0: one per CPU); the "
                              "output is the same as with -j 1 (default), in input order")
    filters = parser.add_argument_group("filters")
    filters.add_argument("--speaker", action="append", metavar="NAME",
                         help="only quotes of this speaker (repeat for several)")
    filters.add_argument("--min-words", type=non_negative_int, default=0, metavar="N",
                         help="only quotes of at least N words")
    filters.add_argument("--attributed", action="store_true",
                         help="only quotes whose speaker was found")
    parser.add_argument("--version", action="version", version="%s %s" % (PROG, __version__))
    return parser


def non_negative_int(value: str) -> int:
    """argparse type: a whole number >= 0."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError("not a whole number: %r" % value) from None
    if number < 0:
        raise argparse.ArgumentTypeError("must be 0 or more: %r" % value)
    return number


def job_count(value: str) -> int:
    """argparse type of --jobs: N >= 1, or 0 for one per CPU."""
    return non_negative_int(value) or os.cpu_count() or 1


def parse_options(parser: argparse.ArgumentParser, argv) -> argparse.Namespace:
    """Parse and check the arguments; usage errors exit with status 2."""
    options = parser.parse_args(argv)
    try:
        b"\0\0\0\0".decode(options.encoding)   # LookupError: unknown or not for text
    except UnicodeDecodeError:
        pass
    except LookupError:
        parser.error("unknown encoding: %s" % options.encoding)
    try:
        codec = codecs.lookup(options.encoding)
    except LookupError:
        parser.error("unknown encoding: %s" % options.encoding)
    if codec.incrementaldecoder is None:
        parser.error("encoding %s cannot be read incrementally" % options.encoding)
    options.encoding = codec.name
    if options.stats:
        known = default = STATS_FIELDS
    else:
        known = FIELDS[:-1] + (DEPTH_FIELD,) + FIELDS[-1:]
        default = known if options.nested else FIELDS
    if options.fields is None:
        options.fields = default
    elif options.format == "text":
        parser.error("--fields needs --format jsonl, json, csv or tsv")
    else:
        options.fields = parse_fields(parser, options.fields, known)
    speakers = options.speaker or ()
    if any(not name_words(name) for name in speakers):
        parser.error("--speaker needs a name")
    options.keep = QuoteFilter(speakers, options.min_words, options.attributed)
    return options


def parse_fields(parser, value: str, known) -> tuple:
    """The field names of --fields, checked against the known ones."""
    fields = tuple(name.strip() for name in value.split(","))
    for name in fields:
        if name not in known:
            parser.error("unknown field %r in --fields (choose from %s)"
                         % (name, ", ".join(known)))
    duplicates = sorted({name for name in fields if fields.count(name) > 1})
    if duplicates:
        parser.error("field %r given twice in --fields" % duplicates[0])
    return fields


# -- filters and statistics

def count_words(text: str) -> int:
    """Words as wc -w counts them: runs of non-space characters."""
    return len(text.split())


def speaker_matches(wanted: tuple, name: str) -> bool:
    """Whether the words ``wanted`` (from ``name_words``) are a run of
    consecutive words of ``name``, in any case."""
    words = name_words(name)
    size = len(wanted)
    return any(words[index:index + size] == wanted
               for index in range(len(words) - size + 1))


class QuoteFilter:
    """Which quotes to keep: --speaker, --min-words and --attributed."""

    def __init__(self, speakers=(), min_words: int = 0, attributed: bool = False):
        self.speakers = [name_words(name) for name in speakers]
        self.min_words = min_words
        self.attributed = attributed

    def __call__(self, quote: Quote) -> bool:
        if (self.attributed or self.speakers) and not quote.speaker:
            return False
        if self.min_words and count_words(quote.text) < self.min_words:
            return False
        if self.speakers:
            names = (quote.speaker,) + tuple(quote.aliases)
            return any(speaker_matches(wanted, name)
                       for wanted in self.speakers for name in names if name)
        return True


class SpeakerStats:
    """Quotes and quoted words per speaker (--stats): a sink like Formatter."""

    def __init__(self):
        self.counts = {}   # speaker (None: unknown) -> [quotes, words]

    def quote(self, quote: Quote, source: str) -> None:
        entry = self.counts.setdefault(quote.speaker, [0, 0])
        entry[0] += 1
        entry[1] += count_words(quote.text)

    def flush(self) -> None:
        """Nothing to flush: the table is written at the end."""

    def merge(self, counts: dict) -> None:
        """Add the counts of another SpeakerStats (from a worker process)."""
        for speaker, (quotes, words) in counts.items():
            entry = self.counts.setdefault(speaker, [0, 0])
            entry[0] += quotes
            entry[1] += words

    def records(self) -> list:
        """One record per speaker, most quoted first, then by name."""
        ordered = sorted(self.counts.items(), key=lambda item: (-item[1][0], item[0] or ""))
        return [{"speaker": speaker, "quotes": quotes, "words": words}
                for speaker, (quotes, words) in ordered]


# -- output

def text_line(quote: Quote, source: str) -> str:
    """A quote as --format text shows it: SOURCE:LINE: SPEAKER: “quote”."""
    opening, closing = quote.marks
    words = WHITESPACE_RUN.sub(" ", quote.text)
    return "%s:%d: %s%s: %s%s%s\n" % (source, quote.line, "  " * quote.depth,
                                      quote.speaker or UNKNOWN_SPEAKER,
                                      opening, words, closing)


def csv_cell(value) -> str:
    return "" if value is None else str(value)


def tsv_cell(value) -> str:
    return "" if value is None else str(value).translate(TSV_ESCAPES)


def display_width(text: str) -> int:
    """Columns that text takes in a terminal (wide East Asian characters: 2)."""
    return sum(0 if unicodedata.combining(char)
               else 2 if unicodedata.east_asian_width(char) in "WF" else 1
               for char in text)


def stats_table(records: list) -> str:
    """The --stats records as an aligned text table."""
    rows = [("speaker", "quotes", "words")] + [
        (record["speaker"] or UNKNOWN_SPEAKER, str(record["quotes"]), str(record["words"]))
        for record in records]
    widths = [max(display_width(row[column]) for row in rows) for column in range(3)]
    lines = []
    for name, quotes, words in rows:
        lines.append("%s%s  %s  %s\n" % (name, " " * (widths[0] - display_width(name)),
                                          quotes.rjust(widths[1]), words.rjust(widths[2])))
    return "".join(lines)


class Formatter:
    """Write quotes (or any records) onto a text stream in one output format.

    ``begin()`` writes the header or the opening bracket, ``quote()`` and
    ``record()`` one record each, ``end()`` the closing bracket.  A worker
    process writes its records with neither begin nor end; the parent then
    calls ``splice(count)`` before copying them in.
    """

    def __init__(self, stream, output_format: str, fields: tuple, flush_each: bool = True):
        self.stream = stream
        self.format = output_format
        self.fields = fields
        self.flush_each = flush_each
        self.count = 0
        self._json = json.JSONEncoder(ensure_ascii=False)   # one for every record
        if output_format == "csv":
            self._csv = csv.writer(stream, lineterminator="\n")

    def begin(self) -> None:
        if self.format == "json":
            self.stream.write("[\n")
        elif self.format in ("csv", "tsv"):
            self._row(self.fields)

    def quote(self, quote: Quote, source: str) -> None:
        if self.format == "text":
            self.stream.write(text_line(quote, source))
            self.count += 1
            return
        self.record({name: source if name == "source" else getattr(quote, name)
                     for name in self.fields})

    def record(self, record: dict) -> None:
        if self.format == "jsonl":
            self.stream.write(self._json.encode(record) + "\n")
        elif self.format == "json":
            if self.count:
                self.stream.write(",\n")
            self.stream.write(self._json.encode(record))
        else:
            self._row([record[name] for name in self.fields])
        self.count += 1

    def _row(self, values) -> None:
        if self.format == "csv":
            self._csv.writerow([csv_cell(value) for value in values])
        else:
            self.stream.write("\t".join(tsv_cell(value) for value in values) + "\n")

    def splice(self, count: int) -> None:
        """Make way for ``count`` records formatted elsewhere, written next."""
        if self.format == "json" and count and self.count:
            self.stream.write(",\n")
        self.count += count

    def end(self) -> None:
        if self.format == "json":
            self.stream.write("\n]\n" if self.count else "]\n")

    def flush(self) -> None:
        """Called after each chunk read, so that a pipe gets quotes at once."""
        if self.flush_each:
            self.stream.flush()


def write_stats(stats: SpeakerStats, options, stream) -> None:
    records = stats.records()
    if options.format == "text":
        stream.write(stats_table(records))
        return
    formatter = Formatter(stream, options.format, options.fields)
    formatter.begin()
    for record in records:
        formatter.record({name: record[name] for name in options.fields})
    formatter.end()


# -- input

def read_pieces(name: str, encoding: str):
    """Yield the decoded text of input ``name`` (a path, or - for standard
    input) piece by piece, as the bytes arrive, and PAUSED whenever a pipe
    or terminal has nothing more for now.  Raise InputError when it cannot
    be read."""
    if name == STDIN_NAME:
        fd = STDIN_FD
    else:
        try:
            fd = os.open(name, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        except OSError as error:
            raise InputError(error.strerror or str(error)) from None
    try:
        try:
            is_directory = stat.S_ISDIR(os.fstat(fd).st_mode)
        except OSError as error:
            raise InputError(error.strerror or str(error)) from None
        if is_directory:
            raise InputError("Is a directory")
        yield from decode_stream(fd, encoding, pauses=not stat.S_ISREG(os.fstat(fd).st_mode))
    finally:
        if fd != STDIN_FD:
            os.close(fd)


def input_ready(fd: int) -> bool:
    """Whether ``fd`` has more to read (or its end) within PAUSE_SECONDS."""
    try:
        return bool(select.select([fd], [], [], PAUSE_SECONDS)[0])
    except (OSError, ValueError):
        return False   # no select on this kind of file here: take it as a pause


def read_chunk(fd: int) -> bytes:
    try:
        return os.read(fd, CHUNK_SIZE)
    except OSError as error:
        raise InputError(error.strerror or str(error)) from None


def could_be_bom(head: bytes) -> bool:
    """Whether more bytes are needed to tell if ``head`` starts with a BOM."""
    return any(len(head) < len(bom) and bom.startswith(head) for bom, _ in BOMS)


def detect_bom(head: bytes, encoding: str):
    """The codec to use and the length of the BOM that ``head`` starts with."""
    for bom, codec in BOMS:
        if head.startswith(bom):
            return codec, len(bom)
    return encoding, 0


def decode_stream(fd: int, encoding: str, pauses: bool = False):
    """Yield the text of file descriptor ``fd``, decoded incrementally and
    strictly, with no newline translation (offsets are exact); with
    ``pauses``, PAUSED too when nothing more has come for a moment."""
    head = read_chunk(fd)
    final = not head
    while not final and could_be_bom(head):
        more = read_chunk(fd)
        final = not more
        head += more
    encoding, position = detect_bom(head, encoding)
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    sniff = not codecs.lookup(encoding).name.startswith(WIDE_CODECS)
    chunk = head[position:]
    while True:
        if sniff and position < BINARY_SNIFF_BYTES:
            nul = chunk.find(b"\0", 0, BINARY_SNIFF_BYTES - position)
            if nul >= 0:
                raise InputError("binary file (NUL byte at byte offset %d)" % (position + nul))
        pending = decoder.getstate()[0]
        try:
            text = decoder.decode(chunk, final)
        except UnicodeDecodeError as error:
            offset = position - (len(pending) if isinstance(pending, bytes) else 0)
            raise InputError(decode_error_message(error, offset, encoding)) from None
        position += len(chunk)
        yield text
        if final:
            return
        if pauses and not input_ready(fd):
            yield PAUSED
        chunk = read_chunk(fd)
        final = not chunk


def decode_error_message(error: UnicodeDecodeError, offset: int, encoding: str) -> str:
    """Which byte could not be decoded, where, and what to try instead."""
    message = "cannot decode byte 0x%02x at byte offset %d as %s (%s)" % (
        error.object[error.start], offset + error.start, encoding, error.reason)
    if encoding.startswith(WIDE_CODECS):
        return message   # a BOM said so: another --encoding would not help
    return message + "; try --encoding %s" % ("latin-1" if encoding == "cp1252" else "cp1252")


class LineSplitter:
    """Cut text fed in pieces into numbered lines, without their LF."""

    def __init__(self):
        self.parts = []
        self.number = 0

    def feed(self, piece: str, final: bool = False) -> list:
        lines = []
        start = 0
        while True:
            end = piece.find("\n", start)
            if end < 0:
                break
            self.parts.append(piece[start:end])
            self.number += 1
            lines.append((self.number, "".join(self.parts)))
            self.parts = []
            start = end + 1
        if start < len(piece):
            self.parts.append(piece[start:])
        if final and self.parts:
            self.number += 1
            lines.append((self.number, "".join(self.parts)))
            self.parts = []
        return lines


# -- processing one input

def process_input(name: str, options, sink, warn) -> int:
    """Write the quotes of input ``name`` to ``sink`` (a Formatter or a
    SpeakerStats) as they are found.  Problems go to ``warn(where,
    message)``; return the exit status for this input."""
    try:
        if options.input == "jsonl":
            return process_documents(name, options, sink, warn)
        extractor = Extractor(options.nested, options.terms)
        keep = options.keep
        for piece in read_pieces(name, options.encoding):
            for quote in extractor.pause() if piece is PAUSED else extractor.feed(piece):
                if keep(quote):
                    sink.quote(quote, name)
            sink.flush()
        for quote in extractor.feed("", final=True):
            if keep(quote):
                sink.quote(quote, name)
        sink.flush()
        return EXIT_OK
    except InputError as error:
        warn(name, str(error))
    except BrokenPipeError:
        raise
    except Exception as error:   # a bug: one line, not a traceback
        warn(name, "internal error: %s: %s" % (type(error).__name__, error))
    return EXIT_INPUT_ERROR


def process_documents(name: str, options, sink, warn) -> int:
    """--input jsonl: every line of input ``name`` is one document."""
    status = EXIT_OK
    lines = LineSplitter()
    for piece in read_pieces(name, options.encoding):
        if piece is PAUSED:
            continue   # each line is a whole document
        for number, line in lines.feed(piece):
            status = max(status, process_document(name, number, line, options, sink, warn))
        sink.flush()
    for number, line in lines.feed("", final=True):
        status = max(status, process_document(name, number, line, options, sink, warn))
    sink.flush()
    return status


def process_document(name: str, number: int, line: str, options, sink, warn) -> int:
    """One line of --input jsonl: {"id": ..., "text": ...}."""
    if not line.strip():
        return EXIT_OK
    where = "%s:%d" % (name, number)
    try:
        document = json.loads(line)
    except json.JSONDecodeError as error:
        warn(where, "not valid JSON (%s at column %d)" % (error.msg, error.colno))
        return EXIT_INPUT_ERROR
    except (ValueError, RecursionError) as error:
        warn(where, "not valid JSON (%s)" % error)
        return EXIT_INPUT_ERROR
    if not isinstance(document, dict):
        warn(where, "not a JSON object")
        return EXIT_INPUT_ERROR
    if options.text_field not in document:
        warn(where, "no %r field" % options.text_field)
        return EXIT_INPUT_ERROR
    text = document[options.text_field]
    if not isinstance(text, str):
        warn(where, "the %r field is not a string" % options.text_field)
        return EXIT_INPUT_ERROR
    source = document.get(options.id_field)
    if source is None:
        source = where
    elif not isinstance(source, str):
        source = json.dumps(source, ensure_ascii=False)
    keep = options.keep
    try:
        quotes = Extractor(options.nested, options.terms).feed(text, final=True)
    except Exception as error:   # a bug: this document only, in one line
        warn(where, "internal error: %s: %s" % (type(error).__name__, error))
        return EXIT_INPUT_ERROR
    for quote in quotes:
        if keep(quote):
            sink.quote(quote, source)
    return EXIT_OK


def print_error(where: str, message: str) -> None:
    """One line on standard error: ``quotes.py: WHERE: MESSAGE``."""
    sys.stdout.flush()   # keep what was found before the error above it
    line = "%s: %s: %s" % (PROG, where, message)
    sys.stderr.write(" ".join(line.splitlines()) + "\n")
    sys.stderr.flush()


# -- several files at once (-j)

def ignore_interrupts() -> None:
    """Pool initializer: Ctrl-C is the parent's business (it ends the pool)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def process_in_worker(task) -> tuple:
    """Pool worker: process one whole input into its own temporary file.
    Return (status, records written, [(where, message)], speaker counts)."""
    name, options, path = task
    errors = []

    def warn(where, message):
        errors.append((where, message))

    with open(path, "w", encoding=OUTPUT_ENCODING, errors=OUTPUT_ERRORS) as out:
        if options.stats:
            sink = SpeakerStats()
        else:
            sink = Formatter(out, options.format, options.fields, flush_each=False)
        status = process_input(name, options, sink, warn)
    if options.stats:
        return status, 0, errors, sink.counts
    return status, sink.count, errors, None


def copy_output(path: str, stream) -> None:
    """Append the file a worker wrote to ``stream``, byte for byte."""
    import shutil   # here, not at the top: only -j needs it, and start-up counts
    stream.flush()
    binary = getattr(stream, "buffer", None)
    if binary is None:   # a text-only stream (main() called in-process)
        with open(path, encoding=OUTPUT_ENCODING, errors=OUTPUT_ERRORS, newline="") as source:
            shutil.copyfileobj(source, stream)
        return
    with open(path, "rb") as source:
        shutil.copyfileobj(source, binary, CHUNK_SIZE)
    binary.flush()


def process_in_parallel(names: list, options, sink, stream) -> int:
    """-j N: each file in a worker process, outputs copied in input order.
    Standard input, if named, is read here at its place in the order."""
    import multiprocessing   # here, not at the top: only -j needs them
    import tempfile
    status = EXIT_OK
    with tempfile.TemporaryDirectory(prefix="quotes-") as folder:
        tasks = [(name, options, os.path.join(folder, "%d.out" % index))
                 for index, name in enumerate(names) if name != STDIN_NAME]
        paths = iter([path for _, _, path in tasks])
        stream.flush()   # a forked worker must not inherit unwritten output
        with multiprocessing.Pool(min(options.jobs, len(tasks)), ignore_interrupts) as pool:
            results = pool.imap(process_in_worker, tasks)
            for name in names:
                if name == STDIN_NAME:
                    status = max(status, process_input(name, options, sink, print_error))
                    continue
                path = next(paths)
                try:
                    task_status, count, errors, counts = next(results)
                except Exception as error:   # the worker itself failed
                    print_error(name, "internal error: %s: %s" % (type(error).__name__, error))
                    status = EXIT_INPUT_ERROR
                    continue
                if options.stats:
                    sink.merge(counts)
                else:
                    sink.splice(count)
                    copy_output(path, stream)
                os.remove(path)
                for where, message in errors:
                    print_error(where, message)
                status = max(status, task_status)
    return status


# -- main

def run(options) -> int:
    """Process every input and write the output; return the exit status."""
    stream = sys.stdout
    if hasattr(stream, "reconfigure"):
        stream.reconfigure(encoding=OUTPUT_ENCODING, errors=OUTPUT_ERRORS)
    if options.stats:
        sink = SpeakerStats()
    else:
        sink = Formatter(stream, options.format, options.fields)
        sink.begin()
    names = options.files or [STDIN_NAME]
    files = sum(name != STDIN_NAME for name in names)
    if options.jobs > 1 and files > 1:
        status = process_in_parallel(names, options, sink, stream)
    else:
        status = EXIT_OK
        for name in names:
            status = max(status, process_input(name, options, sink, print_error))
    if options.stats:
        write_stats(sink, options, stream)
    else:
        sink.end()
    stream.flush()
    return status


def silence_stdout() -> None:
    """After a closed pipe: point standard output at the null device, so
    that the interpreter's last flush has nowhere to fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def main(argv=None) -> int:
    """The command line: ``quotes.py [OPTIONS] [FILE ...]``; see --help.
    Return the exit status (0 ok, 1 some input unreadable, 2 usage error,
    130 interrupted)."""
    try:
        try:
            options = parse_options(build_parser(), argv)
        except SystemExit as stop:   # --help, --version, usage errors
            return stop.code if isinstance(stop.code, int) else EXIT_OK
        return run(options)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        silence_stdout()
        return EXIT_OK
    except Exception as error:   # a bug outside any one input
        sys.stderr.write("%s: internal error: %s: %s\n" % (PROG, type(error).__name__, error))
        return EXIT_INPUT_ERROR


if __name__ == "__main__":
    sys.exit(main())
