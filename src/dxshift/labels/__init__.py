"""The words of the pages, exports and services, added to the one catalog in dxshift.i18n.

Importing this package registers them. It depends on nothing but dxshift.i18n, so services and
commands may import it without pulling in the web framework.
"""

from dxshift.labels import appraisal, ui, value

__all__ = ["appraisal", "ui", "value"]
