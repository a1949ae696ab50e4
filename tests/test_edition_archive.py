"""Published editions kept in the programme's folder, and what changed since the last one.

The tables here are SYNTHETIC: the few columns edition_changes compares, as text, the way a data
package writes them.
"""

import io
import shutil
from datetime import date

import pandas as pd
import pytest
import yaml

from programme_monitor.assess.edition_changes import edition_changes, split_figure
from programme_monitor.cli import main as cli
from programme_monitor.data.chapters import plan_chapters
from programme_monitor.data.edition_archive import (
    ArchiveError,
    archived_editions,
    package_of,
    previous_edition,
    read_edition,
    write_edition,
)
from programme_monitor.pages.chapter import open_chapter
from programme_monitor.pages.since_last_edition import since_last_values


def _tables(targets, figures, sources, tasks) -> dict[str, pd.DataFrame]:
    target_columns = ["target_id", "status", "reason", *["latest_period", "latest_value"],
                      "evidence_period", "evidence_value"]  # fmt: skip
    return {
        "progress-inputs": pd.DataFrame(targets, columns=target_columns),
        "observations": pd.DataFrame(
            figures, columns=["indicator", "area", "period", "value", "unit", "source", "flags"]
        ),
        "sources": pd.DataFrame(sources, columns=["source_id", "title", "published"]),
        "task-status": pd.DataFrame(tasks, columns=["task_id", "completion", "source"]),
    }


BEFORE = _tables(
    targets=[
        ["T1", "not-assessable", "no-data", "", "", "", ""],
        ["T2", "on-track", "", "2024", "40", "", ""],
        ["T3", "on-track", "", "2024", "50", "", ""],
        ["T4", "on-track", "", "2024", "70", "", ""],
    ],
    figures=[
        ["a", "x", "2024", "40", "percent", "S1", ""],
        ["b", "x", "2024", "50", "percent", "S1", ""],
        ["c", "x", "2023", "9", "units", "S1", ""],
    ],
    sources=[["S1", "Niên giám (giả)", "2025"]],
    tasks=[["III.1", "limited", "S1"], ["III.2", "no-evidence", ""]],
)
AFTER = _tables(
    targets=[
        ["T1", "on-track", "", "2025", "12", "", ""],  # a figure came: status moved
        ["T2", "not-achieved", "", "2024", "40", "", ""],  # same figure, later date
        ["T3", "on-track", "", "2025", "55", "", ""],  # new figure, same status
        ["T4", "on-track", "", "2024", "70", "", ""],  # nothing moved
    ],
    figures=[
        ["a", "x", "2024", "40", "percent", "S1", ""],
        ["b", "x", "2024", "52", "percent", "S1", "at-least"],  # corrected by its source
        ["b", "x", "2024", "51", "percent", "S2", ""],  # another source's: a new figure beside
        ["d", "x", "2025", "12", "percent", "S2", ""],  # new; c withdrawn
    ],
    sources=[["S1", "Niên giám (giả)", "2025"], ["S2", "Báo cáo (giả)", "2026-03"]],
    tasks=[["III.1", "substantial", "S2"], ["III.2", "no-evidence", ""]],
)


def test_every_kind_of_change_between_two_editions_is_found_and_nothing_else():
    changes = edition_changes(BEFORE, AFTER)
    found = {
        (row.change, row.item): (row.before, row.after, row.why) for row in changes.itertuples()
    }
    assert found == {
        ("target-status", "T1"): ("not-assessable", "on-track", "new-figure"),
        ("target-status", "T2"): ("on-track", "not-achieved", "time-passed"),
        ("target-figure", "T3"): ("50 (2024)", "55 (2025)", "on-track"),
        ("figure-corrected", "b|x|2024|S1"): ("50", "52 [at-least]", "S1"),
        ("figure-new", "b|x|2024|S2"): ("", "51", "S2"),
        ("figure-new", "d|x|2025|S2"): ("", "12", "S2"),
        ("figure-withdrawn", "c|x|2023|S1"): ("9", "", "S1"),
        ("source-new", "S2"): ("", "Báo cáo (giả)", "2026-03"),
        ("task-completion", "III.1"): ("limited", "substantial", "S2"),
    }
    assert edition_changes(AFTER, AFTER).empty
    assert split_figure("52 [at-least]") == ("52", "at-least") and split_figure("8") == ("8", "")


