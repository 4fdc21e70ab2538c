#!/usr/bin/env python3
"""Benchmark quotes.py against the naive regular-expression baseline.

Run it from the repository root:

    python3 benchmarks/bench.py                   # 10MB, 20MB and 100MB corpora
    python3 benchmarks/bench.py --sizes 1MB,5MB   # other sizes, quicker
    python3 benchmarks/bench.py --all             # plus every optional section

Standard library only.  The corpora are real prose (fiction and news in
the default mix) built by ../shared/bench/make_corpus.py; the baseline is
../shared/bench/baselines/re_finditer_jsonl.py.

Main table: for each size, one warm-up run of each program, then --repeat
pairs run in alternation (quotes.py, baseline, quotes.py, baseline, ...):

    python3 quotes.py --format jsonl FILE > OUT
    python3 re_finditer_jsonl.py FILE > OUT

Each run's wall time is taken around Popen and os.wait4(); its peak RSS is
the ru_maxrss that wait4 returns.  The output goes to a real file in the
work folder (overwritten by each run), not to /dev/null: a real consumer
pays for the bytes written, so both programs are charged for them.  The
table shows the median time, the throughput (input bytes / 1e6 / median s),
the largest peak RSS seen and, as the headline, the median of the per-pair
ratios quotes.py time / baseline time.

Optional sections (--all turns on every one):
  --adversarial  hostile inputs generated here (no shared data needed) at
                 1M and 5M characters: nothing but ", nothing but ', one "
                 then only words, an unclosed " opening every paragraph,
                 one single line with balanced quotes, and “‘“‘...
                 never closed (3 bytes a character: 15 MB at 5M).  Time
                 must grow linearly (5M/1M <= 6) and stay within 4x the
                 time of ordinary text: the first 5MB of the default corpus.
  --startup      quotes.py on a one-line file versus `python3 -c pass`.
  --jobs         `quotes.py -j 1` versus `-j 2` on two large files; the
                 outputs must be byte-identical.

Each target is checked and printed as a PASS or FAIL line; stretch goals
print PASS or MISS and never fail the run.  Progress goes to stderr and the
results to stdout.  Exit status: 0 when every check passes, 1 when one
fails (or quotes.py crashes), 2 for a usage or setup error.
"""

import argparse
import filecmp
import hashlib
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_TOOL = REPO / "quotes.py"
DEFAULT_SHARED = REPO.parent / "shared"
DEFAULT_WORKDIR = Path(tempfile.gettempdir()) / "quotes-bench"
MAKE_CORPUS = Path("bench/make_corpus.py")          # relative to --shared
SOURCES = Path("bench/sources")
BASELINE = Path("bench/baselines/re_finditer_jsonl.py")

KB, MB, GB = 10**3, 10**6, 10**9
MiB = 2**20
SIZE_UNITS = {"": 1, "b": 1, "k": KB, "kb": KB, "m": MB, "mb": MB, "g": GB, "gb": GB,
              "kib": 2**10, "mib": MiB, "gib": 2**30}
DEFAULT_SIZES = "10MB,20MB,100MB"
DEFAULT_REPEAT = 3
DEFAULT_TIMEOUT = 300.0          # seconds, per run
CORPUS_SEED = 1                  # make_corpus's own default
SECOND_CORPUS_SEED = 2           # the second file of the --jobs section
# Peak RSS from wait4: KiB on Linux, bytes on macOS.
RSS_UNIT = 1 if sys.platform == "darwin" else 1024

