"""The import's words in the keeper's language (messages.yaml): problems, fixes, the summary."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from programme_monitor.common.resources import package_yaml
from programme_monitor.data.errors import DataError
from programme_monitor.intake.keeper_files import FileRefused
from programme_monitor.intake.keeper_table import field_names
from programme_monitor.intake.names import AmbiguousName, NameIndex, UnknownName

# The data file a keeper would otherwise be tempted to add an unknown name to.
REGISTERS = {"indicator": "indicators.yaml", "area": "areas.csv", "source": "sources.csv"}


def _messages() -> dict:
    return package_yaml("intake", "messages.yaml")


@dataclass(frozen=True)
class IntakeWords:
    lang: str = "vi"

    def word(self, key: str, **params) -> str:
        return _messages()["words"][self.lang][key].format(**params)

    def problem(self, key: str, **params) -> tuple[str, str]:
        entry = _messages()["problems"][key]
        return (
            entry[f"problem_{self.lang}"].format(**params).strip(),
            entry[f"fix_{self.lang}"].format(**params).strip(),
        )

    def file_error(self, path: Path, refused: FileRefused) -> DataError:
        words = self.problem(refused.key, **refused.params)
        return DataError(path, refused.row, refused.column, *words)

    def field_name(self, field: str) -> str:
        """How a field is named when the file has no column for it: its first name."""
        return field_names()[field][self.lang][0].capitalize()

    def field_help(self, field: str, lang: str) -> str:
        names = field_names()[field][lang]
        return ", ".join(names[:3])

    def unknown(self, kind: str, unknown: UnknownName, index: NameIndex) -> tuple[str, str]:
        """No such name: the nearest known names first; adding a new entry only as a last
        resort, and never first."""
        what = _messages()["what"][kind]
        advice = _messages()["suggest"]
        suggestions = {
            lang: (advice[f"nearest_{lang}"].format(names="; ".join(unknown.suggestions))
                   if unknown.suggestions else advice[f"none_{lang}"].format(
                       listing="; ".join(e.label for e in index.entries[:5]) + "…",
                       what_vi=what["vi"], what_en=what["en"], file=REGISTERS[kind]))
            for lang in ("vi", "en")
        }  # fmt: skip
        return self.problem(
            "unknown_name", text=unknown.text, what_vi=what["vi"], what_en=what["en"],
            suggestions_vi=suggestions["vi"], suggestions_en=suggestions["en"],
        )  # fmt: skip

    def ambiguous(self, ambiguous: AmbiguousName) -> tuple[str, str]:
        joiner = " hoặc " if self.lang == "vi" else " or "
        return self.problem(
            "ambiguous_name", text=ambiguous.text, candidates=joiner.join(ambiguous.candidates)
        )

    def incomplete_source(self, declared, index: NameIndex) -> tuple[str, str]:
        parts = _messages()["source_parts"]
        missing = ", ".join(parts[m][self.lang] for m in declared.missing)
        title = declared.record["title"] or "?"
        near = "; ".join(index.suggestions(title)) or "-"
        return self.problem("source_incomplete", title=title, missing=missing, suggestions=near)
