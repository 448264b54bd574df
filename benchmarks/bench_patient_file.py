"""Opening a patient file: a family of 50 relatives with 10 saved revisions.

    python benchmarks/bench_patient_file.py [--runs 30] [--relatives 50] [--revisions 10]

A demo database (its accounts only; production argon2 parameters) gets one file
whose family — the sample family of 40 people grown to ``--relatives`` + 1 with
children of its living adults — is saved ``--revisions`` times through
``session.forms.save`` (each save a revision, a few more cancers each time),
with a personal history. Then, signed in as the practitioner
(who holds the clinical key), each run times what opening that file costs:

* **data load**: ``patients.get`` + ``forms.get`` (family, history) +
  ``forms.revisions`` (family): four units of work, the contents decrypted;
* **layout**: ``domain.pedigree_layout.layout``;
* **drawing**: ``domain.pedigree_drawing.pedigree_drawing`` (the operations both
  renderers draw, measured with the Qt fonts);
* **scene**: ``PedigreeView.set_family`` (layout + drawing + one item per person);
* **paint**: the scene rendered once into a QImage (offscreen);
* **first paint**: data load + scene + paint, the file's pedigree on screen.

And the layout (then the scene and its paint) of families of 275 people grown
at random like ``bench_pedigree.py``'s.
Targets: first paint under 150 ms, layout under 50 ms (medians).
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import random
import sys
import tempfile
import time
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
from bench_pedigree import grow  # noqa: E402

TARGET_FIRST_PAINT_MS = 150.0
TARGET_LAYOUT_MS = 50.0
SEED = 20250701
LARGE_SIZE = 275


def clinical_family(relatives: int, seed: int, today: date):
    """A valid family of ``relatives`` + 1 people, as a geneticist would have entered it:
    the sample family of 40 people (``domain.sample_families.large_family``: four
    generations, ages, cancers, tests) grown by the model's operations with children
    (and their other parent) of living adults, aged from their parent's age."""
    from oiso_desktop.domain.family import Age, Cancer, add_child, update_person
    from oiso_desktop.domain.family_checks import validate
    from oiso_desktop.domain.sample_families import large_family

    rng = random.Random(seed)
    family = large_family()
    while len(family.people) < relatives + 1:
        room = relatives + 1 - len(family.people)
        parents = [
            p
            for p in family.people
            if p.sex in ("F", "M")
            and not p.deceased
            and p.age.value is not None
            and p.age.value >= 30
            and (room >= 2 or len(family.partners_of(p.id)) == 1)
        ]
        parent = rng.choice(parents)
        partners = family.partners_of(parent.id)
        before = {p.id for p in family.people}
        family = add_child(
            family, parent.id, sex=rng.choice("FM"), partner_id=partners[0] if partners else None
        )
        assert parent.age.value is not None
        for new_id in [p.id for p in family.people if p.id not in before]:
            person = family.person(new_id)
            if new_id in family.partners_of(parent.id):  # the other parent, of about that age
                age = max(30, parent.age.value + rng.randint(-4, 4))
                changes: dict[str, Any] = {"age": Age.exact(age)}
            else:
                age = max(1, parent.age.value - rng.randint(24, 34))
                changes = {"age": Age.exact(age)}
                if age > 35 and rng.random() < 0.3:
                    site = "breast" if person.sex == "F" else "colorectal"
                    changes["cancers"] = (Cancer(site=site, age=Age.parse(f"~{age - 3}")),)
            family = update_person(family, dataclasses.replace(person, **changes))
    problems = validate(family, today)
    if problems:
        raise SystemExit(f"the generated family is not valid: {problems[0]}")
    return family


