"""Words of the value model (errors, labels, assumptions) in the one message catalog."""

from __future__ import annotations

from dxshift.i18n import register

ERRORS: dict[str, tuple[str, str]] = {
    "econ_invalid": ("Mô hình giá trị không dùng được:", "The value model cannot be used:"),
    "econ_yaml": ("tệp YAML viết sai cú pháp: {detail}", "the YAML is malformed: {detail}"),
    "econ_top": ("tệp phải là một bảng khóa: giá trị ở cấp cao nhất", "expected a mapping at the top level"),
    "econ_needs_file": (
        "Cần một tệp mô hình (YAML). Xem ví dụ: dxshift value --example",
        "A model file (YAML) is needed. See the example: dxshift value --example",
    ),
    "econ_unreadable": ("không đọc được tệp: {detail}", "cannot read the file: {detail}"),
    "econ_not_number": ("{value} không phải là một số", "{value} is not a number"),
    "econ_too_large": (
        "số quá lớn hoặc không hữu hạn (tối đa {limit})",
        "too large or not finite (at most {limit})",
    ),
    "econ_not_computable": (
        "các con số nhân với nhau vượt quá khả năng tính (kiểm tra đơn vị: đồng, không phải nghìn tỷ)",
        "the numbers multiply beyond what can be computed (check the units: đồng)",
    ),
    "econ_yaml_alias": (
        "tệp dùng tham chiếu YAML (&neo / *bí danh); hãy viết đầy đủ từng giá trị",
        "the file uses YAML anchors and aliases (&anchor / *alias); write each value out",
    ),
    "econ_range_shape": (
        "khoảng giá trị viết là [thấp, cao] hoặc [thấp, khả dĩ nhất, cao]",
        "a range is written [low, high] or [low, likely, high]",
    ),
    "econ_range_order": (
        "đầu thấp của khoảng ({low}) lớn hơn đầu cao ({high})",
        "the low end of the range ({low}) is above its high end ({high})",
    ),
    "econ_range_likely": (
        "giá trị khả dĩ nhất phải nằm giữa {low} và {high}",
        "the likely value must lie between {low} and {high}",
    ),
    "econ_negative": ("không được âm (đang là {value})", "must not be negative (it is {value})"),
    "econ_not_positive": ("phải lớn hơn 0 (đang là {value})", "must be above zero (it is {value})"),
    "econ_below_one": ("phải từ 1 trở lên (đang là {value})", "must be 1 or more (it is {value})"),
    "econ_rate": (
        'tỷ lệ phải nằm trong khoảng -100 % đến 100 % (viết 0,08 hoặc "8 %")',
        'a rate lies between -100 % and 100 % (write 0.08 or "8 %")',
    ),
    "econ_intangible_proxy": (
        "lợi ích vô hình phải ghi rõ đại lượng thay thế (proxy) dùng để quy ra tiền",
        "an intangible benefit must state the proxy used to put a money value on it",
    ),
    "econ_duplicate_option": ("hai phương án trùng mã (key)", "two options share the same key"),
    "econ_needs_demand": (
        "phương án {option} tính theo nhu cầu (thuê theo mức dùng hoặc năng lực đầu tư) nên cần mục demand",
        "option {option} is priced on demand (usage or capacity), so the model needs a demand section",
    ),
    "econ_after_horizon": (
        "lợi ích “{name}” bắt đầu sau khi hết thời gian tính",
        "benefit “{name}” starts after the horizon ends",
    ),
    "econ_unknown_option": ("không có phương án mã {key}", "there is no option with key {key}"),
    # Pydantic's own checks, said plainly
    "econ_missing": ("thiếu giá trị bắt buộc", "a required value is missing"),
    "econ_extra_forbidden": ("trường không có trong mô hình (gõ sai tên?)", "unknown field (a typo?)"),
    "econ_int_parsing": ("phải là một số nguyên", "must be a whole number"),
    "econ_int_type": ("phải là một số nguyên", "must be a whole number"),
    "econ_int_from_float": ("phải là một số nguyên", "must be a whole number"),
    "econ_bool_parsing": ("phải là true hoặc false", "must be true or false"),
    "econ_bool_type": ("phải là true hoặc false", "must be true or false"),
    "econ_string_type": ("phải là một đoạn chữ", "must be text"),
    "econ_string_too_short": ("không được để trống", "must not be empty"),
    "econ_string_too_long": ("quá dài", "too long"),
    "econ_string_pattern_mismatch": (
        "mã chỉ gồm chữ thường không dấu, số và dấu gạch ngang",
        "a key has only lower-case ASCII letters, digits and hyphens",
    ),
    "econ_list_type": ("phải là một danh sách", "must be a list"),
    "econ_model_type": ("phải là một bảng khóa: giá trị", "must be a mapping of keys to values"),
    "econ_model_attributes_type": ("phải là một bảng khóa: giá trị", "must be a mapping of keys to values"),
    "econ_too_short": ("cần ít nhất {min_length} mục", "needs at least {min_length} item(s)"),
    "econ_too_long": ("nhiều nhất {max_length} mục", "at most {max_length} item(s)"),
    "econ_greater_than_equal": ("phải từ {ge} trở lên", "must be {ge} or more"),
    "econ_less_than_equal": ("phải không quá {le}", "must be at most {le}"),
    "econ_greater_than": ("phải lớn hơn {gt}", "must be above {gt}"),
    "econ_literal_error": ("chỉ nhận {expected}", "only {expected} is accepted"),
}

