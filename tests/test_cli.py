#!/usr/bin/env python3
"""Tests of the quotes.py command line, run as a user runs it: as a
subprocess, checking standard output, standard error and the exit status.

    python3 -m unittest tests/test_cli.py        # from the repository root

Standard library only.  Every input is written by the tests into a
temporary folder.  QUOTES is the script under test (the repository's
quotes.py; the environment variable QUOTES_PY may point elsewhere).
"""

import csv
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import unittest

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
QUOTES = os.environ.get("QUOTES_PY") or os.path.join(REPO, "quotes.py")

FIELDS = ["source", "line", "start", "end", "speaker", "type", "cue", "mention",
          "mention_start", "mention_end", "method", "confidence", "text"]
STATS_FIELDS = ["speaker", "quotes", "words"]
#: Seconds any one run may take before the test fails instead of hanging.
TIMEOUT = 60

#: Two quotes: a trivial cue on line 1, and one opened on line 3 that runs
#: over a line break (its text has a newline; --format text collapses it).
SAMPLE = ('"We are ready," Ana Ruiz said.\n'
          '\n'
          'The committee called the plan “a real\n'
          'step forward” on Tuesday.\n'
          '\n'
          'Nobody spoke after that.\n')
SAMPLE_SPANS = ['"We are ready,"', '“a real\nstep forward”']
OTHER = ('The ferry left at dawn.\n'
         '\n'
         '"The sea is calm today," Tomas Berg said.\n')
THIRD = 'Ines Lobo called it “a long week for everyone” and went home.\n'
NESTED = 'She wrote “he told me ‘never again’ twice” in her notes.\n'


def run(args, stdin=b"", cwd=None):
    """Run quotes.py with args; return the CompletedProcess (bytes)."""
    return subprocess.run([sys.executable, QUOTES] + list(args), input=stdin,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          cwd=cwd, timeout=TIMEOUT)


def out(result):
    return result.stdout.decode("utf-8")


def err(result):
    return result.stderr.decode("utf-8")


def jsonl(result):
    return [json.loads(line) for line in out(result).splitlines()]


def read_text(path, encoding="utf-8"):
    with open(path, encoding=encoding, newline="") as f:
        return f.read()


class CliTestCase(unittest.TestCase):
    """Runs in a fresh temporary folder holding the sample files."""

    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="test_cli-")
        self.addCleanup(shutil.rmtree, self.dir, ignore_errors=True)
        self.write("sample.txt", SAMPLE)
        self.write("other.txt", OTHER)
        self.write("third.txt", THIRD)

    def write(self, name, content, encoding="utf-8"):
        path = os.path.join(self.dir, name)
        data = content if isinstance(content, bytes) else content.encode(encoding)
        with open(path, "wb") as f:
            f.write(data)
        return path

    def run_cli(self, *args, stdin=b""):
        return run(args, stdin=stdin, cwd=self.dir)

    def assertOk(self, result):
        self.assertEqual(result.returncode, 0, err(result))
        self.assertEqual(err(result), "")

    def assertOneError(self, result, *needles, code=1):
        """Exit status ``code`` and exactly one line on standard error,
        ``quotes.py: ...``, holding every needle; no traceback."""
        self.assertEqual(result.returncode, code, err(result))
        text = err(result)
        self.assertNotIn("Traceback", text)
        lines = text.splitlines()
        self.assertEqual(len(lines), 1, text)
        self.assertTrue(lines[0].startswith("quotes.py: "), lines[0])
        for needle in needles:
            self.assertIn(needle, lines[0])

    def assertSpans(self, records, document, spans):
        """The records point at these spans (marks included) of document."""
        self.assertEqual([document[r["start"]:r["end"]] for r in records], spans)
        for record in records:
            span = document[record["start"]:record["end"]]
            self.assertIn(record["text"], span)
            self.assertEqual(record["line"], document.count("\n", 0, record["start"]) + 1)


