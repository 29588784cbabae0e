#!/usr/bin/env python3
"""Turns content/demo/recipe.json into the built-in demo pack (pack.json format 1).

Called by tools/demo-pack, which does the Debian side (apt-get download, dpkg-deb -x,
POV-Ray renders, the ESRGAN network). This file only knows the recipe and the pack format:

  plan      RECIPE                 -> what to fetch and make, as tab-separated lines
  assemble  RECIPE ...             -> media/*.jpg and *.webm, pack.json, README.txt,
                                      copyright/*.txt
  validate  PACKDIR                -> checks a built pack against DESIGN.md's format 1 (and
                                      the clip items the game is being extended to read)
  overlay   PACKDIR OUTDIR         -> the tells drawn on each image (on a frame at the tell's
                                      time for a clip), for a human to check
  media-of  PACKDIR < ID<TAB>X     -> MEDIA<TAB>X for each item id (tools/demo-pack
                                      --update-renders: which file is which render)
  upscale-input RECIPE ID ...      -> the small picture the ESRGAN network enlarges (raw RGB)
  renders-credits RECIPE ...       -> CREDITS.txt of content/demo/renders/

Five kinds of item, by the recipe block that says where the item comes from:
  photo      a real photo in a Debian package            -> JPEG still
  render     a POV-Ray scene in a Debian package         -> JPEG still (kept in the repo)
  upscale    a real photo, shrunk, then enlarged 4x by the ESRGAN network -> JPEG still,
             answer "edited" (kept in the repo)
  video      a real clip in a Debian package             -> WebM clip
  animation  a POV-Ray scene animated by a wrapper scene of ours (content/demo/scenes/)
                                                          -> WebM clip (kept in the repo)
Every still goes through make_still() and every clip through make_clip(): one size, one
encoder, one set of settings per kind, no metadata, so the files give nothing away.

It does not download, install or render anything, and uses the Python standard
library only (a fresh Debian 12 has /usr/bin/python3 3.11 and nothing else), plus
ImageMagick's `convert`/`identify` and FFmpeg's `ffmpeg`/`ffprobe` as subprocesses.
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
# The same for make_clip(): bump it when the way a clip is encoded changes.
CLIP_VERSION = "clip-1"
ANSWERS = ("real", "generated", "edited")
SOURCES = ("photo", "render", "upscale", "video", "animation")
VIDEO_SOURCES = ("video", "animation")
# Where the wrapper scenes of the animations are, relative to the recipe.
SCENES_DIR = "scenes"
# The only tags a clip may carry: the muxer's (FFmpeg's name, without its version under
# -fflags +bitexact) and each stream's length. No date, place, device or title.
CLIP_TAGS = {"encoder", "duration"}


def fail(msg):
    print(f"build_pack: error: {msg}", file=sys.stderr)
    sys.exit(1)


def load_recipe(path):
    with open(path, encoding="utf-8") as f:
        recipe = json.load(f)
    if recipe.get("recipe_format") != 1:
        fail(f"{path}: recipe_format must be 1")
    return recipe


def source_kind(item):
    """Which of SOURCES this item is made from (exactly one of those blocks)."""
    kinds = [k for k in SOURCES if k in item]
    if len(kinds) != 1:
        fail(f"item {item.get('id')!r}: needs exactly one of {', '.join(SOURCES)}, has {kinds}")
    return kinds[0]


def item_source(item):
    """(package, path inside the package) of the file this item is made from."""
    kind = source_kind(item)
    block = item[kind]
    return block["package"], block.get("scene") or block["path"]


def media_kind(item):
    return "video" if source_kind(item) in VIDEO_SOURCES else "image"


def clip_encoding(out):
    """The words that name how a clip is encoded: part of a kept animation's key."""
    c = out["clip"]
    return (f"webm vp9 {c['width']}x{c['height']} {c['fps']}fps crf{c['crf']} "
            f"cpu{c['cpu_used']} g{c['gop']} {CLIP_VERSION}")


def animation_frames(item, out):
    return int(round(item["animation"]["seconds"] * out["clip"]["fps"]))


