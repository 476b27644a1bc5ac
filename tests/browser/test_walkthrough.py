"""The review walk-through in a real browser, with a screenshot of every step.

An assessor fills two shifts, attaches evidence and submits; a reviewer returns it with a
comment; the assessor fixes and resubmits; the reviewer approves; the unit page shows the level.
"""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import expect

from dxshift.framework import load_framework

from .conftest import login

ASSESSOR, REVIEWER = "canbo.minhhoa", "thamdinh"


def test_assessment_review_walkthrough(live_server: str, chromium, shot, tmp_path: Path) -> None:
    base = live_server
    page = login(chromium, base, ASSESSOR)
    page.get_by_role("link", name="Mở phiếu").first.click()
    expect(page.get_by_test_id("status")).to_have_text("Đang soạn")
    url = page.url

    # shift 1: an anchored scale; shift 2: a percentage, typed (autosave while typing)
    page.select_option("#ind-s01_feedback_used select", "3")
    expect(page.locator("#st-s01_feedback_used")).to_contain_text("Đã lưu")
    page.locator("#shift-2 > summary").click()
    percent = next(i.id for i in load_framework().indicators_of(2) if i.answer.type == "percent")
    field = page.locator(f"#ind-{percent} input[name=value]")
    new_value = "37" if field.input_value() != "37" else "38"
    field.fill("")
    field.type(new_value, delay=50)
    expect(page.locator(f"#st-{percent}")).to_contain_text("Đã lưu")
    shot(page, "01-assessor-filled-two-shifts")

    # evidence: a real PDF file, checked by content on the server
    pdf = tmp_path / "bao-cao-y-kien-nguoi-dan.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")
    block = page.locator("#ind-s01_feedback_used")
    block.locator("summary", has_text="Thêm minh chứng").click()
    block.locator("input[type=file]").set_input_files(str(pdf))
    block.locator("input[type=date]").fill("2026-10-15")
    block.get_by_role("button", name="Tải lên").click()
    expect(page.locator("#ind-s01_feedback_used .evidence-list")).to_contain_text(pdf.name)
    shot(page, "02-assessor-attached-evidence")
    page.get_by_role("button", name="Nộp phiếu").click()
    expect(page.get_by_test_id("status")).to_have_text("Đã nộp")
    shot(page, "03-assessor-submitted")

    # the reviewer returns it with a comment on one indicator
    review = login(chromium, base, REVIEWER)
    review.goto(url)
    review.fill("#c-s01_feedback_used", "Đề nghị bổ sung biên bản thay đổi dịch vụ từ ý kiến người dân.")
    review.get_by_role("button", name="Trả lại để sửa").click()
    expect(review.get_by_test_id("status")).to_have_text("Bị trả lại")
    shot(review, "04-reviewer-returned-with-comment")

    # the assessor sees the comment, fixes the answer and resubmits
    page.goto(url)
    expect(page.locator("#ind-s01_feedback_used .comment")).to_contain_text("biên bản thay đổi dịch vụ")
    page.select_option("#ind-s01_feedback_used select", "2")
    expect(page.locator("#st-s01_feedback_used")).to_contain_text("Đã lưu")
    shot(page, "05-assessor-fixed-after-comment")
    page.get_by_role("button", name="Nộp lại").click()
    expect(page.get_by_test_id("status")).to_have_text("Đã nộp")

    # the reviewer approves; the unit page shows the level and why
    review.goto(url)
    review.get_by_role("button", name="Duyệt").click()
    review.wait_for_url(re.compile(r"/units/\d+$"))
    expect(review.get_by_test_id("unit-level")).not_to_be_empty()
    expect(review.get_by_role("heading", name="Vì sao ở mức này")).to_be_visible()
    shot(review, "06-unit-page-shows-level")


def test_the_form_works_on_a_phone_and_with_the_keyboard(live_server: str, chromium, shot) -> None:
    page = login(chromium, live_server, "canbo.yte", viewport={"width": 390, "height": 844})
    page.keyboard.press("Tab")
    expect(page.locator("a.skip")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#main")).to_be_focused()
    page.goto(f"{live_server}/campaigns")
    page.get_by_role("link", name="Tự đánh giá CĐS năm 2026").click()
    page.get_by_role("link", name="Mở phiếu").first.click()
    expect(page.get_by_test_id("status")).to_be_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390 + 1, "no sideways scrolling on a phone"
    shot(page, "07-phone-assessment-form")
