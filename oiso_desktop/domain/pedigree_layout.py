"""Pedigree layout: where each symbol and line goes, in grid units. Pure, no Qt.

:func:`layout` places the family once; the Qt scene and the reportlab PDF draw the
same :class:`Layout` (Bennett et al., NSGC nomenclature): generations top-down
(Roman numerals), sibships in birth order, partners side by side with the children
below them, twins joined at one point of the sibship line (a bar for monozygotic
twins), consanguineous couples with a double line.

Coordinates: ``x`` in symbol slots (adjacent symbols are 1 apart), ``y`` the
generation (0 at the top); a symbol is centred on its point; the sibship line of
generation g is at ``y = g - 0.5``. Guarantees (tests/domain/test_pedigree_layout.py):
no two symbols of a generation closer than 1, and the sibship lines of one level
(each extended to its descent point) never overlap, so lines of descent never
cross a sibship line.

How: the family is walked from the proband as a tree of person blocks — a person,
their partners and descendants, then their ancestry above (parents, siblings) —
and blocks are packed side by side so that their outlines (per generation and per
sibship-line level) never meet. The child through whom a sibship connects to a
partner sits at the end of the sibship nearer that partner (the one exception to
birth order). A partner who has parents in the family, reached from their partner's
side, is drawn within their own sibship instead, joined by a longer partnership
line; so are couples closing a loop (consanguinity).
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType

from oiso_desktop.domain.family import Adoption, Family, Person, Zygosity

__all__ = [
    "GAP",
    "Layout",
    "PartnerLine",
    "PlacedPerson",
    "Segment",
    "SibshipLine",
    "TwinMark",
    "layout",
    "roman",
]

GAP = 1.0  # between two symbols, or two sibship lines, of one level
NO_LIMIT = float("-inf")


@dataclass(frozen=True)
class PlacedPerson:
    person_id: str
    x: float
    generation: int  # 0 = top row = generation I
    number: int  # 1.. from left to right within the generation

    @property
    def y(self) -> float:
        return float(self.generation)

    @property
    def label(self) -> str:
        """ "II-3": the standard individual number."""
        return f"{roman(self.generation + 1)}-{self.number}"


@dataclass(frozen=True)
class PartnerLine:
    first: str
    second: str
    consanguineous: bool  # flagged, or the partners share an ancestor: a double line
    x1: float
    y1: float
    x2: float
    y2: float


@dataclass(frozen=True)
class SibshipLine:
    """Children of one couple: the horizontal line above them and the line of descent."""

    parents: tuple[str, str]
    children: tuple[str, ...]  # left to right
    y: float  # the sibship line (generation of the children - 0.5)
    x_left: float  # the line spans the children and the descent point
    x_right: float
    descent_x: float  # the line of descent from the partnership line...
    descent_y: float  # ...starting at the parents' row
    # Children drawn elsewhere (a loop of the family): a line from the descent point.
    remote_children: tuple[str, ...] = ()


@dataclass(frozen=True)
class TwinMark:
    """Twins hang from one apex on the sibship line; MZ twins get a bar between the lines."""

    members: tuple[str, ...]
    zygosity: Zygosity
    apex_x: float
    apex_y: float
    bar: tuple[float, float, float, float] | None  # (x1, y1, x2, y2) for MZ


@dataclass(frozen=True)
class Segment:
    """A straight line for a renderer. ``kind``: partner, partner_double, descent, sibship,
    child, child_adopted (dashed), child_remote (a child drawn away from the sibship),
    twin, twin_bar."""

    x1: float
    y1: float
    x2: float
    y2: float
    kind: str


@dataclass(frozen=True)
class Layout:
    people: Mapping[str, PlacedPerson]
    generations: tuple[tuple[str, ...], ...]  # per generation, ids from left to right
    partnerships: tuple[PartnerLine, ...]
    sibships: tuple[SibshipLine, ...]
    twins: tuple[TwinMark, ...]
    width: float  # largest x (the smallest is 0)
    height: int  # number of generations

    def segments(self) -> list[Segment]:
        """Every line to draw (symbols are drawn on top, centred on their points)."""
        lines: list[Segment] = []
        for partner in self.partnerships:
            kind = "partner_double" if partner.consanguineous else "partner"
            lines.append(Segment(partner.x1, partner.y1, partner.x2, partner.y2, kind))
        twin_of = {m: t for t in self.twins for m in t.members}
        for sibship in self.sibships:
            lines.append(
                Segment(
                    sibship.descent_x, sibship.descent_y, sibship.descent_x, sibship.y, "descent"
                )
            )
            if sibship.x_right > sibship.x_left:
                lines.append(
                    Segment(sibship.x_left, sibship.y, sibship.x_right, sibship.y, "sibship")
                )
            for child_id in sibship.children:
                child = self.people[child_id]
                twin = twin_of.get(child_id)
                kind = "child_adopted" if child_id in self._adopted_in else "child"
                if twin is not None:
                    lines.append(Segment(twin.apex_x, twin.apex_y, child.x, child.y, "twin"))
                else:
                    lines.append(Segment(child.x, sibship.y, child.x, child.y, kind))
            for child_id in sibship.remote_children:
                child = self.people[child_id]
                lines.append(
                    Segment(sibship.descent_x, sibship.y, child.x, child.y, "child_remote")
                )
        for twin in self.twins:
            if twin.bar is not None:
                lines.append(Segment(*twin.bar, "twin_bar"))
        return lines

    _adopted_in: frozenset[str] = field(default=frozenset(), repr=False)


def roman(number: int) -> str:
    """1 -> "I", 4 -> "IV", 14 -> "XIV"."""
    values: tuple[tuple[int, str], ...] = (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    )  # fmt: skip
    text = ""
    for value, letters in values:
        while number >= value:
            text += letters
            number -= value
    return text


# --- the family as couples ("units") ---------------------------------------------------


@dataclass
class _Unit:
    key: frozenset[str]
    left: str  # the father (or first partner): drawn on the left
    right: str
    children: list[str] = field(default_factory=list)
    consanguineous: bool = False


@dataclass
class _Block:
    """Relative positions of people (and reserved phantom slots) and the outline per level.

    Level 2g is the row of generation g; level 2g - 1 the sibship lines above it.
    """

    xs: dict[str, float]
    hull: dict[int, list[float]]

    def shift(self, dx: float) -> None:
        if dx:
            for key in self.xs:
                self.xs[key] += dx
            for bounds in self.hull.values():
                bounds[0] += dx
                bounds[1] += dx

    def add(self, level: int, low: float, high: float) -> None:
        bounds = self.hull.get(level)
        if bounds is None:
            self.hull[level] = [low, high]
        else:
            bounds[0] = min(bounds[0], low)
            bounds[1] = max(bounds[1], high)

    def absorb(self, other: _Block) -> None:
        self.xs.update(other.xs)
        for level, (low, high) in other.hull.items():
            self.add(level, low, high)

    def clearance(self, other: _Block) -> float:
        """The shift that puts ``other`` GAP to the right of this block at every shared level."""
        needed = NO_LIMIT
        for level, (low, _) in other.hull.items():
            mine = self.hull.get(level)
            if mine is not None:
                needed = max(needed, mine[1] + GAP - low)
        return needed


class _Placer:
    def __init__(self, family: Family, today: date) -> None:
        self.family = family
        self.today = today
        self.people = {p.id: p for p in family.people}
        self.units: dict[frozenset[str], _Unit] = {}
        self.child_of: dict[str, _Unit] = {}
        self.partner_units: dict[str, list[_Unit]] = {p.id: [] for p in family.people}
        self._build_units()
        self.gen = self._generations()
        self.visited_people: set[str] = set()
        self.visited_units: set[frozenset[str]] = set()
        self.deferred: list[tuple[str, _Unit]] = []
        self.descent: dict[frozenset[str], tuple[str, str]] = {}  # unit -> (left, right) keys
        self.placed_children: dict[frozenset[str], list[str]] = {}
        self.order_key = self._birth_order_keys()
        self._phantoms = 0

    # -- structure
    def _unit(self, a: str, b: str) -> _Unit:
        key = frozenset((a, b))
        unit = self.units.get(key)
        if unit is None:
            first, second = a, b
            if self.people[a].sex == "F" and self.people[b].sex != "F":
                first, second = b, a
            unit = self.units[key] = _Unit(key, first, second)
            self.partner_units[a].append(unit)
            self.partner_units[b].append(unit)
        return unit

    def _build_units(self) -> None:
        for person in self.family.people:
            father, mother = person.father_id, person.mother_id
            if (
                father in self.people
                and mother in self.people
                and father != mother
                and person.id not in (father, mother)
            ):
                assert father is not None and mother is not None
                unit = self._unit(father, mother)
                unit.left, unit.right = father, mother
                unit.children.append(person.id)
                self.child_of[person.id] = unit
        for partnership in self.family.partnerships:
            a, b = partnership.first, partnership.second
            if a in self.people and b in self.people and a != b:
                unit = self._unit(a, b)
                unit.consanguineous |= partnership.consanguineous

    def _generations(self) -> dict[str, int]:
        gen = dict.fromkeys(self.people, 0)
        founders = {p for p in self.people if p not in self.child_of}
        limit = 4 * len(self.people) + 10  # a loop of parents (an invalid family) stops here
        for _ in range(limit):
            changed = False
            for child, unit in self.child_of.items():
                wanted = max(gen[unit.left], gen[unit.right]) + 1
                if gen[child] < wanted:
                    gen[child] = wanted
                    changed = True
            for unit in self.units.values():
                for one, other in ((unit.left, unit.right), (unit.right, unit.left)):
                    if one in founders and gen[one] < gen[other]:
                        gen[one] = gen[other]
                        changed = True
                if unit.children:
                    wanted = min(gen[c] for c in unit.children) - 1
                    for parent in (unit.left, unit.right):
                        if parent in founders and gen[parent] < wanted:
                            gen[parent] = wanted
                            changed = True
            if not changed:
                break
        top = min(gen.values(), default=0)
        return {p: g - top for p, g in gen.items()}

    def _birth_order_keys(self) -> dict[str, int]:
        keys: dict[str, int] = {}
        for person in self.family.people:
            year = _birth_year_estimate(person, self.today)
            if year is not None:
                keys[person.id] = year
        return keys

    # -- blocks
    def _single(self, person_id: str) -> _Block:
        level = 2 * self.gen[person_id]
        return _Block({person_id: 0.0}, {level: [0.0, 0.0]})

    def _phantom(self, level: int) -> tuple[_Block, str]:
        self._phantoms += 1
        key = f"#phantom{self._phantoms}"
        return _Block({key: 0.0}, {level: [0.0, 0.0]}), key

    def _ordered_children(self, unit: _Unit, entry: str | None, facing: str | None) -> list[str]:
        children = [c for c in unit.children if c == entry or c not in self.visited_people]
        # Known birth years (or ages) in order, in the places they occupy; the others
        # keep their place in the order of entry.
        dated = sorted((c for c in children if c in self.order_key), key=self.order_key.__getitem__)
        slots = iter(dated)
        children = [next(slots) if c in self.order_key else c for c in children]
        ordered: list[str] = []
        for child in children:
            if child in ordered:
                continue
            group = self.family.twin_group_of(child)
            members = [m for m in children if group and m in group.members] or [child]
            ordered.extend(m for m in members if m not in ordered)
        if entry is not None and facing is not None:
            group = self.family.twin_group_of(entry)
            # The entry ends the sibship on the partner's side, its twins beside it.
            twins = [c for c in ordered if c != entry and group and c in group.members]
            rest = [c for c in ordered if c != entry and c not in twins]
            ordered = [*rest, *twins, entry] if facing == "right" else [entry, *twins, *rest]
        return ordered

    def _partner_side(self, child: str, ordered: list[str]) -> str | None:
        """Which way a child of a sibship faces: partners go to the outside, so that twins
        stay side by side and the first child's partner is not drawn among the siblings."""
        group = self.family.twin_group_of(child)
        members = [c for c in ordered if group is not None and c in group.members]
        if len(members) >= 2:
            if child not in (members[0], members[-1]):
                return None
            return "right" if child == members[0] else "left"
        if len(ordered) > 1 and child == ordered[0]:
            return "right"  # its partners on its left
        return None

    def _children_block(
        self, unit: _Unit, entry: str | None, entry_block: _Block | None, facing: str | None
    ) -> tuple[_Block | None, list[str]]:
        ordered = self._ordered_children(unit, entry, facing)
        # The whole sibship is claimed before any child's block is built: a sibling
        # reached meanwhile as the partner of an earlier sibling's descendant (or of that
        # sibling) gets a reserved slot there and is drawn here, once.
        self.visited_people.update(ordered)
        block: _Block | None = None
        for child in ordered:
            if child == entry:
                assert entry_block is not None
                child_block = entry_block
            else:
                child_block = self.person_block(child, unit, self._partner_side(child, ordered))
            if block is None:
                block = child_block
            else:
                child_block.shift(block.clearance(child_block))
                block.absorb(child_block)
        if block is not None and ordered:
            xs = [block.xs[c] for c in ordered]
            block.add(2 * min(self.gen[c] for c in ordered) - 1, min(xs), max(xs))
        return block, ordered

    def _couple(
        self,
        unit: _Unit,
        left: _Block,
        left_key: str,
        children: _Block | None,
        ordered: list[str],
        right: _Block,
        right_key: str,
    ) -> _Block:
        """Left partner's block, the children below, the right partner's block.

        The children clear the left block; the right block clears both, far enough for
        the descent point (middle of the partners) to sit above the children and
        between the two sides' sibship lines; then the children are centred under
        the descent point as far as the right block allows.
        """
        combined = left
        lx = combined.xs[left_key]
        rx0 = right.xs[right_key]
        wanted = [lx + GAP - rx0]
        level = 2 * min(self.gen[c] for c in ordered) - 1 if ordered else 0
        if children is not None:
            start = combined.clearance(children)
            if start == NO_LIMIT:
                start = lx - _centre(children, ordered)
            children.shift(start)
            wanted.append(_union(combined, children).clearance(right))
            if level in combined.hull:
                wanted.append(2 * (combined.hull[level][1] + GAP) - lx - rx0)
            if level in right.hull:
                wanted.append(lx + rx0 - 2 * right.hull[level][0] + 2 * GAP)
            wanted.append(2 * _centre(children, ordered) - lx - rx0)
        else:
            wanted.append(combined.clearance(right))
        right.shift(max(w for w in wanted if w != NO_LIMIT))
        mid = (lx + right.xs[right_key]) / 2
        if children is not None:
            move = min(max(mid - _centre(children, ordered), 0.0), _room(children, right))
            children.shift(move)
            xs = [children.xs[c] for c in ordered]
            combined.absorb(children)
            combined.add(level, min(min(xs), mid), max(max(xs), mid))
        combined.absorb(right)
        self.descent[unit.key] = (left_key, right_key)
        self.placed_children[unit.key] = list(ordered)
        return combined

    def _partner_block(self, unit: _Unit, partner: str, facing: str) -> tuple[_Block, str]:
        """The partner's block facing the person, or a reserved slot if drawn elsewhere."""
        level = 2 * self.gen[partner]
        if partner in self.visited_people:
            return self._phantom(level)
        if partner in self.child_of and self.child_of[partner].key not in self.visited_units:
            self.deferred.append((partner, unit))
            return self._phantom(level)
        self.visited_people.add(partner)
        return self.person_block(partner, unit, facing), partner

    def own_block(self, person_id: str, exclude: _Unit | None, facing: str | None) -> _Block:
        """The person with their partners and descendants (not their ancestry)."""
        block = self._single(person_id)
        units = [
            u
            for u in self.partner_units[person_id]
            if u is not exclude and u.key not in self.visited_units
        ]
        for index, unit in enumerate(units):
            if unit.key in self.visited_units:
                continue  # reached meanwhile through a loop
            self.visited_units.add(unit.key)
            if facing == "right":
                side = "left"
            elif facing == "left":
                side = "right"
            else:
                side = "right" if index % 2 == 0 else "left"
            partner = unit.right if unit.left == person_id else unit.left
            children, ordered = self._children_block(unit, None, None, None)
            if side == "right":
                other, key = self._partner_block(unit, partner, "left")
                block = self._couple(unit, block, person_id, children, ordered, other, key)
            else:
                other, key = self._partner_block(unit, partner, "right")
                block = self._couple(unit, other, key, children, ordered, block, person_id)
        return block

    def person_block(self, person_id: str, via: _Unit | None, facing: str | None) -> _Block:
        """The person's block away from ``via``: own block, then their ancestry above it."""
        unit = self.child_of.get(person_id)
        own_facing = facing
        if via is None and facing is None and unit is not None:
            siblings = self._ordered_children(unit, person_id, None)
            own_facing = self._partner_side(person_id, siblings)
        own = self.own_block(person_id, via, own_facing)
        if unit is None or unit is via or unit.key in self.visited_units:
            return own
        return self.ancestry_block(unit, person_id, own, facing)

    def ancestry_block(
        self, unit: _Unit, entry: str, entry_block: _Block, facing: str | None
    ) -> _Block:
        self.visited_units.add(unit.key)
        children, ordered = self._children_block(unit, entry, entry_block, facing)
        blocks: list[tuple[_Block, str]] = []
        for parent, parent_facing in ((unit.left, "right"), (unit.right, "left")):
            if parent in self.visited_people:
                blocks.append(self._phantom(2 * self.gen[parent]))
            else:
                self.visited_people.add(parent)
                blocks.append((self.person_block(parent, unit, parent_facing), parent))
        (left, left_key), (right, right_key) = blocks
        return self._couple(unit, left, left_key, children, ordered, right, right_key)