def animation_options(item, out):
    """POV-Ray switches of an animation: the clip's size, the scene's options, and the
    frame range, clock 0 at the first frame and 1 at the last."""
    a = item["animation"]
    c = out["clip"]
    return " ".join([f"+W{c['width']}", f"+H{c['height']}"] + a.get("options", []) +
                    ["+KFI1", f"+KFF{animation_frames(item, out)}", "+KI0", "+KF1"])


def upscale_params(item):
    """The words that decide an ESRGAN picture apart from its source: part of its key."""
    u = item["upscale"]
    crop = item.get("crop") or {}
    return (f"crop cx={crop.get('cx', 0.5)} cy={crop.get('cy', 0.5)} zoom={crop.get('zoom', 1.0)} "
            f"small {u['small'][0]}x{u['small'][1]} model {u['model']} x{u['scale']}")


# ---------------------------------------------------------------- plan

def cmd_plan(args):
    """Prints, tab-separated, for the shell script to act on:
      package NAME                                 once per Debian package
      render ID PKG SCENE OPTS ENCODING            per POV-Ray still
      animation ID PKG SCENE OPTS ENCODING WRAPPER per POV-Ray clip (WRAPPER: our scene)
      upscale ID PKG PATH PARAMS ENCODING          per ESRGAN picture
    ENCODING names how the result becomes the pack's file, and with OPTS or PARAMS it is
    part of the key of a file kept in content/demo/renders/."""
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
        a = item.get("animation")
        if a:
            wrapper = os.path.join(os.path.dirname(os.path.abspath(args.recipe)), SCENES_DIR, a["wrapper"])
            if not os.path.isfile(wrapper):
                fail(f"item {item['id']}: no wrapper scene {wrapper}")
            print(f"animation\t{item['id']}\t{a['package']}\t{a['scene']}\t"
                  f"{animation_options(item, out)}\t{clip_encoding(out)}\t{wrapper}")
        u = item.get("upscale")
        if u:
            enc = f"jpeg q{out['jpeg_quality']} {STILL_VERSION}"
            print(f"upscale\t{item['id']}\t{u['package']}\t{u['path']}\t{upscale_params(item)}\t{enc}")


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


def probe_video(path):
    """Upright width and height, and duration in seconds, of a clip's first video stream
    (a phone's rotation tag swaps the sides: ffmpeg turns the picture when it decodes)."""
    text = subprocess.run(
        ["ffprobe", "-v", "error", "-select_streams", "v:0", "-print_format", "json",
         "-show_streams", "-show_format", path],
        check=True, capture_output=True, text=True).stdout
    info = json.loads(text)
    if not info.get("streams"):
        raise RuntimeError(f"{path}: no video stream")
    st = info["streams"][0]
    w, h = int(st["width"]), int(st["height"])
    rotation = 0
    for side in st.get("side_data_list", []):
        if "rotation" in side:
            rotation = int(side["rotation"])
    rotation = int(st.get("tags", {}).get("rotate", rotation))
    if rotation % 180:
        w, h = h, w
    duration = float(st.get("duration") or info.get("format", {}).get("duration") or 0)
    return w, h, duration


