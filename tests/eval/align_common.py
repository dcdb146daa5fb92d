"""Helpers shared by the alignment / diff evaluations (standard library only).

- running ``parallax align|diff --format json`` on two files, with a timeout,
  and parsing the report (never raises: a failed run comes back with
  ``ok == False`` and the reason);
- checking the report against the interface (doc/INTERFACE.md, "JSON"): every
  sentence's ``text`` is the bytes ``[start, end)`` of its file;
- telling a build without align/diff ("not implemented yet") from a failure;
- mapping byte offsets to sentences, numbers to a language-neutral form,
  floors files.
"""

import bisect
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.dont_write_bytecode = True  # keep the source tree clean (no __pycache__)
sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402

NOT_IMPLEMENTED = "not implemented"


class Report:
    """Outcome of one ``parallax align`` / ``parallax diff`` run."""

    def __init__(self, ok, doc=None, returncode=None, stderr="", error="",
                 elapsed=0.0, not_implemented=False, span_mismatches=0):
        self.ok = ok
        self.doc = doc or {}
        self.returncode = returncode
        self.stderr = stderr
        self.error = error
        self.elapsed = elapsed
        self.not_implemented = not_implemented
        self.span_mismatches = span_mismatches

    # ---- convenient views of the JSON ----
    def sentences(self, side):
        return self.doc.get(side, {}).get("sentences", []) or []

    @property
    def links(self):
        return self.doc.get("links", []) or []

    @property
    def gaps(self):
        return self.doc.get("gaps", []) or []

    @property
    def facts(self):
        return self.doc.get("facts", []) or []

    @property
    def mode(self):
        return self.doc.get("mode")

    def gap_set(self):
        return {(g.get("side"), int(g.get("sentence", -1))) for g in self.gaps}

    def link_pairs(self):
        """All (a_id, b_id) pairs the links imply (a group expands to its product)."""
        pairs = set()
        for l in self.links:
            for i in l.get("a", []) or []:
                for j in l.get("b", []) or []:
                    pairs.add((int(i), int(j)))
        return pairs


_input_opt = {}


def input_option_supported(binary=None):
    """Whether the program takes `--input text` (named in its --help; probed once).

    The evaluations pass it so that a plain-text article that happens to hold
    markup (a social-media post quoting HTML) is never read as HTML.
    """
    binary = str(binary or common.binary_path())
    if binary not in _input_opt:
        try:
            p = common.run_with_timeout([binary, "--help"], common.TIMEOUT)
            _input_opt[binary] = b"--input" in (p.stdout + p.stderr)
        except (OSError, subprocess.TimeoutExpired):
            _input_opt[binary] = False
    return _input_opt[binary]


def build_cmd(command, a, b, mode=None, segmented=False, lang_a=None, lang_b=None,
              fmt="json", binary=None, extra=()):
    binary = binary or common.binary_path()
    cmd = [str(binary), command]
    if input_option_supported(binary):
        cmd += ["--input", "text"]
    if segmented:
        cmd.append("--segmented")
    if mode:
        cmd += ["--mode", mode]
    if lang_a:
        cmd += ["--lang-a", lang_a]
    if lang_b:
        cmd += ["--lang-b", lang_b]
    if fmt:
        cmd += ["--format", fmt]
    cmd += list(extra)
    cmd += [str(a), str(b)]
    return cmd


def run_report(command, a, b, mode=None, segmented=False, lang_a=None, lang_b=None,
               timeout=None, binary=None, check_spans=True):
    """Run ``parallax COMMAND ... --format json A B`` and parse the report.

    ``diff`` exits 1 when it finds differences: that is success too.
    """
    timeout = timeout or common.TIMEOUT
    cmd = build_cmd(command, a, b, mode, segmented, lang_a, lang_b, "json", binary)
    t0 = time.perf_counter()
    try:
        p = common.run_with_timeout(cmd, timeout)
    except subprocess.TimeoutExpired as e:
        err = (e.stderr or b"").decode("utf-8", "replace")
        return Report(False, stderr=err, error="timeout after %ds" % timeout,
                      elapsed=time.perf_counter() - t0)
    except OSError as e:
        return Report(False, error="cannot run %s: %s" % (cmd[0], e))
    elapsed = time.perf_counter() - t0
    stderr = p.stderr.decode("utf-8", "replace")
    okcodes = (0, 1) if command == "diff" else (0,)
    if p.returncode not in okcodes:
        return Report(False, returncode=p.returncode, stderr=stderr, elapsed=elapsed,
                      error="exit status %d" % p.returncode,
                      not_implemented=NOT_IMPLEMENTED in stderr)
    try:
        doc = json.loads(p.stdout.decode("utf-8", "replace"))
        for side in ("a", "b"):
            for s in doc[side]["sentences"]:
                int(s["id"]), int(s["start"]), int(s["end"])
        for l in doc.get("links", []) or []:
            [int(x) for x in l["a"]], [int(x) for x in l["b"]]
    except (ValueError, KeyError, TypeError) as e:
        return Report(False, returncode=p.returncode, stderr=stderr, elapsed=elapsed,
                      error="bad JSON output: %s" % e)
    mism = 0
    if check_spans:
        for side, path in (("a", a), ("b", b)):
            try:
                data = Path(path).read_bytes()
            except OSError:
                continue
            for s in doc[side]["sentences"]:
                st, en = int(s["start"]), int(s["end"])
                if not (0 <= st <= en <= len(data)) or \
                        data[st:en].decode("utf-8", "replace") != s.get("text", ""):
                    mism += 1
    return Report(True, doc, returncode=p.returncode, stderr=stderr, elapsed=elapsed,
                  span_mismatches=mism)


