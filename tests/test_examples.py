"""The bundled examples: the command's output on each examples/NAME.txt is
examples/NAME.expected (text) and NAME.expected.jsonl (--format jsonl)."""

import pathlib
import subprocess
import sys
import unittest

ROOT = pathlib.Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def run(*args):
    return subprocess.run([sys.executable, str(ROOT / "quotes.py"), *args], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8")


class TestExamples(unittest.TestCase):

    def test_there_is_a_news_article_and_a_story(self):
        self.assertGreaterEqual(len(list(EXAMPLES.glob("*.txt"))), 2)

    def test_output_is_as_expected(self):
        for source in sorted(EXAMPLES.glob("*.txt")):
            relative = source.relative_to(ROOT).as_posix()
            for suffix, args in ((".expected", ()), (".expected.jsonl", ("--format", "jsonl"))):
                with self.subTest(example=source.name, output=suffix):
                    expected = source.with_suffix(suffix).read_text(encoding="utf-8")
                    result = run(*args, relative)
                    self.assertEqual(result.returncode, 0, result.stderr)
                    self.assertEqual(result.stderr, "")
                    self.assertEqual(result.stdout, expected)


if __name__ == "__main__":
    unittest.main()
