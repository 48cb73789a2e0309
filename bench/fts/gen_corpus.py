#!/usr/bin/env python3
"""Writes N-Triples with N text literals for the full-text benchmark (bench/fts-compare.sh).

Words are drawn from a Zipf distribution (exponent 1) over a vocabulary of pseudo-words, so a
few words are in most literals and most words in few, as in real text; literal lengths are
uniform in 4..24 words. A third of the literals carry @en. Deterministic for a given seed.

Usage: gen_corpus.py N OUT.nt [--vocabulary V] [--seed S]
"""
import argparse
import bisect
import itertools
import random

SYLLABLES = ["ka", "lo", "mir", "te", "sa", "vo", "ni", "ra", "pel", "du", "zan", "or", "im",
             "bre", "tu", "gal", "es", "fin", "ro", "da"]


def vocabulary(size, rng):
    words, seen = [], set()
    while len(words) < size:
        w = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        if w not in seen:
            seen.add(w)
            words.append(w)
    return words


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--vocabulary", type=int, default=50000)
    ap.add_argument("--seed", type=int, default=42)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    words = vocabulary(a.vocabulary, rng)
    cumulative = list(itertools.accumulate(1.0 / (r + 1) for r in range(len(words))))
    total = cumulative[-1]
    with open(a.out, "w", encoding="utf-8") as f:
        for i in range(a.n):
            k = rng.randint(4, 24)
            text = " ".join(words[bisect.bisect_left(cumulative, rng.random() * total)]
                            for _ in range(k))
            tag = "@en" if i % 3 == 0 else ""
            f.write(f'<http://bench.example/doc/{i}> <http://bench.example/text> "{text}"{tag} .\n')
    # The words the query set uses: a frequent, a middling and a rare one, for the script.
    print(words[2], words[200], words[5000])


if __name__ == "__main__":
    main()
