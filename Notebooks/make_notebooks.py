"""Writes kontum_scorecard.ipynb and scenario_comparison.ipynb (cells only, no outputs).

The notebooks are the product; this script is how they were generated, kept so a change to a cell can be made
in one reviewable place. Run `python3 Notebooks/make_notebooks.py`, then `python3 -m pytest --nbmake Notebooks/`.
Not run in CI.
"""
import pathlib

import nbformat as nbf

SETUP = r'''import io
import os
import pathlib
import subprocess

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd


def repo_root() -> pathlib.Path:
    """The chitieu checkout: the first parent of the working directory holding Package.swift."""
    here = pathlib.Path.cwd().resolve()
    for candidate in [here, *here.parents]:
        if (candidate / "Package.swift").exists():
            return candidate
    raise FileNotFoundError("run this notebook inside a chitieu checkout (no Package.swift above " + str(here) + ")")


ROOT = repo_root()
# The binary: $CHITIEU_BIN if set, else the debug build (`swift build`) of this checkout.
CHITIEU = os.environ.get("CHITIEU_BIN") or str(ROOT / ".build" / "debug" / "chitieu")
if not pathlib.Path(CHITIEU).exists():
    raise FileNotFoundError(f"{CHITIEU} not found: run `swift build` in {ROOT} or set CHITIEU_BIN")


def chitieu(*args: str) -> str:
    """Runs chitieu from the repository root and returns its stdout; raises with its stderr on failure."""
    run = subprocess.run([CHITIEU, *args], cwd=ROOT, capture_output=True, text=True, timeout=300)
    if run.returncode != 0:
        raise RuntimeError(f"chitieu {' '.join(args)} exited {run.returncode}:\n{run.stderr}")
    return run.stdout


def chitieu_csv(*args: str) -> pd.DataFrame:
    """chitieu's CSV output as a DataFrame (identifier columns such as plan_row kept as text)."""
    return pd.read_csv(io.StringIO(chitieu(*args)), dtype={"plan_row": str, "seed": str})
'''

def notebook(cells):
    nb = nbf.v4.new_notebook()
    nb.metadata = {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                   "language_info": {"name": "python"}}
    nb.cells = cells
    return nb

def params(src):
    c = nbf.v4.new_code_cell(src)
    c.metadata["tags"] = ["parameters"]
    return c

md, code = nbf.v4.new_markdown_cell, nbf.v4.new_code_cell

