#!/usr/bin/env python3
"""gen.py: build a benchmark corpus of about SIZE_MB megabytes from examples/.

Each generated policy keeps the headings of one example and refills its paragraphs with
sentences drawn from all examples, shuffled with a fixed seed, so the corpus is deterministic
and reads like policy text. Usage: gen.py SIZE_MB OUTDIR [EXAMPLES_DIR]"""
import os
import random
import re
import sys


def main():
    size = float(sys.argv[1]) * 1e6
    out = sys.argv[2]
    src = sys.argv[3] if len(sys.argv) > 3 else os.path.join(os.path.dirname(__file__), "..", "examples")
    rng = random.Random(115)
    docs, sentences = [], []
    for name in sorted(os.listdir(src)):
        if not name.endswith((".txt", ".md")):
            continue
        text = open(os.path.join(src, name), encoding="utf-8").read()
        docs.append(text)
        for para in re.split(r"\n\s*\n", text):
            sentences += [s for s in re.split(r"(?<=[.;:])\s+", para.strip()) if len(s) > 20]
    os.makedirs(out, exist_ok=True)
    total, n = 0, 0
    while total < size:
        base = docs[n % len(docs)]
        parts = []
        for para in re.split(r"\n\s*\n", base):
            if len(para) < 80 or para.lstrip().startswith("#"):
                parts.append(para)  # headings and short lines stay
            else:
                k = max(1, para.count(". "))
                parts.append(" ".join(rng.choice(sentences) for _ in range(k + 1)))
        text = "\n\n".join(parts) + "\n"
        with open(os.path.join(out, "p%05d.txt" % n), "w", encoding="utf-8") as f:
            f.write(text)
        total += len(text.encode("utf-8"))
        n += 1
    print("%d policies, %.1f MB" % (n, total / 1e6))


main()
