"""Additive trend-drift variance vs the multiplicative k(h) calibration (research notes; not run in CI).

Predictive on the model scale: z_h ~ loc_h + sqrt(v0_h + tau^2 h^gamma) * T_nu', nu' = min(nu, n - 2),
v0_h = s^2 (1 + x0'(X'WX)^-1 x0) the classical (W)LS predictive variance (Harvey 1989 local linear trend:
a random-walk slope adds variance growing like h^3; gamma is estimated).

Location variants: OLS on every year from 1990 ('full'), last 15 / 10 years before the origin ('w15', 'w10'),
ESCAP recency weights lambda = 0.9 ('r90'), and damped trend phi on the full fit ('d90' ...).
Calibration constants are fitted per family on rolling origins 2000-2014 of the training countries and scored on
held-out countries at origin 2012, lead times 1-10 (6 folds, seed 42: numpy permutation, as cv.py).

Usage: python3 additive.py            (prints the comparison table; ~1 min)
"""
import sys
import numpy as np, pandas as pd
from scipy import stats
from common import LOG, LOGIT, FAMILY, fwd

VN = '/work/wt/calib2/Datasets/national/vietnam_national.csv'
NUS = [1.5, 2, 2.5, 3, 4, 5, 7, 10, 20, 1000]
GAMMAS = np.arange(0, 4.01, 0.25)


def load():
    d = pd.concat([pd.read_csv('/work/shared/data/intl_series.csv'), pd.read_csv(VN)])
    d = d[d.indicator_code.isin(FAMILY)]
    out = {}
    for (i, r), g in d.groupby(['indicator_code', 'region']):
        g = g.sort_values('year')
        out[(i, r)] = (g.year.values.astype(int), g.value.values.astype(float))
    return out


def inv(ind, z):
    if ind in LOG: return np.exp(z)
    if ind in LOGIT: return 100 / (1 + np.exp(-z))
    return z


def wls(t, z, w):
    X = np.column_stack([np.ones(len(t)), t])
    XtW = X.T * w
    C = np.linalg.inv(XtW @ X)
    b = C @ XtW @ z
    r = z - X @ b
    s2 = (w * r * r).sum() / (len(t) - 2)
    return b, C, np.sqrt(s2)


def variants(yr, z, origin, first=1990, minpts=5):
    """Returns {name: (anchor, n, a, b, C, s, phi)} for the fits available at this origin."""
    out = {}
    for name, lo, lam in (('full', first, None), ('w15', origin - 14, None), ('w10', origin - 9, None),
                          ('r90', first, 0.9), ('r80', first, 0.8), ('r95', first, 0.95)):
        m = (yr <= origin) & (yr >= max(lo, first))
        if m.sum() < minpts: continue
        t_ = yr[m]; a_ = t_.max()
        w = np.ones(m.sum()) if lam is None else lam ** (a_ - t_)
        b, C, s = wls(t_ - a_, z[m], w)
        out[name] = (a_, m.sum(), b, C, s)
    return out


def points(S, origins, hmax_model=10, lead=None, last_year=2024):
    """One row per (series, origin, held-out year, variant)."""
    rows = []
    for (i, r), (yr, v) in S.items():
        z = fwd(i, v)
        for o in origins:
            vs = variants(yr, z, o)
            if 'full' not in vs: continue
            mo = yr <= o
            zlast = z[mo][-1]; vlast = v[mo][-1]
            for name, (a_, n, b, C, s) in vs.items():
                h = (yr > o) & (yr <= last_year)
                h &= ((yr - o) >= 1) & ((yr - o) <= lead) if lead else ((yr - a_) <= hmax_model)
                if not h.any(): continue
                tt = (yr[h] - a_).astype(float)
                lev = C[0, 0] + 2 * tt * C[0, 1] + tt * tt * C[1, 1]
                v0 = s * s * (1 + lev)
                for phi in ((1.0, 0.9, 0.8) if name == 'full' else (1.0,)):
                    damp = tt if phi == 1 else phi * (1 - phi ** tt) / (1 - phi)
                    loc = b[0] + b[1] * damp
                    nm = name if phi == 1 else f'd{int(phi * 100)}'
                    for k in range(len(tt)):
                        rows.append((nm, i, FAMILY[i], r, o, int(tt[k]), int(yr[h][k] - o), n - 2, z[h][k],
                                     v[h][k], vlast, loc[k], v0[k]))
            # drift baseline (FPP3 5.2 on consecutive observations, as cv.py)
            m = mo & (yr >= 1990); zz = z[m]; n = len(zz)
            if n >= 5:
                dif = np.diff(zz); dr = dif.mean(); s2 = np.var(dif, ddof=1)
                a_ = yr[m].max()
                h = (yr > o) & (yr <= last_year)
                h &= ((yr - o) >= 1) & ((yr - o) <= lead) if lead else ((yr - a_) <= hmax_model)
                for y, zv, vv in zip(yr[h], z[h], v[h]):
                    tt = y - a_
                    rows.append(('drift', i, FAMILY[i], r, o, int(tt), int(y - o), 1e9, zv, vv, vlast,
                                 zz[-1] + dr * tt, s2 * tt * (1 + tt / (n - 1))))
    P = pd.DataFrame(rows, columns=['var', 'ind', 'fam', 'region', 'origin', 'h', 'lead', 'df', 'z', 'y',
                                    'vlast', 'loc', 'v0'])
    return P[np.isfinite(P.z) & np.isfinite(P['loc']) & np.isfinite(P.v0)]


