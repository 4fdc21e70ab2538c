"""The hand-annotated cases in tests/cases/: each NAME.txt beside the quotes
a careful reader finds in it, NAME.expected.jsonl (see tests/cases/README.md).

Every span must be found exactly, with its words (terms of a story
included: the cases record every quoted span).  Speakers are harder: the
suite holds the tool to a floor of agreement over all cases, and each case
of quotes that name nobody (scare quotes, titles, signs) must stay unnamed.
"""

import json
import pathlib
import sys
import unittest

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import quotes  # noqa: E402

CASES = ROOT / "tests" / "cases"
#: Share of expected speakers the tool must name right, over all cases.
SPEAKER_FLOOR = 0.60


def load_cases():
    for text_path in sorted(CASES.glob("*.txt")):
        with open(text_path, encoding="utf-8", newline="") as handle:
            text = handle.read()
        expected_path = text_path.with_name(text_path.stem + ".expected.jsonl")
        with open(expected_path, encoding="utf-8") as handle:
            expected = [json.loads(line) for line in handle if line.strip()]
        yield text_path.stem, text, expected


class TestCases(unittest.TestCase):

    def test_every_case_has_its_expected_quotes(self):
        names = [name for name, _, _ in load_cases()]
        self.assertGreaterEqual(len(names), 30)

    def test_spans_and_words(self):
        for name, text, expected in load_cases():
            with self.subTest(case=name):
                found = [(q.start, q.end, q.text) for q in quotes.extract(text, terms=True)]
                wanted = [(e["start"], e["end"], e["text"]) for e in expected]
                self.assertEqual(found, wanted)

    def test_offsets_point_into_the_text(self):
        for name, text, _ in load_cases():
            with self.subTest(case=name):
                for quote in quotes.extract(text, terms=True):
                    span = text[quote.start:quote.end]
                    self.assertIn(quote.text, span)

    def test_speakers(self):
        right, total, wrong = 0, 0, []
        for name, text, expected in load_cases():
            found = {(q.start, q.end): q.speaker for q in quotes.extract(text, terms=True)}
            for quote in expected:
                total += 1
                speaker = found.get((quote["start"], quote["end"]))
                if speaker == quote["speaker"]:
                    right += 1
                else:
                    wrong.append("%s: %r expected %r, got %r"
                                 % (name, quote["text"][:30], quote["speaker"], speaker))
        self.assertGreaterEqual(right / total, SPEAKER_FLOOR,
                                "%d of %d speakers right:\n%s" % (right, total, "\n".join(wrong)))

    def test_quotes_that_name_nobody_stay_unnamed(self):
        for name, text, expected in load_cases():
            if not name.startswith("null_"):
                continue
            with self.subTest(case=name):
                found = {(q.start, q.end): q.speaker for q in quotes.extract(text, terms=True)}
                for quote in expected:
                    self.assertIsNone(quote["speaker"])
                    self.assertIsNone(found[(quote["start"], quote["end"])], quote["text"])


if __name__ == "__main__":
    unittest.main()
