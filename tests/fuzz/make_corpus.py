#!/usr/bin/env python3
"""Writes the seed corpus of the fuzz targets into tests/fuzz/corpus/<target>/.

Run by hand when the seeds should change (the files are kept in the repository so the
replay in tools/test is the same everywhere). Small on purpose: valid manifests and broken
ones; valid image headers, truncated and oversized ones; tiny decodable pictures. The JPEG
and lossy WebP pictures are copied from corpus/image_decode (made once with SDL_image and
libwebp) since Python's standard library cannot encode them. The other files there
(gif-*.gif) are inputs the fuzzers found crashing, kept as regressions: never delete them.
"""
import json
import pathlib
import struct
import zlib

HERE = pathlib.Path(__file__).resolve().parent
CORPUS = HERE / "corpus"


def write(target, name, data):
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    (folder / name).write_bytes(data)


def item(i, **changes):
    base = {
        "id": f"item-{i}",
        "media": f"media/{i:04}.jpg",
        "kind": "image",
        "answer": "generated" if i % 2 else "real",
        "source": {"credit": "Tester", "license": "CC0-1.0", "url": "https://example.org/x"},
        "generator": "Renderer 1",
        "explanation": {"fr": "Regardez la lumière.", "en": "Look at the light."},
        "tells": [{"x": 0.5, "y": 0.25, "r": 0.1, "note": {"fr": "ici", "en": "here"}}],
        "category": "street",
        "difficulty": 2,
    }
    base.update(changes)
    return base


def pack(items, **changes):
    base = {
        "format": 1,
        "id": "fuzz-pack",
        "title": {"fr": "Essai", "en": "Test"},
        "description": {"fr": "Deux images.", "en": "Two pictures."},
        "authors": ["Médiathèque"],
        "answers": 3,
        "items": items,
    }
    base.update(changes)
    return json.dumps(base, ensure_ascii=False, indent=1)


