"""The framework as versioned data: schema, loader and the bundled framework files."""

from dxshift.framework.loader import (
    DEFAULT_FRAMEWORK_ID,
    FrameworkError,
    load_framework,
    load_framework_file,
    parse_framework,
)
from dxshift.framework.schema import Framework, Indicator, Level, Shift, Text
from dxshift.i18n import LANGS, Lang

__all__ = [
    "DEFAULT_FRAMEWORK_ID",
    "LANGS",
    "Framework",
    "FrameworkError",
    "Indicator",
    "Lang",
    "Level",
    "Shift",
    "Text",
    "load_framework",
    "load_framework_file",
    "parse_framework",
]
