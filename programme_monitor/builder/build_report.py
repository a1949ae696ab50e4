"""What a build did, written with the site as build-report.json.

Which chapters were executed and which reused, how long each stage took, and whether the book was
compiled or was already up to date. It is the one file of the site that records times, so it is the
one file two builds of the same inputs do not share byte for byte.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

REPORT_NAME = "build-report.json"


@dataclass
class ChapterRecord:
    output: str
    executed: bool
    seconds: float = 0.0  # how long its last execution took (in an earlier build when reused)


@dataclass
class BuildReport:
    as_of: str
    built_on: str
    languages: list[str]  # the editions built, the root one first
    booklet: bool
    stages: dict[str, float] = field(default_factory=dict)  # seconds per stage, in order
    chapters: list[ChapterRecord] = field(default_factory=list)
    compiled: bool = False  # False: the site was already built from these exact inputs
    # What each compile (html, pdf, html-en…) redid: the chapters Sphinx read again, and for a
    # booklet the XeLaTeX passes latexmk ran (it runs one more only when the last changed what
    # the next reads: page numbers, the contents).
    documents_read: dict[str, int] = field(default_factory=dict)
    xelatex_passes: dict[str, int] = field(default_factory=dict)
    inputs_digest: str = ""  # digest of everything the book compiler reads
    # Digest of everything the build read and was asked, and of what it wrote for the compiler;
    # the next build with the same does nothing (unchanged_build.py). The booklets, site paths.
    build_digest: str = ""
    booklets: list[str] = field(default_factory=list)
    # Links to other sites, for a person to check: the build checks only the site's own links.
    external_links: list[str] = field(default_factory=list)

    @classmethod
    def unchanged(cls, published: dict, seconds: float) -> BuildReport:
        """The report of a build that found the published site (its report, `published`) made
        from its very inputs: every chapter reused, nothing compiled, the site as it was."""
        report = cls(**{name: published[name] for name in cls.__dataclass_fields__})
        report.chapters = [
            ChapterRecord(c["output"], False, c["seconds"]) for c in published["chapters"]
        ]
        report.stages = {"unchanged": round(seconds, 3)}
        report.compiled = False
        report.documents_read, report.xelatex_passes = {}, {}
        return report

    @property
    def executed(self) -> list[str]:
        return [c.output for c in self.chapters if c.executed]

    def summary(self) -> str:
        stages = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in self.stages.items())
        compiled = (
            "biên dịch lại" if self.compiled else "không cần biên dịch lại (đầu vào không đổi)"
        )
        return (
            f"Chạy {len(self.executed)}/{len(self.chapters)} chương, dùng lại "
            f"{len(self.chapters) - len(self.executed)}; {compiled}. Thời gian: {stages}"
        )

    def write(self, site_dir: Path) -> Path:
        """Write the report into the site, replacing the old one in one rename."""
        path = site_dir / REPORT_NAME
        temporary = path.with_name(path.name + ".new")
        temporary.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=1) + "\n", "utf-8")
        os.replace(temporary, path)
        return path


def read_report(site_dir: Path) -> dict | None:
    path = site_dir / REPORT_NAME
    if not path.exists():
        return None
    try:
        return json.loads(path.read_text("utf-8"))
    except (ValueError, OSError):
        return None
