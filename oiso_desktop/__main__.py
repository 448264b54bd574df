"""``oiso-desktop`` / ``python -m oiso_desktop``: the GUI, or an IT sub-command."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from oiso_desktop import APP_NAME, __version__


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    from oiso_desktop.cli import COMMANDS

    if args and args[0] in COMMANDS:
        from oiso_desktop import cli

        return cli.main(args)
    if args[:1] == ["--version"]:
        print(f"{APP_NAME} {__version__}")
        return 0
    if args[:1] in (["-h"], ["--help"]):
        from oiso_desktop.cli import build_parser

        build_parser().print_help()
        print(
            "\nSans commande, l'interface graphique démarre. Options : --demo (base de "
            "démonstration jetable), --lang fr|en, --data-dir DOSSIER."
        )
        return 0
    if args and not args[0].startswith("-"):
        # A word that is no command ("maintenance" before it exists, a typo) must
        # not silently start the graphical interface.
        known = ", ".join(sorted(COMMANDS))
        print(
            f"oiso-desktop : commande inconnue « {args[0]} » (commandes : {known}).",
            file=sys.stderr,
        )
        return 2
    # The GUI (--demo, --lang, --data-dir...) is imported only when needed: the
    # sub-commands run without Qt.
    from oiso_desktop.gui.app import main as gui_main

    return int(gui_main(args))


if __name__ == "__main__":
    sys.exit(main())
