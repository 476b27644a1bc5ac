"""Renderers: one assessment result as Markdown, HTML, JSON or PDF."""

from __future__ import annotations

from dxshift.reports.context import ReportContext

FORMATS = ("md", "html", "json", "pdf")


def render(ctx: ReportContext, fmt: str) -> bytes:
    """The report in `fmt` as bytes (UTF-8 for the text formats)."""
    if fmt == "md":
        from dxshift.reports.markdown import render_markdown

        return render_markdown(ctx).encode("utf-8")
    if fmt == "html":
        from dxshift.reports.html import render_html

        return render_html(ctx).encode("utf-8")
    if fmt == "json":
        from dxshift.reports.json_report import render_json

        return render_json(ctx).encode("utf-8")
    if fmt == "pdf":
        from dxshift.reports.pdf import render_pdf

        return render_pdf(ctx)
    raise ValueError(fmt)


__all__ = ["FORMATS", "ReportContext", "render"]