# Targets (issue "Fast and lean on big inputs").
RATIO_SIZES = (20 * MB, 100 * MB)   # sizes on which the time ratio is checked
RATIO_MAX = 5.0                     # quotes.py time / baseline time
RATIO_STRETCH = 3.0
RSS_SIZE = 100 * MB
RSS_MAX_MIB = 64.0
LINEAR_SMALL, LINEAR_LARGE = 10 * MB, 100 * MB
LINEAR_MAX = 11.0                   # time(100MB) / time(10MB)
ADV_SIZES = (1 * MB, 5 * MB)        # characters, for --adversarial
ADV_GROWTH_MAX = 6.0                # time(5M) / time(1M): 5 if linear, 20% slack
ADV_VS_TEXT_MAX = 4.0               # time(hostile 5M) / time(ordinary 5MB)
ADV_REPEAT_BUDGET = 30.0            # seconds: stop repeating a slow input
STARTUP_RUNS = 10
STARTUP_MAX = 2.0                   # quotes.py on one line / python3 -c pass
JOBS_SIZE = 20 * MB
JOBS_SPEEDUP_MIN = 1.6              # "close to 2x" on two cores

LOREM = ("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod "
         "tempor incididunt ut labore et dolore magna aliqua enim ad minim veniam "
         "quis nostrud exercitation ullamco laboris nisi aliquip ex ea commodo "
         "consequat duis aute irure in reprehenderit voluptate velit esse cillum "
         "fugiat nulla pariatur excepteur sint occaecat cupidatat non proident sunt "
         "culpa qui officia deserunt mollit anim id est laborum").split()


class SetupError(Exception):
    """A missing file or a failing helper: the benchmark cannot run (exit 2)."""


class ToolFailed(Exception):
    """quotes.py exited with an error or ran out of time."""


@dataclass(frozen=True)
class Env:
    python: str
    tool: Path
    shared: Path
    workdir: Path
    timeout: float


@dataclass(frozen=True)
class Run:
    seconds: float
    rss_mib: float
    exit_code: int          # negative: killed by that signal
    timed_out: bool
    stderr_tail: str        # the last line the program wrote to stderr


@dataclass(frozen=True)
class Check:
    ok: bool
    text: str
    stretch: bool = False

    def line(self):
        word = "PASS" if self.ok else ("MISS" if self.stretch else "FAIL")
        return f"{word}  {self.text}"


# ---------------------------------------------------------------- helpers

def log(message):
    print(message, file=sys.stderr, flush=True)


def parse_size(text):
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*", text)
    if not match or match.group(2).lower() not in SIZE_UNITS:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (try 10MB, 500kB, 64MiB)")
    size = int(float(match.group(1)) * SIZE_UNITS[match.group(2).lower()])
    if size <= 0:
        raise argparse.ArgumentTypeError(f"size must be positive: {text!r}")
    return size


def parse_sizes(text):
    sizes = [parse_size(part) for part in text.split(",") if part.strip()]
    if not sizes:
        raise argparse.ArgumentTypeError("give at least one size, e.g. 1MB,5MB")
    return sorted(set(sizes))


def size_label(size):
    for unit, name in ((GB, "GB"), (MB, "MB"), (MiB, "MiB"), (KB, "kB")):
        if size >= unit and size % unit == 0:
            return f"{size // unit}{name}"
    return f"{size}B"


def chars_label(chars):
    return f"{chars / MB:g}M"


def median(values):
    return statistics.median(values)


def fmt_ratio(value):
    return f"{value:.2f}x"


# ---------------------------------------------------------------- running

def force_fork():
    """A preexec_fn: its mere presence makes subprocess fork() instead of vfork().

    After vfork and exec, Linux reports this script's own *peak* RSS as the
    child's ru_maxrss; after fork the child starts from this script's
    *current* RSS, about that of a bare interpreter (the "RSS floor" line).
    Safe here: this script starts no threads.
    """


def wait_with_timeout(pid, timeout):
    """os.wait4(pid), killing the process after timeout seconds (SIGALRM, no thread)."""
    timed_out = False

    def on_alarm(signum, frame):
        nonlocal timed_out
        timed_out = True
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:      # it ended just now
            pass

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        _, status, usage = os.wait4(pid, 0)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    return status, usage, timed_out


