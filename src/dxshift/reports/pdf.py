"""The HTML report printed to PDF by WeasyPrint, with Be Vietnam Pro embedded.

The built-in PDF fonts cannot show Vietnamese, so the font comes from a PyPI package and is
embedded: the PDF reads the same on any machine.
"""

from __future__ import annotations

from pathlib import Path

from dxshift.reports.context import ReportContext
from dxshift.reports.html import render_html


def _font_faces() -> list[dict[str, object]]:
    import fontpkg_be_vietnam_pro as font

    files = Path(font.ROOT) / "files"
    return [
        {"url": (files / f"BeVietnamPro-{name}.ttf").as_uri(), "weight": weight}
        for name, weight in (("Regular", 400), ("SemiBold", 600), ("Bold", 700))
    ]


def render_pdf(ctx: ReportContext) -> bytes:
    from weasyprint import HTML

    html = render_html(ctx, font_faces=_font_faces())
    pdf = HTML(string=html).write_pdf()
    assert pdf is not None
    return pdf
