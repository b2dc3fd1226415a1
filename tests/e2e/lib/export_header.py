"""export_header.py: which export column a codebook's column reference means,
so two codebooks that name one column differently (by its Qualtrics ID or
its question text, a SurveyMonkey "question / Response" or "question", or
#N) are seen to read the same column. The header is read as
pipeline/header.h describes it, per layout; labels match as pipeline/label.h
says (case, white space, typographic quotes). A statistical file or an
export that cannot be read resolves names to themselves, normalised.

    resolve = column_resolver(INI_PATH, ini)   # ini: a read configparser
    resolve("Q2_1")  ->  1  (0-based column), or the normalised name
    resolve("Staff code", "before")  ->  ("before", 1) in a two-wave panel"""
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


def header_names(ini_path, export, layout):
    """Normalised name -> 0-based column, for one export of a codebook."""
    by_name = {}
    layout = layout.strip().lower()
    if export and layout in ("plain", "google", "qualtrics", "surveymonkey"):
        path = os.path.join(os.path.dirname(os.path.abspath(ini_path)), export.strip())
        for i, names in enumerate(names_by_layout(layout, header_rows(path))):
            for name in names:
                if name.strip():
                    by_name.setdefault(norm(name), i)
    return by_name


def column_resolver(ini_path, ini):
    """resolve(ref, wave=None): the column ref names in the export of that
    wave (a panel's "before" or "after"; a one-wave survey has one), as
    (wave, column) for a panel, or the normalised name if not found."""
    survey = ini["survey"] if ini.has_section("survey") else {}
    layout = survey.get("layout", "plain")
    panel = "before_export" in survey
    headers = {wave: header_names(ini_path, survey.get(wave + "_export", ""),
                                  survey.get(wave + "_layout", layout))
               for wave in ("before", "after")} if panel else \
        {None: header_names(ini_path, survey.get("export", ""), layout)}

    def resolve(ref, wave=None):
        ref = ref.strip()
        wave = (wave or "after") if panel else None
        match = re.fullmatch(r"#(\d+)", ref)
        found = int(match.group(1)) - 1 if match else headers[wave].get(norm(ref))
        if found is None:
            return norm(ref)
        return (wave, found) if panel else found
    return resolve