def test_a_status_moved_by_the_methods_reason_names_that_reason():
    after = {**AFTER, "progress-inputs": AFTER["progress-inputs"].copy()}
    after["progress-inputs"].loc[1, ["status", "reason"]] = ["not-assessable", "scale-changed"]
    changes = edition_changes(BEFORE, after).set_index("item")
    assert changes.loc["T2", "why"] == "scale-changed"


def test_an_archived_edition_is_never_written_again_and_never_half_written(tmp_path):
    compared = ("progress-inputs.csv", "task-status.csv", "observations.csv", "sources.csv")
    files = {name: b"x\n" for name in compared}
    files["datapackage.json"] = b"{}"
    written = write_edition(tmp_path, date(2026, 1, 15), files)
    assert written == tmp_path / "editions" / "2026-01-15"
    with pytest.raises(ArchiveError, match="đã được lưu"):
        write_edition(tmp_path, date(2026, 1, 15), {**files, "sources.csv": b"changed\n"})
    assert (written / "sources.csv").read_bytes() == b"x\n"
    with pytest.raises(ArchiveError, match="thiếu task-status.csv"):
        write_edition(tmp_path, date(2026, 6, 30), {"progress-inputs.csv": b""})
    assert sorted(p.name for p in (tmp_path / "editions").iterdir()) == ["2026-01-15"]
    (tmp_path / "editions" / "README.md").write_text("not an edition", "utf-8")
    assert archived_editions(tmp_path) == [date(2026, 1, 15)]
    assert previous_edition(tmp_path, date(2026, 1, 15)) is None  # not before itself
    assert previous_edition(tmp_path, date(2026, 6, 30)) == date(2026, 1, 15)
    assert set(package_of(tmp_path, date(2026, 1, 15))) == set(files)


def test_only_an_edition_that_follows_an_archived_one_opens_with_what_changed(mini_copy):
    dataset = open_chapter(mini_copy, "2026-06-30").dataset
    first = [run.docname for run in plan_chapters(dataset, date(2026, 6, 30))]
    assert first[0] == "since-last-edition"
    assert "since-last-edition" not in [
        r.docname for r in plan_chapters(dataset, date(2026, 1, 15))
    ]
    assert "since-last-edition" not in [r.docname for r in plan_chapters(dataset)]
    shutil.rmtree(mini_copy / "editions")
    assert "since-last-edition" not in [
        r.docname for r in plan_chapters(dataset, date(2026, 6, 30))
    ]


def test_the_archive_command_keeps_a_declared_edition_as_its_data_page_offers_it(mini_copy, capsys):
    shutil.rmtree(mini_copy / "editions")
    assert cli(["archive", "--data", str(mini_copy), "--as-of", "2026-03-01"]) == 2
    assert "không có ấn bản ngày 2026-03-01" in capsys.readouterr().err
    assert not (mini_copy / "editions").exists()
    site = mini_copy.parent / "site"
    (site).mkdir()
    (site / "TEST-01-2026-01-15.pdf").write_bytes(b"%PDF-1.5 SYNTHETIC")
    args = ["archive", "--data", str(mini_copy), "--as-of", "2026-01-15", "--site", str(site)]
    assert cli(args) == 0
    kept = read_edition(mini_copy, date(2026, 1, 15))
    assert set(kept["progress-inputs"]["as_of"]) == {"2026-01-15"}
    assert (mini_copy / "editions/2026-01-15/booklets/vi.pdf").read_bytes() == b"%PDF-1.5 SYNTHETIC"
    assert cli(args) == 2  # a second time: refused, nothing rewritten
    assert "đã được lưu" in capsys.readouterr().err


