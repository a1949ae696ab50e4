"""Run inside a warm kernel (warm_kernels.py), never in the build's own process.

`preload` imports what the chapters import, once per kernel, and notes the state a chapter then
finds in a fresh kernel: matplotlib's settings and the warning filters. `reset` puts that state
back before each chapter and gives the chapter what a fresh kernel gives it: an empty namespace,
execution counts from 1, no open figure, its own run directory as the working directory. The
modules stay imported, and the programme's check and assessments are shared between chapters
(pages/shared_work.py): that is the time saved.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import warnings

# What a chapter's cells import, directly or through the pages they build.
PRELOADED = ["pandas", "matplotlib", "matplotlib.pyplot", "IPython.display"]
PRELOADED_PACKAGES = ["programme_monitor.pages", "programme_monitor.data"]

_fresh: dict = {}


def preload() -> None:
    import matplotlib

    for name in PRELOADED:
        importlib.import_module(name)
    for package_name in PRELOADED_PACKAGES:
        package = importlib.import_module(package_name)
        for module in pkgutil.iter_modules(package.__path__, package_name + "."):
            importlib.import_module(module.name)
    # The chapters this kernel runs share the programme's check and assessments.
    importlib.import_module("programme_monitor.pages.shared_work").share_between_chapters()
    _fresh["rc"] = matplotlib.rcParams.copy()
    _fresh["warnings"] = list(warnings.filters)


def reset(run_dir: str) -> None:
    import matplotlib
    import matplotlib.pyplot as plt

    plt.close("all")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # deprecated settings, set back as they were
        matplotlib.rcParams.update(_fresh["rc"])
    warnings.filters[:] = _fresh["warnings"]
    warnings._filters_mutated()  # forget which warnings were already shown once
    os.chdir(run_dir)
    from IPython import get_ipython

    shell = get_ipython()
    # An empty namespace, no history of inputs and outputs, execution counts from 1.
    shell.reset(new_session=True)
    shell.execution_count = 1
