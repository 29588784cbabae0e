#!/usr/bin/env python3
"""Writes the seed corpus of the fuzz targets into tests/fuzz/corpus/<target>/.

Run by hand when the seeds should change (the files are kept in the repository so the
replay in tools/test is the same everywhere). Small on purpose: valid manifests and broken
ones; valid image headers, truncated and oversized ones; tiny decodable pictures; the clips
of tests/content/fixtures/clips (made by ffmpeg, see make.sh there) and hand-built MP4 and
WebM containers with the rarer shapes (64-bit sizes, unknown sizes, huge counts). The JPEG
and lossy WebP pictures are copied from corpus/image_decode (made once with SDL_image and
libwebp) since Python's standard library cannot encode them. The other files there
(gif-*.gif) are inputs the fuzzers found crashing, kept as regressions, and in
corpus/clip_probe the fuzz-* files are small inputs the fuzzer found reaching refusals deep in
the box and element walks: never delete them.
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


def box(kind, payload, wide=False):
    if wide:
        return struct.pack(">I4sQ", 1, kind, 16 + len(payload)) + payload
    return struct.pack(">I4s", 8 + len(payload), kind) + payload


def full_box(kind, payload, version=0, flags=0):
    return box(kind, struct.pack(">I", version << 24 | flags) + payload)


def mp4(sizes=(100, 50, 50, 70), constant_size=0, count=None, wide=False, mdat_to_end=False):
    """ftyp, moov (one H.264 track, chunks of 2, 1 and 1 samples), mdat."""
    ftyp = box(b"ftyp", b"isom" + struct.pack(">I", 0x200) + b"isomavc1")
    matrix = struct.pack(">9i", 0, 0x10000, 0, -0x10000, 0, 0, 0, 0, 0x40000000)
    tkhd = full_box(b"tkhd", struct.pack(">5I", 0, 0, 1, 0, 2000) + bytes(16) + matrix +
                    struct.pack(">II", 640 << 16, 480 << 16), flags=3)
    mdhd = full_box(b"mdhd", struct.pack(">5I", 0, 0, 1000, 2000, 0x55C40000))
    hdlr = full_box(b"hdlr", bytes(4) + b"vide" + bytes(13))
    entry = box(b"avc1", bytes(6) + struct.pack(">H", 1) + bytes(16) +
                struct.pack(">HH", 640, 480) + bytes(50))
    count = len(sizes) if count is None else count

    def moov(data_at):
        table = b"" if constant_size else b"".join(struct.pack(">I", s) for s in sizes)
        offsets = [data_at, data_at + sizes[0] + sizes[1], data_at + sum(sizes[:3])]
        stbl = box(b"stbl",
                   full_box(b"stsd", struct.pack(">I", 1) + entry) +
                   full_box(b"stsz", struct.pack(">II", constant_size, count) + table) +
                   full_box(b"stsc", struct.pack(">7I", 2, 1, 2, 1, 2, 1, 1)) +
                   full_box(b"co64", struct.pack(">I3Q", 3, *offsets)))
        mvhd = full_box(b"mvhd", struct.pack(">5I", 0, 0, 1000, 2000, 0x10000) + bytes(80))
        trak = box(b"trak", tkhd + box(b"mdia", mdhd + hdlr + box(b"minf", stbl)))
        return box(b"moov", mvhd + trak, wide)

    data = b"\x5a" * sum(sizes)
    mdat = box(b"mdat", data, wide)
    if mdat_to_end:
        mdat = struct.pack(">I4s", 0, b"mdat") + data
    header = len(mdat) - len(data)
    return ftyp + moov(len(ftyp) + len(moov(0)) + header) + mdat


def vint_size(size):
    return struct.pack(">Q", size | 1 << 56)


def ebml(element_id, payload, unknown=False):
    id_bytes = element_id.to_bytes((element_id.bit_length() + 7) // 8, "big")
    return id_bytes + vint_size((1 << 56) - 1 if unknown else len(payload)) + payload


def ebml_uint(element_id, value):
    return ebml(element_id, value.to_bytes(max(1, (value.bit_length() + 7) // 8), "big"))


def webm(codec=b"V_VP9", live=False, duration=None, scale=1_000_000):
    """EBML header, Segment: Info, Tracks (one video track), clusters of two blocks."""
    header = ebml(0x1A45DFA3, ebml_uint(0x42F7, 1) + ebml(0x4282, b"webm"))
    info = ebml_uint(0x2AD7B1, scale)
    if duration is not None:
        info += ebml(0x4489, struct.pack(">f", duration))
    video = ebml(0xE0, ebml_uint(0xB0, 320) + ebml_uint(0xBA, 240))
    tracks = ebml(0x1654AE6B, ebml(0xAE, ebml_uint(0xD7, 1) + ebml_uint(0x83, 1) +
                                   ebml(0x86, codec) + video))
    clusters = b""
    for first in (0, 1000):
        blocks = ebml_uint(0xE7, first) + ebml(0xA3, b"\x81\x00\x00\x80frame")
        blocks += ebml(0xA0, ebml(0xA1, b"\x81\x01\xf4\x00frame"))
        clusters += ebml(0x1F43B675, blocks, unknown=live)
    return header + ebml(0x18538067, ebml(0x1549A966, info) + tracks + clusters, unknown=live)


def clips():
    fixtures = HERE.parent / "content" / "fixtures" / "clips"
    for clip in sorted(fixtures.iterdir()):
        if clip.suffix in (".mp4", ".webm", ".mkv"):
            write("clip_probe", clip.name, clip.read_bytes())
    write("clip_probe", "built-64-bit-sizes.mp4", mp4(wide=True))
    write("clip_probe", "built-mdat-to-end.mp4", mp4(mdat_to_end=True))
    write("clip_probe", "built-constant-size-huge-count.mp4",
          mp4(constant_size=10, count=0xFFFFFFFF))
    write("clip_probe", "built-live.webm", webm(live=True))
    write("clip_probe", "built-float-duration.webm", webm(duration=2_500_000.0, scale=1000))
    write("clip_probe", "built-hevc.mkv", webm(codec=b"V_MPEGH/ISO/HEVC", duration=2000.0))
    clip = webm()
    info = clip.find(b"\x15\x49\xa9\x66")  # the Info element's ID, its length marker cleared
    write("clip_probe", "built-bad-vint.webm", clip[:info] + b"\x00" + clip[info + 1:])


if __name__ == "__main__":
    manifests()
    images()
    clips()
