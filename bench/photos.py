"""Photo pipeline benchmark (figures printed, not a timed test).

    /work/main/.venv/bin/python bench/photos.py [--photos 40]

Makes phone-like 4000×3000 JPEGs (texture, shapes, EXIF with GPS), runs each through
news.photos (decode, clean original, WebP+JPEG renditions) into a temporary media
folder, and prints the time per photo; measures what AVIF would cost per rendition
set; then computes the image bytes an article with N gallery photos sends to a
360-px phone at DPR 2: for each <img>, the candidate a browser picks from our
srcset/sizes (the smallest width ≥ slot × DPR), WebP.
"""

import argparse
import io
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

import django  # noqa: E402

django.setup()

from django.core.files.storage import FileSystemStorage  # noqa: E402
from PIL import Image, ImageDraw, ImageFilter  # noqa: E402

from news import photos  # noqa: E402

VIEWPORT, DPR = 360, 2
# The slots of templates/news/_partials/*.html at a 360-px viewport.
COVER_SLOT = VIEWPORT  # 100vw
THUMB_SLOT = VIEWPORT * 0.47  # 47vw
FIRST_SCREEN_THUMBS = 2  # the cover fills most of the first screen; lazy thumbs below it


def phone_jpeg(seed, size=(4000, 3000)):
    rng = random.Random(seed)
    # Texture at several scales (grass, cloth, faces in a crowd) survives downscaling
    # as real detail does; fine noise alone would average away.
    coarse = Image.merge("RGB", [Image.effect_noise((size[0] // 6, size[1] // 6), 70) for _ in range(3)])
    image = Image.blend(coarse.resize(size, Image.Resampling.BICUBIC), Image.effect_noise(size, 30).convert("RGB"), 0.3)
    scene = Image.new("RGB", size, (rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    draw = ImageDraw.Draw(scene)
    for _ in range(60):
        x, y = rng.randrange(size[0]), rng.randrange(size[1])
        r = rng.randrange(50, 600)
        draw.ellipse([x - r, y - r, x + r, y + r], fill=(rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    scene = scene.filter(ImageFilter.GaussianBlur(3))
    image = Image.blend(scene, image, 0.35)
    exif = Image.Exif()
    exif[0x0110] = "Phone Model"
    exif[0x0112] = 1
    exif.get_ifd(0x8825)[2] = (13.0, 45.0, 0.0)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=92, exif=exif)
    return buffer.getvalue()


def pick(widths, slot):
    need = slot * DPR
    return next((w for w in widths if w >= need), widths[-1])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--photos", type=int, default=40)
    parser.add_argument("--browser", action="store_true",
                        help="also measure a real page in headless Chromium (a demo site in a temporary folder)")
    args = parser.parse_args()
    if args.browser:
        return measure_in_chromium(args.photos)
    storage = FileSystemStorage(location=tempfile.mkdtemp(prefix="bench-photos-"))
    inputs = [phone_jpeg(n) for n in range(min(args.photos, 4))]
    print(f"input: 4000×3000 JPEG, {sum(map(len, inputs)) / len(inputs) / 1e6:.1f} MB each")
    times, results, placeholders = [], [], []
    cpu_start = time.process_time()
    for n in range(args.photos):
        data = inputs[n % len(inputs)]
        start = time.perf_counter()
        image = photos.decode(_named(data))
        clean = photos.clean_image(image)
        results.append(photos.store(storage, f"photos/bench/{n}.jpg", clean))
        placeholders.append(photos.placeholder(clean))
        times.append(time.perf_counter() - start)
    print(f"{args.photos} photos to original + {len(photos.RENDITION_WIDTHS)} widths × WebP+JPEG + placeholder: "
          f"total {sum(times):.1f} s, per photo mean {sum(times) / len(times):.2f} s, max {max(times):.2f} s")
    # CPU time is what the work costs; wall time also counts waiting for a shared CPU.
    cpu = time.process_time() - cpu_start
    print(f"  CPU time: per photo {cpu / args.photos:.2f} s (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    start = time.perf_counter()
    photos.placeholder(clean)
    print(f"placeholder (16-px WebP data: URI): {(time.perf_counter() - start) * 1000:.1f} ms, "
          f"{sum(map(len, placeholders)) / len(placeholders):.0f} bytes each in the HTML")

    clean = photos.clean_image(photos.decode(_named(inputs[0])))
    start = time.perf_counter()
    avif_bytes = 0
    for width in photos.RENDITION_WIDTHS:
        small = clean.resize((width, round(clean.height * width / clean.width)))
        buffer = io.BytesIO()
        small.save(buffer, format="AVIF", quality=60)
        avif_bytes += buffer.tell()
    avif_time = time.perf_counter() - start
    name, _w, _h, widths = results[0]
    webp_bytes = sum(storage.size(photos.rendition_name(name, w, "webp")) for w in widths)
    print(f"AVIF for the same 3 widths: +{avif_time:.2f} s per photo, {avif_bytes / 1e3:.0f} kB "
          f"vs WebP {webp_bytes / 1e3:.0f} kB")

    def sent(index, slot):
        name, _w, _h, widths = results[index % len(results)]
        return storage.size(photos.rendition_name(name, pick(widths, slot), "webp"))

    cover = sent(0, COVER_SLOT)
    thumbs = [sent(i, THUMB_SLOT) for i in range(args.photos)]
    first = cover + sum(thumbs[:FIRST_SCREEN_THUMBS])
    print(f"article with {args.photos} photos at {VIEWPORT} px, DPR {DPR}: cover {pick(widths, COVER_SLOT)}w, "
          f"thumbs {pick(widths, THUMB_SLOT)}w (WebP)")
    print(f"  first screen (cover + {FIRST_SCREEN_THUMBS} thumbs; the rest lazy): {first / 1e6:.2f} MB, "
          f"{1 + FIRST_SCREEN_THUMBS} images")
    print(f"  whole page scrolled through: {(cover + sum(thumbs)) / 1e6:.2f} MB, {1 + len(thumbs)} images")
    original = len(inputs[0])
    print(f"  (the same page sending the phone originals: {original * (1 + args.photos) / 1e6:.1f} MB)")


def measure_in_chromium(count):
    """An article with `count` phone photos on a runserver of its own, opened in
    Chromium at 360 px, DPR 2: image bytes and requests on first load, then after
    scrolling to the end (lazy images)."""
    import socket
    import subprocess
    import urllib.request

    from playwright.sync_api import sync_playwright

    root = Path(tempfile.mkdtemp(prefix="bench-site-"))
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{root / 'db.sqlite3'}", "MEDIA_ROOT": str(root / "media"),
           "DJANGO_DEBUG": "1", "BENCH_PHOTOS": str(count)}
    env.pop("REDIS_URL", None)
    manage = [sys.executable, str(Path(__file__).resolve().parent.parent / "manage.py")]
    subprocess.run(manage + ["migrate", "--noinput", "-v0"], env=env, check=True)
    subprocess.run(manage + ["load_demo", "--no-photos", "-v0"], env=env, check=True)
    start = time.perf_counter()
    url = subprocess.run(manage + ["shell", "-c", MAKE_ARTICLE], env=env, check=True, capture_output=True,
                         text=True).stdout.strip().splitlines()[-1]
    print(f"{count} photos uploaded through Photo.save(): {time.perf_counter() - start:.1f} s")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(manage + ["runserver", "--noreload", f"127.0.0.1:{port}"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 360, "height": 740}, device_scale_factor=2)
            images = {}

            def record(response):
                if response.request.resource_type == "image" and "/media/" in response.url:
                    images[response.url] = len(response.body())

            page.on("response", record)
            page.goto(base + url, wait_until="networkidle")
            first = dict(images)
            print(f"Chromium 360 px DPR 2, first load: {sum(first.values()) / 1e6:.2f} MB in {len(first)} images "
                  f"({', '.join(sorted({u.rsplit('-', 1)[-1] for u in first}))})")
            for _ in range(60):
                page.mouse.wheel(0, 600)
                page.wait_for_timeout(50)
            page.wait_for_load_state("networkidle")
            print(f"  after scrolling to the end: {sum(images.values()) / 1e6:.2f} MB in {len(images)} images")
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)


MAKE_ARTICLE = """
import os, sys
sys.path.insert(0, "bench")
from django.core.files.base import ContentFile
from news.models import Photo
from tests.factories import make_article
from photos import phone_jpeg
article = make_article(title="ข่าวกิจกรรม 40 ภาพ")
inputs = [phone_jpeg(n) for n in range(4)]
for n in range(int(os.environ["BENCH_PHOTOS"])):
    photo = Photo(article=article, order=n, alt_text=f"ภาพที่ {n + 1}")
    photo.image = ContentFile(inputs[n % 4], name=f"IMG_{n:04}.JPG")
    photo.save()
print(article.get_absolute_url())
"""


def _named(data):
    from django.core.files.base import ContentFile

    return ContentFile(data, name="bench.jpg")


if __name__ == "__main__":
    main()