def make_clip(src, dst, out, crop, trim=None, frames=False):
    """Crops to the clip aspect ratio, scales to the clip size, sets one frame rate, and
    encodes with the same settings for every clip (WebM, VP9, constant quality), without
    sound or metadata. `src` is a clip file, or with frames=True a folder of numbered PNG
    frames (a POV-Ray animation) played at the clip frame rate."""
    c = out["clip"]
    if frames:
        names = sorted(n for n in os.listdir(src) if n.endswith(".png"))
        if not names:
            raise RuntimeError(f"{src}: no frames")
        sw, sh = probe(os.path.join(src, names[0]))
        inputs = ["-framerate", str(c["fps"]), "-pattern_type", "glob",
                  "-i", os.path.join(glob_escape(src), "*.png")]
    else:
        sw, sh, _ = probe_video(src)
        inputs = ["-i", src]
    bw, bh, x, y = crop_box(sw, sh, c["width"], c["height"], crop or {})
    upscale = c["width"] / bw
    if upscale > c["max_upscale"] + 1e-9:
        raise RuntimeError(
            f"{src}: the crop is {bw}x{bh}, too small for {c['width']}x{c['height']} "
            f"(would upscale {upscale:.2f}x, the recipe allows {c['max_upscale']}x)")
    filters = []
    if trim:
        # By timestamps, before anything else: the same frames whatever follows.
        filters.append(f"trim=start={trim.get('start', 0)}" +
                       (f":end={trim['end']}" if "end" in trim else ""))
        filters.append("setpts=PTS-STARTPTS")
    filters += [f"crop={bw}:{bh}:{x}:{y}",
                f"scale={c['width']}:{c['height']}:flags=lanczos",
                "setsar=1",
                f"fps={c['fps']}",          # one frame rate for all: 25 fps or a phone's
                "format=yuv420p"]           # variable rate would tell sources apart
    cmd = (["ffmpeg", "-nostdin", "-v", "error", "-y"] + inputs +
           ["-map", "0:v:0", "-an", "-sn", "-dn",      # no sound: a clip plays muted
            "-map_metadata", "-1", "-map_chapters", "-1",  # dates, GPS, phone model
            "-vf", ",".join(filters),
            "-c:v", "libvpx-vp9", "-crf", str(c["crf"]), "-b:v", "0",
            "-deadline", "good", "-cpu-used", str(c["cpu_used"]),
            "-g", str(c["gop"]), "-row-mt", "1", "-threads", "2",
            # No encoder versions, no random segment id: only what the format needs.
            "-fflags", "+bitexact", "-flags:v", "+bitexact",
            "-f", "webm", dst])
    subprocess.run(cmd, check=True, capture_output=True)
    _, _, duration = probe_video(dst)
    return {"source_size": [sw, sh], "crop": [bw, bh, x, y], "upscale": round(upscale, 3),
            "seconds": round(duration, 3)}


def glob_escape(path):
    """A folder name as ffmpeg's glob pattern reads it literally."""
    return re.sub(r"([*?\[\]])", r"[\1]", path)


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


GENERATORS = {"render": "render_generator", "animation": "animation_generator",
              "upscale": "upscale_generator"}


def pack_item(item, media, out):
    pkg, path = item_source(item)
    key = GENERATORS.get(source_kind(item))
    entry = {
        "id": item["id"],
        "media": media,
        "kind": media_kind(item),
        "answer": item["answer"],
        "source": {
            "credit": item["credit"],
            "license": item["license"],
            "url": f"debian:{pkg}:/{path}",
        },
        "generator": out[key] if key else None,
        "explanation": localized(item["explanation"]),
        # Clip tells may carry t0/t1 (seconds): shown only in that part of the clip.
        "tells": [dict(t, note=localized(t["note"])) for t in item["tells"]],
        "category": item["category"],
        "difficulty": item["difficulty"],
    }
    return entry


# The npm package of each network tools/esrgan/upscale.js knows, pinned in its package.json.
ESRGAN_TOOL = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools", "esrgan")


def upscale_model(name):
    """How the credits name a network: package, pinned version, licence, what it is."""
    with open(os.path.join(ESRGAN_TOOL, "package.json"), encoding="utf-8") as f:
        deps = json.load(f)["dependencies"]
    if name != "esrgan-slim":
        fail(f"unknown upscaling model {name!r} (tools/esrgan/upscale.js knows esrgan-slim)")
    pkg = "@upscalerjs/esrgan-slim"
    return (f"UpscalerJS's esrgan-slim network (npm {pkg} {deps[pkg]}, MIT licence, Kevin Scott; "
            "an RDN super-resolution model trained on DIV2K)")


