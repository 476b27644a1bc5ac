"""Value minus cost for every option, renting against investing, shared against separate.

All formulas are here and in `docs/value-model.md`: NPV discounts step t by (1 + r)^t; the
payback year is the first year after which the running total of benefits minus costs stays at
or above zero (undiscounted, as officials read a budget); cost per transaction divides the cost
net of residual value by the transactions served over the horizon.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import accumulate

from dxshift.economics.cashflow import (
    Line,
    Pick,
    benefit_lines,
    capacity_modules,
    cost_lines,
    demand_path,
    likely,
    per_step,
    transactions_path,
)
from dxshift.economics.schema import Costs, Option, ValueModel


def npv(amounts: list[float], rate: float) -> float:
    """Net present value of amounts at steps 0, 1, 2, …"""
    return sum(a / (1 + rate) ** t for t, a in enumerate(amounts))


def payback_step(net: list[float]) -> int | None:
    """First year t ≥ 1 from which the running total of `net` never falls below zero again.

    None when the running total ends below zero, or when nothing is ever gained.
    """
    if not any(v > 0 for v in net):
        return None
    running = list(accumulate(net))
    found = None
    for t in range(len(running) - 1, 0, -1):
        if running[t] < 0:
            break
        found = t
    return found


def pv_of_costs(costs: Costs, model: ValueModel, pick: Pick = likely, scale: float = 1.0) -> float:
    """Present value of a cost set, net of the residual value credited at the end."""
    amounts = per_step(cost_lines(costs, model, pick, scale), model.horizon_years)
    return npv(amounts, pick(model.discount_rate))


@dataclass(frozen=True)
class OptionResult:
    """One option over the horizon. `cost` is money paid (cash); present values and the net value
    also credit the residual value of assets still in use at the end."""

    key: str
    name: str
    costs: list[Line]  # residual credits included, as negative lines
    benefits: list[Line]
    cost: list[float]  # paid per step 0…H
    residual: list[float]  # credited per step (only the last is non-zero)
    benefit: list[float]
    total_cost: float
    total_residual: float
    total_benefit: float
    pv_cost: float  # present value of costs net of the residual credit
    pv_benefit: float
    npv: float
    npv_tangible: float
    bcr: float | None
    payback_step: int | None
    cost_per_transaction: float | None
    modules: int

    @property
    def net_value(self) -> float:
        return self.total_benefit - self.total_cost + self.total_residual

    @property
    def cumulative_cost(self) -> list[float]:
        return list(accumulate(self.cost))

    @property
    def cumulative_benefit(self) -> list[float]:
        return list(accumulate(self.benefit))


def evaluate_option(
    model: ValueModel, option: Option, pick: Pick = likely, scale: float = 1.0
) -> OptionResult:
    h, rate = model.horizon_years, pick(model.discount_rate)
    lines = cost_lines(option, model, pick, scale)
    benefits = benefit_lines(option, model, pick)
    cost = per_step([c for c in lines if c.kind != "residual"], h)
    residual = [-v for v in per_step([c for c in lines if c.kind == "residual"], h)]
    benefit = per_step(benefits, h)
    tangible = per_step([b for b in benefits if b.kind == "benefit"], h)
    pv_cost = npv(cost, rate) - npv(residual, rate)
    pv_benefit = npv(benefit, rate)
    served = sum(transactions_path(model, pick))
    return OptionResult(
        key=option.key,
        name=option.name,
        costs=lines,
        benefits=benefits,
        cost=cost,
        residual=residual,
        benefit=benefit,
        total_cost=sum(cost),
        total_residual=sum(residual),
        total_benefit=sum(benefit),
        pv_cost=pv_cost,
        pv_benefit=pv_benefit,
        npv=pv_benefit - pv_cost,
        npv_tangible=npv(tangible, rate) - pv_cost,
        bcr=pv_benefit / pv_cost if pv_cost > 0 else None,
        payback_step=payback_step([b - c for b, c in zip(benefit, cost, strict=True)]),
        cost_per_transaction=(sum(cost) - sum(residual)) / served if served else None,
        modules=capacity_modules(option, model, pick, scale),
    )


@dataclass(frozen=True)
class RentInvest:
    """The same need met by owning capacity sized for the peak, or by renting what is used."""

    invest: str
    rent: str
    average: list[float]  # demand per year 1…H (index 0 unused)
    peak: list[float]
    installed: float
    utilization: list[float]  # average use / installed capacity, per year 1…H
    crossover_step: int | None  # first year the running cost of renting reaches that of investing
    break_even_base: float | None  # year-1 average demand from which one option stays cheaper
    cheaper_above: str  # the option cheaper above the break-even (or everywhere, if there is none)


def _pv_gap(model: ValueModel, invest: Option, rent: Option, scale: float) -> float:
    return pv_of_costs(invest, model, scale=scale) - pv_of_costs(rent, model, scale=scale)


def _break_even(model: ValueModel, invest: Option, rent: Option) -> tuple[float | None, str]:
    """(demand multiple, option cheaper above it): the multiple in 1/64…64 above which the same
    option stays cheaper, None if that option is cheaper everywhere.

    Owned capacity is bought in whole modules, so the costs can cross more than once at low
    demand; the last crossing is the one a decision can rest on.
    """
    grid = [2 ** (k / 8) for k in range(-48, 49)]
    dearer = [_pv_gap(model, invest, rent, s) > 0 for s in grid]  # owning dearer at this demand
    cheaper_above = rent.key if dearer[-1] else invest.key
    last = next((i for i in range(len(grid) - 1, 0, -1) if dearer[i] != dearer[i - 1]), None)
    if last is None:
        return None, cheaper_above
    a, b = grid[last - 1], grid[last]
    for _ in range(60):
        mid = (a + b) / 2
        if (_pv_gap(model, invest, rent, mid) > 0) == dearer[last - 1]:
            a = mid
        else:
            b = mid
    return (a + b) / 2, cheaper_above


def rent_or_invest(model: ValueModel, results: dict[str, OptionResult]) -> RentInvest | None:
    """Compare the first option that owns capacity with the first that only rents, if both exist."""
    invest = next((o for o in model.options if o.capacity is not None), None)
    rent = next((o for o in model.options if o.usage and o.capacity is None), None)
    if model.demand is None or invest is None or rent is None or invest.capacity is None:
        return None
    average, peak = demand_path(model, likely)
    installed = results[invest.key].modules * likely(invest.capacity.module_size)
    cum_invest = results[invest.key].cumulative_cost
    cum_rent = results[rent.key].cumulative_cost
    crossover = next((t for t in range(1, model.horizon_years + 1) if cum_rent[t] >= cum_invest[t]), None)
    scale, cheaper_above = _break_even(model, invest, rent)
    return RentInvest(
        invest=invest.key,
        rent=rent.key,
        average=average,
        peak=peak,
        installed=installed,
        utilization=[0.0] + [a / installed for a in average[1:]],
        crossover_step=crossover,
        break_even_base=None if scale is None else scale * likely(model.demand.base),
        cheaper_above=cheaper_above,
    )


@dataclass(frozen=True)
class SharingPoint:
    units: int
    separate: float  # present value of the cost of N separate systems
    shared: float  # present value of one platform serving N units


@dataclass(frozen=True)
class SharingResult:
    separate: str
    per_unit_separate: float
    platform_fixed: float
    per_unit_shared: float
    points: list[SharingPoint]
    break_even_units: int | None  # fewest units for which sharing costs no more


def shared_or_separate(model: ValueModel, results: dict[str, OptionResult]) -> SharingResult | None:
    """Total cost as the number of units grows: each on its own, or one platform for all."""
    s = model.sharing
    if s is None:
        return None
    own = results[s.separate].pv_cost
    fixed, each = pv_of_costs(s.platform, model), pv_of_costs(s.per_unit, model)
    points = [SharingPoint(n, n * own, fixed + n * each) for n in range(1, s.units + 1)]
    return SharingResult(
        separate=s.separate,
        per_unit_separate=own,
        platform_fixed=fixed,
        per_unit_shared=each,
        points=points,
        break_even_units=next((p.units for p in points if p.shared <= p.separate), None),
    )


@dataclass(frozen=True)
class Outcome:
    """The model evaluated at its likely values."""

    model: ValueModel
    options: list[OptionResult]
    rent_invest: RentInvest | None
    sharing: SharingResult | None

    def option(self, key: str) -> OptionResult:
        return next(o for o in self.options if o.key == key)

    @property
    def best(self) -> OptionResult:
        return max(self.options, key=lambda o: o.npv)


def evaluate(model: ValueModel) -> Outcome:
    results = {o.key: evaluate_option(model, o) for o in model.options}
    return Outcome(
        model=model,
        options=list(results.values()),
        rent_invest=rent_or_invest(model, results),
        sharing=shared_or_separate(model, results),
    )
