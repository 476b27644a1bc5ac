"""The unit tree: create, move (keeping history), list a subtree, import and export CSV/XLSX."""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from dxshift.services.audit import record
from dxshift.services.errors import Invalid, NotFound
from dxshift.services.scope import Principal
from dxshift.storage.models import Unit, UnitMove

COLUMNS = ("code", "name", "kind", "parent_code")


def create_unit(
    session: Session,
    *,
    code: str,
    name: str,
    kind: str = "",
    parent: Unit | None = None,
    actor_id: int | None = None,
) -> Unit:
    unit = Unit(
        code=code,
        name=name,
        kind=kind,
        parent_id=parent.id if parent else None,
        depth=(parent.depth + 1) if parent else 0,
    )
    session.add(unit)
    session.flush()
    unit.path = f"{parent.path if parent else '/'}{unit.id}/"
    record(
        session,
        user_id=actor_id,
        action="create",
        entity="unit",
        entity_id=unit.id,
        after={"code": code, "name": name, "kind": kind, "parent": parent.code if parent else None},
    )
    return unit


def move_unit(session: Session, *, unit: Unit, new_parent: Unit | None, actor_id: int | None = None) -> None:
    """Re-parent a unit and its subtree; assessments stay attached and the move is recorded."""
    if new_parent is not None and new_parent.path.startswith(unit.path):
        raise Invalid("unit_cycle", code=unit.code, parent=new_parent.code)
    old_parent_id, old_path = unit.parent_id, unit.path
    new_path = f"{new_parent.path if new_parent else '/'}{unit.id}/"
    depth_change = ((new_parent.depth + 1) if new_parent else 0) - unit.depth
    session.execute(
        update(Unit)
        .where(Unit.path.startswith(old_path, autoescape=True))
        .values(path=new_path + func.substr(Unit.path, len(old_path) + 1), depth=Unit.depth + depth_change)
        .execution_options(synchronize_session=False)
    )
    session.execute(
        update(Unit).where(Unit.id == unit.id).values(parent_id=new_parent.id if new_parent else None)
    )
    session.add(
        UnitMove(
            unit_id=unit.id,
            old_parent_id=old_parent_id,
            new_parent_id=new_parent.id if new_parent else None,
            moved_by=actor_id,
        )
    )
    record(
        session,
        user_id=actor_id,
        action="move",
        entity="unit",
        entity_id=unit.id,
        before={"parent_id": old_parent_id},
        after={"parent_id": new_parent.id if new_parent else None},
    )
    session.expire_all()


def get_unit(session: Session, actor: Principal, unit_id: int, action: str = "view") -> Unit:
    unit = session.get(Unit, unit_id)
    if unit is None or not actor.can(action, unit):
        raise NotFound("unit_not_found", id=unit_id)
    return unit


def children(session: Session, unit: Unit) -> list[Unit]:
    return list(session.scalars(select(Unit).where(Unit.parent_id == unit.id)))


def subtree(session: Session, unit: Unit) -> list[Unit]:
    return list(session.scalars(select(Unit).where(Unit.path.startswith(unit.path, autoescape=True))))


def visible_roots(session: Session, actor: Principal, action: str = "view") -> list[Unit]:
    """The top units of the actor's scope for an action (no such unit above them)."""
    paths = sorted(set(actor.roots(action)))
    tops = [p for p in paths if not any(p != q and p.startswith(q) for q in paths)]
    return list(session.scalars(select(Unit).where(Unit.path.in_(tops))))


# ── import / export ─────────────────────────────────────────────────────────────


@dataclass
class ImportReport:
    rows: int = 0
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    moved: list[str] = field(default_factory=list)
    errors: list[tuple[int, str, dict[str, str]]] = field(default_factory=list)  # (line, code, params)
    applied: bool = False


def _clean(value: object) -> str:
    return unicodedata.normalize("NFC", "" if value is None else str(value)).strip()


def read_rows(data: bytes, filename: str) -> list[dict[str, str]]:
    """Rows of a CSV or XLSX unit file as dicts with the COLUMNS keys."""
    if filename.lower().endswith(".xlsx"):
        from openpyxl import load_workbook

        try:
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds on bad input
            raise Invalid("units_file_unreadable", reason=type(exc).__name__) from exc
        sheet = book.worksheets[0]
        values = [list(r) for r in sheet.iter_rows(values_only=True)]
        book.close()
    elif filename.lower().endswith(".csv"):
        from dxshift.analysis.legacy import LegacyEncodingError, decode_bytes

        try:
            text, _ = decode_bytes(data)  # UTF-8/16, or Windows-1258, TCVN3, VNI from older tools
        except LegacyEncodingError as exc:
            raise Invalid("units_file_encoding") from exc
        values = [list(r) for r in csv.reader(io.StringIO(text))]
    else:
        raise Invalid("units_file_format")
    if not values:
        raise Invalid("units_file_empty")
    header = [_clean(h).lower() for h in values[0]]
    missing = [c for c in ("code", "name") if c not in header]
    if missing:
        raise Invalid("units_file_columns", columns=", ".join(missing))
    rows = []
    for raw in values[1:]:
        if not any(_clean(v) for v in raw):
            continue
        row = {
            c: _clean(raw[header.index(c)]) if c in header and header.index(c) < len(raw) else ""
            for c in COLUMNS
        }
        rows.append(row)
    return rows


LIMITS = {"code": 64, "name": 255, "kind": 64, "parent_code": 64}


