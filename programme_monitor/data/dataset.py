"""Load a programme's data directory, check every file and every reference between them.

`load_dataset(data_dir)` is the one way in: it returns a Dataset or raises DataErrors listing every
problem found (file, row, column, what to do), so nothing is built from data that was not checked.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

import pandas as pd

from programme_monitor.common.periods import latest_possible_date, parse_period
from programme_monitor.common.resources import package_yaml
from programme_monitor.data.area_codes import check_official_codes
from programme_monitor.data.area_series import add_sums_of_parts
from programme_monitor.data.contract import (
    DOCUMENTS,
    TABLES,
    check_document,
    check_foreign_keys,
    check_table,
    columns,
    optional_columns,
)
from programme_monitor.data.dataset_assessments import (
    check_breaks,
    check_milestone_values,
    check_stage_values,
    load_task_assessments,
)
from programme_monitor.data.errors import ErrorCollector, RowErrors, said
from programme_monitor.data.programme_pages import NO_PAGES, ProgrammePages, read_programme_pages
from programme_monitor.data.readers import read_csv_records, read_text, read_yaml
from programme_monitor.data.translations import (
    check_category_translations,
    check_document_translations,
    check_table_translations,
    edition_languages,
    is_translation,
)
from programme_monitor.data.value_rules import observation_cells, source_cells
from programme_monitor.words.edition import SOURCE_LANGUAGE, Edition, localized, localized_frame

FILES = {**DOCUMENTS, "changes": "changes.yaml", **TABLES}
# Parts a programme may not have: no administrative change to record, no task assessed yet, no
# search for missing figures logged. A folder without them is read as if they were empty.
OPTIONAL_FILES = ("changes", "task_assessments", "searches")

COLUMNS = {table: columns(table) for table in TABLES}


def load_vocabulary(lang: str = SOURCE_LANGUAGE) -> dict[str, Any]:
    """Target kinds, observation flags and other terms shared by every programme, worded in
    `lang`."""
    return localized(package_yaml("data", "vocabulary.yaml"), lang, "vocabulary.yaml")


def _split_list(text: str) -> list[str]:
    return [part.strip() for part in text.split(";") if part.strip()]


def _squash_spaces(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class Dataset:
    """A checked programme: its texts, targets, tasks, indicators, areas, sources, observations."""

    data_dir: Path
    programme: dict[str, Any]
    indicators: dict[str, dict[str, Any]]
    units: dict[str, dict[str, Any]]
    changes: dict[str, Any]
    areas: pd.DataFrame
    bodies: pd.DataFrame
    sources: pd.DataFrame
    targets: pd.DataFrame
    tasks: pd.DataFrame
    observations: pd.DataFrame
    task_assessments: pd.DataFrame
    searches: pd.DataFrame  # where and when missing figures were looked for (searches.csv)
    vocabulary: dict[str, Any] = field(default_factory=load_vocabulary)
    # The edition the texts above are in; pages write numbers, dates and words through it.
    edition: Edition = field(default_factory=Edition)
    # The programme's own hand-written pages (pages/), in every language it publishes.
    pages: ProgrammePages = NO_PAGES

    @cached_property
    def area_names(self) -> dict[str, str]:
        """Readers' name of every area id."""
        return dict(zip(self.areas["area_id"], self.areas["name"]))

    @cached_property
    def programme_text(self) -> str:
        return (self.data_dir / self.programme["text_file"]).read_text("utf-8")

    def indicator_ids_in_group(self, group_id: str) -> list[str]:
        """Indicators of a group: those with targets first (in target order), then context ones."""
        in_group = [i for i, d in self.indicators.items() if d["group"] == group_id]
        with_targets = [i for i in dict.fromkeys(self.targets["indicator"]) if i in in_group]
        return with_targets + [i for i in in_group if i not in with_targets]


def load_dataset(data_dir: str | Path, edition: Edition | None = None) -> Dataset:
    """Read and check every file of a programme's data directory, for `edition` (by default the
    programme's own language, with no reporting date); raise DataErrors on problems."""
    return for_edition(check_programme(Path(data_dir)), edition or Edition())


