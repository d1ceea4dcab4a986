"""Slope attenuation kappa_f (research notes; not run in CI).

Location on the model scale: z(h) = a + kappa_f * b * h (kappa = 1 is the shipped recency-weighted line, lambda = 0.8).
kappa_f in {0, 0.05, ..., 1} is chosen per family on the training folds (rolling origins 2000-2014 of the
training countries) to minimise the mean Winkler score (80 + 95 %) or the Brier score of the +-10 % synthetic
targets; tau^2, gamma, nu are re-fitted for every candidate kappa (the variance sees the attenuated errors).
Scored on the held-out countries at origin 2012, lead 1-10 (6 folds, seed 42, as additive.py).

Usage: python3 slope.py          (~5 min)
"""
import numpy as np, pandas as pd
from additive import load, wls, fit_additive, score, tq, winkler, fwd_vec
from common import FAMILY, fwd
from scipy import stats

import os
KAPPAS = np.round(np.arange(0, 1.001, float(os.environ.get("KAPPA_STEP", "0.05"))), 2)


def points(S, origins, lead=None, lam=0.8, first=1990, minpts=5, hmax_model=10, last_year=2024):
    rows = []
    for (i, r), (yr, v) in S.items():
        z = fwd(i, v)
        for o in origins:
            m = (yr <= o) & (yr >= first)
            if m.sum() < minpts: continue
            t_ = yr[m]; a_ = t_.max()
            b, C, s = wls(t_ - a_, z[m], lam ** (a_ - t_))
            vlast = v[yr <= o][-1]
            h = (yr > o) & (yr <= last_year)
            h &= ((yr - o) >= 1) & ((yr - o) <= lead) if lead else ((yr - a_) <= hmax_model)
            for y, zv, vv in zip(yr[h], z[h], v[h]):
                tt = float(y - a_)
                lev = C[0, 0] + 2 * tt * C[0, 1] + tt * tt * C[1, 1]
                rows.append((i, FAMILY[i], r, o, int(tt), int(y - o), m.sum() - 2, zv, vv, vlast,
                             b[0], b[1] * tt, s * s * (1 + lev)))
    P = pd.DataFrame(rows, columns=['ind', 'fam', 'region', 'origin', 'h', 'lead', 'df', 'z', 'y', 'vlast',
                                    'a', 'bt', 'v0'])
    return P[np.isfinite(P.z) & np.isfinite(P.bt) & np.isfinite(P.v0)].reset_index(drop=True)


def with_kappa(E, k):
    return E.assign(loc=E.a.values + k * E.bt.values)


def scale_of(E, c):
    nue = np.minimum(c['nu'], E.df.values)
    return np.sqrt(E.v0.values + c['tau2'] * E.h.values ** c['gamma']), nue


def brier_w(E, c):
    sc, nue = scale_of(E, c)
    W = 0
    for L in (.8, .95):
        q = tq(.5 + L / 2, nue)
        W += winkler(E['loc'].values - q * sc, E['loc'].values + q * sc, E.z.values, 1 - L).mean()
    p, o = [], []
    zt_lo = fwd_vec(E.ind.values, E.vlast.values * .9); zt_hi = fwd_vec(E.ind.values, E.vlast.values * 1.1)
    for sign, zt, tgt in ((-1, zt_lo, E.vlast.values * .9), (1, zt_hi, E.vlast.values * 1.1)):
        cdf = stats.t.cdf((zt - E['loc'].values) / sc, np.minimum(nue, 1e6))
        p.append(np.nan_to_num(cdf if sign < 0 else 1 - cdf, nan=0.0))
        o.append(((E.y.values < tgt) if sign < 0 else (E.y.values > tgt)).astype(float))
    p = np.concatenate(p); o = np.concatenate(o)
    return W / 2, np.mean((p - o) ** 2)


def fit_family(E, criterion):
    """Returns (kappa, calibration, table of (kappa, winkler, brier))."""
    tab = []
    for k in KAPPAS:
        Ek = with_kappa(E, k); c = fit_additive(Ek)
        w, br = brier_w(Ek, c)
        tab.append((k, w, br, c))
    j = int(np.argmin([t[1] if criterion == 'winkler' else t[2] for t in tab]))
    return tab[j][0], tab[j][3], tab


def run(train, test, folds, criterion):
    parts, kap = [], {}
    for f in range(6):
        Tr = train[train.region.map(folds) != f]; Te = test[test.region.map(folds) == f]
        for fam, e in Tr.groupby('fam'):
            if criterion == 'none': k, c = 1.0, fit_additive(with_kappa(e, 1.0))
            else: k, c, _ = fit_family(e, criterion)
            kap.setdefault(fam, []).append(k)
            te = with_kappa(Te[Te.fam == fam], k)
            sc, nue = scale_of(te, c)
            parts.append(te.assign(scale=sc, nu=nue))
    P = pd.concat(parts)
    return score(P, P.scale.values, P.nu.values), kap, P


if __name__ == '__main__':
    S = load()
    train = points(S, range(2000, 2015))
    test = points(S, [2012], lead=10)
    regions = sorted(set(r for _, r in S)); perm = np.random.default_rng(42).permutation(regions)
    folds = {r: i % 6 for i, r in enumerate(perm)}
    print(f'held-out values: {len(test)}')
    for crit in ('none', 'winkler', 'brier'):
        r, kap, P = run(train, test, folds, crit)
        print(f'\n== kappa by {crit}: cov80 {r["cov80"]:.1f}  cov95 {r["cov95"]:.1f}  W80 {r["W80"]:.3f}  '
              f'W95 {r["W95"]:.3f}  wid80 {r["wid80"]:.3f}  brier {r["brier"]:.4f}  worst decile gap {r["worst"]:.3f}')
        print('  kappa per family (6 folds):', {f: v for f, v in kap.items()})
        print('  reliability (bin, n, mean p, observed):', [(b, n, float(p), float(o)) for b, n, p, o in r['bins']])
        fam = P.groupby('fam').apply(lambda g: pd.Series({k: v for k, v in score(g, g.scale.values, g.nu.values).items()
                                                       if k in ('cov80', 'cov95', 'W80', 'W95')}))
        print(fam.round(2).T.to_string())
    print('\n== constants on all series (training criterion winkler / brier):')
    for crit in ('winkler', 'brier'):
        out = {}
        for fam, e in train.groupby('fam'):
            k, c, tab = fit_family(e, crit)
            out[fam] = (float(k), c['nu'], float(c['gamma']), round(float(np.sqrt(c['tau2'])), 4))
        print(crit, out)