def import_units(
    session: Session,
    *,
    rows: list[dict[str, str]],
    dry_run: bool,
    actor_id: int | None = None,
    actor: Principal | None = None,
) -> ImportReport:
    """Check every row; change nothing if any row is wrong or if it is a dry run.

    Errors found: empty code or name, values too long, a code twice in the file, a parent that
    exists neither in the file nor in the database, and cycles (a unit placed under its own
    descendant). With an `actor` (an administrator in the web app), every unit the file creates,
    renames or moves must end up inside the actor's subtree, and existing units outside it are
    treated as unknown, so a file can neither reach nor reveal other provinces. Without one (the
    `dxshift units import` command, run by the operator) the whole tree is open.
    """
    report = ImportReport(rows=len(rows))
    existing = {u.code: u for u in session.scalars(select(Unit))}
    reachable = {c: u for c, u in existing.items() if actor is None or actor.can("manage_units", u)}
    seen: dict[str, int] = {}
    for line, row in enumerate(rows, start=2):
        code = row["code"]
        if not code or not row["name"]:
            report.errors.append((line, "missing_field", {"code": code or "?"}))
            continue
        too_long = [k for k, limit in LIMITS.items() if len(row.get(k, "")) > limit]
        if too_long:
            report.errors.append((line, "too_long", {"code": code[:64], "field": ", ".join(too_long)}))
            continue
        if code in seen:
            report.errors.append((line, "duplicate_code", {"code": code, "first": str(seen[code])}))
            continue
        if code in existing and code not in reachable:  # taken elsewhere: not this admin's to touch
            report.errors.append((line, "code_unavailable", {"code": code}))
            continue
        seen[code] = line
    file_parent = {r["code"]: r["parent_code"] for r in rows if r["code"]}
    db_parent = {u.code: (u.parent.code if u.parent else "") for u in existing.values()}
    for line, row in enumerate(rows, start=2):
        parent_ref = row["parent_code"]
        unchanged = row["code"] in reachable and parent_ref == db_parent.get(row["code"])
        if unchanged:
            continue  # the top of the admin's subtree keeps its parent: nothing moves
        if parent_ref and parent_ref not in file_parent and parent_ref not in reachable:
            report.errors.append((line, "missing_parent", {"code": row["code"], "parent": parent_ref}))
        elif not parent_ref and actor is not None:
            unit = reachable.get(row["code"])
            if unit is None or unit.parent_id is not None:  # a new top-level unit is outside any subtree
                report.errors.append((line, "root_not_allowed", {"code": row["code"]}))
    # cycles: follow parents through the file first, then the database
    for line, row in enumerate(rows, start=2):
        code, steps, cursor = row["code"], 0, row["parent_code"]
        while cursor and steps <= len(file_parent) + len(db_parent):
            if cursor == code:
                report.errors.append((line, "cycle", {"code": code}))
                break
            cursor = file_parent.get(cursor, db_parent.get(cursor, ""))
            steps += 1
    if report.errors or dry_run:
        report.errors.sort()
        return report
    by_code = dict(existing)
    pending = list(rows)
    while pending:
        progressed = False
        for row in list(pending):
            parent_code = row["parent_code"]
            if parent_code and parent_code not in by_code:
                continue
            parent = by_code.get(parent_code) if parent_code else None
            unit = by_code.get(row["code"])
            if unit is None:
                by_code[row["code"]] = create_unit(
                    session,
                    code=row["code"],
                    name=row["name"],
                    kind=row["kind"],
                    parent=parent,
                    actor_id=actor_id,
                )
                report.created.append(row["code"])
            else:
                if (unit.name, unit.kind) != (row["name"], row["kind"] or unit.kind):
                    record(
                        session,
                        user_id=actor_id,
                        action="update",
                        entity="unit",
                        entity_id=unit.id,
                        before={"name": unit.name, "kind": unit.kind},
                        after={"name": row["name"], "kind": row["kind"] or unit.kind},
                    )
                    unit.name, unit.kind = row["name"], row["kind"] or unit.kind
                    report.updated.append(row["code"])
                if (parent.id if parent else None) != unit.parent_id:
                    move_unit(session, unit=unit, new_parent=parent, actor_id=actor_id)
                    by_code = {u.code: u for u in session.scalars(select(Unit))}
                    report.moved.append(row["code"])
            pending.remove(row)
            progressed = True
        if not progressed:  # cannot happen after the checks above; guard against a silent loop
            raise Invalid("units_unresolved", codes=", ".join(r["code"] for r in pending))
    report.applied = True
    return report


def export_rows(session: Session, root: Unit | None = None) -> list[dict[str, str]]:
    query = select(Unit).order_by(Unit.depth, Unit.code)
    if root is not None:
        query = query.where(Unit.path.startswith(root.path, autoescape=True))
    units = list(session.scalars(query))
    codes = {u.id: u.code for u in session.scalars(select(Unit))}
    return [
        {
            "code": u.code,
            "name": u.name,
            "kind": u.kind,
            "parent_code": codes.get(u.parent_id, "") if u.parent_id else "",
        }
        for u in units
    ]


def write_export(rows: Iterable[dict[str, str]], path: Path) -> None:
    rows = list(rows)
    if path.suffix.lower() == ".xlsx":
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.title = "Units"
        sheet.append(list(COLUMNS))
        for r in rows:
            sheet.append([r[c] for c in COLUMNS])
        book.save(path)
        return
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
