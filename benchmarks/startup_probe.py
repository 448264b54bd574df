"""Start the real application and stop as soon as the login window is visible.

    python benchmarks/startup_probe.py [--demo] [--data-dir DIR] [--timeout S]

Used by ``bench_startup.py`` (start-up time) and by the packaging smoke test
(``tests/test_packaging.py``, run against the installed wheel). It calls
``oiso_desktop.__main__.main`` exactly as the ``oiso-desktop`` command does;
a timer watches the top-level windows and quits once the sign-in dialog is
shown. Output, one line each: ``LOGIN_SHOWN <seconds since interpreter start>``
``IMPORTED <seconds spent importing Qt and the GUI>`` and ``MODULE <path of the
oiso_desktop package used>``. Exit code 0 when the login
window was seen, 3 on timeout, 4 when the application ended without showing it.

Nothing is written to the user's configuration: ``OISO_CONFIG_DIR`` points to a
temporary folder unless already set.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import argparse  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402

LOGIN_CLASS = "LoginDialog"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--demo", action="store_true", help="start on a demo database")
    parser.add_argument("--data-dir", help="database folder (instead of --demo)")
    parser.add_argument("--timeout", type=float, default=120.0, help="give up after S seconds")
    args = parser.parse_args(argv)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    config_dir = tempfile.TemporaryDirectory(prefix="oiso-probe-")
    os.environ.setdefault("OISO_CONFIG_DIR", config_dir.name)

    before_import = time.perf_counter()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    import oiso_desktop
    import oiso_desktop.gui.app  # noqa: F401  (timed here, used by app_main)
    from oiso_desktop.__main__ import main as app_main

    imported = time.perf_counter() - before_import

    app = QApplication.instance() or QApplication([sys.argv[0]])
    seen: dict[str, float] = {}

    def poll() -> None:
        for widget in QApplication.topLevelWidgets():
            if type(widget).__name__ == LOGIN_CLASS and widget.isVisible():
                seen["at"] = time.perf_counter() - STARTED
                timer.stop()
                widget.close()
                QTimer.singleShot(0, app.quit)
                return
        if time.perf_counter() - STARTED > args.timeout:
            print(f"TIMEOUT after {args.timeout:.0f} s", flush=True)
            os._exit(3)

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(poll)
    timer.start()

    app_args = ["--demo"] if args.demo else []
    if args.data_dir:
        app_args += ["--data-dir", args.data_dir]
    app_main(app_args)
    timer.stop()
    config_dir.cleanup()
    if "at" not in seen:
        print("LOGIN_NOT_SHOWN", flush=True)
        return 4
    print(f"LOGIN_SHOWN {seen['at']:.3f}", flush=True)
    print(f"IMPORTED {imported:.3f}", flush=True)
    print(f"MODULE {os.path.dirname(oiso_desktop.__file__)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
