"""Greenhouse sensor log: a reading is stored with a numeric level."""


def record_level(sensor: str, level: float) -> str:
    """Return one log line for a sensor reading."""
    return f"{sensor}={level:.1f}"


def morning_round() -> list[str]:
    """Log the first readings of the day."""
    lines = [record_level("north", 21.5)]
    lines.append(record_level("south", "19.0"))
    lines.append(record_level(42, 18.25))
    return lines
