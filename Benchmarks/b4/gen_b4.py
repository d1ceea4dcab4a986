#!/usr/bin/env python3
"""Synthetic inputs for benchmark B4: REGIONS regions, each with the Kon Tum plan's 26 indicators.

Every region gets the Kon Tum plan's targets (Datasets/kontum/plan_targets.csv, region replaced) and, for
every indicator with a numeric 2023 baseline (Datasets/kontum/plan_baseline_2023.csv), a yearly series
2012-2023: a linear trend on the catalogue's model scale (log, logit or linear, Datasets/indicators.csv)
through the Kon Tum baseline times a regional factor, with a random slope and noise. Plus population_avg
2012-2023. Synthetic test values, not data. Seeded: the same arguments give the same files.
"""
import argparse
import csv
import math
import pathlib
import random

ROOT = pathlib.Path(__file__).resolve().parents[2] / "Datasets"


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--regions", type=int, default=700)
    ap.add_argument("--seed", type=int, default=4)
    ap.add_argument("--data-out", required=True)
    ap.add_argument("--targets-out", required=True)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    catalogue = {r["code"]: r for r in read(ROOT / "indicators.csv")}
    targets = read(ROOT / "kontum" / "plan_targets.csv")
    baseline = {r["indicator_code"]: float(r["value"]) for r in read(ROOT / "kontum" / "plan_baseline_2023.csv")
                if r["region"] == "VN-28" and r["value"]}
    # Indicators the plan prints no 2023 value for (synthetic levels; the heights have no target).
    baseline.update({"uhc_service_coverage_index": 65.0, "height_18_female_cm": 153.0, "height_18_male_cm": 164.0})
    years = range(2012, 2024)
    with open(args.data_out, "w", newline="", encoding="utf-8") as d, \
         open(args.targets_out, "w", newline="", encoding="utf-8") as t:
        data = csv.writer(d)
        data.writerow(["indicator_code", "region", "year", "value", "unit", "source"])
        tw = csv.DictWriter(t, fieldnames=list(targets[0].keys()))
        tw.writeheader()
        for k in range(args.regions):
            region = f"B4-{k + 1:04d}"
            for row in targets:
                tw.writerow({**row, "region": region})
            pop0, growth = rng.uniform(1e5, 1.5e6), rng.uniform(0.005, 0.025)
            for y in years:
                data.writerow(["population_avg", region, y, round(pop0 * (1 + growth) ** (y - 2023)), "persons",
                               "synthetic"])
            for code, value in sorted(baseline.items()):
                entry = catalogue.get(code)
                if entry is None:
                    continue
                lo = float(entry["lower_bound"]) if entry["lower_bound"] else None
                hi = float(entry["upper_bound"]) if entry["upper_bound"] else None
                scale = entry["scale"]
                level = value * rng.uniform(0.8, 1.2)
                if lo is not None and hi is not None:
                    level = min(max(level, lo + 0.02 * (hi - lo)), hi - 0.02 * (hi - lo))
                if scale == "log" or (scale == "logit" and level <= 0):
                    level = max(level, 0.05)
                    fwd, inv = math.log, math.exp
                elif scale == "logit":
                    fwd = lambda v, lo=lo, hi=hi: math.log((v - lo) / (hi - v))
                    inv = lambda z, lo=lo, hi=hi: lo + (hi - lo) / (1 + math.exp(-z))
                else:
                    fwd, inv = (lambda v: v), (lambda z: z)
                z0 = fwd(level)
                slope = rng.gauss(0.02, 0.03) * (1 if scale != "identity" else abs(level) * 0.01)
                noise = 0.03 if scale != "identity" else abs(level) * 0.003
                for y in years:
                    v = inv(z0 + slope * (y - 2023) + rng.gauss(0, noise))
                    data.writerow([code, region, y, f"{v:.6g}", entry["unit"], "synthetic"])


if __name__ == "__main__":
    main()