def probe(command="align", binary=None):
    """None if `parallax COMMAND` works on a tiny pair, else a reason string.

    The reason starts with "not implemented" when the build says so.
    """
    with tempfile.TemporaryDirectory(prefix="plx-probe-") as d:
        a = Path(d) / "a.txt"
        b = Path(d) / "b.txt"
        a.write_text("The house is red.\nThe dog sleeps.\n", encoding="utf-8")
        b.write_text("La casa es roja.\nEl perro duerme.\n", encoding="utf-8")
        r = run_report(command, a, b, segmented=True, lang_a="en", lang_b="es",
                       binary=binary)
    if r.ok:
        return None
    if r.not_implemented:
        return "not implemented in this build (%s)" % r.stderr.strip()
    return "%s: %s" % (r.error, r.stderr.strip()[:300])


class Offsets:
    """Map byte offsets of one file to the report's sentences of one side."""

    def __init__(self, sentences):
        self.sents = sorted(sentences, key=lambda s: int(s["start"]))
        self.starts = [int(s["start"]) for s in self.sents]

    def at(self, offset):
        """The sentence whose [start, end) contains offset, else None."""
        k = bisect.bisect_right(self.starts, offset) - 1
        if k >= 0:
            s = self.sents[k]
            if int(s["start"]) <= offset < int(s["end"]):
                return s
        return None

    def overlapping(self, start, end):
        """Sentences overlapping the byte span [start, end)."""
        out = []
        k = max(0, bisect.bisect_right(self.starts, start) - 1)
        while k < len(self.sents) and int(self.sents[k]["start"]) < end:
            s = self.sents[k]
            if int(s["end"]) > start:
                out.append(s)
            k += 1
        return out


# ---- numbers ----

_NUM_IN_VALUE = re.compile(r"\d+(?:\.\d+)?")


def preflight(name, commands):
    """None when the program is there and each of `parallax COMMAND` works
    on a tiny pair; else the exit status for the script, having said why
    (a hard error, or a skip when the build says it lacks the command)."""
    err = common.check_binary()
    if err:
        print("%s: %s" % (name, err), file=sys.stderr)
        return common.EXIT_HARD_ERROR
    for command in commands:
        why = probe(command)
        if why and why.startswith("not implemented"):
            print("SKIP: parallax %s %s" % (command, why))
            return common.EXIT_SKIP
    return None


def neutral_number(token, lang):
    """Language-neutral form of a number written in digits: digits without
    group separators, "." as decimal mark. ``lang`` decides which of "," and
    "." groups thousands. Returns a string (e.g. "10000", "3.5")."""
    t = token.replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    group, dec = (",", ".") if lang == "en" else (".", ",")
    if re.fullmatch(r"\d{1,3}(?:%s\d{3})+(?:%s\d+)?" % (re.escape(group), re.escape(dec)), t):
        t = t.replace(group, "")
    t = t.replace(dec, ".")
    if "." in t:
        t = t.rstrip("0").rstrip(".") if re.fullmatch(r"\d+\.\d+", t) else t
    t = t.lstrip("0") or "0" if re.fullmatch(r"\d+", t) else t
    return t


def numbers_in_value(value):
    """The numbers in a report's language-neutral value string ("P40Y" -> {"40"})."""
    out = set()
    for m in _NUM_IN_VALUE.finditer(value or ""):
        s = m.group(0)
        if "." in s:
            s = s.rstrip("0").rstrip(".")
        s = s.lstrip("0") or "0" if "." not in s else s
        out.add(s)
    return out


# ---- floors ----

def check_floors(path, figs, ceilings_prefix=("scaling:",), known=None):
    """common.check_floors with this suite's ceilings ("scaling:" keys)."""
    return common.check_floors(path, figs, ceilings_prefix, known)


def write_floors(path, figs):
    with open(path, "w", encoding="utf-8") as f:
        json.dump({k: v for k, v in figs.items() if v is not None}, f, indent=2,
                  sort_keys=True)
        f.write("\n")


def prf(tp, n_pred, n_gold):
    """precision, recall, F1 as fractions in [0, 1]."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def jobs_default():
    return max(1, min(4, os.cpu_count() or 1))