def run_command(cmd, out_path, timeout):
    """Run cmd with stdout to out_path; wall time and peak RSS via os.wait4."""
    err_path = out_path.with_name(out_path.name + ".stderr")
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                                preexec_fn=force_fork)
        status, usage, timed_out = wait_with_timeout(proc.pid, timeout)
        seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)  # already reaped by wait4
    last_line = err_path.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-1:]
    return Run(seconds, usage.ru_maxrss * RSS_UNIT / MiB, proc.returncode,
               timed_out, "".join(last_line))


def describe_failure(run, timeout):
    if run.timed_out:
        return f"no result within {timeout:g} s (killed)"
    if run.exit_code < 0:
        reason = f"killed by {signal.Signals(-run.exit_code).name}"
    else:
        reason = f"exit status {run.exit_code}"
    return reason + (f": {run.stderr_tail}" if run.stderr_tail else "")


def run_tool(env, args, out_path):
    """Run quotes.py with args; raise ToolFailed unless it succeeds."""
    run = run_command([env.python, str(env.tool), *args], out_path, env.timeout)
    if run.timed_out or run.exit_code != 0:
        shown = " ".join(Path(arg).name if os.sep in arg else arg for arg in args)
        raise ToolFailed(f"{env.tool.name} {shown}: {describe_failure(run, env.timeout)}")
    return run


def run_baseline(env, corpus, out_path):
    run = run_command([env.python, str(env.shared / BASELINE), str(corpus)],
                      out_path, env.timeout)
    if run.timed_out or run.exit_code != 0:
        raise SetupError(f"baseline failed on {corpus}: {describe_failure(run, env.timeout)}")
    return run


# ---------------------------------------------------------------- corpora

def corpus_key(env):
    """A short hash of the generator and its sources' checksums: a change
    to either gives new cache file names instead of stale corpora."""
    digest = hashlib.sha256((env.shared / MAKE_CORPUS).read_bytes())
    sums = env.shared / SOURCES / "SHA256SUMS"
    if sums.is_file():
        digest.update(sums.read_bytes())
    return digest.hexdigest()[:10]


def ensure_corpus(env, size, seed=CORPUS_SEED):
    """Path of a make_corpus corpus of size bytes, built once and reused."""
    folder = env.workdir / "corpora"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"corpus-{size}-seed{seed}-{corpus_key(env)}.txt"
    if path.is_file():
        log(f"[{size_label(size)}] reusing {path}")
        return path
    log(f"[{size_label(size)}] building {path} ...")
    partial = path.with_name(path.name + ".part")
    cmd = [env.python, str(env.shared / MAKE_CORPUS), str(env.shared / SOURCES),
           str(size), "-o", str(partial), "--seed", str(seed)]
    done = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, text=True)
    if done.returncode != 0:
        partial.unlink(missing_ok=True)
        message = done.stderr.strip().splitlines()[-1:] or [f"exit status {done.returncode}"]
        raise SetupError(f"make_corpus.py failed: {message[0]}")
    os.replace(partial, path)  # only complete corpora get the final name
    return path


# ---------------------------------------------------------------- main table

@dataclass(frozen=True)
class SizeResult:
    size: int
    input_bytes: int
    tool_runs: list
    base_runs: list
    error: str = ""
    warning: str = ""

    def tool_seconds(self):
        return median(r.seconds for r in self.tool_runs)

    def base_seconds(self):
        return median(r.seconds for r in self.base_runs)

    def ratio(self):
        return median(t.seconds / b.seconds for t, b in zip(self.tool_runs, self.base_runs))


