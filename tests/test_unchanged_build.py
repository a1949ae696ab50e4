"""A build asked for the site it last published does nothing; any change to what it reads, what
it is asked, or today's date makes it build (issue 22: nothing changed, under 2 % of a clean
build; builder/unchanged_build.py)."""

import json
import shutil
from dataclasses import replace
from datetime import date

import pytest

from programme_monitor.builder import unchanged_build
from programme_monitor.builder.build_report import BuildReport, ChapterRecord
from programme_monitor.builder.settings import BuildSettings
from programme_monitor.builder.unchanged_build import (
    build_digest,
    site_is_this_build,
    sources_digest,
)
from tests.conftest import MINI, make_project


@pytest.fixture
def settings(tmp_path):
    project = make_project(tmp_path)
    shutil.copytree(MINI, project / "data")
    generated = project / "book" / "generated"
    generated.mkdir()
    (generated / "overview.ipynb").write_text("{}", "utf-8")
    return BuildSettings(project, project / "data", "2026-12-31", built_on=date(2027, 1, 5))


def _published(settings: BuildSettings, booklets: list[str]) -> dict:
    """The report of a site published from the project as it is now."""
    report = BuildReport("2026-12-31", "2027-01-05", ["vi", "en"], True)
    report.chapters = [ChapterRecord("overview.ipynb", True, 0.4)]
    report.build_digest = build_digest(settings, sources_digest(settings))
    report.booklets = booklets
    settings.site_dir.mkdir(parents=True)
    for name in booklets:
        (settings.site_dir / name).parent.mkdir(parents=True, exist_ok=True)
        (settings.site_dir / name).write_bytes(b"%PDF")
    report.write(settings.site_dir)
    return json.loads((settings.site_dir / "build-report.json").read_text("utf-8"))


def test_the_same_inputs_and_settings_find_the_site_already_built(settings):
    published = _published(settings, ["prog-2026-12-31.pdf", "en/prog-2026-12-31.pdf"])
    assert site_is_this_build(settings, sources_digest(settings), published)
    report = BuildReport.unchanged(published, 0.2)
    assert report.stages == {"unchanged": 0.2} and report.compiled is False
    assert [(c.output, c.executed) for c in report.chapters] == [("overview.ipynb", False)]
    assert report.build_digest == published["build_digest"]


def test_a_missing_booklet_makes_the_build_run(settings):
    published = _published(settings, ["prog-2026-12-31.pdf", "en/prog-2026-12-31.pdf"])
    (settings.site_dir / "en" / "prog-2026-12-31.pdf").unlink()
    assert not site_is_this_build(settings, sources_digest(settings), published)


@pytest.mark.parametrize(
    "change",
    [
        "an observation",
        "a file added to the data",
        "a notebook",
        "a page's source",
        "the site's configuration",
        "a static file",
        "what the last build wrote for the compiler",
        "the package's code",
        "the reporting date",
        "the editions",
        "no booklet",
        "the date built on",
        "today",
    ],
)
def test_any_change_makes_the_build_run(settings, monkeypatch, change):
    published = _published(settings, [])
    project = settings.project_dir
    files = {
        "an observation": project / "data" / "observations.csv",
        "a file added to the data": project / "data" / "notes.txt",
        "a notebook": project / "notebooks" / "overview.ipynb",
        "a page's source": project / "book" / "intro.md",
        "the site's configuration": project / "_config.yml",
        "a static file": next(p for p in (project / "_static").rglob("*") if p.is_file()),
        "what the last build wrote for the compiler": project / "book/generated/overview.ipynb",
    }
    asked = {
        "the reporting date": {"as_of": "2026-11-30"},
        "the editions": {"languages": ("vi",)},
        "no booklet": {"booklet": False},
        "the date built on": {"built_on": date(2027, 1, 6)},
    }
    if change in files:
        path = files[change]
        path.write_bytes((path.read_bytes() if path.exists() else b"") + b"\n")
    elif change in asked:
        settings = replace(settings, **asked[change])
    elif change == "the package's code":
        monkeypatch.setattr(unchanged_build, "code_digest", lambda: "another code")
    else:
        monkeypatch.setattr(unchanged_build, "date", _Tomorrow)
    assert not site_is_this_build(settings, sources_digest(settings), published)


class _Tomorrow(date):
    @classmethod
    def today(cls):
        return date.fromordinal(date.today().toordinal() + 1)
