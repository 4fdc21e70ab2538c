#!/usr/bin/env python3
"""Unit tests of quotes.py's detection and attribution rules, each on a
short text written for the test, checking what a user would check: the
spans found (with their words) and who said them.

    python3 -m unittest tests.test_rules        # from the repository root

Tests that the current tool fails are kept, in the group ``KnownProblems``
at the end of the file, each marked ``@unittest.expectedFailure`` with a
comment saying what is wrong; when one starts to pass, unittest reports an
"unexpected success" and the mark should go.
"""

import os
import sys
import unittest

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if REPO not in sys.path:
    sys.path.insert(0, REPO)

import quotes  # noqa: E402
from quotes import Extractor, appositive_calling, extract, parse_subject, strip_titles  # noqa: E402


def spans(text, nested=False):
    """The spans found, as the document shows them (marks included)."""
    return [text[q.start:q.end] for q in extract(text, nested=nested)]


def words(text, nested=False):
    return [q.text for q in extract(text, nested=nested)]


def speakers(text):
    return [(text[q.start:q.end], q.speaker) for q in extract(text)]


class Base(unittest.TestCase):

    def assert_spans(self, text, expected, nested=False):
        found = extract(text, nested=nested)
        for q in found:   # the words lie inside the span the offsets give
            self.assertIn(q.text, text[q.start:q.end])
        self.assertEqual([text[q.start:q.end] for q in found], expected)

    def assert_speakers(self, text, expected):
        self.assertEqual(speakers(text), expected)

    def the_quote(self, text):
        found = extract(text)
        self.assertEqual(len(found), 1, [text[q.start:q.end] for q in found])
        return found[0]


# --------------------------------------------------------------------------
# Detection
# --------------------------------------------------------------------------

class DoubleQuotes(Base):

    def test_straight_double_quotes(self):
        text = 'She read "the harbour is closed" aloud and sat down.'
        self.assert_spans(text, ['"the harbour is closed"'])
        self.assertEqual(words(text), ["the harbour is closed"])

    def test_curly_double_quotes(self):
        text = "\u201cReady when you are,\u201d the pilot said. \u201cWe leave at six.\u201d"
        self.assert_spans(text, ["\u201cReady when you are,\u201d", "\u201cWe leave at six.\u201d"])
        self.assertEqual(words(text), ["Ready when you are,", "We leave at six."])

    def test_two_quotes_side_by_side(self):
        self.assert_spans('"Fine." "Good."', ['"Fine."', '"Good."'])

    def test_sloppy_curly_open_straight_close(self):
        text = '\u201cThe bridge is out," she said.'
        self.assert_spans(text, ['\u201cThe bridge is out,"'])

    def test_sloppy_straight_open_curly_close(self):
        text = '"The bridge is out,\u201d she said.'
        self.assert_spans(text, ['"The bridge is out,\u201d'])

    def test_latex_backticks_and_doubled_apostrophes(self):
        text = "``Good morning,'' said the vicar."
        self.assert_spans(text, ["``Good morning,''"])
        self.assertEqual(words(text), ["Good morning,"])

    def test_doubled_apostrophes_on_both_sides(self):
        text = "''Good evening,'' said the vicar."
        self.assert_spans(text, ["''Good evening,''"])
        self.assertEqual(words(text), ["Good evening,"])

    def test_runs_of_straight_marks_hold_no_quote(self):
        self.assert_spans('"' * 9, [])
        self.assert_speakers('"""""""Stay here," Ann said.', [('"Stay here,"', "Ann")])
        self.assert_speakers('Ann typed """"""""" and then "Stay here," she said.',
                             [('"Stay here,"', "Ann")])
        self.assert_spans('"Stay here," Ann said. """"', ['"Stay here,"'])

    def test_marks_nested_past_the_depth_limit_are_ignored(self):
        # 100 levels open; only the first MAX_DEPTH count, so the outermost
        # quote closes with the MAX_DEPTH-th closing mark.
        depth = quotes.MAX_DEPTH
        text = "She wrote " + "\u201c\u2018" * 50 + "Hi" + "\u2019\u201d" * 50 + " and stopped."
        opened = text.index("H")
        self.assert_spans(text, [text[text.index("\u201c"):opened + 2 + depth]])


class SingleQuotesAndApostrophes(Base):
    """British dialogue in single quotes, with apostrophes inside."""

    def test_contractions_inside(self):
        text = "'Don't worry, it's nearly five o'clock,' said Tom. 'We can wait.'"
        self.assert_spans(text, ["'Don't worry, it's nearly five o'clock,'", "'We can wait.'"])

    def test_o_clock_just_before_the_close(self):
        text = "'Meet me at six o'clock,' she said."
        self.assert_spans(text, ["'Meet me at six o'clock,'"])

    def test_tis_after_the_opening(self):
        text = "'Well, 'tis a fine day,' said the farmer."
        self.assert_spans(text, ["'Well, 'tis a fine day,'"])

    def test_em(self):
        text = "'Tell 'em to wait,' said Ana."
        self.assert_spans(text, ["'Tell 'em to wait,'"])

    def test_goin_dropped_g(self):
        text = "'We were goin' home,' said Tom."
        self.assert_spans(text, ["'We were goin' home,'"])

    def test_dropped_g_just_before_the_close(self):
        text = "Tom said, 'Tell 'em I'm comin'.' Then he left."
        self.assert_spans(text, ["'Tell 'em I'm comin'.'"])

    def test_rock_n_roll_in_narration(self):
        text = "He likes rock 'n' roll. 'So do I,' said Ana."
        self.assert_spans(text, ["'So do I,'"])

    def test_nineties(self):
        text = "'Music from the '90s is best,' he said."
        self.assert_spans(text, ["'Music from the '90s is best,'"])

    def test_plural_possessive_curly(self):
        text = "\u2018The players\u2019 union meets on Monday,\u2019 the coach said."
        self.assert_spans(text, ["\u2018The players\u2019 union meets on Monday,\u2019"])

    def test_plural_possessive_straight(self):
        text = "'The Joneses' house is empty,' said Tom. 'Nobody lives there.'"
        self.assert_spans(text, ["'The Joneses' house is empty,'", "'Nobody lives there.'"])

    def test_possessive_right_after_a_closing_quote(self):
        text = "\u2018We will not retreat,\u2019 Putin\u2019s spokesman said. \u2018Never.\u2019"
        self.assert_spans(text, ["\u2018We will not retreat,\u2019", "\u2018Never.\u2019"])

    def test_possessive_right_after_a_closing_double_quote(self):
        text = "\u201cNo deal,\u201d Putin\u2019s aide said, and the \u2018talks\u2019 ended."
        self.assert_spans(text, ["\u201cNo deal,\u201d", "\u2018talks\u2019"])

    def test_apostrophes_alone_are_no_quotes(self):
        text = "It's the players' money and the Joneses' dog, isn't it? Rock 'n' roll."
        self.assert_spans(text, [])


class Primes(Base):

    def test_feet_inches_and_a_ruler(self):
        self.assert_spans('He is 5\'10" tall and carries a 12" ruler.', [])

    def test_degrees_minutes_seconds(self):
        self.assert_spans("The wreck lies at 45\u00b030'15\" north.", [])

    def test_prime_inside_a_quote(self):
        text = '"He is 5\'10" tall," she said.'
        self.assert_spans(text, ['"He is 5\'10" tall,"'])


class OtherMarks(Base):

    def test_french_guillemets_with_no_break_spaces(self):
        text = "\u00ab\u00a0Bonjour\u00a0\u00bb, dit-elle."
        self.assert_spans(text, ["\u00ab\u00a0Bonjour\u00a0\u00bb"])
        self.assertEqual(words(text)[0].strip(), "Bonjour")

    def test_french_guillemets_with_spaces(self):
        text = "Elle a dit : \u00ab Je viens demain. \u00bb Puis elle est partie."
        self.assert_spans(text, ["\u00ab Je viens demain. \u00bb"])
        self.assertEqual(words(text)[0].strip(), "Je viens demain.")

    def test_french_guillemets_with_narrow_no_break_spaces(self):
        text = "Il a dit\u202f:\u00a0\u00ab\u202fJe viens\u202f\u00bb et il est parti."
        self.assert_spans(text, ["\u00ab\u202fJe viens\u202f\u00bb"])

    def test_german_guillemets_pointing_inwards(self):
        text = "Er sagte: \u00bbIch komme morgen.\u00ab Dann ging er."
        self.assert_spans(text, ["\u00bbIch komme morgen.\u00ab"])
        self.assertEqual(words(text), ["Ich komme morgen."])

    def test_single_angle_quotes(self):
        text = "Er sagte \u2039ja\u203a und ging."
        self.assert_spans(text, ["\u2039ja\u203a"])

    def test_german_low_high(self):
        text = "\u201eGuten Morgen\u201c, sagte sie."
        self.assert_spans(text, ["\u201eGuten Morgen\u201c"])
        self.assertEqual(words(text), ["Guten Morgen"])

    def test_polish_low_high_right(self):
        text = "\u201eDzie\u0144 dobry\u201d \u2013 powiedzia\u0142a."
        self.assert_spans(text, ["\u201eDzie\u0144 dobry\u201d"])

    def test_german_single_low_high(self):
        text = "Sie nannte es \u201asch\u00f6n\u2018 und lachte."
        self.assert_spans(text, ["\u201asch\u00f6n\u2018"])

    def test_corner_brackets(self):
        text = "\u300c\u3053\u3093\u306b\u3061\u306f\u300d\u3068\u5f7c\u306f\u8a00\u3063\u305f\u3002" \
               "\u300e\u672c\u300f\u3092\u8aad\u3093\u3060\u3002"
        self.assert_spans(text, ["\u300c\u3053\u3093\u306b\u3061\u306f\u300d", "\u300e\u672c\u300f"])

    def test_white_corner_brackets_nested_in_corner_brackets(self):
        text = "\u300c\u5f7c\u306f\u300e\u306f\u3044\u300f\u3068\u8a00\u3063\u305f\u300d"
        self.assert_spans(text, [text])
        self.assert_spans(text, [text, "\u300e\u306f\u3044\u300f"], nested=True)


