#!/usr/bin/env python3
"""html_check.py: a strict check of a dashboard page for the end-to-end
tests: every tag closed in order, no script, no event attribute, no
unquoted attribute value, an alt on every picture, a lang attribute, and
headings that never skip a level. Prints each problem; exit 1 if any.

    html_check.py index.html
"""
import re
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "source", "track", "wbr"}


class Checker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.problems = []
        self.last_heading = 0
        self.lang = False

    def problem(self, text):
        self.problems.append("line %d: %s" % (self.getpos()[0], text))

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.problem("a <script> element")
        for name, value in attrs:
            if name.startswith("on"):
                self.problem("an event attribute %s" % name)
            if value is None and name not in ("hidden",):
                self.problem("attribute %s without a value" % name)
        names = dict(attrs)
        if tag == "html" and names.get("lang"):
            self.lang = True
        if tag == "img" and not names.get("alt"):
            self.problem("a picture without alt text")
        if re.fullmatch(r"h[1-6]", tag):
            level = int(tag[1])
            if level > self.last_heading + 1:
                self.problem("heading <%s> after <h%d>" % (tag, self.last_heading))
            self.last_heading = level
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in VOID:
            self.problem("an end tag for the void element %s" % tag)
        elif not self.stack or self.stack[-1] != tag:
            self.problem("</%s> closes <%s>" % (tag, self.stack[-1] if self.stack else "nothing"))
        else:
            self.stack.pop()


def main():
    text = open(sys.argv[1], encoding="utf-8").read()
    checker = Checker()
    checker.feed(text)
    checker.close()
    if checker.stack:
        checker.problem("left open: %s" % " ".join(checker.stack))
    if not checker.lang:
        checker.problem("no lang attribute on <html>")
    if not text.startswith("<!DOCTYPE html>"):
        checker.problem("no <!DOCTYPE html> at the start")
    # Attribute values must be quoted: no name=value without a quote.
    attribute = re.compile(r"""\s([a-zA-Z-]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?""")
    for number, line in enumerate(text.splitlines(), 1):
        for tag in re.findall(r"""<[a-zA-Z](?:"[^"]*"|'[^']*'|[^>"'])*>""", line):
            for name, value in attribute.findall(tag):
                if value and value[0] not in "\"'":
                    checker.problems.append("line %d: an unquoted attribute in %s"
                                            % (number, tag[:80]))
    for p in checker.problems:
        print(p)
    sys.exit(1 if checker.problems else 0)


main()
