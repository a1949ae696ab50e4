"""How far the chapters have got, for a person waiting at a terminal (issue 22, point 6).

On a terminal one line is rewritten as each chapter finishes: chapters done of all, time since the
first started, and an estimate of what is left. Anything else (a log file, CI) gets one plain line
per chapter, so nothing is lost to carriage returns.

The estimate: the seconds each pending chapter took when it last ran (the published site's build
report), or the mean of those known for one never run, spread over the workers; once chapters
have finished here, scaled by how this run compares with the last one. On a first build, with
nothing to go by, the chapters finished so far set the pace.
"""

from __future__ import annotations

import time
from typing import TextIO


class ChapterProgress:
    def __init__(
        self, expected: dict[str, float], workers: int, stream: TextIO, clock=time.perf_counter
    ):
        """`expected`: seconds each chapter to run is expected to take (0 when unknown)."""
        known = [s for s in expected.values() if s > 0]
        typical = sum(known) / len(known) if known else 0.0
        self.expected = {name: s if s > 0 else typical for name, s in expected.items()}
        self.workers = max(1, workers)
        self.stream = stream
        self.clock = clock
        self.started = clock()
        self.done: dict[str, float] = {}
        self.on_terminal = bool(getattr(stream, "isatty", lambda: False)())

    def finished(self, name: str, seconds: float) -> None:
        self.done[name] = seconds
        line = self.line()
        if self.on_terminal:
            end = "\n" if len(self.done) == len(self.expected) else ""
            self.stream.write(f"\r\x1b[2K{line}{end}")
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def remaining_seconds(self) -> float | None:
        """Seconds left, or None when nothing is known to go by."""
        left = [self.expected[name] for name in self.expected if name not in self.done]
        if not left:
            return 0.0
        if not any(left):  # a first build: the chapters finished so far set the pace
            if not self.done:
                return None
            return len(left) * sum(self.done.values()) / len(self.done) / self.workers
        expected_so_far = sum(self.expected[name] for name in self.done)
        pace = sum(self.done.values()) / expected_so_far if expected_so_far else 1.0
        return sum(left) * pace / self.workers

    def line(self) -> str:
        elapsed = self.clock() - self.started
        text = f"chương {len(self.done)}/{len(self.expected)} · {_clock(elapsed)}"
        remaining = self.remaining_seconds()
        if remaining is not None and len(self.done) < len(self.expected):
            text += f" · còn khoảng {_clock(remaining)}"
        return text


def _clock(seconds: float) -> str:
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes}:{rest:02d}"
