"""Writes the scanned fixtures: scanned_arabic.txt rendered by pango at 200 dpi, given light noise, saved as
PNG, TIFF and an image-only PDF; mixed_pages.pdf is a text page (mixed_text_page.txt) followed by the scan.
Needs pango-view (pango1.0-tools), fonts-noto-core, Pillow and qpdf."""
import random
import subprocess

from PIL import Image

subprocess.run(["pango-view", "--font=Noto Naskh Arabic 16", "--dpi=200", "--margin=60", "--no-display",
                "--output=/tmp/bayyina-scan.png", "scanned_arabic.txt"], check=True)
image = Image.open("/tmp/bayyina-scan.png").convert("L")
random.seed(42)
pixels = image.load()
for _ in range(image.width * image.height // 200):
    x, y = random.randrange(image.width), random.randrange(image.height)
    pixels[x, y] = random.choice([0, 90, 200])
image.save("scanned_arabic.png")
image.save("scanned_arabic.tiff", compression="tiff_deflate")
image.save("scanned_arabic.pdf", resolution=200)
subprocess.run(["pango-view", "--font=Noto Sans Arabic 14", "--no-display", "--output=/tmp/bayyina-text-page.pdf",
                "mixed_text_page.txt"], check=True)
subprocess.run(["qpdf", "--empty", "--pages", "/tmp/bayyina-text-page.pdf", "scanned_arabic.pdf", "--", "mixed_pages.pdf"],
               check=True)