@dataclass(frozen=True)
class CheckedProgramme:
    """A programme's files read and checked, every text in all its languages: what editions are
    made from."""

    data_dir: Path
    programme: dict[str, Any]
    indicators: dict[str, dict[str, Any]]
    units: dict[str, dict[str, Any]]
    changes: dict[str, Any]
    frames: dict[str, pd.DataFrame]  # by name in FILES, in the order of Dataset's fields
    pages: ProgrammePages = NO_PAGES


def for_edition(checked: CheckedProgramme, edition: Edition) -> Dataset:
    """The programme as one edition shows it: every text also under its plain name (`name`), in
    the edition's language."""
    lang = edition.lang
    frames = [localized_frame(frame, lang, FILES[name]) for name, frame in checked.frames.items()]
    return Dataset(
        checked.data_dir,
        localized(checked.programme, lang, "programme"),
        localized(checked.indicators, lang, "indicators"),
        localized(checked.units, lang, "units"),
        localized(checked.changes, lang, "changes"),
        *frames,
        load_vocabulary(lang),
        edition,
        checked.pages,
    )


def check_programme(data_dir: Path, today: date | None = None) -> CheckedProgramme:
    """Read and check every file of a programme's data directory; raise DataErrors on problems,
    all of them at once, each naming its file, row and column. `today` (default: the machine's
    date) bounds what can have been measured."""
    errors = ErrorCollector()
    files = _read_files(data_dir, errors)
    pages = read_programme_pages(data_dir, edition_languages(files.programme), errors)
    _normalise_cells(files, errors)
    if files.unreadable:  # the checks that join files need them all; each file's own still run
        _check_each_file(files, errors)
        errors.raise_if_any()
    _check_contract(files, errors)
    text = read_text(data_dir / files.programme.get("text_file", "programme-text.txt"), errors)
    _check_indicators(
        files.indicators, files.units, files.programme, files.paths["indicators"], errors
    )
    frames = _load_tables(files, text or "", errors, today or date.today())
    _check_across_tables(files, frames, errors)
    _check_translations(files, errors)
    errors.fill_found_values(
        {files.paths[table]: dict(records) for table, records in files.records.items()}
    )
    errors.raise_if_any()
    published = dict(zip(frames["sources"]["source_id"], frames["sources"]["published_by"]))
    areas = frames["areas"]
    parts_known = {
        area: published[source]
        for area, source in zip(areas["area_id"], areas["part_of_source"])
        if source in published
    }
    frames["observations"] = add_sums_of_parts(
        frames["observations"], areas, files.indicators, parts_known
    )
    return CheckedProgramme(
        data_dir, files.programme, files.indicators, files.units, files.changes, frames, pages
    )


@dataclass(frozen=True)
class _ProgrammeFiles:
    """Every file of a programme's folder as read, before any check."""

    paths: dict[str, Path]
    programme: dict
    indicator_file: dict
    changes: dict
    records: dict[str, list[tuple[int, dict[str, str]]]]  # by table: (row, cells)
    unreadable: set[str]  # files missing or not readable, by name in FILES

    @property
    def indicators(self) -> dict:
        return self.indicator_file.get("indicators", {})

    @property
    def units(self) -> dict:
        return self.indicator_file.get("units", {})


def _read_files(data_dir: Path, errors: ErrorCollector) -> _ProgrammeFiles:
    """Every file as read; an optional file that is absent reads as empty. A file that cannot be
    read (missing, not UTF-8, broken YAML, no header) is named in `unreadable`."""
    paths = {name: data_dir / filename for name, filename in FILES.items()}
    absent = {name for name in OPTIONAL_FILES if not paths[name].exists()}
    content, unreadable = {}, set()
    for name, path in paths.items():
        before = len(errors.errors)
        if name in absent:
            content[name] = {} if name in DOCUMENTS or name == "changes" else []
        elif name in COLUMNS:
            required = [c for c in COLUMNS[name]
                        if not is_translation(c) and c not in optional_columns(name)]  # fmt: skip
            content[name] = read_csv_records(path, required, errors)
        else:
            content[name] = read_yaml(path, errors) or {}
        if any(e.row is None or e.column is None for e in errors.errors[before:]):
            unreadable.add(name)
    records = {name: content[name] for name in COLUMNS}
    return _ProgrammeFiles(paths, content["programme"], content["indicators"], content["changes"],
                           records, unreadable)  # fmt: skip


