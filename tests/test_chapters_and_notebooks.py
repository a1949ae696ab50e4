import nbformat

from programme_monitor import load_dataset
from programme_monitor.builder.notebook_output import prepare_for_book
from programme_monitor.data.chapters import plan_chapters
from tests.conftest import MINI, PROJECT, REAL_DATA


def test_one_chapter_per_target_group_and_one_page_per_indicator_in_data_order():
    outputs = [run.output for run in plan_chapters(load_dataset(MINI))]
    assert outputs == ["overview.ipynb", "targets-01-green.ipynb", "targets-02-roads.ipynb",
                       "indicator-01-tree_cover.ipynb", "indicator-02-new_roads.ipynb",
                       "indicator-03-culture_house.ipynb",
                       "tasks.ipynb", "changes.ipynb", "methodology.ipynb", "data.ipynb",
                       "sources.ipynb"]
    real = plan_chapters(load_dataset(REAL_DATA))
    assert [r.parameters["group_id"] for r in real if r.template == "target_group.ipynb"] == \
        ["urban-development", "land", "living", "digital", "economy"]
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
    promoted.outputs = [nbformat.v4.new_output("display_data", data={"text/markdown": "## Hai\n\nvăn bản"})]
    notebook.cells = [params, promoted]
    cells = prepare_for_book(notebook).cells
    assert "remove-cell" in cells[0].metadata["tags"]
    assert "remove-cell" in cells[1].metadata["tags"] and cells[1].outputs == []
    assert cells[2].cell_type == "markdown" and cells[2].source.startswith("## Hai")
