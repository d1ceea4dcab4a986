"""Compare location x normaliser combinations under 6-fold country CV (origin 2012)."""
import sys, numpy as np, pandas as pd
from scipy import stats
from common import *
from errors import errors
from cv import fit_family, winkler, H
S = load(vn=True)
W = int(sys.argv[1]) if len(sys.argv) > 1 else None
Etr = errors(S, range(2000, 2015), window=W); Ete = errors(S, [2012], last_year=2022, window=W)
regions = sorted(set(r for _, r in S)); perm = np.random.default_rng(42).permutation(regions)
folds = {r: i % 6 for i, r in enumerate(perm)}
for locc, scc in (('loc', 'sc'), ('dloc', 'dsc'), ('loc', 'dsc'), ('dloc', 'sc')):
    Etr['u'] = (Etr.z - Etr[locc]) / Etr[scc]
    out = []
    for f in range(6):
        tr = Etr[Etr.region.map(folds) != f].dropna(subset=['u']); te = Ete[Ete.region.map(folds) == f].copy()
        cal = {'pooled': fit_family(tr)}
        for fam, e in tr.groupby('fam'): cal[fam] = fit_family(e)
        c = te.fam.map(lambda x: cal.get(x, cal['pooled']))
        te['nu'] = [x[0] for x in c]; te['k'] = [x[1][min(h, 10) - 1] for x, h in zip(c, te.h)]
        out.append(te)
    T = pd.concat(out).dropna(subset=[scc])
    dfe = np.minimum(T.nu, T.df) if scc == 'sc' else T.nu
    r = []
    for L in (.8, .95):
        q = stats.t.ppf(.5 + L / 2, dfe); lo = T[locc] - q * T.k * T[scc]; hi = T[locc] + q * T.k * T[scc]
        r += [round(100 * np.mean((T.z >= lo) & (T.z <= hi)), 1), round(winkler(lo, hi, T.z, 1 - L).mean(), 3), round((hi - lo).mean(), 3)]
    # per-family 80 cov
    print(locc, scc, len(T), r)
