"""Compare two built sites file by file: the check that a change of code changed no output.

    python scripts/compare_sites.py BEFORE/_build/html AFTER/_build/html

Build both with the same data, `AS_OF` and `BUILT_ON` (for example
`make book AS_OF=2026-12-01 BUILT_ON=2026-12-03`), once on the commit before the change and once
after. Every file must be byte-identical, except:

- `build-report.json`, which records times;
- `.buildinfo`, Sphinx's hash of its configuration, which names the package's Sphinx extension by
  its module path (a module moved is a new hash, and nothing a reader sees);
- executed notebooks (`.ipynb`, offered for download), whose code cells are the template's code
  and change with it: of these the outputs must be identical (what each cell showed, in order),
  not the code that made them.

Prints one line per difference and exits 1 if there is any, 0 otherwise.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

IGNORED = {"build-report.json", ".buildinfo"}


def notebook_outputs(content: bytes) -> list:
    """What an executed notebook showed: every cell's outputs in order, and its Markdown cells,
    without the code or the cells that showed nothing."""
    notebook = json.loads(content)
    shown = []
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") == "markdown":
            shown.append(("markdown", "".join(cell.get("source", []))))
        for output in cell.get("outputs", []):
            shown.append(("output", output))
    return shown


def differences(before: Path, after: Path) -> list[str]:
    """One line per file that is missing on one side or differs."""
    names = {
        side: {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}
        for side, root in (("before", before), ("after", after))
    }
    lines = [f"only before: {name}" for name in sorted(names["before"] - names["after"])]
    lines += [f"only after:  {name}" for name in sorted(names["after"] - names["before"])]
    for name in sorted(names["before"] & names["after"]):
        if Path(name).name in IGNORED:
            continue
        old, new = (before / name).read_bytes(), (after / name).read_bytes()
        if old == new:
            continue
        if name.endswith(".ipynb") and notebook_outputs(old) == notebook_outputs(new):
            continue
        lines.append(f"differs:     {name}")
    return lines


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    before, after = (Path(arg) for arg in argv)
    found = differences(before, after)
    total = sum(1 for p in after.rglob("*") if p.is_file())
    for line in found:
        print(line)
    print(
        f"{total} files compared; {len(found)} differ"
        if found
        else f"{total} files compared; identical (build-report.json and notebook code aside)"
    )
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
