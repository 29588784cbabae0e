#!/usr/bin/env python3
"""Turns content/demo/recipe.json into the built-in demo pack (pack.json format 1).

Called by tools/demo-pack, which does the Debian side (apt-get download, dpkg-deb -x,
POV-Ray renders). This file only knows the recipe and the pack format:

  plan      RECIPE                 -> what to fetch and render, as tab-separated lines
  assemble  RECIPE ...             -> media/*.jpg, pack.json, README.txt, copyright/*.txt
  validate  PACKDIR                -> checks a built pack against DESIGN.md's format 1
  overlay   PACKDIR OUTDIR         -> the tells drawn on each image, for a human to check
  media-of  PACKDIR < ID<TAB>X     -> MEDIA<TAB>X for each item id (tools/demo-pack
                                      --update-renders: which file is which render)
  renders-credits RECIPE ...       -> CREDITS.txt of content/demo/renders/

It does not download, install or render anything, and uses the Python standard
library only (a fresh Debian 12 has /usr/bin/python3 3.11 and nothing else), plus
ImageMagick's `convert`/`identify` as subprocesses.
"""

import argparse
import concurrent.futures
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys

ID_RE = re.compile(r"^[a-z0-9._-]+$")
# Bump when make_still() changes what it writes: the renders kept in the repository
# (content/demo/renders/, keyed with this) then no longer match and are made again.
STILL_VERSION = "still-1"
ANSWERS = ("real", "generated", "edited")


def fail(msg):
    print(f"build_pack: error: {msg}", file=sys.stderr)
    sys.exit(1)


def load_recipe(path):
    with open(path, encoding="utf-8") as f:
        recipe = json.load(f)
    if recipe.get("recipe_format") != 1:
        fail(f"{path}: recipe_format must be 1")
    return recipe


def item_source(item):
    """(package, path inside the package) of the file this item is made from."""
    if "render" in item:
        return item["render"]["package"], item["render"]["scene"]
    return item["photo"]["package"], item["photo"]["path"]


# ---------------------------------------------------------------- plan

def cmd_plan(args):
    """Prints `package NAME` once per Debian package and `render ID PKG SCENE OPTS
    ENCODING` per POV-Ray item, tab-separated, for the shell script to act on. ENCODING
    names how the render becomes the pack's JPEG (part of the key of a kept render)."""
    recipe = load_recipe(args.recipe)
    out = recipe["output"]
    seen = []
    for item in recipe["items"]:
        pkg, _ = item_source(item)
        if pkg not in seen:
            seen.append(pkg)
    for pkg in seen:
        print(f"package\t{pkg}")
    for item in recipe["items"]:
        r = item.get("render")
        if r:
            # Renders are made at the final size so no render is ever resampled:
            # photos are downscaled to it, renders are born at it.
            opts = " ".join([f"+W{out['width']}", f"+H{out['height']}"] + r.get("options", []))
            enc = f"jpeg q{out['jpeg_quality']} {STILL_VERSION}"
            print(f"render\t{item['id']}\t{r['package']}\t{r['scene']}\t{opts}\t{enc}")


# ---------------------------------------------------------------- assemble

def read_tsv(path):
    rows = {}
    if path:
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if line:
                    key, value = line.split("\t", 1)
                    rows[key] = value
    return rows


def probe(path):
    """Width and height as displayed (after EXIF orientation)."""
    text = subprocess.run(
        ["identify", "-ping", "-format", "%w %h %[orientation]\n", path],
        check=True, capture_output=True, text=True).stdout.split("\n")[0]
    w, h, orient = text.split(" ", 2)
    w, h = int(w), int(h)
    if orient in ("LeftTop", "RightTop", "RightBottom", "LeftBottom"):
        w, h = h, w  # rotated by 90°: -auto-orient swaps the sides
    return w, h