class DocumentConvention(Base):
    """Quotes inside quotes: only the outer ones at the top level."""

    def test_single_outer_double_inner(self):
        text = "\u2018He said \u201cnever\u201d to me,\u2019 said Ana. \u2018Twice.\u2019"
        self.assert_spans(text, ["\u2018He said \u201cnever\u201d to me,\u2019", "\u2018Twice.\u2019"])
        found = extract(text, nested=True)
        self.assertEqual([(text[q.start:q.end], q.depth) for q in found],
                         [("\u2018He said \u201cnever\u201d to me,\u2019", 0), ("\u201cnever\u201d", 1),
                          ("\u2018Twice.\u2019", 0)])

    def test_double_outer_single_inner(self):
        text = "\u201cHe said \u2018never\u2019 to me,\u201d said Ana."
        self.assert_spans(text, ["\u201cHe said \u2018never\u2019 to me,\u201d"])
        found = extract(text, nested=True)
        self.assertEqual([(q.text, q.depth) for q in found],
                         [("He said \u2018never\u2019 to me,", 0), ("never", 1)])

    def test_straight_single_outer_straight_double_inner(self):
        text = "'He said \"never\" to me,' said Ana."
        self.assert_spans(text, ["'He said \"never\" to me,'"])
        self.assertEqual([(q.text, q.depth) for q in extract(text, nested=True)],
                         [("He said \"never\" to me,", 0), ("never", 1)])

    def test_three_levels(self):
        text = "\u201cShe wrote \u2018he told me \u201cno\u201d once\u2019 in the log,\u201d Tom said."
        self.assertEqual([(q.text, q.depth) for q in extract(text, nested=True)],
                         [("She wrote \u2018he told me \u201cno\u201d once\u2019 in the log,", 0),
                          ("he told me \u201cno\u201d once", 1), ("no", 2)])


class Paragraphs(Base):

    def test_multi_paragraph_speech_curly(self):
        text = "\u201cFirst part of the speech.\n\n\u201cSecond part,\u201d said Tom."
        self.assert_spans(text, [text[:text.index("\u201d") + 1]])
        self.assertEqual(self.the_quote(text).speaker, "Tom")

    def test_multi_paragraph_speech_straight(self):
        text = '"First part of the speech.\n\n"Second part," said Tom.'
        self.assert_spans(text, ['"First part of the speech.\n\n"Second part,"'])

    def test_multi_paragraph_speech_three_paragraphs(self):
        text = ("\u201cOne thing.\n\n\u201cAnother thing.\n\n\u201cA last thing,\u201d said the mayor."
                "\n\nThe hall emptied.")
        self.assert_spans(text, [text[:text.index("\u201d") + 1]])

    def test_paragraphs_without_reopening_marks_close_in_the_next(self):
        text = "\u201cFirst part of the speech.\n\nSecond part,\u201d said Tom."
        self.assert_spans(text, ["\u201cFirst part of the speech.\n\nSecond part,\u201d"])

    def test_unclosed_quote_ends_at_its_paragraph(self):
        text = "\u201cThis is never closed.\n\nLater, \u201ca real quote\u201d appeared."
        self.assert_spans(text, ["\u201ca real quote\u201d"])

    def test_unclosed_straight_quote_ends_at_its_paragraph(self):
        text = 'He wrote "this is never closed.\n\nLater, "a real quote" appeared.'
        self.assert_spans(text, ['"a real quote"'])

    def test_hard_wrapped_quote_offsets(self):
        text = "She said \u201cthis quote\nruns over two lines\u201d and left.\nNothing else.\n"
        q = self.the_quote(text)
        self.assertEqual(text[q.start:q.end], "\u201cthis quote\nruns over two lines\u201d")
        self.assertEqual(q.text, "this quote\nruns over two lines")
        self.assertEqual((q.start, q.line), (9, 1))

    def test_one_paragraph_per_line(self):
        # Lines longer than the wrap width are each a paragraph: the
        # unclosed quote of the first line does not run into the second.
        first = "x " * 60 + "\u201cunclosed on a long line"
        second = "y " * 60 + "\u201ca real quote\u201d here"
        text = first + "\n" + second + "\n"
        q = self.the_quote(text)
        self.assertEqual(text[q.start:q.end], "\u201ca real quote\u201d")
        self.assertEqual(q.line, 2)

    def test_one_paragraph_per_line_reopened(self):
        first = "x " * 60 + "\u201cfirst part"
        second = "\u201csecond part,\u201d said Tom, " + "y " * 50
        text = first + "\n" + second + "\n"
        q = self.the_quote(text)
        self.assertEqual(text[q.start:q.end], "\u201cfirst part\n\u201csecond part,\u201d")
        self.assertEqual(q.speaker, "Tom")

    def test_crlf_offsets(self):
        text = ("First line.\r\n\r\n\u201cHello,\u201d said Ana.\r\n"
                "She wrote \u201cwaved\r\nback\u201d then.\r\n")
        found = extract(text)
        self.assertEqual([text[q.start:q.end] for q in found],
                         ["\u201cHello,\u201d", "\u201cwaved\r\nback\u201d"])
        self.assertEqual([q.text for q in found], ["Hello,", "waved\r\nback"])
        self.assertEqual([q.line for q in found], [3, 4])

    def test_line_numbers(self):
        text = ("The ferry left at dawn.\n\n\u201cCome in,\u201d said Tom.\n"
                "\u201cI am wrapped over\ntwo lines,\u201d Ana said.\n\n\n\u201cEighth,\u201d Tom said.")
        found = extract(text)
        self.assertEqual([text[q.start:q.end] for q in found],
                         ["\u201cCome in,\u201d", "\u201cI am wrapped over\ntwo lines,\u201d",
                          "\u201cEighth,\u201d"])
        self.assertEqual([q.line for q in found], [3, 4, 8])

    def test_offsets_count_code_points(self):
        text = "\U0001F600 caf\u00e9 \u201cna\u00efve\u201d"
        q = self.the_quote(text)
        self.assertEqual((q.start, q.end), (7, 14))


class DashDialogue(Base):

    def test_spanish_dash_with_narration(self):
        text = "\u2014\u00bfVienes? \u2014pregunt\u00f3 Ana\u2014. Es tarde."
        q = extract(text)[0]
        self.assertEqual(text[q.start:q.end], "\u2014\u00bfVienes?")
        self.assertEqual(q.text, "\u00bfVienes?")
        self.assertEqual(q.speaker, "Ana")

    def test_dash_paragraphs(self):
        text = ("\u2014\u00bfVienes? \u2014pregunt\u00f3 Ana.\n\n\u2014No \u2014dijo Tom.\n\n"
                "Se fueron.")
        self.assert_speakers(text, [("\u2014\u00bfVienes?", "Ana"), ("\u2014No", "Tom")])

    def test_horizontal_bar(self):
        text = "\u2015Come here, Tom!"
        self.assert_spans(text, [text])
        self.assertEqual(words(text), ["Come here, Tom!"])

    def test_french_space_after_the_dash(self):
        text = "\u2014 Tu viens ? demanda Marie."
        found = extract(text)
        self.assertEqual(len(found), 1)
        self.assertEqual(found[0].start, 0)
        self.assertTrue(found[0].text.startswith("Tu viens ?"), found[0].text)

    def test_french_no_break_space_after_the_dash(self):
        text = "\u2014\u00a0Je reviens demain\u00a0!\n"
        found = extract(text)
        self.assertEqual([(q.start, q.text) for q in found], [(0, "Je reviens demain\u00a0!")])

    def test_list_items_are_no_dialogue(self):
        self.assert_spans("Buy:\n\n\u2014 apples\n\n\u2014 pears", [])

    def test_dash_inside_a_sentence_is_no_dialogue(self):
        self.assert_spans("The road \u2014 long and dusty \u2014 ended at the sea.", [])


class Noise(Base):

    def test_empty_quotes(self):
        self.assert_spans('He wrote "" and \u201c \u201d and \u2018\u2019 and \u00ab\u00bb in the box.', [])

    def test_stray_marks(self):
        self.assert_spans("A stray \u201d mark and a lone \u201c here.\n\nAnd \u00bb there.", [])

    def test_lone_straight_mark(self):
        self.assert_spans('The sign said 6" of snow and nothing more.', [])


# --------------------------------------------------------------------------
# Attribution
# --------------------------------------------------------------------------

class CueOrder(Base):

    def test_quote_then_name_then_verb(self):
        q = self.the_quote('"We are ready," Ana Ruiz said.')
        self.assertEqual((q.speaker, q.cue, q.mention), ("Ana Ruiz", "said", "Ana Ruiz"))

    def test_quote_then_verb_then_name(self):
        q = self.the_quote('"We are ready," said Ana Ruiz.')
        self.assertEqual((q.speaker, q.cue), ("Ana Ruiz", "said"))

    def test_name_verb_comma_quote(self):
        q = self.the_quote('Ana Ruiz said, "We are ready."')
        self.assertEqual((q.speaker, q.cue), ("Ana Ruiz", "said"))

    def test_name_verb_colon_quote(self):
        q = self.the_quote('Ana Ruiz said: "We are ready."')
        self.assertEqual((q.speaker, q.cue), ("Ana Ruiz", "said"))

    def test_told_reporters(self):
        q = self.the_quote('"We are ready," Ana Ruiz told reporters.')
        self.assertEqual((q.speaker, q.cue), ("Ana Ruiz", "told"))

    def test_wrote_on_social_media(self):
        q = self.the_quote('"We are ready" Ana Ruiz wrote on social media.')
        self.assertEqual((q.speaker, q.cue), ("Ana Ruiz", "wrote"))

    def test_cue_with_a_time_after_it(self):
        q = self.the_quote("\u201cWe are ready,\u201d Ana Ruiz said on Tuesday.")
        self.assertEqual(q.speaker, "Ana Ruiz")

    def test_split_quote_both_parts_to_her(self):
        text = ('Ana Ruiz and Tom Hale met the press on Monday.\n\n'
                '"We are ready," she said, "and we leave at dawn."')
        self.assert_speakers(text, [('"We are ready,"', "Ana Ruiz"),
                                    ('"and we leave at dawn."', "Ana Ruiz")])

    def test_cue_before_with_a_time(self):
        q = self.the_quote('Ana Ruiz said on Monday, "We are ready."')
        self.assertEqual(q.speaker, "Ana Ruiz")

    def test_a_passive_cue_names_the_hearer(self):
        q = self.the_quote('"Stay indoors until the storm passes," residents were told.')
        self.assertIsNone(q.speaker)
        q = self.the_quote('"The ferry leaves at nine," Tom Hale was told by the clerk.')
        self.assertNotEqual(q.speaker, "Tom Hale")

    def test_quoted_as_saying_names_the_speaker(self):
        q = self.the_quote('"We are ready," Ana Ruiz was quoted as saying.')
        self.assertEqual(q.speaker, "Ana Ruiz")

    def test_mention_offsets(self):
        text = '"We are ready," said Ana Ruiz.'
        q = self.the_quote(text)
        self.assertEqual(text[q.mention_start:q.mention_end], "Ana Ruiz")