def bench_size(env, size, repeat):
    corpus = ensure_corpus(env, size)
    label = size_label(size)
    tool_out, base_out = env.workdir / "out-quotes.jsonl", env.workdir / "out-baseline.jsonl"
    tool_args = ["--format", "jsonl", str(corpus)]
    tool_runs, base_runs = [], []
    try:
        log(f"[{label}] warm-up")
        run_tool(env, tool_args, tool_out)
        run_baseline(env, corpus, base_out)
        warning = empty_output_warning(label, tool_out, base_out)
        for number in range(1, repeat + 1):
            tool_runs.append(run_tool(env, tool_args, tool_out))
            base_runs.append(run_baseline(env, corpus, base_out))
            log(f"[{label}] pair {number}/{repeat}: quotes.py {tool_runs[-1].seconds:.3f} s, "
                f"baseline {base_runs[-1].seconds:.3f} s")
    except ToolFailed as failure:
        log(f"[{label}] {failure}")
        return SizeResult(size, corpus.stat().st_size, [], [], str(failure))
    return SizeResult(size, corpus.stat().st_size, tool_runs, base_runs, warning=warning)


def empty_output_warning(label, tool_out, base_out):
    """A warning when quotes.py wrote nothing where the baseline found spans."""
    if tool_out.stat().st_size or not base_out.stat().st_size:
        return ""
    warning = f"warning: on {label} quotes.py wrote no output but the baseline found spans"
    log(f"[{label}] {warning}")
    return warning


def print_size_table(results):
    print(f"{'size':>7} {'quotes s':>9} {'MB/s':>7} {'RSS MiB':>8}   "
          f"{'base s':>8} {'MB/s':>7} {'RSS MiB':>8}   {'ratio':>6}")
    for res in results:
        if res.error:
            print(f"{size_label(res.size):>7}  quotes.py failed: {res.error}")
            continue
        mb = res.input_bytes / MB
        tool_s, base_s = res.tool_seconds(), res.base_seconds()
        print(f"{size_label(res.size):>7} {tool_s:9.3f} {mb / tool_s:7.1f} "
              f"{max(r.rss_mib for r in res.tool_runs):8.1f}   "
              f"{base_s:8.3f} {mb / base_s:7.1f} {max(r.rss_mib for r in res.base_runs):8.1f}   "
              f"{fmt_ratio(res.ratio()):>6}")
    for res in results:
        if res.warning:
            print(res.warning)


def size_checks(results):
    by_size = {res.size: res for res in results}
    checks = [Check(False, f"{size_label(res.size)}: quotes.py failed: {res.error}")
              for res in results if res.error]
    for size in RATIO_SIZES:
        res = by_size.get(size)
        if res and not res.error:
            ratio, label = res.ratio(), size_label(size)
            checks.append(Check(ratio <= RATIO_MAX,
                                f"{label} time ratio {fmt_ratio(ratio)} <= {RATIO_MAX:g}x"))
            checks.append(Check(ratio <= RATIO_STRETCH,
                                f"{label} time ratio {fmt_ratio(ratio)} <= {RATIO_STRETCH:g}x"
                                " (stretch)", stretch=True))
    res = by_size.get(RSS_SIZE)
    if res and not res.error:
        rss = max(r.rss_mib for r in res.tool_runs)
        checks.append(Check(rss <= RSS_MAX_MIB,
                            f"{size_label(RSS_SIZE)} peak RSS {rss:.1f} MiB "
                            f"<= {RSS_MAX_MIB:g} MiB"))
    small, large = by_size.get(LINEAR_SMALL), by_size.get(LINEAR_LARGE)
    if small and large and not small.error and not large.error:
        growth = large.tool_seconds() / small.tool_seconds()
        checks.append(Check(growth <= LINEAR_MAX,
                            f"linear growth: time({size_label(LINEAR_LARGE)}) / "
                            f"time({size_label(LINEAR_SMALL)}) = {fmt_ratio(growth)} "
                            f"<= {LINEAR_MAX:g}x"))
    return checks


# ---------------------------------------------------------------- --adversarial

def lorem_sentence(rng):
    words = rng.choices(LOREM, k=rng.randint(5, 16))
    return " ".join(words).capitalize() + "."


