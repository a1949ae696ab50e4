import nbformat
import pytest

from programme_monitor import load_dataset
from programme_monitor.builder.notebook_output import prepare_for_book
from programme_monitor.common.placeholders import VALUES_MIME, UnfilledPlaceholder
from programme_monitor.data.chapters import plan_chapters
from tests.conftest import MINI, PROJECT, REAL_DATA


def test_one_chapter_per_target_group_and_one_page_per_indicator_in_data_order():
    outputs = [run.output for run in plan_chapters(load_dataset(MINI))]
    assert outputs == [
        "overview.ipynb",
        "targets-green.ipynb",
        "targets-roads.ipynb",
        "indicator-tree_cover.ipynb",
        "indicator-new_roads.ipynb",
        "indicator-culture_house.ipynb",
        "tasks.ipynb",
        "changes.ipynb",
        "figures-wanted.ipynb",
        "methodology.ipynb",
        "data.ipynb",
        "sources.ipynb",
    ]
    real = plan_chapters(load_dataset(REAL_DATA))
    assert [r.parameters["group_id"] for r in real if r.template == "target_group.ipynb"] == [
        "urban-development",
        "land",
        "living",
        "digital",
        "economy",
    ]
    pages = [r.parameters["indicator_id"] for r in real if r.template == "indicator.ipynb"]
    dataset = load_dataset(REAL_DATA)
    assert set(dataset.targets["indicator"]) <= set(pages)  # every target's indicator has a page
    assert not {i for i in pages if dataset.indicators[i]["group"] == "context"}


def test_every_template_has_a_parameters_cell_with_the_common_parameters():
    for run in plan_chapters(load_dataset(REAL_DATA)):
        notebook = nbformat.read(PROJECT / "notebooks" / run.template, as_version=4)
        cells = [c for c in notebook.cells if "parameters" in c.metadata.get("tags", [])]
        assert len(cells) == 1, run.template
        for name in ["as_of", "lang", "data_dir", *run.parameters]:
            assert f"{name} = " in cells[0].source, (run.template, name)


def test_prepare_for_book_hides_code_and_promotes_markdown_outputs():
    notebook = nbformat.v4.new_notebook()
    params = nbformat.v4.new_code_cell("x = 1")
    params.metadata["tags"] = ["injected-parameters"]
    promoted = nbformat.v4.new_code_cell("display(...)")
    promoted.metadata["tags"] = ["promote-output"]
    promoted.outputs = [
        nbformat.v4.new_output("display_data", data={"text/markdown": "## Hai\n\nvăn bản"})
    ]
    notebook.cells = [params, promoted]
    cells = prepare_for_book(notebook).cells
    assert "remove-cell" in cells[0].metadata["tags"]
    assert "remove-cell" in cells[1].metadata["tags"] and cells[1].outputs == []
    assert cells[2].cell_type == "markdown" and cells[2].source.startswith("## Hai")


def _values_cell(values: dict) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell("fill(...)")
    cell.metadata["tags"] = ["remove-cell"]
    cell.outputs = [
        nbformat.v4.new_output("display_data", data={VALUES_MIME: values, "text/plain": "…"})
    ]
    return cell


def test_prepare_for_book_writes_the_values_into_the_markdown_that_names_them():
    notebook = nbformat.v4.new_notebook()
    narrative = nbformat.v4.new_markdown_cell(
        "Tính đến **{{as_of}}**: {{ n }} mục tiêu.\n\n{doc}`x`"
    )
    notebook.cells = [_values_cell({"as_of": "01/12/2026", "n": "34"}), narrative]
    cells = prepare_for_book(notebook, "overview.ipynb").cells
    assert cells[1].source == "Tính đến **01/12/2026**: 34 mục tiêu.\n\n{doc}`x`"
    assert cells[0].outputs == []  # the values reach the reader in the text, not as an output


def test_a_placeholder_with_no_value_names_the_chapter_and_the_cell():
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        _values_cell({"as_of": "01/12/2026"}),
        nbformat.v4.new_markdown_cell("{{as_of}} {{n_targets}}"),
    ]
    with pytest.raises(
        UnfilledPlaceholder, match=r"overview.ipynb, Markdown cell 1: \{\{n_targets\}\}"
    ):
        prepare_for_book(notebook, "overview.ipynb")


def test_every_placeholder_of_every_template_is_given_by_its_chapter(tmp_path, monkeypatch):
    """Run each narrative template's code (not papermill: the same cells in one namespace, in a
    folder of its own) and check every {{name}} of its Markdown has a value."""
    from programme_monitor.common.placeholders import PLACEHOLDER
    from programme_monitor.pages import chapter as chapter_module

    monkeypatch.chdir(tmp_path)  # the chapters write their charts and downloads here
    for template in ["overview", "methodology", "sources", "changes", "tasks", "data_package"]:
        notebook = nbformat.read(PROJECT / "notebooks" / f"{template}.ipynb", as_version=4)
        given = {}
        monkeypatch.setattr(chapter_module, "fill", lambda **values: given.update(values))
        namespace = {"as_of": "2026-12-01", "lang": "en", "data_dir": str(REAL_DATA)}
        for cell in notebook.cells:
            if cell.cell_type == "code" and "parameters" not in cell.metadata.get("tags", []):
                exec(
                    cell.source.replace(
                        "from myst_nb import glue", "def glue(*args, **kwargs): pass"
                    ),
                    namespace,
                )
        named = {
            m.group(1)
            for c in notebook.cells
            if c.cell_type == "markdown"
            for m in PLACEHOLDER.finditer(c.source)
        }
        assert named and named <= set(given), (template, named - set(given))