class TestFormats(CliTestCase):

    def test_text_is_one_grep_like_line_per_quote(self):
        result = self.run_cli("sample.txt")
        self.assertOk(result)
        lines = out(result).splitlines()
        self.assertEqual(len(lines), 2, lines)
        self.assertRegex(lines[0], r'^sample\.txt:1: [^:]+: "We are ready,"$')
        # Opened on line 3, whitespace run collapsed, its own marks shown.
        self.assertRegex(lines[1], r'^sample\.txt:3: [^:]+: “a real step forward”$')

    def test_text_names_the_speaker_of_a_trivial_cue(self):
        result = self.run_cli("sample.txt")
        self.assertTrue(out(result).startswith('sample.txt:1: Ana Ruiz: "We are ready,"\n'))

    def test_text_lines_match_the_records(self):
        # (unknown) stands for no speaker; nested quotes are indented.
        self.write("mixed.txt", SAMPLE + "\nIt was “closed” again.\n\n" + NESTED)
        lines = out(self.run_cli("--nested", "mixed.txt")).splitlines()
        records = jsonl(self.run_cli("--nested", "-f", "jsonl", "mixed.txt"))
        self.assertEqual(len(lines), len(records))
        for line, record in zip(lines, records):
            prefix = "mixed.txt:%d: %s%s: " % (record["line"], "  " * record["depth"],
                                              record["speaker"] or "(unknown)")
            self.assertTrue(line.startswith(prefix), (line, prefix))
            self.assertIn(" ".join(record["text"].split()), line)

    def test_jsonl_records_have_every_field_in_order(self):
        result = self.run_cli("--format", "jsonl", "sample.txt")
        self.assertOk(result)
        records = jsonl(result)
        self.assertEqual(len(records), 2)
        for record in records:
            self.assertEqual(list(record), FIELDS)
            self.assertEqual(record["source"], "sample.txt")
        self.assertEqual(records[0]["text"], "We are ready,")
        self.assertEqual(records[1]["text"], "a real\nstep forward")
        self.assertSpans(records, read_text(os.path.join(self.dir, "sample.txt")), SAMPLE_SPANS)

    def test_jsonl_keeps_non_ascii_as_is(self):
        result = self.run_cli("-f", "jsonl", "third.txt")
        self.assertIn("a long week for everyone", out(result))
        self.assertNotIn("\\u", out(result))
        self.assertEqual(jsonl(result)[0]["text"], "a long week for everyone")

    def test_json_is_one_array(self):
        result = self.run_cli("--format", "json", "sample.txt", "other.txt")
        self.assertOk(result)
        records = json.loads(out(result))
        self.assertIsInstance(records, list)
        self.assertEqual([r["source"] for r in records],
                         ["sample.txt", "sample.txt", "other.txt"])
        self.assertTrue(all(list(r) == FIELDS for r in records))

    def test_json_is_valid_when_empty(self):
        self.write("none.txt", "No quotation marks here at all.\n")
        for args in (["none.txt"], ["empty.txt"]):
            self.write("empty.txt", "")
            result = self.run_cli("-f", "json", *args)
            self.assertOk(result)
            self.assertEqual(json.loads(out(result)), [])

    def test_csv_has_a_header_and_one_row_per_quote(self):
        result = self.run_cli("--format", "csv", "sample.txt")
        self.assertOk(result)
        rows = list(csv.reader(io.StringIO(out(result), newline="")))
        self.assertEqual(rows[0], FIELDS)
        self.assertEqual(len(rows), 3)
        self.assertTrue(all(len(row) == len(FIELDS) for row in rows))
        self.assertEqual(rows[1][FIELDS.index("text")], "We are ready,")
        self.assertEqual(rows[2][FIELDS.index("text")], "a real\nstep forward")
        self.assertEqual(rows[1][FIELDS.index("start")], "0")

    def test_tsv_escapes_backslash_tab_newline_and_cr(self):
        self.write("log.txt", "The log read “one\ttwo \\ three\r\nfour” at noon.\r\n")
        result = self.run_cli("--format", "tsv", "log.txt")
        self.assertOk(result)
        lines = out(result).split("\n")
        self.assertEqual(lines[-1], "")          # every row ends with LF
        self.assertEqual(lines[0].split("\t"), FIELDS)
        self.assertEqual(len(lines), 3, lines)   # header, one row, ""
        row = lines[1].split("\t")
        self.assertEqual(len(row), len(FIELDS))
        self.assertEqual(row[FIELDS.index("text")], "one\\ttwo \\\\ three\\r\\nfour")
        self.assertNotIn("\r", out(result))

    def test_fields_pick_and_order_the_columns(self):
        result = self.run_cli("-f", "jsonl", "--fields", "text,line", "sample.txt")
        self.assertOk(result)
        self.assertEqual([list(r) for r in jsonl(result)], [["text", "line"]] * 2)
        self.assertEqual(jsonl(result)[0], {"text": "We are ready,", "line": 1})
        result = self.run_cli("-f", "csv", "--fields", "speaker,source", "sample.txt")
        self.assertEqual(next(csv.reader(io.StringIO(out(result)))), ["speaker", "source"])

    def test_unknown_field_is_a_usage_error(self):
        result = self.run_cli("-f", "csv", "--fields", "text,colour", "sample.txt")
        self.assertEqual(result.returncode, 2)
        self.assertEqual(out(result), "")
        self.assertIn("colour", err(result))
        self.assertNotIn("Traceback", err(result))

    def test_nested_lists_inner_quotes_with_depth(self):
        self.write("nested.txt", NESTED)
        result = self.run_cli("-f", "jsonl", "nested.txt")
        self.assertEqual([r["text"] for r in jsonl(result)], ["he told me ‘never again’ twice"])
        self.assertNotIn("depth", jsonl(result)[0])
        result = self.run_cli("-f", "jsonl", "--nested", "nested.txt")
        self.assertOk(result)
        records = jsonl(result)
        self.assertEqual([(r["text"], r["depth"]) for r in records],
                         [("he told me ‘never again’ twice", 0), ("never again", 1)])
        self.assertEqual(set(records[0]), set(FIELDS) | {"depth"})
        self.assertSpans(records, NESTED, ["“he told me ‘never again’ twice”", "‘never again’"])


