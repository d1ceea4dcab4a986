#!/usr/bin/env python3
"""Generate the reference fixtures for Tests/StatisticsTests (NOT run in CI).

Writes, next to this script:
  scipy_t.csv       Student t: df, p, t = scipy.stats.t.ppf(p, df), cdf(t), sf(t) at that exact t
  scipy_normal.csv  standard normal: p, x = scipy.stats.norm.ppf(p), cdf(x), sf(x), pdf(x)
  scipy_chi2.csv    chi-square: df, p, x = chi2.ppf(p, df), cdf(x), sf(x)
  xoshiro.csv       SplitMix64 / xoshiro256** reference outputs (a direct Python port of Vigna's
                    reference C code, https://prng.di.unimi.it/xoshiro256starstar.c and splitmix64.c)

Every float is written with repr() (shortest string that round-trips, i.e. up to 17 significant digits).
The scipy values are cross-checked against mpmath at 50 digits; the largest scipy-vs-mpmath relative
difference is written into each header so a reader can tell how good the reference itself is.

Run:  python3 make_fixtures.py      (needs numpy, scipy, mpmath)
"""
import datetime
import os

import mpmath
import numpy as np
import scipy
from scipy import stats

mpmath.mp.dps = 50
HERE = os.path.dirname(os.path.abspath(__file__))
STAMP = f"scipy {scipy.__version__}, numpy {np.__version__}, mpmath {mpmath.__version__}, " \
        f"generated {datetime.date.today().isoformat()} by make_fixtures.py"

DFS = [0.5, 1, 2, 2.5, 3, 5, 7.3, 10, 30, 100, 1000, 100000]
LOWER = [1e-10, 1e-9, 1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 0.01, 0.025, 0.05, 0.1, 0.2, 0.25, 0.3, 0.4,
         0.45, 0.49]
PS = LOWER + [0.5] + [1.0 - p for p in reversed(LOWER)]


def mp_t_cdf(t, df):
    """Lower-tail Student t CDF at the exact binary value t, 50 digits."""
    t = mpmath.mpf(t)
    nu = mpmath.mpf(df)
    x = nu / (nu + t * t)
    tail = mpmath.betainc(nu / 2, mpmath.mpf(1) / 2, 0, x, regularized=True) / 2
    return tail if t < 0 else 1 - tail


def mp_norm_cdf(x):
    return mpmath.ncdf(mpmath.mpf(x))


def rel(a, b):
    b = float(b)
    return abs(a - b) / abs(b) if b != 0 else abs(a)


def write_t():
    rows, worst, worst_q = [], 0.0, 0.0
    for df in DFS:
        for p in PS:
            t = float(stats.t.ppf(p, df))
            c, s = float(stats.t.cdf(t, df)), float(stats.t.sf(t, df))
            m = mp_t_cdf(t, df)
            worst = max(worst, rel(c, m), rel(s, 1 - m))
            if t != 0:
                # The quantile's own error: (F(t) - p) / (t f(t)), with F and f from mpmath at the exact t.
                mt, mnu = mpmath.mpf(t), mpmath.mpf(df)
                dens = mpmath.gamma((mnu + 1) / 2) / (mpmath.sqrt(mnu * mpmath.pi) * mpmath.gamma(mnu / 2)) \
                    * (1 + mt * mt / mnu) ** (-(mnu + 1) / 2)
                worst_q = max(worst_q, abs(float((m - mpmath.mpf(p)) / (dens * mt))))
            rows.append((df, p, t, c, s))
    with open(os.path.join(HERE, "scipy_t.csv"), "w") as f:
        f.write(f"# Student t reference values: {STAMP}\n")
        f.write("# t = scipy.stats.t.ppf(p, df); cdf = scipy.stats.t.cdf(t, df); sf = scipy.stats.t.sf(t, df)\n")
        f.write(f"# largest relative difference of scipy cdf/sf from mpmath (50 digits) at the same t: {worst:.3g}\n")
        f.write(f"# largest relative error of scipy's quantile t, judged by mpmath: {worst_q:.3g}\n")
        f.write("df,p,t,cdf,sf\n")
        for r in rows:
            f.write(",".join(repr(float(v)) for v in r) + "\n")
    print("t rows", len(rows), "worst scipy-vs-mpmath", worst, "quantile", worst_q)


