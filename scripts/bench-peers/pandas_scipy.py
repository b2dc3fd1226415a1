#!/usr/bin/python3
"""The prepost job done with pandas and scipy, for scripts/bench.

    pandas_scipy.py SPEC.tsv EXPORT RESULT.tsv

SPEC.tsv (written by scripts/bench from the codebook) names the columns of
every item by position, the scales, and the segment. EXPORT is the
SurveyMonkey export (two header rows; .gz read by name). For every item,
overall and per segment level, it computes what prepost's results.json
holds for the comparison:
  paired: the before x after table of counts, n_pairs, improved,
          unchanged, worsened, counts and % per level before and after,
          the Wilcoxon signed-rank p (R's defaults: zeros dropped, normal
          approximation with continuity correction);
  single: counts per level, the missing labels' counts;
  multi:  respondents and the count and % per option.
RESULT.tsv: kind, item, segment level ("" for everyone), key, value.
"""
import sys

import numpy as np
import pandas as pd
from scipy import stats


def read_spec(path):
    spec = {"scales": {}, "items": []}
    with open(path, encoding="utf-8") as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if p[0] == "segment":
                spec["segment"] = (int(p[2]), p[3].split("|"))
            elif p[0] == "scale":
                spec["scales"][p[1]] = (p[2].split("|"), p[3].split("|") if p[3] else [])
            else:
                spec["items"].append(p)
    return spec


def codes_of(column, levels, missing):
    """1..K for the levels, -1, -2, ... for the missing labels, 0 for blank."""
    table = {label: k for k, label in enumerate(levels, 1)}
    table.update({label: -j for j, label in enumerate(missing, 1)})
    lookup = np.array([table.get(c, 0) for c in column.cat.categories] + [0], dtype=np.int8)
    return lookup[column.cat.codes.to_numpy()]    # code -1 (NaN) takes the last slot: 0


def main(spec_path, export, out_path):
    spec = read_spec(spec_path)
    seg_col, seg_levels = spec["segment"]
    used = {seg_col}
    for it in spec["items"]:
        if it[0] == "paired":
            used.update([int(it[3]), int(it[4])])
        elif it[0] == "single":
            used.add(int(it[3]))
        elif it[0] == "multi":
            used.update(int(i) for i in it[2].split("|"))
    df = pd.read_csv(export, skiprows=2, header=None, usecols=sorted(used),
                     dtype="category", keep_default_na=False, na_filter=False,
                     encoding="utf-8")
    seg = df[seg_col].astype(str).to_numpy()
    segments = [("", np.ones(len(df), dtype=bool))] + [(lv, seg == lv) for lv in seg_levels]
    out = []

    def put(kind, item, level, key, value):
        out.append("%s\t%s\t%s\t%s\t%s" % (kind, item, level, key, value))

    for it in spec["items"]:
        kind, ident = it[0], it[1]
        if kind == "paired":
            levels, missing = spec["scales"][it[2]]
            k = len(levels)
            b = codes_of(df[int(it[3])], levels, missing)
            a = codes_of(df[int(it[4])], levels, missing)
            among = np.ones(len(df), dtype=bool) if it[5] == "" else seg == it[5]
            for level, mask in segments:
                if it[5] and level not in ("", it[5]):
                    continue
                v = mask & among & (b > 0) & (a > 0)
                bv, av = b[v].astype(np.int64), a[v].astype(np.int64)
                table = np.bincount((bv - 1) * k + (av - 1), minlength=k * k).reshape(k, k)
                n = int(table.sum())
                put(kind, ident, level, "n_pairs", n)
                put(kind, ident, level, "improved", int(np.triu(table, 1).sum()))
                put(kind, ident, level, "unchanged", int(np.trace(table)))
                put(kind, ident, level, "worsened", int(np.tril(table, -1).sum()))
                for i in range(k):
                    put(kind, ident, level, "before.%d" % (i + 1), int(table[i].sum()))
                    put(kind, ident, level, "after.%d" % (i + 1), int(table[:, i].sum()))
                    put(kind, ident, level, "pct_before.%d" % (i + 1),
                        100.0 * table[i].sum() / n if n else "")
                    for j in range(k):
                        put(kind, ident, level, "cell.%d.%d" % (i + 1, j + 1), int(table[i, j]))
                d = av - bv
                p = ""
                if np.count_nonzero(d):
                    p = stats.wilcoxon(d, zero_method="wilcox", correction=True,
                                       method="approx").pvalue
                put(kind, ident, level, "wilcoxon_p", p)
        elif kind == "single":
            levels, missing = spec["scales"][it[2]]
            c = codes_of(df[int(it[3])], levels, missing)
            for level, mask in segments:
                counts = np.bincount(c[mask] + len(missing), minlength=len(missing) + 1 + len(levels))
                put(kind, ident, level, "n", int(counts[len(missing) + 1:].sum()))
                for i in range(len(levels)):
                    put(kind, ident, level, "count.%d" % (i + 1), int(counts[len(missing) + 1 + i]))
                for j in range(len(missing)):
                    put(kind, ident, level, "missing.%d" % (j + 1), int(counts[len(missing) - 1 - j]))
        elif kind == "multi":
            cols = [int(i) for i in it[2].split("|")]
            ticked = [df[c].astype(str).to_numpy() != "" for c in cols]
            for level, mask in segments:
                r = int(mask.sum())
                put(kind, ident, level, "respondents", r)
                for j, t in enumerate(ticked):
                    n = int((t & mask).sum())
                    put(kind, ident, level, "count.%d" % (j + 1), n)
                    put(kind, ident, level, "pct.%d" % (j + 1), 100.0 * n / r if r else "")
    with open(out_path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit("usage: pandas_scipy.py SPEC.tsv EXPORT RESULT.tsv")
    main(*sys.argv[1:])