class NamesTitlesRoles(Base):

    def test_role_before_the_name(self):
        text = '"No comment," Kremlin spokesman Dmitry Peskov said.'
        q = self.the_quote(text)
        self.assertEqual(q.speaker, "Dmitry Peskov")
        self.assertEqual(q.mention, "Kremlin spokesman Dmitry Peskov")

    def test_rank_before_the_name(self):
        q = self.the_quote("\u201cWe need help,\u201d said Lieutenant Colonel Ana Ruiz.")
        self.assertEqual(q.speaker, "Ana Ruiz")

    def test_honorific_is_kept(self):
        self.assertEqual(self.the_quote('"Nonsense," said Mrs. Bennet.').speaker, "Mrs. Bennet")

    def test_mr_and_mrs_are_different_people(self):
        text = "\u201cNonsense,\u201d said Mrs. Bennet. \u201cNot at all,\u201d said Mr. Bennet."
        self.assertEqual([q.speaker for q in extract(text)], ["Mrs. Bennet", "Mr. Bennet"])

    def test_appositive(self):
        text = '"The port stays open," Ana Ruiz, a spokeswoman for the port authority, said.'
        self.assertEqual(self.the_quote(text).speaker, "Ana Ruiz")

    def test_relative_clause_appositive(self):
        text = '"We are ready," Ana Ruiz, who leads the port authority, said.'
        self.assertEqual(self.the_quote(text).speaker, "Ana Ruiz")

    def test_appositive_before_a_colon_cue(self):
        text = 'Ana Ruiz, the port director, said: "We are ready."'
        self.assertEqual(self.the_quote(text).speaker, "Ana Ruiz")

    def test_nationality_and_office_before_the_name(self):
        text = '"We will rebuild," Ukrainian President Oskar Lindqvist said.'
        self.assertEqual(self.the_quote(text).speaker, "Oskar Lindqvist")

    def test_age_appositive(self):
        self.assertEqual(self.the_quote('"We are ready," Ana Ruiz, 45, said.').speaker, "Ana Ruiz")

    def test_fullest_name(self):
        text = ("Oskar Lindqvist spoke in Malmo on Friday.\n\n"
                "\u201cWe will rebuild,\u201d Lindqvist said.")
        q = self.the_quote(text)
        self.assertEqual((q.speaker, q.mention), ("Oskar Lindqvist", "Lindqvist"))

    def test_fullest_name_after_a_role(self):
        text = ("Kremlin spokesman Dmitry Peskov spoke on Monday.\n\n"
                "\u201cNo comment,\u201d Peskov said.")
        self.assertEqual(self.the_quote(text).speaker, "Dmitry Peskov")

    def test_the_minister_after_a_titled_name(self):
        text = ("Finance Minister Ana Ruiz spoke first.\n\n"
                "\u201cWe are ready,\u201d the minister said.")
        self.assertEqual(self.the_quote(text).speaker, "Ana Ruiz")

    def test_the_doctor_after_dr_surname(self):
        text = "Dr. Lowell examined the boy.\n\n\u201cHe will live,\u201d the doctor said."
        self.assertEqual(self.the_quote(text).speaker, "Dr. Lowell")

    def test_strip_titles_helper(self):
        self.assertEqual(strip_titles("Kremlin spokesman Dmitry Peskov"), "Dmitry Peskov")
        self.assertEqual(strip_titles("Mrs. Bennet"), "Mrs. Bennet")
        self.assertEqual(strip_titles("Lieutenant Colonel Ana Ruiz"), "Ana Ruiz")

    def test_parse_subject_helper(self):
        mention = parse_subject("a senior official", 100)
        self.assertEqual((mention.kind, mention.name, mention.start, mention.end),
                         ("description", "a senior official", 100, 117))
        self.assertEqual(parse_subject("she", 0).gender, "f")
        self.assertEqual(parse_subject("Ana Ruiz, a spokeswoman for the port authority,", 0).name,
                         "Ana Ruiz")


class OrganisationsAndSources(Base):

    def test_the_ministry(self):
        q = self.the_quote('"Prices will rise," the ministry said.')
        self.assertIn(q.speaker, ("the ministry", "ministry"))

    def test_named_ministry(self):
        q = self.the_quote("\u201cPrices will rise,\u201d the Ministry of Finance said.")
        self.assertEqual(q.speaker, "Ministry of Finance")

    def test_institute_later_called_by_its_acronym(self):
        text = ("The Institute for Coastal Research published a report on Tuesday.\n\n"
                "\u201cThe dunes are moving,\u201d ICR said.")
        q = self.the_quote(text)
        self.assertEqual((q.speaker, q.mention), ("Institute for Coastal Research", "ICR"))

    def test_anonymous_source(self):
        q = self.the_quote('"The talks failed," a senior official said.')
        self.assertEqual(q.speaker, "a senior official")

    def test_anonymous_source_told_reporters(self):
        q = self.the_quote("\u201cThe water is rising,\u201d a witness told reporters.")
        self.assertEqual(q.speaker, "a witness")

    def test_according_to_after(self):
        q = self.the_quote('"The talks failed," according to Ana Ruiz.')
        self.assertEqual((q.speaker, q.cue), ("Ana Ruiz", "according to"))

    def test_the_anonymous_source_again(self):
        text = ('"I need more time," a senior ministry official said on Monday.\n\n'
                '"There are still inspections to pass," the official said.\n\n'
                '"He was taken into custody," a police spokeswoman said. '
                'The spokeswoman added: "No one was hurt."')
        self.assertEqual([q.speaker for q in extract(text)],
                         ["a senior ministry official", "a senior ministry official",
                          "a police spokeswoman", "a police spokeswoman"])

    def test_according_to_an_anonymous_source_after(self):
        q = self.the_quote('"The talks failed," according to a senior official.')
        self.assertEqual(q.speaker, "a senior official")

    def test_according_to_lower_case_before(self):
        text = 'The talks, according to Ana Ruiz, "failed on every point."'
        self.assertEqual(self.the_quote(text).speaker, "Ana Ruiz")

    def test_described_as(self):
        q = self.the_quote("Ana Ruiz described the plan as \u201ca step backwards\u201d.")
        self.assertEqual(q.speaker, "Ana Ruiz")

    def test_said_that_with_a_phrase_quoted(self):
        q = self.the_quote("Ana Ruiz said that the plan was \u201ca step forward\u201d.")
        self.assertEqual(q.speaker, "Ana Ruiz")


class Context(Base):
    """Rules that read beyond the quote's own sentence."""

    def test_colon_at_the_end_of_the_paragraph_before(self):
        text = "Ana Ruiz said in a statement:\n\n\u201cWe will appeal the ruling.\u201d"
        q = self.the_quote(text)
        self.assertEqual((q.speaker, q.method), ("Ana Ruiz", "colon_before"))

    def test_he_after_a_man_and_a_woman(self):
        text = ("Mr. Hale met Ana Ruiz at the port.\n\n"
                "\u201cWe have lost the contract,\u201d he said.")
        q = self.the_quote(text)
        self.assertEqual((q.speaker, q.mention, q.type), ("Mr. Hale", "he", "anaphoric"))

    def test_she_after_a_man_and_a_woman(self):
        text = ("Ana Ruiz met Mr. Hale at the port. Mr. Hale looked tired.\n\n"
                "\u201cWe have lost the contract,\u201d she said.")
        self.assertEqual(self.the_quote(text).speaker, "Ana Ruiz")

    def test_pronoun_after_the_same_speaker(self):
        self.assertEqual([q.speaker for q in extract('"Stay," Tom said.\n\n"Go," he said.')],
                         ["Tom", "Tom"])

    def test_continuation_in_the_same_paragraph(self):
        text = "\u201cWe are ready,\u201d Ana Ruiz said. \u201cThe ships leave at dawn.\u201d"
        found = extract(text)
        self.assertEqual([q.speaker for q in found], ["Ana Ruiz", "Ana Ruiz"])
        self.assertEqual(found[1].type, "implicit")

    def test_news_continuation_in_the_next_paragraph(self):
        text = ("\u201cWe are ready,\u201d Ana Ruiz said on Monday.\n\n"
                "\u201cThe ships leave at dawn, and the port will stay open.\u201d")
        self.assertEqual([q.speaker for q in extract(text)], ["Ana Ruiz", "Ana Ruiz"])

    def test_turn_taking(self):
        text = ("\u201cWhere have you been?\u201d asked Mary.\n\n"
                "\u201cAt the mill,\u201d replied John.\n\n"
                "\u201cAll day?\u201d\n\n"
                "\u201cAll day.\u201d\n\n"
                "\u201cThen you must be hungry.\u201d")
        found = extract(text)
        self.assertEqual([q.speaker for q in found], ["Mary", "John", "Mary", "John", "Mary"])
        self.assertEqual([q.type for q in found],
                         ["explicit", "explicit", "implicit", "implicit", "implicit"])

    def test_vocative_names_the_next_speaker(self):
        text = "\u201cIs that you, Tom?\u201d Mary whispered.\n\n\u201cYes, it is.\u201d"
        self.assert_speakers(text, [("\u201cIs that you, Tom?\u201d", "Mary"),
                                    ("\u201cYes, it is.\u201d", "Tom")])

    def test_vocative_with_an_honorific(self):
        text = ("\u201cAre you coming, Mr. Hale?\u201d Ana whispered.\n\n"
                "\u201cIn a minute.\u201d")
        self.assertEqual([q.speaker for q in extract(text)], ["Ana", "Mr. Hale"])

    def test_pet_name_is_the_person_named_in_full(self):
        text = ("Augustus Holt sat by the fire. Hattie came in with Mr. Penn.\n\n"
                "\u201cGus, who called yesterday?\u201d said Hattie.\n\n"
                "\u201cNobody at all.\u201d")
        found = extract(text)
        self.assertEqual([q.speaker for q in found], ["Hattie", "Augustus Holt"])

    def test_pet_name_gives_the_sex(self):
        self.assertEqual([quotes.gender_of(name) for name in ("Hattie", "Gus", "Kit", "Pat")],
                         ["f", "m", None, None])

    def test_the_voice_of_a_named_person(self):
        text = ("Ada sat by the stove, mending a shirt.\n\n"
                "\u201cIt will rain,\u201d she said to nobody.\n\n"
                "\u201cAre you up there?\u201d shouted the voice of Tom Hale from the landing.\n\n"
                "\u201cHere,\u201d said Ada.")
        self.assertEqual([q.speaker for q in extract(text)], ["Ada", "Tom Hale", "Ada"])

    def test_a_name_inside_a_quoted_quote_is_nobody_spoken_to(self):
        # Tom tells Ada what to say; he does not speak to Mr. Penn.
        text = ("\u201cAre we going home?\u201d Ada asked.\n\n"
                "\u201cFirst tell the driver \u2018Thank you, Mr. Penn,\u2019 like a good girl,\u201d"
                " said Tom Hale.\n\n"
                "\u201cMust I?\u201d")
        self.assertEqual([q.speaker for q in extract(text)], ["Ada", "Tom Hale", "Ada"])

    def test_pronouns_in_a_two_person_scene(self):
        text = ("Mary looked at John.\n\n\u201cYou are late,\u201d she said.\n\n"
                "\u201cI know,\u201d he replied.\n\n\u201cWhy?\u201d\n\n\u201cThe rain.\u201d")
        self.assertEqual([q.speaker for q in extract(text)], ["Mary", "John", "Mary", "John"])

    def test_narration_subject_next_to_the_quote(self):
        text = ("\u201cWhere is it?\u201d whispered Ana.\n\n"
                "Tom Pett looked up from his desk. \u201cIn the drawer.\u201d")
        found = extract(text)
        self.assertEqual([q.speaker for q in found], ["Ana", "Tom Pett"])
        self.assertEqual(found[1].type, "implicit")

    def test_i_said_without_a_narrator(self):
        q = self.the_quote("\u201cGo away,\u201d I said.")
        self.assertEqual(q.speaker, "the narrator")
        self.assertEqual(q.mention, "I")

    def test_nobody_named(self):
        q = self.the_quote("\u201cGo away,\u201d he said.")
        self.assertIsNone(q.speaker)


