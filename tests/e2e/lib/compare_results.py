"""compare_results.py: compares the statistics of two results.json files
made from one export with two codebooks (a hand-written one and the draft
of prepost init), item by item where both read the same columns.

    python3 compare_results.py HAND.ini HAND.json DRAFT.ini DRAFT.json [ALLOWED]

ALLOWED, a regular expression, names differences known to be legitimate
(the caller says why): matching lines are printed as allowed, not counted.

Items are matched by the export columns they read (a name, its second
name in the header, or #N: lib/export_header.py); segment rows by the
segment's column and level. Statistics are compared where both have them,
except Holm-adjusted p-values and bootstrap intervals, which depend on the
other items and on the seed. A hand-written item asked `among` one segment
counts the others as not asked where a draft without `among` counts
them as not answering: for such items the no-answer counts and the rows of
segments only the draft has are left out. Two things no export can tell are
said in one line each, for ALLOWED to name: a hand-written item nobody
answered ("which nobody answered") that the draft leaves out, and a
hand-written item asked `among` one segment that others answered too
("answered outside among"), whose statistics are then not compared.
Prints what differs; exits 1 if a hand-written item has no match or a
statistic differs, 0 otherwise."""
import configparser
import json
import re
import sys

from export_header import column_resolver, norm

IGNORED = re.compile(r"(_holm$|^boot_|^id$|^title$|^battery$|^order$|^among$|^segment$)")


def read_ini(path):
    ini = configparser.ConfigParser(inline_comment_prefixes=(";",), comment_prefixes=(";",),
                                    interpolation=None, strict=False)
    ini.optionxform = str.lower
    ini.read(path, encoding="utf-8")
    return ini


def columns_of(section, resolve=lambda ref, wave=None: norm(ref)):
    """The columns an item reads: a paired item's in its two waves, any
    other's in its wave (a panel's default: after)."""
    keys = ("before", "after", "column", "columns")
    wave = lambda key: key if key in ("before", "after") else section.get("wave", "after")
    return tuple(resolve(c, wave(k)) for k in keys if k in section for c in section[k].split("|"))


def items_by_columns(ini, resolve):
    found = {}
    for name in ini.sections():
        kind, _, item = name.partition(" ")
        if kind.lower() in ("paired", "single", "multi", "text"):
            found[columns_of(ini[name], resolve)] = item
    return found


def segment_columns(ini, resolve):
    """A segment's column, in the after wave of a panel when it is read
    there (by default both waves read it), else in the before wave."""
    wave = lambda s: "before" if s.get("wave", "both").strip() == "before" else "after"
    return {name.partition(" ")[2]: resolve(ini[name]["column"], wave(ini[name]))
            for name in ini.sections() if name.lower().startswith("segment ")}


def nobody_answered(item):
    """No answer at all, not even a missing one, in any row of the item."""
    def empty(row):
        if item["kind"] == "text":
            return True
        if item["kind"] == "multi":
            return not any(row.get("counts") or [])
        if item["kind"] == "paired":
            return not (row.get("answered_before") or row.get("answered_after")
                        or any(v for k, v in row.get("excluded", {}).items()
                               if not k.startswith(("no answer", "not in"))))
        return not (row.get("n") or any(row.get("missing_counts") or []))
    if item["kind"] == "text" and item.get("comments"):
        return False
    return all(empty(r) for r in item.get("results", []))


def rows_by_key(item, segments):
    return {(segments.get(r.get("segment"), r.get("segment")), r.get("level")): r
            for r in item.get("results", [])}


def differences(a, b, where, among=False):
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) & set(b)):
            if not IGNORED.search(key) and not (among and re.search("no.answer", key)):
                yield from differences(a[key], b[key], where + "." + key, among)
    elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b)):
            yield from differences(x, y, "%s[%d]" % (where, i), among)
    elif isinstance(a, float) or isinstance(b, float):
        if not isinstance(a, (int, float)) or not isinstance(b, (int, float)) \
                or abs(a - b) > 1e-9 * max(1.0, abs(a)):
            yield "%s: %r against %r" % (where, a, b)
    elif a != b:
        yield "%s: %r against %r" % (where, a, b)


def main(hand_ini, hand_json, draft_ini, draft_json, allowed=None):
    allowed = re.compile(allowed) if allowed else None
    problems = allowed_count = 0

    def report(line):
        nonlocal problems, allowed_count
        if allowed is not None and allowed.search(line):
            print("allowed: " + line)
            allowed_count += 1
        else:
            print(line)
            problems += 1

    hand, draft = read_ini(hand_ini), read_ini(draft_ini)
    hand_resolve, draft_resolve = column_resolver(hand_ini, hand), column_resolver(draft_ini, draft)
    hand_items = items_by_columns(hand, hand_resolve)
    draft_items = items_by_columns(draft, draft_resolve)
    hand_res = {i["id"]: i for i in json.load(open(hand_json, encoding="utf-8"))["items"]}
    draft_res = {i["id"]: i for i in json.load(open(draft_json, encoding="utf-8"))["items"]}
    hand_seg = segment_columns(hand, hand_resolve)
    draft_seg = segment_columns(draft, draft_resolve)
    compared = 0
    for columns, hand_id in hand_items.items():
        draft_id = draft_items.get(columns)
        if draft_id is None:
            report("no draft item reads the columns of [%s]%s" % (
                hand_id, ", which nobody answered" if nobody_answered(hand_res[hand_id]) else ""))
            continue
        among = "among" in hand[[n for n in hand.sections() if n.partition(" ")[2] == hand_id][0]] \
            and "among" not in draft[[n for n in draft.sections() if n.partition(" ")[2] == draft_id][0]]
        outside = hand_res[hand_id].get("answers_outside_among") or 0
        if among and outside:
            report("%s/%s: asked among %s by hand, but %d answered outside among, so no "
                   "statistic can match" % (hand_id, draft_id, hand_res[hand_id]["among"], outside))
            continue
        a = rows_by_key(hand_res[hand_id], hand_seg)
        b = rows_by_key(draft_res[draft_id], draft_seg)
        for key in sorted(set(a) | set(b), key=str):
            if among and key not in a:
                continue
            if key not in a or key not in b:
                report("%s/%s: segment row %s only in one" % (hand_id, draft_id, key))
                continue
            for line in differences(a[key], b[key], "%s/%s %s" % (hand_id, draft_id, key), among):
                report(line)
        compared += 1
    print("%d items compared, %d differences, %d allowed" % (compared, problems, allowed_count))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:6]))