def crop_box(src_w, src_h, out_w, out_h, crop):
    """The largest box of the output's aspect ratio that fits the source, shrunk by
    `zoom` and centred on (cx, cy) (fractions of the source), kept inside the source."""
    aspect = out_w / out_h
    if src_w / src_h > aspect:
        bh = src_h
        bw = src_h * aspect
    else:
        bw = src_w
        bh = src_w / aspect
    zoom = float(crop.get("zoom", 1.0))
    if zoom < 1.0:
        fail("crop.zoom must be >= 1 (it only zooms in)")
    bw, bh = bw / zoom, bh / zoom
    cx = float(crop.get("cx", 0.5)) * src_w
    cy = float(crop.get("cy", 0.5)) * src_h
    x = min(max(cx - bw / 2, 0), src_w - bw)
    y = min(max(cy - bh / 2, 0), src_h - bh)
    return int(round(bw)), int(round(bh)), int(round(x)), int(round(y))


def make_still(src, dst, out, crop):
    """Crops to the pack's aspect ratio, scales to the pack's size and re-encodes with
    the same settings for every item, so size, quality and metadata give nothing away."""
    sw, sh = probe(src)
    bw, bh, x, y = crop_box(sw, sh, out["width"], out["height"], crop or {})
    upscale = out["width"] / bw
    if upscale > out["max_upscale"] + 1e-9:
        raise RuntimeError(
            f"{src}: the crop is {bw}x{bh}, too small for {out['width']}x{out['height']} "
            f"(would upscale {upscale:.2f}x, the recipe allows {out['max_upscale']}x)")
    cmd = ["convert", src,
           "-auto-orient",                 # phone photos are stored sideways + a tag
           "-crop", f"{bw}x{bh}+{x}+{y}", "+repage",
           "-colorspace", "sRGB",
           "-filter", "Lanczos", "-resize", f"{out['width']}x{out['height']}!",
           "-strip",                       # EXIF (camera model, GPS), ICC, comments
           # JFIF keeps a pixel density that -strip leaves alone: camera JPEGs say
           # 300 dpi, renders nothing. Write the same neutral value for all.
           "-units", "PixelsPerInch", "-density", "72",
           "-type", "TrueColor",           # never a greyscale JPEG
           "-sampling-factor", "4:2:0", "-interlace", "none",
           "-quality", str(out["jpeg_quality"]),
           dst]
    subprocess.run(cmd, check=True, capture_output=True)
    return {"source_size": [sw, sh], "crop": [bw, bh, x, y], "upscale": round(upscale, 3)}


def shuffled(items, seed):
    """A fixed order unrelated to the answer: sorted by a hash of the id. Adding an
    item does not reshuffle the others, and real and generated items interleave."""
    return sorted(items, key=lambda it: hashlib.sha256((seed + "/" + it["id"]).encode()).hexdigest())


NBSP = "\u00a0"


def french_spacing(text):
    """French typography from plain spaces: a no-break space before : ; ? ! and inside
    « », so a line never starts with a lone “?” or “»”. The recipe keeps ordinary
    spaces, which are easier to edit; the game's text wrapping breaks only at those."""
    text = re.sub(r" ([:;?!»])", NBSP + r"\1", text)
    return text.replace("« ", "«" + NBSP)


def localized(value):
    return {"fr": french_spacing(value["fr"]), "en": value["en"]}


def pack_item(item, media, out):
    pkg, path = item_source(item)
    is_render = "render" in item
    entry = {
        "id": item["id"],
        "media": media,
        "kind": "image",
        "answer": item["answer"],
        "source": {
            "credit": item["credit"],
            "license": item["license"],
            "url": f"debian:{pkg}:/{path}",
        },
        "generator": out["render_generator"] if is_render else None,
        "explanation": localized(item["explanation"]),
        "tells": [dict(t, note=localized(t["note"])) for t in item["tells"]],
        "category": item["category"],
        "difficulty": item["difficulty"],
    }
    return entry


