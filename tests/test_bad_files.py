"""The corpus of bad data files (tests/fixtures/bad-files): each gets one message at the exact
file, row and column, says what was found and how to fix it, and the build stops before any
chapter runs."""

import shutil
from pathlib import Path

import pytest
import yaml

from programme_monitor import DataErrors, load_dataset

CORPUS = Path(__file__).resolve().parent / "fixtures" / "bad-files"
CASES = yaml.safe_load((CORPUS / "cases.yaml").read_text("utf-8"))


def test_every_folder_of_the_corpus_has_its_expected_error():
    folders = {p.name for p in CORPUS.iterdir() if p.is_dir()}
    assert folders == set(CASES)


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_file_is_named_by_file_row_and_column(mini_copy, case):
    expected = CASES[case]
    for bad in (CORPUS / case).iterdir():
        shutil.copyfile(bad, mini_copy / bad.name)
    with pytest.raises(DataErrors) as caught:
        load_dataset(mini_copy)
    errors = caught.value.errors
    assert len(errors) == 1, caught.value
    error = errors[0]
    assert (error.file.name, error.row, error.column) == (
        expected["file"],
        expected["row"],
        expected["column"],
    )
    assert expected["words"] in error.problem
    assert error.fix
    message = str(error)
    assert message.startswith(str(mini_copy / expected["file"]))
    assert f"dòng {expected['row']}" in message and "Cách sửa:" in message
    if error.column is not None:
        assert error.found is not None  # the value as written is shown
