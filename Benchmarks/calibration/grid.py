import numpy as np, itertools
from scipy import stats
from common import *
S = load()
def run(minpts, excl=(), first=1990, last_score=2022, drift_var='fpp3'):
    c = {0.8: [], 0.95: []}; dc = {0.8: [], 0.95: []}
    for (i, r), (yr, v) in S.items():
        if i in excl: continue
        m = (yr <= 2012) & (yr >= first); h = (yr >= 2013) & (yr <= last_score)
        if m.sum() < minpts or h.sum() == 0: continue
        t_ = yr[m]; z = fwd(i, v[m]); a = t_.max()
        b, C, s, df = ols(t_ - a, z)
        zt = fwd(i, v[h]); tt = yr[h] - a
        loc = b[0] + b[1] * tt; sc = s * np.sqrt(1 + C[0, 0] + 2 * tt * C[0, 1] + tt * tt * C[1, 1])
        n = len(z); dif = np.diff(z)
        if drift_var == 'fpp3':   # drift on consecutive observations, ignoring gaps
            dr = dif.mean(); s2 = np.var(dif, ddof=1) if n > 2 else np.nan
            hh = tt  # horizon in years
            dsc = np.sqrt(s2 * hh * (1 + hh / (n - 1)))
            dloc = z[-1] + dr * hh
        for L in c:
            q = stats.t.ppf(.5 + L / 2, df); c[L] += list(np.abs(zt - loc) <= q * sc)
            qn = stats.norm.ppf(.5 + L / 2); dc[L] += list(np.abs(zt - dloc) <= qn * dsc)
    return len(c[.8]), [round(100 * np.mean(c[L]), 1) for L in c], [round(100 * np.mean(dc[L]), 1) for L in dc]
for mp in (3, 5, 8):
    for ex in ((), ('underweight_u5_pct',)):
        print(mp, ex, run(mp, ex))
