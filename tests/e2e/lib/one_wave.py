"""one_wave.py: the items of one wave of a two-wave codebook, as a one-wave
codebook of that wave's export, to compare with a draft of that export.

    python3 one_wave.py PANEL.ini before|after OUT.ini

A paired item becomes a single item on its column of that wave; an item
asked in one wave only (`wave =`) is kept in that wave; scales and
segments are kept as they are. The export is named by its absolute path."""
import configparser
import os
import sys

WAVE_KEYS = ("before_export", "after_export", "before_layout", "after_layout")


def main(panel, wave, out):
    ini = configparser.ConfigParser(inline_comment_prefixes=(";",), comment_prefixes=(";",),
                                    interpolation=None, strict=False)
    ini.optionxform = str.lower
    ini.read(panel, encoding="utf-8")
    one = configparser.ConfigParser(interpolation=None)
    one.optionxform = str.lower
    for name in ini.sections():
        kind, _, item = name.partition(" ")
        section = dict(ini[name])
        if kind == "survey":
            section["export"] = os.path.join(os.path.dirname(os.path.abspath(panel)),
                                             section[wave + "_export"])
            section["layout"] = section.get(wave + "_layout", section.get("layout", "plain"))
            for key in WAVE_KEYS:
                section.pop(key, None)
        elif kind == "paired":
            section["column"] = section.pop(wave)
            section.pop("before" if wave == "after" else "after")
            name = "single " + item
        elif section.get("wave", wave) != wave:
            continue
        section.pop("wave", None)
        one[name] = section
    with open(out, "w", encoding="utf-8") as f:
        one.write(f)


if __name__ == "__main__":
    main(*sys.argv[1:4])
