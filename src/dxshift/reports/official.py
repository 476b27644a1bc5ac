"""Reports in the layout of a Vietnamese administrative document, printed to PDF by WeasyPrint.

National motto header, issuing body and number, place and date, title, body, signature block;
plain A4 with Be Vietnam Pro embedded (as in dxshift.reports.pdf). The caller gathers the data;
this module only lays it out.
"""

from __future__ import annotations

import base64
from typing import Any

from dxshift.i18n import Lang, fmt_date, fmt_number, fmt_percent, t
from dxshift.reports.html import environment
from dxshift.reports.pdf import font_faces, pdf_from_html

_ITALICS = {"Regular": "Italic", "SemiBold": "SemiBoldItalic", "Bold": "BoldItalic"}


def _faces() -> list[dict[str, object]]:
    """The faces of dxshift.reports.pdf, plus their italics from the same package: the place and
    date line, the signing hint and the recipients are in italics in an administrative document."""
    faces: list[dict[str, object]] = []
    for face in font_faces():
        url = str(face["url"])
        faces.append({**face, "style": "normal"})
        for upright, italic in _ITALICS.items():
            if url.endswith(f"-{upright}.ttf"):
                faces.append(
                    {**face, "url": url.removesuffix(f"{upright}.ttf") + f"{italic}.ttf", "style": "italic"}
                )
    return faces


def render_official_html(template: str, lang: Lang, *, chart: bytes | None = None, **context: Any) -> str:
    return (
        environment()
        .get_template(template)
        .render(
            lang=lang,
            font_faces=_faces(),
            chart=base64.b64encode(chart).decode("ascii") if chart else None,
            t=lambda key, **p: t(key, lang, **p),
            num=lambda x, d=1: "—" if x is None else fmt_number(x, lang, d),
            pct=lambda x: "—" if x is None else fmt_percent(x, lang),
            date=lambda d: "—" if d is None else fmt_date(d, lang),
            **context,
        )
    )


def render_official(template: str, lang: Lang, *, chart: bytes | None = None, **context: Any) -> bytes:
    return pdf_from_html(render_official_html(template, lang, chart=chart, **context))
