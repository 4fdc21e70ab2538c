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
               "boast joke tease recall testify estimate indicate",
    "manner of voice": "cry shout yell scream shriek call exclaim whisper murmur mutter "
                       "mumble stammer stutter gasp sigh sob groan moan laugh chuckle giggle "
                       "snap snarl growl hiss sneer drawl breathe blurt bellow roar thunder "
                       "squeal whimper wail lament chime interrupt interject venture muse "
                       "reckon exult grunt purr coo croak rasp bark scoff quip chant",
    "writing": "write tweet post blog text email message publish",
    "judging": "accuse criticize criticise condemn praise blast slam decry dismiss dub hail",
}
#: Forms that the rules of ``_verb_forms`` would get wrong.
IRREGULAR_VERB_FORMS = {
    "say": "said says saying", "tell": "told tells telling", "write": "wrote writes writing written",
    "swear": "swore sworn swears swearing", "breathe": "breathed breathes breathing",
    "cry": "cried cries crying", "reply": "replied replies replying",
    "query": "queried queries querying", "testify": "testified testifies testifying",
    "think": "thought thinks thinking",
}
#: One-syllable verbs that double their last consonant: snap, snapped.
DOUBLING_VERBS = frozenset("snap sob admit plan quip nag chat beg blab jab gab".split())
#: Speech cues of more than one word.
SPEECH_PHRASES = ("went on", "goes on", "put in", "puts in", "broke in", "breaks in", "broke out",
                  "burst out", "called out", "cried out", "spoke up", "chimed in", "thought",
                  "pointed out", "points out", "pointing out")


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


ALL_SPEECH_VERBS = sorted({form for group in SPEECH_VERBS.values() for lemma in group.split()
                           for form in _verb_forms(lemma)} | set(SPEECH_PHRASES),
                          key=len, reverse=True)
VERB = r"(?:%s)" % "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in ALL_SPEECH_VERBS)

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

#: Lower-case words of a role in front of a name ("Kremlin spokesman Dmitry
#: Peskov", "national security adviser Mike Waltz"): part of the mention,
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

