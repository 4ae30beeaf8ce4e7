#!/usr/bin/python3
"""media_png.py -- write a PNG for the media tests, with the standard library.

    media_png.py WIDTH HEIGHT FILE [grey1]

RGB with a colour gradient (so resized copies differ), or with grey1 a
1-bit grey picture of zeros: a 20,000 x 20,000 one is a few kB on disk
and 400 megapixels in its header (a "decompression bomb").
"""
import struct
import sys
import zlib


def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


def main():
    w, h, path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    grey1 = len(sys.argv) > 4 and sys.argv[4] == "grey1"
    z = zlib.compressobj(9)
    idat = []
    if grey1:
        ihdr = struct.pack(">IIBBBBB", w, h, 1, 0, 0, 0, 0)
        row = bytes((w + 7) // 8 + 1)
        for _ in range(h):
            idat.append(z.compress(row))
    else:
        ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
        for y in range(h):
            g = y * 255 // max(h - 1, 1)
            row = bytearray([0])
            for x in range(w):
                row += bytes((x * 255 // max(w - 1, 1), g, (x ^ y) & 255))
            idat.append(z.compress(bytes(row)))
    idat.append(z.flush())
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) +
                chunk(b"IDAT", b"".join(idat)) + chunk(b"IEND", b""))


main()
