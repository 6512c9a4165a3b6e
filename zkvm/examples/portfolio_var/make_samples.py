#!/usr/bin/env python3
"""Writes the portfolio_var samples and computes their expected outputs.

The public input holds deterministic pseudo-random daily returns (seeded;
roughly normal, as a sum of uniforms, with per-asset volatilities); the private
input holds the positions. The expected output is computed here with the same
fixed-point rules as the guest, independently of it.

  python3 make_samples.py     (rewrites samples/)
"""
import pathlib
import random

HERE = pathlib.Path(__file__).resolve().parent

CASES = {
    # name: (volatilities in bp, scenarios, limit in cents, positions (quantity, price in cents))
    "small": ([120, 180, 90], 40, 1_500_000,
              [(1200, 18_950), (-300, 41_020), (5000, 2_315)]),
    "book": ([150, 220, 80, 310, 60], 500, 2_000_000,
             [(2500, 17_325), (800, 42_710), (-4000, 9_870), (1500, 25_400), (12_000, 1_050)]),
}


def trunc_div(a, b):
    q = abs(a) // b
    return q if a >= 0 else -q


def expected(vols, returns, limit, positions):
    values = [q * p for q, p in positions]
    pnl = sorted(trunc_div(sum(v * r for v, r in zip(values, row)), 10_000) for row in returns)
    quantile = pnl[len(pnl) * 5 // 100]
    var = -quantile if quantile < 0 else 0

    def money(label, cents):
        sign = "-" if cents < 0 else ""
        return "%s %s%d.%02d\n" % (label, sign, abs(cents) // 100, abs(cents) % 100)

    return ("scenarios %d\n" % len(returns) + money("VaR95", var) + money("limit", limit) +
            "within_limit %s\n" % ("yes" if var <= limit else "no"))


def main():
    rng = random.Random(7)
    for name, (vols, scenarios, limit, positions) in CASES.items():
        returns = [[max(-10_000, min(10_000, round(v * (sum(rng.random() for _ in range(12)) - 6))))
                    for v in vols] for _ in range(scenarios)]
        public = ["# assets scenarios limit_cents", "%d %d %d" % (len(vols), scenarios, limit),
                  "# daily returns in basis points, one scenario per row"]
        public += [" ".join(str(r) for r in row) for row in returns]
        private = ["# quantity price_cents"] + ["%d %d" % qp for qp in positions]
        out = HERE / "samples"
        (out / (name + ".public")).write_text("\n".join(public) + "\n")
        (out / (name + ".private")).write_text("\n".join(private) + "\n")
        (out / (name + ".expected")).write_text(expected(vols, returns, limit, positions))


if __name__ == "__main__":
    main()
