"""A target group's chapter: its targets with status and comparison figures, and its pages."""

from __future__ import annotations

from datetime import date

from programme_monitor.assessment import TargetStatus
from programme_monitor.formatting import format_target
from programme_monitor.judgement_words import judgement_basis, status_with_reason
from programme_monitor.markdown import markdown_table
from programme_monitor.overview import overview_rows


def group_chapter(dataset, group_id: str, as_of: date, statuses: dict[str, TargetStatus],
                  pages: dict[str, str]) -> str:
    group = next(g for g in dataset.programme["target_groups"] if g["id"] == group_id)
    indicator_ids = dataset.indicator_ids_in_group(group_id)
    targets = dataset.targets[dataset.targets["indicator"].isin(indicator_ids)]
    context = overview_rows(dataset, as_of).set_index("target_id")["context"]
    rows = [[t["clause"],
             f"{t['statement_vi']} ({dataset.programme['scopes'][t['area']]}): "
             f"{format_target(dataset, t)} ({t['year']})",
             status_with_reason(statuses[t["target_id"]]),
             judgement_basis(dataset, t, statuses[t["target_id"]]),
             context[t["target_id"]]]
            for _, t in targets.iterrows()]
    parts = [f"# {group['title_vi']}", "", group["intro_vi"].strip(), ""]
    if rows:
        parts += ["## Mục tiêu và đánh giá", "",
                  "Cột cuối đưa số liệu của tỉnh, thành phố hoặc cả nước để so sánh; các số liệu đó "
                  "không thay cho số liệu của địa bàn và không dùng để đánh giá.", "",
                  markdown_table(["Khoản", "Mục tiêu", "Đánh giá", "Căn cứ đánh giá",
                                  "Để so sánh (không thay số liệu địa bàn)"], rows), ""]
    parts += ["## Trang từng chỉ số", "",
              "Mỗi trang có định nghĩa, biểu đồ, bảng số liệu với nguồn và mọi đầu vào của phép "
              "đánh giá.", ""]
    for indicator_id in indicator_ids:
        n = int((targets["indicator"] == indicator_id).sum())
        role = f"{n} mục tiêu" if n else "số liệu bối cảnh"
        parts.append(f"- {{doc}}`{dataset.indicators[indicator_id]['name_vi']} "
                     f"<{pages[indicator_id]}>` ({role})")
    return "\n".join(parts + [""])
