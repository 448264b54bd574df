"""Entry script of the frozen application (PyInstaller): same as ``oiso-desktop``."""

import multiprocessing
import sys

from oiso_desktop.__main__ import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