def _check_each_file(files: _ProgrammeFiles, errors: ErrorCollector) -> None:
    """The contract of each file that could be read, on its own: with one file missing, the
    problems of the others are still named in the same run."""
    documents = {"programme": files.programme, "indicators": files.indicator_file}
    for name, document in documents.items():
        if name not in files.unreadable:
            check_document(name, document, files.paths[name], errors)
    for table, table_records in files.records.items():
        if table not in files.unreadable:
            check_table(table, table_records, files.paths[table], errors)


def _normalise_cells(files: _ProgrammeFiles, errors: ErrorCollector) -> None:
    """observations.csv and sources.csv read by the value rules the import uses (value_rules.py):
    what the import normalises is normalised here, what it refuses is refused here, before any
    other check."""
    rules = {
        "observations": lambda cells: observation_cells(cells, files.indicators, files.units),
        "sources": source_cells,
    }
    for table, rule in rules.items():
        normalised = []
        for row, cells in files.records[table]:
            record, refused = rule(cells)
            for column, why in refused.items():
                problem, fix = why.words()
                errors.at(files.paths[table], row)(column, problem, fix, found=cells[column])
            normalised.append((row, record))
        files.records[table] = normalised


def _check_contract(files: _ProgrammeFiles, errors: ErrorCollector) -> None:
    """What the schemas say: documents, cells, keys, references, official codes."""
    check_document("programme", files.programme, files.paths["programme"], errors)
    check_document("indicators", files.indicator_file, files.paths["indicators"], errors)
    for table, table_records in files.records.items():
        check_table(table, table_records, files.paths[table], errors)
    check_foreign_keys(files.records, files.paths, errors)
    check_official_codes(files.records["areas"], files.paths["areas"], errors)


def _load_tables(files: _ProgrammeFiles, text: str, errors: ErrorCollector, today: date) -> dict:
    """Every table as a frame, each row checked by the rules a schema cannot say."""
    records, paths, vocabulary = files.records, files.paths, load_vocabulary()
    areas = _frame(records["areas"], COLUMNS["areas"])
    bodies = _frame(records["bodies"], COLUMNS["bodies"])
    sources = _load_sources(records["sources"], paths["sources"], errors)
    scopes = files.programme.get("scopes", {})
    targets = _load_targets(
        records["targets"], paths["targets"], files.indicators, set(areas["lineage"]), scopes,
        vocabulary, text, errors,
    )  # fmt: skip
    tasks = _load_tasks(
        records["tasks"], paths["tasks"], files.programme, set(bodies["body_id"]), text, errors
    )
    observations = _load_observations(
        records["observations"], paths["observations"], files.indicators, areas, sources,
        vocabulary, errors, today,
    )  # fmt: skip
    task_assessments = load_task_assessments(
        records["task_assessments"], paths["task_assessments"], sources, errors
    )
    searches = _load_searches(
        records["searches"], paths["searches"], files.indicators, errors, today
    )
    return {"areas": areas, "bodies": bodies, "sources": sources, "targets": targets,
            "tasks": tasks, "observations": observations,
            "task_assessments": task_assessments, "searches": searches}  # fmt: skip