FIELDS: dict[str, tuple[str, str]] = {
    "econ_field_amount": ("số tiền", "amount"),
    "econ_field_value": ("giá trị", "value"),
    "econ_field_growth": ("mức tăng mỗi năm", "yearly growth"),
    "econ_field_price": ("đơn giá thuê", "rental price"),
    "econ_field_module_size": ("năng lực mỗi mô-đun", "module size"),
    "econ_field_module_cost": ("giá mỗi mô-đun", "module cost"),
    "econ_field_maintenance_rate": ("tỷ lệ bảo trì", "maintenance rate"),
    "econ_field_base": ("nhu cầu năm đầu", "first-year demand"),
    "econ_field_peak_factor": ("hệ số cao điểm", "peak factor"),
    "econ_field_per_year": ("số giao dịch mỗi năm", "transactions per year"),
    "econ_field_discount_rate": ("tỷ lệ chiết khấu", "discount rate"),
}

LABELS: dict[str, tuple[str, str]] = {
    "econ_title": ("Phân tích giá trị và chi phí", "Value and cost analysis"),
    "econ_subtitle": (
        "Giá trị tạo ra trừ chi phí bỏ ra; thuê hay đầu tư; dùng chung hay mỗi nơi một hệ thống",
        "Value created minus cost; rent or invest; one shared platform or one system per unit",
    ),
    "econ_horizon": ("Thời gian tính", "Horizon"),
    "econ_years": ("{n} năm ({first}–{last})", "{n} years ({first}–{last})"),
    "econ_discount": ("Tỷ lệ chiết khấu", "Discount rate"),
    "econ_decider": ("Đơn vị", "Unit"),
    "econ_options": ("So sánh các phương án", "Options compared"),
    "econ_option": ("Phương án", "Option"),
    "econ_total_cost": ("Tổng chi phí phải chi", "Total cost paid"),
    "econ_residual": ("Giá trị còn lại của tài sản cuối kỳ", "Residual value of assets at the end"),
    "econ_total_benefit": ("Tổng lợi ích", "Total benefit"),
    "econ_net_value": (
        "Giá trị ròng (lợi ích − chi phí + giá trị còn lại)",
        "Net value (benefit − cost + residual)",
    ),
    "econ_npv": ("Giá trị hiện tại ròng (NPV)", "Net present value (NPV)"),
    "econ_npv_tangible": ("NPV chỉ tính lợi ích hữu hình", "NPV, tangible benefits only"),
    "econ_bcr": ("Tỷ số lợi ích/chi phí", "Benefit/cost ratio"),
    "econ_payback": ("Năm hoàn vốn", "Payback year"),
    "econ_never": ("chưa hoàn vốn trong thời gian tính", "not within the horizon"),
    "econ_cost_per_tx": ("Chi phí mỗi {name}", "Cost per {name}"),
    "econ_best": ("Phương án có NPV cao nhất: {name}", "Highest NPV: {name}"),
    "econ_positive": ("giá trị tạo ra lớn hơn chi phí", "creates more value than it costs"),
    "econ_negative_npv": ("chi phí lớn hơn giá trị tạo ra", "costs more than the value it creates"),
    "econ_years_table": ("Dòng tiền theo năm", "Cash flow by year"),
    "econ_year": ("Năm", "Year"),
    "econ_start": ("Đầu kỳ", "Start"),
    "econ_cost": ("Chi phí", "Cost"),
    "econ_benefit": ("Lợi ích", "Benefit"),
    "econ_cum_cost": ("Chi phí lũy kế", "Cumulative cost"),
    "econ_cum_benefit": ("Lợi ích lũy kế", "Cumulative benefit"),
    "econ_cost_lines": ("Các khoản chi phí", "Cost lines"),
    "econ_benefit_lines": ("Các khoản lợi ích", "Benefit lines"),
    "econ_line": ("Khoản", "Line"),
    "econ_kind": ("Loại", "Kind"),
    "econ_kind_upfront": ("đầu tư ban đầu", "up-front"),
    "econ_kind_capacity": ("năng lực tự đầu tư", "owned capacity"),
    "econ_kind_residual": ("giá trị còn lại cuối kỳ (được tính lại)", "residual value (credited)"),
    "econ_kind_maintenance": ("bảo trì", "maintenance"),
    "econ_kind_recurring": ("chi thường xuyên", "recurring"),
    "econ_kind_usage": ("thuê theo mức dùng", "usage rental"),
    "econ_kind_benefit": ("hữu hình", "tangible"),
    "econ_kind_intangible": ("vô hình, quy đổi", "intangible, by proxy"),
    "econ_maintenance": ("Bảo trì: {rate} giá trị tài sản mỗi năm", "Maintenance: {rate} of assets a year"),
    "econ_total": ("Tổng", "Total"),
    "econ_rent_invest": ("Thuê hay đầu tư", "Rent or invest"),
    "econ_demand": ("Nhu cầu trung bình", "Average demand"),
    "econ_peak": ("Nhu cầu cao điểm", "Peak demand"),
    "econ_installed": ("Năng lực đầu tư (theo cao điểm)", "Installed capacity (sized for the peak)"),
    "econ_utilization": ("Hiệu suất sử dụng", "Utilization"),
    "econ_utilization_range": (
        "Năng lực tự đầu tư chỉ được dùng {first} năm đầu và {last} năm cuối.",
        "Owned capacity is used {first} in the first year and {last} in the last.",
    ),
    "econ_crossover": (
        "Chi phí lũy kế của thuê bắt kịp đầu tư vào năm {year}.",
        "The running cost of renting catches up with investing in {year}.",
    ),
    "econ_no_crossover": (
        "Trong suốt thời gian tính, chi phí lũy kế của thuê luôn thấp hơn đầu tư.",
        "Over the whole horizon, the running cost of renting stays below investing.",
    ),
    "econ_break_even": (
        "Điểm hòa vốn: từ mức nhu cầu năm đầu {value} {unit} trở lên, “{high}” luôn rẻ hơn; dưới mức đó, “{low}” nhìn chung rẻ hơn.",
        "Break-even: from {value} {unit} of first-year demand up, “{high}” is always cheaper; below it, “{low}” mostly is.",
    ),
    "econ_no_break_even": (
        "Ở mọi mức nhu cầu từ 1/64 đến 64 lần mức đã nêu, “{name}” đều rẻ hơn.",
        "At any demand from 1/64 to 64 times the stated one, “{name}” is cheaper.",
    ),
    "econ_sharing": ("Dùng chung hay mỗi nơi một hệ thống", "One shared platform or one system each"),
    "econ_units": ("Số đơn vị", "Units"),
    "econ_separate_total": ("Mỗi đơn vị tự làm", "Each unit on its own"),
    "econ_shared_total": ("Một nền tảng dùng chung", "One shared platform"),
    "econ_sharing_summary": (
        "Mỗi đơn vị tự làm tốn {own} (giá trị hiện tại); nền tảng chung tốn {fixed} cố định và {each} cho mỗi đơn vị.",
        "Each unit on its own costs {own} (present value); a shared platform costs {fixed} fixed and {each} per unit.",
    ),
    "econ_sharing_break_even": (
        "Từ {n} đơn vị trở lên, dùng chung rẻ hơn; với {units} đơn vị, tiết kiệm {saved}.",
        "From {n} units on, sharing is cheaper; with {units} units it saves {saved}.",
    ),
    "econ_sharing_never": (
        "Với tối đa {units} đơn vị, dùng chung chưa rẻ hơn.",
        "Up to {units} units, sharing is not cheaper.",
    ),
    "econ_uncertainty": ("Độ bất định", "Uncertainty"),
    "econ_no_ranges": (
        "Không có đầu vào nào được nêu dưới dạng khoảng, nên kết quả là một con số chắc chắn theo các giả định đã nêu.",
        "No input is given as a range, so the result is a single number under the stated assumptions.",
    ),
    "econ_simulation": (
        "Mô phỏng Monte Carlo: {runs} lần rút ngẫu nhiên {inputs} đầu vào dạng khoảng (hạt giống {seed}).",
        "Monte Carlo: {runs} joint draws of {inputs} ranged inputs (seed {seed}).",
    ),
    "econ_chance_positive": ("Xác suất lợi ích > chi phí", "Chance benefit > cost"),
    "econ_chance_best": ("Xác suất là phương án tốt nhất", "Chance of being the best option"),
    "econ_p5": ("NPV thấp (P5)", "Low NPV (P5)"),
    "econ_p50": ("NPV trung vị", "Median NPV"),
    "econ_p95": ("NPV cao (P95)", "High NPV (P95)"),
    "econ_sensitivity": (
        "Độ nhạy: đầu vào nào làm NPV thay đổi nhiều nhất",
        "Sensitivity: which inputs move the NPV most",
    ),
    "econ_input": ("Đầu vào", "Input"),
    "econ_range": ("Khoảng", "Range"),
    "econ_at_low": ("NPV ở đầu thấp", "NPV at low end"),
    "econ_at_high": ("NPV ở đầu cao", "NPV at high end"),
    "econ_swing": ("Biên độ", "Swing"),
    "econ_assumptions": ("Giả định", "Assumptions"),
    "econ_chart_cumulative": ("Chi phí và lợi ích lũy kế theo năm", "Cumulative cost and benefit by year"),
    "econ_chart_sharing": ("Tổng chi phí theo số đơn vị", "Total cost by number of units"),
    "econ_chart_npv": ("Phân bố NPV qua mô phỏng", "NPV distribution over the simulation"),
    "econ_million": ("triệu đồng", "million VND"),
    "econ_billion": ("tỷ đồng", "billion VND"),
}

