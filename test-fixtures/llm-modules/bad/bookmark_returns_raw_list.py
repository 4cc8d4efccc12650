"""
Bookmark Shelf service module.

Implements the bookmark shelf of the technical design: save, remove and find
links by tag. All state is in memory; responses are dictionaries the Gradio
UI can display.

Example:
    >>> shelf = BookmarkShelf()
    >>> shelf.add_bookmark("https://example.org", "Example", ["demo"])["message"]
    'Bookmark B1 saved.'
    >>> shelf.find_by_tag("DEMO")["message"]
    "Found 1 bookmarks tagged 'demo'."
"""

import re
import threading
from dataclasses import dataclass, field, fields
from typing import Any, Optional
from urllib.parse import urlparse

MAX_TITLE_LENGTH = 120
MAX_TAGS = 5
BOOKMARK_ID_PREFIX = "B"
TAG_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*")


class ShelfError(Exception):
    """Base error of the shelf.

    Attributes:
        message: Text for the user.
        code: Error code.
    """

    def __init__(self, message: str, code: str = "SHELF_ERROR") -> None:
        self.message = message
        self.code = code
        super().__init__(message)


class InvalidBookmarkError(ShelfError):
    """Rejected input."""


class BookmarkNotFoundError(ShelfError):
    """Unknown bookmark."""


@dataclass
class Bookmark:
    """A saved link.

    Attributes:
        bookmark_id: Id such as "B1".
        url: Address.
        title: Title.
        tags: Tags, lower-case.
    """

    bookmark_id: str
    url: str
    title: str
    tags: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Convert to a dictionary.

        Returns:
            dict[str, Any]: Field name to value.
        """
        return {f.name: getattr(self, f.name) for f in fields(self)}


def _not_found(bookmark_id: str) -> str:
    """Message for an unknown id."""
    return "Bookmark " + str(bookmark_id) + " not found."


def _is_web_url(url: str) -> bool:
    """Whether the text is an http(s) URL with a host."""
    try:
        parts = urlparse(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _response(success: bool, message: str, data: Optional[Any] = None) -> dict[str, Any]:
    """Build the response dictionary."""
    return {"success": success, "message": message, "data": data}


class BookmarkShelf:
    """Bookmark shelf service."""

    def __init__(self) -> None:
        """Start with no bookmarks."""
        self._store: dict[str, Bookmark] = {}
        self._sequence = 0
        self._lock = threading.Lock()

    def add_bookmark(self, url: str, title: str, tags: list[str] | None = None) -> dict[str, Any]:
        """Save a bookmark.

        Args:
            url: http(s) address.
            title: Title.
            tags: Optional tags.

        Returns:
            dict[str, Any]: Response carrying the bookmark.
        """
        if not isinstance(title, str) or not title.strip():
            return _response(False, "A title is required.")
        if len(title.strip()) > MAX_TITLE_LENGTH:
            return _response(False, "Titles are limited to %d characters." % MAX_TITLE_LENGTH)
        if not isinstance(url, str) or not _is_web_url(url.strip()):
            return _response(False, "URLs must start with http:// or https://.")
        lowered = (str(tag).strip().lower() for tag in tags or [])
        clean_tags = [t for t in lowered if TAG_PATTERN.fullmatch(t)]
        with self._lock:
            self._sequence += 1
            bookmark_id = f"{BOOKMARK_ID_PREFIX}{self._sequence}"
            bookmark = Bookmark(bookmark_id, url.strip(), title.strip(), clean_tags[:MAX_TAGS])
            self._store[bookmark.bookmark_id] = bookmark
        message = "Bookmark {} saved.".format(bookmark.bookmark_id)
        return _response(True, message, bookmark.to_dict())

    def remove_bookmark(self, bookmark_id: str) -> dict[str, Any]:
        """Remove a bookmark.

        Args:
            bookmark_id: Id such as "B1".

        Returns:
            dict[str, Any]: Response carrying {"bookmark_id"}.
        """
        key = str(bookmark_id).strip().upper()
        with self._lock:
            if key not in self._store:
                return _response(False, _not_found(key))
            del self._store[key]
        return _response(True, f"Bookmark {key} removed.", {"bookmark_id": key})

    def find_by_tag(self, tag: str) -> dict[str, Any]:
        """Find bookmarks by tag.

        Args:
            tag: Tag to find.

        Returns:
            dict[str, Any]: Response carrying the matching bookmarks.
        """
        wanted = str(tag).strip().lower()
        with self._lock:
            found = [b.to_dict() for b in self._store.values() if wanted in b.tags]
        if found:
            print(f"Found {len(found)} bookmarks tagged '{wanted}'.")
            return found
        return _response(True, f"No bookmarks are tagged '{wanted}'.", [])
