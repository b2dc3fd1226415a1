#!/usr/bin/python3
"""Reads CSV on stdin and writes it to stdout with every line break that is
inside a quoted field turned into a space, for scripts/bench's PSPP job:
PSPP's GET DATA /TYPE=TXT cannot read a quoted field that spans lines
("Quoted string extends beyond end of line"), and SurveyMonkey's free-text
answers hold them. A line is inside a quote when the quotes before its end
are odd in number (a doubled "" counts twice, so it changes nothing)."""
import sys

inside = 0
write = sys.stdout.buffer.write
for line in sys.stdin.buffer:
    inside ^= line.count(b'"') & 1
    write(line.rstrip(b"\r\n") + b" " if inside else line)