def readme_text(recipe, entries, by_id, versions, left_out):
    p = recipe["pack"]
    lines = []
    lines.append("realcheck — demo pack (" + p["title"]["en"] + ")")
    lines.append("=" * 60)
    lines.append("")
    lines.append(p["description"]["en"])
    lines.append("")
    lines.append(p["description"]["fr"])
    lines.append("")
    lines.append("How it was made / Comment il a été fait")
    lines.append("-" * 40)
    lines.append(
        "Assembled on this computer by realcheck's tools/demo-pack from Debian packages\n"
        "(apt-get download + dpkg-deb -x), following content/demo/recipe.json. Photos were\n"
        "cropped to 4:3, scaled and re-encoded; renders were made with POV-Ray from the\n"
        "scene files in the povray-examples package (once, by the realcheck project, and\n"
        "kept in its repository under content/demo/renders/; again on this computer when\n"
        "the recipe or the Debian versions changed). Every image is "
        f"{recipe['output']['width']}x{recipe['output']['height']} JPEG, quality "
        f"{recipe['output']['jpeg_quality']},\nwith all metadata removed, named by an "
        "opaque number. Each source package's Debian\ncopyright file is in copyright/.")
    lines.append("")
    lines.append("No image in this pack was made by a generative AI.")
    lines.append("Aucune image de ce pack n’a été faite par une IA générative.")
    lines.append("")
    lines.append("Credits / Crédits")
    lines.append("-" * 40)
    for e in entries:
        it = by_id[e["id"]]
        pkg, path = item_source(it)
        kind = "3D render (POV-Ray)" if "render" in it else "photograph"
        lines.append(f"{e['media']}  [{e['id']}]  {kind}")
        lines.append(f"    {it['subject']}")
        lines.append(f"    by {e['source']['credit']} — licence: {e['source']['license']}")
        lines.append(f"    from Debian package {pkg} {versions.get(pkg, '?')}: /{path}")
        if it.get("license_note"):
            lines.append(f"    note: {it['license_note']}")
        if "render" in it:
            lines.append("    rendered with: povray " + " ".join(
                [f"+W{recipe['output']['width']}", f"+H{recipe['output']['height']}"]
                + it["render"].get("options", [])))
        lines.append(f"    licence text: copyright/{pkg}.txt")
        lines.append("")
    if left_out:
        lines.append("Left out of this build (source unavailable): " + ", ".join(left_out))
        lines.append("")
    return "\n".join(lines)


