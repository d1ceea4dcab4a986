#!/usr/bin/env python3
"""Checks that chitieu's batch output agrees with a peer's, column by column.

usage: compare.py B1 CHITIEU.csv PEER.csv [--rtol 1e-9]
       compare.py B2 CHITIEU.csv PEER.csv [--draws N]

B1: joins on (region, year); compares the peer's mean with chitieu's median (the peer's "mean" is exp of the
    log-scale mean, i.e. the predictive median), lower95, upper95 and p_attain with relative tolerance rtol
    (for p_attain, |a-b| <= rtol * max(|a|, |b|) + 1e-15, since probabilities can underflow to ~0).
B2: joins on region; p_2025, p_2030, p_joint must agree within 4 Monte Carlo standard errors
    sqrt(p(1-p)/N) of each side combined (both are independent MC estimates).
Prints one line per column with the worst discrepancy and exits 1 on any failure.
"""
import argparse
import math
import sys

import pandas as pd

p = argparse.ArgumentParser()
p.add_argument("workload", choices=["B1", "B2"])
p.add_argument("ours")
p.add_argument("peer")
p.add_argument("--rtol", type=float, default=1e-9)
p.add_argument("--draws", type=int, default=1_000_000)
a = p.parse_args()

ours = pd.read_csv(a.ours)
peer = pd.read_csv(a.peer)
ok = True
if a.workload == "B1":
    # chitieu's batch CSV uses the milestone columns of every command (projection, pi95_lower, …).
    ours = ours.rename(columns={"projection": "mean", "pi95_lower": "lower95", "pi95_upper": "upper95"})
    m = peer.merge(ours, on=["region", "year"], suffixes=("_peer", "_ours"), how="left", indicator=True)
    missing = int((m["_merge"] != "both").sum())
    if missing:
        print(f"B1: {missing} peer rows missing from chitieu's output", file=sys.stderr)
        ok = False
    for col in ["mean", "lower95", "upper95", "p_attain"]:
        x, y = m[f"{col}_ours"].astype(float), m[f"{col}_peer"].astype(float)
        err = (x - y).abs()
        scale = pd.concat([x.abs(), y.abs()], axis=1).max(axis=1)
        bad = err > a.rtol * scale + 1e-15
        worst = float((err / scale.where(scale > 0, 1)).max())
        print(f"B1 agreement {col:9s}: {len(m)} rows, worst relative difference {worst:.2e}"
              f" ({int(bad.sum())} beyond {a.rtol:g})")
        ok &= not bool(bad.any())
else:
    m = peer.merge(ours, on="region", suffixes=("_peer", "_ours"))
    if len(m) != len(peer):
        print(f"B2: {len(peer) - len(m)} peer series missing from chitieu's output", file=sys.stderr)
        ok = False
    for col in ["p_2025", "p_2030", "p_joint"]:
        worst = 0.0
        for _, r in m.iterrows():
            x, y = r[f"{col}_ours"], r[f"{col}_peer"]
            pbar = (x + y) / 2
            se = math.sqrt(max(pbar * (1 - pbar), 1e-12) * 2 / a.draws)
            z = abs(x - y) / se
            worst = max(worst, z)
            if z > 4:
                ok = False
        print(f"B2 agreement {col:7s}: {len(m)} series, worst |difference| = {worst:.2f} Monte Carlo SE (limit 4)")
sys.exit(0 if ok else 1)
