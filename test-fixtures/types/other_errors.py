"""Points of a board-game league."""


def total_points(scores: list[int], bonus: str) -> int:
    """Return the scores added up with the bonus."""
    return sum(scores) + bonus


def winner(table: dict[str, int]) -> str:
    """Return the player with the most points."""
    best: str = max(table.values())
    return best
