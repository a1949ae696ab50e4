"""YAML parsed by libyaml gives what PyYAML's Python parser gave (issue 22: the faster parser
must not change a single value the build reads, nor where a syntax error is reported)."""

from pathlib import Path

import pytest
import yaml

from programme_monitor.common import yaml_text
from programme_monitor.data.errors import ErrorCollector
from programme_monitor.data.readers import read_yaml

ROOT = Path(__file__).resolve().parent.parent
needs_libyaml = pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML built without libyaml")


def _project_yaml() -> list[Path]:
    """Every YAML file a build or a test reads: the programmes, the package's, the book's."""
    folders = ["data", "programme_monitor", "tests/fixtures"]
    found = [path for folder in folders for path in (ROOT / folder).rglob("*.y*ml")]
    return sorted(found + [ROOT / name for name in ("_config.yml", "_toc.yml", "editions.yml")])


@needs_libyaml
def test_the_build_parses_with_libyaml():
    assert yaml_text.SAFE_LOADER is yaml.CSafeLoader


@needs_libyaml
def test_every_yaml_file_gives_the_same_data_with_either_parser():
    files = _project_yaml()
    assert len(files) > 30  # the programme's, the package's and the fixtures'
    different = []
    for path in files:
        text = path.read_text("utf-8")
        try:
            expected = yaml.load(text, Loader=yaml.SafeLoader)
        except yaml.YAMLError:  # a fixture broken on purpose: both must refuse it
            with pytest.raises(yaml.YAMLError):
                yaml_text.parse_yaml(text)
            continue
        if yaml_text.parse_yaml(text) != expected:
            different.append(path.relative_to(ROOT))
    assert different == []


@needs_libyaml
@pytest.mark.parametrize("loader", ["CSafeLoader", "SafeLoader"])
def test_a_syntax_error_names_its_line_with_either_parser(tmp_path, monkeypatch, loader):
    monkeypatch.setattr(yaml_text, "SAFE_LOADER", getattr(yaml, loader))
    path = tmp_path / "programme.yaml"
    path.write_text("code: 42-CTr/HU\ntitle: [unclosed\nsigned: 2024-03-06\n", "utf-8")
    errors = ErrorCollector()
    assert read_yaml(path, errors) is None
    [error] = errors.errors
    assert (error.file, error.row) == (path, 3)  # where the parser finds the list unclosed
    assert "YAML" in error.problem