HOW_MADE = {
    "photo": "photograph",
    "render": "3D render (POV-Ray)",
    "upscale": "photograph, edited: enlarged by the ESRGAN neural network",
    "video": "video (camera)",
    "animation": "3D animation (POV-Ray)",
}


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
    c = recipe["output"]["clip"]
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
    lines.append(
        "Clips: the real ones are short camera videos from Debian packages; the generated\n"
        "ones are POV-Ray animations: a scene from povray-examples, included as it is by a\n"
        "small scene of ours that moves the camera (content/demo/scenes/). Every clip is\n"
        f"{c['width']}x{c['height']} WebM (VP9, constant quality {c['crf']}), {c['fps']} frames a "
        "second, muted, upright,\nwithout metadata.")
    lines.append("")
    lines.append(
        "Edited pictures: real photos shrunk to a quarter of their width and height, then\n"
        "enlarged 4x by a super-resolution neural network, UpscalerJS's esrgan-slim model\n"
        "(npm @upscalerjs/esrgan-slim, run with TensorFlow.js on the CPU). The network\n"
        "invents the fine detail that the small picture lost: that is a real AI edit.")
    lines.append("")
    lines.append("No picture or clip in this pack was made by a generative AI: the generated")
    lines.append("ones are 3D renders; the edited ones are real photos enlarged by a neural network.")
    lines.append("Aucune image ni vidéo de ce pack n’a été faite par une IA générative : les")
    lines.append("« générées » sont des rendus 3D ; les « retouchées » sont de vraies photos")
    lines.append("agrandies par un réseau de neurones.")
    lines.append("")
    lines.append("Credits / Crédits")
    lines.append("-" * 40)
    for e in entries:
        it = by_id[e["id"]]
        pkg, path = item_source(it)
        kind = HOW_MADE[source_kind(it)]
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
        if "animation" in it:
            a = it["animation"]
            lines.append(f"    camera move: {a['camera_move']} (scene content/demo/scenes/{a['wrapper']}, "
                         "which includes the scene above)")
            lines.append(f"    rendered with: povray {animation_options(it, recipe['output'])}")
        if "upscale" in it:
            u = it["upscale"]
            lines.append(f"    edited: shrunk to {u['small'][0]}x{u['small'][1]}, enlarged {u['scale']}x by "
                         f"{upscale_model(u['model'])}, then made a {recipe['output']['width']}x"
                         f"{recipe['output']['height']} JPEG like the other pictures")
        if "video" in it and it.get("trim"):
            t = it["trim"]
            lines.append(f"    cut: from {t.get('start', 0)} s" + (f" to {t['end']} s" if "end" in t else ""))
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
        kind = source_kind(item)
        media = f"media/{n:04d}." + ("webm" if kind in VIDEO_SOURCES else "jpg")
        if kind in ("render", "animation", "upscale"):
            # A file kept in the repository, or what was made here (a raw render, a
            # folder of frames, the network's picture).
            src = stills.get(item["id"]) or renders.get(item["id"])
            if not src:
                fail(f"item {item['id']}: nothing was made for it ({kind})")
        else:
            pkg, path = item_source(item)
            src = os.path.join(args.root, pkg, path)
        if not (os.path.isfile(src) or (kind == "animation" and os.path.isdir(src))):
            fail(f"item {item['id']}: source file missing: {src}")
        jobs.append((item, media, src))

    info = {}
    # A file kept in the repository already is this pack's JPEG or clip (made by
    # make_still or make_clip from the same render): copied byte for byte, never re-encoded.
    for item, media, src in jobs:
        if item["id"] in stills:
            shutil.copyfile(src, os.path.join(args.out, media))
            info[item["id"]] = {"copied": src}

    def make(item, media, src):
        dst = os.path.join(args.out, media)
        kind = source_kind(item)
        if kind == "video":
            return make_clip(src, dst, out, item.get("crop"), trim=item.get("trim"))
        if kind == "animation":
            return make_clip(src, dst, out, None, frames=True)
        # A render or the network's picture is already 4:3: only scaled (and encoded).
        return make_still(src, dst, out, None if kind in ("render", "upscale") else item.get("crop"))

    # One worker per core: ImageMagick decoding a 4000x3000 JPEG and ffmpeg encoding a
    # clip are the slow parts. Clips first: they take longest.
    todo = [job for job in jobs if job[0]["id"] not in stills]
    todo.sort(key=lambda job: media_kind(job[0]) != "video")
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        futures = {pool.submit(make, item, media, src): item["id"] for item, media, src in todo}
        for fut in concurrent.futures.as_completed(futures):
            try:
                info[futures[fut]] = fut.result()
            except subprocess.CalledProcessError as e:
                fail(f"item {futures[fut]}: {e.cmd[0]} failed: {e.stderr.decode(errors='replace')}")
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


