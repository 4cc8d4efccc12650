"""Bookmark shelf service.

Input checks are ``@staticmethod`` validators that raise :class:`InvalidBookmarkError`;
each public method turns the module's errors into failure responses, and anything
unexpected is logged with its traceback (``logger.exception``) and answered politely.

Example:
    >>> shelf = BookmarkShelf()
    >>> shelf.add_bookmark("ftp://x", "Files")["message"]
    'URLs must start with http:// or https://.'
"""

from __future__ import annotations

import itertools
import logging
import threading
from dataclasses import asdict, dataclass, field
from typing import Any

MAX_TITLE_LENGTH = 120
MAX_TAGS = 5
BOOKMARK_ID_PREFIX = "B"

logger = logging.getLogger(__name__)

UNEXPECTED = "Something went wrong; please try again."


class ShelfError(Exception):
    """Base error; `message` is shown to the user, `code` is for programs."""

    def __init__(self, message: str, code: str = "SHELF_ERROR") -> None:
        """Keep the message and the code.

        Args:
            message: Text for the reader.
            code: Error code.
        """
        super().__init__(message)
        self.message = message
        self.code = code

    def __str__(self) -> str:
        """Show the code with the message."""
        return f"[{self.code}] {self.message}"


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
        """Return the bookmark as plain data.

        Returns:
            dict[str, Any]: The bookmark's fields.
        """
        return asdict(self)


class BookmarkShelf:
    """All bookmarks of one reader, in memory."""

    def __init__(self) -> None:
        """Start with an empty shelf."""
        self._bookmarks: dict[str, Bookmark] = {}
        self._ids = itertools.count(1)
        self._lock = threading.Lock()

    @staticmethod
    def _validate_title(title: str) -> str:
        """Return the stripped title or raise InvalidBookmarkError."""
        title = (title or "").strip()
        if not title:
            raise InvalidBookmarkError("A title is required.", "TITLE_REQUIRED")
        if len(title) > MAX_TITLE_LENGTH:
            raise InvalidBookmarkError(
                f"Titles are limited to {MAX_TITLE_LENGTH} characters.",
                "TITLE_LONG",
            )
        return title

    @staticmethod
    def _validate_url(url: str) -> str:
        """Return the stripped URL or raise InvalidBookmarkError."""
        url = (url or "").strip()
        if not url.lower().startswith(("http://", "https://")):
            raise InvalidBookmarkError("URLs must start with http:// or https://.", "BAD_URL")
        return url

    @staticmethod
    def _validate_tags(tags: list[str] | None) -> list[str]:
        """Return the tags lower-cased, without duplicates, at most MAX_TAGS."""
        cleaned = [tag.strip().lower() for tag in tags or [] if tag and tag.strip()]
        return list(dict.fromkeys(cleaned))[:MAX_TAGS]

    def add_bookmark(self, url: str, title: str, tags: list[str] | None = None) -> dict[str, Any]:
        """Save a link.

        Args:
            url: The link.
            title: Its title.
            tags: Optional tags.

        Returns:
            dict[str, Any]: Response whose data is ``Bookmark.to_dict()``.
        """
        try:
            clean_url = self._validate_url(url)
            clean_title = self._validate_title(title)
            clean_tags = self._validate_tags(tags)
            with self._lock:
                bookmark_id = f"{BOOKMARK_ID_PREFIX}{next(self._ids)}"
                bookmark = Bookmark(bookmark_id, clean_url, clean_title, clean_tags)
                self._bookmarks[bookmark_id] = bookmark
        except ShelfError as error:
            logger.info("bookmark refused: %s", error)
            return {"success": False, "message": error.message, "data": None}
        except Exception:
            logger.exception("add_bookmark failed")
            return {"success": False, "message": UNEXPECTED, "data": None}
        return {
            "success": True,
            "message": f"Bookmark {bookmark_id} saved.",
            "data": bookmark.to_dict(),
        }

    def remove_bookmark(self, bookmark_id: str) -> dict[str, Any]:
        """Delete a bookmark.

        Args:
            bookmark_id: Id such as ``B1``.

        Returns:
            dict[str, Any]: Response with ``{"bookmark_id"}``.
        """
        try:
            with self._lock:
                if bookmark_id not in self._bookmarks:
                    raise BookmarkNotFoundError(f"Bookmark {bookmark_id} not found.", "NOT_FOUND")
                del self._bookmarks[bookmark_id]
        except ShelfError as error:
            return {"success": False, "message": error.message, "data": None}
        except Exception:
            logger.exception("remove_bookmark failed")
            return {"success": False, "message": UNEXPECTED, "data": None}
        data = {"bookmark_id": bookmark_id}
        return {"success": True, "message": f"Bookmark {bookmark_id} removed.", "data": data}

    def find_by_tag(self, tag: str) -> dict[str, Any]:
        """List bookmarks with a tag (case-insensitive).

        Args:
            tag: The tag.

        Returns:
            dict[str, Any]: Response whose data is a list of ``Bookmark.to_dict()``.
        """
        wanted = (tag or "").strip().lower()
        with self._lock:
            found = [b.to_dict() for b in self._bookmarks.values() if wanted in b.tags]
        if not found:
            return {"success": True, "message": f"No bookmarks are tagged '{wanted}'.", "data": []}
        return {
            "success": True,
            "message": f"Found {len(found)} bookmarks tagged '{wanted}'.",
            "data": found,
        }


if __name__ == "__main__":
    shelf = BookmarkShelf()
    print(shelf.add_bookmark("https://example.com", "Example", ["demo"]))
    print(shelf.remove_bookmark("B9"))