def test_the_chapter_shows_the_changes_in_the_editions_words_and_offers_them_as_csv(mini_copy):
    """The mini programme's archived first edition (15/01/2026) against its second (30/06/2026):
    one figure came, so a target became assessable; one task moved."""
    values, files = since_last_values(open_chapter(mini_copy, "2026-06-30"))
    assert "15/01/2026" in values["lead"] and "1 số liệu mới" in values["lead"]
    assert "– Chưa đánh giá được | ● Đúng tiến độ" in values["targets_section"]
    assert "36,75\u00a0%" in values["figures_section"]  # a no-break space before %
    assert "◔ Hạn chế | ◕ Đáng kể" in values["tasks_section"]
    assert values["target_figures_section"] == ""  # nothing of that kind: no empty heading
    [csv] = files.values()
    assert csv.decode().splitlines()[1].startswith("2026-01-15,2026-06-30,target-status,X1,")
    # Against itself: the same edition archived is "nothing changed", said in words.
    programme = yaml.safe_load((mini_copy / "programme.yaml").read_text("utf-8"))
    third = {"date": date(2026, 12, 31), "changes_vi": "Ấn bản giả thứ ba."}
    programme["publication"]["editions"].insert(0, third)
    (mini_copy / "programme.yaml").write_text(
        yaml.safe_dump(programme, allow_unicode=True), "utf-8"
    )
    assert cli(["archive", "--data", str(mini_copy), "--as-of", "2026-06-30"]) == 0
    values, _ = since_last_values(open_chapter(mini_copy, "2026-07-01"))
    assert "30/06/2026" in values["lead"] and "Không có thay đổi nào" in values["lead"]


def test_a_comparison_on_a_key_that_is_not_unique_is_refused_rather_than_losing_a_row():
    twice = {**AFTER, "observations": pd.concat([AFTER["observations"]] * 2, ignore_index=True)}
    with pytest.raises(ValueError, match="not unique"):
        edition_changes(BEFORE, twice)


def test_the_real_current_edition_against_the_kept_one_of_30_06_2025():
    """Checked by hand against the data files: from 30/6/2025 to 24/11/2026 no figure of the area
    came (the 3 on its successor rest on a source dated only 2026, after 24/11/2026); the national
    and city figures published in between are new; T03 (general plan by 2025) is overdue without
    evidence; T34 (class II by 2045) cannot be assessed since the classes changed on 1/1/2026.
    The bank-account figures of 2023 and 2024 rested on a copy on a sports site and are withdrawn;
    the State Bank's figure comes back from the press report of February 2026 (issue 19)."""
    from tests.conftest import REAL_DATA

    values, files = since_last_values(open_chapter(REAL_DATA, "2026-11-24"))
    changes = pd.read_csv(io.BytesIO(next(iter(files.values()))), dtype=str, keep_default_na=False)
    moved = changes[changes["change"] == "target-status"].set_index("item")
    assert moved[["before", "after", "why"]].to_dict("index") == {
        "T03": {"before": "not-yet", "after": "unconfirmed-after-deadline", "why": "time-passed"},
        "T34": {"before": "not-yet", "after": "not-assessable", "why": "scale-changed"},
    }
    new = changes[changes["change"] == "figure-new"]["item"].str.split("|").str[:2].str.join("|")
    assert (
        sorted(set(new))
        == [
            "adults_with_bank_account|viet-nam",
            "fibre_household_coverage|viet-nam",
            "grdp_growth|hai-phong",
            "grdp_growth|hai-phong-merged",
            "housing_floor_area_per_person|viet-nam",
            "mobile_5g_coverage|viet-nam",
            "urbanisation_rate|viet-nam",
        ]
        and len(new) == 9
    )
    withdrawn = changes[changes["change"] == "figure-withdrawn"]["item"]
    assert sorted(withdrawn) == [
        "adults_with_bank_account|viet-nam|2023|S-SBV-ACCOUNTS",
        "adults_with_bank_account|viet-nam|2024|S-SBV-ACCOUNTS",
    ]
    assert set(changes["change"]) == {
        "target-status",
        "figure-new",
        "figure-withdrawn",
        "source-new",
    }
    assert "45\u00a0% (mục tiêu của kế hoạch khác)" in values["figures_section"]
    assert "trên 91\u00a0%" in values["figures_section"]  # a bound in its own words, not named