def clip_facts(path):
    """What a clip's file says about itself, as ffprobe reads it, or None if unreadable."""
    run = subprocess.run(["ffprobe", "-v", "error", "-print_format", "json",
                          "-show_streams", "-show_format", "-show_chapters", path],
                         capture_output=True, text=True)
    if run.returncode != 0:
        return None
    return json.loads(run.stdout)


def check_clip(path, media, w, errs, formats, clip_out):
    """A clip of the demo pack: one VP9 video stream in WebM, the recipe's size and frame
    rate, no sound, no tags but the muxer's name and the length. Returns its duration."""
    facts = clip_facts(path)
    if facts is None:
        errs.append(f"{w}.media: {media} is not a clip ffprobe can read")
        return None
    streams = facts.get("streams", [])
    video = [st for st in streams if st.get("codec_type") == "video"]
    if len(streams) != 1 or len(video) != 1:
        errs.append(f"{w}.media: {media} must hold one video stream and nothing else "
                    f"(has {[st.get('codec_type') for st in streams]})")
        return None
    st = video[0]
    fmt = facts.get("format", {})
    this = (f"{fmt.get('format_name')} {st.get('codec_name')} {st.get('width')}x{st.get('height')} "
            f"{st.get('r_frame_rate')} {st.get('pix_fmt')}")
    formats.add(this)
    tags = {k.lower() for k in fmt.get("tags", {})} | {k.lower() for k in st.get("tags", {})}
    if tags - CLIP_TAGS or facts.get("chapters"):
        errs.append(f"{w}.media: {media} still has metadata: {sorted(tags - CLIP_TAGS)}")
    for side in st.get("side_data_list", []):
        if "rotation" in side:
            errs.append(f"{w}.media: {media} has a rotation tag: clips must be stored upright")
    if clip_out:
        want = (f"matroska,webm vp9 {clip_out['width']}x{clip_out['height']} "
                f"{clip_out['fps']}/1 yuv420p")
        if this != want:
            errs.append(f"{w}.media: {media} is {this}, expected {want}")
    duration = float(fmt.get("duration") or 0)
    if not 0 < duration <= 60:
        errs.append(f"{w}.media: {media} lasts {duration} s (expected a short clip)")
    return duration


