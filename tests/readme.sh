#!/bin/sh
# The README's sample outputs are the program's: each ``` block that starts
# with "$ ./parallax ARGS" is run (from the source tree) and its lines,
# other than "…" (an elision), must appear in the output in that order.
set -u
: "${PARALLAX:=./parallax}"
: "${srcdir:=.}"
cd "$srcdir" || exit 99
exec "${PYTHON3:-python3}" - "$PARALLAX" <<'PY'
import re, shlex, subprocess, sys
exe = sys.argv[1]
text = open("README.md", encoding="utf-8").read()
blocks = re.findall(r"```\n\$ \./parallax ([^\n]*)\n(.*?)```", text, re.S)
fails = checked = 0
for args, body in blocks:
    if "--format json" in args:
        continue  # JSON samples are abridged by hand; the schema test checks JSON
    out = subprocess.run([exe] + shlex.split(args), capture_output=True, text=True).stdout.splitlines()
    pos = 0
    for line in body.splitlines():
        if line.strip() in ("", "…"):
            continue
        try:
            pos = out.index(line, pos) + 1
        except ValueError:
            fails += 1
            print("FAIL README sample `parallax %s`: not in the output (in order): %s" % (args, line))
            break
    checked += 1
if checked == 0:
    fails += 1
    print("FAIL: no README sample found")
print("readme: %d samples checked, %d failed" % (checked, fails))
sys.exit(1 if fails else 0)
PY