def _load_searches(
    records, path: Path, indicators: dict, errors: ErrorCollector, today: date
) -> pd.DataFrame:
    """The search log: each search's date (a real day, not after today) and its indicators (each
    declared), as a list."""
    frame = _frame(records, COLUMNS["searches"])
    for row, record in records:
        at = errors.at(path, row)
        searched = _known_date(record["searched_on"], path, row, "searched_on", errors)
        if searched and searched > today:
            at("searched_on", **said("search_in_future", today=today.isoformat()))
        for indicator in _split_list(record["indicators"]):
            if indicator not in indicators:
                at("indicators", **said("unknown_indicator", indicator=indicator))
    frame["indicators"] = [_split_list(text) for text in frame["indicators"]]
    return frame


def _check_across_tables(files: _ProgrammeFiles, frames: dict, errors: ErrorCollector) -> None:
    """Rules that join tables: scale breaks, milestone and stage values, the changes' references."""
    paths, indicators, sources = files.paths, files.indicators, frames["sources"]
    check_breaks(indicators, set(sources.index), paths["indicators"], errors)
    check_milestone_values(frames["targets"], indicators, paths["targets"], errors)
    check_stage_values(frames["observations"], indicators, paths["observations"], errors)
    target_ids = set(frames["targets"]["target_id"])
    _check_changes(files.changes, paths["changes"], target_ids, set(sources.index), errors)


def _check_translations(files: _ProgrammeFiles, errors: ErrorCollector) -> None:
    """Every text has its translation in every language the programme publishes."""
    paths, indicators = files.paths, files.indicators
    languages = edition_languages(files.programme)
    for table, table_records in files.records.items():
        check_table_translations(table_records, paths[table], languages, errors)
    for table, column in [("observations", "value"), ("targets", "value_text")]:
        check_category_translations(
            files.records[table], column, paths[table], indicators, languages, errors
        )
    for name, document in [
        ("programme", files.programme),
        ("indicators", files.indicator_file),
        ("changes", files.changes),
    ]:
        check_document_translations(document, paths[name], languages, errors)


def _frame(records: list[tuple[int, dict[str, str]]], columns: list[str]) -> pd.DataFrame:
    # A translation column may be absent from a file of a programme published in one language.
    rows = [{**dict.fromkeys(columns, ""), **record, "row": row} for row, record in records]
    return pd.DataFrame(rows, columns=[*columns, "row"])


def _check_indicators(
    indicators: dict, units: dict, programme: dict, path: Path, errors: ErrorCollector
) -> None:
    groups = {g["id"] for g in programme.get("target_groups", [])} | {"context"}
    for ind_id, spec in indicators.items():
        if not isinstance(spec, dict):
            continue  # reported by the contract
        if spec.get("unit") not in units:
            errors.add(
                path,
                None,
                f"indicators.{ind_id}.unit",
                f"đơn vị '{spec.get('unit')}' chưa khai báo",
                f"dùng một đơn vị trong mục units: {', '.join(units)}",
            )
        if spec.get("group") not in groups:
            errors.add(
                path,
                None,
                f"indicators.{ind_id}.group",
                f"nhóm '{spec.get('group')}' không có",
                f"dùng một nhóm của programme.yaml: {', '.join(sorted(groups))}",
            )
        for related in spec.get("related", []):
            if related not in indicators:
                errors.add(
                    path,
                    None,
                    f"indicators.{ind_id}.related",
                    f"chỉ số liên quan '{related}' không có",
                    "dùng mã chỉ số đã khai báo",
                )


