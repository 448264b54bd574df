"""Opening an attachment of 20 MB: the content read back and decrypted, the first page on screen.

    python benchmarks/bench_documents.py [--runs 10] [--size-mb 20] [--chunk-kib 256]

A demo database (its accounts only; production argon2 parameters) gets one patient
file with a scanned-like PDF of ``--size-mb`` MB (A4 pages each holding a JPEG of
random pixels: it hardly compresses, like a scan), attached through
``session.documents.add`` by the practitioner holding the clinical key. Then each
run times:

* **content**: ``documents.content`` — the pieces read in a read transaction and
  decrypted, the hash checked, the ``document_viewed`` event written;
* **open PDF**: ``PdfPages`` over the bytes in memory (pdfium);
* **first page**: page 1 rendered at the viewer's "fit width" scale (760 px wide);
* **open (service + first page)**: the three above, what the target is about;
* **viewer**: ``DocumentViewer.show_content`` until its first page is painted
  (pdfium in a worker thread, the QImage drawn), offscreen;
* **attach** and **export copy** (``export_copy``, streamed to a file).

Target: open (service + first page) under 1 s (median). ``--chunk-kib`` changes the
size of the stored pieces (``document_service.CHUNK_SIZE``) to compare.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (  # noqa: E402
    isolate_user_config,
    print_table,
    summary,
    verdict,
    write_results,
)

TARGET_OPEN_MS = 1000.0
VIEWER_WIDTH = 760  # the viewer's width in a 1280-pixel file window


def scan_pdf(minimum_bytes: int, seed: int = 7) -> bytes:
    """A PDF of at least ``minimum_bytes``: A4 pages each holding one JPEG of noise."""
    from PIL import Image
    from reportlab import rl_config
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    rng = random.Random(seed)
    old = rl_config.useA85
    rl_config.useA85 = 0  # binary streams, as scanners write them
    try:
        buffer = io.BytesIO()
        pdf = canvas.Canvas(buffer, pagesize=A4)
        total = page = 0
        while total < minimum_bytes + 64 * 1024:
            image = Image.frombytes("RGB", (1240, 1754), rng.randbytes(1240 * 1754 * 3))
            scan = io.BytesIO()
            image.save(scan, "JPEG", quality=85)
            pdf.drawImage(ImageReader(io.BytesIO(scan.getvalue())), 0, 0, *A4)
            pdf.drawString(60, 785, f"Compte rendu, page {page + 1}")
            pdf.showPage()
            total += scan.tell()
            page += 1
        pdf.save()
    finally:
        rl_config.useA85 = old
    return buffer.getvalue()


def timed(runs: int, step: Callable[[], Any]) -> list[float]:
    step()  # warm-up
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        step()
        times.append(time.perf_counter() - started)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--size-mb", type=float, default=20.0)
    parser.add_argument("--chunk-kib", type=int, default=None)
    args = parser.parse_args(argv)
    config = isolate_user_config()

    from PySide6.QtWidgets import QApplication

    import oiso_desktop.services.document_service as document_service
    from oiso_desktop.domain.documents import DocumentCategory, DocumentDetails
    from oiso_desktop.domain.patients import IdentityFields
    from oiso_desktop.gui.document_viewer import DocumentViewer
    from oiso_desktop.gui.i18n import install_translations
    from oiso_desktop.gui.style import apply_style
    from oiso_desktop.gui.tasks import TaskRunner
    from oiso_desktop.services.auth_service import AuthService
    from oiso_desktop.services.demo import create_demo_database
    from oiso_desktop.services.pdf_pages import PdfPages
    from oiso_desktop.services.secret_store import MemorySecretStore

    if args.chunk_kib:
        document_service.CHUNK_SIZE = args.chunk_kib * 1024
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    apply_style(app)
    install_translations("fr")

    started = time.perf_counter()
    data = scan_pdf(int(args.size_mb * 1024 * 1024))
    build_s = time.perf_counter() - started
    temp = tempfile.TemporaryDirectory(prefix="oiso-bench-documents-")
    folder = Path(temp.name) / "base"
    accounts = create_demo_database(folder, patients=0, families=False)
    session = AuthService(folder, secret_store=MemorySecretStore()).login(
        accounts.practitioner_login, accounts.practitioner_password
    )
    patient = session.patients.create(
        IdentityFields(
            birth_name="Mesure", first_names="Anne", birth_date=date(1970, 5, 4), sex="F"
        )
    )
    documents = session.documents
    details = DocumentDetails(title="Compte rendu numérisé", category=DocumentCategory.LAB_REPORT)
    added: list[int] = []

    def attach() -> None:
        if added:  # the same file once per file: the previous one goes first
            documents.delete(added.pop(), expected_version=1)
        added.append(documents.add(patient.id, "scan.pdf", data, details).id)

    attach_times = timed(max(3, args.runs // 3), attach)
    document_id = added[0]
    view = documents.get(document_id)
    pages_probe = PdfPages(data)
    page_width = pages_probe.page_size(0)[0]
    page_count = pages_probe.page_count
    pages_probe.close()
    scale = VIEWER_WIDTH / page_width

    def content() -> bytes:
        return documents.content(document_id).data

    def open_pdf() -> None:
        PdfPages(data).close()

    def first_page() -> None:
        pages = PdfPages(data)
        pages.render(0, scale)
        pages.close()

    def whole_open() -> None:
        pages = PdfPages(content())
        pages.render(0, scale)
        pages.close()

    tasks = TaskRunner()
    viewer = DocumentViewer(tasks)
    viewer.resize(VIEWER_WIDTH + 40, 700)
    viewer.show()
    shown = documents.content(document_id)

    def in_viewer() -> None:
        done: list[bool] = []
        viewer.sig_first_page_shown.connect(lambda: done.append(True))
        viewer.show_content(shown)
        deadline = time.monotonic() + 30
        while not done and time.monotonic() < deadline:
            QApplication.processEvents()
            time.sleep(0.001)
        viewer.sig_first_page_shown.disconnect()
        assert done, "the first page was never shown"
        viewer.grab()  # painted

    export_path = Path(temp.name) / "copie.pdf"
    steps = {
        "content (read + decrypt + event)": timed(args.runs, content),
        "open PDF (pdfium, in memory)": timed(args.runs, open_pdf),
        "first page rendered": timed(args.runs, first_page),
        "open: content + first page": timed(args.runs, whole_open),
        "viewer: show_content to first paint": timed(args.runs, in_viewer),
        "export copy (streamed)": timed(
            max(3, args.runs // 3), lambda: documents.export_copy(document_id, export_path)
        ),
        "attach (check, encrypt, insert)": attach_times,
    }
    tracemalloc.start()
    content()
    peak_mb = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    viewer.clear()
    tasks.wait_idle(10000)
    tasks.shutdown()
    session.logout()
    database_mb = (folder / "oiso.db").stat().st_size / 1e6
    temp.cleanup()
    config.cleanup()

    stats = {name: summary(times) for name, times in steps.items()}
    rows = [
        [name, s["runs"], s["median_ms"], s["p95_ms"], s["max_ms"]] for name, s in stats.items()
    ]
    chunk = document_service.CHUNK_SIZE // 1024
    print_table(
        f"Attachment of {view.size / 1e6:.1f} MB, {page_count} pages, pieces of {chunk} KiB (ms)",
        ["step", "runs", "median", "p95", "max"],
        rows,
    )
    opened = stats["open: content + first page"]["median_ms"]
    print(
        f"\nopen (content + first page) {opened} ms (target {TARGET_OPEN_MS:.0f}): "
        f"{verdict(opened, TARGET_OPEN_MS)}"
    )
    print(
        f"Python memory while reading the content: peak {peak_mb:.0f} MB "
        f"(content {view.size / 1e6:.0f} MB); database file {database_mb:.0f} MB; "
        f"PDF generated in {build_s:.1f} s"
    )
    write_results(
        "bench_documents",
        {
            "size_bytes": view.size,
            "pages": page_count,
            "chunk_kib": chunk,
            "steps": stats,
            "content_peak_mb": round(peak_mb, 1),
            "targets": {"open_median_ms": TARGET_OPEN_MS},
        },
    )
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