def revisions_of(family, count: int) -> list:
    """``count`` successive contents ending with ``family``: each save adds the cancers of a
    few more people (the first has none but the proband's)."""
    from oiso_desktop.domain.family import update_person

    affected = [p for p in family.people if p.cancers and not p.proband]
    steps = []
    for index in range(count):
        shown = set(p.id for p in affected[: len(affected) * index // max(1, count - 1)])
        content = family
        for person in affected:
            if person.id not in shown:
                content = update_person(content, dataclasses.replace(person, cancers=()))
        steps.append(content)
    steps[-1] = family
    return steps


def build_file(folder: Path, relatives: int, revisions: int) -> tuple[Any, int, Any]:
    """The demo accounts, one file, its family saved ``revisions`` times and its history."""
    from oiso_desktop.domain.patients import IdentityFields
    from oiso_desktop.domain.personal_history import HistoryCancer, PersonalHistory
    from oiso_desktop.services.auth_service import AuthService
    from oiso_desktop.services.demo import create_demo_database
    from oiso_desktop.services.secret_store import MemorySecretStore

    accounts = create_demo_database(folder, patients=0, families=False)
    session = AuthService(folder, secret_store=MemorySecretStore()).login(
        accounts.practitioner_login, accounts.practitioner_password
    )
    today = session.ctx.today()
    family = clinical_family(relatives, SEED, today)
    proband = family.proband
    assert proband is not None and proband.age.value is not None
    # The file agrees with the proband: a woman of the age entered.
    birth_date = date(today.year - proband.age.value - 1, today.month, 1)
    patient = session.patients.create(
        IdentityFields(
            birth_name="Mesure", first_names=proband.name, birth_date=birth_date, sex=proband.sex
        )
    )
    version = 0
    for content in revisions_of(family, revisions):
        version = session.forms.save(
            patient.id, "family", content, expected_version=version
        ).version
    history = PersonalHistory(
        cancers=tuple(HistoryCancer(site=c.site, age=c.age) for c in proband.cancers)
    )
    session.forms.save(patient.id, "history", history, expected_version=0)
    return session, patient.id, family


def fresh(family):
    """The same family as a new object, as decoded from the database: the indexes a Family
    builds on first use (children, people by id) are not there yet."""
    return dataclasses.replace(family)


def timed(runs: int, step: Callable[[], Any]) -> list[float]:
    step()  # warm-up (imports, caches, fonts)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        step()
        times.append(time.perf_counter() - started)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--relatives", type=int, default=50)
    parser.add_argument("--revisions", type=int, default=10)
    parser.add_argument("--large-families", type=int, default=5)
    parser.add_argument("--png", type=Path, default=None, help="save the pedigree painted")
    args = parser.parse_args(argv)
    config = isolate_user_config()

    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QApplication

    from oiso_desktop.domain.pedigree_drawing import pedigree_drawing
    from oiso_desktop.domain.pedigree_layout import layout
    from oiso_desktop.gui.i18n import install_translations
    from oiso_desktop.gui.pedigree_scene import PedigreeView, measure, pedigree_words
    from oiso_desktop.gui.style import apply_style

    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    apply_style(app)
    install_translations("fr")

    temp = tempfile.TemporaryDirectory(prefix="oiso-bench-file-")
    started = time.perf_counter()
    session, patient_id, family = build_file(
        Path(temp.name) / "base", args.relatives, args.revisions
    )
    build_s = time.perf_counter() - started
    today = session.ctx.today()
    forms = session.forms

    def load() -> Any:
        session.patients.get(patient_id)
        loaded = forms.get(patient_id, "family")
        forms.get(patient_id, "history")
        listed = forms.revisions(patient_id, "family")
        assert len(listed) == args.revisions
        return loaded.content

    assert load() == family
    words = pedigree_words()
    placed = layout(family, today=today)
    view = PedigreeView(today=today)
    view.resize(1100, 600)

    def scene() -> None:
        view.set_family(fresh(family))

    def paint() -> QImage:
        rect = view.pedigree_scene.sceneRect()
        image = QImage(int(rect.width()) + 1, int(rect.height()) + 1, QImage.Format.Format_ARGB32)
        image.fill(0xFFFFFFFF)
        painter = QPainter(image)
        painter.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
        )
        view.pedigree_scene.render(painter, target=image.rect().toRectF(), source=rect)
        painter.end()
        return image

    def first_paint() -> None:
        view.set_family(load())
        paint()

    from PySide6.QtCore import QEventLoop, QTimer

    from oiso_desktop.gui.patient_file_window import PatientFileWindow
    from oiso_desktop.gui.tasks import TaskRunner

    tasks = TaskRunner()

    def window_first_paint() -> None:
        """The real window: identity read, both forms read in the background, the Famille
        tab shown and painted (grab renders every visible widget once)."""
        window = PatientFileWindow(session, tasks, session.patients.get(patient_id))
        window.resize(1366, 740)
        loop = QEventLoop()
        window.sig_clinical_loaded.connect(loop.quit)
        QTimer.singleShot(10000, loop.quit)
        window.show()
        loop.exec()
        window.show_tab(window.family_editor)
        window.grab()
        window.discard_and_close()
        window.deleteLater()
        QApplication.processEvents()

    scene()
    image = paint()
    if args.png is not None:
        image.save(str(args.png))
    steps = {
        "data load": timed(args.runs, load),
        "layout": timed(args.runs, lambda: layout(fresh(family), today=today)),
        "drawing": timed(
            args.runs, lambda: pedigree_drawing(fresh(family), placed, measure, words)
        ),
        "scene": timed(args.runs, scene),
        "paint": timed(args.runs, paint),
        "first paint": timed(args.runs, first_paint),
        "window first paint": timed(max(5, args.runs // 3), window_first_paint),
    }
    tasks.shutdown(10000)
    session.logout()

    large_layout: list[float] = []
    large_scene: list[float] = []
    large_paint: list[float] = []
    for index in range(args.large_families):
        large = grow(LARGE_SIZE, SEED + index)
        large_layout += timed(
            max(3, args.runs // 3), lambda large=large: layout(fresh(large), today=today)
        )
        large_scene += timed(3, lambda large=large: view.set_family(fresh(large)))
        large_paint += timed(3, paint)
    temp.cleanup()
    config.cleanup()

    stats = {name: summary(times) for name, times in steps.items()}
    large = {
        "layout": summary(large_layout),
        "scene": summary(large_scene),
        "paint": summary(large_paint),
    }
    rows = [
        [name, s["runs"], s["median_ms"], s["p95_ms"], s["max_ms"]] for name, s in stats.items()
    ]
    rows += [
        [f"{LARGE_SIZE} people: {name}", s["runs"], s["median_ms"], s["p95_ms"], s["max_ms"]]
        for name, s in large.items()
    ]
    people = len(family.people)
    print_table(
        f"Opening a file: {people - 1} relatives, {args.revisions} revisions (ms)",
        ["step", "runs", "median", "p95", "max"],
        rows,
    )
    first = stats["first paint"]["median_ms"]
    layout_ms = max(stats["layout"]["median_ms"], large["layout"]["median_ms"])
    print(
        f"\nfirst paint {first} ms (target {TARGET_FIRST_PAINT_MS:.0f}): "
        f"{verdict(first, TARGET_FIRST_PAINT_MS)}; layout of {LARGE_SIZE} people "
        f"{large['layout']['median_ms']} ms (target {TARGET_LAYOUT_MS:.0f}): "
        f"{verdict(layout_ms, TARGET_LAYOUT_MS)}"
    )
    print(f"Build: demo accounts, the file and its {args.revisions} saves in {build_s:.1f} s")
    write_results(
        "bench_patient_file",
        {
            "relatives": people - 1,
            "revisions": args.revisions,
            "steps": stats,
            f"large_{LARGE_SIZE}": large,
            "image_px": [image.width(), image.height()],
            "targets": {
                "first_paint_median_ms": TARGET_FIRST_PAINT_MS,
                "layout_median_ms": TARGET_LAYOUT_MS,
            },
        },
    )
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