def tq(p, nu):
    nu = np.asarray(nu, float)
    return np.where(nu >= 1000, stats.norm.ppf(p), stats.t.ppf(p, np.minimum(nu, 1e6)))


# -------------------------------------------------------------------------------------------------------------
# Calibration fits

def fit_additive(E, hmax=10):
    """Grid over (gamma, nu); tau^2 from the pooled 80 % and 95 % coverage (closed form: quantile of the
    tau^2 each error needs); choose the pair whose per-horizon coverage is closest to 80/95."""
    e = (E.z - E['loc']).values; v0 = E.v0.values; h = E.h.values.astype(float); df = E.df.values
    hs = np.arange(1, hmax + 1); nh = np.array([(h == x).sum() for x in hs])
    best = None
    for nu in NUS:
        nue = np.minimum(nu, df)
        q80 = tq(.9, nue); q95 = tq(.975, nue)
        for g in GAMMAS:
            hg = h ** g
            t80 = np.quantile(np.maximum(0, ((e / q80) ** 2 - v0) / hg), .8)
            t95 = np.quantile(np.maximum(0, ((e / q95) ** 2 - v0) / hg), .95)
            tau2 = np.sqrt(t80 * t95) if t80 > 0 and t95 > 0 else max(t80, t95)
            sc = np.sqrt(v0 + tau2 * hg)
            c80 = np.abs(e) <= q80 * sc; c95 = np.abs(e) <= q95 * sc
            loss = 0
            for x, n in zip(hs, nh):
                if n == 0: continue
                mm = h == x
                loss += n * ((c80[mm].mean() - .8) ** 2 + (c95[mm].mean() - .95) ** 2)
            if best is None or loss < best[0]: best = (loss, nu, g, tau2)
    return dict(nu=best[1], gamma=best[2], tau2=best[3])


def fit_multiplicative(E, hmax=10):
    """The shipped method (CalibrationFit.swift): k(h) from |u| quantiles, ln k = a + b ln h."""
    u = ((E.z - E['loc']) / np.sqrt(E.v0)).abs().values; h = E.h.values
    hs = np.arange(1, hmax + 1)
    q80 = np.array([np.quantile(u[h == x], .8) for x in hs]); q95 = np.array([np.quantile(u[h == x], .95) for x in hs])
    nh = np.array([(h == x).sum() for x in hs])
    best = None
    for nu in NUS:
        k80 = q80 / tq(.9, nu); k95 = q95 / tq(.975, nu)
        loss = np.sum(nh * (np.log(k80) - np.log(k95)) ** 2)
        if best is None or loss < best[0]: best = (loss, nu, np.sqrt(k80 * k95))
    A = np.column_stack([np.ones(hmax), np.log(hs)]) * np.sqrt(nh)[:, None]
    coef = np.linalg.lstsq(A, np.log(best[2]) * np.sqrt(nh), rcond=None)[0]
    coef[1] = max(coef[1], 0)
    return dict(nu=best[1], k=np.exp(coef[0] + coef[1] * np.log(hs)))


def fit_groups(E, fitter, min_series=10):
    cal = {'pooled': fitter(E)}
    for f, e in E.groupby('fam'):
        if (e.ind + e.region).nunique() >= min_series: cal[f] = fitter(e)
    return cal


def apply(T, cal, kind):
    if kind == 'ols': return np.sqrt(T.v0.values), T.df.values.astype(float)
    c = T.fam.map(lambda f: cal.get(f, cal['pooled']))
    nu = np.array([x['nu'] for x in c]); nue = np.minimum(nu, T.df.values)
    if kind == 'add':
        var = T.v0.values + np.array([x['tau2'] for x in c]) * T.h.values ** np.array([x['gamma'] for x in c])
    elif kind == 'mult':
        k = np.array([x['k'][min(h, 10) - 1] for x, h in zip(c, T.h)])
        var = T.v0.values * k * k
    else:
        var = T.v0.values; nue = T.df.values
    return np.sqrt(var), nue


def winkler(lo, hi, y, a):
    return (hi - lo) + 2 / a * (lo - y) * (y < lo) + 2 / a * (y - hi) * (y > hi)