class Fields(Base):

    def test_types(self):
        text = ("Ana Ruiz met the press.\n\n"
                "\u201cWe are ready,\u201d Ana Ruiz said. \u201cThe ships are loaded.\u201d\n\n"
                "\u201cThey leave at dawn,\u201d she added.")
        self.assertEqual([q.type for q in extract(text)], ["explicit", "implicit", "anaphoric"])

    def test_confidence_between_zero_and_one(self):
        texts = ['"We are ready," Ana Ruiz said.', "\u201cGo away,\u201d I said.",
                 "\u201cWhere?\u201d asked Mary.\n\n\u201cHere,\u201d replied John.\n\n\u201cWhy?\u201d",
                 'He wrote "no" and left.', '"The talks failed," a senior official said.']
        for text in texts:
            for q in extract(text):
                with self.subTest(text=text, quote=q.text):
                    self.assertGreaterEqual(q.confidence, 0.0)
                    self.assertLessEqual(q.confidence, 1.0)

    def test_explicit_more_confident_than_implicit(self):
        text = ("\u201cWhere have you been?\u201d asked Mary.\n\n\u201cAt the mill,\u201d replied John."
                "\n\n\u201cAll day?\u201d")
        found = extract(text)
        self.assertGreater(found[0].confidence, found[2].confidence)

    def test_streaming_gives_the_same_speakers(self):
        text = ("\u201cWhere have you been?\u201d asked Mary.\n\n\u201cAt the mill,\u201d replied John."
                "\n\n\u201cAll day?\u201d")
        extractor = Extractor()
        found = []
        for at in range(0, len(text), 7):
            found.extend(extractor.feed(text[at:at + 7]))
        found.extend(extractor.feed("", final=True))
        self.assertEqual(found, extract(text))

    def test_a_pause_gives_out_the_quotes_held_for_the_genre(self):
        extractor = Extractor()
        self.assertEqual(extractor.feed("\u201cAre you there?\u201d Ana Ruiz asked.\n\n"), [])
        self.assertEqual([q.speaker for q in extractor.pause()], ["Ana Ruiz"])
        self.assertEqual([q.speaker for q in extractor.feed("\u201cYes,\u201d said Tom.\n\n")],
                         ["Tom"])


# --------------------------------------------------------------------------
# Harder cases.  Each expectation is what a careful reader would mark; where
# the tool still falls short, the comment says what it does instead.
# --------------------------------------------------------------------------

class HarderCases(Base):
    """Cases past the simple rules; those the tool still gets wrong are
    marked expectedFailure with what goes wrong."""

    def test_rock_n_roll_inside_single_quoted_speech(self):
        text = "'I love rock 'n' roll,' she said."
        self.assert_spans(text, ["'I love rock 'n' roll,'"])

    def test_according_to_at_the_start_of_the_sentence(self):
        q = self.the_quote('According to a senior official, "the talks failed."')
        self.assertEqual(q.speaker, "a senior official")

    def test_the_ministry_after_its_full_name(self):
        text = ("\u201cPrices will rise,\u201d the Ministry of Finance said.\n\n"
                "\u201cWages will not,\u201d the ministry added.")
        self.assertEqual([q.speaker for q in extract(text)],
                         ["Ministry of Finance", "Ministry of Finance"])

    def test_the_doctor_after_dr_full_name(self):
        text = "Dr. Ana Ruiz examined the boy.\n\n\u201cHe will live,\u201d the doctor said."
        self.assertEqual(self.the_quote(text).speaker, "Ana Ruiz")

    def test_anonymous_source_with_an_unlisted_noun(self):
        q = self.the_quote("\u201cThe nets are empty,\u201d a local fisherman said.")
        self.assertEqual(q.speaker, "a local fisherman")

    # Dash dialogue written one line per turn, with no blank lines, is read
    # as one hard-wrapped paragraph: the second line's dash is not seen and
    # only "—¿Vienes?" is found.
    @unittest.expectedFailure
    def test_dash_dialogue_one_turn_per_line(self):
        text = "\u2014\u00bfVienes? \u2014pregunt\u00f3 Ana.\n\u2014No \u2014dijo Tom.\n"
        self.assert_speakers(text, [("\u2014\u00bfVienes?", "Ana"), ("\u2014No", "Tom")])

    # French dash dialogue puts the incise after the words without a
    # second dash; the span runs to the end of the paragraph, taking
    # "demanda Marie." as speech, and no speaker is found.
    @unittest.expectedFailure
    def test_french_dash_dialogue_incise(self):
        text = "\u2014 Tu viens\u00a0? demanda Marie."
        q = self.the_quote(text)
        self.assertEqual((q.text, q.speaker), ("Tu viens\u00a0?", "Marie"))


    def test_capitalised_word_that_is_no_name_is_no_speaker(self):
        text = ("\u201cIs anyone home?\u201d Ana whispered.\n\n"
                "\u201cHello?\u201d Nothing moved in the hall.")
        self.assertIn(extract(text)[1].speaker, ("Ana", None))

    def test_nobody_answered_names_no_speaker(self):
        self.assertIsNone(self.the_quote("\u201cHello?\u201d Nobody answered.").speaker)


