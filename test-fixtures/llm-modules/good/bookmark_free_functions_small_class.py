"""Bookmark shelf service.

Validation and formatting are plain module functions, easy to test on their
own; :class:`BookmarkShelf` is a thin, locked store on top of them.

Example:
    >>> shelf = BookmarkShelf()
    >>> shelf.add_bookmark("https://peps.python.org", "PEPs", ["Python", "python"])["data"]["tags"]
    ['python']
    >>> shelf.find_by_tag("go")["message"]
    "No bookmarks are tagged 'go'."
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "BookmarkShelf",
    "Bookmark",
    "ShelfError",
    "InvalidBookmarkError",
    "BookmarkNotFoundError",
    "normalize_tags",
    "validate_bookmark",
]

MAX_TITLE_LENGTH = 120
MAX_TAGS = 5
BOOKMARK_ID_PREFIX = "B"


class ShelfError(Exception):
    """Base error; ``message`` is shown to the user, ``code`` is for programs."""

    def __init__(self, message: str, code: str = "SHELF_ERROR") -> None:
        """Store message and code.

        Args:
            message: Text for the reader.
            code: Error code.
        """
        super().__init__(message)
        self.message = message
        self.code = code


class InvalidBookmarkError(ShelfError):
    """The URL, title or tags are not acceptable."""


class BookmarkNotFoundError(ShelfError):
    """No bookmark has that id."""


@dataclass
class Bookmark:
    """A saved link."""

    bookmark_id: str
    url: str
    title: str
    tags: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Return the bookmark as a dictionary.

        Returns:
            dict[str, Any]: All fields.
        """
        return {
            "bookmark_id": self.bookmark_id,
            "url": self.url,
            "title": self.title,
            "tags": list(self.tags),
        }


def normalize_tags(tags: list[str] | None) -> list[str]:
    """Lower-case, strip and de-duplicate tags, keeping their order.

    Args:
        tags: Tags as typed, or None.

    Returns:
        list[str]: At most MAX_TAGS clean tags.

    Example:
        >>> normalize_tags([" Go ", "go", "Rust"])
        ['go', 'rust']
    """
    seen: dict[str, None] = {}
    for tag in tags or []:
        if cleaned := tag.strip().lower():
            seen.setdefault(cleaned, None)
    return list(seen)[:MAX_TAGS]


def validate_bookmark(url: str, title: str) -> str | None:
    """Return the user message for an unacceptable URL or title, else None.

    Args:
        url: The URL.
        title: The title.

    Returns:
        str | None: The problem, or None when both are fine.
    """
    if not title.strip():
        return "A title is required."
    if len(title.strip()) > MAX_TITLE_LENGTH:
        return f"Titles are limited to {MAX_TITLE_LENGTH} characters."
    if not url.startswith(("http://", "https://")):
        return "URLs must start with http:// or https://."
    return None


class BookmarkShelf:
    """All bookmarks of one reader, in memory."""

    def __init__(self) -> None:
        """Create an empty shelf."""
        self._items: dict[str, Bookmark] = {}
        self._last_number = 0
        self._lock = threading.Lock()

    def add_bookmark(self, url: str, title: str, tags: list[str] | None = None) -> dict[str, Any]:
        """Save a link.

        Args:
            url: The URL.
            title: The title.
            tags: Optional tags.

        Returns:
            dict[str, Any]: Response with data ``Bookmark.to_dict()``.
        """
        if problem := validate_bookmark(url or "", title or ""):
            return {"success": False, "message": problem, "data": None}
        with self._lock:
            self._last_number += 1
            bookmark = Bookmark(
                f"{BOOKMARK_ID_PREFIX}{self._last_number}", url, title.strip(), normalize_tags(tags)
            )
            self._items[bookmark.bookmark_id] = bookmark
        return {
            "success": True,
            "message": f"Bookmark {bookmark.bookmark_id} saved.",
            "data": bookmark.to_dict(),
        }

    def remove_bookmark(self, bookmark_id: str) -> dict[str, Any]:
        """Delete a bookmark.

        Args:
            bookmark_id: The id.

        Returns:
            dict[str, Any]: Response with data ``{"bookmark_id"}``.
        """
        with self._lock:
            removed = self._items.pop(bookmark_id, None)
        if removed is None:
            return {"success": False, "message": f"Bookmark {bookmark_id} not found.", "data": None}
        return {
            "success": True,
            "message": f"Bookmark {bookmark_id} removed.",
            "data": {"bookmark_id": bookmark_id},
        }

    def find_by_tag(self, tag: str) -> dict[str, Any]:
        """Bookmarks carrying a tag (case-insensitive).

        Args:
            tag: The tag.

        Returns:
            dict[str, Any]: Response with a list of ``Bookmark.to_dict()``.
        """
        wanted = tag.strip().lower() if isinstance(tag, str) else ""
        with self._lock:
            matches = [item.to_dict() for item in self._items.values() if wanted in item.tags]
        if matches:
            return {
                "success": True,
                "message": f"Found {len(matches)} bookmarks tagged '{wanted}'.",
                "data": matches,
            }
        return {"success": True, "message": f"No bookmarks are tagged '{wanted}'.", "data": []}