def lorem_paragraph(rng):
    """A few sentences wrapped at 72 columns, no quote marks."""
    sentences = " ".join(lorem_sentence(rng) for _ in range(rng.randint(2, 7)))
    return textwrap.fill(sentences, 72)


def quoted_sentence(rng):
    """A sentence holding one balanced quotation, straight or curly."""
    opening, closing = rng.choice((('"', '"'), ("\u201c", "\u201d")))
    spoken = lorem_sentence(rng)[:-1] + ","
    return f"{opening}{spoken}{closing} said {rng.choice(LOREM)}. {lorem_sentence(rng)}"


def fill(units, chars):
    """Concatenate units, cycling through them, up to (at most) chars characters."""
    pieces, total = [], 0
    while True:
        for unit in units:
            if total + len(unit) > chars:
                return "".join(pieces)
            pieces.append(unit)
            total += len(unit)


def adversarial_text(kind, chars, seed=1):
    """The hostile input kind, about chars characters long."""
    rng = random.Random(seed)
    if kind == "double":
        return '"' * chars
    if kind == "single":
        return "'" * chars
    if kind == "nested":
        return ("\u201c\u2018" * (chars // 2 + 1))[:chars]
    if kind == "open-once":
        units = [lorem_paragraph(rng) + "\n\n" for _ in range(500)]
        return '"' + fill(units, chars - 1)
    if kind == "open-every":
        units = ['"' + lorem_paragraph(rng) + "\n\n" for _ in range(500)]
        return fill(units, chars)
    if kind == "one-line":
        units = [quoted_sentence(rng) + " " for _ in range(2000)]
        return fill(units, chars)
    raise ValueError(kind)


ADVERSARIAL_CASES = (
    ("double", 'nothing but "'),
    ("single", "nothing but '"),
    ("open-once", 'one " then only words'),
    ("open-every", 'unclosed " every paragraph'),
    ("one-line", "one line, balanced quotes"),
    ("nested", "\u201c\u2018\u201c\u2018... never closed"),
)


def time_tool_on(env, path, repeat):
    """Median seconds of quotes.py --format jsonl on path; a slow input is
    not repeated once it has used ADV_REPEAT_BUDGET seconds."""
    times = []
    for _ in range(repeat):
        times.append(run_tool(env, ["--format", "jsonl", str(path)],
                              env.workdir / "out-adversarial.jsonl").seconds)
        if sum(times) > ADV_REPEAT_BUDGET:
            break
    return median(times)


def write_adversarial(env, kind, chars):
    folder = env.workdir / "adversarial"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{kind}-{chars}.txt"
    path.write_text(adversarial_text(kind, chars), encoding="utf-8", newline="")
    return path


def bench_adversarial(env, repeat):
    """Rows (label, bytes of the 5M input, {chars: seconds or error message}),
    the ordinary-text 5MB time (None without the shared data), and checks."""
    small, large = ADV_SIZES
    rows, checks = [], []
    reference = None
    if all((env.shared / part).exists() for part in (MAKE_CORPUS, SOURCES)):
        refs = {size: ensure_corpus(env, size) for size in ADV_SIZES}
        log("[adversarial] warm-up")
        run_tool(env, ["--format", "jsonl", str(refs[small])],
                 env.workdir / "out-adversarial.jsonl")
        times = {size: time_tool_on(env, path, repeat) for size, path in refs.items()}
        reference = times[large]
        rows.append(("ordinary text (reference)", refs[large].stat().st_size, times))
    else:
        log(f"[adversarial] no make_corpus.py/sources under {env.shared}: "
            "no ordinary-text reference")
    for kind, label in ADVERSARIAL_CASES:
        paths = {chars: write_adversarial(env, kind, chars) for chars in ADV_SIZES}
        times = {}
        for chars, path in paths.items():
            log(f"[adversarial] {kind} {chars_label(chars)} chars ({path.stat().st_size} bytes)")
            try:
                times[chars] = time_tool_on(env, path, repeat)
            except ToolFailed as failure:
                times[chars] = str(failure)
                break                       # a larger input will not do better
        rows.append((label, paths[large].stat().st_size, times))
        checks.extend(adversarial_checks(label, times, reference))
    return rows, reference, checks


def adversarial_checks(label, times, reference):
    small, large = ADV_SIZES
    failures = [t for t in times.values() if isinstance(t, str)]
    if failures:
        return [Check(False, f"adversarial {label}: {failures[0]}")]
    growth = times[large] / times[small]
    checks = [Check(growth <= ADV_GROWTH_MAX,
                    f"adversarial {label}: time({chars_label(large)}) / time({chars_label(small)})"
                    f" = {fmt_ratio(growth)} <= {ADV_GROWTH_MAX:g}x (linear)")]
    if reference is not None:
        slowdown = times[large] / reference
        checks.append(Check(slowdown <= ADV_VS_TEXT_MAX,
                            f"adversarial {label}: {fmt_ratio(slowdown)} the time of ordinary "
                            f"text <= {ADV_VS_TEXT_MAX:g}x"))
    return checks


def time_cell(times, chars):
    """Seconds, "error", or "-" when the input was not run (a smaller one failed)."""
    if chars not in times:
        return f"{'-':>8}"
    return f"{times[chars]:8.3f}" if isinstance(times[chars], float) else f"{'error':>8}"


def print_adversarial_table(rows, reference):
    small, large = ADV_SIZES
    print(f"{'input (' + chars_label(small) + ' / ' + chars_label(large) + ' chars)':<32} "
          f"{'bytes':>9} {chars_label(small) + ' s':>8} {chars_label(large) + ' s':>8} "
          f"{'growth':>7} {'vs text':>8}")
    for label, nbytes, times in rows:
        ok = all(isinstance(times.get(c), float) for c in ADV_SIZES)
        growth = fmt_ratio(times[large] / times[small]) if ok else "-"
        versus = fmt_ratio(times[large] / reference) if ok and reference is not None else "-"
        print(f"{label:<32} {nbytes:9d} {time_cell(times, small)} {time_cell(times, large)} "
              f"{growth:>7} {versus:>8}")


# ---------------------------------------------------------------- --startup

def bench_startup(env):
    sample = env.workdir / "one-line.txt"
    sample.write_text('"Hello," she said.\n', encoding="utf-8")
    out = env.workdir / "out-startup.txt"
    bare = [env.python, "-c", "pass"]
    log("[startup] warm-up")
    run_tool(env, [str(sample)], out)
    run_command(bare, out, env.timeout)
    tool_times, bare_times = [], []
    for _ in range(STARTUP_RUNS):
        tool_times.append(run_tool(env, [str(sample)], out).seconds)
        bare_times.append(run_command(bare, out, env.timeout).seconds)
    return median(tool_times), median(bare_times)


def print_startup(tool_s, bare_s):
    ratio = tool_s / bare_s
    print(f"quotes.py on one line: {tool_s * 1000:.1f} ms; python3 -c pass: "
          f"{bare_s * 1000:.1f} ms; ratio {fmt_ratio(ratio)} (median of {STARTUP_RUNS})")
    return [Check(ratio <= STARTUP_MAX,
                  f"startup {fmt_ratio(ratio)} of python3 -c pass <= {STARTUP_MAX:g}x")]


# ---------------------------------------------------------------- --jobs

def bench_jobs(env, size, repeat):
    first = ensure_corpus(env, size, CORPUS_SEED)
    second = ensure_corpus(env, size, SECOND_CORPUS_SEED)
    outs = {jobs: env.workdir / f"out-j{jobs}.jsonl" for jobs in (1, 2)}
    times = {1: [], 2: []}

    def once(jobs):
        args = ["-j", str(jobs), "--format", "jsonl", str(first), str(second)]
        return run_tool(env, args, outs[jobs]).seconds

    log("[jobs] warm-up")
    once(1)
    once(2)
    for number in range(1, repeat + 1):
        for jobs in (1, 2):
            times[jobs].append(once(jobs))
        log(f"[jobs] pair {number}/{repeat}: -j 1 {times[1][-1]:.3f} s, -j 2 {times[2][-1]:.3f} s")
    same = filecmp.cmp(outs[1], outs[2], shallow=False)
    return median(times[1]), median(times[2]), same


def print_jobs(size, one_s, two_s, same):
    speedup = one_s / two_s
    print(f"two {size_label(size)} files: -j 1 {one_s:.3f} s, -j 2 {two_s:.3f} s, "
          f"speed-up {fmt_ratio(speedup)}; outputs {'identical' if same else 'DIFFER'}")
    checks = [Check(same, "-j 1 and -j 2 outputs are byte-identical")]
    if (os.cpu_count() or 1) >= 2:
        checks.append(Check(speedup >= JOBS_SPEEDUP_MIN,
                            f"-j 2 speed-up {fmt_ratio(speedup)} >= {JOBS_SPEEDUP_MIN:g}x"))
    else:
        print("(one CPU: speed-up not checked)")
    return checks


# ---------------------------------------------------------------- main

def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog="benchmarks/bench.py",
        description="Benchmark quotes.py (--format jsonl) against the re.finditer baseline "
                    "on real-prose corpora; check the speed and memory targets.",
        epilog="Each target prints a PASS or FAIL line (stretch goals: PASS or MISS). "
               "Results go to stdout, progress to stderr. Run outputs are written to files "
               "in the work folder. Exit status 0: every check passed; 1: a check failed or "
               "quotes.py crashed; 2: usage or setup error.")
    parser.add_argument("--sizes", type=parse_sizes, default=parse_sizes(DEFAULT_SIZES),
                        metavar="LIST",
                        help=f"comma-separated corpus sizes (default {DEFAULT_SIZES}); "
                             "MB/kB/GB are powers of ten, MiB powers of two")
    parser.add_argument("--repeat", type=int, default=DEFAULT_REPEAT, metavar="N",
                        help=f"timed runs of each program per size, after one warm-up "
                             f"(default {DEFAULT_REPEAT})")
    parser.add_argument("--no-table", action="store_true",
                        help="skip the main size table (run only the optional sections)")
    parser.add_argument("--adversarial", action="store_true",
                        help="hostile generated inputs at 1M and 5M characters")
    parser.add_argument("--startup", action="store_true",
                        help=f"startup time versus python3 -c pass (median of {STARTUP_RUNS})")
    parser.add_argument("--jobs", action="store_true",
                        help="-j 1 versus -j 2 on two corpora; outputs must match")
    parser.add_argument("--jobs-size", type=parse_size, default=JOBS_SIZE, metavar="SIZE",
                        help=f"size of each --jobs corpus (default {size_label(JOBS_SIZE)})")
    parser.add_argument("--all", action="store_true",
                        help="turn on --adversarial, --startup and --jobs")
    parser.add_argument("--tool", type=Path, default=DEFAULT_TOOL, metavar="PATH",
                        help="the quotes.py to benchmark (default <repo>/quotes.py)")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, metavar="PATH",
                        help="folder holding bench/make_corpus.py, bench/sources and "
                             "bench/baselines (default <repo>/../shared)")
    parser.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR, metavar="PATH",
                        help="cache of corpora and run outputs; corpora already built are "
                             f"reused (default {DEFAULT_WORKDIR})")
    parser.add_argument("--python", default=sys.executable, metavar="EXE",
                        help="interpreter for every program (default: the one running this)")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                        help=f"kill a run after this long (default {DEFAULT_TIMEOUT:g})")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if args.all:
        args.adversarial = args.startup = args.jobs = True
    if args.no_table and not (args.adversarial or args.startup or args.jobs):
        parser.error("--no-table needs --adversarial, --startup, --jobs or --all")
    return args


