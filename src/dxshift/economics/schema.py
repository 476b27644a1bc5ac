"""The shape of a value model: what an initiative costs, what it brings, and how sure we are.

Every amount is in Vietnamese đồng (VND) per the year it falls in; every rate is a share of one
(0.08 is 8 %, or write "8 %"). Any number may be a range, `[low, high]` or
`{low: …, likely: …, high: …}`, and then the Monte Carlo run draws it. Validation errors carry
a code (see `economics.messages`) so the edges can say them in the user's language.
"""

from __future__ import annotations

import math
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from dxshift.economics.numbers import read_number, within_limit

RATE_FIELDS = frozenset({"growth", "discount_rate", "maintenance_rate"})  # shown and typed as percentages


class Strict(BaseModel):
    """Refuses unknown keys, so a typo in a model file is an error, not a silent default."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Range(Strict):
    """A number known to lie between `low` and `high`, most likely `likely`; a point if all equal."""

    low: float
    likely: float
    high: float

    @property
    def uncertain(self) -> bool:
        return self.low != self.high


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise PydanticCustomError("econ_not_number", "not a number", {"value": repr(value)})
    if isinstance(value, str):
        number = read_number(value)
        if number is None:
            raise PydanticCustomError("econ_not_number", "not a number", {"value": repr(value)})
    else:
        try:
            number = float(value)
        except OverflowError:
            number = math.inf
    if not within_limit(number):
        raise PydanticCustomError("econ_too_large", "too large", {"limit": "10^15"})
    return number


def _range(value: Any) -> Any:
    """Read 5, "8 %", [4, 6], [4, 5, 7] or {low, likely, high} as a Range."""
    if isinstance(value, Range):
        return value
    if isinstance(value, list | tuple):
        if len(value) not in (2, 3):
            raise PydanticCustomError("econ_range_shape", "a range is [low, high] or [low, likely, high]")
        nums = [_number(v) for v in value]
        low, high = nums[0], nums[-1]
        likely = nums[1] if len(nums) == 3 else (low + high) / 2
    elif isinstance(value, dict):
        unknown = set(value) - {"low", "likely", "high"}
        if unknown or not {"low", "high"} <= set(value):
            raise PydanticCustomError("econ_range_shape", "a range is [low, high] or [low, likely, high]")
        low, high = _number(value["low"]), _number(value["high"])
        likely = _number(value["likely"]) if "likely" in value else (low + high) / 2
    else:
        low = likely = high = _number(value)
    if low > high:
        raise PydanticCustomError("econ_range_order", "low end above high end", {"low": low, "high": high})
    if not low <= likely <= high:
        raise PydanticCustomError(
            "econ_range_likely", "likely value outside the range", {"low": low, "high": high}
        )
    return Range(low=low, likely=likely, high=high)


def _at_least(minimum: float, code: str) -> Any:
    def check(r: Range) -> Range:
        if r.low < minimum:
            raise PydanticCustomError(code, "out of range", {"value": r.low, "minimum": minimum})
        return r

    return check


def _positive(r: Range) -> Range:
    if r.low <= 0:
        raise PydanticCustomError("econ_not_positive", "must be above zero", {"value": r.low})
    return r


def _rate(r: Range) -> Range:
    if r.low <= -1 or r.high >= 1:
        raise PydanticCustomError("econ_rate", "a rate lies between -100 % and 100 %", {"value": r.high})
    return r


Number = Annotated[Range, BeforeValidator(_range)]
Amount = Annotated[Range, BeforeValidator(_range), AfterValidator(_at_least(0, "econ_negative"))]
Positive = Annotated[Range, BeforeValidator(_range), AfterValidator(_positive)]
Rate = Annotated[Range, BeforeValidator(_range), AfterValidator(_rate)]
Factor = Annotated[Range, BeforeValidator(_range), AfterValidator(_at_least(1, "econ_below_one"))]
Name = Annotated[str, Field(min_length=1, max_length=200)]
Key = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]{0,39}$")]

ZERO = Range(low=0, likely=0, high=0)


class Driver(Strict):
    """One factor of a yearly benefit: 12 000 dossiers, 0.5 hours each, 60 000 đ an hour."""

    name: Name
    value: Amount
    unit: str = ""


class Benefit(Strict):
    """A yearly benefit, the product of its drivers, growing by `growth` a year from `from_year`."""

    name: Name
    drivers: list[Driver] = Field(min_length=1, max_length=8)
    growth: Rate = ZERO
    from_year: Annotated[int, Field(ge=1)] = 1
    intangible: bool = False
    proxy: str = ""
    options: list[Key] | None = None

    @model_validator(mode="after")
    def _proxy_said(self) -> Benefit:
        if self.intangible and not self.proxy.strip():
            raise PydanticCustomError("econ_intangible_proxy", "an intangible benefit needs its proxy")
        return self


class Upfront(Strict):
    """Bought at the start; bought again every `life_years` if set (and then worth its rest at the end)."""

    name: Name
    amount: Amount
    life_years: Annotated[int, Field(ge=1, le=100)] | None = None


class Recurring(Strict):
    """Paid every year from `from_year`, changing by `growth` a year (prices, salaries)."""

    name: Name
    amount: Amount
    growth: Rate = ZERO
    from_year: Annotated[int, Field(ge=1)] = 1


class Usage(Strict):
    """Rented capacity: `price` đồng per demand unit per year, paid on the average use."""

    name: Name
    price: Amount


class Capacity(Strict):
    """Owned capacity: enough `module_size` modules for the highest peak of the horizon, bought up front."""

    name: Name
    module_size: Positive
    module_cost: Amount
    life_years: Annotated[int, Field(ge=1, le=100)] | None = None


class Costs(Strict):
    """Up-front purchases, their yearly upkeep as a share, and what is paid every year."""

    upfront: list[Upfront] = []
    maintenance_rate: Rate = ZERO
    recurring: list[Recurring] = []


class Option(Costs):
    """One way of meeting the need: invest (capacity), rent (usage), or any mix of lines."""

    key: Key
    name: Name
    description: str = ""
    usage: list[Usage] = []
    capacity: Capacity | None = None


class Demand(Strict):
    """The need, in units a supplier prices (vCPU, TB, users): average use and how high it peaks."""

    name: Name
    unit: Name
    base: Positive
    growth: Rate = ZERO
    peak_factor: Factor = Range(low=1, likely=1, high=1)


class Transactions(Strict):
    """How many transactions (dossiers, requests) the initiative serves a year, for cost per transaction."""

    name: Name = "hồ sơ"
    per_year: Positive
    growth: Rate = ZERO


class Sharing(Strict):
    """N units each running `separate` on its own, against one platform shared by all N."""

    units: Annotated[int, Field(ge=1, le=100_000)]
    separate: Key
    platform: Costs
    per_unit: Costs = Costs()


class Simulation(Strict):
    runs: Annotated[int, Field(ge=100, le=10_000)] = 2000
    seed: int = 2022


class ValueModel(Strict):
    """Everything one appraisal needs to weigh an initiative's value against its cost."""

    title: Name
    unit: str = ""
    currency: Literal["VND"] = "VND"
    start_year: Annotated[int, Field(ge=1990, le=2200)]
    horizon_years: Annotated[int, Field(ge=1, le=50)]
    discount_rate: Rate
    residual_value: bool = True
    transactions: Transactions | None = None
    demand: Demand | None = None
    benefits: list[Benefit] = []
    options: list[Option] = Field(min_length=1, max_length=6)
    sharing: Sharing | None = None
    simulation: Simulation = Simulation()
    notes: list[str] = []

    @model_validator(mode="after")
    def _consistent(self) -> ValueModel:
        keys = [o.key for o in self.options]
        if len(set(keys)) != len(keys):
            raise PydanticCustomError("econ_duplicate_option", "two options share a key")
        if self.discount_rate.low < 0:
            raise PydanticCustomError("econ_negative", "out of range", {"value": self.discount_rate.low})
        for o in self.options:
            if (o.usage or o.capacity) and self.demand is None:
                raise PydanticCustomError("econ_needs_demand", "needs demand", {"option": o.key})
        for b in self.benefits:
            if b.from_year > self.horizon_years:
                raise PydanticCustomError("econ_after_horizon", "starts after the horizon", {"name": b.name})
            missing = [k for k in b.options or [] if k not in keys]
            if missing:
                raise PydanticCustomError("econ_unknown_option", "unknown option", {"key": missing[0]})
        if self.sharing and self.sharing.separate not in keys:
            raise PydanticCustomError("econ_unknown_option", "unknown option", {"key": self.sharing.separate})
        return self

    def option(self, key: str) -> Option:
        return next(o for o in self.options if o.key == key)

    def year_of(self, step: int) -> int:
        """Calendar year of step t ≥ 1 (step 0, the start, falls in the first year too)."""
        return self.start_year + max(step, 1) - 1
