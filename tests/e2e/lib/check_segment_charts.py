#!/usr/bin/env python3
"""check_segment_charts.py SCRIPT CHARTS.tsv RESULTS.json SURVEY.ini

Checks the data prepost-plot gave gnuplot for every chart by segment
(SCRIPT: the script gnuplot read; CHARTS.tsv: the list of charts) against
results.json and the codebook, worked out here independently:

- the levels drawn: the codebook's `levels =` (a level nobody is in too),
  then those results.json lists that the codebook does not; for a chart of
  an item asked of one level only (`among`), only the levels with a result;
- each level's heading: its base ("n = 212 pairs", "n = 1 pair", "n = 20 to 30",
  "n = 0") and small-base flag;
- each bar's percentages (levels and missing labels, or an option's share
  and its interval, under the option's own label) and who answered, from
  that level's result (zeros for none);
- every bar of the whole sample's chart under every level drawn, in the
  whole sample's order.

Prints each problem and the number of charts checked; exits 1 on any.
"""
import configparser
import json
import re
import sys

END = "PREPOST_END_OF_DATA"
TOKEN = re.compile(r'"[^"]*"|\S+')


def blocks_of(script):
    """{chart name: {datablock name: [rows of tokens], "$text": [...]}}."""
    charts = {}
    for part in re.split(r"\nreset session\n", script)[1:]:
        name = re.match(r"# chart (\S+)\n", part).group(1)
        blocks = {}
        for m in re.finditer(r"^\$(\w+) << %s\n(.*?)^%s$" % (END, END), part, re.S | re.M):
            lines = [l for l in m.group(2).split("\n") if l and not l.startswith("#")]
            blocks[m.group(1)] = [[t[1:-1] if t.startswith('"') else t
                                   for t in TOKEN.findall(l)] for l in lines]
        charts[name] = blocks
    return charts


def codebook_of(path):
    ini = configparser.ConfigParser(interpolation=None, strict=False,
                                    comment_prefixes=(";", "#"), inline_comment_prefixes=(";",))
    ini.read(path, encoding="utf-8-sig")
    segments = {}
    for section in ini.sections():
        kind, _, name = section.partition(" ")
        if kind.lower() == "segment":
            levels = ini[section].get("levels", "")
            segments[name.strip()] = [l.strip() for l in levels.split("|")] if levels.strip() else []
    min_base = int(ini["survey"].get("min_base", "50")) if ini.has_section("survey") else 50
    return segments, min_base


def result_of(item, segment, level):
    for r in item["results"]:
        if r["segment"] == segment and r["level"] == level:
            return r
    return None


def expected_levels(segment, listed, results, items):
    seen = next((s["levels"] for s in results["segments"] if s["name"] == segment), [])
    levels = listed + [l["level"] for l in seen if l["level"] not in listed]
    if any(isinstance(i.get("among"), dict) for i in items):
        levels = [l for l in levels if any(result_of(i, segment, l) for i in items)]
    return levels


def heading_text(items, segment, level, min_base):
    bases, small = [], False
    for item in items:
        r = result_of(item, segment, level)
        base = r["base"] if r else 0
        bases.append(base)
        small = small or (r is not None and r["small_base"]) or base < min_base
    lo, hi = min(bases), max(bases)
    unit = ""
    if all(i["kind"] == "paired" for i in items):
        unit = " pair" if lo == hi == 1 else " pairs"
    base = "n = %d%s" % (lo, unit) if lo == hi else "n = %d to %d%s" % (lo, hi, unit)
    flag = "base under %d: too small to conclude from" % min_base if small else ""
    return base, flag


def plain(text):
    """Text prepost-plot passes unchanged (cleaning is tested elsewhere)."""
    return len(text) <= 120 and not re.search(r'["\\\x00-\x1f]|\]\]>|\S{33}', text)


def bar_shares(item, result, side):
    """(n, shares of the levels then each missing label) of one bar."""
    scale = item["scale"]
    k, missing = len(scale["levels"]), scale["missing"]
    if result is None:
        return 0, [0.0] * (k + len(missing))
    if side:
        pct = [v or 0 for v in result["answered_pct_" + side]]
        return result["answered_" + side], pct + [result["missing_" + side].get(m) or 0
                                                  for m in missing]
    counts = [max(c, 0) for c in result["counts"] + result["missing_counts"]]
    total = sum(counts)
    return total, [c * 100.0 / total if total else 0.0 for c in counts]


def group_of(row, starts):
    """The index of the level group a bar at this row is in."""
    return max(i for i, s in enumerate(starts) if s <= row)