scorecard = notebook([
    md("""# Kon Tum plan scorecard

Will Kon Tum province reach the 2025 and 2030 targets of its health plan (Kế hoạch UBND tỉnh Kon Tum, 5/2024)?
This notebook runs `chitieu attain --format csv` on the bundled plan, shows the scorecard, and draws fan charts
(observed history, projected median, 80 % and 95 % prediction intervals, the plan's targets) for stunting,
under-five mortality, total fertility and doctors per 10,000 people from `chitieu project … --format csv`.

The numbers come from chitieu; this notebook only reshapes and plots them. Set `CHITIEU_BIN` to use another
build; otherwise it uses `.build/debug/chitieu` of this checkout (run `swift build` first)."""),
    params('''# Parameters (papermill: `papermill kontum_scorecard.ipynb out.ipynb -p region VN-28`)
region = "VN-28"  # province code: Kon Tum
indicators = ["stunting_u5_pct", "u5mr", "tfr", "physicians_per_10k"]
to_year = 2030'''),
    code(SETUP),
    md("## The scorecard\nOne row per indicator and milestone: baseline, target, projection with its 95 % interval, "
       "P(attain) and chitieu's verdict, with the model and method behind each number."),
    code('''card = chitieu_csv("attain", "--region", region, "--format", "csv", "--quiet")
columns = ["plan_row", "indicator", "year", "baseline", "target_text", "comparator", "projection",
           "pi95_lower", "pi95_upper", "p_attain", "verdict", "method"]
card[columns].round({"baseline": 2, "projection": 2, "pi95_lower": 2, "pi95_upper": 2, "p_attain": 2})'''),
    code('''# How many targets fall in each verdict class (a target without a projection is "Assessment not possible").
card.pivot_table(index="verdict", columns="year", values="indicator", aggfunc="count", fill_value=0)'''),
    md("""## Fan charts

Each chart comes from `chitieu project --indicator CODE --region REGION --format csv`: `observed` rows, and
`projected` rows with one row per interval level (0.8, 0.95). The method column says how the projection was made:
Kon Tum has only one or two provincial observations of stunting and doctors per 10,000, so those (and U5MR and TFR)
are **national-slope-shift** projections — the national trend's slope, anchored at the provincial value, with a
widened interval — rather than trends of the province's own data."""),
    code('''def projection(code: str) -> pd.DataFrame:
    return chitieu_csv("project", "--indicator", code, "--region", region, "--to", str(to_year), "--format", "csv",\n                       "--quiet")


def fan(ax, code: str) -> None:
    rows = projection(code)
    observed = rows[rows.kind == "observed"]
    projected = rows[rows.kind == "projected"]
    bands = projected.pivot_table(index="year", columns="level", values=["lower", "upper"])
    median = projected.groupby("year").value.first()
    ax.fill_between(bands.index, bands["lower", 0.95], bands["upper", 0.95], color="#0072B2", alpha=0.15,
                    label="95 % interval")
    ax.fill_between(bands.index, bands["lower", 0.8], bands["upper", 0.8], color="#0072B2", alpha=0.32,
                    label="80 % interval")
    ax.plot(median.index, median.values, color="#0072B2", lw=2, label="projected median")
    ax.plot(observed.year, observed.value, "o-", color="#222222", ms=4, label="observed")
    targets = card[(card.indicator == code) & card.target.notna()]
    for _, t in targets.iterrows():
        ax.plot(t.year, t.target, "D", color="#B2182B", ms=7)
        ax.annotate(f"{t.year}: {t.comparator} {t.target:g}", (t.year, t.target), textcoords="offset points",
                    xytext=(0, 8), ha="center", color="#B2182B", fontsize=8)
    method = projected.method.iloc[0] if len(projected) else "no projection"
    ax.set_title(f"{code} — {region}\\n{method}", fontsize=9)
    ax.grid(alpha=0.3)


fig, axes = plt.subplots(2, 2, figsize=(11, 8))
for ax, code in zip(axes.flat, indicators):
    fan(ax, code)
axes.flat[0].legend(fontsize=8, loc="best")
fig.tight_layout()
plt.show()'''),
    md("""## Reading the charts

* The bands are **prediction intervals of a new observation**, calibrated by chitieu's backtests
  (`Datasets/calibration`), so they are much wider than a classical OLS interval; `chitieu project --intervals ols`
  shows the narrow classical one.
* P(attain) in the scorecard is the probability mass of the predictive distribution on the right side of the target
  (strictness honoured), so it agrees with where the bands sit relative to the diamonds.
* The same charts as SVG, without Python: `chitieu plot --indicator stunting_u5_pct --out stunting.svg` and
  `chitieu plot --scorecard --out overview.svg`."""),
])