#: Subject pronouns, with the gender they point to.
PRONOUN_GENDER = {"he": "m", "she": "f", "they": None, "we": None, "i": None, "you": None, "it": None}

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
    monday tuesday wednesday thursday friday saturday sunday january february march april
    june july august september october november december christmas english french
    german american british russian ukrainian european
    """.split())

#: Abbreviated titles whose full stop ends neither a name nor a sentence.
ABBREVIATED_TITLES = ("Mrs", "Mr", "Ms", "Dr", "St", "Jr", "Sr", "Gen", "Sen", "Rep", "Gov", "Col",
                      "Capt", "Lt", "Sgt", "Prof", "Rev", "Hon", "Mme", "Mlle", "Messrs", "Mt", "Ft")
#: A capitalised word of a name; only abbreviations and initials keep a full
#: stop.  Initials may run together: "G.K. Chesterton", "U.S.".
ABBREVIATION = r"(?:%s|[A-Z](?:\.[A-Z])*)\." % "|".join(ABBREVIATED_TITLES)
NAME_WORD = r"(?:%s|[A-Z][\w'’\-]*)" % ABBREVIATION
NAME_LINK = r"(?:of|the|for|de|van|von|der|da|du|la|le|al|bin|and)"
#: A proper name: capitalised words, with the small words that join names.
NAME = re.compile(r"%s(?:[ \t\n]+(?:%s[ \t\n]+){0,2}%s)*" % (NAME_WORD, NAME_LINK, NAME_WORD))
PRONOUN = r"(?:he|she|they|we|I|you|it)"
DETERMINER = r"(?:the|a|an|his|her|their|its|our|my|your|one|another|this|that)"
DESCRIPTION = r"%s(?:[ \t\n]+(?!(?:out|up|off|put|sent|made|gave|took)\b)[\w\-']+){1,5}?" % DETERMINER

#: "…," said Holmes / said he / said the old man.
CUE_VERB_FIRST = re.compile(
    r"[\s,;:—–-]*(?!tells?\b|told\b)(?P<verb>%s)[ \t\n]+(?P<subject>(?:%s|[^,.;:!?\"“”()—–]){1,80})"
    % (VERB, ABBREVIATION))
#: "…," Holmes said / he said / the old man cried / Ana Ruiz, a spokeswoman, said.
CUE_SUBJECT_FIRST = re.compile(
    r"[\s,;:—–-]*(?P<subject>(?:%s|[^\s\"“”.!?;])(?:%s|[^\"“”.!?;]){0,120}?)[ \t\n]+(?:\w+ly[ \t\n]+)?"
    r"(?P<verb>%s)\b" % (ABBREVIATION, ABBREVIATION, VERB))
#: The end of the narration before a quote: X said, "…" / X said: "…".
LEADING_VERB = re.compile(r"\b(?P<verb>%s)\b[^.!?\"“”]{0,60}$" % VERB)
ACCORDING_TO = re.compile(r"\baccording[ \t\n]+to[ \t\n]+(?P<subject>(?:%s|[^,.;\"“”]){2,120})"
                          % ABBREVIATION)
#: The end of a sentence: not the full stop of "Mr." or of an initial
#: ("Sen. G. Smith"), unless what follows plainly starts a sentence ("in the U.S. He").
SENTENCE_END = re.compile(
    r"(?:[!?]|%s(?<!\b[A-Z])\.|(?<=\b[A-Z])\.(?=\s+(?:He|She|They|It|We|I|The|But|And|In|On|"
    r"That|This|Yet|So|Still|Now|However)\b|\s*$))[\"”’']?(?:\s+(?=[A-Z\"“‘'])|\s*$)"
    % "".join(r"(?<!\b%s)" % title for title in ABBREVIATED_TITLES))
VOCATIVE = re.compile(r"(?:^|,[ \t\n]+|\bdear[ \t\n]+)(?P<name>%s)[ \t\n]*(?:[,?!.]|$)" % NAME.pattern)
#: ", a spokeswoman for the port," between a subject and its verb; it must
#: close with a comma (", which Smith called" is a clause, not an appositive).
APPOSITIVE = re.compile(r",[ \t\n]+(?:%s|who|whose|which)\b[^,]*,\s*$" % DETERMINER[3:-1].replace("|", "|") )

#: Clues that a document is reporting (news) rather than telling a story;
#: news quotes go on across paragraphs where fiction's change speaker.
NEWS_CLUES = re.compile(r"\b(?:according to|told reporters|in a statement|spokes(?:man|woman|person)|"
                        r"per ?cent|officials?|government|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|"
                        r"(?:19|20)\d\d|U\.S\.|million|billion|percent)\b")
FICTION_CLUES = re.compile(r"\b(?:cried|exclaimed|replied|rejoined|returned|murmured|whispered|"
                           r"muttered|sighed|laughed|thought|answered|cried)\b|\bI\b")

#: Words after the subject of a cue that belong to neither: "X on Wednesday
#: said", "X also said", "X in a statement said".
SUBJECT_TAIL = re.compile(r"(?:[ \t\n,]+(?:\w+ly|also|later|then|again|once|too|now|still|"
                          r"(?:on|in|at|during|late|early|last|this|after|before|via|through|"
                          r"from)[ \t\n][^,]{1,40}?|that|who|which|has|have|had|would|will|"
                          r"did|does|do|was|were|is|are|quoted|as|once|earlier|previously|"
                          r"publicly|reportedly))+[ \t\n,]*$")
LEADING_WORDS = re.compile(r"^(?:(?:and|but|so|then|while|as|when|where|yet|or|also|"
                           r"however|meanwhile|finally|later|still)\b[ \t\n,]*)+", re.I)
NAME_AT_END = re.compile(r"(?:%s)$" % NAME.pattern)
NAME_AT_START = re.compile(r"(?:%s)" % NAME.pattern)
PRONOUN_AT_END = re.compile(r"(?<=[\s,])(?:he|she|they|He|She|They)$")
PRONOUN_ONLY = re.compile(r"(?:%s)$" % PRONOUN, re.I)
DESCRIPTION_ONLY = re.compile(r"(?:%s)$" % DESCRIPTION, re.I)
ACRONYM = re.compile(r"[A-Z]{2,6}$")
#: Capitalised words inside a role before a name ("Kremlin spokesman").
ROLE_PREFIX = re.compile(r"(?:(?:%s|[A-Z][\w'’\-]*|the|a|an|its|his|her|their)[ \t\n]+)*$"
                         % "|".join(sorted(ROLE_WORDS)))


@dataclass
class Mention:
    """Words that name (or stand for) a speaker."""
    text: str
    start: int            # document offsets
    end: int
    kind: str             # "name", "pronoun" or "description"
    name: str             # the name without titles or roles, or the words themselves
    gender: Optional[str] = None


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
    __slots__ = ("name", "gender", "aliases", "seen", "salient", "person")

    def __init__(self, name, gender, seen):
        self.name, self.gender, self.seen = name, gender, seen
        self.salient = 0   # when last the subject of a sentence or a speaker
        self.person = False  # seen speaking, or with a gender: "he" may mean it
        self.aliases = {name}

    def __repr__(self):
        return "Entity(%r, %r)" % (self.name, self.gender)


def name_words(name: str) -> List[str]:
    return [w.rstrip(".").lower() for w in name.split()]


def strip_titles(name: str) -> str:
    """Drop roles and office titles but keep honorifics that tell who is
    meant ("Mrs. Bennet" is not "Mr. Bennet").

    >>> strip_titles("Secretary of State Marco Rubio"), strip_titles("Mrs. Bennet")
    ('Marco Rubio', 'Mrs. Bennet')
    >>> strip_titles("Ukrainian President Volodymyr Zelensky"), strip_titles("Dr. Lowell")
    ('Volodymyr Zelensky', 'Dr. Lowell')
    """
    words = name.split()
    last_title = -1
    for index, word in enumerate(words[:-1]):
        key = word.rstrip(".").lower()
        if key in NEUTRAL_TITLES or key in ROLE_WORDS:
            last_title = index
        elif key in MALE_TITLES or key in FEMALE_TITLES:
            break
    rest = words[last_title + 1:]
    if rest[:1] == ["of"] and len(rest) > 2:       # Secretary of State Marco Rubio
        rest = rest[2:]
    if len(rest) < 2:                              # "Dr. Lowell", "President Obama"
        rest = words[last_title:] if last_title >= 0 else words
    return " ".join(rest)


def gender_of(name: str) -> Optional[str]:
    words = name_words(name)
    for word in words[:2]:
        if word in MALE_TITLES or word in MALE_NAMES:
            return "m"
        if word in FEMALE_TITLES or word in FEMALE_NAMES:
            return "f"
        if word not in TITLES:
            break
    return None


class Registry:
    """The entities of one document: links "Zelensky" to "Volodymyr
    Zelensky" and "ISW" to "Institute for the Study of War"."""

    #: Past this many entities the least recently seen are forgotten, so a
    #: corpus fed as one endless text stays in bounded memory.
    LIMIT = 4000

    def __init__(self):
        self.by_alias = {}     # lower-case name -> Entity
        self.by_word = {}      # lower-case name word -> set of Entity
        self.roles = {}        # lower-case role ("minister") -> Entity last given it
        self.clock = 0

    def lookup(self, name: str) -> Optional[Entity]:
        key = name.lower()
        entity = self.by_alias.get(key)
        if entity is not None:
            return entity
        words = [w for w in name_words(name) if w not in TITLES and w not in NAME_LINK_WORDS]
        if not words:
            return None
        if len(words) == 1 and ACRONYM.match(name.split()[-1]):
            for candidate in self.by_word.get(("acronym", name.split()[-1]), ()):
                return candidate
        candidates = None
        for word in words:
            found = self.by_word.get(word, set())
            candidates = found if candidates is None else candidates & found
        if not candidates:
            return None
        gender = gender_of(name)
        if gender is not None:
            candidates = {c for c in candidates if c.gender in (None, gender)}
        if len(candidates) == 1:
            return next(iter(candidates))
        return None

    def see(self, name: str) -> Entity:
        """The entity that ``name`` refers to, made if it is new."""
        self.clock += 1
        entity = self.lookup(name)
        if entity is None:
            entity = Entity(name, gender_of(name), self.clock)
            if len(self.by_alias) > self.LIMIT:
                self._forget()
        elif len(strip_titles(name).split()) > len(strip_titles(entity.name).split()):
            entity.name = name       # the fullest form is the canonical one
        entity.seen = self.clock
        if entity.gender is None:
            entity.gender = gender_of(name)
        entity.aliases.add(name)
        self.by_alias[name.lower()] = entity
        for word in name_words(name):
            if word not in TITLES and word not in NAME_LINK_WORDS:
                self.by_word.setdefault(word, set()).add(entity)
        initials = "".join(w[0] for w in name.split() if w[:1].isupper())
        if len(initials) >= 3:
            self.by_word.setdefault(("acronym", initials), set()).add(entity)
        return entity

    def recent(self, gender: Optional[str], exclude=()) -> Optional[Entity]:
        """Whom "he" or "she" most likely means: the person of that gender
        (or of unknown gender) most recently the subject of a sentence or a
        speaker; failing that, the one most recently named."""
        best = named = None
        for entity in set(self.by_alias.values()):
            if entity in exclude or (gender and entity.gender not in (None, gender)):
                continue
            if entity.salient and (best is None or entity.salient > best.salient):
                best = entity
            if entity.gender == gender and (named is None or entity.seen > named.seen):
                named = entity
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
    tail = SUBJECT_TAIL.search(text) if strip_tail else None
    if tail is not None:
        # "Smith in a statement said"; but in "… of shedding what Gilbert
        # called" the words taken for a tail end with the speaker.
        return (parse_subject(text[:tail.start()], offset, False)
                or parse_subject(text, offset, False))
    appositive = APPOSITIVE.search(text, 0, end)
    if appositive is not None and appositive.start() > 0:
        end = appositive.start()
    core = text[:end].rstrip(" \t\n,")
    end = len(core)
    leading = LEADING_WORDS.match(core)
    begin = leading.end() if leading else 0
    if begin >= end:
        return None
    words = core[begin:]
    if PRONOUN_ONLY.fullmatch(words):
        return Mention(words, offset + begin, offset + end, "pronoun", words.lower(),
                       PRONOUN_GENDER.get(words.lower()))
    pronoun = PRONOUN_AT_END.search(core, begin)
    if pronoun is not None and _opens_clause(core[begin:pronoun.start()]) \
            and not core[begin:pronoun.start()].rstrip().endswith(
                ("and", "or", "which", "who", "whom")):
        # "In his letter he wrote", "Asked about it, she said"
        return Mention(pronoun.group(), offset + pronoun.start(), offset + end, "pronoun",
                       pronoun.group().lower(), PRONOUN_GENDER.get(pronoun.group().lower()))
    name = NAME_AT_END.search(core, begin)
    if name is not None and name.group().endswith(("'s", "’s", "s'", "s’")):
        name = None
    if name is None and "," in words:
        # "James Turner, security analyst at Frost & Sullivan, said": an
        # appositive without an article; or "Facing questions, the minister said".
        head, _, rest = core[begin:].partition(",")
        for part, part_offset in ((core[begin:].rsplit(",", 1)[-1], core.rfind(",") + 1),
                                  (head, begin)):
            stripped = part.strip()
            if stripped and stripped != words:
                found = parse_subject(stripped, offset + part_offset + part.find(stripped))
                if found is not None:
                    return found
        return None
    if name is not None:
        prefix = ROLE_PREFIX.search(core, begin, name.start())
        if prefix is not None and prefix.start() == begin or name.start() == begin \
                or _opens_clause(core[begin:prefix.start() if prefix else name.start()]):
            proper = strip_titles(_drop_article(name.group()))
            if proper and proper.split()[0].lower() not in NOT_NAMES or len(proper.split()) > 1:
                return Mention(words, offset + begin, offset + end, "name", proper,
                               gender_of(proper))
    if DESCRIPTION_ONLY.fullmatch(words) and words.lower().split()[-1] in SPEAKER_NOUNS:
        return Mention(words, offset + begin, offset + end, "description", words,
                       _description_gender(words))
    return None


