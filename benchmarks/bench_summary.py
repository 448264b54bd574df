"""The patient summary PDF with its pedigree, for families of 40 and of 275 people.

    python benchmarks/bench_summary.py [--runs 10] [--families 3]

A demo database (its accounts only; production argon2 parameters) gets patient files
saved through ``session.forms`` by the practitioner holding the clinical key, each with
a personal history (a triple-negative breast cancer, a colorectal cancer), a genetics
form (a panel, a BRCA2 class 5 variant, a PALB2 class 3 variant, a consent) and a family:

* the 40-person sample family (``domain.sample_families.large_family``): its pedigree
  takes one landscape page;
* ``--families`` random families of 275 people (the CanRisk maximum) grown as in
  ``bench_pedigree.py`` and given cancers as in ``bench_scores.py`` (kept only where the
  family checks accept them): their pedigree is split into parts to assemble.

Each run times:

* **render**: ``summary_service.file_scores`` and ``render_patient_summary`` on the
  contents in memory (the report alone: scores, layout, drawing, reportlab);
* **build**: ``session.summaries.build`` — the identity and the three forms read and
  decrypted in a read transaction, the scores, the PDF, the ``patient_summary_created``
  event in its own write (what the preview waits for);
* **first page**: pdfium opening the bytes in memory and rendering page 1 at the
  preview's width (760 px), as the viewer does.

Target: build under 500 ms (median) for each family.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
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
from bench_pedigree import SEED, grow  # noqa: E402
from bench_scores import with_cancers  # noqa: E402

TARGET_BUILD_MS = 500.0
PREVIEW_WIDTH = 760
BIRTH_DATE = date(1980, 4, 12)


def timed(runs: int, step: Callable[[], Any]) -> list[float]:
    step()  # warm-up
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        step()
        times.append(time.perf_counter() - started)
    return times


def checked(family, today: date):
    """``family`` without the cancers the family checks refuse (random draws may give a
    breast marker on a colon, an age above the person's)."""
    from oiso_desktop.domain.family import Receptors
    from oiso_desktop.domain.family_checks import validate

    people = []
    for person in family.people:
        cancers = tuple(
            dataclasses.replace(
                cancer,
                receptors=cancer.receptors
                if cancer.site in ("breast", "contralateral_breast")
                and all(v in ("", "N", "P") for v in cancer.receptors.values())
                else Receptors(),
            )
            for cancer in person.cancers
        )
        people.append(dataclasses.replace(person, cancers=cancers))
    family = dataclasses.replace(family, people=tuple(people))
    for _ in range(5):
        refused = {problem.params.get("person_id") for problem in validate(family, today)}
        if not refused:
            return family
        family = dataclasses.replace(
            family,
            people=tuple(
                dataclasses.replace(p, cancers=()) if p.id in refused else p for p in family.people
            ),
        )
    raise SystemExit("the random family does not pass the family checks")


def contents():
    """The history and genetics forms every file gets."""
    from oiso_desktop.domain.family import Age, Receptors
    from oiso_desktop.domain.genetics import Consent, Genetics, GeneticTest, Variant
    from oiso_desktop.domain.personal_history import (
        HistoryCancer,
        PersonalHistory,
        RiskReducingSurgery,
    )

    history = PersonalHistory(
        cancers=(
            HistoryCancer(
                site="breast",
                laterality="left",
                age=Age.exact(38),
                histology="ductal",
                grade=3,
                receptors=Receptors(er="N", pr="N", her2="N"),
                confirmed=True,
            ),
            HistoryCancer(site="colorectal", age=Age.exact(44), msi="msi"),
        ),
        surgeries=(RiskReducingSurgery(kind="mastectomy", side="right", age=Age.exact(39)),),
    )
    genetics = Genetics(
        tests=(
            GeneticTest(
                id="t1",
                kind="panel",
                date=date(2020, 3, 12),
                laboratory="Laboratoire de génétique",
                genes=("BRCA1", "BRCA2", "PALB2", "MLH1", "MSH2"),
                status="result_received",
            ),
        ),
        variants=(
            Variant(
                gene="BRCA2",
                hgvs_c="c.5946del",
                hgvs_p="p.(Ser1982Argfs*22)",
                acmg_class=5,
                test_id="t1",
            ),
            Variant(gene="PALB2", hgvs_c="c.1676A>G", acmg_class=3, test_id="t1"),
        ),
        consents=(Consent(date=date(2020, 3, 1)),),
    )
    return history, genetics


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--families", type=int, default=3)
    args = parser.parse_args(argv)
    config = isolate_user_config()

    from oiso_desktop.domain.family import Age
    from oiso_desktop.domain.patients import IdentityFields
    from oiso_desktop.domain.sample_families import large_family
    from oiso_desktop.reports.patient_summary_pdf import render_patient_summary
    from oiso_desktop.services.auth_service import AuthService
    from oiso_desktop.services.demo import create_demo_database
    from oiso_desktop.services.pdf_pages import PdfPages
    from oiso_desktop.services.secret_store import MemorySecretStore

    temp = tempfile.TemporaryDirectory(prefix="oiso-bench-summary-")
    folder = Path(temp.name) / "base"
    accounts = create_demo_database(folder, patients=0, families=False)
    session = AuthService(folder, secret_store=MemorySecretStore()).login(
        accounts.practitioner_login, accounts.practitioner_password
    )
    today = session.ctx.today()
    history, genetics = contents()
    families = [("sample family, 40 people", large_family())]
    families += [
        (f"random family {index + 1}, 275 people", with_cancers(grow(275, SEED + index), SEED))
        for index in range(args.families)
    ]

    rows = []
    results = []
    for label, family in families:
        family = checked(family, today)
        proband = family.proband
        assert proband is not None
        family = dataclasses.replace(
            family,
            people=tuple(
                dataclasses.replace(p, sex="F", birth_year=BIRTH_DATE.year, age=Age())
                if p.id == proband.id
                else p
                for p in family.people
            ),
        )
        patient = session.patients.create(
            IdentityFields(
                birth_name="MESURE",
                first_names="Anne",
                birth_date=BIRTH_DATE,
                sex="F",
            ),
            confirm_duplicates=True,
        )
        session.forms.save(patient.id, "family", family, expected_version=0)
        session.forms.save(patient.id, "history", history, expected_version=0)
        session.forms.save(patient.id, "genetics", genetics, expected_version=0)
        # the contents as the service reads them, for timing the report alone
        summary_data = session.summaries._summary(patient.id)
        pdf = session.summaries.build(patient.id)
        probe = PdfPages(pdf)
        sizes = [probe.page_size(i) for i in range(probe.page_count)]
        probe.close()
        landscape = sum(1 for width, height in sizes if width > height)
        scale = PREVIEW_WIDTH / sizes[0][0]

        def render(data=summary_data) -> bytes:
            from oiso_desktop.services.summary_service import file_scores

            scores = file_scores(
                data.history,
                data.family,
                data.genetics,
                birth_date=data.identity.birth_date,
                sex=data.identity.sex,
            )
            return render_patient_summary(dataclasses.replace(data, scores=scores))

        def first_page(data=pdf, scale=scale) -> None:
            pages = PdfPages(data)
            pages.render(0, scale)
            pages.close()

        steps = {
            "render (scores + PDF)": timed(args.runs, render),
            "build (read, decrypt, scores, PDF, event)": timed(
                args.runs, lambda pid=patient.id: session.summaries.build(pid)
            ),
            "first page in the preview": timed(args.runs, first_page),
        }
        stats = {name: summary(times) for name, times in steps.items()}
        affected = sum(1 for p in family.people if p.cancers)
        for name, s in stats.items():
            rows.append(
                [label, name, len(sizes), landscape, s["median_ms"], s["p95_ms"], s["max_ms"]]
            )
        results.append(
            {
                "family": label,
                "people": len(family.people),
                "affected": affected,
                "pages": len(sizes),
                "landscape_pages": landscape,
                "pdf_bytes": len(pdf),
                "steps": stats,
            }
        )
    session.logout()
    temp.cleanup()
    config.cleanup()

    print_table(
        "Patient summary PDF (ms)",
        ["family", "step", "pages", "landscape", "median", "p95", "max"],
        rows,
    )
    worst = max(
        r["steps"]["build (read, decrypt, scores, PDF, event)"]["median_ms"] for r in results
    )
    print(
        f"\nslowest build median {worst} ms (target {TARGET_BUILD_MS:.0f}): "
        f"{verdict(worst, TARGET_BUILD_MS)}"
    )
    write_results(
        "bench_summary",
        {
            "runs": args.runs,
            "families": results,
            "targets": {"build_median_ms": TARGET_BUILD_MS},
        },
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