class FictionCues(Base):
    """Rules for stories; a hard-wrapped paragraph marks the text as one."""

    STORY = "It was late in the\nautumn, and the wind was up.\n\n"

    def test_the_unnamed_narrator_takes_turns(self):
        text = (self.STORY + "\u201cIs it far to the mill?\u201d asked Tom Pike.\n\n"
                "\u201cTen miles,\u201d I said.\n\n"
                "\u201cToo far for me.\u201d\n\n"
                "\u201cThen stay the night.\u201d")
        self.assertEqual([q.speaker for q in extract(text)],
                         ["Tom Pike", "the narrator", "Tom Pike", "the narrator"])

    def test_the_unnamed_narrator_is_never_they(self):
        text = (self.STORY + "\u201cTen miles,\u201d I said.\n\n"
                "The wind rose. They walked on. \u201cWe shall be late.\u201d")
        self.assertNotEqual(extract(text)[-1].speaker, "the narrator")

    def test_a_name_that_is_also_a_word_right_after_the_verb(self):
        text = (self.STORY + "\u201cYou are late,\u201d said Will, smiling.\n\n"
                "\u201cThe train was slow,\u201d said May. \u201cIt always is.\u201d\n\n"
                "\u201cI know it,\u201d remarked Hope.")
        self.assertEqual([q.speaker for q in extract(text)], ["Will", "May", "May", "Hope"])

    def test_a_calling_placed_in_the_room_is_the_one_who_answers(self):
        text = (self.STORY + "Nell Greave stood behind the counter. The stranger by the fire "
                "had not spoken since he came in.\n\n"
                "\u201cYou will be wanting a room, sir?\u201d she asked at last.\n\n"
                "\u201cIf you have one.\u201d")
        self.assertEqual([q.speaker for q in extract(text)], ["Nell Greave", "stranger"])

    def test_mother_spoken_to_is_the_mother_of_the_scene(self):
        text = (self.STORY + "Anna Birch read the letter twice.\n\n"
                "\u201cFelix is coming home,\u201d she said.\n\n"
                "Mrs. Birch put down her knitting. \u201cWhen?\u201d\n\n"
                "\u201cOn Saturday, Mother. He says he has news.\u201d\n\n"
                "\u201cThat boy always has news.\u201d")
        self.assertEqual([q.speaker for q in extract(text)],
                         ["Anna Birch", "Mrs. Birch", "Anna Birch", "Mrs. Birch"])

    def test_participle_cue_after_a_relative_clause_and_an_adverb(self):
        text = (self.STORY + "Nell, who had been waiting all morning, at once rose from her "
                "chair, exclaiming: \u201cThere you are at last!\u201d")
        self.assertEqual(self.the_quote(text).speaker, "Nell")

    def test_her_husband_when_she_is_spoken_to_by_her_given_name(self):
        text = (self.STORY + "Tom Hale said he would rather stay and talk to Mrs. Pike.\n\n"
                "\u201cThen keep him company, Edna,\u201d said her husband.\n\n"
                "\u201cBack by eight?\u201d his wife asked as he went.")
        self.assertEqual([q.speaker for q in extract(text)], ["Mr. Pike", "Mrs. Pike"])

    def test_given_names_of_older_novels_give_a_sex(self):
        for names, pronoun, speaker in (("Lily and Felix", "she", "Lily"),
                                        ("Felix and Lily", "he", "Felix"),
                                        ("Ezra and Hetty", "she", "Hetty")):
            text = (self.STORY + "%s came in from the garden.\n\n"
                    "\u201cIt is going to rain,\u201d %s said." % (names, pronoun))
            self.assertEqual(self.the_quote(text).speaker, speaker)

    def test_the_narrators_kin_and_the_narrator_talk(self):
        text = (self.STORY + "I found my uncle in the shed, mending a net. He kept at it "
                "when I came in.\n\n"
                "\u201cYou are late,\u201d he said.\n\n"
                "\u201cThe bus was slow.\u201d\n\n"
                "\u201cBuses are always slow.\u201d\n\n"
                "\u201cIs there any tea?\u201d\n\n"
                "\u201cThere is always tea,\u201d said my uncle.")
        self.assertEqual([q.speaker for q in extract(text)],
                         ["my uncle", "the narrator", "my uncle", "the narrator", "my uncle"])

    def test_the_narrators_aunt_named_when_spoken_to(self):
        text = (self.STORY + "When I reached the farm, my aunt was waiting at the gate, and I let "
                "her take my bag.\n\n"
                "\u201cYou have grown,\u201d she said.\n\n"
                "\u201cOnly a little, Aunt Sarah.\u201d\n\n"
                "\u201cEnough to need new coats,\u201d said my aunt.")
        self.assertEqual([q.speaker for q in extract(text)], ["my aunt", "the narrator", "Aunt Sarah"])

    def test_kin_before_a_name_gives_its_sex(self):
        text = (self.STORY + "Anna Birch had not seen her brother Felix for a year. "
                "Felix came up the road in a cart, thinner than Anna remembered.\n\n"
                "\u201cI am home,\u201d he said.")
        self.assertEqual(self.the_quote(text).speaker, "Felix")

    def test_someone_new_described_and_then_named_by_themselves(self):
        text = (self.STORY + "A tall man in an oilskin stepped into the light. "
                "He looked me up and down.\n\n"
                "\u201cYou came in this weather?\u201d he said. "
                "\u201cI\u2019m Peters. I keep the light.\u201d\n\n"
                "\u201cI did,\u201d I said.\n\n"
                "\u201cThen come up and get dry,\u201d he said.")
        self.assertEqual([q.speaker for q in extract(text)],
                         ["tall man", "tall man", "the narrator", "Peters"])

    def test_someone_described_answers_what_name(self):
        text = (self.STORY + "\u201cHow much for the lot?\u201d asked a gentleman with an umbrella.\n\n"
                "\u201cTwo shillings,\u201d said Sam.\n\n"
                "\u201cSend the bill to my rooms.\u201d\n\n"
                "\u201cYes, sir. What name?\u201d\n\n"
                "\u201cFenwick, above the chemist's.\u201d\n\n"
                "\u201cAnd mind the parcel,\u201d said the gentleman.")
        self.assertEqual([q.speaker for q in extract(text)][-2:], ["a gentleman", "Fenwick"])

    def test_a_name_spoken_to_in_the_first_part_of_a_split_quote(self):
        text = (self.STORY + "Nell, Ann and Tom Pike had walked up from the harbour.\n\n"
                "\u201cIs the cottage locked?\u201d asked Ann.\n\n"
                "\u201cTom!\u201d Nell called, \u201cI have found the key at last. "
                "Will you open the door for me?\u201d\n\n"
                "\u201cGladly.\u201d")
        self.assertEqual(extract(text)[-1].speaker, "Tom Pike")

    def test_an_adverb_after_the_name_of_the_speaker(self):
        for adverb in ("aloud", "again", "at last"):
            q = self.the_quote(self.STORY + "\u201cThe key is lost,\u201d said Nell %s." % adverb)
            self.assertEqual((q.speaker, q.mention, q.method), ("Nell", "Nell", "cue_after"))

    def test_speech_over_paragraphs_after_narration(self):
        text = (self.STORY + "Tom cleared his throat.\n\n"
                "\u201cI was born in the mill.\n\n"
                "\u201cAnd so was my father.\u201d")
        self.assertEqual([q.speaker for q in extract(text)], ["Tom"])

    def test_the_one_a_quote_speaks_to_is_not_its_speaker(self):
        text = (self.STORY + "Ann and Tom sat in the kitchen.\n\n"
                "\u201cTom, where were you?\u201d\n\n"
                "\u201cAt the mill,\u201d said Tom.")
        self.assertEqual([q.speaker for q in extract(text)], ["Ann", "Tom"])

    def test_a_name_the_text_gives_as_another(self):
        text = (self.STORY + "Elizabeth Varden, whom everyone called Lizzy, came in from the rain.\n\n"
                "\u201cI am soaked,\u201d said Lizzy.")
        self.assertEqual([q.speaker for q in extract(text)], ["Elizabeth Varden"])

    def test_a_group_without_an_article(self):
        text = (self.STORY + "Tom ran to the door.\n\n"
                "\u201cStop there!\u201d police shouted.\n\n"
                "\u201cRun!\u201d cried Tom.")
        self.assertEqual([q.speaker for q in extract(text)], ["police", "Tom"])

    def test_a_word_opening_narration_is_nobody_her_pronoun_means(self):
        text = (self.STORY + "Smoke drifted from the chimneys of the farm.\n\n"
                "Later Tom Pike went in to his mother and spoke:\n\n"
                "\u201cI am going to the war.\u201d\n\n"
                "\u201cDon't be a fool, Tom,\u201d his mother replied.")
        self.assertEqual(extract(text)[-1].speaker, "his mother")

    def test_a_preposition_opening_a_sentence_is_no_name(self):
        text = (self.STORY + "\u201cIs it far?\u201d asked Ann Lowe.\n\n"
                "\u201cNot far,\u201d said Tom Pike. He was tired. Beneath its shelter "
                "were his wife and young Ned.\n\n"
                "\u201cToo hot for walking,\u201d he added.")
        self.assertEqual(extract(text)[-1].speaker, "Tom Pike")

    def test_another_alone_after_the_verb_speaks(self):
        text = (self.STORY + "Three men came in from the rain.\n\n"
                "\u201cWet enough,\u201d said one. \u201cAnd cold.\u201d\n\n"
                "\u201cLight the fire,\u201d said another.")
        self.assertEqual([q.speaker for q in extract(text)], ["one", "one", "another"])

    def test_a_voice_said_to_be_someones_is_theirs(self):
        text = (self.STORY + "Tom Pike knocked at the door of the office.\n\n"
                "\u201cCome in,\u201d called a woman's voice.")
        self.assertEqual(extract(text)[-1].speaker, "a woman")

    def test_she_after_then_in_the_narration_next_to_the_quote(self):
        text = (self.STORY + "\u201cWhere have you been?\u201d asked Tom Pike.\n\n"
                "\u201cOut,\u201d said Ann Lowe.\n\n"
                "\u201cIn the rain?\u201d asked Tom. \u201cWithout a coat?\u201d\n\n"
                "Tom Pike went to the window and looked out.\n\n"
                "\u201cYes.\u201d Then she shook out her wet shawl.")
        self.assertEqual(extract(text)[-1].speaker, "Ann Lowe")

    def test_a_town_followed_by_she_is_no_woman(self):
        text = (self.STORY + "Ann Lowe sat in the train and looked out.\n\n"
                "Her home was behind her now. Mill City was not so far away, even once "
                "she was in the capital.\n\n"
                "\u201cIs it far?\u201d she asked the guard.")
        self.assertEqual(extract(text)[-1].speaker, "Ann Lowe")

    def test_he_after_the_doctor_did_something_is_the_doctor(self):
        text = (self.STORY + "\u201cMy girl is ill,\u201d said Tom Pike. \u201cCome quickly.\u201d\n\n"
                "Dr. Lowell took his bag and they walked to the farm. Tom Pike went in "
                "first. The doctor shut the door behind them. \u201cWhere is she?\u201d "
                "he asked.")
        self.assertEqual(extract(text)[-1].speaker, "Dr. Lowell")

    def test_any_description_after_the_verb_speaks(self):
        text = (self.STORY + "The boat bumped against the jetty.\n\n"
                "\u201cMind the rope,\u201d called the ferryman's boy, jumping ashore.")
        self.assertEqual(extract(text)[0].speaker, "ferryman's boy")

    def test_degree_adverb_after_the_name(self):
        text = "\u201cNot yet,\u201d said Mrs. Penrose very quietly."
        self.assertEqual(extract(text)[0].speaker, "Mrs. Penrose")

    def test_whom_the_cue_names_answers_with_a_pronoun(self):
        text = (self.STORY + "Tom and Harriet sat by the fire with old Mr. Quill.\n\n"
                "\u201cIs the post in?\u201d asked Mr. Quill, turning to Tom.\n\n"
                "\u201cNot till noon,\u201d he said.")
        self.assertEqual(extract(text)[1].speaker, "Tom")

    def test_subject_of_a_sentence_ending_with_the_cue(self):
        text = self.STORY + "Harriet put down her cup, looked at the clock, and said, \u201cWe are late.\u201d"
        self.assertEqual(extract(text)[0].speaker, "Harriet")

    def test_an_epithet_before_a_title_keeps_its_sex(self):
        text = (self.STORY + "Old Mr. Fennick watched her knitting by the stove.\n\n"
                "\u201cCold tonight,\u201d he said.")
        self.assertEqual(extract(text)[0].speaker, "Old Mr. Fennick")

    def test_a_name_before_a_dash_is_spoken_to(self):
        text = (self.STORY + "Tom Pike and Walter Brill stood at the gate with Harriet.\n\n"
                "\u201cThe road is flooded,\u201d said Tom.\n\n"
                "\u201cDon't believe him, Walter--he always says so.\u201d\n\n"
                "\u201cI believe nobody,\u201d he answered.")
        self.assertEqual([q.speaker for q in extract(text)], ["Tom Pike", "Harriet", "Walter Brill"])

    def test_a_name_after_an_interjection_is_spoken_to(self):
        text = (self.STORY + "Tom Pike and Walter Brill stood at the gate with Harriet.\n\n"
                "\u201cThe road is flooded,\u201d said Tom.\n\n"
                "\u201cOh! Walter!\u201d cried Harriet.\n\n"
                "\u201cI believe nobody,\u201d he answered.")
        self.assertEqual(extract(text)[2].speaker, "Walter Brill")

    def test_a_calling_that_narration_makes_a_subject_is_he(self):
        text = (self.STORY + "Tom Pike sat down at the corner table and asked for the bill.\n\n"
                "\u201cYou are not staying?\u201d said Harriet.\n\n"
                "\u201cNot tonight,\u201d said Tom.\n\n"
                "The old waiter shook his head over the coins.\n\n"
                "\u201cThat is not enough, sir,\u201d he said.")
        self.assertEqual(extract(text)[2].speaker, "old waiter")

    def test_an_irregular_verb_makes_a_name_the_subject(self):
        text = (self.STORY + "Tom Pike and Walter Brill waited at the gate with Harriet.\n\n"
                "\u201cThe road is flooded,\u201d said Tom.\n\n"
                "Walter cast a look at the river and shook his head.\n\n"
                "\u201cIt was dry this morning,\u201d he said.")
        self.assertEqual(extract(text)[1].speaker, "Walter Brill")

    def test_a_name_that_the_next_sentence_takes_up_with_she(self):
        text = (self.STORY + "\u201cWe must hurry,\u201d said Tom Pike.\n\n"
                "Harriet Vane looked out at the rain. \u201cIt is wet,\u201d she murmured. "
                "The post had brought a letter for Nora Pell. But she would not open it. "
                "\u201cTake it back,\u201d she said.")
        self.assertEqual(extract(text)[2].speaker, "Nora Pell")

    def test_a_possessive_name_with_a_face_is_the_subject(self):
        text = (self.STORY + "\u201cYou will not go?\u201d asked Harriet Vane.\n\n"
                "\u201cNo,\u201d said Nora Pell.\n\n"
                "Harriet looked away; but Nora's face was calm.\n\n"
                "\u201cI shall stay here,\u201d she said.")
        self.assertEqual(extract(text)[2].speaker, "Nora Pell")

    def test_a_double_hyphen_ends_a_name(self):
        text = (self.STORY + "\u201cSit down,\u201d said Tom Pike.\n\n"
                "\u201cThank you,\u201d said Ann Reed--\u201cI am tired.\u201d")
        self.assertEqual([q.speaker for q in extract(text)], ["Tom Pike", "Ann Reed", "Ann Reed"])

    def test_a_street_is_no_woman(self):
        text = (self.STORY + "\u201cWe are late,\u201d said Ann Reed to Tom Pike.\n\n"
                "Mill Lane was dark when she reached it.\n\n"
                "\u201cIt will not stop,\u201d she said.")
        self.assertEqual(extract(text)[1].speaker, "Ann Reed")

    def test_dear_is_no_part_of_the_name_spoken_to(self):
        text = (self.STORY + "\u201cDear Mrs. Quill, you are welcome,\u201d said Tom Pike.\n\n"
                "\u201cThank you,\u201d she said.")
        self.assertEqual(extract(text)[1].speaker, "Mrs. Quill")

    def test_two_capitalised_words_get_a_sex_only_from_his_or_her_own(self):
        text = (self.STORY + "\u201cWe must go,\u201d said Ann Reed to Tom Pike.\n\n"
                "The Harvest Moon rose over the hill and he watched it.\n\n"
                "\u201cIt is late,\u201d he said.")
        self.assertEqual(extract(text)[1].speaker, "Tom Pike")

    def test_an_adverb_opening_a_sentence_is_nobody(self):
        text = (self.STORY + "\u201cWe must go,\u201d said Ann Reed to Tom Pike.\n\n"
                "Never had his coat looked so thin.\n\n"
                "\u201cIt is cold.\u201d")
        self.assertNotEqual(extract(text)[1].speaker, "Never")

    def test_without_ends_a_description(self):
        text = (self.STORY + "\u201cIs it far?\u201d asked Tom Pike.\n\n"
                "\u201cNot far,\u201d said Ann Reed.\n\n"
                "\u201cThen we walk,\u201d said the other without looking up.")
        self.assertEqual(extract(text)[2].speaker, "Tom Pike")

    def test_the_latter_is_the_second_of_the_two_named_last(self):
        text = (self.STORY + "Tom Pike came in with Ann Reed.\n\n"
                "\u201cGood evening,\u201d said the latter.\n\n"
                "\u201cGood evening,\u201d said the former.")
        self.assertEqual([q.speaker for q in extract(text)], ["Ann Reed", "Tom Pike"])

    def test_her_mother_is_the_mrs_of_the_talk_when_she_has_no_surname(self):
        text = (self.STORY + "\u201cWhere is my hat?\u201d asked Mrs. Quill.\n\n"
                "\u201cOn the peg,\u201d said Kitty to Jane.\n\n"
                "\u201cIt is not,\u201d said Jane.\n\n"
                "\u201cThen fetch it,\u201d said her mother.")
        self.assertEqual(extract(text)[3].speaker, "Mrs. Quill")

    def test_he_replied_is_one_of_the_talk(self):
        text = (self.STORY + "\u201cWill you come?\u201d asked Tom Pike.\n\n"
                "\u201cPerhaps,\u201d said Ann Reed. Walter Brill was in her thoughts.\n\n"
                "\u201cThen I shall wait,\u201d he replied.")
        self.assertEqual(extract(text)[2].speaker, "Tom Pike")

    def test_he_goes_on_when_the_others_are_women_or_unknown(self):
        text = (self.STORY + "Walter Brill had gone home early.\n\n"
                "\u201cCome here,\u201d said Ann Reed.\n\n"
                "\u201cWhat is it?\u201d we asked.\n\n"
                "\u201cWait for me,\u201d said Tom Pike.\n\n"
                "\u201cI am coming,\u201d he said.")
        self.assertEqual(extract(text)[3].speaker, "Tom Pike")

    def test_a_description_with_its_phrase_is_one_person(self):
        text = (self.STORY + "\u201cOpen the gate,\u201d said the man with the grey hat.\n\n"
                "\u201cNot for you,\u201d replied Tom Pike.\n\n"
                "\u201cThen I will climb it,\u201d said the man.")
        self.assertEqual([q.speaker for q in extract(text)],
                         ["man with the grey hat", "Tom Pike", "man with the grey hat"])

    def test_the_old_gentleman_twice_is_one_person(self):
        text = (self.STORY + "Tom Pike and Ann Lowe met the old gentleman at the inn.\n\n"
                "\u201cYou are welcome,\u201d said the old gentleman.\n\n"
                "\u201cThank you,\u201d said Ann.\n\n"
                "\u201cSit by the fire,\u201d said the old gentleman.")
        found = extract(text)
        self.assertEqual(found[2].speaker, found[0].speaker)

    def test_a_title_noun_means_who_bears_the_title(self):
        text = (self.STORY + "Count Alvaro bowed to Ann and Tom.\n\n"
                "\u201cThe roads are bad,\u201d said Tom.\n\n"
                "\u201cThey are worse in winter,\u201d said the count.")
        self.assertEqual(extract(text)[1].speaker, "Count Alvaro")

    def test_a_speaker_only_described_takes_turns(self):
        text = (self.STORY + "\u201cWho is there?\u201d asked the porter.\n\n"
                "\u201cA friend,\u201d said Tom Pike.\n\n"
                "\u201cAt this hour?\u201d\n\n"
                "\u201cAt any hour.\u201d")
        self.assertEqual([q.speaker for q in extract(text)],
                         ["porter", "Tom Pike", "porter", "Tom Pike"])

    def test_the_narrator_is_whom_the_others_address(self):
        text = (self.STORY + "Tom Pike came in from the yard.\n\n"
                "\u201cYou look tired, Ned,\u201d said Tom.\n\n"
                "\u201cI am,\u201d I said. \u201cThe road was long.\u201d\n\n"
                "\u201cSit down, Ned,\u201d he said.\n\n"
                "\u201cThank you,\u201d I said.")
        self.assertEqual([q.speaker for q in extract(text)],
                         ["Tom Pike", "Ned", "Ned", "Tom Pike", "Ned"])

    def test_the_narrator_is_whom_an_unknown_speaker_addresses(self):
        text = (self.STORY + "\u201cMarriage suits you, Ned,\u201d he remarked.\n\n"
                "\u201cThank you,\u201d I answered.")
        self.assertEqual(extract(text)[-1].speaker, "Ned")

    def test_the_narrator_is_never_he(self):
        text = (self.STORY + "\u201cWell, Ned?\u201d asked Tom Pike.\n\n"
                "\u201cNot yet,\u201d I said.\n\n"
                "\u201cWhy not, Ned?\u201d he said.")
        self.assertEqual(extract(text)[-1].speaker, "Tom Pike")

    def test_a_reply_to_a_known_speaker_is_the_other_person_named(self):
        text = (self.STORY + "Ann Lowe met the new vicar, Mr. Crane, at the gate.\n\n"
                "\u201cGood morning,\u201d said Ann.\n\n"
                "\u201cA fine one.\u201d")
        self.assertEqual(extract(text)[-1].speaker, "Mr. Crane")

    def test_he_after_a_paragraph_about_someone_else(self):
        text = (self.STORY + "\u201cYou were there, Mr. Hale,\u201d said Tom Pike.\n\n"
                "Mr. Hale shook his head slowly.\n\n"
                "\u201cNever,\u201d he murmured.")
        self.assertEqual(extract(text)[-1].speaker, "Mr. Hale")

    def test_subject_with_a_phrase_before_its_verb(self):
        text = (self.STORY + "\u201cGood night,\u201d said Tom Pike, and went out.\n\n"
                "Mr. Hale, instead of leaving with him, sat down again.\n\n"
                "\u201cShe sings well,\u201d he said.")
        self.assertEqual(extract(text)[-1].speaker, "Mr. Hale")

    def test_his_wife_bears_his_surname(self):
        text = (self.STORY + "Mr. Tapley and Mrs. Tapley sat with Ann Lowe. Ann Lowe smiled.\n\n"
                "\u201cIt is late, my dear Mr. Tapley,\u201d said his wife.")
        self.assertEqual(extract(text)[-1].speaker, "Mrs. Tapley")

    def test_he_is_a_person_not_a_place(self):
        text = (self.STORY + "Tom Pike walked on to the bridge.\n\n"
                "Geneva lies by a lake.\n\n"
                "\u201cA fine view,\u201d he said.")
        self.assertEqual(extract(text)[-1].speaker, "Tom Pike")

    def test_how_a_described_speaker_spoke_is_not_part_of_them(self):
        text = (self.STORY + "\u201cMay I go?\u201d asked the boy.\n\n"
                "\u201cNo,\u201d said Tom Pike.\n\n"
                "\u201cI shall go anyway,\u201d said the boy complacently.")
        self.assertEqual(extract(text)[-1].speaker, "boy")

    def test_the_narrator_is_never_he_even_alone_with_one_other(self):
        text = (self.STORY + "\u201cCome in, Ned,\u201d said Holm.\n\n"
                "\u201cThank you,\u201d I said, and sat down by Holm.\n\n"
                "\u201cYou are wet,\u201d he remarked.")
        self.assertEqual(extract(text)[-1].speaker, "Holm")

    def test_who_acts_after_the_last_quote_speaks_next(self):
        text = (self.STORY + "\u201cWhere were you?\u201d asked Ann.\n\n"
                "\u201cOut,\u201d said Tom.\n\n"
                "\u201cOut where?\u201d asked Ann. Mr. Hale looked up from his paper.\n\n"
                "\u201cLet the boy be.\u201d")
        self.assertEqual(extract(text)[-1].speaker, "Mr. Hale")

    def test_a_pronoun_after_a_subject_gives_its_sex(self):
        text = (self.STORY + "Winslow shook his head at Ann Lowe and Tom Pike.\n\n"
                "\u201cNo,\u201d said Ann.\n\n"
                "\u201cNever,\u201d said Tom.\n\n"
                "Ann looked at the door. Winslow opened his book.\n\n"
                "\u201cWhy not?\u201d she asked.")
        self.assertEqual(extract(text)[-1].speaker, "Ann Lowe")

    def test_a_description_opening_a_sentence_that_ends_with_the_cue(self):
        text = (self.STORY + "\u201cWho is there?\u201d asked the porter.\n\n"
                "\u201cA friend,\u201d said Tom Pike.\n\n"
                "The porter put down his lamp, looked at the gate, and said, \u201cCome in.\u201d")
        self.assertEqual(extract(text)[-1].speaker, "porter")

    def test_the_other_is_the_one_who_did_not_speak_last(self):
        text = (self.STORY + "\u201cIs it far?\u201d asked Ann Lowe.\n\n"
                "\u201cTwo miles,\u201d said Tom Pike. Mr. Hale nodded.\n\n"
                "\u201cThen we walk,\u201d said the other.")
        self.assertEqual(extract(text)[-1].speaker, "Ann Lowe")

    def test_the_other_is_not_the_one_the_narration_just_followed(self):
        text = (self.STORY + "\u201cThe bridge is down,\u201d said Ned Varley.\n\n"
                "\u201cSince when?\u201d asked Jo Crane.\n\n"
                "Jo Crane pulled her scarf tighter against the sleet.\n\n"
                "\u201cSince the flood on Monday,\u201d said the other.")
        self.assertEqual(extract(text)[-1].speaker, "Ned Varley")

    def test_a_pronoun_that_came_before_a_name_goes_on_about_someone_else(self):
        text = (self.STORY + "\u201cThe kettle is on,\u201d said Nell Shaw.\n\n"
                "\u201cGood,\u201d said Tom Pike.\n\n"
                "When she had poured the tea, she spoke of Ada Marsh and the fire at the mill. "
                "At last she said, \u201cNobody saw it start.\u201d")
        self.assertEqual(extract(text)[-1].speaker, "Nell Shaw")

    def test_a_pronoun_chain_through_the_paragraph_before_passes_a_name_by(self):
        text = (self.STORY + "\u201cThe kettle is on,\u201d said Nell Shaw.\n\n"
                "\u201cGood,\u201d said Tom Pike.\n\n"
                "She poured the tea and told him about Ada Marsh and the fire, "
                "and then she was quiet for a while.\n\n"
                "\u201cNobody saw it start,\u201d she said.")
        self.assertEqual(extract(text)[-1].speaker, "Nell Shaw")

    def test_whom_the_speaker_turns_to_answers(self):
        text = (self.STORY + "\u201cPlenty of rain,\u201d said Mrs. Hale.\n\n"
                "Tom Pike bent towards Ann Lowe and said:\n\n"
                "\u201cIt seemed dreadful to me.\u201d\n\n"
                "\u201cI am so sorry.\u201d")
        self.assertEqual(extract(text)[-1].speaker, "Ann Lowe")

    def test_in_a_story_told_by_i_the_narrator_answers(self):
        text = (self.STORY + "\u201cHello, Ned,\u201d said Ann Lowe.\n\n"
                "\u201cHello,\u201d I said.\n\n"
                "\u201cGoodbye,\u201d said Ann.\n\n"
                "Ann left, and Bill came in.\n\n"
                "\u201cCold out,\u201d Bill said.\n\n"
                "\u201cVery,\u201d Bill said again.\n\n"
                "\u201cThen stay in.\u201d")
        self.assertEqual(extract(text)[-1].speaker, "Ned")

    def test_when_one_speaks_twice_the_other_in_the_scene_answers(self):
        text = (self.STORY + "\u201cIs it late?\u201d asked Ann Lowe.\n\n"
                "\u201cNot yet,\u201d said Tom Pike, and went out.\n\n"
                "Ann sat down by Jane and took her hand.\n\n"
                "\u201cHe is kind,\u201d said Jane.\n\n"
                "\u201cAnd clever,\u201d Jane added.\n\n"
                "\u201cYou like him.\u201d")
        self.assertEqual(extract(text)[-1].speaker, "Ann Lowe")

    def test_she_who_acts_after_the_last_quote_speaks(self):
        text = (self.STORY + "\u201cGood evening,\u201d said Mrs. Hale.\n\n"
                "\u201cWhere is the key?\u201d asked Tom Pike. Ann Lowe smiled at him.\n\n"
                "\u201cHere,\u201d she said.")
        self.assertEqual(extract(text)[-1].speaker, "Ann Lowe")

    def test_maam_is_no_name(self):
        text = (self.STORY + "\u201cIs the room ready?\u201d asked Mrs. Hale.\n\n"
                "\u201cYes, Ma'am,\u201d said Tom Pike.\n\n"
                "\u201cThen show me.\u201d")
        self.assertEqual(extract(text)[-1].speaker, "Mrs. Hale")

    def test_a_thing_named_next_to_a_quote_does_not_speak(self):
        text = (self.STORY + "Saturn lay on the grass by the net.\n\n"
                "\u201cWhere is the ball?\u201d asked Tom Pike.\n\n"
                "\u201cThere,\u201d said Ann Lowe.\n\n"
                "Saturn rolled away. \u201cFetch it, then.\u201d")
        self.assertNotEqual(extract(text)[-1].speaker, "Saturn")

    def test_the_one_spoken_to_does_not_take_the_turn(self):
        text = (self.STORY + "\u201cWhere were you?\u201d asked Ann.\n\n"
                "\u201cOut,\u201d said Tom.\n\n"
                "\u201cOut where?\u201d asked Ann.\n\n"
                "\u201cAt the mill,\u201d said Tom.\n\n"
                "Ann turned to the window.\n\n"
                "\u201cIt is raining, Tom.\u201d")
        self.assertEqual(extract(text)[-1].speaker, "Ann")

    def test_the_doctor_is_the_surgeon_named_with_his_calling(self):
        text = (self.STORY + "The doctor came in. \u201cWhere is the boy?\u201d asked the doctor.\n\n"
                "Mr. Tapley, a surgeon of the town, had known the family for years.\n\n"
                "\u201cUpstairs,\u201d said Ann Lowe.\n\n"
                "\u201cThen I will see him,\u201d said the doctor.")
        self.assertEqual(extract(text)[-1].speaker, "Mr. Tapley")

    def test_she_who_speaks_to_someone_is_not_that_one(self):
        text = (self.STORY + "Ann Lowe and Mary Pike sat by the fire. Mary Pike put down her cup.\n\n"
                "\u201cIt is late,\u201d she said to Mary Pike.")
        self.assertEqual(extract(text)[-1].speaker, "Ann Lowe")

    def test_he_is_the_one_named_when_no_man_was_ever_a_subject(self):
        text = (self.STORY + "I had not seen Pike for a year. The door opened.\n\n"
                "\u201cMy dear Pike,\u201d said I, \u201cyou look well.\u201d\n\n"
                "\u201cIt is the sea air,\u201d said he.")
        self.assertEqual(extract(text)[-1].speaker, "Pike")

    def test_whom_i_speak_to_is_not_the_narrator(self):
        text = (self.STORY + "\u201cWell, Pike,\u201d said I, \u201cwhat now?\u201d\n\n"
                "\u201cNow we wait,\u201d he said.\n\n"
                "\u201cFor how long?\u201d I said.")
        self.assertNotEqual(extract(text)[-1].speaker, "Pike")

    def test_his_wife_is_the_mrs_of_his_surname_before_she_is_named(self):
        text = (self.STORY + "\u201cWell, Mr. Tapley?\u201d said his wife.\n\n"
                "\u201cWell what?\u201d said he.\n\n"
                "\u201cThe rent is due,\u201d said Mrs. Tapley.")
        self.assertEqual(extract(text)[0].speaker, "Mrs. Tapley")

    def test_miss_and_a_given_name_give_no_surname(self):
        text = (self.STORY + "\u201cAre you ready, Miss Ann?\u201d said her husband.")
        self.assertNotEqual(extract(text)[-1].speaker, "Mr. Ann")

    def test_a_verb_no_list_knows_before_a_name_after_a_quote(self):
        text = (self.STORY + "Mary Pike and Ann Lowe stood at the gate with Tom.\n\n"
                "\u201cWhere is the key?\u201d asked Tom.\n\n"
                "\u201cYou have lost it!\u201d spluttered Mary. \u201cAgain!\u201d")
        self.assertEqual([q.speaker for q in extract(text)][1:], ["Mary Pike", "Mary Pike"])

    def test_a_past_tense_after_a_full_stop_is_no_cue(self):
        text = (self.STORY + "Tom Pike and Ann Lowe stood at the gate.\n\n"
                "\u201cThe key.\u201d Worried Ann looked round.")
        self.assertNotEqual(extract(text)[-1].method, "cue_after")

    def test_an_adverb_opening_a_sentence_is_no_speaker(self):
        text = (self.STORY + "Ann Lowe read the letter twice.\n\n"
                "Suddenly she looked up. \u201cThis is not his hand.\u201d")
        self.assertEqual(extract(text)[-1].speaker, "Ann Lowe")

    def test_he_after_a_man_talking_with_a_woman_goes_on(self):
        text = (self.STORY + "Tom Pike came in with Ned Hale and sat down.\n\n"
                "\u201cWhere is the key?\u201d asked Ann Lowe.\n\n"
                "\u201cIn the drawer,\u201d said Tom Pike.\n\n"
                "\u201cAnd the lamp is in the hall,\u201d he said.")
        self.assertEqual(extract(text)[-1].speaker, "Tom Pike")

    def test_a_word_opening_a_sentence_takes_no_sex_from_an_object_pronoun(self):
        text = (self.STORY + "Tom Pike sat by the fire with Ann Lowe.\n\n"
                "Winter had made him old. \u201cIt is cold,\u201d he said.")
        self.assertEqual(extract(text)[-1].speaker, "Tom Pike")

    def test_a_new_name_opening_a_sentence_takes_the_sex_of_its_own_pronoun(self):
        text = (self.STORY + "Ann Lowe came in with her brother.\n\n"
                "Quill shook his head. \u201cNot today,\u201d he said.")
        self.assertEqual(extract(text)[-1].speaker, "Quill")

    def test_a_title_alone_is_the_one_lately_named_with_it(self):
        text = (self.STORY + "Madame Duval poured the tea for Tom Pike.\n\n"
                "\u201cSugar?\u201d asked Madame.")
        self.assertEqual(extract(text)[-1].speaker, "Madame Duval")

    def test_her_companion_is_the_other_one_of_the_talk(self):
        text = (self.STORY + "Ann Lowe and Kate Hale walked down the lane.\n\n"
                "\u201cIt will rain,\u201d said Ann Lowe.\n\n"
                "\u201cNot before we reach home,\u201d said Kate Hale.\n\n"
                "\u201cYou always say so,\u201d said her companion.")
        self.assertEqual(extract(text)[-1].speaker, "Ann Lowe")

    def test_her_ladyship_is_the_one_named_lady(self):
        text = (self.STORY + "Lady Grange received Tom Pike in the library.\n\n"
                "\u201cYou are late,\u201d said her ladyship.")
        self.assertEqual(extract(text)[-1].speaker, "Lady Grange")

    def test_her_mother_is_not_the_daughter_who_just_spoke(self):
        text = (self.STORY + "Kate Hale sat sewing by the window.\n\n"
                "\u201cMay I go to the fair?\u201d asked Ann Lowe.\n\n"
                "\u201cNot alone,\u201d said her mother.")
        self.assertEqual(extract(text)[-1].speaker, "Kate Hale")

    def test_her_mother_is_not_the_woman_the_narration_is_about(self):
        text = (self.STORY + "Kate Hale sat sewing by the window.\n\n"
                "Ann Lowe came in. Ann put a basket on the table. "
                "\u201cIs that for me?\u201d asked her mother.")
        self.assertEqual(extract(text)[-1].speaker, "Kate Hale")

    def test_her_mother_is_the_only_mrs_when_the_girls_have_given_names(self):
        text = (self.STORY + "\u201cThe girls are out,\u201d said Mrs. Hale.\n\n"
                "\u201cThen we may have some peace,\u201d said Mr. Hale.\n\n"
                "The door opened, and in came the girls.\n\n"
                "\u201cKate has a cold,\u201d said her father.\n\n"
                "\u201cI have not,\u201d replied Kate. \u201cWhen is the dance, Jane?\u201d\n\n"
                "\u201cOn Friday.\u201d\n\n"
                "\u201cSo soon,\u201d cried her mother.")
        self.assertEqual(extract(text)[-1].speaker, "Mrs. Hale")

    def test_her_mother_is_the_mrs_who_just_came_in(self):
        text = (self.STORY + "Nora Vane sat by the fire with her cousin Hal.\n\n"
                "Mrs. Vane came in. \u201cWho left the door open?\u201d asked her mother.")
        self.assertEqual(extract(text)[-1].speaker, "Mrs. Vane")

    def test_mrs_of_a_surname_is_not_the_girl_of_that_surname(self):
        text = (self.STORY + "Nora Vane sat by the fire.\n\n"
                "\u201cCome to supper,\u201d said Mrs. Vane.")
        self.assertEqual(extract(text)[-1].speaker, "Mrs. Vane")

    def test_a_description_that_spoke_before_is_the_subject_of_the_narration(self):
        text = (self.STORY + "Dr. Avery came up to see Mr. Wren.\n\n"
                "\u201cHow did you sleep?\u201d asked the doctor.\n\n"
                "\u201cBadly,\u201d said Mr. Wren.\n\n"
                "The doctor frowned. \u201cThen you shall have a draught.\u201d")
        self.assertEqual(extract(text)[-1].speaker, "Dr. Avery")

    def test_a_description_with_a_sex_as_the_subject_of_the_narration(self):
        text = (self.STORY + "Tom Pike sat by the fire, and his niece Nora Vane sat reading.\n\n"
                "\u201cBed time,\u201d said Tom.\n\n"
                "The girl closed her book. \u201cJust one more page.\u201d")
        self.assertEqual(extract(text)[-1].speaker, "Nora Vane")

    def test_a_title_spoken_to_is_the_one_who_bears_it(self):
        text = (self.STORY + "Dr. Avery came up to see Mr. Wren and Hester.\n\n"
                "\u201cStay for tea, Doctor,\u201d said Hester.\n\n"
                "\u201cGladly.\u201d")
        self.assertEqual([q.speaker for q in extract(text)], ["Hester", "Dr. Avery"])

    def test_talk_that_calls_people_by_name_marks_a_story(self):
        text = ("\u201cCome down, Nora,\u201d called her aunt.\n\n"
                "\u201cIs the carriage here?\u201d\n\n"
                "\u201cIt has been waiting an hour.\u201d")
        self.assertEqual([q.speaker for q in extract(text)], ["her aunt", "Nora", "her aunt"])

    def test_talk_from_the_first_line_is_read_as_a_story_from_the_start(self):
        # The genre is judged from the opening paragraphs before any of
        # them is attributed: the watchman of the first line takes turns.
        text = ("\u201cWho goes there?\u201d asked the watchman.\n\n"
                "\u201cA friend,\u201d said Tom Pike.\n\n"
                "\u201cAt this hour?\u201d\n\n"
                "\u201cAt any hour.\u201d")
        self.assertEqual([q.speaker for q in extract(text)],
                         ["watchman", "Tom Pike", "watchman", "Tom Pike"])

    def test_a_calling_in_apposition_after_a_name(self):
        self.assertEqual(appositive_calling("Tom Pike, the old vicar, sat.", 8, 29), "clergyman")
        self.assertIsNone(appositive_calling("Tom Pike, a friend of mine, sat.", 8, 31))


