"""Country cross-validation of the per-family scaled-t calibration (origin 2012, h 1..10)."""
import numpy as np, pandas as pd
from scipy import stats
from common import *
from errors import errors
NUS = [1.5, 2, 2.5, 3, 4, 5, 7, 10, 20, 1e6]
H = np.arange(1, 11)

def fit_family(e):
    """e: DataFrame with h, u -> (nu, k[1..10])"""
    au = e.u.abs()
    q80 = np.array([au[e.h == h].quantile(.8) for h in H]); q95 = np.array([au[e.h == h].quantile(.95) for h in H])
    nh = np.array([(e.h == h).sum() for h in H])
    best = None
    for nu in NUS:
        k80 = q80 / stats.t.ppf(.9, nu); k95 = q95 / stats.t.ppf(.975, nu)
        loss = np.sum(nh * (np.log(k80) - np.log(k95)) ** 2)
        if best is None or loss < best[0]: best = (loss, nu, np.sqrt(k80 * k95))
    _, nu, k = best
    # smooth: log k = a + b log h, weighted by counts; b >= 0
    A = np.column_stack([np.ones(10), np.log(H)]) * np.sqrt(nh)[:, None]
    coef = np.linalg.lstsq(A, np.log(k) * np.sqrt(nh), rcond=None)[0]
    coef[1] = max(coef[1], 0)
    return nu, np.exp(coef[0] + coef[1] * np.log(H))

def fit_all(E, min_series=10):
    cal = {'pooled': fit_family(E)}
    for f, e in E.groupby('fam'):
        if e.assign(s=e.ind + e.region).s.nunique() >= min_series: cal[f] = fit_family(e)
    return cal

def winkler(lo, hi, y, a):
    return (hi - lo) + 2 / a * (lo - y) * (y < lo) + 2 / a * (y - hi) * (y > hi)

def score(T, cal):
    out = []
    for _, r in T.iterrows(): pass
    res = {}
    fam_cal = T.fam.map(lambda f: cal.get(f, cal['pooled']))
    nu = np.array([c[0] for c in fam_cal]); k = np.array([c[1][min(h, 10) - 1] for c, h in zip(fam_cal, T.h)])
    nu_eff = np.minimum(nu, T.df.values)
    for L in (.8, .95):
        a = 1 - L
        # OLS
        q = stats.t.ppf(.5 + L / 2, T.df.values); lo, hi = T['loc'] - q * T.sc, T['loc'] + q * T.sc
        res[('ols', L, 'cov')] = np.mean((T.z >= lo) & (T.z <= hi)); res[('ols', L, 'wink')] = winkler(lo, hi, T.z, a).mean()
        res[('ols', L, 'width')] = (hi - lo).mean()
        q = stats.norm.ppf(.5 + L / 2); lo, hi = T.dloc - q * T.dsc, T.dloc + q * T.dsc
        res[('drift', L, 'cov')] = np.mean((T.z >= lo) & (T.z <= hi)); res[('drift', L, 'wink')] = winkler(lo, hi, T.z, a).mean()
        res[('drift', L, 'width')] = (hi - lo).mean()
        q = stats.t.ppf(.5 + L / 2, nu_eff); lo, hi = T['loc'] - q * k * T.sc, T['loc'] + q * k * T.sc
        res[('cal', L, 'cov')] = np.mean((T.z >= lo) & (T.z <= hi)); res[('cal', L, 'wink')] = winkler(lo, hi, T.z, a).mean()
        res[('cal', L, 'width')] = (hi - lo).mean()
    return res

import sys
W = int(sys.argv[1]) if len(sys.argv) > 1 else None
if __name__ == '__main__':
    S = load(vn=True)
    Etr = errors(S, range(2000, 2015), window=W); Etr['u'] = (Etr.z - Etr['loc']) / Etr.sc
    Ete = errors(S, [2012], last_year=2022, window=W)
    regions = sorted(set(r for _, r in S))
    rng = np.random.default_rng(42); perm = rng.permutation(regions)
    K = 6; folds = {r: i % K for i, r in enumerate(perm)}
    parts = []
    for f in range(K):
        tr = Etr[Etr.region.map(folds) != f]; te = Ete[Ete.region.map(folds) == f]
        cal = fit_all(tr)
        te = te.copy(); parts.append((te, cal))
    # pooled scoring
    allres = []
    for te, cal in parts:
        fam_cal = te.fam.map(lambda f: cal.get(f, cal['pooled']))
        te['nu'] = [c[0] for c in fam_cal]; te['k'] = [c[1][min(h, 10) - 1] for c, h in zip(fam_cal, te.h)]
        allres.append(te)
    T = pd.concat(allres)
    def sc(T):
        res = {}
        nu_eff = np.minimum(T.nu.values, T.df.values)
        for L in (.8, .95):
            a = 1 - L
            for m in ('ols', 'drift', 'cal'):
                if m == 'ols': q = stats.t.ppf(.5 + L / 2, T.df.values); c, s = T['loc'], T.sc
                if m == 'drift': q = stats.norm.ppf(.5 + L / 2); c, s = T.dloc, T.dsc
                if m == 'cal': q = stats.t.ppf(.5 + L / 2, nu_eff); c, s = T['loc'], T.sc * T.k
                lo, hi = c - q * s, c + q * s
                res[f'{m}{int(L*100)}cov'] = np.mean((T.z >= lo) & (T.z <= hi)) * 100
                res[f'{m}{int(L*100)}W'] = winkler(lo, hi, T.z, a).mean()
                res[f'{m}{int(L*100)}wid'] = (hi - lo).mean()
        return pd.Series(res)
    pd.set_option('display.width', 250)
    print(len(T)); print(sc(T).round(3))
    print(T.groupby('fam').apply(sc).round(2).T)
    print(T.groupby('h').apply(sc)[['cal80cov', 'cal95cov', 'drift80cov', 'ols80cov']].round(1))
    for f, c in parts[0][1].items(): print(f, c[0], np.round(c[1], 2))
