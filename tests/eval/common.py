"""Shared helpers for the Parallax evaluation scripts (standard library only).

- locating the program (``$PARALLAX``, default ``./parallax`` at the top of the
  repository) and the data directory (``$PARALLAX_DATA``, default
  ``../shared/data`` relative to the repository root);
- running ``parallax split ... --format json`` on bytes written to a temporary
  file, with a timeout, and parsing the result;
- small printing helpers.

A failed run (non-zero exit, timeout, unparsable JSON) never raises: it comes
back as a ``SplitResult`` with ``ok == False`` and the reason in ``error`` and
``stderr``; callers count it as a failure.
"""

import json
import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent.parent

TIMEOUT = int(os.environ.get("PARALLAX_EVAL_TIMEOUT", "60"))  # seconds per parallax run

# automake's test-driver conventions
EXIT_SKIP = 77
EXIT_HARD_ERROR = 99


def binary_path():
    """The parallax program: $PARALLAX, else ./parallax at the repo root."""
    env = os.environ.get("PARALLAX")
    if env:
        return Path(env).expanduser().resolve()
    return REPO_ROOT / "parallax"


def data_dir():
    """The evaluation data: $PARALLAX_DATA, else ../shared/data from the repo root."""
    env = os.environ.get("PARALLAX_DATA")
    if env:
        return Path(env).expanduser().resolve()
    return (REPO_ROOT / ".." / "shared" / "data").resolve()


def check_binary():
    """Return an error message if the program is missing, else None."""
    b = binary_path()
    if not b.exists():
        return "parallax program not found at %s (build it, or set PARALLAX)" % b
    if not os.access(b, os.X_OK):
        return "parallax program at %s is not executable" % b
    return None


class SplitResult:
    """Outcome of one ``parallax split`` run."""

    def __init__(self, ok, sentences=None, lang=None, stderr="", returncode=None,
                 error="", span_mismatches=0):
        self.ok = ok
        self.sentences = sentences or []   # list of dicts: id,start,end,text,kind
        self.lang = lang
        self.stderr = stderr
        self.returncode = returncode
        self.error = error
        # sentences whose "text" is not exactly input[start:end] (interface bug)
        self.span_mismatches = span_mismatches

    @property
    def texts(self):
        return [s.get("text", "") for s in self.sentences]

    @property
    def spans(self):
        return [(int(s["start"]), int(s["end"])) for s in self.sentences]


def run_with_timeout(cmd, timeout, input_bytes=None):
    """subprocess.run with a timeout that also ends the program's own children.

    The program runs in a new process group, which is killed (only it) on
    timeout; raises subprocess.TimeoutExpired then.
    """
    p = subprocess.Popen(cmd, stdin=subprocess.PIPE if input_bytes is not None
                         else subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         start_new_session=True)
    try:
        out, err = p.communicate(input_bytes, timeout=timeout)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except OSError:
            p.kill()
        out, err = p.communicate()
        raise subprocess.TimeoutExpired(cmd, timeout, output=out, stderr=err)
    return subprocess.CompletedProcess(cmd, p.returncode, out, err)


_input_opt_cache = {}


def _input_option_supported(binary):
    """Whether `parallax split` accepts `--input text` (probed once).

    Passing it keeps the program from guessing HTML/XML from the content of a
    plain-text test case; older builds without the option still work.
    """
    key = str(binary)
    if key in _input_opt_cache:
        return _input_opt_cache[key]
    ok = False
    try:
        p = run_with_timeout([str(binary), "split", "--lang", "en", "--input", "text",
                              "--format", "json", "-"], TIMEOUT,
                             input_bytes=b"Probe sentence. Another one.\n")
        ok = p.returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        ok = False
    _input_opt_cache[key] = ok
    return ok