def _union(a: _Block, b: _Block) -> _Block:
    merged = _Block(dict(a.xs), {level: list(bounds) for level, bounds in a.hull.items()})
    merged.absorb(b)
    return merged


def _room(block: _Block, right: _Block) -> float:
    """How far ``block`` may move right and stay GAP left of ``right`` at every shared level."""
    room = float("inf")
    for level, (_, high) in block.hull.items():
        theirs = right.hull.get(level)
        if theirs is not None:
            room = min(room, theirs[0] - GAP - high)
    return max(room, 0.0)


def _centre(block: _Block, ordered: list[str]) -> float:
    return (block.xs[ordered[0]] + block.xs[ordered[-1]]) / 2


def _birth_year_estimate(person: Person, today: date) -> int | None:
    if person.birth_year is not None:
        return person.birth_year
    if not person.deceased and person.age.value is not None:
        return today.year - person.age.value
    return None


def _ancestors(family: Family, person_id: str) -> set[str]:
    found: set[str] = set()
    todo = [person_id]
    while todo:
        person = family.get(todo.pop())
        if person is None:
            continue
        for parent in (person.father_id, person.mother_id):
            if parent is not None and parent not in found and family.get(parent) is not None:
                found.add(parent)
                todo.append(parent)
    return found


def layout(family: Family, *, today: date | None = None) -> Layout:
    """Place every person of ``family`` (see the module documentation).

    ``today`` orders siblings known only by their age (default: the current date).
    """
    today = today or date.today()
    try:
        return _layout(family, today)
    except RecursionError:
        # The walk recurses a few frames per generation: only a chain of hundreds of
        # generations (never a real family) gets here.
        limit = sys.getrecursionlimit()
        sys.setrecursionlimit(max(limit, 1000 + 16 * len(family.people)))
        try:
            return _layout(family, today)
        finally:
            sys.setrecursionlimit(limit)


