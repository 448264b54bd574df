"""The four testing-indication scores on families of 275 people (the CanRisk maximum).

    python benchmarks/bench_scores.py [--families 10] [--runs 20] [--size 275]

Each family is grown as in ``bench_pedigree.py`` (same seeds), then given cancers:
about one person in three, with breast, ovarian, colorectal, endometrial, gastric,
prostate and pancreatic cancers at exact, approximate ("~45"), range ("40-49") and
unknown ages, and a few pathogenic BRCA1/BRCA2/MLH1 results; the patient has a
personal history with pathology (grade, receptors, MSI). ``domain.scores.
compute_scores`` (gathering the inputs, then Eisinger, Manchester, Amsterdam II
and revised Bethesda) runs ``--runs`` times on each family, from a fresh family
object each time (no cache survives between runs), then the French readings are
rendered once more apart, and the Scores tab itself is timed offscreen:
``ScoresPanel.set_inputs`` then ``refresh`` on a visible panel (scores computed,
the four cards rebuilt, laid out and painted), alternating two versions of the family so that every run redraws.
Target: median under 20 ms for the scores, per family of 275 people.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import random
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import print_table, summary, verdict, write_results  # noqa: E402
from bench_pedigree import SEED, grow  # noqa: E402

TARGET_MEDIAN_MS = 20.0
BIRTH_DATE = date(1980, 4, 12)
SITES = {
    "F": ("breast", "breast", "breast", "ovary", "colorectal", "endometrium", "stomach"),
    "M": ("colorectal", "prostate", "pancreas", "breast", "stomach"),
    "U": ("colorectal", "pancreas"),
}
AGES = ("29", "30", "38", "45", "49", "50", "58", "60", "67", "71", "~45", "~60", "40-49")


def with_cancers(family, seed: int):
    """The family with cancers and a few variants drawn for about a third of its people."""
    from oiso_desktop.domain.family import Age, Cancer, Family, GeneticResult, Receptors

    chooser = random.Random(seed)
    people = []
    for person in family.people:
        if person.proband or chooser.random() > 0.35:
            people.append(person)
            continue
        count = 2 if chooser.random() < 0.1 else 1
        cancers = tuple(
            Cancer(
                site=chooser.choice(SITES[person.sex]),
                age=Age.parse(chooser.choice(AGES + ("inconnu",))),
                histology=chooser.choice(("", "", "", "mucinous", "high_grade_serous")),
                receptors=Receptors(er=chooser.choice("NP ")),
                confirmed=chooser.random() < 0.5,
            )
            for _ in range(count)
        )
        cancers = tuple(
            dataclasses.replace(c, histology="") if c.site not in ("ovary", "colorectal") else c
            for c in cancers
        )
        results = ()
        if chooser.random() < 0.05:
            gene = chooser.choice(("BRCA1", "BRCA2", "MLH1"))
            results = (GeneticResult(gene=gene, result=chooser.choice(("P", "N", "VUS"))),)
        people.append(dataclasses.replace(person, cancers=cancers, genetic_results=results))
    return Family(people=tuple(people), partnerships=family.partnerships, twins=family.twins)


def patient_history():
    from oiso_desktop.domain.family import Age, Receptors
    from oiso_desktop.domain.personal_history import HistoryCancer, PersonalHistory

    return PersonalHistory(
        cancers=(
            HistoryCancer(
                site="breast",
                age=Age.exact(38),
                histology="ductal",
                grade=3,
                receptors=Receptors(er="N", pr="N", her2="N"),
                confirmed=True,
            ),
            HistoryCancer(site="colorectal", age=Age.parse("~44"), msi="msi"),
        )
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--families", type=int, default=10)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--size", type=int, default=275)
    args = parser.parse_args()

    from oiso_desktop.domain.family import Family
    from oiso_desktop.domain.scores import compute_scores, french

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from oiso_desktop.gui.i18n import install_translations
    from oiso_desktop.gui.scores_panel import ScoresPanel
    from oiso_desktop.gui.style import apply_style

    app = QApplication.instance() or QApplication([])
    apply_style(app)
    install_translations("fr")
    panel = ScoresPanel()
    panel.resize(1240, 600)
    panel.show()
    app.processEvents()
    panel_runs: list[float] = []

    history = patient_history()
    timings: list[float] = []
    readings: list[float] = []
    rows = []
    for index in range(args.families):
        family = with_cancers(grow(args.size, SEED + index), SEED + index)
        affected = sum(1 for p in family.people if p.cancers)

        def fresh(family=family):
            # A new Family object: its cached indexes (and the scores') start empty.
            return Family(family.people, family.partnerships, family.twins)

        compute_scores(history, fresh(), birth_date=BIRTH_DATE, sex="F")  # warm-up
        runs = []
        for _ in range(args.runs):
            subject = fresh()
            start = time.perf_counter()
            scores = compute_scores(history, subject, birth_date=BIRTH_DATE, sex="F")
            runs.append(time.perf_counter() - start)
        dropped = {p.id for p in family.people if p.cancers and not p.proband}
        dropped = set(sorted(dropped)[:3])
        changed = Family(
            tuple(dataclasses.replace(p, cancers=()) if p.id in dropped else p
                  for p in family.people),
            family.partnerships,
            family.twins,
        )  # three relatives' cancers fewer: every card changes  # fmt: skip
        for run in range(args.runs):
            start = time.perf_counter()
            panel.set_inputs(
                history, fresh(family if run % 2 else changed), birth_date=BIRTH_DATE, sex="F"
            )
            panel.refresh()  # at once, without the pause that coalesces edits
            app.processEvents()  # layout and paint: the UI thread's whole work
            panel_runs.append(time.perf_counter() - start)
        start = time.perf_counter()
        texts = [
            french(phrase, scores.family)
            for result in (scores.eisinger, scores.manchester, scores.amsterdam, scores.bethesda)
            for phrase in result.reading
        ]
        readings.append(time.perf_counter() - start)
        timings += runs
        stats = summary(runs)
        rows.append(
            [index, len(family.people), affected, len(scores.inputs.cases),
             scores.eisinger.status.value, scores.manchester.status.value,
             scores.amsterdam.status.value, scores.bethesda.status.value, len(texts),
             stats["median_ms"], stats["p95_ms"]]
        )  # fmt: skip
    print_table(
        f"compute_scores(), families of {args.size} people",
        ["family", "people", "affected", "cancers", "Eisinger", "Manchester", "Amsterdam",
         "Bethesda", "phrases", "median ms", "p95 ms"],
        rows,
    )  # fmt: skip
    overall = summary(timings)
    reading = summary(readings)
    shown = summary(panel_runs)
    print(
        f"\nall runs: median {overall['median_ms']} ms, p95 {overall['p95_ms']} ms "
        f"(target median < {TARGET_MEDIAN_MS:.0f} ms: "
        f"{verdict(overall['median_ms'], TARGET_MEDIAN_MS)}); French readings: median "
        f"{reading['median_ms']} ms\nScores tab redrawn (set_inputs, refresh, layout, paint): "
        f"median {shown['median_ms']} ms, p95 {shown['p95_ms']} ms"
    )
    write_results(
        "bench_scores",
        {
            "target_median_ms": TARGET_MEDIAN_MS,
            "size": args.size,
            "families": args.families,
            "runs_per_family": args.runs,
            "scores": overall,
            "readings": reading,
            "panel": shown,
            "per_family": [dict(zip(["family", "people", "affected", "cancers", "eisinger",
                                     "manchester", "amsterdam", "bethesda", "phrases",
                                     "median_ms", "p95_ms"], row, strict=True)) for row in rows],
        },
    )  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
