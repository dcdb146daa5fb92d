"""Shared by the test scripts written in Python (tests/*.sh run them with
`python3 -`): a check that records a failure and goes on, so that one run
shows every failure, and the closing line with the exit status."""
import sys

fails = 0


def check(cond, what):
    global fails
    if not cond:
        fails += 1
        print("FAIL:", what)


def finish(name, detail=""):
    """Print the test's last line and exit 1 if any check failed."""
    print("%s: %s%s" % (name, detail, "ok" if not fails else "%d failed" % fails))
    sys.exit(1 if fails else 0)
