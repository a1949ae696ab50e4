"""The build's progress line: chapters done of all, time taken, an estimate of what is left."""

import io

from programme_monitor.builder.progress import ChapterProgress


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_a_log_gets_one_plain_line_per_chapter_with_an_estimate_from_the_last_build():
    clock, out = Clock(), io.StringIO()
    # Last build: a 10 s, b 20 s, c 30 s; d never ran (counted as the mean, 20 s). Two workers.
    progress = ChapterProgress({"a": 10, "b": 20, "c": 30, "d": 0}, 2, out, clock)
    clock.now += 20
    progress.finished("a", 20.0)  # twice as slow as last time: the rest will be too
    assert out.getvalue() == "chương 1/4 · 0:20 · còn khoảng 1:10\n"  # (20+30+20) * 2 / 2
    clock.now += 40
    for name in ["b", "c", "d"]:
        progress.finished(name, 40.0)
    lines = out.getvalue().splitlines()
    assert len(lines) == 4 and "\r" not in out.getvalue()
    assert lines[-1] == "chương 4/4 · 1:00"  # done: no estimate


def test_a_terminal_gets_one_line_rewritten_and_ended_when_all_are_done():
    clock, out = Clock(), Terminal()
    progress = ChapterProgress({"a": 5, "b": 5}, 1, out, clock)
    progress.finished("a", 5.0)
    assert out.getvalue() == "\r\x1b[2Kchương 1/2 · 0:00 · còn khoảng 0:05"
    progress.finished("b", 5.0)
    assert out.getvalue().endswith("\r\x1b[2Kchương 2/2 · 0:00\n")


def test_a_first_build_estimates_from_the_chapters_finished_so_far():
    out = io.StringIO()
    progress = ChapterProgress({"a": 0, "b": 0, "c": 0}, 2, out, Clock())
    assert progress.remaining_seconds() is None  # nothing to go by yet
    progress.finished("a", 3.0)
    assert out.getvalue() == "chương 1/3 · 0:00 · còn khoảng 0:03\n"  # 2 left * 3 s / 2
