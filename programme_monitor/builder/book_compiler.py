"""Jupyter Book compiles in processes forked from one that has already imported Sphinx, Jupyter
Book and their extensions (issue 22).

A build runs four compiles (the site and the booklet of each edition), each a new Python that
imported the same modules again: about 1.3 s of one core each, 5 s of a 2-core machine's time per
build, clean or after one observation. Python's forkserver imports them once, in a process of
its own started as the first chapters start, so the imports are done while they run; each compile
is then a fork of it running `jupyter-book build` as the command line would (same arguments, its
own environment, working directory and output).
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.forkserver
import os
import sys
import traceback
from pathlib import Path

# What every compile imports before it reads a page: Jupyter Book's command, Sphinx and its two
# builders, the extensions _config.yml and Jupyter Book turn on, and the package's own.
PRELOAD = [
    "jupyter_book.cli.main",
    "sphinx.application",
    "sphinx.builders.html",
    "sphinx.builders.latex",
    "myst_nb.sphinx_ext",
    "sphinx_book_theme",
    "pydata_sphinx_theme",
    "sphinx_jupyterbook_latex",
    "sphinx_external_toc",
    "programme_monitor.site.sphinx_site",
]

_forkserver = multiprocessing.get_context("forkserver")


def start_compiler() -> None:
    """Start the process compiles are forked from; it imports PRELOAD in the background, while
    the build goes on. Harmless when it runs already (its imports are those of the first call)."""
    _forkserver.set_forkserver_preload(PRELOAD)
    multiprocessing.forkserver.ensure_running()


class BookCompile:
    """One `jupyter-book build` with these arguments, started at once in a fork of the compiler
    process; `wait()` gives its exit code and everything it printed (`log` keeps it)."""

    def __init__(self, arguments: list[str], env: dict[str, str], log: Path):
        start_compiler()
        self.log = log
        log.parent.mkdir(parents=True, exist_ok=True)
        self.process = _forkserver.Process(
            target=_compile, args=(arguments, env, os.getcwd(), str(log)), daemon=True
        )
        self.process.start()

    def wait(self) -> tuple[int, str]:
        self.process.join()
        output = self.log.read_text("utf-8", errors="replace") if self.log.exists() else ""
        return self.process.exitcode, output


def _compile(arguments: list[str], env: dict[str, str], cwd: str, log: str) -> None:
    """In the forked process: the command line's environment, directory, input and output, then
    Jupyter Book's own command."""
    os.environ.clear()
    os.environ.update(env)
    os.chdir(cwd)
    output = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    nothing = os.open(os.devnull, os.O_RDONLY)
    # LaTeX must never stop to ask a question: it would wait for ever on an open input.
    os.dup2(nothing, 0)
    os.dup2(output, 1)
    os.dup2(output, 2)
    code = 1
    try:
        from jupyter_book.cli.main import main

        main(args=arguments, prog_name="jupyter-book")  # click ends it with SystemExit
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BaseException:  # printed into the log, which the build shows when it fails
        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
    os._exit(code)