class Checker:
    def __init__(self, results, segments, min_base):
        self.results, self.segments, self.min_base = results, segments, min_base
        self.items = {i["id"]: i for i in results["items"]}
        self.problems = []

    def fail(self, chart, what):
        self.problems.append("%s: %s" % (chart, what))

    def same_order(self, name, levels, got_order, order, what):
        """Every level drawn has every bar of the whole sample, in its order."""
        for g, level in enumerate(levels):
            seq = got_order.get(g, [])
            if seq != order:
                self.fail(name, "%s: %s %s, the whole sample's are %s"
                          % (level, what, seq, order))

    def option_labels(self, name, blocks, items):
        """Each option's label ($rows) is that of its share ($bars)."""
        if len(blocks["rows"]) != len(blocks["bars"]):
            self.fail(name, "%d labels for %d bars" % (len(blocks["rows"]), len(blocks["bars"])))
            return
        for row, bar in zip(blocks["rows"], blocks["bars"]):
            label = items[int(bar[6]) - 1]["options"][int(bar[7]) - 1]
            if plain(label) and row[0] != label:
                self.fail(name, "row %s: labelled %r, its share is %r's" % (bar[0], row[0], label))

    def headings(self, name, blocks, segment, items):
        want = expected_levels(segment, self.segments[segment], self.results, items)
        text = blocks["text"][1][0]
        want_text = "By %s" % segment if want else "By %s: " % segment
        if not text.startswith(want_text) or (want and text != want_text):
            self.fail(name, "subtitle %r, expected %r" % (text, want_text))
        levels = [h for h in blocks["headings"] if h[3] == "0"]
        if len(levels) != len(want):
            self.fail(name, "%d levels drawn, expected %d (%s)" % (len(levels), len(want), want))
            return None
        for h, level in zip(levels, want):
            if plain(level) and h[0] != level:
                self.fail(name, "level %r drawn as %r" % (level, h[0]))
            base, flag = heading_text(items, segment, level, self.min_base)
            if (h[4], h[5]) != (base, flag):
                self.fail(name, "%s: heading %r / %r, expected %r / %r"
                          % (level, h[4], h[5], base, flag))
        return want, [int(h[1]) for h in levels]

    def diverging(self, name, blocks, whole, segment, items):
        found = self.headings(name, blocks, segment, items)
        if found is None:
            return
        levels, starts = found
        order = [r[5] for r in whole["rows"]]
        pieces = {}
        for s in blocks["segments"]:
            pieces.setdefault(int(s[0]), []).append(s)
        got_order = {}
        for r in blocks["rows"]:
            row, item = int(r[1]), items[int(r[5]) - 1]
            g = group_of(row, starts)
            got_order.setdefault(g, []).append(r[5])
            side = {"Before": "before", "After": "after"}.get(r[0]) if item["kind"] == "paired" else None
            n, shares = bar_shares(item, result_of(item, segment, levels[g]), side)
            k = len(item["scale"]["levels"])
            got = [float(p[6]) for p in pieces[row] if p[2] == "0"] + \
                  [float(p[6]) for p in pieces[row] if p[2] == "1"]
            if int(r[3]) != n or len(got) != len(shares) or \
                    any(abs(a - b) > 6e-5 for a, b in zip(got, shares)):
                self.fail(name, "%s, %s %s: n = %s %s, expected n = %d %s"
                          % (levels[g], item["id"], side or "", r[3], got, n,
                             [round(x, 4) for x in shares]))
            if abs(float(r[4]) - sum(shares[k:])) > 1e-3:
                self.fail(name, "%s, %s: missing %s, expected %.4f"
                          % (levels[g], item["id"], r[4], sum(shares[k:])))
        self.same_order(name, levels, got_order, order, "bars")

    def options(self, name, blocks, whole, segment, items):
        found = self.headings(name, blocks, segment, items)
        if found is None:
            return
        levels, starts = found
        order = [(b[6], b[7]) for b in whole["bars"]]
        got_order = {}
        for b in blocks["bars"]:
            g = group_of(int(b[0]), starts)
            item = items[int(b[6]) - 1]
            got_order.setdefault(g, []).append((b[6], b[7]))
            r = result_of(item, segment, levels[g])
            pct = r["pct"][int(b[7]) - 1] if r else None
            ci = (r["pct_ci"][int(b[7]) - 1] if r else None) or [0, 0]
            valid = "1" if pct is not None else "0"
            got = [float(x) for x in b[3:6]]
            want = [pct or 0] + [x or 0 for x in ci]
            if b[2] != valid or any(abs(x - y) > 6e-5 for x, y in zip(got, want)):
                self.fail(name, "%s, %s option %s: %s%% (%s to %s), valid %s, expected %s %s"
                          % (levels[g], item["id"], b[7], b[3], b[4], b[5], b[2], pct, ci))
        self.same_order(name, levels, got_order, order, "options")
        self.option_labels(name, blocks, items)


def main():
    script, index, results_path, codebook = sys.argv[1:5]
    charts = blocks_of(open(script, encoding="utf-8").read())
    results = json.load(open(results_path, encoding="utf-8"))
    segments, min_base = codebook_of(codebook)
    checker = Checker(results, segments, min_base)
    checked = 0
    lines = open(index, encoding="utf-8").read().splitlines()
    for line in lines[1:]:
        name, kind, _, ids, segment = line.split("\t")
        if not segment:
            continue
        base = name[:name.index(".by-")]
        if base not in charts or name not in charts:
            checker.fail(name, "not in the script")
            continue
        items = [checker.items[i] for i in ids.split(",")]
        draw = checker.diverging if kind == "diverging" else checker.options
        draw(name, charts[name], charts[base], segment, items)
        checked += 1
    for p in checker.problems:
        print("  " + p)
    print("%d charts by segment checked, %d problems" % (checked, len(checker.problems)))
    return 1 if checker.problems or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
