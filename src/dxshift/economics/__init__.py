"""Value and cost model (pure): value minus cost, renting against investing, shared against separate."""

from dxshift.economics.evaluate import OptionResult, Outcome, evaluate
from dxshift.economics.loader import ModelInvalid, example_path, load_model, parse_model, validate_model
from dxshift.economics.schema import ValueModel
from dxshift.economics.uncertainty import Simulation, sensitivity, simulate

__all__ = [
    "ModelInvalid",
    "OptionResult",
    "Outcome",
    "Simulation",
    "ValueModel",
    "evaluate",
    "example_path",
    "load_model",
    "parse_model",
    "sensitivity",
    "simulate",
    "validate_model",
]