def _layout(family: Family, today: date) -> Layout:
    placer = _Placer(family, today)
    proband = family.proband
    start = [proband.id] if proband is not None else []
    start += [p.id for p in family.people if p.id not in start]
    whole: _Block | None = None

    def place(block: _Block) -> None:
        nonlocal whole
        if whole is None:
            whole = block
        else:
            block.shift(whole.clearance(block))
            whole.absorb(block)

    for person_id in start:
        if person_id in placer.visited_people:
            continue
        placer.visited_people.add(person_id)
        place(placer.person_block(person_id, None, None))
        while placer.deferred:
            partner, unit = placer.deferred.pop(0)
            if partner in placer.visited_people:
                continue
            placer.visited_people.add(partner)
            place(placer.person_block(partner, unit, "left"))
    return _assemble(placer, whole)


def _assemble(placer: _Placer, whole: _Block | None) -> Layout:
    family = placer.family
    xs = {k: v for k, v in (whole.xs.items() if whole else ()) if not k.startswith("#")}
    phantoms = {k: v for k, v in (whole.xs.items() if whole else ()) if k.startswith("#")}
    left_edge = min(xs.values(), default=0.0)
    xs = {k: v - left_edge for k, v in xs.items()}
    phantoms = {k: v - left_edge for k, v in phantoms.items()}
    gen = placer.gen
    rows: dict[int, list[str]] = {}
    for person_id in xs:
        rows.setdefault(gen[person_id], []).append(person_id)
    height = max(rows, default=-1) + 1
    generations = tuple(tuple(sorted(rows.get(g, []), key=lambda p: xs[p])) for g in range(height))
    people = {
        person_id: PlacedPerson(person_id, xs[person_id], g, number)
        for g, row in enumerate(generations)
        for number, person_id in enumerate(row, start=1)
    }
    ancestors: dict[str, set[str]] = {}

    def related(a: str, b: str) -> bool:
        for p in (a, b):
            if p not in ancestors:
                ancestors[p] = _ancestors(family, p) | {p}
        return bool(ancestors[a] & ancestors[b])

    partnerships = tuple(
        PartnerLine(
            unit.left,
            unit.right,
            unit.consanguineous or related(unit.left, unit.right),
            xs[unit.left],
            float(gen[unit.left]),
            xs[unit.right],
            float(gen[unit.right]),
        )
        for unit in placer.units.values()
    )
    sibships: list[SibshipLine] = []
    twins: list[TwinMark] = []
    where = {**xs, **phantoms}
    for unit in placer.units.values():
        if not unit.children:
            continue
        placed = placer.placed_children.get(unit.key, [])
        children = tuple(sorted(placed, key=lambda c: xs[c]))
        remote = tuple(c for c in unit.children if c not in placed)
        left_key, right_key = placer.descent.get(unit.key, (unit.left, unit.right))
        descent_x = (where[left_key] + where[right_key]) / 2
        y = min(gen[c] for c in unit.children) - 0.5
        child_xs = [xs[c] for c in children] or [descent_x]
        if (left_key, right_key) != (unit.left, unit.right) and children:
            # A slot was reserved for a partner drawn elsewhere (a loop): start the line of
            # descent between the partners as drawn when that keeps it above the children
            # (the sibship line does not grow) and clear of every symbol of their row.
            real = (xs[unit.left] + xs[unit.right]) / 2
            row = rows.get(gen[unit.left], [])
            if (
                gen[unit.left] == gen[unit.right]
                and min(child_xs) <= real <= max(child_xs)
                and all(abs(xs[p] - real) >= GAP / 2 - 1e-9 for p in row)
            ):
                descent_x = real
        sibships.append(
            SibshipLine(
                parents=(unit.left, unit.right),
                children=children,
                y=y,
                x_left=min(min(child_xs), descent_x),
                x_right=max(max(child_xs), descent_x),
                descent_x=descent_x,
                descent_y=float(max(gen[unit.left], gen[unit.right])),
                remote_children=remote,
            )
        )
        for group in family.twins:
            members = tuple(c for c in children if c in group.members)
            if len(members) < 2:
                continue
            apex = sum(xs[m] for m in members) / len(members)
            bar = None
            if group.zygosity == Zygosity.MZ:
                first, last = members[0], members[-1]
                mid_y = y + (gen[first] - y) / 2
                bar = (
                    (apex + xs[first]) / 2,
                    mid_y,
                    (apex + xs[last]) / 2,
                    mid_y,
                )
            twins.append(TwinMark(members, Zygosity(group.zygosity), apex, y, bar))
    adopted_in = frozenset(p.id for p in family.people if p.adoption == Adoption.IN)
    return Layout(
        people=MappingProxyType(people),
        generations=generations,
        partnerships=partnerships,
        sibships=tuple(sibships),
        twins=tuple(twins),
        width=max(xs.values(), default=0.0),
        height=height,
        _adopted_in=adopted_in,
    )
