"""The examples in quotes.py's docstrings, run as tests."""

import doctest
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))

import quotes  # noqa: E402


def load_tests(loader, tests, ignore):
    tests.addTests(doctest.DocTestSuite(quotes))
    return tests
