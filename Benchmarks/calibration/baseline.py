"""Reproduce README section 8 baseline: fit years <= 2012, score 2013-2022."""
import numpy as np
from scipy import stats
from common import *
S = load()
for minpts in (3, 4, 5):
  for first in (1990,):
    cov = {0.8: [], 0.95: []}; dcov = {0.8: [], 0.95: []}; nser = 0
    for (i, r), (yr, v) in S.items():
        m = (yr <= 2012) & (yr >= first); t_ = yr[m]; z = fwd(i, v[m])
        h = (yr >= 2013) & (yr <= 2022)
        if m.sum() < minpts or h.sum() == 0: continue
        nser += 1
        anchor = t_.max()
        b, C, s, df = ols(t_ - anchor, z)
        zt = fwd(i, v[h]); tt = yr[h] - anchor
        loc = b[0] + b[1] * tt
        lev = C[0, 0] + 2 * tt * C[0, 1] + tt * tt * C[1, 1]
        sc = s * np.sqrt(1 + lev)
        # drift: last value + h * mean diff; per FPP3 sigma^2 of diffs (n-1 diffs)
        dz = np.diff(z) / np.diff(t_)  # per-year? use consecutive obs
        n = len(z)
        dr = (z[-1] - z[0]) / (t_[-1] - t_[0])
        # residual sd of differences around drift (annual)
        dif = np.diff(z); dt = np.diff(t_)
        res = dif - dr * dt
        s2 = np.sum(res**2 / dt) / (n - 2) if n > 2 else np.nan
        dloc = z[-1] + dr * tt
        T = n - 1
        dsc = np.sqrt(s2 * tt * (1 + tt / T))
        for L in (0.8, 0.95):
            q = stats.t.ppf(0.5 + L / 2, df)
            cov[L] += list(np.abs(zt - loc) <= q * sc)
            qn = stats.norm.ppf(0.5 + L / 2)
            dcov[L] += list(np.abs(zt - dloc) <= qn * dsc)
    print(minpts, first, nser, len(cov[0.8]), [round(100 * np.mean(cov[L]), 1) for L in cov],
          [round(100 * np.mean(dcov[L]), 1) for L in dcov])