#: Words after which a name is an object, not the subject of the verb that
#: follows: "supporters of Sanders said", "a letter to Obama said".
OBJECT_MARKERS = frozenset("""
    of for to with by from about against on at in into onto upon over under between among
    toward towards like than via behind near the a an his her their its our my your
    """.split())


def _opens_clause(before: str) -> bool:
    """Whether a name after ``before`` can be the subject of a verb that
    follows it: after a comma or a clause's last word ("In a letter, Smith
    wrote"; "although Major Tim Keefe insisted"), not after a preposition.

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


def parse_subject_at_start(text: str, offset: int) -> Optional[Mention]:
    """The speaker mention that ``text`` starts with: "said Alice, …" gives
    "Alice"; "according to a senior official who spoke …" gives "a senior
    official"."""
    text = text.lstrip(" \t\n")
    offset += 0
    cut = RELATIVE_OR_CLAUSE.search(text)
    core = text[:cut.start()] if cut else text
    return parse_subject(core, offset)


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
                                r"from|after|before|when|while|because|but|then|this|these|it|"
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
    """.split())


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
        # The conversation so far: (paragraph index, entity) of recent
        # quote paragraphs, newest last; and who was last spoken to.
        self.turns: List[tuple] = []
        self.addressee: Optional[Entity] = None
        self.previous_paragraph: Optional[Paragraph] = None
        # The last few paragraphs as [paragraph, narration]: the text with
        # quoted words blanked out, where news pronouns find their antecedents.
        self.narrations: List[list] = []
        self.last_quote: Optional[Quote] = None
        self.last_attribution: Optional[Attribution] = None
        self.narrator_votes = {}   # Entity -> times addressed right before "I said"

    @property
    def fiction(self):
        return self.fiction_clues > self.news_clues

    # -- feeding

    def add(self, paragraph: Optional[Paragraph], quotes: List[Quote]):
        if paragraph is not None:
            self.paragraph_index += 1
            self._weigh_genre(paragraph)
            self.narrations.append([paragraph, paragraph.text])
            del self.narrations[:-NARRATION_PARAGRAPHS]
        self._blank_quotes(quotes)
        if quotes:
            self._attribute_all(quotes)
        elif paragraph is not None:
            self._see_names(paragraph.text, 0, len(paragraph.text))
        if paragraph is not None:
            self.previous_paragraph = paragraph

    def _weigh_genre(self, paragraph):
        text = paragraph.text
        if NEWS_CLUES.search(text):
            self.news_clues += 1
        if FICTION_CLUES.search(text):
            self.fiction_clues += 1
        if "\n" in text.rstrip():
            self.fiction_clues += 1   # hard-wrapped prose: books, not web pages

    def _see_names(self, text, start, end):
        if _is_headline(text):
            return   # "Senator Defends Plan Against Critics": not one long name
        for match in NAME.finditer(text, start, end):
            if PARTICIPLE.fullmatch(match.group()):
                continue   # "Observing the crowd, he …": a verb that opens a sentence
            subject = (SUBJECT_BEFORE.search(text, max(start, match.start() - 12), match.start())
                       is not None and VERB_AFTER.match(text, match.end()) is not None)
            speaks = SPEECH_AFTER_NAME.match(text, match.end(), end) is not None
            for name in JOINED_NAMES.split(match.group()):
                entity = self._see_name(_drop_article(POSSESSIVE.sub("", name)))
                if entity is not None and subject:
                    entity.salient = self.registry.clock
                if entity is not None and speaks:
                    entity.person = True

    def _see_name(self, name):
            words = name.split()
            if not words:
                return None
            if words[0].lower().rstrip(".") in NOT_NAMES and len(words) == 1:
                return None
            if words[0].lower() in NOT_NAMES and words[0].lower().rstrip(".") not in TITLES:
                name = " ".join(words[1:])
                if not name:
                    return None
            stripped = strip_titles(name)
            entity = self.registry.see(stripped)
            if stripped != name:   # "Prime Minister Kevin Rudd": "the Prime Minister" is Rudd
                role = name[:len(name) - len(stripped)].split()
                if role:
                    self.registry.roles[role[-1].lower()] = entity
            return entity

    def _blank_quotes(self, quotes):
        """Blank the quoted words out of the narration kept, so that a name
        inside a quote is never taken for the antecedent of a pronoun."""
        for entry in self.narrations:
            paragraph, text = entry
            for quote in quotes:
                start = max(quote.start - paragraph.start, 0)
                end = min(quote.end - paragraph.start, len(text))
                if start < end:
                    # Keep a full stop where the quote ended a sentence.
                    stop = "." if quote.text.rstrip()[-1:] in ".!?" else " "
                    text = text[:start] + " " * (end - start - 1) + stop + text[end:]
            entry[1] = text

    # -- the rules

    def _attribute_all(self, quotes):
        for index, quote in enumerate(quotes):
            context = quote.context
            first, last = context.first_paragraph, context.paragraph
            previous = quotes[index - 1] if index else None
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
            self._see_names(first.text, before_start, before_end)
            before = first.text[before_start:before_end]
            after = last.text[after_start:after_end]
            opens_paragraph = not first.text[:before_end].strip()
            result = self._decide(quote, before, after, first, last, opens_paragraph,
                                  previous if previous is not None
                                  and previous.context.paragraph is first else None)
            if result is not None:
                self._apply(quote, result)
            self._remember(quote, result, last)
        last_quote = quotes[-1]
        par = last_quote.context.paragraph
        self._see_names(par.text, last_quote.end - par.start, len(par.text))

    def _decide(self, quote, before, after, first, last, opens_paragraph, previous_in_paragraph):
        before_offset = quote.start - len(before)
        after_offset = quote.end
        for rule in (self.cue_after, self.cue_before):
            result = rule(quote, before, after, before_offset, after_offset)
            if result is not None:
                return result
        result = self.according_to(before, after, before_offset, after_offset)
        if result is not None:
            return result
        if not self.fiction:
            result = self.reported_before(quote, before, before_offset, opens_paragraph,
                                          previous_in_paragraph)
            if result is not None:
                return result
        if previous_in_paragraph is not None and previous_in_paragraph.speaker:
            return self._same_as(previous_in_paragraph, "continuation", 0.8)
        if opens_paragraph:
            result = self.colon_before(quote)
            if result is not None:
                return result
        if not self.fiction:
            if opens_paragraph and self._follows_last_quote() and self.last_quote.speaker:
                return self._same_as(self.last_quote, "continuation", 0.7)
            return None
        return (self.vocative(quote) or self.turn_taking(quote, opens_paragraph)
                or self.narration_subject(before, after, before_offset, after_offset))

    def cue_after(self, quote, before, after, before_offset, after_offset):
        """"…," X said · "…," said X · "…" X wrote on social media."""
        match = CUE_VERB_FIRST.match(after)
        if match is not None:
            mention = parse_subject_at_start(match.group("subject"),
                                             after_offset + match.start("subject"))
            if mention is not None:
                return self._resolve(mention, match.group("verb"), "cue_after", 0.95)
        match = CUE_SUBJECT_FIRST.match(after)
        if match is not None:
            mention = parse_subject(match.group("subject"), after_offset + match.start("subject"))
            if mention is not None:
                return self._resolve(mention, match.group("verb"), "cue_after", 0.95)
        return None

    def cue_before(self, quote, before, after, before_offset, after_offset):
        """X said, "…" · X said: "…" · X said that "…" · X described it as "…"."""
        sentence_start = 0
        for end in SENTENCE_END.finditer(before):
            sentence_start = end.end()
        sentence = before[sentence_start:]
        verbs = list(VERB_ANYWHERE.finditer(sentence))
        for verb in reversed(verbs):
            if NOUN_BEFORE.search(sentence, max(0, verb.start() - 8), verb.start()):
                continue   # "in the state", "a report": a noun, not a verb
            between = sentence[verb.end():]
            opens_clause = sentence[:verb.start()].rstrip()[-1:] in ("", ",", ";", "—", "–")
            inverted = CUE_VERB_FIRST.match(sentence, verb.start()) if opens_clause else None
            if inverted is not None and not sentence[inverted.end():].strip(" \t\n,:;—–-"):
                mention = parse_subject_at_start(inverted.group("subject"),
                                                 before_offset + sentence_start + inverted.start("subject"))
                if mention is not None:
                    return self._resolve(mention, verb.group(), "cue_before", 0.9)
            mention = parse_subject(sentence[:verb.start()].rstrip(), before_offset + sentence_start)
            if mention is not None:
                confidence = 0.9 if not between.strip(" \t\n,:;—–-") else 0.8
                return self._resolve(mention, verb.group(), "cue_before", confidence)
        return None

    def according_to(self, before, after, before_offset, after_offset):
        """"…," according to X · According to X, "…"."""
        sentence_end = SENTENCE_END.search(after)
        window = after[:sentence_end.start() + 1] if sentence_end else after
        match = ACCORDING_TO.search(window)
        offset = after_offset
        if match is None:
            sentence_start = 0
            for end in SENTENCE_END.finditer(before):
                sentence_start = end.end()
            match = ACCORDING_TO.search(before, sentence_start)
            offset = before_offset
        if match is None:
            return None
        mention = parse_subject_at_start(match.group("subject"), offset + match.start("subject"))
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

    def colon_before(self, quote):
        """A quote introduced by a colon at the end of the paragraph before."""
        previous = self.previous_paragraph
        if previous is None or previous is quote.context.first_paragraph:
            return None
        text = previous.text.rstrip()
        if not text.endswith(":"):
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
        if not opens_paragraph or len(self.turns) < 2:
            return None
        (index_1, speaker_1), (index_2, speaker_2) = self.turns[-1], self.turns[-2]
        if self.paragraph_index - index_1 > 2 or index_1 - index_2 > 2:
            return None
        if speaker_2 is None or speaker_2 is speaker_1:
            return None
        return Attribution(speaker_2.name, None, None, "turn_taking", 0.55, "implicit", speaker_2)

    def narration_subject(self, before, after, before_offset, after_offset):
        """The person the narration next to the quote is about: "Mr. Pett
        looked up. “You've been smoking.”"."""
        for text, offset in ((before, before_offset), (after, after_offset)):
            sentence_start = 0
            for end in SENTENCE_END.finditer(text):
                sentence_start = end.end()
                if text is after:
                    break
            start = sentence_start if text is before else 0
            match = NARRATION_SUBJECT.match(text, start)
            if match is not None:
                mention = parse_subject(match.group("subject"), offset + match.start("subject"))
                if mention is not None and mention.kind != "description":
                    result = self._resolve(mention, None, "narration_subject", 0.5)
                    if result is not None and result.speaker:
                        result.type = "implicit"
                        return result
        return None

    def news_antecedent(self, mention):
        """Whom "he" or "she" means in a news report: the person who is the
        subject of the nearest sentence before it that names someone of
        that gender (or of unknown gender); reporters name the speaker and
        then go on with a pronoun.  Only the last few paragraphs are read."""
        budget = ANTECEDENT_WINDOW
        for paragraph, text in reversed(self.narrations):
            end = min(len(text), mention.start - paragraph.start)
            if end <= 0:
                continue
            start = max(0, end - budget)
            budget -= end - start
            sentences = [0] + [m.end() for m in SENTENCE_END.finditer(text, start, end)]
            sentences = [b for b in sentences if b >= start] or [start]
            for begin in reversed(sentences):
                entity = self._sentence_subject(text, begin, end, mention.gender)
                if entity is not None:
                    if entity.gender is None:
                        entity.gender = mention.gender   # "Kim Lee … she said"
                    return entity
                end = begin
            if budget <= 0:
                break
        return None

    def _sentence_subject(self, text, start, end, gender):
        """The person a stretch of narration is about: its first name in
        subject position (not after a preposition, not a possessive), else
        its first name; people of the other gender and organisations skipped."""
        fallback = None
        pronoun = SUBJECT_PRONOUN.match(text, start, end)
        if pronoun is not None and PRONOUN_GENDER.get(pronoun.group(1).lower()) == gender:
            return None   # "But he suggested …": the same person as further back
        for match in NAME.finditer(text, start, end):
            name = _drop_article(_drop_leading_word(match.group()))
            if not name:
                continue
            possessive = POSSESSIVE.search(name) is not None and name[-1:] in "'’s"
            entity = self.registry.lookup(strip_titles(POSSESSIVE.sub("", name)))
            if entity is None or not (entity.person or entity.gender) \
                    or _is_organisation(entity.name):
                continue
            if gender and entity.gender not in (None, gender):
                continue
            if not possessive and _opens_clause(text[start:match.start()]):
                return entity
            fallback = fallback or entity
        return fallback

    # -- helpers

    def _follows_last_quote(self):
        return bool(self.turns) and self.paragraph_index - self.turns[-1][0] <= 1

    def _same_as(self, quote, method, confidence):
        return Attribution(quote.speaker, None, None, method, confidence, "implicit",
                           self.last_attribution.entity if self.last_attribution else None)

    def _resolve(self, mention, cue, method, confidence):
        """Turn a mention into a speaker: a name into its entity, a pronoun
        or description into the person it stands for."""
        if mention.kind == "name":
            entity = self.registry.see(mention.name)
            entity.person = True
            return Attribution(entity.name, mention, cue, method, confidence, "explicit", entity)
        if mention.kind == "pronoun":
            if mention.name == "i" and self.narrator_votes:
                narrator = max(self.narrator_votes, key=self.narrator_votes.get)
                return Attribution(narrator.name, mention, cue, method, confidence * 0.8,
                                   "anaphoric", narrator)
            if mention.name in ("i", "we", "you", "it"):
                return Attribution(None, mention, cue, method, confidence, "anaphoric")
            entity = None
            if not self.fiction and mention.name in ("he", "she"):
                entity = self.news_antecedent(mention)
            if entity is None:
                entity = self.registry.recent(mention.gender)
            if entity is None:
                return Attribution(None, mention, cue, method, confidence * 0.5, "anaphoric")
            entity.seen = self.registry.clock = self.registry.clock + 1
            return Attribution(entity.name, mention, cue, method, confidence * 0.8, "anaphoric",
                               entity)
        # A description: in a story it is someone we have met; in the news it
        # is the source's own description ("a senior official").
        if self.fiction and mention.gender:
            entity = self.registry.recent(mention.gender)
            if entity is not None:
                return Attribution(entity.name, mention, cue, method, confidence * 0.6,
                                   "anaphoric", entity)
        words = mention.name
        organisation = self.registry.lookup(_drop_article(words)) if words[:1].isupper() else None
        speaker = organisation.name if organisation else DESCRIPTION_ARTICLE.sub("", words) \
            if words.lower().startswith("the ") else words
        return Attribution(speaker, mention, cue, method, confidence * 0.8, "anaphoric", organisation)

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
        if entity is not None:
            self.registry.clock += 1
            entity.salient = entity.seen = self.registry.clock
        if (result is not None and result.mention is not None and result.mention.name == "i"
                and self.addressee is not None and self._follows_last_quote()):
            # Whoever is spoken to just before "I said" is the narrator.
            votes = self.narrator_votes
            votes[self.addressee] = votes.get(self.addressee, 0) + 1
        if self.turns and self.turns[-1][0] == self.paragraph_index:
            self.turns[-1] = (self.paragraph_index, entity or self.turns[-1][1])
        else:
            self.turns.append((self.paragraph_index, entity))
            del self.turns[:-4]
        vocative = VOCATIVE.search(quote.text)
        self.addressee = None
        if vocative is not None:
            name = vocative.group("name")
            if name.split()[0].lower().rstrip(".") not in NOT_NAMES or len(name.split()) > 1:
                self.addressee = self.registry.lookup(strip_titles(name))
        self.last_quote = quote
        self.last_attribution = result


