"""Drawing Thai text on images: demo photos and share cards.

Pillow lays out Thai correctly (vowels and tone marks stacked on their consonant)
only with its Raqm layout engine; the Sarabun font we ship for the web is split
into a Thai and a Latin file, so text is drawn run by run with the right file.
"""

import io
from functools import lru_cache

from django.conf import settings
from PIL import Image, ImageDraw, ImageFont

FONT_DIR = settings.BASE_DIR / "static" / "fonts"


@lru_cache(maxsize=16)
def _font(script, size, bold):
    weight = 700 if bold else 400
    path = FONT_DIR / f"sarabun-{script}-{weight}-normal.woff2"
    return ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.RAQM)


def _is_thai(char):
    return "\u0e00" <= char <= "\u0e7f"


def _runs(text):
    """Split text into (script, run) pieces; spaces stay with the run before them."""
    runs = []
    for char in text:
        script = "thai" if _is_thai(char) else "latin"
        if char == " " and runs:
            script = runs[-1][0]
        if runs and runs[-1][0] == script:
            runs[-1][1] += char
        else:
            runs.append([script, char])
    return runs


def text_width(text, size, bold=False):
    return sum(_font(s, size, bold).getlength(run) for s, run in _runs(text))


def draw_text(draw, xy, text, size, fill, bold=False):
    x, y = xy
    for script, run in _runs(text):
        font = _font(script, size, bold)
        draw.text((x, y), run, font=font, fill=fill)
        x += font.getlength(run)


def wrap(text, size, max_width, bold=False, max_lines=3):
    """Break text into lines that fit; Thai has no spaces, so break by character
    clusters when a space-separated word is too long."""
    lines, line = [], ""
    for word in text.split(" "):
        candidate = f"{line} {word}".strip()
        if text_width(candidate, size, bold) <= max_width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = word
        while text_width(line, size, bold) > max_width:
            cut = len(line)
            while cut > 1 and text_width(line[:cut], size, bold) > max_width:
                cut -= 1
            while cut > 1 and not _starts_cluster(line[cut]):
                cut -= 1
            lines.append(line[:cut])
            line = line[cut:]
    if line:
        lines.append(line)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1].rstrip() + "…"
    return lines


def _starts_cluster(char):
    # Thai marks above/below (and SARA AM) belong to the letter before them.
    code = ord(char)
    return not (code == 0x0E31 or 0x0E33 <= code <= 0x0E3A or 0x0E47 <= code <= 0x0E4E)


def _gradient(size, top, bottom):
    width, height = size
    image = Image.new("RGB", size, top)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        t = y / max(height - 1, 1)
        colour = tuple(round(a + (b - a) * t) for a, b in zip(top, bottom))
        draw.line([(0, y), (width, y)], fill=colour)
    return image


PALETTES = [
    ((18, 63, 112), (37, 120, 170)),
    ((92, 37, 99), (170, 75, 120)),
    ((22, 96, 78), (60, 150, 110)),
    ((120, 60, 20), (200, 120, 40)),
]


def render_card(title, kicker="", footer="", size=(1200, 630), palette=0):
    """A PNG card: kicker line, wrapped title, footer line, on a soft gradient."""
    width, height = size
    top, bottom = PALETTES[palette % len(PALETTES)]
    image = _gradient(size, top, bottom)
    draw = ImageDraw.Draw(image)
    margin = round(width * 0.07)
    title_size = round(height * 0.085)
    small = round(height * 0.045)
    draw.rectangle([margin, margin, margin + round(width * 0.08), margin + 8], fill=(255, 210, 90))
    y = margin + 30
    if kicker:
        draw_text(draw, (margin, y), kicker, small, (255, 230, 170), bold=True)
        y += round(small * 1.8)
    for line in wrap(title, title_size, width - 2 * margin, bold=True, max_lines=4):
        draw_text(draw, (margin, y), line, title_size, "white", bold=True)
        y += round(title_size * 1.55)
    if footer:
        draw_text(draw, (margin, height - margin - small), footer, small, (225, 235, 245))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def render_demo_photo(caption, kicker, footer, palette=0, size=(1280, 853)):
    """A demo 'photo' that looks deliberate: a titled card, marked as illustration."""
    png = render_card(caption, kicker=kicker, footer=footer, size=size, palette=palette)
    image = Image.open(io.BytesIO(png))
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="JPEG", quality=82, optimize=True)
    return buffer.getvalue()