def write_normal():
    rows, worst = [], 0.0
    extra = [1e-300, 1e-100, 1e-50, 1e-20, 1e-15, 1e-12]
    for p in extra + PS + [1.0 - 1e-12]:
        x = float(stats.norm.ppf(p))
        c, s, d = float(stats.norm.cdf(x)), float(stats.norm.sf(x)), float(stats.norm.pdf(x))
        m = mp_norm_cdf(x)
        worst = max(worst, rel(c, m), rel(s, 1 - m))
        rows.append((p, x, c, s, d))
    with open(os.path.join(HERE, "scipy_normal.csv"), "w") as f:
        f.write(f"# Standard normal reference values: {STAMP}\n")
        f.write("# x = scipy.stats.norm.ppf(p); cdf, sf, pdf = scipy.stats.norm.cdf/sf/pdf(x)\n")
        f.write(f"# largest relative difference of scipy cdf/sf from mpmath (50 digits) at the same x: {worst:.3g}\n")
        f.write("p,x,cdf,sf,pdf\n")
        for r in rows:
            f.write(",".join(repr(float(v)) for v in r) + "\n")
    print("normal rows", len(rows), "worst scipy-vs-mpmath", worst)


def write_chi2():
    rows, worst = [], 0.0
    for df in [1, 2, 3, 4.5, 10, 30, 100, 1000]:
        for p in PS:
            x = float(stats.chi2.ppf(p, df))
            c, s = float(stats.chi2.cdf(x, df)), float(stats.chi2.sf(x, df))
            m = mpmath.gammainc(mpmath.mpf(df) / 2, 0, mpmath.mpf(x) / 2, regularized=True)
            worst = max(worst, rel(c, m), rel(s, 1 - m))
            rows.append((df, p, x, c, s))
    with open(os.path.join(HERE, "scipy_chi2.csv"), "w") as f:
        f.write(f"# Chi-square reference values: {STAMP}\n")
        f.write("# x = scipy.stats.chi2.ppf(p, df); cdf, sf = scipy.stats.chi2.cdf/sf(x, df)\n")
        f.write(f"# largest relative difference of scipy cdf/sf from mpmath (50 digits) at the same x: {worst:.3g}\n")
        f.write("df,p,x,cdf,sf\n")
        for r in rows:
            f.write(",".join(repr(float(v)) for v in r) + "\n")
    print("chi2 rows", len(rows), "worst scipy-vs-mpmath", worst)


# MARK: - xoshiro256** / SplitMix64 (port of Vigna's reference C code)

M64 = (1 << 64) - 1


def splitmix64(state):
    state = (state + 0x9E3779B97F4A7C15) & M64
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
    return state, z ^ (z >> 31)


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & M64


def xoshiro_next(s):
    result = (rotl((s[1] * 5) & M64, 7) * 9) & M64
    t = (s[1] << 17) & M64
    s[2] ^= s[0]
    s[3] ^= s[1]
    s[1] ^= s[2]
    s[0] ^= s[3]
    s[2] ^= t
    s[3] = rotl(s[3], 45)
    return result


JUMP = [0x180EC6D33CFD0ABA, 0xD5A61266F0C9392C, 0xA9582618E03FC9AA, 0x39ABDC4529B1661C]


def xoshiro_jump(s):
    acc = [0, 0, 0, 0]
    for word in JUMP:
        for b in range(64):
            if word & (1 << b):
                acc = [a ^ x for a, x in zip(acc, s)]
            xoshiro_next(s)
    s[:] = acc


def seeded(seed):
    st, out = seed & M64, []
    for _ in range(4):
        st, z = splitmix64(st)
        out.append(z)
    return out


def write_xoshiro():
    with open(os.path.join(HERE, "xoshiro.csv"), "w") as f:
        f.write(f"# SplitMix64 and xoshiro256** outputs from a Python port of Vigna's reference C code; {STAMP}\n")
        f.write("# kind,seed,index,value  (value is an unsigned 64-bit integer in decimal)\n")
        f.write("# splitmix: successive splitmix64 outputs from state=seed; next: xoshiro256** next() after\n")
        f.write("# seeding its 4 words with 4 splitmix64 outputs; jump: next() after one jump() of that state\n")
        f.write("kind,seed,index,value\n")
        for seed in [0, 1, 7, 0xDEADBEEF, M64]:
            st = seed
            for i in range(4):
                st, z = splitmix64(st)
                f.write(f"splitmix,{seed},{i},{z}\n")
            s = seeded(seed)
            for i in range(8):
                f.write(f"next,{seed},{i},{xoshiro_next(s)}\n")
            s = seeded(seed)
            xoshiro_jump(s)
            for i in range(4):
                f.write(f"jump,{seed},{i},{xoshiro_next(s)}\n")


if __name__ == "__main__":
    write_t()
    write_normal()
    write_chi2()
    write_xoshiro()
