"""
Bookmark Shelf service.

This module implements the bookmark shelf described in the technical design.
It keeps every bookmark in memory and answers the Gradio UI with structured
responses.

Classes:
    BookmarkShelf: Main service that saves, removes and finds bookmarks.
    Bookmark: One saved link.
    ShelfError: Base exception of the module.

Example:
    Basic usage::

        from bookmark_shelf_service import BookmarkShelf

        shelf = BookmarkShelf()
        result = shelf.add_bookmark("https://python.org", "Python")
        print(result["message"])

Dependencies:
    - Python 3.10+
"""

from __future__ import annotations

import logging
import threading
from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = [
    "BookmarkShelf",
    "Bookmark",
    "ShelfError",
    "InvalidBookmarkError",
    "BookmarkNotFoundError",
]

logger = logging.getLogger(__name__)

# Constants
MAX_TITLE_LENGTH = 120
MAX_TAGS = 5
BOOKMARK_ID_PREFIX = "B"
ALLOWED_SCHEMES = ("http://", "https://")
GENERIC_ERROR = "Something went wrong; please try again."


class ShelfError(Exception):
    """Base exception for the bookmark shelf.

    Attributes:
        message: Human-readable error message.
        code: Error code for programmatic handling.
    """

    def __init__(self, message: str, code: str = "SHELF_ERROR") -> None:
        self.message = message
        self.code = code
        super().__init__(self.message)


class InvalidBookmarkError(ShelfError):
    """Raised when the URL, title or tags are not acceptable."""


class BookmarkNotFoundError(ShelfError):
    """Raised when no bookmark has the requested id."""


@dataclass
class Bookmark:
    """One saved link.

    Attributes:
        bookmark_id: Identifier such as "B1".
        url: The saved address.
        title: Display title.
        tags: Lower-cased tags.
    """

    bookmark_id: str
    url: str
    title: str
    tags: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Return the bookmark as a plain dictionary.

        Returns:
            dict[str, Any]: Every field of the bookmark.
        """
        return asdict(self)


class BookmarkShelf:
    """In-memory bookmark shelf used by the Gradio UI.

    Attributes:
        bookmarks: Saved bookmarks by id.
    """

    def __init__(self) -> None:
        """Create an empty shelf."""
        self.bookmarks: dict[str, Bookmark] = {}
        self._next_number = 1
        self._lock = threading.RLock()

    def add_bookmark(self, url: str, title: str, tags: list[str] | None = None) -> dict[str, Any]:
        """Save a link with a title and optional tags.

        Args:
            url: Address starting with http:// or https://.
            title: Non-empty title of at most MAX_TITLE_LENGTH characters.
            tags: Optional tags; stored lower-cased.

        Returns:
            dict[str, Any]: success, message and the saved bookmark as data.
        """
        try:
            clean_title = (title or "").strip()
            if not clean_title:
                raise InvalidBookmarkError("A title is required.", "TITLE_REQUIRED")
            if len(clean_title) > MAX_TITLE_LENGTH:
                raise InvalidBookmarkError(
                    f"Titles are limited to {MAX_TITLE_LENGTH} characters.", "TITLE_TOO_LONG"
                )
            if not isinstance(url, str) or not url.startswith(ALLOWED_SCHEMES):
                raise InvalidBookmarkError(
                    "URLs must start with http:// or https://.", "INVALID_URL"
                )
            clean_tags = [tag.strip().lower() for tag in (tags or []) if tag and tag.strip()]
            clean_tags = clean_tags[:MAX_TAGS]
            with self._lock:
                bookmark_id = f"{BOOKMARK_ID_PREFIX}{self._next_number}"
                self._next_number += 1
                bookmark = Bookmark(bookmark_id, url, clean_title, clean_tags)
                self.bookmarks[bookmark_id] = bookmark
            logger.info("Saved bookmark %s", bookmark_id)
            message = f"Bookmark {bookmark_id} saved."
            return {"success": True, "message": message, "data": bookmark.to_dict()}
        except ShelfError as error:
            return {"success": False, "message": error.message, "data": None}
        except Exception:
            logger.exception("Unexpected error while adding a bookmark")
            return {"success": False, "message": GENERIC_ERROR, "data": None}

    def remove_bookmark(self, bookmark_id: str) -> dict[str, Any]:
        """Delete a bookmark.

        Args:
            bookmark_id: Identifier such as "B1".

        Returns:
            dict[str, Any]: success, message and {"bookmark_id"} as data.
        """
        try:
            with self._lock:
                if bookmark_id not in self.bookmarks:
                    raise BookmarkNotFoundError(
                        f"Bookmark {bookmark_id} not found.", "NOT_FOUND"
                    )
                del self.bookmarks[bookmark_id]
            return {
                "success": True,
                "message": f"Bookmark {bookmark_id} removed.",
                "data": {"bookmark_id": bookmark_id},
            }
        except ShelfError as error:
            return {"success": False, "message": error.message, "data": None}
        except Exception:
            logger.exception("Unexpected error while removing %s", bookmark_id)
            return {"success": False, "message": GENERIC_ERROR, "data": None}

    def find_by_tag(self, tag: str, limit: int) -> dict[str, Any]:
        """List the bookmarks carrying a tag.

        Args:
            tag: Tag to look for, compared case-insensitively.
            limit: Most bookmarks to return.

        Returns:
            dict[str, Any]: success, message and a list of bookmark dictionaries.
        """
        wanted = (tag or "").strip().lower()
        with self._lock:
            matches = [item.to_dict() for item in self.bookmarks.values() if wanted in item.tags]
        if not matches:
            return {"success": True, "message": f"No bookmarks are tagged '{wanted}'.", "data": []}
        matches = matches[:limit]
        message = f"Found {len(matches)} bookmarks tagged '{wanted}'."
        return {"success": True, "message": message, "data": matches}


if __name__ == "__main__":
    shelf = BookmarkShelf()
    print(shelf.add_bookmark("https://docs.python.org", "Python docs", ["Python"]))
    print(shelf.find_by_tag("python", 10))
    print(shelf.remove_bookmark("B1"))
