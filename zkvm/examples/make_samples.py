#!/usr/bin/env python3
"""Writes the samples of the fibonacci, sha256, cycle_loop and memory_sweep
guests, with the expected outputs computed here by independent Python
references (hashlib, big integers, the same xorshift/multiply loops).
mlp_classifier/ and portfolio_var/ have their own make_samples.py.

  python3 zkvm/examples/make_samples.py
"""
import hashlib
import pathlib

HERE = pathlib.Path(__file__).resolve().parent


def write(guest, name, public, expected):
    out = HERE / guest / "samples"
    (out / (name + ".public")).write_bytes(public)
    (out / (name + ".expected")).write_bytes(expected)


def fibonacci(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


MASK = 0xFFFFFFFF


def xorshift32(x):
    x ^= (x << 13) & MASK
    x ^= x >> 17
    return x ^ ((x << 5) & MASK)


def cycle_loop(n):
    x, y = 0x9E3779B9, 1
    for _ in range(n):
        x = xorshift32(x)
        y = (y * 0x01000193 + x) & MASK
    return b"rounds %d state %08x %08x\n" % (n, x, y)


def memory_sweep(words, passes):
    x, a = 0x9E3779B9, []
    for _ in range(words):
        x = xorshift32(x)
        a.append(x)
    for p in range(passes):
        j = (words // 2 + p) % words
        for i in range(words):
            a[i] = (a[i] * 0x01000193 + a[j]) & MASK
            j = (j + 1) % words
    total = 0
    for value in a:
        total = ((total ^ value) * 0x01000193) & MASK
    return b"words %d passes %d checksum %08x\n" % (words, passes, total)


def main():
    for n in (0, 1, 10, 93, 1000):
        write("fibonacci", "n%d" % n, b"%d\n" % n, b"%d\n" % fibonacci(n))
    messages = {
        "empty": b"",
        "abc": b"abc",
        "two_blocks": b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
        "text": b"The quick brown fox jumps over the lazy dog.\n" * 25,
    }
    for name, message in messages.items():
        write("sha256", name, message, hashlib.sha256(message).hexdigest().encode() + b"\n")
    for n in (0, 1000, 100000):
        write("cycle_loop", "n%d" % n, b"%d\n" % n, cycle_loop(n))
    for name, words, passes in (("small", 1000, 2), ("wide", 20000, 3), ("one_word", 1, 4),
                                 ("regions", 1024, 7)):
        write("memory_sweep", name, b"%d %d\n" % (words, passes), memory_sweep(words, passes))


if __name__ == "__main__":
    main()
