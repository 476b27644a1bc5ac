"""Issue 5 in a real browser: appraising an uploaded proposal, and the dashboard's numbers."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import expect
from sqlalchemy import create_engine, text

from ..analysis.conftest import make_docx
from ..platform.test_appraisals import SERVER_PROPOSAL
from .conftest import LIVE_DATABASE, login


def test_a_coordinator_appraises_a_server_buying_proposal(
    live_server: str, chromium, shot, tmp_path: Path
) -> None:
    docx = make_docx(tmp_path / "de-xuat-may-chu.docx", SERVER_PROPOSAL)
    page = login(chromium, live_server, "dieuphoi")
    page.get_by_role("link", name="Thẩm định dự án").click()
    page.get_by_role("link", name="Đăng ký dự án cần thẩm định").click()
    page.fill("#title", "Trang bị máy chủ cho Phòng Tài chính – Kế hoạch")
    page.select_option("#unit_id", label="Xã Minh Hòa")
    page.fill("#budget", "3.200.000.000")
    page.set_input_files("#documents", str(docx))
    shot(page, "11-appraisal-registered")
    page.get_by_role("button", name="Tạo").click()
    # the page stays usable while the job runs, then reloads itself when it is done
    expect(page.get_by_test_id("analyzer-7")).to_have_text("Nghiêng về ứng dụng CNTT", timeout=90_000)
    for shift in (3, 7, 8):
        expect(page.get_by_test_id(f"analyzer-{shift}")).to_have_text("Nghiêng về ứng dụng CNTT")
    marks = page.locator('#shift-7 mark[data-side="it"]')
    expect(marks.first).to_contain_text("máy chủ")
    expect(page.locator('#shift-3 mark[data-side="it"]').first).to_contain_text("phần mềm")
    expect(page.get_by_test_id("proposed-verdict")).to_contain_text("Chủ yếu là ứng dụng CNTT")
    page.locator("#shift-7").scroll_into_view_if_needed()
    shot(page, "12-appraisal-findings-highlighted")

    # override shift 8 with a note, then decide the verdict
    form = page.locator("#shift-8 form")
    form.locator("select[name=stance]").select_option("mixed")
    form.locator("input[name=note]").fill("Phụ lục 2 có so sánh phương án thuê dịch vụ.")
    form.get_by_role("button", name="Lưu").click()
    expect(page.get_by_test_id("reviewer-8")).to_have_text("Đan xen")
    expect(page.get_by_test_id("analyzer-8")).to_have_text("Nghiêng về ứng dụng CNTT")  # both kept
    page.locator("form[action$='/verdict'] select").select_option("mostly_it")
    page.locator("form[action$='/verdict'] input[name=note]").fill("Mua máy chủ riêng cho một phòng.")
    page.get_by_role("button", name="Quyết định").click()
    expect(page.get_by_test_id("verdict")).to_have_text("Chủ yếu là ứng dụng CNTT")
    shot(page, "13-appraisal-verdict-decided")

    page.goto(f"{live_server}/appraisals?shift=7&stance=leans_it")
    expect(page.get_by_role("link", name="Trang bị máy chủ cho Phòng Tài chính – Kế hoạch")).to_be_visible()
    page.goto(f"{live_server}/appraisals?shift=7&stance=leans_dx")
    expect(page.get_by_role("link", name="Trang bị máy chủ cho Phòng Tài chính – Kế hoạch")).to_have_count(0)


def test_the_dashboard_heatmap_shows_the_stored_scores(live_server: str, chromium, shot) -> None:
    page = login(chromium, live_server, "lanhdao")
    page.get_by_role("link", name="Bảng điều khiển").click()
    expect(page.get_by_test_id("heatmap")).to_be_visible()
    shot(page, "14-dashboard")
    cells = page.locator("td.heat[data-score]:not([data-score=''])")
    assert cells.count() >= 17
    engine = create_engine(LIVE_DATABASE["url"])
    with engine.connect() as conn:
        campaign = conn.execute(text("SELECT max(id) FROM campaigns")).scalar()
        stored = {
            (code, shift): score
            for code, shift, score in conn.execute(
                text(
                    "SELECT u.code, s.shift, s.score FROM shift_scores s "
                    "JOIN assessments a ON a.id = s.assessment_id JOIN units u ON u.id = a.unit_id "
                    "WHERE a.campaign_id = :c AND a.status = 'approved'"
                ),
                {"c": campaign},
            )
        }
    engine.dispose()
    for i in range(min(cells.count(), 60)):
        cell = cells.nth(i)
        code, shift = cell.get_attribute("data-unit"), int(cell.get_attribute("data-shift") or 0)
        shown = cell.inner_text()
        if (code, shift) in stored:  # a leaf unit: its own stored score, rounded for display
            assert shown == str(round(stored[(code, shift)])), (code, shift)
            assert abs(float(cell.get_attribute("data-score") or 0) - stored[(code, shift)]) < 1e-3
    first_row = page.locator("[data-testid=ranking] tbody tr").first
    assert re.match(r"\d+,\d|\d+", first_row.locator("td").nth(2).inner_text())
    page.locator("[data-testid=heatmap] tbody th a").first.click()
    expect(page.locator("h1")).to_contain_text("Bảng điều khiển:")
    shot(page, "15-dashboard-drilled-down")
