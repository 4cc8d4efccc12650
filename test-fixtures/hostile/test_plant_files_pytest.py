"""pytest-style acceptance tests the wrong calculator in plant_files.py fails, whatever files it writes."""
import statistics

from plant_files import Calculator


def test_us001_ac1_adds():
    assert Calculator().add(2, 3) == 5


def test_us001_ac2_mean():
    assert statistics.mean([Calculator().add(1, 1), Calculator().add(2, 2)]) == 3
