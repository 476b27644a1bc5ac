"""Year-by-year money of one option: what is paid and what is gained, line by line.

Time runs in steps 0…H: step 0 is the start of the first year (up-front purchases), step t the
end of year t (everything paid or gained during it). A `pick` chooses a value for each Range:
the likely one for the main result, a random draw inside Monte Carlo.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from dxshift.economics.schema import Costs, Option, Range, ValueModel

Pick = Callable[[Range], float]


def likely(r: Range) -> float:
    return r.likely


@dataclass(frozen=True)
class Line:
    """One cost or benefit line; `amounts[t]` falls at step t."""

    name: str
    kind: str  # upfront, capacity, residual, maintenance, recurring, usage, benefit, intangible
    amounts: tuple[float, ...]

    @property
    def total(self) -> float:
        return sum(self.amounts)


def demand_path(model: ValueModel, pick: Pick, scale: float = 1.0) -> tuple[list[float], list[float]]:
    """Average and peak demand for years 1…H (index 0 unused, kept 0 so steps line up)."""
    d = model.demand
    if d is None:
        return [0.0] * (model.horizon_years + 1), [0.0] * (model.horizon_years + 1)
    base, growth, peak = pick(d.base) * scale, pick(d.growth), pick(d.peak_factor)
    average = [0.0] + [base * (1 + growth) ** (t - 1) for t in range(1, model.horizon_years + 1)]
    return average, [a * peak for a in average]


def _grow(amount: float, growth: float, start: int, horizon: int) -> tuple[float, ...]:
    return (
        0.0,
        *tuple(amount * (1 + growth) ** (t - start) if t >= start else 0.0 for t in range(1, horizon + 1)),
    )


def _asset(name: str, kind: str, amount: float, life: int | None, horizon: int, residual: bool) -> list[Line]:
    """A purchase at step 0, bought again every `life` years, and what is left of it at the end."""
    buys = [0.0] * (horizon + 1)
    last = 0
    for step in range(0, horizon, life or horizon + 1):
        buys[step] += amount
        last = step
    lines = [Line(name, kind, tuple(buys))]
    if residual and life and last + life > horizon and amount:
        left = [0.0] * (horizon + 1)
        left[horizon] = -amount * (last + life - horizon) / life
        lines.append(Line(name, "residual", tuple(left)))
    return lines


def capacity_modules(option: Option, model: ValueModel, pick: Pick, scale: float = 1.0) -> int:
    """Modules an owner buys: enough for the highest peak of the plan (the likely demand).

    The purchase is decided before demand is known; when a draw of demand peaks higher than
    planned, the missing modules are bought too, so owning carries both risks: idle capacity
    when demand is low, extra purchases when it is high.
    """
    if option.capacity is None:
        return 0
    size = pick(option.capacity.module_size)

    def needed(p: Pick) -> int:
        _, peak = demand_path(model, p, scale)
        return max(1, math.ceil(max(peak) / size - 1e-9))

    return max(needed(likely), needed(pick))


def cost_lines(costs: Costs, model: ValueModel, pick: Pick, scale: float = 1.0) -> list[Line]:
    """Every cost line of an option (or of a shared platform); the residual credit is a negative line."""
    h, keep = model.horizon_years, model.residual_value
    lines: list[Line] = []
    owned = 0.0
    for item in costs.upfront:
        amount = pick(item.amount)
        owned += amount
        lines += _asset(item.name, "upfront", amount, item.life_years, h, keep)
    if isinstance(costs, Option) and costs.capacity is not None:
        cap = costs.capacity
        amount = capacity_modules(costs, model, pick, scale) * pick(cap.module_cost)
        owned += amount
        lines += _asset(cap.name, "capacity", amount, cap.life_years, h, keep)
    rate = pick(costs.maintenance_rate)
    if owned and rate:
        lines.append(Line("maintenance", "maintenance", _grow(owned * rate, 0.0, 1, h)))
    for rec in costs.recurring:
        lines.append(Line(rec.name, "recurring", _grow(pick(rec.amount), pick(rec.growth), rec.from_year, h)))
    if isinstance(costs, Option) and costs.usage:
        average, _ = demand_path(model, pick, scale)
        for use in costs.usage:
            price = pick(use.price)
            lines.append(Line(use.name, "usage", tuple(price * a for a in average)))
    return lines


def benefit_lines(option: Option, model: ValueModel, pick: Pick) -> list[Line]:
    """The yearly benefits this option delivers (all of them unless a benefit names its options)."""
    lines = []
    for b in model.benefits:
        if b.options is not None and option.key not in b.options:
            continue
        amount = math.prod(pick(d.value) for d in b.drivers)
        kind = "intangible" if b.intangible else "benefit"
        lines.append(Line(b.name, kind, _grow(amount, pick(b.growth), b.from_year, model.horizon_years)))
    return lines


def transactions_path(model: ValueModel, pick: Pick) -> list[float]:
    tr = model.transactions
    if tr is None:
        return [0.0] * (model.horizon_years + 1)
    return list(_grow(pick(tr.per_year), pick(tr.growth), 1, model.horizon_years))


def per_step(lines: list[Line], horizon: int) -> list[float]:
    return [sum(line.amounts[t] for line in lines) for t in range(horizon + 1)]