def score(T, scale, nu):
    res = {}
    for L in (.8, .95):
        q = tq(.5 + L / 2, nu); lo = T['loc'].values - q * scale; hi = T['loc'].values + q * scale
        res[f'cov{int(L*100)}'] = 100 * np.mean((T.z.values >= lo) & (T.z.values <= hi))
        res[f'W{int(L*100)}'] = winkler(lo, hi, T.z.values, 1 - L).mean()
        res[f'wid{int(L*100)}'] = (hi - lo).mean()
    # synthetic targets +-10 % of the last value at the origin
    p, o = [], []
    for sign in (-1, 1):
        tgt = T.vlast.values * (1 + sign * .1)
        zt = fwd_vec(T.ind.values, tgt)
        cdf = stats.t.cdf((zt - T['loc'].values) / scale, np.minimum(nu, 1e6))
        pr = np.nan_to_num(cdf if sign < 0 else 1 - cdf, nan=0.0)  # target beyond the bound: cannot be met
        ob = (T.y.values < tgt) if sign < 0 else (T.y.values > tgt)
        p.append(pr); o.append(ob.astype(float))
    p = np.concatenate(p); o = np.concatenate(o)
    res['brier'] = np.mean((p - o) ** 2)
    bins = np.minimum((p * 10).astype(int), 9)
    gaps = []
    for b in range(10):
        mm = bins == b
        if mm.sum() >= 20: gaps.append(abs(o[mm].mean() - p[mm].mean()))
    res['worst'] = max(gaps)
    res['bins'] = [(b, int((bins == b).sum()), round(p[bins == b].mean(), 2), round(o[bins == b].mean(), 2))
                   for b in range(10) if (bins == b).sum()]
    # median 95 % width ratio upper/lower on the natural scale (log families), h = 7
    m7 = (T.h.values == 7) & np.isin(T.ind.values, list(LOG))
    q = tq(.975, nu)
    res['ratio95_h7'] = float(np.median(np.exp(2 * q[m7] * scale[m7]))) if m7.any() else np.nan
    return res


def fwd_vec(inds, vals):
    out = np.empty(len(vals))
    for k, (i, x) in enumerate(zip(inds, vals)):
        out[k] = fwd(i, x)
    return out


import os
VARIANTS = os.environ.get('VARIANTS', 'full,w15,w10,r95,r90,r80,d90,d80').split(',')
ORIGIN = int(os.environ.get('ORIGIN', '2012'))

if __name__ == '__main__':
    S = load()
    train = points(S, range(2000, 2015))
    test = points(S, [ORIGIN], lead=10, last_year=2024)
    regions = sorted(set(r for _, r in S)); perm = np.random.default_rng(42).permutation(regions)
    folds = {r: i % 6 for i, r in enumerate(perm)}
    # common held-out points: series/years present for every variant
    key = ['ind', 'region', 'lead']
    common = None
    for name, g in test.groupby('var'):
        k = set(map(tuple, g[key].values))
        common = k if common is None else common & k
    test = test[[tuple(x) in common for x in test[key].values]]
    rows = []
    pd.set_option('display.width', 250)
    detail = {}
    for name in VARIANTS + ['drift']:
        Te = test[test['var'] == name]; Tr = train[train['var'] == name]
        if name == 'drift':
            sc = np.sqrt(Te.v0.values); r = score(Te, sc, np.full(len(Te), 1000.0))
            rows.append(dict(variant='drift (RW+drift)', n=len(Te), **{k: v for k, v in r.items() if k != 'bins'}))
            detail['drift'] = r
            continue
        sc, nu = apply(Te, None, 'ols')
        ols = score(Te, sc, nu)
        rows.append(dict(variant=f'{name} OLS', n=len(Te), **{k: v for k, v in ols.items() if k != 'bins'}))
        for kind, fitter in (('mult', fit_multiplicative), ('add', fit_additive)):
            parts = []
            for f in range(6):
                cal = fit_groups(Tr[Tr.region.map(folds) != f], fitter)
                te = Te[Te.region.map(folds) == f]
                s_, n_ = apply(te, cal, kind)
                parts.append(te.assign(scale=s_, nu=n_))
            P = pd.concat(parts)
            r = score(P, P.scale.values, P.nu.values)
            r['widthx'] = r['wid80'] / ols['wid80']
            detail[(name, kind)] = (r, P)
            rows.append(dict(variant=f'{name} {kind}', n=len(P), **{k: v for k, v in r.items() if k != 'bins'}))
    R = pd.DataFrame(rows)
    print(R.round(3).to_string(index=False))
    for k, v in detail.items():
        if isinstance(v, tuple) and k[1] == 'add': print(k, 'reliability (bin, n, mean p, observed)', v[0]['bins'])
    # family breakdown for additive variants
    for name in VARIANTS:
        r, P = detail[(name, 'add')]
        fam = P.groupby('fam').apply(lambda g: pd.Series({k: v for k, v in score(g, g.scale.values, g.nu.values).items()
                                                       if k in ('cov80', 'cov95', 'W80', 'W95')}))
        print(name, 'additive by family\n', fam.round(2).T)
    if '--constants' in sys.argv:
        for name in VARIANTS:
            cal = fit_groups(train[train['var'] == name], fit_additive)
            print(name, {f: (c['nu'], c['gamma'], round(float(np.sqrt(c['tau2'])), 4)) for f, c in cal.items()})
