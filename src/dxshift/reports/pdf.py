"""The HTML report printed to PDF by WeasyPrint, with Be Vietnam Pro embedded.

The built-in PDF fonts cannot show Vietnamese, so the font comes from a PyPI package and is
embedded: the PDF reads the same on any machine.
"""

from __future__ import annotations

from pathlib import Path

from dxshift.reports.context import ReportContext
from dxshift.reports.html import render_html


def font_faces() -> list[dict[str, object]]:
    import fontpkg_be_vietnam_pro as font

    files = Path(font.ROOT) / "files"
    return [
        {"url": (files / f"BeVietnamPro-{name}.ttf").as_uri(), "weight": weight}
        for name, weight in (("Regular", 400), ("SemiBold", 600), ("Bold", 700))
    ]


def pdf_from_html(html: str) -> bytes:
    """Print an HTML report (its @font-face rules naming `font_faces()`) to PDF."""
    from weasyprint import HTML

    pdf = HTML(string=html).write_pdf()
    assert pdf is not None
    return pdf


def render_pdf(ctx: ReportContext) -> bytes:
    return pdf_from_html(render_html(ctx, font_faces=font_faces()))