class TestInputs(CliTestCase):

    def test_stdin_when_no_file_and_with_dash(self):
        for args in ([], ["-"]):
            result = self.run_cli("-f", "jsonl", *args, stdin=SAMPLE.encode())
            self.assertOk(result)
            records = jsonl(result)
            self.assertEqual(len(records), 2)
            self.assertEqual({r["source"] for r in records}, {"-"})
            self.assertSpans(records, SAMPLE, SAMPLE_SPANS)

    def test_files_are_read_in_the_order_given(self):
        result = self.run_cli("-f", "jsonl", "other.txt", "sample.txt", "-", "third.txt",
                              stdin=THIRD.encode())
        self.assertOk(result)
        self.assertEqual([r["source"] for r in jsonl(result)],
                         ["other.txt", "sample.txt", "sample.txt", "-", "third.txt"])

    def test_missing_file_is_one_error_and_the_rest_is_complete(self):
        alone = self.run_cli("sample.txt", "other.txt")
        result = self.run_cli("sample.txt", "missing.txt", "other.txt")
        self.assertOneError(result, "missing.txt")
        self.assertEqual(result.stdout, alone.stdout)

    def test_directory_is_one_error(self):
        os.mkdir(os.path.join(self.dir, "folder"))
        result = self.run_cli("folder", "sample.txt")
        self.assertOneError(result, "folder")
        self.assertEqual(len(out(result).splitlines()), 2)

    def test_binary_file_is_one_error(self):
        self.write("image.bin", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
        result = self.run_cli("image.bin", "sample.txt")
        self.assertOneError(result, "image.bin", "binary")
        self.assertEqual(len(out(result).splitlines()), 2)

    def test_cp1252_needs_its_encoding(self):
        data = "The guide said “watch your step” twice.\n".encode("cp1252")
        self.assertEqual(data[15], 0x93)
        self.write("windows.txt", data)
        result = self.run_cli("windows.txt", "sample.txt")
        self.assertOneError(result, "windows.txt", "--encoding cp1252", "15")
        self.assertEqual(len(out(result).splitlines()), 2)
        result = self.run_cli("--encoding", "cp1252", "-f", "jsonl", "windows.txt")
        self.assertOk(result)
        self.assertEqual([r["text"] for r in jsonl(result)], ["watch your step"])
        self.assertEqual(jsonl(result)[0]["start"], 15)

    def test_unknown_encoding_is_a_usage_error(self):
        result = self.run_cli("--encoding", "no-such-codec", "sample.txt")
        self.assertEqual(result.returncode, 2)
        self.assertIn("no-such-codec", err(result))
        self.assertEqual(out(result), "")

    def test_utf8_bom_is_skipped_and_offsets_start_after_it(self):
        path = self.write("bom.txt", b"\xef\xbb\xbf" + SAMPLE.encode())
        for args in (["bom.txt"], ["--encoding", "cp1252", "bom.txt"]):
            result = self.run_cli("-f", "jsonl", *args)
            self.assertOk(result)
            records = jsonl(result)
            self.assertEqual(records[0]["start"], 0)
            self.assertSpans(records, read_text(path, "utf-8-sig"), SAMPLE_SPANS)

    def test_utf16_and_utf32_with_bom(self):
        for encoding, bom in (("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
                              ("utf-32-le", b"\xff\xfe\x00\x00")):
            with self.subTest(encoding=encoding):
                path = self.write("wide.txt", bom + SAMPLE.encode(encoding))
                result = self.run_cli("-f", "jsonl", "wide.txt")
                self.assertOk(result)
                records = jsonl(result)
                self.assertEqual(records[0]["start"], 0)
                document = read_text(path, encoding)[1:]   # without the BOM
                self.assertSpans(records, document, SAMPLE_SPANS)

    def test_empty_file_and_empty_stdin_print_nothing(self):
        self.write("empty.txt", "")
        for args, stdin in ((["empty.txt"], b""), ([], b""), (["-"], b"")):
            result = self.run_cli(*args, stdin=stdin)
            self.assertOk(result)
            self.assertEqual(result.stdout, b"")

    def test_crlf_offsets_point_into_the_text_as_read(self):
        path = self.write("crlf.txt", SAMPLE.replace("\n", "\r\n"))
        result = self.run_cli("-f", "jsonl", "crlf.txt")
        self.assertOk(result)
        records = jsonl(result)
        self.assertEqual(records[1]["text"], "a real\r\nstep forward")
        self.assertSpans(records, read_text(path), ['"We are ready,"', '“a real\r\nstep forward”'])

    def test_long_input_with_no_newline(self):
        block = "The river ran past the old mill and on into the quiet fields. " * 3000
        block += '"Keep going," Ana Ruiz said. '
        path = os.path.join(self.dir, "long.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(block * (20_000_000 // len(block) + 1))
        self.assertGreater(os.path.getsize(path), 20_000_000)
        result = self.run_cli("-f", "jsonl", "--fields", "text", "long.txt")
        self.assertOk(result)
        self.assertEqual(len(jsonl(result)), 20_000_000 // len(block) + 1)


class TestJsonLinesInput(CliTestCase):

    def test_documents_bad_lines_and_missing_ids(self):
        lines = [
            {"id": "doc-1", "text": SAMPLE},
            "this line is not JSON",
            ["an", "array"],
            {"id": "doc-4"},
            {"id": "doc-5", "text": 42},
            {"text": THIRD},
            {"id": 7, "text": OTHER},
        ]
        body = "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines)
        self.write("corpus.jsonl", body + "\n\n")
        result = self.run_cli("--input", "jsonl", "-f", "jsonl", "corpus.jsonl")
        self.assertEqual(result.returncode, 1)
        self.assertNotIn("Traceback", err(result))
        errors = err(result).splitlines()
        self.assertEqual(len(errors), 4, errors)
        for error, number in zip(errors, (2, 3, 4, 5)):
            self.assertTrue(error.startswith("quotes.py: corpus.jsonl:%d: " % number), error)
        records = jsonl(result)
        self.assertEqual([r["source"] for r in records],
                         ["doc-1", "doc-1", "corpus.jsonl:6", "7"])
        self.assertSpans(records[:2], SAMPLE, SAMPLE_SPANS)

    def test_id_and_text_fields_can_be_renamed(self):
        self.write("crawl.jsonl", json.dumps({"url": "https://example.org/a", "body": OTHER}) + "\n")
        result = self.run_cli("--input", "jsonl", "--id-field", "url", "--text-field", "body",
                              "-f", "jsonl", "crawl.jsonl")
        self.assertOk(result)
        self.assertEqual([(r["source"], r["text"]) for r in jsonl(result)],
                         [("https://example.org/a", "The sea is calm today,")])


class TestFilters(CliTestCase):

    def setUp(self):
        super().setUp()
        self.write("news.txt", '"We will rebuild every town," Volodymyr Zelensky said.\n\n'
                               + SAMPLE + "\n" + OTHER)

    def records(self, *args):
        result = self.run_cli("-f", "jsonl", *args, "news.txt")
        self.assertOk(result)
        return jsonl(result)

    def test_speaker_matches_a_run_of_name_words_in_any_case(self):
        everything = self.records()
        kept = self.records("--speaker", "zelensky")
        self.assertIn("We will rebuild every town,", [r["text"] for r in kept])
        self.assertLess(len(kept), len(everything))
        self.assertEqual(kept, [r for r in everything if r in kept])   # order kept
        for name in ("VOLODYMYR ZELENSKY", "Volodymyr"):
            self.assertEqual(self.records("--speaker", name), kept)
        for name in ("zelen", "Zelensky Volodymyr", "nobody at all"):
            self.assertEqual(self.records("--speaker", name), [])

    def test_min_words(self):
        everything = self.records()
        kept = self.records("--min-words", "4")
        self.assertEqual(kept, [r for r in everything if len(r["text"].split()) >= 4])
        self.assertNotIn("We are ready,", [r["text"] for r in kept])
        self.assertIn("a real\nstep forward", [r["text"] for r in kept])

    def test_attributed(self):
        everything = self.records()
        kept = self.records("--attributed")
        self.assertEqual(kept, [r for r in everything if r["speaker"]])
        self.assertIn("We are ready,", [r["text"] for r in kept])

    def test_stats_text_table(self):
        result = self.run_cli("--stats", "news.txt")
        self.assertOk(result)
        lines = out(result).splitlines()
        self.assertEqual(lines[0].split(), STATS_FIELDS)
        rows = [line.rsplit(None, 2) for line in lines[1:]]
        everything = self.records()
        self.assertEqual(sum(int(row[1]) for row in rows), len(everything))
        self.assertEqual(sum(int(row[2]) for row in rows),
                         sum(len(r["text"].split()) for r in everything))
        self.assertEqual(len({len(line) for line in lines}), 1)   # aligned
        unknown = sum(1 for r in everything if not r["speaker"])
        if unknown:
            self.assertIn("(unknown)", [row[0] for row in rows])

    def test_stats_jsonl_records_sorted_by_quotes(self):
        result = self.run_cli("--stats", "-f", "jsonl", "news.txt")
        self.assertOk(result)
        rows = jsonl(result)
        self.assertTrue(all(list(row) == STATS_FIELDS for row in rows))
        self.assertEqual(rows, sorted(rows, key=lambda r: (-r["quotes"], r["speaker"] or "")))
        everything = self.records()
        self.assertEqual(sum(row["quotes"] for row in rows), len(everything))
        self.assertEqual({row["speaker"] for row in rows}, {r["speaker"] for r in everything})

    def test_stats_honour_filters(self):
        result = self.run_cli("--stats", "-f", "jsonl", "--speaker", "ana ruiz", "news.txt")
        self.assertOk(result)
        rows = jsonl(result)
        kept = self.records("--speaker", "ana ruiz")
        self.assertIn("Ana Ruiz", [row["speaker"] for row in rows])
        self.assertEqual(sum(row["quotes"] for row in rows), len(kept))
        self.assertEqual(sum(row["words"] for row in rows),
                         sum(len(r["text"].split()) for r in kept))


class TestJobs(CliTestCase):

    def test_jobs_output_is_identical_to_one_job(self):
        for index in range(4):
            self.write("part%d.txt" % index, (SAMPLE, OTHER, THIRD, NESTED)[index] * (index + 1))
        files = ["part0.txt", "part1.txt", "missing.txt", "part2.txt", "part3.txt"]
        for args in ([], ["-f", "json"], ["-f", "csv", "--nested"], ["--stats", "-f", "jsonl"]):
            with self.subTest(args=args):
                one = self.run_cli("-j", "1", *args, *files)
                two = self.run_cli("-j", "2", *args, *files)
                self.assertEqual(two.stdout, one.stdout)
                self.assertEqual(two.stderr, one.stderr)
                self.assertOneError(two, "missing.txt")
                self.assertTrue(one.stdout)


class TestCommandLine(CliTestCase):

    def test_version(self):
        result = self.run_cli("--version")
        self.assertOk(result)
        self.assertRegex(out(result), r"^quotes\.py \d+\.\d+\S*\n$")

    def test_help(self):
        result = self.run_cli("--help")
        self.assertOk(result)
        text = out(result)
        for needle in ("usage: quotes.py", "--format", "--input", "--encoding", "BOM",
                       "--stats", "-j", "examples:", "jq", "exit status:", "130",
                       "\\t", "\\n"):
            self.assertIn(needle, text)

    def test_usage_errors_exit_2(self):
        for args in (["--format", "xml"], ["--min-words", "-1"], ["--jobs", "many"],
                     ["--no-such-option"], ["--fields", "text"]):
            with self.subTest(args=args):
                result = self.run_cli(*args, "sample.txt")
                self.assertEqual(result.returncode, 2)
                self.assertEqual(out(result), "")
                self.assertIn("usage:", err(result))
                self.assertNotIn("Traceback", err(result))


class TestPipes(CliTestCase):

    def popen(self, *args, **kwargs):
        process = subprocess.Popen([sys.executable, QUOTES] + list(args), cwd=self.dir,
                                   **kwargs)
        self.addCleanup(self.reap, process)
        return process

    @staticmethod
    def reap(process):
        if process.poll() is None:
            process.kill()
        process.wait()
        for stream in (process.stdin, process.stdout, process.stderr):
            if stream:
                stream.close()

    @staticmethod
    def readline(stream, timeout=5.0):
        """One line of stream, or None if none comes within timeout."""
        lines = []
        reader = threading.Thread(target=lambda: lines.append(stream.readline()), daemon=True)
        reader.start()
        reader.join(timeout)
        return lines[0] if lines else None

    def test_closed_pipe_ends_quietly(self):
        self.write("many.txt", "".join('"Line %d is here," Ana Ruiz said.\n\n' % number
                                       for number in range(10000)))
        process = self.popen("many.txt", stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        first = self.readline(process.stdout)
        self.assertEqual(first, b'many.txt:1: Ana Ruiz: "Line 0 is here,"\n')
        process.stdout.close()           # like `| head -n 1`
        self.assertEqual(process.wait(timeout=TIMEOUT), 0)
        self.assertEqual(process.stderr.read(), b"")

    def test_streaming_answers_each_paragraph_at_once(self):
        process = self.popen("-f", "jsonl", stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
        process.stdin.write('"Are you there?" Ana Ruiz asked.\n\n'.encode())
        process.stdin.flush()
        line = self.readline(process.stdout)
        self.assertIsNotNone(line, "no output while standard input is still open")
        self.assertEqual(json.loads(line)["text"], "Are you there?")
        process.stdin.write('"Yes, here," Tomas Berg said.\n\n'.encode())
        process.stdin.close()
        self.assertEqual(json.loads(process.stdout.read())["text"], "Yes, here,")
        self.assertEqual(process.wait(timeout=TIMEOUT), 0)

    @unittest.skipUnless(hasattr(signal, "SIGINT") and os.name == "posix", "POSIX signals")
    def test_interrupt_exits_130_without_traceback(self):
        process = self.popen(stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
        # Once a quote has come out, the program is waiting in its read loop.
        process.stdin.write('"Wait," Ana Ruiz said.\n\nAnd then'.encode())
        process.stdin.flush()
        self.assertIsNotNone(self.readline(process.stdout))
        process.send_signal(signal.SIGINT)
        self.assertEqual(process.wait(timeout=TIMEOUT), 130)
        self.assertNotIn(b"Traceback", process.stderr.read())


if __name__ == "__main__":
    unittest.main()


class TestTerms(unittest.TestCase):

    def test_terms_option_lists_a_story_s_terms(self):
        story = ("\u201cWhere were you?\u201d asked Martha.\n\n\u201cOut,\u201d said Joe.\n\n"
                 "I was tired of the \u201cmodern\u201d ways, and I said so.\n")
        plain = run([], stdin=story.encode("utf-8"))
        kept = run(["--terms"], stdin=story.encode("utf-8"))
        self.assertNotIn("modern", out(plain))
        self.assertIn("modern", out(kept))
        self.assertEqual(kept.returncode, 0)
