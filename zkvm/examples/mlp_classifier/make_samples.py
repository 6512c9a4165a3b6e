#!/usr/bin/env python3
"""Writes the mlp_classifier sample images and their expected outputs.

The digit glyphs are read from mlp_classifier.cc (one source of truth). Each
sample is an 8x8 PGM of a glyph with a few pixels flipped and some grey-level
jitter (deterministic, seeded), as text (P2) or binary (P5). The expected
output is the digit drawn: the classifier must recover it.

  python3 make_samples.py     (rewrites samples/)
"""
import pathlib
import random
import re

HERE = pathlib.Path(__file__).resolve().parent
SOURCE = (HERE / "mlp_classifier.cc").read_text()
ROWS = re.findall(r'"([.#]{8})"', SOURCE)
GLYPHS = [ROWS[8 * d:8 * d + 8] for d in range(10)]
assert len(ROWS) == 80


def image(digit, flips, rng):
    pixels = [200 + rng.randrange(56) if c == "#" else rng.randrange(40)
              for row in GLYPHS[digit] for c in row]
    for p in rng.sample(range(64), flips):
        pixels[p] = 255 - pixels[p]
    return pixels


def write(name, pixels, binary):
    if binary:
        data = b"P5\n8 8\n255\n" + bytes(pixels)
    else:
        rows = [" ".join("%3d" % v for v in pixels[8 * r:8 * r + 8]) for r in range(8)]
        data = ("P2\n# 8x8 digit\n8 8\n255\n" + "\n".join(rows) + "\n").encode()
    (HERE / "samples" / (name + ".private")).write_bytes(data)
    (HERE / "samples" / (name + ".public")).write_bytes(b"")


def main():
    rng = random.Random(20240531)
    for digit in range(10):
        name = "digit%d" % digit
        write(name, image(digit, 2, rng), binary=digit % 2 == 1)
        (HERE / "samples" / (name + ".expected")).write_text("class %d\n" % digit)


if __name__ == "__main__":
    main()
