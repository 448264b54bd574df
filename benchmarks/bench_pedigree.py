"""Pedigree layout of families of 275 people (the CanRisk maximum).

    python benchmarks/bench_pedigree.py [--families 10] [--runs 20] [--size 275]

Each family is grown from a proband by the model's own operations (parents,
siblings and twins, children, partners, now and then a marriage between cousins),
drawn at random with a fixed seed until it has ``--size`` people; then
``domain.pedigree_layout.layout`` runs ``--runs`` times on each.
Target: median under 50 ms, per family of 275 people.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import print_table, summary, verdict, write_results  # noqa: E402

TARGET_MEDIAN_MS = 50.0
SEED = 20250601
TODAY = date(2025, 6, 1)


def grow(size: int, seed: int):
    """A random family of exactly ``size`` people (or one less when only pairs fit)."""
    from oiso_desktop.domain.family import (
        Zygosity,
        add_child,
        add_parents,
        add_partner,
        add_sibling,
        new_family,
    )
    from oiso_desktop.domain.relationships import blood_relation

    chooser = random.Random(seed)
    family = new_family(sex="F", birth_year=1980)
    while len(family.people) < size:
        person = chooser.choice(family.people)
        room = size - len(family.people)
        step = chooser.randrange(7)
        try:
            if step == 0 and not person.has_parents and room >= 2:
                family = add_parents(family, person.id)
            elif step in (1, 2) and room >= 3:
                twin = chooser.choice([None] * 8 + [Zygosity.MZ, Zygosity.DZ])
                family = add_sibling(family, person.id, sex=chooser.choice("FM"), twin=twin)
            elif step in (3, 4) and person.sex in "FM" and room >= 2:
                partners = [
                    p for p in family.partners_of(person.id) if family.person(p).sex != person.sex
                ]
                partner = chooser.choice(partners) if partners else None
                family = add_child(family, person.id, sex=chooser.choice("FM"), partner_id=partner)
            elif step == 5 and room >= 1:
                family = add_partner(family, person.id)
            elif step == 6 and chooser.random() < 0.1 and person.sex in "FM":
                mine = blood_relation(family, person.id)
                cousins = [
                    other.id
                    for other in family.people
                    if other.sex not in (person.sex, "U")
                    and mine is not None
                    and (theirs := blood_relation(family, other.id)) is not None
                    and theirs[0] - theirs[1] == mine[0] - mine[1]
                    and family.partnership(person.id, other.id) is None
                    and other.id not in family.siblings_of(person.id)
                    and other.id != person.id
                ]
                if cousins:
                    family = add_partner(
                        family, person.id, partner_id=chooser.choice(cousins), consanguineous=True
                    )
        except ValueError:
            continue
        if room <= 1 and len(family.people) == size - 1:
            family = add_partner(family, family.people[0].id)
    return family


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--families", type=int, default=10)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--size", type=int, default=275)
    args = parser.parse_args()

    from oiso_desktop.domain.family_checks import validate
    from oiso_desktop.domain.pedigree_layout import layout

    timings: list[float] = []
    rows = []
    for index in range(args.families):
        family = grow(args.size, SEED + index)
        problems = validate(family, TODAY)
        if problems:
            raise SystemExit(f"generated family {index} is not valid: {problems[0]}")
        layout(family, today=TODAY)  # warm-up
        runs = []
        for _ in range(args.runs):
            start = time.perf_counter()
            placed = layout(family, today=TODAY)
            runs.append(time.perf_counter() - start)
        timings += runs
        stats = summary(runs)
        consanguineous = sum(p.consanguineous for p in placed.partnerships)
        rows.append(
            [index, len(family.people), placed.height, consanguineous, stats["median_ms"],
             stats["p95_ms"]]
        )  # fmt: skip
    print_table(
        f"layout(), families of {args.size} people",
        ["family", "people", "generations", "consanguineous couples", "median ms", "p95 ms"],
        rows,
    )
    overall = summary(timings)
    print(
        f"\nall runs: median {overall['median_ms']} ms, p95 {overall['p95_ms']} ms "
        f"(target median < {TARGET_MEDIAN_MS:.0f} ms: "
        f"{verdict(overall['median_ms'], TARGET_MEDIAN_MS)})"
    )
    write_results(
        "bench_pedigree",
        {
            "target_median_ms": TARGET_MEDIAN_MS,
            "size": args.size,
            "families": args.families,
            "runs_per_family": args.runs,
            "layout": overall,
            "per_family": [dict(zip(["family", "people", "generations", "consanguineous",
                                     "median_ms", "p95_ms"], row, strict=True)) for row in rows],
        },
    )  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