#: A sentence whose subject is a pronoun: "But he suggested …", "Later, she …".
SUBJECT_PRONOUN = re.compile(r"[\s.,;:\"“”]*(?:(?:and|but|so|then|yet|still|later|also|however|"
                             r"meanwhile|instead)\b[\s,]*)*(?:[^,.;\"“”]{1,60},[ \t\n]*)?(he|she)\b",
                             re.I)
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
#: How far back (paragraphs, characters) a news pronoun looks for its person.
NARRATION_PARAGRAPHS = 3
ANTECEDENT_WINDOW = 1500
#: Words that make a name an organisation's, which "he" or "she" never means.
ORGANISATION_WORDS = frozenset("""
    party committee department campaign news times post journal press review institute
    university college school foundation inc llc corp corporation company co group association
    council house senate congress court agency bureau office ministry administration
    commission network center centre union bank fund organization organisation church
    police army navy force forces caucus club league board authority service services
    county city state states republic kingdom nations government media tv radio
    """.split())


def _is_headline(text):
    """A line in title case, where every word is capitalised and names
    cannot be told from the words around them.

    >>> _is_headline("Mayor Rejects Budget Over Pension Costs"), _is_headline("Ana Ruiz said so.")
    (True, False)
    """
    words = re.findall(r"[^\W\d_][\w'’\-]*", text[:300])
    if len(words) < 4:
        return False
    capitalised = sum(1 for word in words if word[0].isupper())
    return capitalised >= 0.7 * len(words)