def make_env(args):
    """Check the paths each chosen section needs; SetupError names the first missing one."""
    tool = args.tool.resolve()
    if not tool.is_file():
        raise SetupError(f"quotes.py not found: {tool} (use --tool PATH)")
    needs_shared = not args.no_table or args.jobs
    shared = args.shared.resolve()
    if needs_shared:
        if not shared.is_dir():
            raise SetupError(f"shared folder not found: {shared} (use --shared PATH)")
        for part in (MAKE_CORPUS, SOURCES, BASELINE):
            if not (shared / part).exists():
                raise SetupError(f"missing {shared / part} (is --shared right?)")
    workdir = args.workdir.resolve()
    try:
        workdir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise SetupError(f"cannot create work folder {workdir}: {error.strerror}") from error
    return Env(args.python, tool, shared, workdir, args.timeout)


def summarize(checks):
    """Print the totals; exit status 1 when a (non-stretch) check failed."""
    targets = [c for c in checks if not c.stretch]
    failed = sum(not c.ok for c in targets)
    missed = sum(not c.ok for c in checks if c.stretch)
    print(f"\n{len(targets) - failed} of {len(targets)} checks passed"
          + (f", {failed} FAILED" if failed else "")
          + (f"; {missed} stretch goal(s) missed" if missed else ""))
    return 1 if failed else 0


