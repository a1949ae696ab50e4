"""The files left out of the book are found without walking excluded folders, and are the ones
sphinx-external-toc's own search finds."""

from pathlib import Path

import pytest
from sphinx_external_toc.events import parse_toc_to_env

from programme_monitor.site.toc_exclusions import exclude_files_outside_toc

PROJECT = Path(__file__).resolve().parents[1]
# As Sphinx holds them once MyST-NB has added its own.
SUFFIXES = {".rst": "restructuredtext", ".ipynb": "myst-nb", ".md": "myst-nb"}


class Config(dict):
    """What both handlers use of Sphinx's Config: values by key, attributes set."""

    def __getattr__(self, name):
        return self[name]

    def __setattr__(self, name, value):
        self[name] = value


class App:
    def __init__(self, srcdir: Path, config: Config):
        self.srcdir = str(srcdir)
        self.config = config


def config(exclude_patterns: list[str], toc: str = "_toc.yml") -> Config:
    return Config(
        external_toc_path=toc,
        external_toc_exclude_missing=True,
        master_doc="index",
        source_suffix=SUFFIXES,
        exclude_patterns=exclude_patterns,
    )


def excluded_by_sphinx_external_toc(srcdir: Path, patterns: list[str]) -> list[str]:
    theirs = config(patterns)
    parse_toc_to_env(App(srcdir, theirs), theirs)
    return theirs["exclude_patterns"]


def excluded_by_ours(srcdir: Path, patterns: list[str]) -> Config:
    ours = config(patterns)
    exclude_files_outside_toc(App(srcdir, ours), ours)
    return ours


def write(root: Path, files: list[str]) -> None:
    for name in files:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("# x\n", "utf-8")


def test_the_same_files_as_sphinx_external_toc_on_a_small_tree(tmp_path):
    (tmp_path / "_toc.yml").write_text(
        "format: jb-book\nroot: book/intro\nchapters:\n"
        "  - file: book/tasks\n  - glob: book/generated/indicator-*\n",
        "utf-8",
    )
    write(
        tmp_path,
        [
            "book/intro.md",
            "book/tasks.ipynb",
            "book/generated/indicator-a.ipynb",
            "book/generated/indicator-b.ipynb",
            "book/generated/home-heading.md",  # not in the book: left out
            "book/intro.en.md",  # matched by a pattern
            "NOTES.md",  # not in the book: left out
            "_build/run-a.ipynb",  # under an excluded folder
            "_build/deep/er/page.md",
            ".hidden/page.md",  # hidden: the glob never saw it either
            "book/.draft.md",
            "book/figure.svg",  # not a source
        ],
    )
    patterns = ["_build", "**.en.md"]
    ours = excluded_by_ours(tmp_path, patterns)
    theirs = excluded_by_sphinx_external_toc(tmp_path, patterns)
    assert sorted(ours["exclude_patterns"]) == sorted(theirs)
    assert sorted(set(ours["exclude_patterns"]) - set(patterns)) == [
        "NOTES.md",
        "book/generated/home-heading.md",
    ]
    # sphinx-external-toc, run after ours, does not search again.
    assert ours["external_toc_exclude_missing"] is False


def test_the_same_files_as_sphinx_external_toc_on_this_project():
    if not (PROJECT / "_toc.yml").exists():
        pytest.skip("no project table of contents")
    import yaml

    patterns = yaml.safe_load((PROJECT / "_config.yml").read_text("utf-8"))["exclude_patterns"]
    assert sorted(excluded_by_ours(PROJECT, patterns)["exclude_patterns"]) == sorted(
        excluded_by_sphinx_external_toc(PROJECT, patterns)
    )


def test_nothing_is_done_when_the_book_builds_every_file(tmp_path):
    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: intro\n", "utf-8")
    write(tmp_path, ["intro.md", "NOTES.md"])
    ours = config(["_build"])
    ours["external_toc_exclude_missing"] = False
    exclude_files_outside_toc(App(tmp_path, ours), ours)
    assert ours["exclude_patterns"] == ["_build"]
