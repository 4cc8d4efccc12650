"""Member cards of a climbing gym."""

import re

CARD_PATTERN = re.compile(r"GYM-(\d{4})")


def card_number(text: str) -> int:
    """Return the number printed on a member card."""
    found = CARD_PATTERN.match(text)
    return int(found.group(1))


def card_owner(owners: dict[str, str], card: str) -> str:
    """Return the owner of a card in upper case."""
    owner = owners.get(card)
    return owner.upper()


def safe_owner(owners: dict[str, str], card: str) -> str:
    """Return the owner of a card, checked first."""
    owner = owners.get(card)
    if owner is None:
        raise KeyError(card)
    return owner.upper()
