"""Rolling-origin standardised errors u = (z_obs - loc_OLS)/scale_OLS by family and horizon."""
import numpy as np, pandas as pd
from common import *

def errors(S, origins, hmax=10, minpts=5, last_year=2024, window=None):
    rows = []
    for (i, r), (yr, v) in S.items():
        for o in origins:
            m = (yr <= o) & ((yr > o - window) if window else True)
            if m.sum() < minpts: continue
            t_ = yr[m]; z = fwd(i, v[m]); a = t_.max()
            b, C, s, df = ols(t_ - a, z)
            h = (yr > o) & (yr - a <= hmax) & (yr <= last_year)
            if not h.any(): continue
            zt = fwd(i, v[h]); tt = yr[h] - a
            loc = b[0] + b[1] * tt
            sc = s * np.sqrt(1 + C[0, 0] + 2 * tt * C[0, 1] + tt * tt * C[1, 1])
            n = len(z); dif = np.diff(z); dr = dif.mean(); s2 = np.var(dif, ddof=1) if n > 2 else np.nan
            dloc = z[-1] + dr * tt; dsc = np.sqrt(s2 * tt * (1 + tt / (n - 1)))
            for k in range(len(tt)):
                rows.append((i, FAMILY[i], r, o, a, int(tt[k]), n, df, zt[k], loc[k], sc[k], dloc[k], dsc[k]))
    return pd.DataFrame(rows, columns=['ind', 'fam', 'region', 'origin', 'anchor', 'h', 'n', 'df', 'z', 'loc', 'sc', 'dloc', 'dsc'])
if __name__ == '__main__':
    S = load(vn=True)
    E = errors(S, range(2000, 2015))
    E['u'] = (E.z - E['loc']) / E.sc
    E['au'] = E.u.abs()
    print(len(E))
    g = E.groupby(['fam', 'h']).au
    q = pd.DataFrame({'n': g.size(), 'q80': g.quantile(.8), 'q95': g.quantile(.95)})
    q['ratio'] = q.q95 / q.q80
    pd.set_option('display.max_rows', 200)
    print(q.round(2))
    print(E.groupby('fam').region.nunique(), E.groupby('fam').au.quantile([.8, .95]).unstack().assign(r=lambda x: x[.95] / x[.8]))
