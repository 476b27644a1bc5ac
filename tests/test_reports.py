"""Rendered reports: the PDF's text (extracted, NFC-compared), its chart, and the HTML."""

from __future__ import annotations

import io
import unicodedata

import pytest
from pypdf import PdfReader

from dxshift.assessment import assess_raw
from dxshift.files.answer_sheet import read_answer_sheet
from dxshift.framework import Framework
from dxshift.framework.loader import demo_answers_path
from dxshift.reports import ReportContext, render
from dxshift.reports.wording import level_name


@pytest.fixture(scope="module")
def demo_ctx(framework: Framework) -> ReportContext:
    sheet = read_answer_sheet(demo_answers_path())
    result = assess_raw(framework, sheet.answers)
    return ReportContext(framework, result, "vi", sheet.unit_name, sheet.unit_code, sheet.assessed_on)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", " ".join(text.split()))


def test_pdf_text_keeps_vietnamese_diacritics(demo_ctx: ReportContext) -> None:
    reader = PdfReader(io.BytesIO(render(demo_ctx, "pdf")))
    text = nfc(" ".join(page.extract_text() for page in reader.pages))
    assert nfc("Báo cáo tự đánh giá chuyển đổi số") in text
    assert nfc(level_name(demo_ctx.framework, demo_ctx.result.level.id, "vi")) in text
    assert demo_ctx.unit_name and nfc(demo_ctx.unit_name) in text
    assert nfc(demo_ctx.result.roadmap[0].recommendation.vi)[:40] in text
    fonts = {
        str(f) for page in reader.pages for f in (page.get("/Resources", {}).get("/Font", {}) or {}).values()
    }
    assert fonts, "the PDF embeds its own font"


def test_pdf_contains_the_radar_chart_image(demo_ctx: ReportContext) -> None:
    reader = PdfReader(io.BytesIO(render(demo_ctx, "pdf")))
    images = [img for page in reader.pages for img in page.images]
    assert images and max(img.image.width for img in images) >= 400


def test_html_embeds_the_chart_and_formats_numbers_the_vietnamese_way(demo_ctx: ReportContext) -> None:
    html = render(demo_ctx, "html").decode("utf-8")
    assert 'src="data:image/png;base64,' in html
    assert '<html lang="vi">' in html
    index_vi = f"{demo_ctx.result.index:.1f}".replace(".", ",").removesuffix(",0")
    assert index_vi in html


def test_english_report_switches_language(framework: Framework, demo_ctx: ReportContext) -> None:
    ctx = ReportContext(framework, demo_ctx.result, "en", demo_ctx.unit_name)
    md = render(ctx, "md").decode("utf-8")
    assert "Digital transformation self-assessment" in md and "Roadmap" in md
