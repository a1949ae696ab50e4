"""The published data package: it validates against its own schemas (Frictionless), holds only
what the edition shows, and its archives are the same bytes for the same inputs."""

import io
import zipfile
from datetime import date

import pandas as pd
from frictionless import Package

from programme_monitor import load_dataset
from programme_monitor.assess.assessment import assess_all, inputs_table
from programme_monitor.common.files import zip_bytes
from programme_monitor.data.contract import columns
from programme_monitor.pages.data_package import indicator_tables, indicators_table, package_files
from tests.conftest import REAL_DATA


def unpack(files, folder):
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return folder / "datapackage.json"


def real_package(as_of, tables=None):
    dataset = load_dataset(REAL_DATA)
    derived = {
        "indicators": indicators_table(dataset),
        "progress-inputs": inputs_table(dataset, assess_all(dataset, as_of), as_of),
    }
    return dataset, package_files(dataset, as_of, derived, "test", "test", tables=tables)


def test_real_package_validates_against_its_own_schemas(tmp_path):
    _, files = real_package(date(2026, 11, 24))
    report = Package(str(unpack(files, tmp_path))).validate()
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "note"])
    observations = pd.read_csv(tmp_path / "observations.csv", dtype=str, keep_default_na=False)
    assert list(observations.columns) == columns("observations")


def test_an_earlier_edition_holds_only_what_was_published_by_then(tmp_path):
    dataset, files = real_package(date(2024, 6, 30))
    observations = pd.read_csv(
        io.BytesIO(files["observations.csv"]), dtype=str, keep_default_na=False
    )
    published = dataset.sources.set_index("source_id")["published_by"]
    assert len(observations) and all(
        published[s] <= date(2024, 6, 30) for s in observations["source"]
    )
    assert Package(str(unpack(files, tmp_path))).validate().valid


def test_indicator_package_keeps_its_references_and_validates(tmp_path):
    dataset = load_dataset(REAL_DATA)
    as_of = date(2026, 11, 24)
    tables = indicator_tables(dataset, as_of, "natural_area")
    files = package_files(dataset, as_of, {}, "natural-area", "t", tables=tables)
    assert set(tables["observations"]["indicator"]) == {"natural_area"}
    assert Package(str(unpack(files, tmp_path))).validate().valid


def test_archive_bytes_depend_only_on_the_files(tmp_path):
    files = {"b.csv": b"x\n1\n", "a.csv": b"y\n2\n"}
    (tmp_path / "one.zip").write_bytes(zip_bytes(files))
    (tmp_path / "two.zip").write_bytes(zip_bytes(dict(reversed(list(files.items())))))
    assert (tmp_path / "one.zip").read_bytes() == (tmp_path / "two.zip").read_bytes()
    assert zipfile.ZipFile(tmp_path / "one.zip").namelist() == ["a.csv", "b.csv"]
