"""Turn an executed notebook into what readers see: narrative, tables and charts, no code.

papermill does not copy the `parameters` tag's hiding to the cell it injects, so both parameter
cells are hidden here. Cells tagged `promote-output` print Markdown built from the data; their
output becomes real Markdown cells so headings are sections (page contents, PDF bookmarks).

The same inputs must give the same bytes (a researcher compares two runs; the build reuses
chapters by content): the execution times papermill and nbclient record, the absolute paths
papermill notes and the random cell ids are removed or replaced by stable ones.
"""

from __future__ import annotations

import nbformat

from programme_monitor.common.placeholders import VALUES_MIME, fill_placeholders

HIDE = "remove-cell"
PROMOTE = "promote-output"
PARAMETER_TAGS = {"parameters", "injected-parameters"}
# What papermill keeps of a run: the parameters and its version; not when, where or how long.
PAPERMILL_KEPT = {"parameters", "default_parameters", "version"}


def for_edition(notebook: nbformat.NotebookNode, lang: str) -> nbformat.NotebookNode:
    """The template as one edition runs it: a cell tagged `lang-<xx>` (a chapter's narrative in
    one language) is kept only in the edition of that language; untagged cells serve all."""
    notebook.cells = [
        cell
        for cell in notebook.cells
        if all(
            not tag.startswith("lang-") or tag == f"lang-{lang}"
            for tag in cell.get("metadata", {}).get("tags", [])
        )
    ]
    return notebook


def _tags(cell) -> list[str]:
    return cell.setdefault("metadata", {}).setdefault("tags", [])


def prepare_for_book(notebook: nbformat.NotebookNode, name: str = "") -> nbformat.NotebookNode:
    """The executed notebook as the book shows it (`name` says which, in errors): parameters
    hidden, promoted outputs made Markdown cells, values written into the Markdown that names them
    (raises UnfilledPlaceholder for a name with no value)."""
    values = _take_values(notebook)
    cells = []
    for cell in notebook.cells:
        tags = _tags(cell)
        if PARAMETER_TAGS & set(tags) and HIDE not in tags:
            tags.append(HIDE)
        cells.append(cell)
        if cell.cell_type == "code" and PROMOTE in tags:
            for output in cell.get("outputs", []):
                text = output.get("data", {}).get("text/markdown")
                if text:
                    cells.append(nbformat.v4.new_markdown_cell(text))
            cell["outputs"] = []
            if HIDE not in tags:
                tags.append(HIDE)
    for number, cell in enumerate(cells):
        if cell.cell_type == "markdown":
            cell.source = fill_placeholders(cell.source, values, f"{name}, Markdown cell {number}")
    notebook.cells = cells
    return without_run_details(notebook)


def _take_values(notebook: nbformat.NotebookNode) -> dict[str, str]:
    """The values the code cells gave for the Markdown (pages/chapter.py, `fill`), removed from
    their outputs: they reach the reader in the text, not as a cell's output."""
    values = {}
    for cell in notebook.cells:
        kept = []
        for output in cell.get("outputs", []):
            given = output.get("data", {}).get(VALUES_MIME)
            if given is None:
                kept.append(output)
            else:
                values.update(given)
        if cell.cell_type == "code":
            cell["outputs"] = kept
    return values


def without_run_details(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The notebook without what changes from run to run though the inputs do not."""
    run = notebook.metadata.get("papermill")
    if run is not None:
        notebook.metadata["papermill"] = {k: v for k, v in run.items() if k in PAPERMILL_KEPT}
    for number, cell in enumerate(notebook.cells):
        cell["id"] = f"cell-{number:03d}"
        cell.setdefault("metadata", {}).pop("execution", None)
        cell["metadata"].pop("papermill", None)
    return notebook
