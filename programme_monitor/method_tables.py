"""The method's cut-offs, statuses and scales as tables, read from progress_method.yaml."""

from __future__ import annotations

from datetime import date

from programme_monitor.formatting import cite, format_date, format_number
from programme_monitor.markdown import markdown_table
from programme_monitor.progress import method


def _percent(value: float) -> str:
    return f"{format_number(round(value * 100, 2))} %"


def ratio_cutoff_table() -> str:
    cut = method()["ratio_cutoffs"]
    statuses = method()["statuses"]
    rows = [["Giá trị mới nhất đạt mục tiêu", _label(statuses, "achieved")],
            [f"R ≥ {format_number(cut['on-track'])}", _label(statuses, "on-track")],
            [f"{format_number(cut['acceleration-needed'])} ≤ R < {format_number(cut['on-track'])}",
             _label(statuses, "acceleration-needed")],
            [f"{format_number(cut['limited-progress'])} ≤ R < "
             f"{format_number(cut['acceleration-needed'])}", _label(statuses, "limited-progress")],
            [f"R < {format_number(cut['limited-progress'])}", _label(statuses, "deterioration")]]
    return markdown_table(["Điều kiện", "Đánh giá"], rows)


def growth_cutoff_table() -> str:
    cut = method()["growth_cutoffs"]
    statuses = method()["statuses"]
    rows = [[f"g ≥ {_percent(cut['on-track'])}/năm × C", _label(statuses, "on-track")],
            [f"{_percent(cut['acceleration-needed'])}/năm × C ≤ g < {_percent(cut['on-track'])}/năm × C",
             _label(statuses, "acceleration-needed")],
            [f"0 ≤ g < {_percent(cut['acceleration-needed'])}/năm × C", _label(statuses, "limited-progress")],
            ["g < 0", _label(statuses, "deterioration")]]
    return markdown_table(["Tốc độ tăng theo hướng mong muốn g", "Đánh giá"], rows)


def status_legend_table() -> str:
    rows = [[spec["symbol"], spec["label_vi"], " ".join(spec["meaning_vi"].split())]
            for spec in method()["statuses"].values()]
    return markdown_table(["Ký hiệu", "Đánh giá", "Nghĩa là"], rows)


def reasons_table() -> str:
    return markdown_table(["Lý do chưa đánh giá được"],
                          [[text["long_vi"]] for text in method()["reasons"].values()])


def completion_table() -> str:
    rows = [[spec["symbol"], spec["label_vi"]] for spec in method()["completion"].values()]
    return markdown_table(["Ký hiệu", "Mức độ hoàn thành (OGP)"], rows)


def references_list() -> str:
    return "\n".join(f"- [{ref['title']}]({ref['url']})" for ref in method()["method"]["references"])


def _label(statuses: dict, name: str) -> str:
    return f"{statuses[name]['symbol']} {statuses[name]['label_vi']}"


def boundary_lines(dataset) -> str:
    """The programme area's successive boundaries, from areas.csv: the breaks in its series."""
    lines = []
    for lineage, scope in dataset.programme["scopes"].items():
        areas = dataset.areas[dataset.areas["lineage"] == lineage]
        if len(areas) < 2:
            continue
        spans = []
        for area in areas.itertuples():
            start = format_date(date.fromisoformat(area.valid_from)) if area.valid_from else "…"
            end = format_date(date.fromisoformat(area.valid_to)) if area.valid_to else "nay"
            code = f"mã {area.official_code}; " if area.official_code else ""
            spans.append(f"{area.name_vi} ({code}{start} – {end})")
        lines.append(f"- {scope}: " + "; ".join(spans) + ".")
        lines += _parts_lines(dataset, areas)
    return "\n".join(lines) or "- Địa bàn của Chương trình không đổi địa giới."


def _parts_lines(dataset, areas) -> list[str]:
    """The units an area of the lineage is made of, and which figures are added up from them."""
    lines = []
    additive = [spec["name_vi"].lower() for spec in dataset.indicators.values()
                if spec.get("additive")]
    for whole in areas.itertuples():
        parts = dataset.areas[dataset.areas["part_of"] == whole.area_id]
        if parts.empty:
            continue
        names = ", ".join(f"{p.name_vi} (mã {p.official_code})" if p.official_code else p.name_vi
                          for p in parts.itertuples())
        lines.append(f"  - {whole.name_vi} gồm {len(parts)} đơn vị: {names}. Số liệu của các "
                     f"đơn vị này được cộng thành số của cả địa bàn khi đủ cả {len(parts)} đơn vị "
                     f"cùng kỳ, và chỉ với chỉ số cộng được"
                     + (f" ({', '.join(additive)})" if additive else "") + "; tỷ lệ và chỉ số "
                     "bình quân đầu người không bao giờ được cộng."
                     + ("" if dataset.observations["area"].isin(parts["area_id"]).any() else
                        " Chưa có số liệu nào của các đơn vị này được ghi nhận."))
    return lines


def scale_break_lines(dataset) -> str:
    """Indicators whose scale changed, from the `breaks` of indicators.yaml."""
    lines = [f"- {spec['name_vi']}, từ {format_date(brk['date'])}: {brk['note_vi']} "
             f"({cite(dataset, brk['source'])})"
             for spec in dataset.indicators.values() for brk in spec.get("breaks", [])]
    return "\n".join(lines) or "- Không chỉ số nào đổi cách phân loại."


def constants_table() -> str:
    """The method's fixed numbers besides the cut-offs, as the code reads them."""
    spec = method()
    rows = [["Giá trị thay cho giá trị gốc (hoặc mục tiêu) bằng 0", format_number(spec["zero_replacement"], 3)],
            ["Số mũ a của hệ số trần C", format_number(spec["ceiling_exponent"])],
            ["Khoảng cách tối thiểu giữa giá trị gốc và giá trị mới nhất (năm)",
             format_number(spec["minimum_span_years"])]]
    return markdown_table(["Hằng số", "Giá trị"], rows)
