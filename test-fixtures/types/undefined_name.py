"""Tide table lookups."""

import math


def hours_between(first: float, second: float) -> float:
    """Return the absolute time between two tides, in hours."""
    return math.fabs(second - first)


def next_high_tide(previous: float) -> float:
    """Return when the next high tide is expected."""
    return previous + TIDE_PERIOD_HOURS
