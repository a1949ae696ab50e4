"""What the import tells the keeper after a run: where it found the table, which columns it used
and ignored, how it read each name, what it normalised, and what it stored or would store."""

from __future__ import annotations

from pathlib import Path

from programme_monitor.data.dataset import FILES
from programme_monitor.data.errors import DataErrors
from programme_monitor.intake.importer import ImportReport
from programme_monitor.intake.intake_words import IntakeWords


def summary_lines(report: ImportReport, data_dir: Path, words: IntakeWords) -> list[str]:
    table = report.table
    where = words.word("sheet", name=table.sheet) if table.sheet else report.file.name
    used = [c.header for c in table.columns if c.field]
    lines = [words.word("table", where=where, header_row=table.header_row,
                        columns=", ".join(used))]  # fmt: skip
    if table.ignored:
        lines.append(words.word("ignored_columns", columns=", ".join(table.ignored)))
    if report.without_value:
        rows = ", ".join(str(r) for r in report.without_value)
        lines.append(words.word("skipped_rows", count=len(report.without_value), rows=rows))
    if report.names:
        lines.append(words.word("names"))
        lines += [f"  {written} → {code}" for (_, written), code in report.names.items()]
    if report.normalised:
        lines.append(words.word("normalised"))
        lines += [f"  {words.word('row')} {row}, {header}: {found} → {stored}"
                  for row, header, found, stored in report.normalised]  # fmt: skip
    if report.already_there:
        lines.append(words.word("already_there", count=report.already_there))
    if report.added:
        lines.append(words.word("rows"))
        lines += [f"  {words.word('row')} {row}: " + " · ".join(
                      filter(None, (r["indicator"], r["area"], r["period"],
                                    f"{r['value']} {r['unit']}", r["source"], r["flags"])))
                  for row, r in report.added]  # fmt: skip
    lines.append(_outcome(report, data_dir, words))
    if report.waits_for_edition:
        lines.append(words.word("waits_for_edition", date=report.waits_for_edition.isoformat()))
    return lines


def _outcome(report: ImportReport, data_dir: Path, words: IntakeWords) -> str:
    sources = ""
    if report.new_sources:
        ids = ", ".join(s["source_id"] for s in report.new_sources)
        sources = words.word("new_sources", count=len(report.new_sources),
                             file=data_dir / FILES["sources"], ids=ids)  # fmt: skip
    key = "checked" if report.dry_run else "written"
    return words.word(key, added=len(report.added), observations=data_dir / FILES["observations"],
                      sources=sources)  # fmt: skip


def refusal_text(errors: DataErrors, data_dir: Path, words: IntakeWords) -> str:
    kept = f"{data_dir / FILES['observations']}, {data_dir / FILES['sources']}"
    heading = words.word("refused", count=len(errors.errors), kept=kept)
    return errors.report(words.lang, heading)
