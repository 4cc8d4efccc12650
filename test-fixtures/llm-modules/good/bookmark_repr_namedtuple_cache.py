"""Bookmark shelf service.

Messages quote tags with ``!r``; the URL check is cached with
``functools.lru_cache``.

Example:
    >>> shelf = BookmarkShelf()
    >>> shelf.find_by_tag("go")["message"]
    "No bookmarks are tagged 'go'."
"""

from __future__ import annotations

import functools
import threading
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

MAX_TITLE_LENGTH = 120
MAX_TAGS = 5
BOOKMARK_ID_PREFIX = "B"


class ShelfError(Exception):
    """Base error.

    Args:
        message: Text for the reader.
        code: Error code.
    """

    def __init__(self, message: str, code: str = "SHELF_ERROR") -> None:
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
            dict[str, Any]: The fields by name.
        """
        return {
            "bookmark_id": self.bookmark_id,
            "url": self.url,
            "title": self.title,
            "tags": list(self.tags),
        }


@functools.lru_cache(maxsize=256)
def _is_web_url(url: str) -> bool:
    """Say whether a URL is http or https with a host.

    Args:
        url: The URL.

    Returns:
        bool: True for an http(s) URL.
    """
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an unclosed IPv6 bracket
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)


class BookmarkShelf:
    """All bookmarks of one reader."""

    def __init__(self) -> None:
        """Create an empty shelf."""
        self._bookmarks: dict[str, Bookmark] = {}
        self._count = 0
        self._lock = threading.Lock()

    def add_bookmark(self, url: str, title: str, tags: list[str] | None = None) -> dict[str, Any]:
        """Save a link.

        Args:
            url: The link.
            title: Its title.
            tags: Optional tags.

        Returns:
            dict[str, Any]: Response whose data is ``Bookmark.to_dict()``.
        """
        if not title or not title.strip():
            return {"success": False, "message": "A title is required.", "data": None}
        if len(title) > MAX_TITLE_LENGTH:
            message = f"Titles are limited to {MAX_TITLE_LENGTH} characters."
            return {"success": False, "message": message, "data": None}
        if not isinstance(url, str) or not _is_web_url(url):
            message = "URLs must start with http:// or https://."
            return {"success": False, "message": message, "data": None}
        clean = sorted({tag.strip().lower() for tag in tags or [] if tag.strip()})[:MAX_TAGS]
        with self._lock:
            self._count += 1
            bookmark = Bookmark(f"{BOOKMARK_ID_PREFIX}{self._count}", url, title.strip(), clean)
            self._bookmarks[bookmark.bookmark_id] = bookmark
        message = f"Bookmark {bookmark.bookmark_id} saved."
        return {"success": True, "message": message, "data": bookmark.to_dict()}

    def remove_bookmark(self, bookmark_id: str) -> dict[str, Any]:
        """Delete a bookmark.

        Args:
            bookmark_id: The id.

        Returns:
            dict[str, Any]: Response with ``{"bookmark_id"}``.
        """
        with self._lock:
            found = self._bookmarks.pop(bookmark_id, None) is not None
        if not found:
            return {"success": False, "message": f"Bookmark {bookmark_id} not found.", "data": None}
        message = f"Bookmark {bookmark_id} removed."
        return {"success": True, "message": message, "data": {"bookmark_id": bookmark_id}}

    def find_by_tag(self, tag: str) -> dict[str, Any]:
        """List the bookmarks carrying a tag.

        Args:
            tag: The tag, any case.

        Returns:
            dict[str, Any]: Response whose data is a list of ``Bookmark.to_dict()``.
        """
        wanted = tag.strip().lower()
        with self._lock:
            found = [b.to_dict() for b in self._bookmarks.values() if wanted in b.tags]
        if not found:
            return {"success": True, "message": f"No bookmarks are tagged {wanted!r}.", "data": []}
        message = f"Found {len(found)} bookmarks tagged {wanted!r}."
        return {"success": True, "message": message, "data": found}