ASSUMPTIONS: dict[str, tuple[str, str]] = {
    "econ_a_money": (
        "Mọi số tiền tính bằng đồng Việt Nam theo giá của năm phát sinh.",
        "All amounts are in Vietnamese đồng at the prices of the year they fall in.",
    ),
    "econ_a_timing": (
        "Khoản đầu tư ban đầu chi ở đầu năm thứ nhất; các khoản khác tính ở cuối năm phát sinh.",
        "Up-front purchases are paid at the start of year one; everything else at the end of its year.",
    ),
    "econ_a_discount": (
        "NPV chiết khấu khoản ở năm t theo (1 + {rate})^t.",
        "NPV discounts an amount in year t by (1 + {rate})^t.",
    ),
    "econ_a_residual": (
        "Tài sản có tuổi thọ được mua lại khi hết tuổi thọ; phần giá trị còn lại cuối kỳ (khấu hao đường thẳng) được tính vào giá trị ròng và NPV, không tính vào tiền phải chi và năm hoàn vốn.",
        "Assets with a life are bought again when it ends; what is left of them at the end (straight-line) counts in net value and NPV, not in money paid or the payback year.",
    ),
    "econ_a_no_residual": (
        "Tài sản có tuổi thọ được mua lại khi hết tuổi thọ; không tính giá trị còn lại cuối kỳ.",
        "Assets with a life are bought again when it ends; no residual value is credited.",
    ),
    "econ_a_payback": (
        "Năm hoàn vốn là năm đầu tiên mà từ đó lợi ích lũy kế không còn thấp hơn chi phí lũy kế (chưa chiết khấu).",
        "The payback year is the first year from which cumulative benefit stays at or above cumulative cost (undiscounted).",
    ),
    "econ_a_capacity": (
        "Phương án đầu tư mua đủ năng lực cho mức cao điểm lớn nhất trong thời gian tính (nhu cầu trung bình × hệ số cao điểm {peak}).",
        "The invest option buys enough capacity for the highest peak of the horizon (average demand × peak factor {peak}).",
    ),
    "econ_a_usage": (
        "Phương án thuê trả theo mức dùng trung bình mỗi năm, không trả cho năng lực để trống.",
        "The rent option pays for average use each year, never for idle capacity.",
    ),
    "econ_a_intangible": (
        "Lợi ích vô hình “{name}” được quy ra tiền qua đại lượng thay thế: {proxy}",
        "Intangible benefit “{name}” is valued through a proxy: {proxy}",
    ),
    "econ_a_ranges": (
        "Đầu vào dạng khoảng được rút theo phân phối tam giác (thấp, khả dĩ nhất, cao); kết quả chính dùng giá trị khả dĩ nhất.",
        "Ranged inputs are drawn from a triangular distribution (low, likely, high); the main result uses the likely values.",
    ),
    "econ_a_sharing": (
        "So sánh dùng chung tính theo giá trị hiện tại của chi phí trong cùng thời gian tính.",
        "The sharing comparison uses the present value of costs over the same horizon.",
    ),
}

register(ERRORS | FIELDS | LABELS | ASSUMPTIONS)
