"""How sure the answer is: Monte Carlo over every range, and which input moves it most.

Each range is drawn from a triangular distribution (low, likely, high), the usual choice when
an estimator can name a lowest, a most likely and a highest value and nothing more. Draws come
from Python's own seeded generator, so one seed gives the same numbers on every machine.
"""

from __future__ import annotations

import random
import statistics
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from pydantic import BaseModel

from dxshift.economics.cashflow import Pick
from dxshift.economics.evaluate import evaluate_option
from dxshift.economics.schema import Range, ValueModel


@dataclass(frozen=True)
class Input:
    """One uncertain input: where it sits in the model, how to call it, and its range."""

    path: str
    label: list[str]  # names of the enclosing items, then the field's name
    range: Range


def uncertain_inputs(model: ValueModel) -> list[Input]:
    """Every input given as a range, in file order (the order draws are made in)."""

    def walk(obj: object, path: str, names: list[str], field: str) -> Iterator[Input]:
        if isinstance(obj, Range):
            if obj.uncertain:
                yield Input(path, [*names, field], obj)
        elif isinstance(obj, BaseModel):
            name = getattr(obj, "name", None)
            inner = [*names, name] if isinstance(name, str) else names
            for f in type(obj).model_fields:
                yield from walk(getattr(obj, f), f"{path}.{f}" if path else f, inner, f)
        elif isinstance(obj, list):
            for i, item in enumerate(obj):
                yield from walk(item, f"{path}[{i}]", names, field)

    return list(walk(model, "", [], ""))


def _picker(values: dict[int, float]) -> Pick:
    return lambda r: values.get(id(r), r.likely)


@dataclass(frozen=True)
class Distribution:
    key: str
    mean: float
    p5: float
    p50: float
    p95: float
    chance_positive: float  # share of runs with value − cost > 0 (present value)
    chance_best: float  # share of runs in which this option has the highest NPV
    npvs: list[float]


@dataclass(frozen=True)
class Simulation:
    runs: int
    seed: int
    inputs: list[Input]
    options: list[Distribution]

    def option(self, key: str) -> Distribution:
        return next(d for d in self.options if d.key == key)


def _quantile(sorted_values: Sequence[float], q: float) -> float:
    pos = q * (len(sorted_values) - 1)
    low = int(pos)
    high = min(low + 1, len(sorted_values) - 1)
    return sorted_values[low] + (sorted_values[high] - sorted_values[low]) * (pos - low)


def simulate(model: ValueModel, runs: int | None = None, seed: int | None = None) -> Simulation:
    """NPV of every option over `runs` joint draws of all ranged inputs."""
    runs = runs or model.simulation.runs
    seed = model.simulation.seed if seed is None else seed
    rng = random.Random(seed)
    inputs = uncertain_inputs(model)
    npvs: dict[str, list[float]] = {o.key: [] for o in model.options}
    wins = dict.fromkeys(npvs, 0)
    for _ in range(runs if inputs else 1):
        values = {id(i.range): rng.triangular(i.range.low, i.range.high, i.range.likely) for i in inputs}
        pick = _picker(values)
        run = {o.key: evaluate_option(model, o, pick).npv for o in model.options}
        for key, value in run.items():
            npvs[key].append(value)
        wins[max(run, key=lambda k: run[k])] += 1
    done = len(next(iter(npvs.values())))
    options = []
    for key, runs_npv in npvs.items():
        ordered = sorted(runs_npv)
        options.append(
            Distribution(
                key=key,
                mean=statistics.fmean(runs_npv),
                p5=_quantile(ordered, 0.05),
                p50=_quantile(ordered, 0.5),
                p95=_quantile(ordered, 0.95),
                chance_positive=sum(v > 0 for v in runs_npv) / done,
                chance_best=wins[key] / done,
                npvs=runs_npv,
            )
        )
    return Simulation(runs=done, seed=seed, inputs=inputs, options=options)


@dataclass(frozen=True)
class Swing:
    """An option's NPV with one input at its low end and at its high end, all others likely."""

    input: Input
    at_low: float
    at_high: float

    @property
    def width(self) -> float:
        return abs(self.at_high - self.at_low)


def sensitivity(model: ValueModel, key: str) -> list[Swing]:
    """The ranged inputs ordered by how far each moves this option's NPV (widest first)."""
    option = model.option(key)
    swings = []
    for i in uncertain_inputs(model):
        low = evaluate_option(model, option, _picker({id(i.range): i.range.low})).npv
        high = evaluate_option(model, option, _picker({id(i.range): i.range.high})).npv
        swings.append(Swing(i, low, high))
    return sorted(swings, key=lambda s: -s.width)
