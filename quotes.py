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
import io
import json
import os
import re
import signal
import sys
from dataclasses import dataclass, field
from typing import Iterable, Iterator, List, Optional

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

    def as_dict(self, source="-"):
        record = {"source": source}
        for name in FIELDS[1:]:
            record[name] = getattr(self, name)
        return record


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
    """Where a quote sits: its paragraph and the narration next to it."""
    paragraph: Paragraph        # the paragraph in which the quote ends
    first_paragraph: Paragraph  # the paragraph in which it opens
    index_in_paragraph: int = 0
    quotes_in_paragraph: int = 1


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
LONG_LINE = re.compile(r"[^\n]{%d}" % (WRAP_WIDTH + 1))


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
            if blank.end() == len(text) and not final:
                break  # more blank lines may follow
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
                                   or LONG_LINE.search(text, position)):
            self.line_mode = True
        if self.line_mode:
            cut = text.rfind("\n", position)
            if cut >= position:
                self._block(position, cut, out, True)
                position = cut + 1
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
        if one_per_line or LONG_LINE.search(text, start, end):
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
#: come first so that they are read as one mark.
MARK = re.compile(r"``|''|[\"'`\u201c\u201d\u2018\u2019\u201e\u201a\u00ab\u00bb\u2039\u203a"
                  r"\u300c\u300d\u300e\u300f]")

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
#: A short number (feet and inches, degrees) right before a mark: 12", 5'10".
START_OF_NUMBER = re.compile(r"(?<!\d)\d{1,3}$")

#: Dash dialogue: a paragraph that opens with an em dash or horizontal bar
#: straight before the words (a no-break space may stand between, as in
#: French typesetting); a dash and a plain space is a list item.
DASH_DIALOGUE = re.compile(r"[ \t]*([\u2014\u2015])[\u00a0\u202f]?(?=[^\W\d_]|[¿¡«\"\u201c\u2026])")
#: In dash dialogue the narration is opened by a dash after a space.
NARRATION_DASH = re.compile(r"\s[\u2014\u2015]")

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
    left = before in BEFORE_OPENING and after not in SPACES and after != ""
    right = after in AFTER_CLOSING and before not in SPACES and before != ""
    if family == SINGLE:
        if before.isalnum() and after.isalnum():
            return None  # don't, Putin’s, o'clock, 5'10
        if left and not right:
            return None if after.isdigit() else OPEN  # '90s
        if right and not left:
            return MAYBE_CLOSE if before.isalpha() else CLOSE
        if before in SPACES and after in SPACES:
            return None
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
        self.carried_start = 0
        self.top_level_count = {DOUBLE: 0, SINGLE: 0}
        self.out: List[Quote] = []

    # -- the public steps

    def feed(self, paragraph: Paragraph) -> List[Quote]:
        self.out = []
        text = paragraph.text
        position = 0
        if self.carried is not None:
            position = self._reopen(paragraph)
        elif self.stack:  # the last piece was cut from a longer paragraph
            self._carry_text(paragraph.gap)
        if not self.stack:
            position = self._dash_dialogue(paragraph, position)
        for mark in MARK.finditer(text, position):
            glyph = mark.group()
            start, end = mark.span()
            role = classify(glyph, text[start - 1] if start else "", text[end:end + 1])
            if role is not None:
                self._mark(paragraph, glyph, role, start, end)
        if paragraph.complete:
            self._end_paragraph(paragraph)
        elif self.stack:
            self._carry_text(paragraph.text, paragraph.start)
        return self.out

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
        if glyph == "'" and self._is_elision(paragraph.text, end):
            return
        if glyph == "\u2018" and self._is_elision(paragraph.text, end):
            return
        if len(self.stack) < MAX_DEPTH:
            self.stack.append(_Open(family, glyph, paragraph.start + start,
                                    paragraph.start + end, paragraph))

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
            before = text[start - 1]
            if before not in "sSzZ" and text[start - 2:start] != "in":
                return False
        elif START_OF_NUMBER.search(text, max(0, start - 5), start) is None:
            return False  # "… in 1999": four digits are a year, not inches
        return LATER_CLOSER[family].search(text, end) is not None

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
        first = opening.paragraph
        quote.line = first.line + first.text.count("\n", 0, opening.start - first.start)
        if stack:
            stack[-1].nested.append(quote)
        elif self._fits_convention(opening.family, quote):
            self.out.append(quote)
        else:
            self.out.extend(quote.nested)

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
        if sum(map(len, self.carried_text)) > MAX_QUOTE_LENGTH:
            self._drop(outer)
            self._reset_carry()
        else:
            self.carried = outer

    def _reopen(self, paragraph):
        """Continue the carried quote if this paragraph re-opens it."""
        carried, self.carried = self.carried, None
        text = paragraph.text
        first = len(text) - len(text.lstrip())
        mark = MARK.match(text, first)
        if mark is not None:
            glyph = mark.group()
            role = classify(glyph, "", text[mark.end():mark.end() + 1])
            if GLYPHS[glyph][0] == carried.family and role in (OPEN, EITHER):
                self._carry_text(paragraph.gap)
                self.stack = [carried]
                return mark.end()
        # Some texts break a long quotation into paragraphs without
        # re-opening it: the quote goes on if this paragraph's first mark closes it.
        mark = MARK.search(text, first)
        if mark is not None:
            glyph = mark.group()
            role = classify(glyph, text[mark.start() - 1] if mark.start() else "",
                            text[mark.end():mark.end() + 1])
            if GLYPHS[glyph][0] == carried.family and role is CLOSE:
                self._carry_text(paragraph.gap)
                self.stack = [carried]
                return first
        self._drop(carried)
        self._reset_carry()
        return 0

    def _drop(self, opening):
        """An unclosed quote is no quote: what it held is kept."""
        self.out.extend(opening.nested)

    def _carry_text(self, text, start=None):
        if not self.carried_text and start is not None:
            self.carried_start = start
        if text:
            self.carried_text.append(text)

    def _reset_carry(self):
        self.carried_text = []

    def _dash_dialogue(self, paragraph, position):
        """Dash dialogue: the spoken words after an opening em dash, up to
        the dash that opens the narration or the end of the paragraph."""
        text = paragraph.text
        dash = DASH_DIALOGUE.match(text, position)
        if dash is None:
            return position
        narration = NARRATION_DASH.search(text, dash.end())
        end = narration.start() if narration else len(text)
        while end > dash.end() and text[end - 1] in SPACES:
            end -= 1
        words = text[dash.end(1):end].strip()
        if not words:
            return position
        start = dash.start(1)
        self.out.append(Quote(words, paragraph.start + start, paragraph.start + end,
                              line=paragraph.line + text.count("\n", 0, start),
                              marks=(dash.group(1), ""),
                              context=QuoteContext(paragraph, paragraph)))
        return end