def cmd_assemble(args):
    recipe = load_recipe(args.recipe)
    out = recipe["output"]
    renders = read_tsv(args.renders)
    stills = read_tsv(args.stills)
    versions = read_tsv(args.versions)
    left_out = list(args.leave_out or [])
    for pkg in args.missing_package or []:
        left_out += [it["id"] for it in recipe["items"]
                     if item_source(it)[0] == pkg and it["id"] not in left_out]
    for item_id in left_out:
        print(f"build_pack: WARNING: leaving out item {item_id!r}: its source could not be "
              "downloaded or rendered (see above)", file=sys.stderr)
    items = [it for it in recipe["items"] if it["id"] not in left_out]
    by_id = {it["id"]: it for it in items}

    order = shuffled(items, out["shuffle_seed"])
    os.makedirs(os.path.join(args.out, "media"), exist_ok=True)
    os.makedirs(os.path.join(args.out, "copyright"), exist_ok=True)

    jobs = []
    for n, item in enumerate(order, start=1):
        media = f"media/{n:04d}.jpg"
        if "render" in item:
            src = stills.get(item["id"]) or renders.get(item["id"])
            if not src:
                fail(f"item {item['id']}: no render was made for it")
        else:
            pkg, path = item_source(item)
            src = os.path.join(args.root, pkg, path)
        if not os.path.isfile(src):
            fail(f"item {item['id']}: source file missing: {src}")
        jobs.append((item, media, src))

    # Two workers: ImageMagick decoding a 4000x3000 JPEG is the slow part.
    info = {}
    # A render kept in the repository already is this pack's JPEG (made by make_still
    # from the same raw render): copied byte for byte, never re-encoded.
    for item, media, src in jobs:
        if item["id"] in stills:
            shutil.copyfile(src, os.path.join(args.out, media))
            info[item["id"]] = {"copied": src}
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        futures = {pool.submit(make_still, src, os.path.join(args.out, media), out,
                               item.get("crop")): item["id"]
                   for item, media, src in jobs if item["id"] not in stills}
        for fut in concurrent.futures.as_completed(futures):
            try:
                info[futures[fut]] = fut.result()
            except subprocess.CalledProcessError as e:
                fail(f"item {futures[fut]}: convert failed: {e.stderr.decode(errors='replace')}")
            except RuntimeError as e:
                fail(f"item {futures[fut]}: {e}")

    entries = [pack_item(item, media, out) for item, media, _ in jobs]
    p = recipe["pack"]
    manifest = {
        "format": 1,
        "id": p["id"],
        "title": localized(p["title"]),
        "description": localized(p["description"]),
        "authors": p["authors"],
        "items": entries,
    }
    with open(os.path.join(args.out, "pack.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=2)
        f.write("\n")

    used = sorted({item_source(it)[0] for it in items})
    for pkg in used:
        src = os.path.join(args.root, pkg, "usr/share/doc", pkg, "copyright")
        if not os.path.isfile(src):
            fail(f"package {pkg}: no /usr/share/doc/{pkg}/copyright in the extracted deb")
        shutil.copyfile(src, os.path.join(args.out, "copyright", pkg + ".txt"))

    with open(os.path.join(args.out, "README.txt"), "w", encoding="utf-8") as f:
        f.write(readme_text(recipe, entries, by_id, versions, left_out))

    if args.debug_info:
        with open(args.debug_info, "w", encoding="utf-8") as f:
            json.dump(info, f, indent=1, sort_keys=True)


# ---------------------------------------------------------------- validate

def check_localized(v, where, errs):
    if not isinstance(v, dict) or not any(isinstance(v.get(k), str) and v.get(k) for k in ("fr", "en")):
        errs.append(f"{where}: expected {{\"fr\": \"…\", \"en\": \"…\"}}")
        return
    for k in ("fr", "en"):
        if not isinstance(v.get(k), str) or not v[k].strip():
            errs.append(f"{where}.{k}: missing (the demo pack is bilingual)")


def validate_pack(pack_dir, expect_size=None, min_items=30, min_each=12):
    """Every check the game's loader makes (DESIGN.md, format 1), plus the demo pack's
    own promises: one size for all stills, no metadata, opaque names, both languages."""
    errs = []
    with open(os.path.join(pack_dir, "pack.json"), encoding="utf-8") as f:
        m = json.load(f)
    if m.get("format") != 1:
        errs.append("format: expected 1")
    if not isinstance(m.get("id"), str) or not ID_RE.match(m["id"]):
        errs.append("id: expected [a-z0-9._-]+")
    check_localized(m.get("title"), "title", errs)
    check_localized(m.get("description"), "description", errs)
    if not isinstance(m.get("authors"), list) or not all(isinstance(a, str) for a in m["authors"]):
        errs.append("authors: expected a list of strings")
    items = m.get("items")
    if not isinstance(items, list) or not items:
        errs.append("items: expected a non-empty list")
        items = []
    ids, medias, sizes, jfif = set(), set(), set(), set()
    counts = {a: 0 for a in ANSWERS}
    for i, it in enumerate(items):
        w = f"items[{i}]"
        if not isinstance(it, dict):
            errs.append(f"{w}: expected an object")
            continue
        iid = it.get("id")
        if not isinstance(iid, str) or not ID_RE.match(iid):
            errs.append(f"{w}.id: expected [a-z0-9._-]+, got {iid!r}")
        elif iid in ids:
            errs.append(f"{w}.id: duplicate {iid!r}")
        ids.add(iid)
        media = it.get("media")
        if not isinstance(media, str) or not re.match(r"^media/[0-9]{4}\.jpg$", media):
            errs.append(f"{w}.media: expected an opaque name like media/0007.jpg, got {media!r}")
        elif media in medias:
            errs.append(f"{w}.media: used twice")
        else:
            medias.add(media)
            path = os.path.join(pack_dir, media)
            if not os.path.isfile(path):
                errs.append(f"{w}.media: {media} does not exist")
            else:
                fmt = subprocess.run(["identify", "-format", "%m %w %h %[colorspace]\n", path],
                                     capture_output=True, text=True).stdout.split("\n")[0]
                sizes.add(fmt)
                segments = jpeg_header_segments(path)
                if segments is None:
                    errs.append(f"{w}.media: {media} is not a baseline JPEG")
                else:
                    # Only JFIF (APP0), tables and the frame: any APP1..APP15 (EXIF,
                    # XMP, ICC, IPTC) or comment would carry metadata.
                    for marker, payload in segments:
                        if 0xE1 <= marker <= 0xEF or marker == 0xFE:
                            errs.append(f"{w}.media: {media} still has metadata "
                                        f"(JPEG segment 0xFF{marker:02X})")
                        if marker == 0xE0:
                            jfif.add(payload)
        if it.get("kind") != "image":
            errs.append(f"{w}.kind: expected \"image\"")
        ans = it.get("answer")
        if ans not in ANSWERS:
            errs.append(f"{w}.answer: expected \"real\", \"generated\" or \"edited\", got {ans!r}")
        else:
            counts[ans] += 1
        src = it.get("source")
        if not isinstance(src, dict) or not all(isinstance(src.get(k), str) and src[k] for k in ("credit", "license", "url")):
            errs.append(f"{w}.source: expected credit, license and url strings")
        gen = it.get("generator")
        if ans == "real" and gen is not None:
            errs.append(f"{w}.generator: a real photo has generator null")
        if ans == "generated" and not (isinstance(gen, str) and gen):
            errs.append(f"{w}.generator: a generated item names its generator")
        check_localized(it.get("explanation"), f"{w}.explanation", errs)
        tells = it.get("tells")
        if not isinstance(tells, list) or not 1 <= len(tells) <= 3:
            errs.append(f"{w}.tells: expected 1 to 3 circles")
            tells = []
        for j, t in enumerate(tells):
            tw = f"{w}.tells[{j}]"
            for k in ("x", "y"):
                v = t.get(k)
                if not isinstance(v, (int, float)) or isinstance(v, bool) or not 0 <= v <= 1:
                    errs.append(f"{tw}.{k}: expected a number in 0..1, got {v!r}")
            r = t.get("r")
            if not isinstance(r, (int, float)) or isinstance(r, bool) or not 0 < r <= 0.5:
                errs.append(f"{tw}.r: expected a number in (0, 0.5], got {r!r}")
            check_localized(t.get("note"), f"{tw}.note", errs)
        if not isinstance(it.get("category"), str) or not it["category"]:
            errs.append(f"{w}.category: expected a string")
        d = it.get("difficulty")
        if not isinstance(d, int) or isinstance(d, bool) or not 1 <= d <= 3:
            errs.append(f"{w}.difficulty: expected 1, 2 or 3, got {d!r}")
    if len(jfif) > 1:
        errs.append("media: the JFIF headers differ (pixel density?), which tells files apart")
    if len(sizes) > 1:
        errs.append(f"media: not all the same format/size/colour space: {sorted(sizes)}")
    if expect_size and sizes and sizes != {f"JPEG {expect_size[0]} {expect_size[1]} sRGB"}:
        errs.append(f"media: expected JPEG {expect_size[0]}x{expect_size[1]} sRGB, got {sorted(sizes)}")
    if len(items) < min_items:
        errs.append(f"items: {len(items)} items, the demo pack needs at least {min_items}")
    if counts["real"] < min_each or counts["generated"] < min_each:
        errs.append(f"items: {counts['real']} real and {counts['generated']} generated, "
                    f"need at least {min_each} of each")
    on_disk = {"media/" + n for n in os.listdir(os.path.join(pack_dir, "media"))}
    if on_disk - medias:
        errs.append(f"media: files no item uses: {sorted(on_disk - medias)}")
    return errs, counts


def jpeg_header_segments(path):
    """(marker, payload) of each JPEG segment before the image data, or None."""
    with open(path, "rb") as f:
        data = f.read(1 << 20)
    if data[:2] != b"\xff\xd8":
        return None
    out, i = [], 2
    while i + 4 <= len(data) and data[i] == 0xFF:
        marker = data[i + 1]
        length = int.from_bytes(data[i + 2:i + 4], "big")
        out.append((marker, data[i + 4:i + 2 + length]))
        if marker == 0xDA:  # start of scan: the header is over
            return out
        i += 2 + length
    return None


def cmd_validate(args):
    size = None
    if args.recipe:
        out = load_recipe(args.recipe)["output"]
        size = (out["width"], out["height"])
    errs, counts = validate_pack(args.pack_dir, size)
    for e in errs:
        print(f"pack.json: {e}", file=sys.stderr)
    if errs:
        sys.exit(1)
    print(f"{counts['real'] + counts['generated'] + counts['edited']} items: "
          f"{counts['real']} real, {counts['generated']} generated")


# ---------------------------------------------------------------- overlay

FONT_CANDIDATES = ("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
                   "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def cmd_overlay(args):
    """Draws every tell on a copy of each image, numbered, with the notes written under
    it (and a 10% grid with --grid), so a person can check that each circle sits on
    what its note describes."""
    with open(os.path.join(args.pack_dir, "pack.json"), encoding="utf-8") as f:
        m = json.load(f)
    os.makedirs(args.out_dir, exist_ok=True)
    font = next((f for f in FONT_CANDIDATES if os.path.isfile(f)), None)
    text = ["-font", font] if font else []
    for it in m["items"]:
        src = os.path.join(args.pack_dir, it["media"])
        w, h = probe(src)
        draw = []
        if args.grid:
            draw += ["-stroke", "#ffffff50", "-strokewidth", "1"]
            for k in range(1, 10):
                draw += ["-draw", f"line {w * k // 10},0 {w * k // 10},{h}",
                         "-draw", f"line 0,{h * k // 10} {w},{h * k // 10}"]
        for n, t in enumerate(it["tells"], start=1):
            cx, cy, r = t["x"] * w, t["y"] * h, t["r"] * w
            draw += ["-fill", "none", "-stroke", "black", "-strokewidth", "5",
                     "-draw", f"circle {cx:.1f},{cy:.1f} {cx + r:.1f},{cy:.1f}",
                     "-stroke", "yellow", "-strokewidth", "3",
                     "-draw", f"circle {cx:.1f},{cy:.1f} {cx + r:.1f},{cy:.1f}"]
            if font:
                draw += ["-fill", "yellow", "-stroke", "black", "-strokewidth", "1", "-pointsize", "22",
                         "-draw", f"text {cx + r * 0.75:.0f},{cy - r * 0.75:.0f} '{n}'"]
        caption = f"{it['id']} ({it['answer']}) {it['media']}\n" + "\n".join(
            f"{n}. {t['note'].get('en', '')} / {t['note'].get('fr', '')}"
            for n, t in enumerate(it["tells"], start=1))
        cmd = ["convert", src] + text + draw
        if font:
            cmd += ["-background", "black", "-gravity", "south", "-splice", "0x100",
                    "-fill", "white", "-stroke", "none", "-pointsize", "16", "-gravity", "southwest",
                    "-annotate", "+6+6", caption.replace("%", "%%")]
        subprocess.run(cmd + [os.path.join(args.out_dir, it["id"] + ".png")], check=True)


def cmd_media_of(args):
    with open(os.path.join(args.pack_dir, "pack.json"), encoding="utf-8") as f:
        media = {it["id"]: it["media"] for it in json.load(f)["items"]}
    for line in sys.stdin:
        item_id, rest = line.rstrip("\n").split("\t", 1)
        if item_id not in media:
            fail(f"media-of: no item {item_id!r} in the pack")
        print(f"{media[item_id]}\t{rest}")


def cmd_renders_credits(args):
    """The credits of the renders kept in the repository, one entry per file."""
    recipe = load_recipe(args.recipe)
    out = recipe["output"]
    names = read_tsv(args.keys)
    versions = read_tsv(args.versions)
    lines = [
        "Renders of the realcheck demo pack, kept in the repository",
        "=" * 58,
        "",
        "Each .jpg here is the demo pack's final picture of one POV-Ray scene from Debian's",
        "povray-examples package: rendered with POV-Ray 3.7 (a ray tracer; no AI involved),",
        f"then encoded by content/demo/build_pack.py ({out['width']}x{out['height']} JPEG, quality "
        f"{out['jpeg_quality']}, no metadata).",
        "They are kept so that a first tools/play does not spend ~9 minutes rendering; the",
        "name's hash covers the package and its version, the scene, the POV-Ray options and",
        "version and the JPEG settings, and tools/demo-pack renders the scene again when",
        "it does not match. Written by tools/demo-pack --update-renders (with this file).",
        "",
        "The scenes are © Persistence of Vision Raytracer Pty. Ltd. and the authors below,",
        "under the Creative Commons licence named for each (CC-BY-SA-3.0: the renders are",
        "shared under the same licence). The full terms, as Debian ships them, are in",
        "povray-examples.copyright (the package's /usr/share/doc/povray-examples/copyright).",
        "",
    ]
    for item in recipe["items"]:
        r = item.get("render")
        if not r or item["id"] not in names:
            continue
        opts = " ".join([f"+W{out['width']}", f"+H{out['height']}"] + r.get("options", []))
        lines += [
            f"{names[item['id']]}  [{item['id']}]",
            f"    {item['subject']}",
            f"    scene: {r['scene'].split('/examples/', 1)[-1]} by {item['credit']}",
            f"    licence: {item['license']}" + (f" ({item['license_note']})" if item.get("license_note") else ""),
            f"    from Debian package {r['package']} {versions.get(r['package'], '?')}, "
            f"rendered with povray {args.povray_version}: povray {opts}",
            "",
        ]
    sys.stdout.write("\n".join(lines))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("plan")
    p.add_argument("recipe")
    p.set_defaults(func=cmd_plan)
    p = sub.add_parser("assemble")
    p.add_argument("recipe")
    p.add_argument("--root", required=True, help="folder holding one extracted deb per package name")
    p.add_argument("--renders", help="TSV: item id, path of its raw render (PNG)")
    p.add_argument("--stills", help="TSV: item id, final JPEG to copy as is (kept render)")
    p.add_argument("--versions", help="TSV: package, version (for README.txt)")
    p.add_argument("--leave-out", action="append", help="item id whose source failed")
    p.add_argument("--missing-package", action="append", help="package that could not be had")
    p.add_argument("--out", required=True)
    p.add_argument("--debug-info", help="write crop/upscale details here (JSON)")
    p.set_defaults(func=cmd_assemble)
    p = sub.add_parser("validate")
    p.add_argument("pack_dir")
    p.add_argument("--recipe", help="also check the size the recipe asks for")
    p.set_defaults(func=cmd_validate)
    p = sub.add_parser("overlay")
    p.add_argument("pack_dir")
    p.add_argument("out_dir")
    p.add_argument("--grid", action="store_true")
    p.set_defaults(func=cmd_overlay)
    p = sub.add_parser("renders-credits")
    p.add_argument("recipe")
    p.add_argument("--keys", required=True, help="TSV: item id, file name in content/demo/renders")
    p.add_argument("--versions", required=True, help="TSV: package, version")
    p.add_argument("--povray-version", required=True)
    p.set_defaults(func=cmd_renders_credits)
    p = sub.add_parser("media-of")
    p.add_argument("pack_dir")
    p.set_defaults(func=cmd_media_of)
    args = ap.parse_args()
    args.func(args)


if __name__ == "__main__":
    main()
