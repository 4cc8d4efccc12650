"""Bookmark shelf service.

Bookmarks are built through :meth:`Bookmark._from_input`, an alternate constructor that
cleans and checks what the reader typed; the host of a link is worked out once per bookmark
with :func:`functools.cached_property`.

Example:
    >>> shelf = BookmarkShelf()
    >>> shelf.add_bookmark("https://docs.python.org", "Python docs", ["Python"])["message"]
    'Bookmark B1 saved.'
    >>> shelf.find_by_tag("python")["message"]
    "Found 1 bookmarks tagged 'python'."
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any
from urllib.parse import urlsplit

MAX_TITLE_LENGTH = 120
MAX_TAGS = 5
BOOKMARK_ID_PREFIX = "B"


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

    @classmethod
    def _from_input(
        cls, bookmark_id: str, url: str, title: str, tags: list[str] | None
    ) -> Bookmark:
        """Build a bookmark from what the reader typed.

        Args:
            bookmark_id: The id to give it.
            url: The link.
            title: The title.
            tags: Tags, any case.

        Returns:
            Bookmark: The cleaned bookmark.

        Raises:
            InvalidBookmarkError: When the title or the URL is not acceptable.
        """
        url = (url or "").strip()
        title = (title or "").strip()
        if not title:
            raise InvalidBookmarkError("A title is required.", "TITLE_REQUIRED")
        if len(title) > MAX_TITLE_LENGTH:
            message = f"Titles are limited to {MAX_TITLE_LENGTH} characters."
            raise InvalidBookmarkError(message, "TITLE_TOO_LONG")
        if not url.startswith(("http://", "https://")):
            raise InvalidBookmarkError("URLs must start with http:// or https://.", "BAD_URL")
        cleaned = list(dict.fromkeys(tag.strip().lower() for tag in tags or [] if tag.strip()))
        return cls(bookmark_id, url, title, cleaned[:MAX_TAGS])

    @cached_property
    def host(self) -> str:
        """The host part of the URL (empty when the URL has none)."""
        try:
            return urlsplit(self.url).hostname or ""
        except ValueError:
            return ""

    def to_dict(self) -> dict[str, Any]:
        """Return the bookmark as plain data for the UI.

        Returns:
            dict[str, Any]: Id, URL, title, tags and host.
        """
        return {
            "bookmark_id": self.bookmark_id,
            "url": self.url,
            "title": self.title,
            "tags": list(self.tags),
            "host": self.host,
        }


class BookmarkShelf:
    """All bookmarks of one reader, in memory."""

    def __init__(self) -> None:
        """Start with an empty shelf."""
        self._bookmarks: dict[str, Bookmark] = {}
        self._counter = 0
        self._lock = threading.Lock()

    def add_bookmark(self, url: str, title: str, tags: list[str] | None = None) -> dict[str, Any]:
        """Save a link.

        Args:
            url: The link, http or https.
            title: A title of at most MAX_TITLE_LENGTH characters.
            tags: Optional tags.

        Returns:
            dict[str, Any]: Response whose data is ``Bookmark.to_dict()``.
        """
        with self._lock:
            bookmark_id = f"{BOOKMARK_ID_PREFIX}{self._counter + 1}"
            try:
                bookmark = Bookmark._from_input(bookmark_id, url, title, tags)
            except InvalidBookmarkError as error:
                return {"success": False, "message": error.message, "data": None}
            self._counter += 1
            self._bookmarks[bookmark_id] = bookmark
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
        with self._lock:
            if self._bookmarks.pop(bookmark_id, None) is None:
                message = f"Bookmark {bookmark_id} not found."
                return {"success": False, "message": message, "data": None}
        data = {"bookmark_id": bookmark_id}
        return {"success": True, "message": f"Bookmark {bookmark_id} removed.", "data": data}

    def find_by_tag(self, tag: str) -> dict[str, Any]:
        """List bookmarks carrying a tag (case-insensitive).

        Args:
            tag: The tag to look for.

        Returns:
            dict[str, Any]: Response whose data is a list of ``Bookmark.to_dict()``.
        """
        wanted = (tag or "").strip().lower()
        with self._lock:
            found = [b.to_dict() for b in self._bookmarks.values() if wanted in b.tags]
        if not found:
            return {"success": True, "message": f"No bookmarks are tagged '{wanted}'.", "data": []}
        message = f"Found {len(found)} bookmarks tagged '{wanted}'."
        return {"success": True, "message": message, "data": found}


if __name__ == "__main__":
    shelf = BookmarkShelf()
    print(shelf.add_bookmark("https://example.com", "Example", ["Demo"]))
    print(shelf.find_by_tag("demo"))