def _drop_leading_word(name):
    """"Though Ms. Ruiz" -> "Ms. Ruiz": a capitalised word opening a sentence."""
    words = name.split()
    if len(words) > 1 and words[0].lower() in NOT_NAMES and words[0].lower() not in TITLES:
        return " ".join(words[1:])
    return name


def _is_organisation(name):
    """"Democratic National Committee", "CNN": not a person; but "Mr.
    Burman of the Tax Policy Center" is one.

    >>> _is_organisation("Republican National Committee"), _is_organisation("Ana Ruiz")
    (True, False)
    """
    words = []
    for word in name_words(name):
        if word in NAME_LINK_WORDS:
            break
        words.append(word)
    return bool(ACRONYM.match(name)) or any(word in ORGANISATION_WORDS for word in words)


#: A name that says something: "Ana Ruiz said", "Ana Ruiz, 29, says",
#: "Ana Ruiz, a nurse at the clinic, told": the name is a person's.
SPEECH_AFTER_NAME = re.compile(r"(?:,[^,.;\"“”]{1,80},)?[ \t\n]+(?:\w+ly[ \t\n]+)?%s\b" % VERB)
#: A determiner right before a word makes it a noun: "the state", "his post".
NOUN_BEFORE = re.compile(r"\b(?:the|a|an|his|her|its|their|our|this|that|these|those|my|your)"
                         r"[ \t\n]+$", re.I)