if __name__ == "__main__":
    unittest.main()


class OpeningMarksAlone(Base):
    """Opening marks with nothing to close them are no quotes, however many."""

    def test_alternating_openers_with_no_closer(self):
        self.assertEqual(extract("\u201c\u2018" * 500), [])

    def test_opener_right_after_an_opener_still_opens(self):
        self.assert_spans("He said \u201c\u2018Yes\u2019 is enough.\u201d",
                          ["\u201c\u2018Yes\u2019 is enough.\u201d"])


class TermsOfAStory(Base):
    """In a story, a few words quoted in passing are a term, not speech."""

    STORY = ("\u201cWhere were you?\u201d asked Martha.\n\n"
             "\u201cOut,\u201d said Joe. \u201cWalking.\u201d\n\n"
             "I was tired of the \u201cmodern\u201d ways, and I said so.\n\n"
             "\u201cSo was I,\u201d she replied.\n")

    def test_a_term_is_left_out_of_a_story(self):
        self.assertNotIn("modern", [q.text for q in extract(self.STORY)])

    def test_terms_keeps_it(self):
        self.assertIn("modern", [q.text for q in extract(self.STORY, terms=True)])

    def test_news_keeps_its_scare_quotes(self):
        text = ('The ministry said on Monday the plan was "unworkable" and that '
                '12 percent of the budget would be cut, officials said.')
        self.assertEqual([q.text for q in extract(text)], ["unworkable"])


class Determinism(Base):
    """The same text gives the same speakers in every process."""

    def test_an_acronym_of_two_names_means_the_one_named_last(self):
        text = ("The Institute for Southern Waters and the International Shipping "
                "Watch met on Monday.\n\n"
                "The International Shipping Watch asked for more time.\n\n"
                "\u201cWe need a month,\u201d the ISW said.\n")
        self.assertEqual([q.speaker for q in extract(text)], ["International Shipping Watch"])
