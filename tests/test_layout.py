"""The package's layout: each phase imports only the phases it builds on (README, "How the code is
laid out"); pages/ and builder/ never import each other, the notebooks are the bridge."""

import ast

from tests.conftest import PROJECT

PACKAGE = PROJECT / "programme_monitor"
# What each phase may import besides itself, in pipeline order.
ALLOWED = {
    "common": set(),
    "words": {"common"},
    "data": {"common", "words"},
    "intake": {"common", "words", "data"},
    "assess": {"common", "words", "data"},
    # pages/ offers the keepers' template, pre-filled with the figures wanted (intake/).
    "pages": {"common", "words", "data", "assess", "intake"},
    "site": {"common", "words"},
    "builder": {"common", "words", "data", "site"},
}


def imported_phases(path) -> set[str]:
    """The phases a module imports, at its top or inside a function."""
    phases = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        names = []
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] == "programme_monitor" and len(parts) > 1 and parts[1] in ALLOWED:
                phases.add(parts[1])
    return phases


def test_every_module_sits_in_a_phase_folder():
    loose = {p.name for p in PACKAGE.glob("*.py")}
    assert loose == {"__init__.py", "__main__.py", "cli.py"}
    assert {p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__"} == set(
        ALLOWED
    )


def test_no_phase_imports_a_later_one_and_pages_and_builder_stay_apart():
    wrong = []
    for phase, allowed in ALLOWED.items():
        for path in sorted((PACKAGE / phase).rglob("*.py")):
            extra = imported_phases(path) - allowed - {phase}
            if extra:
                wrong.append(f"{path.relative_to(PROJECT)} imports {', '.join(sorted(extra))}")
    assert wrong == []
