#!/usr/bin/env python3
"""Check that the hand-made fixtures in tests/cases/ are internally consistent.

    python3 tests/check_cases.py [CASES_DIR]

For every NAME.txt there must be a NAME.expected.jsonl (and the other way
round).  Each line of the .jsonl is one expected quote:

    {"start": int, "end": int, "text": str, "speaker": str | null}

and must satisfy (offsets in code points of the file read with
open(path, encoding="utf-8", newline=""), so CRLF counts as two):

  * exactly those four keys, valid JSON, 0 <= start < end <= len(text);
  * quotes in document order and not overlapping;
  * text[start] is an opening mark and text[end-1] a closing mark that can
    pair with it; a dash-dialogue span starts a paragraph line with an em dash
    or a horizontal bar and ends on a non-space character;
  * "text" equals the slice between the marks (two characters for `` and '',
    the dash plus one following space for dash dialogue);
  * "speaker" is null or a non-empty name that is written somewhere in the
    document (the canonical name is the fullest form the document uses).

Standard library only.  Exit status 0 when every fixture passes, 1 otherwise.
"""
import json
import os
import sys

DASHES = "\u2014\u2015"            # em dash, horizontal bar
DASH_GAP = " \u00a0\u202f"         # the one space allowed after the dash

# opening mark -> closing marks it may pair with (loose: real text is untidy)
PAIRS = {
    "``": "''",
    "''": "''",
    '"': '"\u201d\u201c',          # "…"  "…”  "…“
    "\u201c": "\u201d\"",          # “…”  “…"
    "\u201d": "\u201d",            # ”…”  (Swedish/Finnish)
    "\u201e": "\u201c\u201d",      # „…“ (German)  „…” (Polish)
    "\u2018": "\u2019'",           # ‘…’
    "'": "'\u2019",                # '…'
    "\u2019": "\u2019",            # ’…’
    "\u201a": "\u2018\u2019",      # ‚…‘  ‚…’
    "`": "'\u2019",                # `…'
    "\u00ab": "\u00bb",            # «…»
    "\u00bb": "\u00ab\u00bb",      # »…«  »…»
    "\u2039": "\u203a",            # ‹…›
    "\u203a": "\u2039\u203a",      # ›…‹
    "\u300c": "\u300d",            # 「…」
    "\u300e": "\u300f",            # 『…』
    "\uff62": "\uff63",            # ｢…｣ (halfwidth)
}
KEYS = {"start", "end", "text", "speaker"}


def check_case(txt_path, jsonl_path):
    errors = []
    try:
        with open(txt_path, encoding="utf-8", newline="") as f:
            doc = f.read()
    except UnicodeDecodeError as exc:
        return [f"not valid UTF-8: {exc}"], 0
    folded = " ".join(doc.split()).casefold()
    prev_end = 0
    count = 0
    with open(jsonl_path, encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"line {lineno}"
        try:
            q = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"{where}: invalid JSON: {exc}")
            continue
        count += 1
        if not isinstance(q, dict) or set(q) != KEYS:
            errors.append(f"{where}: keys must be exactly {sorted(KEYS)}, got "
                          f"{sorted(q) if isinstance(q, dict) else type(q).__name__}")
            continue
        s, e, inner, spk = q["start"], q["end"], q["text"], q["speaker"]
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in (s, e)):
            errors.append(f"{where}: start/end must be integers")
            continue
        if not 0 <= s < e <= len(doc):
            errors.append(f"{where}: offsets [{s}:{e}] out of range (len {len(doc)})")
            continue
        span = doc[s:e]
        where = f"{where} [{s}:{e}] {span[:40]!r}"
        if s < prev_end:
            errors.append(f"{where}: overlaps or precedes the previous quote (ends {prev_end})")
        prev_end = max(prev_end, e)

        if span[0] in DASHES:
            olen = 2 if len(span) > 1 and span[1] in DASH_GAP else 1
            clen = 0
            if s > 0 and doc[s - 1] not in "\r\n":
                errors.append(f"{where}: dash-dialogue span does not start a line")
            if span[-1].isspace() or len(span) <= olen:
                errors.append(f"{where}: dash-dialogue span must end on the spoken words")
        else:
            opener = span[:2] if span[:2] in ("``", "''") else span[0]
            if opener not in PAIRS:
                errors.append(f"{where}: {span[0]!r} is not an opening quotation mark")
                continue
            olen = len(opener)
            closers = PAIRS[opener]
            if opener in ("``", "''"):
                clen = 2
                ok = span.endswith("''") and len(span) >= 4
            else:
                clen = 1
                ok = span[-1] in closers and len(span) >= 2
            if not ok:
                errors.append(f"{where}: ends with {span[-clen:]!r}, which cannot close {opener!r}")
                continue
        expect = doc[s + olen:e - clen]
        if not isinstance(inner, str) or inner != expect:
            errors.append(f"{where}: text {inner!r} != inner slice {expect!r}")

        if spk is not None:
            if not isinstance(spk, str) or not spk.strip() or spk != spk.strip():
                errors.append(f"{where}: speaker must be null or a trimmed non-empty string")
            elif " ".join(spk.split()).casefold() not in folded:
                errors.append(f"{where}: speaker {spk!r} is not written in the document")
    return errors, count


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    cases = argv[1] if len(argv) > 1 else os.path.join(here, "cases")
    names = sorted(os.listdir(cases))
    txts = {n[:-4] for n in names if n.endswith(".txt")}
    exps = {n[:-len(".expected.jsonl")] for n in names if n.endswith(".expected.jsonl")}
    failed = 0
    total = 0
    for stem in sorted(txts | exps):
        if stem not in exps:
            print(f"FAIL {stem}: no {stem}.expected.jsonl")
            failed += 1
            continue
        if stem not in txts:
            print(f"FAIL {stem}: no {stem}.txt")
            failed += 1
            continue
        errors, n = check_case(os.path.join(cases, stem + ".txt"),
                               os.path.join(cases, stem + ".expected.jsonl"))
        total += n
        if errors:
            failed += 1
            print(f"FAIL {stem}")
            for err in errors:
                print(f"     {err}")
        else:
            print(f"ok   {stem} ({n} quotes)")
    stems = len(txts | exps)
    print(f"{stems - failed}/{stems} fixtures consistent, {total} expected quotes")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
