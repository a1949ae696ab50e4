"""Which chapter notebooks a programme needs, and with which parameters.

The list follows the data: one chapter per target group of programme.yaml and one page per
indicator of those groups, so another programme with other groups and indicators gets other
pages without a code change. Pages are named by the ids of the data (`targets-land`,
`indicator-urban_class`), never by position: adding an indicator or a group renames no page and
breaks no link. `_toc.yml` names them with globs, which the build expands in the order of this
plan (site/edition_sources.edition_toc), so the order is the programme's, not the alphabet's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from programme_monitor.data.dataset import Dataset
from programme_monitor.data.edition_archive import previous_edition
from programme_monitor.words.publication import INDICATOR_PAGE_PREFIX


@dataclass(frozen=True)
class ChapterRun:
    """One papermill execution: a template notebook, its output name, its own parameters."""

    template: str
    output: str
    parameters: dict = field(default_factory=dict)

    @property
    def docname(self) -> str:
        return self.output.removesuffix(".ipynb")


def group_chapters(dataset: Dataset) -> dict[str, str]:
    """Target group id -> document name of its chapter."""
    return {group["id"]: f"targets-{group['id']}" for group in dataset.programme["target_groups"]}


def indicator_pages(dataset: Dataset) -> dict[str, str]:
    """Indicator id -> document name of its page, in the order of groups."""
    return {
        indicator: f"{INDICATOR_PAGE_PREFIX}{indicator}"
        for group in dataset.programme["target_groups"]
        for indicator in dataset.indicator_ids_in_group(group["id"])
    }


def plan_chapters(dataset: Dataset, as_of: date | None = None) -> list[ChapterRun]:
    """The edition's chapters. An edition that follows an archived one (editions/ of the
    programme's folder) opens with what changed since it."""
    runs = []
    if as_of is not None and previous_edition(dataset.data_dir, as_of) is not None:
        runs.append(ChapterRun("since_last_edition.ipynb", "since-last-edition.ipynb"))
    runs.append(ChapterRun("overview.ipynb", "overview.ipynb"))
    runs += [
        ChapterRun("target_group.ipynb", f"{docname}.ipynb", {"group_id": group_id})
        for group_id, docname in group_chapters(dataset).items()
    ]
    runs += [
        ChapterRun("indicator.ipynb", f"{docname}.ipynb", {"indicator_id": indicator_id})
        for indicator_id, docname in indicator_pages(dataset).items()
    ]
    runs += [
        ChapterRun("tasks.ipynb", "tasks.ipynb"),
        ChapterRun("changes.ipynb", "changes.ipynb"),
        ChapterRun("figures_wanted.ipynb", "figures-wanted.ipynb"),
        ChapterRun("methodology.ipynb", "methodology.ipynb"),
        ChapterRun("data_package.ipynb", "data.ipynb"),
        ChapterRun("sources.ipynb", "sources.ipynb"),
    ]
    return runs