def _number(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _load_sources(records, path: Path, errors: ErrorCollector) -> pd.DataFrame:
    frame = _frame(records, COLUMNS["sources"])
    published_by = []
    for row, record in records:
        if record["kind"] == "web" and not record["url"].startswith(("http://", "https://")):
            errors.at(path, row)("url", **said("web_source_address"))
        published = _known_date(record["published"], path, row, "published", errors)
        accessed = _known_date(record["accessed"], path, row, "accessed", errors)
        published_by.append(published)
        if published and accessed and published > accessed and len(record["published"]) == 10:
            errors.add(
                path,
                row,
                "accessed",
                f"ngày truy cập {record['accessed']} trước ngày đăng {record['published']}",
                "một nguồn không thể được đọc trước khi đăng: kiểm tra hai ngày này",
                expected=f"từ {record['published']} trở đi",
            )
        _check_the_check(record, path, row, published, errors)
    frame["published_by"] = published_by
    return frame.set_index("source_id", drop=False)


def _check_the_check(
    record: dict, path: Path, row: int, published: date | None, errors: ErrorCollector
) -> None:
    """A date checked says what the check found, and a finding says when: a reviewer weighs a
    citation by both. A check cannot come before the page was published (known to the day: a
    page dated "2026" may be checked in 2026)."""
    checked_text, finding = record.get("checked", ""), record.get("check_vi", "")
    checked = _known_date(checked_text, path, row, "checked", errors)
    at = errors.at(path, row)
    if checked_text and not finding:
        at("check_vi", **said("check_without_finding", checked=checked_text))
    if finding and not checked_text:
        at("checked", **said("finding_without_date"))
    if checked and published and checked < published and len(record["published"]) == 10:
        at("checked", **said("checked_before_published", published=record["published"]))


def _known_date(
    text: str, path: Path, row: int, column: str, errors: ErrorCollector
) -> date | None:
    """The last day a written date can stand for; a malformed one is reported by the contract,
    an impossible one (2024-13) here."""
    if not text:
        return None
    try:
        return latest_possible_date(text)
    except ValueError as exc:
        errors.add(path, row, column, str(exc), "ghi ngày theo dạng YYYY-MM-DD")
        return None


def _load_targets(
    records,
    path: Path,
    indicators: dict,
    lineages: set[str],
    scopes: dict,
    vocabulary: dict,
    programme_text: str,
    errors: ErrorCollector,
) -> pd.DataFrame:
    squashed_text = _squash_spaces(programme_text)
    for row, record in records:
        at = errors.at(path, row)
        if record["indicator"] not in indicators:
            problem = f"chỉ số '{record['indicator']}' chưa khai báo"
            at("indicator", problem, "thêm chỉ số vào indicators.yaml hoặc sửa mã")
        if record["area"] not in lineages or record["area"] not in scopes:
            problem = f"địa bàn '{record['area']}' không phải phạm vi của Chương trình"
            at("area", problem, f"dùng một mã trong mục scopes của programme.yaml: "
                                f"{', '.join(scopes)}")  # fmt: skip
        if record["kind"] in vocabulary["target_kinds"]:  # an unknown kind: the contract says
            _check_target_values(record, vocabulary["target_kinds"][record["kind"]], at)
        if _squash_spaces(record["quote"]) not in squashed_text:
            fix = "chép nguyên văn một đoạn của văn bản để người đọc đối chiếu"
            at("quote", "trích dẫn không có trong văn bản Chương trình", fix)
    frame = _frame(records, COLUMNS["targets"])
    frame["low"] = pd.to_numeric(frame["low"], errors="coerce")
    frame["high"] = pd.to_numeric(frame["high"], errors="coerce")
    frame["year"] = pd.to_numeric(frame["year"], errors="coerce").astype("Int64")
    return frame


def _check_target_values(record: dict, kind: dict, at: RowErrors) -> None:
    """The values a target of its kind needs, and a range whose bounds are in order."""
    for column in kind["needs"]:
        if not record[column]:
            problem = f"mục tiêu loại '{record['kind']}' cần giá trị ở cột này"
            at(column, problem, "ghi giá trị mục tiêu")
    low, high = _number(record["low"]), _number(record["high"])
    if record["kind"] == "range" and low is not None and high is not None and low >= high:
        fix = "ghi cận dưới ở cột low, cận trên ở cột high"
        at("high", "cận trên không lớn hơn cận dưới", fix)


def _load_tasks(
    records,
    path: Path,
    programme: dict,
    body_ids: set[str],
    programme_text: str,
    errors: ErrorCollector,
) -> pd.DataFrame:
    groups = {g["clause"] for g in programme.get("task_groups", [])}
    organisation = {o["clause"] for o in programme.get("organisation", [])}
    squashed_text = _squash_spaces(programme_text)
    for row, record in records:
        at = errors.at(path, row)
        if record["group"] not in groups or not record["task_id"].startswith(record["group"] + "."):
            at("group", f"nhóm '{record['group']}' không khớp",
               f"dùng một nhóm của programme.yaml ({', '.join(sorted(groups))}) và mã "
               "nhiệm vụ bắt đầu bằng mã nhóm")  # fmt: skip
        _check_task_bodies(record, body_ids, at)
        for clause in _split_list(record["basis"]):
            if clause not in organisation:
                fix = f"dùng {', '.join(sorted(organisation))}"
                at("basis", f"khoản '{clause}' không có trong mục IV", fix)
        if _squash_spaces(record["quote"]) not in squashed_text:
            fix = "chép nguyên văn phần đầu của gạch đầu dòng"
            at("quote", "trích dẫn không có trong văn bản Chương trình", fix)
    frame = _frame(records, COLUMNS["tasks"])
    for column in ["lead", "support", "basis"]:
        frame[column] = frame[column].map(_split_list)
    return frame


def _check_task_bodies(record: dict, body_ids: set[str], at: RowErrors) -> None:
    """Every lead and supporting body is in bodies.csv; a task has a lead."""
    for column in ["lead", "support"]:
        for body in _split_list(record[column]):
            if body not in body_ids:
                fix = "thêm cơ quan vào bodies.csv hoặc sửa mã; nhiều mã cách nhau bởi ;"
                at(column, f"cơ quan '{body}' không có trong bodies.csv", fix)
    if not _split_list(record["lead"]):
        at("lead", "thiếu cơ quan chủ trì", "ghi mã cơ quan chủ trì")


def _load_observations(
    records,
    path: Path,
    indicators: dict,
    areas: pd.DataFrame,
    sources: pd.DataFrame,
    vocabulary: dict,
    errors: ErrorCollector,
    today: date,
) -> pd.DataFrame:
    """observations.csv checked row by row, with the columns the pages use: the value as a
    number, the area's lineage, the period's dates, its source's publication date, and whether
    it counts as a measurement."""
    lineages = dict(zip(areas["area_id"], areas["lineage"]))
    rows = []
    for row, record in records:
        at = errors.at(path, row)
        parsed = _parsed_observation(record, indicators, sources, lineages, vocabulary, today, at)
        if parsed is not None:
            rows.append({**parsed, "row": row})
    return pd.DataFrame(rows, columns=[*COLUMNS["observations"], *_OBSERVATION_EXTRAS])


def _parsed_observation(
    record: dict,
    indicators: dict,
    sources: pd.DataFrame,
    lineages: dict,
    vocabulary: dict,
    today: date,
    at: RowErrors,
) -> dict | None:
    """One row checked, with the columns load_dataset adds; None when it cannot be read."""
    flag_specs = vocabulary["flags"]
    spec = indicators.get(record["indicator"])
    if spec is None:
        at(
            "indicator",
            f"chỉ số '{record['indicator']}' chưa khai báo",
            "dùng một mã trong indicators.yaml",
        )
        return None
    flags = _checked_flags(record, flag_specs, at)
    number = _checked_value(record, spec, at)
    try:
        period = parse_period(record["period"])
    except ValueError as exc:
        at("period", str(exc), "sửa kỳ số liệu")
        return None
    if record["source"] not in sources.index:
        return None  # reported by the contract (an empty or unknown source)
    published_by = sources.loc[record["source"], "published_by"]
    if flags_allow_later(flags, flag_specs) or period.start <= today:
        observed = _check_published(record, period, published_by, flags, flag_specs, at)
    else:  # said first: a period not yet begun is the problem, whatever its source
        at("period", **said("not_begun", period=record["period"], today=today))
        observed = False
    return dict(
        record, flags=tuple(flags), value_number=number,
        lineage=lineages.get(record["area"]),
        period_start=period.start, period_end=period.end, period_x=period.mid_as_year,
        published_by=published_by, observed=observed,
    )  # fmt: skip


# The columns load_dataset adds to observations.csv's own.
_OBSERVATION_EXTRAS = [
    "row",
    "value_number",
    "lineage",
    "period_start",
    "period_end",
    "period_x",
    "published_by",
    "observed",
]


def _checked_flags(record: dict, flag_specs: dict, at: RowErrors) -> list[str]:
    flags = _split_list(record["flags"])
    for flag in flags:
        if flag not in flag_specs:
            at("flags", **said("unknown_flag", flag=flag, allowed=", ".join(flag_specs)))
    return flags


def _checked_value(record: dict, spec: dict, at: RowErrors) -> float | None:
    """The value as a number for a numeric indicator (None for a category, or when refused)."""
    if spec["value_type"] != "number":
        if not record["value"]:
            at("value", "ô trống", "ghi giá trị (loại, bước đạt được)")
        return None
    number = _number(record["value"])  # None: refused by the value rules, and reported
    if number is None:
        return None
    if spec["unit"] == "percent" and not 0 <= number <= 100:
        at("value", expected="0–100", **said("percent_range", number=f"{number:g}"))
    elif number < 0:
        at("value", expected="≥ 0", **said("negative", number=f"{number:g}", unit=spec["unit"]))
    return number


def _check_published(
    record: dict, period, published_by, flags: list[str], flag_specs: dict, at: RowErrors
) -> bool:
    """Whether the row counts as a measurement; a measurement of a period that starts after its
    source was published is refused (a forecast or a decision in force later says so by a flag)."""
    observed = all(flag_specs.get(f, {}).get("counts_as_observed", True) for f in flags)
    if (
        not flags_allow_later(flags, flag_specs)
        and published_by is not None
        and period.start > published_by
    ):
        at("period", **said("after_publication", period=record["period"], published=published_by))
    return observed


def flags_allow_later(flags: list[str], flag_specs: dict) -> bool:
    """Whether a row's period may begin after its source was published, or after today: a
    forecast, a target, a decision in force later say so by their flags."""
    return any(
        not flag_specs.get(f, {}).get("counts_as_observed", True)
        or flag_specs.get(f, {}).get("may_follow_publication", False)
        for f in flags
    )


def _check_changes(
    changes: dict, path: Path, target_ids: set[str], source_ids: set[str], errors: ErrorCollector
) -> None:
    event_ids = set()
    for event in changes.get("events", []):
        event_ids.add(event.get("id"))
        # An event states its facts either as one `what` with the event's `sources`, or as a list
        # of `facts`, each with its own: a page shows a fact only once a source of it is out.
        statements = [(f"events.{event.get('id')}", event)]
        statements += [
            (f"events.{event.get('id')}.facts[{i}]", fact)
            for i, fact in enumerate(event.get("facts") or [], start=1)
        ]
        for where, statement in statements:
            for source in statement.get("sources", []):
                if source not in source_ids:
                    errors.add(
                        path,
                        None,
                        f"{where}.sources",
                        f"nguồn '{source}' không có trong sources.csv",
                        "thêm nguồn hoặc sửa mã",
                    )
            if statement is not event and not statement.get("sources"):
                errors.add(
                    path,
                    None,
                    f"{where}.sources",
                    "sự việc không có nguồn",
                    "ghi mã nguồn của sự việc (sources: [S-...])",
                )
    for index, impact in enumerate(changes.get("impacts", []), start=1):
        for target in impact.get("affects", []):
            if target not in target_ids:
                errors.add(
                    path,
                    None,
                    f"impacts[{index}].affects",
                    f"mục tiêu '{target}' không có trong targets.csv",
                    "sửa mã mục tiêu",
                )
        for event in impact.get("events", []):
            if event not in event_ids:
                errors.add(
                    path,
                    None,
                    f"impacts[{index}].events",
                    f"sự kiện '{event}' không có",
                    "dùng mã một sự kiện ở mục events",
                )
