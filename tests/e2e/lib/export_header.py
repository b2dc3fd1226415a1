"""export_header.py: which export column a codebook's column reference means,
so two codebooks that name one column differently (by its Qualtrics ID or
its question text, a SurveyMonkey "question / Response" or "question", or
#N) are seen to read the same column. The header is read as
pipeline/header.h describes it, per layout; labels match as pipeline/label.h
says (case, white space, typographic quotes). A statistical file or an
export that cannot be read resolves names to themselves, normalised.

    resolve = column_resolver(INI_PATH, ini)   # ini: a read configparser
    resolve("Q2_1")  ->  1  (0-based column), or the normalised name"""
import csv
import gzip
import io
import os
import re

QUOTES = str.maketrans({c: "'" for c in "\u2018\u2019\u201a\u201b\u2032\u00b4`"}
                       | {c: '"' for c in "\u201c\u201d\u201e\u201f\u2033"})


def norm(text):
    return re.sub(r"\s+", " ", text.translate(QUOTES)).strip().lower()


def header_rows(path, n=3):
    """The first n rows of a CSV export, gzipped or not; [] if unreadable."""
    try:
        with open(path, "rb") as f:
            raw = f.read()
        if raw[:2] == b"\x1f\x8b":
            raw = gzip.decompress(raw)
        text = raw.decode("utf-8-sig", errors="replace")
    except OSError:
        return []
    rows = []
    for row in csv.reader(io.StringIO(text)):
        rows.append(row)
        if len(rows) == n:
            break
    return rows


def names_by_layout(layout, rows):
    """Per column, the names it answers to."""
    first = rows[0] if rows else []
    second = rows[1] if len(rows) > 1 else []
    width = max(len(first), len(second))
    cell = lambda row, i: row[i] if i < len(row) else ""
    if layout == "qualtrics":
        return [[cell(first, i), cell(second, i)] for i in range(width)]
    if layout == "surveymonkey":
        names, question = [], ""
        for i in range(width):
            question = cell(first, i) if cell(first, i).strip() else question
            sub = cell(second, i)
            names.append([question, question + " / " + sub] if sub.strip()
                         else [question])
            if sub.strip() and norm(sub) not in ("response", "open-ended response"):
                names[-1] = [question + " / " + sub] if question.strip() else [sub]
        return names
    return [[name] for name in first]


def column_resolver(ini_path, ini):
    survey = ini["survey"] if ini.has_section("survey") else {}
    export = survey.get("export", "")
    layout = survey.get("layout", "plain").strip().lower()
    by_name = {}
    if export and layout in ("plain", "google", "qualtrics", "surveymonkey"):
        path = os.path.join(os.path.dirname(os.path.abspath(ini_path)), export.strip())
        for i, names in enumerate(names_by_layout(layout, header_rows(path))):
            for name in names:
                if name.strip():
                    by_name.setdefault(norm(name), i)

    def resolve(ref):
        ref = ref.strip()
        match = re.fullmatch(r"#(\d+)", ref)
        if match:
            return int(match.group(1)) - 1
        return by_name.get(norm(ref), norm(ref))
    return resolve
