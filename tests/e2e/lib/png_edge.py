#!/usr/bin/env python3
"""png_edge.py PNG...

Checks that nothing is drawn on the outermost columns of pixels at the
left and right of each chart: text or a bar that reaches the edge of the
picture has been cut off there (a "100%" label past the right margin
shows as "100" and half a "%"). Reads the 8-bit, non-interlaced PNGs
gnuplot's pngcairo terminal writes, with only the standard library.

Prints each picture drawn on at an edge; exits 1 if any.
"""
import struct
import sys
import zlib

EDGE = 2            # columns of pixels at each side that must stay blank
BLANK = 235         # every channel at least this: background (white)


def rows_of(path):
    """(width, channels, [bytes of each row, unfiltered])."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(colour)
    if depth != 8 or channels is None or interlace:
        raise ValueError("not an 8-bit, non-interlaced grey or RGB PNG")
    raw, stride, rows, prior = zlib.decompress(idat), width * channels, [], bytearray(width * channels)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up, corner = prior[i], prior[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        rows.append(line)
        prior = line
    return width, channels, rows


def drawn_at_edges(path):
    width, channels, rows = rows_of(path)
    colour = min(channels, 3)
    for y, line in enumerate(rows):
        for x in list(range(EDGE)) + list(range(width - EDGE, width)):
            pixel = line[x * channels:x * channels + colour]
            if min(pixel) < BLANK:
                return "drawn on at x = %d, y = %d" % (x, y)
    return None


def main():
    problems = 0
    for path in sys.argv[1:]:
        found = drawn_at_edges(path)
        if found:
            print("%s: %s" % (path, found))
            problems += 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