scenarios = notebook([
    md("""# Comparing resource-allocation scenarios

What would it take to reach the workforce and nutrition targets? Each scenario file in `Datasets/kontum/scenarios/`
states levers (training places, recruitment, budget shares, accelerated trends); `chitieu scenario compare` runs them
with the same seed and reports, per target, the central projection and P(attain), and the total cost. This notebook
plots the distribution of one indicator in the target year under each scenario, P(attain) per target and scenario,
and the cost per scenario."""),
    params('''# Parameters (papermill: `papermill scenario_comparison.ipynb out.ipynb -p indicator nurses_per_10k`)
region = "VN-28"
scenario_glob = "Datasets/kontum/scenarios/*.yaml"  # relative to the repository root
indicator = "physicians_per_10k"
year = 2030'''),
    code(SETUP),
    code('''files = sorted(str(p.relative_to(ROOT)) for p in ROOT.glob(scenario_glob))
assert len(files) >= 2, f"need at least two scenario files matching {scenario_glob}"
files'''),
    md("## Side by side: central value and P(attain) per target"),
    code('''wide = pd.read_csv(io.StringIO(chitieu("scenario", "compare", *files, "--format", "csv", "--quiet")),
                   dtype={"target": str, "plan_row": str})
# One row per target and milestone, then summary rows (total_cost, cost_per_point_gained) with an empty year.
costs = wide[wide.indicator == "total_cost"]
targets = wide[wide.year.notna()].astype({"year": int})
names = [c[: -len(" median")] for c in wide.columns if c.endswith(" median")]
long = pd.concat([
    targets[["indicator", "year", "target"]].assign(scenario=name, central=targets[f"{name} median"],
                                                    p_attain=targets[f"{name} p_attain"])
    for name in names
], ignore_index=True)
long.pivot_table(index=["indicator", "year", "target"], columns="scenario", values="p_attain")'''),
    md("""## Distribution of the indicator in the target year

`chitieu scenario run FILE --format csv` gives, per year, the central value and the 80 % and 95 % Monte Carlo
quantiles. The curves below are normal densities matched to each scenario's central value and 80 % interval
(σ = width / (2 × 1.2816)); they show where the scenarios put their mass relative to the target, not the exact
Monte Carlo histogram. Scenarios that do not touch the indicator have no rows for it and are skipped."""),
    code('''def scenario_rows(path: str) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(chitieu("scenario", "run", path, "--format", "csv", "--quiet")))


runs = pd.concat([scenario_rows(f) for f in files], ignore_index=True)
runs = runs[(runs.region == region) & (runs.indicator == indicator) & (runs.year == year)]
fig, ax = plt.subplots(figsize=(9, 4.5))
for name, rows in runs.groupby("scenario"):
    central = rows[rows.kind == "central"].value
    lower = rows[(rows.kind == "lower") & (rows.level == 80)].value
    upper = rows[(rows.kind == "upper") & (rows.level == 80)].value
    if central.empty or lower.empty or upper.empty:
        continue
    mu, sigma = central.iloc[0], (upper.iloc[0] - lower.iloc[0]) / (2 * 1.2816)
    if not sigma > 0:
        ax.axvline(mu, label=f"{name} (no spread)")
        continue
    x = np.linspace(mu - 4 * sigma, mu + 4 * sigma, 400)
    ax.plot(x, np.exp(-0.5 * ((x - mu) / sigma) ** 2) / (sigma * np.sqrt(2 * np.pi)), label=name)
plan = long[(long.indicator == indicator) & (long.year == year)]
if not plan.empty:
    target_value = float(str(plan.target.iloc[0]).lstrip("<>=≤≥ ").split(" ")[0].replace(",", "."))
    ax.axvline(target_value, color="#B2182B", ls="--", label=f"target {plan.target.iloc[0]}")
ax.set_xlabel(f"{indicator} in {year}")
ax.set_ylabel("density (normal approximation)")
ax.legend(fontsize=8)
plt.show()'''),
    md("## P(attain) per target and scenario"),
    code('''p = long.assign(target_label=long.indicator + " " + long.year.astype(str)).pivot_table(
    index="target_label", columns="scenario", values="p_attain")
ax = p.plot.barh(figsize=(9, max(3, 0.45 * len(p))), width=0.8)
ax.set_xlim(0, 1)
ax.set_xlabel("P(attain)")
ax.axvline(0.8, color="grey", ls=":", lw=1)
ax.legend(fontsize=8, loc="lower right")
plt.show()'''),
    md("## Total cost per scenario\nAs reported by `scenario compare` (currency and cost sources are named in each scenario file)."),
    code('''cost = pd.Series({name: float(costs[f"{name} median"].iloc[0]) if not costs.empty else np.nan for name in names})
ax = (cost / 1e9).plot.bar(figsize=(8, 3.5), color="#0072B2")
ax.set_ylabel("total cost (billions)")
ax.set_title("Total cost over the scenario horizon")
plt.xticks(rotation=20, ha="right")
plt.show()
cost'''),
])

HERE = pathlib.Path(__file__).resolve().parent
nbf.write(scorecard, HERE / "kontum_scorecard.ipynb")
nbf.write(scenarios, HERE / "scenario_comparison.ipynb")