def validate_pack(pack_dir, expect_size=None, min_items=30, min_each=12, clip_out=None):
    """Every check the game's loader makes (DESIGN.md, format 1), plus the demo pack's
    own promises: one size for all stills, no metadata, opaque names, both languages.
    Clips (kind "video", WebM) are checked as the game is being extended to read them:
    one format for all, no sound, no metadata, tells with an optional t0..t1 in seconds."""
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
    ids, medias, sizes, jfif, clip_formats = set(), set(), set(), set(), set()
    counts = {a: 0 for a in ANSWERS}
    counts["videos"] = 0
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
        kind = it.get("kind")
        if kind not in ("image", "video"):
            errs.append(f"{w}.kind: expected \"image\" or \"video\", got {kind!r}")
        media = it.get("media")
        duration = None
        ext = "webm" if kind == "video" else "jpg"
        if not isinstance(media, str) or not re.match(r"^media/[0-9]{4}\." + ext + "$", media):
            errs.append(f"{w}.media: expected an opaque name like media/0007.{ext}, got {media!r}")
        elif media in medias:
            errs.append(f"{w}.media: used twice")
        elif kind == "video":
            medias.add(media)
            path = os.path.join(pack_dir, media)
            if not os.path.isfile(path):
                errs.append(f"{w}.media: {media} does not exist")
            else:
                duration = check_clip(path, media, w, errs, clip_formats, clip_out)
                counts["videos"] += 1
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
        if ans in ("generated", "edited") and not (isinstance(gen, str) and gen):
            errs.append(f"{w}.generator: a generated or edited item names its generator")
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
            if "t0" in t or "t1" in t:
                t0, t1 = t.get("t0", 0), t.get("t1")
                if kind != "video":
                    errs.append(f"{tw}: t0/t1 only make sense on a clip")
                elif not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (t0, t1)):
                    errs.append(f"{tw}: t0 and t1 must be numbers of seconds")
                elif not 0 <= t0 < t1 or (duration and t1 > duration + 0.05):
                    errs.append(f"{tw}: expected 0 <= t0 < t1 <= {duration} (the clip's length), "
                                f"got {t0}..{t1}")
        if not isinstance(it.get("category"), str) or not it["category"]:
            errs.append(f"{w}.category: expected a string")
        d = it.get("difficulty")
        if not isinstance(d, int) or isinstance(d, bool) or not 1 <= d <= 3:
            errs.append(f"{w}.difficulty: expected 1, 2 or 3, got {d!r}")
    if len(jfif) > 1:
        errs.append("media: the JFIF headers differ (pixel density?), which tells files apart")
    if len(sizes) > 1:
        errs.append(f"media: not all the same format/size/colour space: {sorted(sizes)}")
    if len(clip_formats) > 1:
        errs.append(f"media: the clips are not all the same format: {sorted(clip_formats)}")
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
    size = clip_out = None
    if args.recipe:
        out = load_recipe(args.recipe)["output"]
        size = (out["width"], out["height"])
        clip_out = out["clip"]
    errs, counts = validate_pack(args.pack_dir, size, clip_out=clip_out)
    for e in errs:
        print(f"pack.json: {e}", file=sys.stderr)
    if errs:
        sys.exit(1)
    print(f"{counts['real'] + counts['generated'] + counts['edited']} items: "
          f"{counts['real']} real, {counts['generated']} generated, {counts['edited']} edited "
          f"({counts['videos']} of them clips)")


# ---------------------------------------------------------------- overlay

FONT_CANDIDATES = ("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
                   "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def cmd_overlay(args):
    """Draws every tell on a copy of each image, numbered, with the notes written under
    it (and a 10% grid with --grid), so a person can check that each circle sits on
    what its note describes. A clip gets one picture per moment a tell is shown: the
    frame at the middle of the tell's t0..t1 (the clip's middle for a tell without
    one), with every tell shown at that moment; named ID@SECONDS.png."""
    with open(os.path.join(args.pack_dir, "pack.json"), encoding="utf-8") as f:
        m = json.load(f)
    os.makedirs(args.out_dir, exist_ok=True)
    for it in m["items"]:
        src = os.path.join(args.pack_dir, it["media"])
        numbered = list(enumerate(it["tells"], start=1))
        if it.get("kind") != "video":
            caption = f"{it['id']} ({it['answer']}) {it['media']}"
            draw_tells(src, numbered, caption, os.path.join(args.out_dir, it["id"] + ".png"), args.grid)
            continue
        _, _, duration = probe_video(src)
        moments = sorted({round((t["t0"] + t["t1"]) / 2 if "t1" in t else duration / 2, 2)
                          for t in it["tells"]})
        for at in moments:
            shown = [(n, t) for n, t in numbered
                     if "t1" not in t or t.get("t0", 0) <= at <= t["t1"]]
            frame = os.path.join(args.out_dir, f".{it['id']}.frame.png")
            subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-y", "-ss", f"{at}", "-i", src,
                            "-frames:v", "1", "-vf", "scale=iw*5/3:ih*5/3", frame], check=True)  # as big as a still
            caption = f"{it['id']} ({it['answer']}) {it['media']} at {at:.2f} s of {duration:.2f} s"
            draw_tells(frame, shown, caption, os.path.join(args.out_dir, f"{it['id']}@{at:.2f}s.png"),
                       args.grid)
            os.remove(frame)


