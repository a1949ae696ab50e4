"""The source files Sphinx must leave out because the table of contents does not name them
(Jupyter Book's `only_build_toc_files`), found without walking what the patterns already exclude.

sphinx-external-toc finds them with `glob("**/*<suffix>")` over the whole source folder, once per
suffix, and only then drops the excluded ones. The root edition's source folder is the project, so
every compile walked `_build/` (its chapter runs, cache and compiled sites: about 9,000 files for
this programme, more with every chapter) four times: about 1 s of each root-edition compile.
Here the same list is made with a walk that does not enter an excluded folder, before
sphinx-external-toc's own handler (priority 900), which is then told not to look again.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

from sphinx.util.matching import Matcher, patmatch
from sphinx_external_toc.parsing import parse_toc_yaml


def exclude_files_outside_toc(app, config) -> None:
    """`config-inited` handler: add the files outside the table of contents to exclude_patterns
    (what sphinx-external-toc would add) and turn its own search off."""
    if not config["external_toc_exclude_missing"]:
        return
    toc = PurePosixPath(config["external_toc_path"])
    toc_path = Path(str(toc)) if toc.is_absolute() else Path(app.srcdir) / str(toc)
    if not toc_path.is_file():
        return  # sphinx-external-toc reports it, in its own words
    outside = files_outside_toc(
        Path(app.srcdir),
        parse_toc_yaml(toc_path),
        list(config["source_suffix"]),
        config["exclude_patterns"],
    )
    if outside:
        # A new list: extending in place would change Sphinx's default value for every app.
        config["exclude_patterns"] = config["exclude_patterns"] + outside
    config["external_toc_exclude_missing"] = False


def files_outside_toc(
    srcdir: Path, site_map, suffixes: list[str], exclude_patterns: list[str]
) -> list[str]:
    """Source files under `srcdir` (relative, with suffix) that neither the table of contents
    names, nor one of its globs matches, nor `exclude_patterns` already excludes. Like the glob it
    replaces, it skips hidden files and folders and follows links to folders."""
    excluded = Matcher(exclude_patterns)
    globs = list(site_map.globs())
    found = []
    for folder, subfolders, names in os.walk(srcdir, followlinks=True):
        relative = Path(folder).relative_to(srcdir).as_posix()
        prefix = "" if relative == "." else relative + "/"
        subfolders[:] = sorted(
            name for name in subfolders if not name.startswith(".") and not excluded(prefix + name)
        )
        for name in sorted(names):
            posix = prefix + name
            if name.startswith(".") or excluded(posix):
                continue
            for suffix in suffixes:
                if not name.endswith(suffix):
                    continue
                stem = posix[: -len(suffix)]
                if os.path.isfile(os.path.join(folder, name)) and not (
                    posix in site_map
                    or stem in site_map
                    or any(patmatch(stem, pattern) for pattern in globs)
                ):
                    found.append(posix)
    return found
