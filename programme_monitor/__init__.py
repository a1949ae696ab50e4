"""Monitoring publication of an action programme: data loading, checks, tables and charts.

The package turns a programme's data directory (see README, "Data files") into the tables, charts
and narrative values that the chapter notebooks show. Notebooks call it; they hold no logic.
"""

from programme_monitor.data.dataset import Dataset, load_dataset
from programme_monitor.data.errors import DataError, DataErrors

__all__ = ["Dataset", "DataError", "DataErrors", "load_dataset"]
