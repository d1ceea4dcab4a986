"""Shared helpers for the calibration prototype (research notes; not run in CI)."""
import numpy as np, pandas as pd
from scipy import stats

LOG = {"u5mr", "imr", "tfr", "mmr", "tb_incidence_per_100k", "physicians_per_10k"}
LOGIT = {"stunting_u5_pct", "underweight_u5_pct", "dtp3_pct", "mcv1_pct"}
LIN = {"life_expectancy"}
FAMILY = {"u5mr": "mortality", "imr": "mortality", "mmr": "mortality", "tfr": "fertility",
          "stunting_u5_pct": "nutrition", "underweight_u5_pct": "nutrition", "dtp3_pct": "coverage",
          "mcv1_pct": "coverage", "physicians_per_10k": "workforce", "tb_incidence_per_100k": "disease",
          "life_expectancy": "longevity"}

def fwd(ind, y):
    y = np.asarray(y, float)
    if ind in LOG: return np.log(y)
    if ind in LOGIT: return np.log(y / (100 - y))
    return y

def load(vn=False):
    d = pd.read_csv('/work/shared/data/intl_series.csv')
    if vn:
        v = pd.read_csv('/work/wt/calib/Datasets/national/vietnam_national.csv')
        v = v[v.indicator_code.isin(FAMILY)]
        d = pd.concat([d, v])
    d = d[d.indicator_code.isin(FAMILY)]
    out = {}
    for (i, r), g in d.groupby(['indicator_code', 'region']):
        g = g.sort_values('year')
        out[(i, r)] = (g.year.values.astype(int), g.value.values.astype(float))
    return out

def ols(t, z):
    n = len(t); X = np.column_stack([np.ones(n), t])
    XtX = np.linalg.inv(X.T @ X); b = XtX @ X.T @ z
    r = z - X @ b; s2 = r @ r / (n - 2)
    return b, XtX, np.sqrt(s2), n - 2
