#!/usr/bin/env python3
"""Reference values for RegressionTests, computed with statsmodels OLS/WLS.

NOT run in CI: the CSVs next to this script are committed, and the Swift tests read them.
Re-run by hand (from the repository root) when a case is added:

    python3 Tests/RegressionTests/Fixtures/statsmodels/make_fixtures.py \
        /work/shared/data/vietnam_national.csv

Input: the Viet Nam national series (World Bank WDI, UN IGME / UN WPP; provenance in each row's
`source` column of vietnam_national.csv). Each case is a straight-line trend in t = year − 2023.

Outputs (all numbers written with repr(), i.e. 17 significant digits, so they round-trip exactly):
  data.csv         case,year,t,raw_value,y,weight     the exact inputs fitted (y after any log transform)
  params.csv       case,name,estimate,bse              params and bse
  stats.csv        case,statistic,value                 rsquared, rsquared_adj, fvalue, ssr, scale, df_resid
  predictions.csv  case,alpha,year,t,mean,mean_se,mean_ci_lower,mean_ci_upper,obs_ci_lower,obs_ci_upper
                   from results.get_prediction(X_new).summary_frame(alpha) at years 2024..2030
                   (new observations get weight 1, the statsmodels default for an explicit exog).
  VERSIONS.txt     statsmodels, numpy, pandas, python versions and the date of the run.
"""
import csv
import datetime
import math
import os
import platform
import sys

import numpy as np
import pandas as pd
import statsmodels
import statsmodels.api as sm

HERE = os.path.dirname(os.path.abspath(__file__))
BASE_YEAR = 2023
NEW_YEARS = list(range(2024, 2031))
ALPHAS = [0.05, 0.2]

# case name, indicator, first year, last year, transform, weights(year) or None
CASES = [
    ("u5mr_log_ols", "u5mr", 2000, 2023, "log", None),
    ("tfr_ols", "tfr", 2000, 2023, "identity", None),
    ("life_expectancy_ols", "life_expectancy", 2000, 2019, "identity", None),
    # WLS: recent years count more, w = 0.9^(2023 − year) (geometric discounting of older data).
    ("imr_log_wls", "imr", 2000, 2023, "log", lambda year: 0.9 ** (BASE_YEAR - year)),
]


def main(path):
    frame = pd.read_csv(path)
    data_rows, param_rows, stat_rows, pred_rows = [], [], [], []
    for name, indicator, first, last, transform, weight_fn in CASES:
        sub = frame[(frame.indicator_code == indicator) & (frame.region == "VN")
                    & (frame.year >= first) & (frame.year <= last)].sort_values("year")
        years = sub.year.to_numpy(dtype=int)
        if len(years) != last - first + 1:
            sys.exit(f"{name}: expected {last - first + 1} years, found {len(years)}")
        raw = sub.value.to_numpy(dtype=float)
        y = np.log(raw) if transform == "log" else raw
        t = (years - BASE_YEAR).astype(float)
        X = np.column_stack([np.ones_like(t), t])
        if weight_fn is None:
            w = np.ones_like(t)
            results = sm.OLS(y, X).fit()
        else:
            w = np.array([weight_fn(int(yr)) for yr in years])
            results = sm.WLS(y, X, weights=w).fit()
        for yr, ti, rv, yi, wi in zip(years, t, raw, y, w):
            data_rows.append([name, int(yr), repr(float(ti)), repr(float(rv)), repr(float(yi)), repr(float(wi))])
        for pname, est, se in zip(["const", "t"], results.params, results.bse):
            param_rows.append([name, pname, repr(float(est)), repr(float(se))])
        for stat in ["rsquared", "rsquared_adj", "fvalue", "ssr", "scale", "df_resid"]:
            stat_rows.append([name, stat, repr(float(getattr(results, stat)))])
        t_new = np.array(NEW_YEARS, dtype=float) - BASE_YEAR
        X_new = np.column_stack([np.ones_like(t_new), t_new])
        prediction = results.get_prediction(X_new)
        for alpha in ALPHAS:
            sf = prediction.summary_frame(alpha=alpha)
            for i, yr in enumerate(NEW_YEARS):
                row = sf.iloc[i]
                pred_rows.append([name, repr(alpha), yr, repr(float(t_new[i]))] + [
                    repr(float(row[c])) for c in
                    ["mean", "mean_se", "mean_ci_lower", "mean_ci_upper", "obs_ci_lower", "obs_ci_upper"]])

    write("data.csv", ["case", "year", "t", "raw_value", "y", "weight"], data_rows)
    write("params.csv", ["case", "name", "estimate", "bse"], param_rows)
    write("stats.csv", ["case", "statistic", "value"], stat_rows)
    write("predictions.csv", ["case", "alpha", "year", "t", "mean", "mean_se", "mean_ci_lower",
                              "mean_ci_upper", "obs_ci_lower", "obs_ci_upper"], pred_rows)
    with open(os.path.join(HERE, "VERSIONS.txt"), "w") as f:
        f.write(f"statsmodels {statsmodels.__version__}\n")
        f.write(f"numpy {np.__version__}\n")
        f.write(f"pandas {pd.__version__}\n")
        f.write(f"python {platform.python_version()}\n")
        f.write(f"generated {datetime.date.today().isoformat()} from {os.path.basename(path)}\n")


def write(filename, header, rows):
    with open(os.path.join(HERE, filename), "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data/vietnam_national.csv")
