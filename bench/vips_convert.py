#!/usr/bin/python3
"""vips_convert.py -- convert a picture with the system's libvips (ctypes),
for the media benchmark and the HEIC/AVIF check (no vips CLI needed).

    vips_convert.py IN OUT     e.g. in.png out.jpg[Q=90], out.avif
Exit 0 when written, 1 with libvips's error otherwise.
"""
import ctypes
import sys

vips = ctypes.CDLL("libvips.so.42")
vips.vips_image_new_from_file.restype = ctypes.c_void_p
vips.vips_error_buffer.restype = ctypes.c_char_p
if vips.vips_init(b"vips_convert") != 0:
    sys.exit("vips_init failed")
img = vips.vips_image_new_from_file(sys.argv[1].encode(), None)
if not img or vips.vips_image_write_to_file(ctypes.c_void_p(img),
                                            sys.argv[2].encode(), None) != 0:
    sys.stderr.write(vips.vips_error_buffer().decode())
    sys.exit(1)
