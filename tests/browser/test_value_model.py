"""Issue 6 in a real browser: an initiative's value model, edited in the form, shown with its charts."""

from __future__ import annotations

from playwright.sync_api import expect

from .conftest import login

DEMO_PROJECT = "Hạ tầng cho các ứng dụng của xã Minh Hòa: phòng máy chủ riêng hay đám mây của tỉnh"


def test_a_coordinator_edits_the_value_model_and_reads_the_comparison(
    live_server: str, chromium, shot
) -> None:
    page = login(chromium, live_server, "dieuphoi")
    page.get_by_role("link", name="Thẩm định dự án").click()
    page.get_by_role("link", name=DEMO_PROJECT).click()
    section = page.get_by_test_id("value-section")
    expect(section).to_contain_text("Phương án có NPV cao nhất: Thuê dịch vụ đám mây của tỉnh")
    chart = section.locator("figure.chart svg").first
    expect(chart).to_be_visible()
    expect(chart).to_contain_text(
        "Chi phí và lợi ích lũy kế theo năm"
    )  # SVG text stays text, with its diacritics
    chart.scroll_into_view_if_needed()
    shot(page, "20-value-results-chart")

    # a bad value is refused beside its field, and what was typed stays
    section.get_by_role("link", name="Sửa mô hình").click()
    amount = page.locator('input[name="options.0.upfront.1.amount"]')
    amount.fill("-180.000.000")
    page.get_by_role("button", name="Lưu và tính").click()
    expect(page.get_by_test_id("value-problems")).to_contain_text("không được âm")
    expect(page.locator('input[name="options.0.upfront.1.amount"]')).to_have_value("-180.000.000")
    expect(page.locator('input[name="options.0.upfront.1.amount"]')).to_have_attribute("aria-invalid", "true")
    shot(page, "21-value-form-error")

    # renting gets dearer: the provincial price doubles; the page recomputes on save
    page.locator('input[name="options.0.upfront.1.amount"]').fill("180.000.000")
    page.locator('input[name="options.1.usage.0.price"]').fill("9.600.000 – 12.000.000 – 14.400.000")
    page.get_by_role("button", name="Lưu và tính").click()
    section = page.get_by_test_id("value-section")
    expect(section).to_contain_text("Phiên bản 2")
    expect(section.locator("table.value-metrics")).to_contain_text("Chi phí mỗi hồ sơ")
    expect(section).to_contain_text("Thuê máy ảo, lưu trữ và sao lưu")
    shot(page, "22-value-results-after-edit")


def test_the_value_form_on_a_phone(live_server: str, chromium, shot) -> None:
    page = login(chromium, live_server, "dieuphoi", viewport={"width": 390, "height": 844})
    page.get_by_role("link", name="Thẩm định dự án").click()
    page.get_by_role("link", name=DEMO_PROJECT).click()
    page.get_by_role("link", name="Sửa mô hình").click()
    title = page.locator('input[name="title"]')
    expect(title).to_be_visible()
    box = title.bounding_box()
    assert box is not None and box["width"] <= 390  # fits the screen, no sideways scrolling for fields
    page.keyboard.press("Tab")
    shot(page, "23-value-form-phone")
