#!/usr/bin/env python3
"""pyref.py: the taxonomy in Python's standard `re`, as a user would script it: every rule's
pattern on every clause (one clause per line of CLAUSES). Reads the YAML with PyYAML.

Translation: (?P<name>..) and scoped flags carry over; \\x{HHHH} becomes \\uHHHH; caseless
rules get re.IGNORECASE (Python folds ſ and K like PCRE2). Not translated, so skipped and
counted: possessive quantifiers, atomic groups and anything else `re` rejects.
Usage: pyref.py TAXONOMY CLAUSES  -> prints rules, skipped, clauses, matches, seconds"""
import re
import sys
import time

import yaml


def rules(node):
    if isinstance(node, dict):
        if "pattern" in node and "id" in node:
            yield node
        for v in node.values():
            yield from rules(v)
    elif isinstance(node, list):
        for v in node:
            yield from rules(v)


def main():
    tax = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
    compiled, skipped = [], 0
    for r in rules(tax):
        pat = re.sub(r"\\x\{([0-9A-Fa-f]{1,4})\}", lambda m: "\\u" + m.group(1).rjust(4, "0"), r["pattern"])
        try:
            compiled.append(re.compile(pat, re.IGNORECASE if r.get("caseless", True) else 0))
        except re.error:
            skipped += 1
    lines = open(sys.argv[2], encoding="utf-8").read().split("\n")
    t0 = time.perf_counter()
    hits = 0
    for line in lines:
        for c in compiled:
            if c.search(line):
                hits += 1
    dt = time.perf_counter() - t0
    print("rules %d skipped %d clauses %d matches %d seconds %.3f" % (len(compiled), skipped, len(lines), hits, dt))


main()