def draw_tells(src, numbered, caption, dst, grid):
    font = next((f for f in FONT_CANDIDATES if os.path.isfile(f)), None)
    text = ["-font", font] if font else []
    w, h = probe(src)
    draw = []
    if grid:
        draw += ["-stroke", "#ffffff50", "-strokewidth", "1"]
        for k in range(1, 10):
            draw += ["-draw", f"line {w * k // 10},0 {w * k // 10},{h}",
                     "-draw", f"line 0,{h * k // 10} {w},{h * k // 10}"]
    for n, t in numbered:
        cx, cy, r = t["x"] * w, t["y"] * h, t["r"] * w
        draw += ["-fill", "none", "-stroke", "black", "-strokewidth", "5",
                 "-draw", f"circle {cx:.1f},{cy:.1f} {cx + r:.1f},{cy:.1f}",
                 "-stroke", "yellow", "-strokewidth", "3",
                 "-draw", f"circle {cx:.1f},{cy:.1f} {cx + r:.1f},{cy:.1f}"]
        if font:
            draw += ["-fill", "yellow", "-stroke", "black", "-strokewidth", "1", "-pointsize", "22",
                     "-draw", f"text {cx + r * 0.75:.0f},{cy - r * 0.75:.0f} '{n}'"]
    caption += "\n" + "\n".join(
        f"{n}. " + (f"[{t.get('t0', 0)}-{t['t1']} s] " if "t1" in t else "") +
        f"{t['note'].get('en', '')} / {t['note'].get('fr', '')}"
        for n, t in numbered)
    cmd = ["convert", src] + text + draw
    if font:
        cmd += ["-background", "black", "-gravity", "south", "-splice", "0x100",
                "-fill", "white", "-stroke", "none", "-pointsize", "16", "-gravity", "southwest",
                "-annotate", "+6+6", caption.replace("%", "%%")]
    subprocess.run(cmd + [dst], check=True)


def cmd_upscale_input(args):
    """Writes the small picture the network enlarges: the item's 4:3 crop of its photo
    (the crop rule of make_still), shrunk to upscale.small, as raw RGB; prints its size."""
    recipe = load_recipe(args.recipe)
    item = next((it for it in recipe["items"] if it["id"] == args.item_id), None)
    if not item or "upscale" not in item:
        fail(f"upscale-input: no ESRGAN item {args.item_id!r} in the recipe")
    u = item["upscale"]
    w, h = u["small"]
    out = recipe["output"]
    if u["scale"] != 4:
        fail(f"item {item['id']}: upscale.scale must be 4 (tools/esrgan/upscale.js runs the 4x network)")
    if w * out["height"] != h * out["width"] or w * u["scale"] < out["width"]:
        fail(f"item {item['id']}: upscale.small {w}x{h} must have the pictures' aspect ratio, "
             f"and {u['scale']}x it must be at least {out['width']} wide")
    src = os.path.join(args.root, u["package"], u["path"])
    sw, sh = probe(src)
    bw, bh, x, y = crop_box(sw, sh, out["width"], out["height"], item.get("crop") or {})
    subprocess.run(["convert", src, "-auto-orient", "-crop", f"{bw}x{bh}+{x}+{y}", "+repage",
                    "-colorspace", "sRGB", "-filter", "Lanczos", "-resize", f"{w}x{h}!",
                    "-depth", "8", f"rgb:{args.out}"], check=True, capture_output=True)
    print(f"{w} {h}")


def cmd_media_of(args):
    with open(os.path.join(args.pack_dir, "pack.json"), encoding="utf-8") as f:
        media = {it["id"]: it["media"] for it in json.load(f)["items"]}
    for line in sys.stdin:
        item_id, rest = line.rstrip("\n").split("\t", 1)
        if item_id not in media:
            fail(f"media-of: no item {item_id!r} in the pack")
        print(f"{media[item_id]}\t{rest}")