# --------------------------------------------------------------------------
# The whole pipeline over one document
# --------------------------------------------------------------------------

class Extractor:
    """One document's pipeline: feed it text in pieces, get quotes back as
    soon as their paragraphs are complete."""

    def __init__(self, nested: bool = False):
        self.nested = nested
        self.reader = ParagraphReader()
        self.scanner = QuoteScanner()
        self.attributor = Attributor()

    def feed(self, piece: str, final: bool = False) -> List[Quote]:
        found: List[Quote] = []
        for paragraph in self.reader.feed(piece, final):
            quotes = self.scanner.feed(paragraph)
            self.attributor.add(paragraph, quotes)
            found.extend(quotes)
        if final:
            quotes = self.scanner.finish()
            self.attributor.add(None, quotes)
            found.extend(quotes)
        return self._flatten(found) if self.nested else found

    @staticmethod
    def _flatten(quotes, depth=0):
        flat = []
        for quote in quotes:
            quote.depth = depth
            flat.append(quote)
            flat.extend(Extractor._flatten(quote.nested, depth + 1))
        return flat


def extract(text: str, nested: bool = False) -> List[Quote]:
    """All quotes of ``text``, in order, with their speakers.

    Offsets are code-point offsets into ``text`` exactly as given.  With
    ``nested=True`` quotes inside quotes follow their outer quote, with
    ``depth`` 1, 2, ...

    >>> [(q.text, q.depth) for q in extract('“He said ‘no’ twice.”', nested=True)]
    [('He said ‘no’ twice.', 0), ('no', 1)]
    """
    return Extractor(nested).feed(text, final=True)


class Attributor:
    def add(self, paragraph, quotes):
        pass
