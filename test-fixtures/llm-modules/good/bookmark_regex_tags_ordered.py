"""Bookmark shelf service.

A reading list for a Gradio page. Tags are checked against a compiled
pattern, URLs are parsed with :func:`urllib.parse.urlparse`, and the shelf
keeps bookmarks in insertion order.

Example:
    >>> shelf = BookmarkShelf()
    >>> shelf.add_bookmark("https://go.dev", "Go", ["go", "lang"])["message"]
    'Bookmark B1 saved.'
    >>> shelf.add_bookmark("ftp://x", "X")["message"]
    'URLs must start with http:// or https://.'
"""

from __future__ import annotations

import re
import threading
from dataclasses import asdict, dataclass, field
from typing import Any, Final
from urllib.parse import urlparse

MAX_TITLE_LENGTH = 120
MAX_TAGS = 5
BOOKMARK_ID_PREFIX = "B"

TAG_PATTERN: Final = re.compile(r"[a-z0-9][a-z0-9-]*")
URL_ERROR: Final = "URLs must start with http:// or https://."


class ShelfError(Exception):
    """Base error; ``message`` is shown to the user, ``code`` is for programs."""

    def __init__(self, message: str, code: str = "SHELF_ERROR") -> None:
        """Store both.

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
            dict[str, Any]: Its fields.
        """
        return asdict(self)


class BookmarkShelf:
    """All bookmarks of one reader, in memory."""

    def __init__(self) -> None:
        """Create an empty shelf."""
        self._bookmarks: dict[str, Bookmark] = {}
        self._sequence = 0
        self._lock = threading.Lock()

    @staticmethod
    def _validate(url: str, title: str, tags: list[str]) -> list[str]:
        """Return the clean tags; raises InvalidBookmarkError."""
        if not title:
            raise InvalidBookmarkError("A title is required.", "TITLE_REQUIRED")
        if len(title) > MAX_TITLE_LENGTH:
            raise InvalidBookmarkError(
                f"Titles are limited to {MAX_TITLE_LENGTH} characters.", "TITLE_TOO_LONG"
            )
        try:
            scheme = urlparse(url).scheme
        except ValueError:
            scheme = ""
        if scheme not in ("http", "https"):
            raise InvalidBookmarkError(URL_ERROR, "BAD_URL")
        clean = [tag.strip().lower() for tag in tags if tag and tag.strip()]
        return [tag for tag in dict.fromkeys(clean) if TAG_PATTERN.fullmatch(tag)][:MAX_TAGS]

    def add_bookmark(self, url: str, title: str, tags: list[str] | None = None) -> dict[str, Any]:
        """Save a link.

        Args:
            url: The URL.
            title: The title.
            tags: Optional tags.

        Returns:
            dict[str, Any]: Response with data ``Bookmark.to_dict()``.
        """
        try:
            clean_tags = self._validate(
                (url or "").strip(), (title or "").strip(), list(tags or [])
            )
        except InvalidBookmarkError as error:
            return {"success": False, "message": error.message, "data": None}
        with self._lock:
            self._sequence += 1
            bookmark = Bookmark(
                f"{BOOKMARK_ID_PREFIX}{self._sequence}", url.strip(), title.strip(), clean_tags
            )
            self._bookmarks[bookmark.bookmark_id] = bookmark
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
            found = self._bookmarks.pop(bookmark_id, None) is not None
        if not found:
            return {"success": False, "message": f"Bookmark {bookmark_id} not found.", "data": None}
        return {
            "success": True,
            "message": f"Bookmark {bookmark_id} removed.",
            "data": {"bookmark_id": bookmark_id},
        }

    def find_by_tag(self, tag: str) -> dict[str, Any]:
        """Bookmarks carrying a tag, ignoring case.

        Args:
            tag: The tag.

        Returns:
            dict[str, Any]: Response with a list of ``Bookmark.to_dict()``.
        """
        wanted = (tag or "").strip().lower()
        with self._lock:
            rows = [b.to_dict() for b in self._bookmarks.values() if wanted in b.tags]
        if not rows:
            return {
                "success": True,
                "message": f"No bookmarks are tagged '{wanted}'.",
                "data": rows,
            }
        return {
            "success": True,
            "message": f"Found {len(rows)} bookmarks tagged '{wanted}'.",
            "data": rows,
        }
