"""Charts that put time where it is: each year's tick is its 1 January."""

import matplotlib.pyplot as plt

from programme_monitor import load_dataset
from programme_monitor.pages import charts
from tests.conftest import REAL_DATA


def test_each_years_tick_is_its_first_of_january():
    """Issue 20: ticks sat mid-year, so a value in force from 1/1/2025 (x = 2025.0) was drawn
    before the "2025" tick, where it read as 2024's."""
    dataset = load_dataset(REAL_DATA)
    spec = dataset.indicators["urbanisation_rate"]
    fig, ax = plt.subplots()
    ax.plot([2021.5, 2025.0, 2026.9], [40, 45, 50])
    charts._finish(dataset.edition, ax, fig, spec, dataset.edition.labels, legend=False)
    ticks = list(ax.get_xticks())
    assert ticks and all(float(t).is_integer() for t in ticks), ticks
    labels = [label.get_text() for label in ax.get_xticklabels()]
    assert "2025" in labels and labels[ticks.index(2025)] == "2025"
    low, high = ax.get_xlim()
    assert low <= 2021.5 and high >= 2026.9  # every point inside, whole years either side
    plt.close(fig)