VERB_ANYWHERE = re.compile(r"\b%s\b" % VERB)
JOINED_NAMES = re.compile(r"\s+and\s+")
#: A name in subject position: at a clause's start and followed by a verb-like word.
SUBJECT_BEFORE = re.compile(r"(?:^|[.!?;,:\"“”‘’]|\b(?:and|but|then|when|while|as))\s*$")
VERB_AFTER = re.compile(r",?\s+(?:[a-z]+ly\s+)?(?!(?:his|this|us)\b)[a-z]+(?:ed|s)\b|\s+(?:was|had|is|has|did|could|"
                        r"would|will|should|might|must|can|may|said|says|saw|went|came|took|"
                        r"made|gave|got|knew|thought|felt|told|began|stood|sat|ran|looked)\b")
#: A capitalised participle or adverb alone: "Speaking", "Asked", "Clearly".
PARTICIPLE = re.compile(r"[A-Z][a-z]+(?:ing|ed|ly)")
POSSESSIVE = re.compile(r"['’]s?$")
NARRATION_SUBJECT = re.compile(r"[ \t\n]*(?P<subject>(?:%s|%s)(?:\s+%s)?)\s+[a-z]+" % (
    PRONOUN, NAME.pattern, NAME.pattern))
DESCRIPTION_ARTICLE = re.compile(r"^the\s+", re.I)
