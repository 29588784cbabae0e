#!/usr/bin/env python3
"""Writes a pack of N small, distinct, decodable pictures for tools/bench.

Usage: bench-pack.py DIR [N] [--zip FILE]. DIR gets pack.json and media/NNNN.png|jpg
(even items PNG, odd items JPEG, 160x120 gradients of a different hue each); --zip also
writes the same pack into FILE, in one top folder as people zip a folder. The pictures
are encoded with SDL2_image through ctypes (the game's own libraries, already installed
by tools/setup-native), so nothing else is needed.
"""
import ctypes
import ctypes.util
import json
import os
import sys
import zipfile

WIDTH, HEIGHT = 160, 120


def load(names):
    for name in names:
        try:
            return ctypes.CDLL(name)
        except OSError:
            pass
    sys.exit("bench-pack: cannot load " + names[0])


def main():
    args = sys.argv[1:]
    zip_file = None
    if "--zip" in args:
        at = args.index("--zip")
        zip_file = args[at + 1]
        del args[at:at + 2]
    root = args[0]
    count = int(args[1]) if len(args) > 1 else 1000

    sdl = load(["libSDL2-2.0.so.0", "libSDL2.so"])
    image = load(["libSDL2_image-2.0.so.0", "libSDL2_image.so"])
    sdl.SDL_CreateRGBSurfaceWithFormat.restype = ctypes.c_void_p
    sdl.SDL_CreateRGBSurfaceWithFormat.argtypes = [ctypes.c_uint32, ctypes.c_int, ctypes.c_int,
                                                   ctypes.c_int, ctypes.c_uint32]
    sdl.SDL_FreeSurface.argtypes = [ctypes.c_void_p]
    image.IMG_SavePNG.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
    image.IMG_SaveJPG.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]

    class Surface(ctypes.Structure):  # the leading fields of SDL_Surface
        _fields_ = [("flags", ctypes.c_uint32), ("format", ctypes.c_void_p),
                    ("w", ctypes.c_int), ("h", ctypes.c_int), ("pitch", ctypes.c_int),
                    ("pixels", ctypes.c_void_p)]

    SDL_PIXELFORMAT_RGBA32 = 0x16762004  # ABGR8888 on little-endian machines
    os.makedirs(os.path.join(root, "media"), exist_ok=True)
    items = []
    for i in range(count):
        surface = sdl.SDL_CreateRGBSurfaceWithFormat(0, WIDTH, HEIGHT, 32, SDL_PIXELFORMAT_RGBA32)
        if not surface:
            sys.exit("bench-pack: SDL_CreateRGBSurfaceWithFormat failed")
        info = Surface.from_address(surface)
        hue = (i * 37) % 256
        rows = bytearray()
        for y in range(HEIGHT):
            row = bytearray(info.pitch)
            for x in range(WIDTH):
                row[4 * x:4 * x + 4] = bytes(((x * 255 // WIDTH + i) % 256, hue,
                                              (y * 255 // HEIGHT + i // 256) % 256, 255))
            rows += row
        ctypes.memmove(info.pixels, bytes(rows), len(rows))
        media = "media/%04d.%s" % (i, "jpg" if i % 2 else "png")
        path = os.path.join(root, media).encode()
        saved = image.IMG_SaveJPG(surface, path, 85) if i % 2 else image.IMG_SavePNG(surface, path)
        sdl.SDL_FreeSurface(surface)
        if saved != 0:
            sys.exit("bench-pack: cannot write " + media)
        items.append({
            "id": "bench-%04d" % i,
            "media": media,
            "answer": ("real", "generated", "edited")[i % 3],
            "source": {"credit": "bench", "license": "CC0-1.0"},
            "explanation": {"fr": "Image de test n° %d." % i, "en": "Test picture %d." % i},
        })
    pack = {"format": 1, "id": "bench", "title": {"fr": "Banc d'essai", "en": "Bench"},
            "items": items}
    with open(os.path.join(root, "pack.json"), "w", encoding="utf-8") as f:
        json.dump(pack, f, ensure_ascii=False, indent=1)
    if zip_file:
        with zipfile.ZipFile(zip_file, "w", zipfile.ZIP_DEFLATED) as archive:
            for folder, _, files in os.walk(root):
                for name in sorted(files):
                    full = os.path.join(folder, name)
                    archive.write(full, "bench/" + os.path.relpath(full, root))


if __name__ == "__main__":
    main()
