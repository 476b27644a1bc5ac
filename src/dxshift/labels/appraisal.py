"""Words of the appraisal and dashboard pages, added to the one message catalog."""

from __future__ import annotations

from dxshift.i18n import register

APPRAISAL: dict[str, tuple[str, str]] = {
    "appraisals": ("Thẩm định dự án", "Project appraisals"),
    "new_appraisal": ("Đăng ký dự án cần thẩm định", "Register a project for appraisal"),
    "initiative_title": ("Tên dự án, nhiệm vụ", "Project title"),
    "initiative_kind": ("Loại", "Kind"),
    "kind_new_system": ("Xây dựng hệ thống mới", "New system"),
    "kind_upgrade": ("Nâng cấp", "Upgrade"),
    "kind_rental": ("Thuê dịch vụ", "Rental"),
    "kind_platform_adoption": ("Dùng nền tảng sẵn có", "Platform adoption"),
    "budget": ("Kinh phí (đồng)", "Budget (VND)"),
    "period": ("Thời gian thực hiện", "Period"),
    "from_year": ("Từ năm", "From year"),
    "to_year": ("Đến năm", "To year"),
    "owning_unit": ("Đơn vị chủ trì", "Owning unit"),
    "documents": ("Tài liệu", "Documents"),
    "document_kind": ("Loại tài liệu", "Document kind"),
    "doc_proposal": ("Đề xuất", "Proposal"),
    "doc_feasibility": ("Báo cáo nghiên cứu khả thi", "Feasibility study"),
    "doc_plan": ("Kế hoạch", "Plan"),
    "doc_other": ("Khác", "Other"),
    "upload_documents": (
        "Tải tài liệu lên (PDF, DOCX, TXT, MD, HTML)",
        "Upload documents (PDF, DOCX, TXT, MD, HTML)",
    ),
    "job_queued": ("Đang chờ phân tích", "Waiting for analysis"),
    "job_running": ("Đang phân tích… {progress}%", "Analysing… {progress}%"),
    "job_done": ("Đã phân tích", "Analysed"),
    "job_failed": ("Phân tích thất bại: {reason}", "Analysis failed: {reason}"),
    "retry": ("Thử lại", "Retry"),
    "findings": ("Kết quả theo 17 chuyển dịch", "Findings for the 17 shifts"),
    "analyzer_said": ("Máy phân tích", "Analyzer"),
    "reviewer_decided": ("Người thẩm định", "Reviewer"),
    "confirm_or_override": ("Xác nhận hoặc sửa", "Confirm or override"),
    "save": ("Lưu", "Save"),
    "note": ("Ghi chú", "Note"),
    "verdict": ("Kết luận", "Verdict"),
    "proposed_verdict": (
        "Kết luận đề xuất (từ các kết quả đã xác nhận)",
        "Proposed verdict (from the findings)",
    ),
    "decided_verdict": ("Kết luận của người thẩm định", "Reviewer's verdict"),
    "decide": ("Quyết định", "Decide"),
    "verdict_mostly_dx": ("Chủ yếu là chuyển đổi số", "Mostly digital transformation"),
    "verdict_mixed": ("Đan xen ứng dụng CNTT và chuyển đổi số", "A mix of IT application and DX"),
    "verdict_mostly_it": ("Chủ yếu là ứng dụng CNTT", "Mostly IT application"),
    "verdict_none": ("Chưa đủ căn cứ để đề xuất kết luận.", "Not enough evidence for a proposal yet."),
    "no_verdict": ("Chưa kết luận", "Not decided"),
    "support_note": (
        "Hệ thống chỉ hỗ trợ; người thẩm định quyết định. "
        "Cả kết quả máy và quyết định của người đều được lưu.",
        "The system supports the decision and never takes it; "
        "both the analyzer's and the reviewer's are kept.",
    ),
    "filter": ("Lọc", "Filter"),
    "all": ("Tất cả", "All"),
    "year": ("Năm", "Year"),
    "stance_on_shift": ("Xu hướng ở chuyển dịch", "Stance on shift"),
    "no_appraisals": ("Chưa có dự án nào.", "No projects yet."),
    "evidence_sentences": ("Câu làm bằng chứng", "Evidence sentences"),
    "override_note_required": (
        "Khi sửa kết quả của máy, cần ghi lý do.",
        "A note is required when overriding the analyzer.",
    ),
    "initiative_title_required": ("Cần nhập tên dự án.", "A project title is required."),
    "initiative_bad_kind": ("Loại dự án không hợp lệ.", "Unknown project kind."),
    "initiative_bad_budget": ("Kinh phí không hợp lệ.", "Invalid budget."),
    "initiative_bad_period": ("Năm kết thúc trước năm bắt đầu.", "The end year is before the start year."),
    "initiative_not_found": ("Không tìm thấy dự án.", "Project not found."),
    "finding_not_found": ("Không tìm thấy kết quả cho chuyển dịch {shift}.", "No finding for shift {shift}."),
    "bad_document_kind": ("Loại tài liệu không hợp lệ.", "Unknown document kind."),
    "document_bad_type": (
        "{name}: chỉ nhận PDF, DOCX, TXT, MD hoặc HTML.",
        "{name}: only PDF, DOCX, TXT, MD or HTML.",
    ),
    "bad_stance": ("Xu hướng không hợp lệ.", "Unknown stance."),
    "bad_verdict": ("Kết luận không hợp lệ.", "Unknown verdict."),
    "dashboard": ("Bảng điều khiển", "Dashboard"),
    "people": ("Người dùng và vai trò", "People and roles"),
    "request_too_large": (
        "Yêu cầu quá lớn (tối đa {max_mb} MB); hãy tải từng tệp một hoặc nén tệp.",
        "The request is too large ({max_mb} MB at most); upload one file at a time or compress it.",
    ),
    "bad_date": ("Ngày không hợp lệ: {value} (cần dạng ngày/tháng/năm).", "Invalid date: {value}."),
    "campaign_name_too_long": (
        "Tên đợt đánh giá dài quá {max} ký tự.",
        "The campaign name exceeds {max} characters.",
    ),
    "job_internal_error": (
        "lỗi nội bộ khi phân tích; thử lại, nếu vẫn lỗi hãy báo quản trị viên.",
        "internal error during analysis; retry, and tell the administrator if it persists.",
    ),
    "full_name": ("Họ và tên", "Full name"),
    "add_role": ("Thêm vai trò", "Add a role"),
    "revoke_role": ("Thu hồi", "Revoke"),
    "new_person": ("Tạo tài khoản", "New account"),
    "grant_not_found": ("Không tìm thấy vai trò.", "Role not found."),
    "cannot_remove_own_admin": (
        "Không thể tự thu hồi quyền quản trị của chính mình.",
        "You cannot revoke your own administrator role.",
    ),
    "table": ("Bảng số liệu", "Numbers as a table"),
    "level_distribution": ("Phân bố mức độ", "Distribution of levels"),
    "heatmap": ("Đơn vị trực thuộc × 17 chuyển dịch", "Units below × the 17 shifts"),
    "heatmap_help": (
        "Mỗi ô là điểm trung bình (0–100) của các phiếu đã duyệt; màu càng đậm điểm càng cao. "
        "Bấm tên đơn vị để xem sâu hơn.",
        "Each cell is the mean score (0–100) of approved assessments; darker means higher. "
        "Click a unit to drill down.",
    ),
    "ranking": ("Xếp hạng đơn vị trực thuộc", "Ranking of the units below"),
    "trend": ("Xu hướng chỉ số CĐS qua các đợt", "DX index over campaigns"),
}

register(APPRAISAL)
