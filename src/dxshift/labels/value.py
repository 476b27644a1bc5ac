"""Words of the value-model form and its place on the appraisal page."""

from __future__ import annotations

from dxshift.i18n import register

FORM: dict[str, tuple[str, str]] = {
    # the model
    "vf_title": ("Tên phân tích", "Title"),
    "vf_valuemodel_unit": ("Đơn vị", "Unit"),
    "vf_start_year": ("Năm bắt đầu", "First year"),
    "vf_horizon_years": ("Số năm tính", "Years counted"),
    "vf_discount_rate": ("Tỷ lệ chiết khấu mỗi năm", "Discount rate a year"),
    "vf_residual_value": ("Trừ giá trị còn lại của tài sản cuối kỳ", "Credit the assets' residual value"),
    "vf_transactions": (
        "Giao dịch phục vụ (để tính chi phí mỗi giao dịch)",
        "Transactions served (cost per transaction)",
    ),
    "vf_demand": ("Nhu cầu (để so sánh thuê với đầu tư)", "Demand (to compare renting with investing)"),
    "vf_benefits": ("Lợi ích", "Benefits"),
    "vf_options": ("Phương án", "Options"),
    "vf_sharing": ("Dùng chung hay mỗi đơn vị một hệ thống", "Shared platform or one system per unit"),
    "vf_simulation": ("Mô phỏng Monte Carlo", "Monte Carlo simulation"),
    "vf_notes": ("Giả định, ghi chú thêm (mỗi dòng một ý)", "Further assumptions and notes (one per line)"),
    # parts
    "vf_transactions_name": ("Tên giao dịch (vd. hồ sơ)", "What a transaction is (e.g. dossier)"),
    "vf_per_year": ("Số giao dịch mỗi năm", "Transactions a year"),
    "vf_growth": ("Tăng mỗi năm", "Growth a year"),
    "vf_demand_name": ("Nhu cầu là gì", "What the demand is"),
    "vf_demand_unit": ("Đơn vị đo (vd. vCPU)", "Unit of measure (e.g. vCPU)"),
    "vf_base": ("Dùng trung bình năm đầu", "Average use in year one"),
    "vf_peak_factor": ("Hệ số cao điểm (cao điểm ÷ trung bình)", "Peak factor (peak ÷ average)"),
    "vf_benefit_name": ("Tên lợi ích", "Benefit"),
    "vf_drivers": (
        "Các yếu tố (nhân với nhau ra số tiền mỗi năm)",
        "Drivers (multiplied into a yearly amount)",
    ),
    "vf_driver_name": ("Yếu tố", "Driver"),
    "vf_value": ("Giá trị", "Value"),
    "vf_driver_unit": ("Đơn vị", "Unit"),
    "vf_from_year": ("Từ năm thứ", "From year number"),
    "vf_intangible": (
        "Lợi ích vô hình (quy đổi qua đại lượng thay thế)",
        "Intangible (valued through a proxy)",
    ),
    "vf_proxy": ("Đại lượng thay thế và cách quy đổi", "The proxy and how it is valued"),
    "vf_benefit_options": (
        "Chỉ tính cho phương án (mã, cách nhau bởi dấu phẩy; trống là mọi phương án)",
        "Only for options (keys, comma separated; empty means all)",
    ),
    "vf_key": ("Mã (chữ thường không dấu, vd. thue-dam-may)", "Key (lower-case ASCII, e.g. rent-cloud)"),
    "vf_option_name": ("Tên phương án", "Option"),
    "vf_description": ("Mô tả", "Description"),
    "vf_upfront": ("Đầu tư ban đầu", "Up-front purchases"),
    "vf_maintenance_rate": (
        "Bảo trì mỗi năm (tỷ lệ trên giá trị tài sản)",
        "Maintenance a year (share of assets)",
    ),
    "vf_recurring": ("Chi thường xuyên mỗi năm", "Recurring costs a year"),
    "vf_usage": ("Thuê theo mức dùng", "Rented by use"),
    "vf_capacity": ("Năng lực tự đầu tư (mua đủ cho cao điểm)", "Owned capacity (bought for the peak)"),
    "vf_name": ("Khoản", "Item"),
    "vf_amount": ("Số tiền (đồng)", "Amount (VND)"),
    "vf_recurring_amount": ("Số tiền mỗi năm (đồng)", "Amount a year (VND)"),
    "vf_life_years": ("Tuổi thọ, năm (trống: không mua lại)", "Life in years (empty: never replaced)"),
    "vf_price": ("Đơn giá mỗi đơn vị nhu cầu mỗi năm (đồng)", "Price per demand unit a year (VND)"),
    "vf_capacity_name": ("Thiết bị", "Equipment"),
    "vf_module_size": ("Năng lực mỗi thiết bị (đơn vị nhu cầu)", "Capacity of one module (demand units)"),
    "vf_module_cost": ("Giá mỗi thiết bị (đồng)", "Cost of one module (VND)"),
    "vf_units": ("Số đơn vị", "Number of units"),
    "vf_separate": ("Mã phương án mỗi đơn vị tự làm", "Key of the option each unit runs alone"),
    "vf_platform": ("Nền tảng dùng chung: chi phí cố định", "Shared platform: fixed costs"),
    "vf_per_unit": ("Nền tảng dùng chung: chi phí cho mỗi đơn vị", "Shared platform: cost per unit"),
    "vf_runs": ("Số lần rút ngẫu nhiên", "Runs"),
    "vf_seed": ("Hạt giống (cùng hạt giống, cùng kết quả)", "Seed (same seed, same result)"),
    "vf_hint_range": (
        "vd. 450.000.000, hoặc một khoảng: 0,3 – 0,8",
        "e.g. 450,000,000, or a range: 0.3 – 0.8",
    ),
    "vf_hint_rate": ("vd. 8 %, hoặc một khoảng: 6 % – 10 %", "e.g. 8 %, or a range: 6 % – 10 %"),
    # the page
    "value_model": ("Giá trị và chi phí", "Value and cost"),
    "value_none": (
        "Chưa có mô hình giá trị và chi phí cho dự án này.",
        "This project has no value and cost model yet.",
    ),
    "value_intro": (
        "Nêu chi phí của từng phương án và lợi ích quy ra tiền; số nào chưa chắc thì ghi thành khoảng. Kết quả: giá trị ròng, NPV, năm hoàn vốn, thuê hay đầu tư, dùng chung hay riêng, và độ bất định.",
        "State each option's costs and the benefits in money; write uncertain numbers as ranges. You get net value, NPV, payback, rent or invest, shared or separate, and the uncertainty.",
    ),
    "value_create": ("Lập mô hình", "Build the model"),
    "value_edit": ("Sửa mô hình", "Edit the model"),
    "value_from_example": (
        "Bắt đầu từ mô hình mẫu (xã: phòng máy chủ hay đám mây tỉnh)",
        "Start from the example (a commune: server room or provincial cloud)",
    ),
    "value_save": ("Lưu và tính", "Save and compute"),
    "value_cancel": ("Quay lại dự án", "Back to the project"),
    "value_errors": ("Chưa lưu. Hãy sửa các chỗ sau:", "Not saved. Please fix:"),
    "value_stale": (
        "Mô hình vừa được người khác lưu trước bạn. Nội dung bạn nhập vẫn còn dưới đây; hãy mở lại trang để xem bản mới rồi nhập lại thay đổi.",
        "Someone else saved the model first. What you typed is still below; reopen the page to see their version, then make your change again.",
    ),
    "value_stale_conflict": (
        "Mô hình vừa được người khác lưu trước bạn.",
        "Someone else saved the model first.",
    ),
    "value_yaml": ("Tải mô hình (YAML)", "Download the model (YAML)"),
    "value_upload_yaml": ("Nạp mô hình từ tệp YAML", "Load the model from a YAML file"),
    "value_upload": ("Nạp", "Load"),
    "value_pdf": ("Tải báo cáo PDF", "Download the PDF report"),
    "value_updated": ("Phiên bản {version}, cập nhật {when}", "Version {version}, updated {when}"),
    "value_yaml_too_big": (
        "Tệp YAML quá lớn (tối đa {limit} KB).",
        "The YAML file is too large (at most {limit} KB).",
    ),
    "value_yaml_not_text": ("Tệp không phải văn bản UTF-8.", "The file is not UTF-8 text."),
    "value_remove_hint": ("Để trống cả dòng để bỏ dòng đó.", "Leave a whole row empty to drop it."),
}

register(FORM)
