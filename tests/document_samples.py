"""Attachments made by the tests themselves: PDFs with reportlab, images with Pillow.

No binary fixture: each file is generated with the text the test looks for.
"""

from __future__ import annotations

import io
import random

from PIL import Image
from reportlab import rl_config
from reportlab.lib import pdfencrypt
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas


def text_pdf(
    *lines: str, pages: int = 1, password: str | None = None, compress: bool = True
) -> bytes:
    """A PDF of ``pages`` A4 pages, each with ``lines`` of text (and its number).

    ``compress=False``: the page streams are left as they are, so that the lines are
    in the file as clear bytes (what a scan for planted text looks for).
    """
    buffer = io.BytesIO()
    encrypt = pdfencrypt.StandardEncryption(password, canPrint=0) if password else None
    pdf = canvas.Canvas(buffer, pagesize=A4, encrypt=encrypt, pageCompression=int(compress))
    pdf.setTitle("Compte rendu")
    for page in range(pages):
        text = pdf.beginText(60, 780)
        text.setFont("Helvetica", 12)
        for line in lines:
            text.textLine(line)
        pdf.drawText(text)
        pdf.rect(60, 400, 200, 120, fill=1)  # something dark to see on the rendered page
        pdf.drawString(60, 60, f"Page {page + 1} / {pages}")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def noise_jpeg(width: int, height: int, seed: int, quality: int = 85) -> bytes:
    """A JPEG of random pixels (it hardly compresses: a scan-like size)."""
    rng = random.Random(seed)
    image = Image.frombytes("RGB", (width, height), rng.randbytes(width * height * 3))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality)
    return out.getvalue()


def large_pdf(minimum_bytes: int, *, marker: str = "", seed: int = 0) -> bytes:
    """A PDF of at least ``minimum_bytes``: A4 pages each holding one scan-like JPEG
    (embedded as it is: no re-encoding), with ``marker`` printed on every page."""
    old_a85 = rl_config.useA85
    rl_config.useA85 = 0  # binary streams: no ASCII85 text encoding (5/4 larger, slow)
    try:
        buffer = io.BytesIO()
        pdf = canvas.Canvas(buffer, pagesize=A4)
        total = 0
        page = 0
        while total < minimum_bytes + 64 * 1024:
            scan = noise_jpeg(1240, 1754, seed * 1000 + page)
            pdf.drawImage(ImageReader(io.BytesIO(scan)), 0, 0, width=A4[0], height=A4[1])
            pdf.setFillColorRGB(1, 1, 1)
            pdf.rect(50, 770, 400, 40, fill=1, stroke=0)
            pdf.setFillColorRGB(0, 0, 0)
            pdf.drawString(60, 785, f"{marker} page {page + 1}".strip())
            pdf.showPage()
            total += len(scan)
            page += 1
        pdf.save()
    finally:
        rl_config.useA85 = old_a85
    data = buffer.getvalue()
    assert len(data) >= minimum_bytes
    return data


def png_image(width: int = 120, height: int = 80, colour: tuple[int, int, int] = (200, 30, 30)):
    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, "PNG")
    return out.getvalue()


def jpeg_image(width: int = 120, height: int = 80, colour: tuple[int, int, int] = (30, 90, 200)):
    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, "JPEG", quality=90)
    return out.getvalue()