def cmd_renders_credits(args):
    """The credits of the files kept in the repository, one entry per file."""
    recipe = load_recipe(args.recipe)
    out = recipe["output"]
    c = out["clip"]
    names = read_tsv(args.keys)
    versions = read_tsv(args.versions)
    lines = [
        "Renders and edited pictures of the realcheck demo pack, kept in the repository",
        "=" * 78,
        "",
        "They are kept so that a first tools/play does not spend many minutes rendering and",
        "running a neural network; each name's hash covers everything that decides the file",
        "(package and version, scene or photo, options, program versions, encoding), and",
        "tools/demo-pack makes the file again when it does not match. Written by",
        "tools/demo-pack --update-renders (with this file).",
        "",
        f"- .jpg of a POV-Ray scene: the demo pack's final picture ({out['width']}x{out['height']} JPEG, "
        f"quality {out['jpeg_quality']},",
        "  no metadata), rendered with POV-Ray 3.7 (a ray tracer; no AI involved) from a scene in",
        "  Debian's povray-examples package, then encoded by content/demo/build_pack.py.",
        f"- .webm: the demo pack's final clip ({c['width']}x{c['height']}, {c['fps']} fps, VP9, no sound, "
        "no metadata) of a POV-Ray",
        "  animation: a scene from povray-examples, included as it is by a small scene of ours",
        "  in content/demo/scenes/ that moves the camera with POV-Ray's clock (no AI involved).",
        "- .jpg of an edited photo: a real photo from a Debian package, shrunk, then enlarged 4x",
        "  by a super-resolution neural network, run by tools/esrgan/upscale.js: "
        + upscale_model("esrgan-slim") + ". The network invented the fine detail.",
        "",
        "The scenes are © Persistence of Vision Raytracer Pty. Ltd. and the authors below,",
        "under the Creative Commons licence named for each (CC-BY-SA-3.0: the renders and",
        "animations are shared under the same licence). The full terms, as Debian ships them,",
        "are in povray-examples.copyright (the package's /usr/share/doc/povray-examples/copyright).",
        "The edited photos keep their photo's licence, named for each; the terms are in",
        "<package>.copyright, the package's /usr/share/doc/<package>/copyright.",
        "",
    ]
    for item in recipe["items"]:
        if item["id"] not in names:
            continue
        kind = source_kind(item)
        pkg, path = item_source(item)
        version = versions.get(pkg, "?")
        licence = f"    licence: {item['license']}" + (f" ({item['license_note']})" if item.get("license_note") else "")
        lines += [f"{names[item['id']]}  [{item['id']}]", f"    {item['subject']}"]
        if kind == "render":
            opts = " ".join([f"+W{out['width']}", f"+H{out['height']}"] + item["render"].get("options", []))
            lines += [
                f"    scene: {path.split('/examples/', 1)[-1]} by {item['credit']}",
                licence,
                f"    from Debian package {pkg} {version}, rendered with povray {args.povray_version}: povray {opts}",
            ]
        elif kind == "animation":
            a = item["animation"]
            lines += [
                f"    scene: {path.split('/examples/', 1)[-1]} by {item['credit']}",
                f"    camera move: {a['camera_move']} (content/demo/scenes/{a['wrapper']})",
                licence,
                f"    from Debian package {pkg} {version}, rendered with povray {args.povray_version}: "
                f"povray {animation_options(item, out)} ({animation_frames(item, out)} frames, "
                f"{a['seconds']} s at {c['fps']} fps)",
            ]
        elif kind == "upscale":
            u = item["upscale"]
            crop = item.get("crop") or {}
            big = (u["small"][0] * u["scale"], u["small"][1] * u["scale"])
            lines += [
                f"    photo: /{path} by {item['credit']}",
                licence + f"; terms in {pkg}.copyright",
                f"    from Debian package {pkg} {version}; 4:3 crop"
                + (f" centred at ({crop.get('cx', 0.5)}, {crop.get('cy', 0.5)}), zoom {crop.get('zoom', 1.0)}"
                   if crop else " of the whole photo")
                + f", shrunk to {u['small'][0]}x{u['small'][1]} (Lanczos),",
                f"    enlarged {u['scale']}x to {big[0]}x{big[1]} by {u['model']}, "
                + ("" if big == (out["width"], out["height"]) else f"scaled to {out['width']}x{out['height']}, ")
                + "encoded like every picture",
            ]
        lines.append("")
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
    p = sub.add_parser("upscale-input")
    p.add_argument("recipe")
    p.add_argument("item_id")
    p.add_argument("--root", required=True, help="folder holding one extracted deb per package name")
    p.add_argument("--out", required=True, help="raw 8-bit RGB file to write")
    p.set_defaults(func=cmd_upscale_input)
    args = ap.parse_args()
    args.func(args)


if __name__ == "__main__":
    main()
