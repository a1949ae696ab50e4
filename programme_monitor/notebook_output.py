"""Turn an executed notebook into what readers see: narrative, tables and charts, no code.

papermill does not copy the `parameters` tag's hiding to the cell it injects, so both parameter
cells are hidden here. Cells tagged `promote-output` print Markdown built from the data; their
output becomes real Markdown cells so headings are sections (page contents, PDF bookmarks).
"""

from __future__ import annotations

import nbformat

HIDE = "remove-cell"
PROMOTE = "promote-output"
PARAMETER_TAGS = {"parameters", "injected-parameters"}


def _tags(cell) -> list[str]:
    return cell.setdefault("metadata", {}).setdefault("tags", [])


def prepare_for_book(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
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
    notebook.cells = cells
    return notebook
