"""Bookmark shelf service.

Arguments are checked by a decorator, :func:`validated`, which binds the call to the
method's signature and runs one validator per named argument; the first problem found is
answered as a failure response before the method runs.

Example:
    >>> shelf = BookmarkShelf()
    >>> shelf.add_bookmark("https://example.com", "")["message"]
    'A title is required.'
    >>> shelf.add_bookmark("https://example.com", "Example")["message"]
    'Bookmark B1 saved.'
"""

from __future__ import annotations

import functools
import inspect
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

MAX_TITLE_LENGTH = 120
MAX_TAGS = 5
BOOKMARK_ID_PREFIX = "B"

Validator = Callable[[Any], "str | None"]


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

    def to_dict(self) -> dict[str, Any]:
        """Return the bookmark as plain data.

        Returns:
            dict[str, Any]: Id, URL, title and tags.
        """
        return {
            "bookmark_id": self.bookmark_id,
            "url": self.url,
            "title": self.title,
            "tags": list(self.tags),
        }


def _check_url(url: Any) -> str | None:
    """Return the problem with a URL, or None."""
    if not isinstance(url, str) or not url.strip().startswith(("http://", "https://")):
        return "URLs must start with http:// or https://."
    return None


def _check_title(title: Any) -> str | None:
    """Return the problem with a title, or None."""
    if not isinstance(title, str) or not title.strip():
        return "A title is required."
    if len(title.strip()) > MAX_TITLE_LENGTH:
        return f"Titles are limited to {MAX_TITLE_LENGTH} characters."
    return None


Handler = Callable[..., dict[str, Any]]


def validated(**validators: Validator) -> Callable[[Handler], Handler]:
    """Check named arguments before a method runs.

    Args:
        **validators: For each argument name, a function returning a problem or None.

    Returns:
        Callable: A decorator answering the first problem as a failure response.
    """

    def decorate(method: Handler) -> Handler:
        signature = inspect.signature(method)

        @functools.wraps(method)
        def wrapper(*args: Any, **kwargs: Any) -> dict[str, Any]:
            bound = signature.bind_partial(*args, **kwargs)
            for name, check in validators.items():
                problem = check(bound.arguments.get(name))
                if problem is not None:
                    return {"success": False, "message": problem, "data": None}
            return method(*args, **kwargs)

        return wrapper

    return decorate


class BookmarkShelf:
    """All bookmarks of one reader, in memory."""

    def __init__(self) -> None:
        """Start with an empty shelf."""
        self._bookmarks: dict[str, Bookmark] = {}
        self._next_number = 1
        self._lock = threading.Lock()

    @validated(title=_check_title, url=_check_url)
    def add_bookmark(self, url: str, title: str, tags: list[str] | None = None) -> dict[str, Any]:
        """Save a link.

        Args:
            url: The link.
            title: Its title.
            tags: Optional tags.

        Returns:
            dict[str, Any]: Response whose data is ``Bookmark.to_dict()``.
        """
        clean_tags = sorted({tag.strip().lower() for tag in tags or [] if tag.strip()})[:MAX_TAGS]
        with self._lock:
            bookmark_id = f"{BOOKMARK_ID_PREFIX}{self._next_number}"
            self._next_number += 1
            bookmark = Bookmark(bookmark_id, url.strip(), title.strip(), clean_tags)
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
            removed = self._bookmarks.pop(bookmark_id, None)
        if removed is None:
            return {"success": False, "message": f"Bookmark {bookmark_id} not found.", "data": None}
        return {
            "success": True,
            "message": f"Bookmark {bookmark_id} removed.",
            "data": {"bookmark_id": bookmark_id},
        }

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
        if found:
            return {
                "success": True,
                "message": f"Found {len(found)} bookmarks tagged '{wanted}'.",
                "data": found,
            }
        return {"success": True, "message": f"No bookmarks are tagged '{wanted}'.", "data": []}


if __name__ == "__main__":
    shelf = BookmarkShelf()
    print(shelf.add_bookmark("ftp://x", "Files"))
    print(shelf.add_bookmark("https://example.com", "Example", ["Demo"]))
