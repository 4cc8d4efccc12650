"""Shelf labels for a small bookshop."""


def shelf_code(row: int, column: int) -> str:
    """Return the label printed on a shelf."""
    if row < 0 or column < 0:
        raise ValueError("row and column must not be negative")
    return row * 100 + column


def shelf_count(rows: int) -> int:
    """Return how many shelves a wall of `rows` rows holds."""
    return str(rows * 4)
