"""Which chapter notebooks a programme needs, and with which parameters.

The list follows the data: one chapter per target group of programme.yaml, so another programme
with other groups gets other chapters without a code change. `_toc.yml` picks the group chapters
up with a glob on their file names, which sort in the order of the groups.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from programme_monitor.dataset import Dataset


@dataclass(frozen=True)
class ChapterRun:
    """One papermill execution: a template notebook, its output name, its own parameters."""

    template: str
    output: str
    parameters: dict = field(default_factory=dict)


def plan_chapters(dataset: Dataset) -> list[ChapterRun]:
    runs = [ChapterRun("overview.ipynb", "overview.ipynb")]
    for number, group in enumerate(dataset.programme["target_groups"], start=1):
        runs.append(ChapterRun("target_group.ipynb", f"targets-{number:02d}-{group['id']}.ipynb",
                               {"group_id": group["id"]}))
    runs += [ChapterRun("tasks.ipynb", "tasks.ipynb"),
             ChapterRun("changes.ipynb", "changes.ipynb"),
             ChapterRun("sources.ipynb", "sources.ipynb")]
    return runs