def manifests():
    write("manifest", "valid.json", pack([item(1), item(2)]))
    write("manifest", "minimal.json",
          '{"format":1,"id":"a","title":{"en":"T"},"items":[]}')
    write("manifest", "broken-items.json", pack([
        item(1, answer="fake"), item(2, media="../x.png"), item(3, tells=[{"x": 2}]),
        item(4, difficulty=7), item(5, id="Bad Id"), item(1), "not an object",
        item(6, explanation={"de": "nein"}), item(7, source=None), item(8, media="C:\\a.png"),
    ]))
    write("manifest", "wrong-types.json", pack(7, title="x", authors="me", answers="two"))
    write("manifest", "future-format.json", '{"format": 2, "id": "x"}')
    write("manifest", "syntax-error.json", '{"format": 1, "id": "x",, }')
    write("manifest", "utf16.json", b"\xff\xfe{\x00}\x00")
    write("manifest", "long-texts.json", pack(
        [item(1, explanation={"fr": "é" * 5000, "en": "x" * 4100},
              tells=[{"x": 0, "y": 1, "r": 1, "note": {"en": "n" * 600}}],
              generator="g" * 300, category="c" * 200)],
        title={"en": "T" * 300}, description={"fr": "d" * 3000}))
    write("manifest", "numbers.json", pack([item(1, difficulty=2.0),
                                            item(2, difficulty=1e300),
                                            item(3, tells=[{"x": -0.0, "y": 1e-320, "r": 1}])]))
    write("manifest", "empty.json", "")
    write("manifest", "not-object.json", "[1, 2, 3]")


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(
        ">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png(width, height, rows=None):
    raw = rows if rows is not None else b"".join(
        b"\x00" + bytes((x * 40 + y * 7) % 256 for x in range(width * 3)) for y in range(height))
    return (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + png_chunk(b"IDAT", zlib.compress(raw)) + png_chunk(b"IEND", b""))


GIF_1X1 = (b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\x00\x00\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00"
           b",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")


def lzw(indices, code_size):
    """LZW data as GIF encoders write it: a clear code first and whenever the 4096 entries
    are full, the end code last; codes least significant bit first."""
    clear = 1 << code_size
    out, state = bytearray(), {"acc": 0, "held": 0, "bits": code_size + 1}

    def put(code):
        state["acc"] |= code << state["held"]
        state["held"] += state["bits"]
        while state["held"] >= 8:
            out.append(state["acc"] & 0xFF)
            state["acc"] >>= 8
            state["held"] -= 8

    table, next_code, since_clear = {}, clear + 2, 0
    put(clear)
    current = indices[0]
    for index in indices[1:]:
        if (current, index) in table:
            current = table[(current, index)]
            continue
        put(current)
        since_clear += 1
        table[(current, index)] = next_code
        next_code += 1
        if next_code > (1 << state["bits"]) and state["bits"] < 12:
            state["bits"] += 1
        if next_code == 4096:
            put(clear)
            table, next_code, since_clear, state["bits"] = {}, clear + 2, 0, code_size + 1
        current = index
    put(current)
    # The decoder adds an entry for that last code before it reads the end code.
    if since_clear and next_code == (1 << state["bits"]) and state["bits"] < 12:
        state["bits"] += 1
    put(clear + 1)
    if state["held"]:
        out.append(state["acc"] & 0xFF)
    return bytes(out)


def gif_sub_blocks(data):
    return b"".join(bytes([len(data[i:i + 255])]) + data[i:i + 255]
                    for i in range(0, len(data), 255)) + b"\x00"


def gif(width, height, colours, frame, before=b""):
    """GIF89a with a global table of 2**colours entries (grey ramp) and one frame (bytes
    from gif_frame)."""
    table = b"".join(bytes([i * 255 // (2 ** colours - 1)] * 3) for i in range(2 ** colours))
    return (b"GIF89a" + struct.pack("<HHBBB", width, height, 0xF0 | (colours - 1), 0, 0) + table
            + before + frame + b";")


def gif_frame(left, top, width, height, indices, code_size, interlaced=False, local=None):
    packed = (0x40 if interlaced else 0) | (0x80 | (local[0] - 1) if local else 0)
    rows = [indices[y * width:(y + 1) * width] for y in range(height)]
    if interlaced:
        rows = [rows[y] for first, step in ((0, 8), (4, 8), (2, 4), (1, 2))
                for y in range(first, height, step)]
    return (b"," + struct.pack("<HHHHB", left, top, width, height, packed)
            + (local[1] if local else b"") + bytes([code_size])
            + gif_sub_blocks(lzw([i for row in rows for i in row], code_size)))


def gif_seeds():
    """Pictures that take our GIF decoder through its paths: an interlaced frame with its own
    table and a transparent index, offset on a larger screen; and enough random pixels to fill
    the LZW dictionary (a clear code at 4096 entries)."""
    local = (3, bytes(range(24)))  # 8 colours
    control = b"\x21\xf9\x04\x01\x00\x00\x05\x00"  # transparent index 5
    small = [(x * 3 + y) % 8 for y in range(11) for x in range(13)]
    random, seed = [], 1
    for _ in range(80 * 60):
        seed = (seed * 1103515245 + 12345) % 2 ** 31
        random.append(seed >> 16 & 0xFF)
    return {
        "interlaced.gif": gif(16, 12, 1, gif_frame(2, 1, 13, 11, small, 3, True, local), control),
        "lzw-full.gif": gif(80, 60, 8, gif_frame(0, 0, 80, 60, random, 8)),
    }


def jpeg_header(width, height):
    seg = lambda m, p: b"\xff" + bytes([m]) + struct.pack(">H", len(p) + 2) + p
    sof = seg(0xC0, b"\x08" + struct.pack(">HH", height, width) + b"\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01")
    return b"\xff\xd8" + seg(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00") + sof + b"\xff\xd9"


def riff_webp(fourcc, data):
    chunk = fourcc + struct.pack("<I", len(data)) + data
    return b"RIFF" + struct.pack("<I", 4 + len(chunk)) + b"WEBP" + chunk


def headers():
    return {
        "png-header.png": png(3, 2)[:33],
        "png-big.png": png(1, 1)[:16] + struct.pack(">II", 100000, 100000) + b"\x08\x02\x00\x00\x00",
        "jpeg-header.jpg": jpeg_header(640, 480),
        "jpeg-truncated.jpg": jpeg_header(640, 480)[:12],
        "gif87.gif": b"GIF87a" + struct.pack("<HH", 12, 7) + b"\x00\x00\x00",
        "webp-vp8.webp": riff_webp(b"VP8 ", b"\x10\x02\x00\x9d\x01\x2a" + struct.pack("<HH", 64, 48)),
        "webp-vp8l.webp": riff_webp(b"VP8L", b"\x2f" + struct.pack("<I", (63) | (47 << 14))),
        "webp-vp8x.webp": riff_webp(b"VP8X", b"\x10\x00\x00\x00" + (99).to_bytes(3, "little")
                                    + (49).to_bytes(3, "little")),
        "not-image.txt": b"hello, not a picture",
    }


def images():
    for name, data in headers().items():
        write("media_probe", name, data)
        write("image_decode", name, data)
    for target in ("media_probe", "image_decode"):
        write(target, "tiny.png", png(3, 2))
        write(target, "tiny.gif", GIF_1X1)
    # A small picture that decodes to many pixels: the decoder's scaling path.
    write("image_decode", "wide.png", png(5000, 1, rows=b"\x00" + b"\x80" * 15000))
    write("image_decode", "corrupt-data.png", png(8, 8)[:45] + b"\x5a" * 40)
    for name, data in gif_seeds().items():
        write("image_decode", name, data)
    for name in ("tiny.jpg", "tiny.webp"):
        source = CORPUS / "image_decode" / name
        if source.exists():
            write("media_probe", name, source.read_bytes())


if __name__ == "__main__":
    manifests()
    images()
