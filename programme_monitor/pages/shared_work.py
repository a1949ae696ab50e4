"""Work the chapters of one build share, rather than each doing it again (issue 22, point 2).

Every chapter opens the programme (`open_chapter`): it reads and checks the whole folder, about
0.15 s, and most chapters then assess every target, about 0.2 s more, while the chapter's own
page takes a few tenths of a second. A warm kernel runs dozens of chapters of the same build, so
it keeps what the first chapter checked and assessed, and gives the next ones the same results:

- the checked programme, by the content of the folder (every file's name and bytes) and the date
  the check bounds observations by; a file changed between two chapters is checked again;
- every target's status and every task's, by that same content, the edition's language and the
  reporting date; a chapter that assesses only some indicators gets their part of the whole,
  which is what assessing them alone gives (each target is judged on its own).

Nothing a chapter holds is shared with the next: each gets its own edition of the data (copies,
`for_edition`) and its own copy of the statuses, so a page that changes them changes only its
own. Sharing is off unless the build's warm kernel turns it on (`share_between_chapters`): a
notebook run alone, or a build with a fresh kernel per chapter, checks and assesses as before.
"""

from __future__ import annotations

import copy
from collections import OrderedDict
from datetime import date
from pathlib import Path
from typing import Callable

from programme_monitor.assess.assessment import TargetStatus, assess_all
from programme_monitor.assess.commitments import TaskStatus, task_statuses
from programme_monitor.common.digests import tree_digest
from programme_monitor.data.dataset import CheckedProgramme, Dataset, check_programme

# A build has one programme; a portal's worker may go from one programme to another and back.
KEPT_RESULTS = 8


class ChapterWork:
    """Each chapter checks and assesses for itself: a notebook run alone, or a fresh kernel."""

    def checked_programme(self, data_dir: Path) -> tuple[CheckedProgramme, str | None]:
        """The programme of `data_dir`, checked, and the key of its content (None: not shared)."""
        return check_programme(data_dir), None

    def statuses(
        self, key: str | None, dataset: Dataset, as_of: date, indicators: list[str] | None
    ) -> dict[str, TargetStatus]:
        return assess_all(dataset, as_of, indicators=indicators)

    def tasks(self, key: str | None, dataset: Dataset, as_of: date) -> dict[str, TaskStatus]:
        return task_statuses(dataset, as_of)


class SharedChapterWork(ChapterWork):
    """The chapters a kernel runs one after the other share what they checked and assessed."""

    def __init__(self, kept: int = KEPT_RESULTS):
        self.kept = kept
        self._results: OrderedDict[tuple, object] = OrderedDict()
        self.computed: list[tuple] = []  # what was worked out rather than reused, in order

    def checked_programme(self, data_dir: Path) -> tuple[CheckedProgramme, str | None]:
        # The check bounds observations by today's date, so another day is another check.
        files = [path for path in data_dir.rglob("*") if path.is_file()]
        key = f"{data_dir.resolve()}:{tree_digest(files, data_dir)}@{date.today().isoformat()}"
        # A CheckedProgramme is never handed to a page: for_edition copies what a page gets.
        return self._remember(("checked", key), lambda: check_programme(data_dir)), key

    def statuses(
        self, key: str | None, dataset: Dataset, as_of: date, indicators: list[str] | None
    ) -> dict[str, TargetStatus]:
        if key is None:  # data that open_chapter did not check: nothing to know it by
            return super().statuses(key, dataset, as_of, indicators)
        every = self._remember(
            ("statuses", key, dataset.edition.lang, as_of), lambda: assess_all(dataset, as_of)
        )
        if indicators is not None:
            targets = dataset.targets
            wanted = set(targets.loc[targets["indicator"].isin(indicators), "target_id"])
            every = {target: status for target, status in every.items() if target in wanted}
        return copy.deepcopy(every)

    def tasks(self, key: str | None, dataset: Dataset, as_of: date) -> dict[str, TaskStatus]:
        if key is None:
            return super().tasks(key, dataset, as_of)
        every = self._remember(
            ("tasks", key, dataset.edition.lang, as_of), lambda: task_statuses(dataset, as_of)
        )
        return copy.deepcopy(every)

    def _remember(self, key: tuple, compute: Callable[[], object]):
        if key in self._results:
            self._results.move_to_end(key)
            return self._results[key]
        value = compute()
        self.computed.append(key)
        self._results[key] = value
        while len(self._results) > self.kept:
            self._results.popitem(last=False)
        return value


_work: ChapterWork = ChapterWork()


def share_between_chapters() -> SharedChapterWork:
    """From now on, the chapters this process runs share their checks and assessments; called
    once by the build's warm kernel (builder/kernel_reset.preload)."""
    global _work
    _work = SharedChapterWork()
    return _work


def chapter_work() -> ChapterWork:
    """How the chapters of this process check and assess: each alone, or shared."""
    return _work