def split_file(path, lang, input_bytes=None, timeout=TIMEOUT, binary=None):
    """Run `parallax split --lang LANG --format json PATH` and parse the output.

    ``input_bytes`` (the file's content) is used to check that every sentence's
    ``text`` equals the bytes ``[start, end)`` of the input.
    """
    binary = binary or binary_path()
    cmd = [str(binary), "split", "--lang", lang, "--format", "json"]
    if _input_option_supported(binary):
        cmd += ["--input", "text"]
    cmd.append(str(path))
    try:
        p = run_with_timeout(cmd, timeout)
    except subprocess.TimeoutExpired as e:
        err = (e.stderr or b"").decode("utf-8", "replace")
        return SplitResult(False, stderr=err, error="timeout after %ds" % timeout)
    except OSError as e:
        return SplitResult(False, error="cannot run %s: %s" % (binary, e))
    stderr = p.stderr.decode("utf-8", "replace")
    if p.returncode != 0:
        return SplitResult(False, stderr=stderr, returncode=p.returncode,
                           error="exit status %d" % p.returncode)
    try:
        doc = json.loads(p.stdout.decode("utf-8", "replace"))
        sents = doc["sentences"]
        for s in sents:
            int(s["start"]), int(s["end"])
            s.setdefault("text", "")
    except (ValueError, KeyError, TypeError) as e:
        return SplitResult(False, stderr=stderr, returncode=p.returncode,
                           error="bad JSON output: %s" % e)
    mism = 0
    if input_bytes is not None:
        for s in sents:
            a, b = int(s["start"]), int(s["end"])
            if not (0 <= a <= b <= len(input_bytes)) or \
                    input_bytes[a:b].decode("utf-8", "replace") != s["text"]:
                mism += 1
    return SplitResult(True, sents, lang=doc.get("lang"), stderr=stderr,
                       returncode=0, span_mismatches=mism)


def split_bytes(data, lang, timeout=TIMEOUT, binary=None, suffix=".txt"):
    """Write ``data`` (bytes, byte for byte) to a temporary file and split it."""
    fd, tmp = tempfile.mkstemp(prefix="plx-eval-", suffix=suffix)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        return split_file(tmp, lang, input_bytes=data, timeout=timeout, binary=binary)
    finally:
        try:
            os.unlink(tmp)
        except OSError:
            pass


# ---- printing ----

def pct(num, den):
    return 100.0 * num / den if den else 0.0


def fmt_ratio(num, den):
    return "%d/%d (%.2f%%)" % (num, den, pct(num, den))


def prf(correct, n_pred, n_gold):
    p = pct(correct, n_pred)
    r = pct(correct, n_gold)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def print_table(rows, header=None, out=sys.stdout):
    """Print rows (lists of str) as left-aligned columns."""
    rows = [list(map(str, r)) for r in rows]
    if header:
        rows = [list(map(str, header))] + rows
    if not rows:
        return
    widths = [max(len(r[i]) if i < len(r) else 0 for r in rows)
              for i in range(max(len(r) for r in rows))]
    for k, r in enumerate(rows):
        out.write("  ".join(c.ljust(widths[i]) for i, c in enumerate(r)).rstrip() + "\n")
        if header and k == 0:
            out.write("  ".join("-" * w for w in widths) + "\n")


def short(s, n=160):
    """repr-like one-line rendering of a string, shortened to about n chars."""
    s = s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")
    return s if len(s) <= n else s[: n - 1] + "…"


def check_floors(path, figs, ceilings_prefix=(), known=None):
    """Compare figures with a floors file (JSON object key -> number), for
    the evaluations' regression checks. Return (below, error). Keys starting
    with "_" are comments; a key not
    in ``known`` (default: the figures) is an error, a known key without a
    figure (its part was not run) is passed over. Keys under
    ``ceilings_prefix`` are upper bounds (times, growth ratios): a figure
    above them is the regression."""
    try:
        with open(path, encoding="utf-8") as f:
            floors = json.load(f)
        if not isinstance(floors, dict):
            raise ValueError("not a JSON object")
    except (OSError, ValueError) as e:
        return [], "cannot read floors file %s: %s" % (path, e)
    below = []
    for k, v in sorted(floors.items()):
        if k.startswith("_"):
            continue
        if k not in (known if known is not None else figs):
            return [], "floors file %s: unknown key %r" % (path, k)
        try:
            v = float(v)
        except (TypeError, ValueError):
            return [], "floors file %s: %r is not a number" % (path, k)
        if k not in figs:
            continue
        if figs[k] is None:
            below.append("%s = n/a (floor %s)" % (k, floors[k]))
        elif k.startswith(tuple(ceilings_prefix)):
            if figs[k] - 1e-9 > v:
                below.append("%s = %s > ceiling %s" % (k, figs[k], floors[k]))
        elif figs[k] + 1e-9 < v:
            below.append("%s = %s < floor %s" % (k, figs[k], floors[k]))
    return below, None


def run_main(main):
    """Exit with what a script's main() returns; a reader that stops early
    (`| head`) is no error."""
    try:
        sys.exit(main())
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(0)


def print_floors(floors, below, write_floors=None):
    """Say how the figures compare with the floors file (if one was given)
    and where the current figures were written (if they were)."""
    if floors:
        if below:
            print("BELOW FLOORS (%s):" % floors)
            for b in below:
                print("  " + b)
        else:
            print("no figure below the floors in %s" % floors)
    if write_floors:
        print("current figures written to %s" % write_floors)