def print_checks(checks):
    for check in checks:
        print(check.line())


def run_sections(env, args):
    """Run the chosen sections, print their results; return every check."""
    checks = []
    if not args.no_table:
        print(f"\n== {env.tool.name} vs re_finditer_jsonl.py, median of {args.repeat} "
              "alternating pairs ==")
        results = [bench_size(env, size, args.repeat) for size in args.sizes]
        print_size_table(results)
        section = size_checks(results)
        if not section:
            print("(no target applies to these sizes: ratio on 20MB and 100MB, "
                  "RSS on 100MB, growth on 10MB+100MB)")
        print_checks(section)
        checks += section
    if args.adversarial:
        print(f"\n== adversarial inputs, median of up to {args.repeat} runs ==")
        try:
            rows, reference, section = bench_adversarial(env, args.repeat)
            print_adversarial_table(rows, reference)
        except ToolFailed as failure:      # only on the ordinary-text reference
            section = [Check(False, f"adversarial reference: {failure}")]
        print_checks(section)
        checks += section
    if args.startup:
        print("\n== startup ==")
        try:
            section = print_startup(*bench_startup(env))
        except ToolFailed as failure:
            section = [Check(False, f"startup: {failure}")]
        print_checks(section)
        checks += section
    if args.jobs:
        print("\n== parallel files (-j) ==")
        try:
            section = print_jobs(args.jobs_size, *bench_jobs(env, args.jobs_size, args.repeat))
        except ToolFailed as failure:
            section = [Check(False, f"jobs: {failure}")]
        print_checks(section)
        checks += section
    return checks


def main(argv=None):
    args = parse_args(argv)
    try:
        env = make_env(args)
        floor = run_command([env.python, "-c", "pass"], env.workdir / "out-floor.txt",
                            env.timeout).rss_mib
        print(f"# {env.tool} | Python {sys.version.split()[0]} | {os.cpu_count()} CPUs | "
              f"RSS floor (python3 -c pass) {floor:.1f} MiB | "
              f"outputs written to {env.workdir}/out-*")
        checks = run_sections(env, args)
    except SetupError as error:
        print(f"bench.py: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("bench.py: interrupted", file=sys.stderr)
        return 130
    return summarize(checks)


if __name__ == "__main__":
    sys.exit(main())
