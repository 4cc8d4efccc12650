"""Bookmark shelf service.

Keeps one reader's bookmarks in memory for a Gradio reading-list page.
Bookmarks are immutable; changes make new copies with :func:`dataclasses.replace`.
Public methods raise :class:`ShelfError` subclasses internally and the
:func:`responds` decorator factory turns every exception into the response
dictionary, so nothing reaches the UI as a traceback.

Example:
    >>> shelf = BookmarkShelf()
    >>> shelf.add_bookmark("https://example.com", "Example", ["Docs"])["message"]
    'Bookmark B1 saved.'
    >>> shelf.find_by_tag("docs")["message"]
    "Found 1 bookmarks tagged 'docs'."
"""

from __future__ import annotations

import functools
import itertools
import logging
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from typing import Any, ParamSpec
from urllib.parse import urlsplit

P = ParamSpec("P")

logger = logging.getLogger(__name__)

MAX_TITLE_LENGTH = 120
MAX_TAGS = 5
BOOKMARK_ID_PREFIX = "B"
ALLOWED_SCHEMES = ("http", "https")


class ShelfError(Exception):
    """Base error; ``message`` is shown to the user, ``code`` is for programs."""

    def __init__(self, message: str, code: str = "SHELF_ERROR") -> None:
        """Create the error.

        Args:
            message: Text for the reader.
            code: Error code.
        """
        super().__init__(message)
        self.message = message
        self.code = code


class InvalidBookmarkError(ShelfError):
    """The URL, title or tags are not acceptable."""

    def __init__(self, message: str) -> None:
        """Create the error with its code.

        Args:
            message: Text for the reader.
        """
        super().__init__(message, "INVALID_BOOKMARK")


class BookmarkNotFoundError(ShelfError):
    """No bookmark has that id."""

    def __init__(self, bookmark_id: str) -> None:
        """Create the error for an id.

        Args:
            bookmark_id: The unknown id.
        """
        super().__init__(f"Bookmark {bookmark_id} not found.", "NOT_FOUND")


@dataclass(frozen=True)
class Bookmark:
    """A saved link."""

    bookmark_id: str
    url: str
    title: str
    tags: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Return the bookmark as a plain dictionary.

        Returns:
            dict[str, Any]: The fields of the bookmark.
        """
        return asdict(self)


def responds(failure: str) -> Callable[[Callable[P, dict[str, Any]]], Callable[P, dict[str, Any]]]:
    """Make a decorator that turns exceptions into failure responses.

    Args:
        failure: Message used for unexpected errors.

    Returns:
        Callable: The decorator.
    """

    def decorator(method: Callable[P, dict[str, Any]]) -> Callable[P, dict[str, Any]]:
        @functools.wraps(method)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> dict[str, Any]:
            try:
                return method(*args, **kwargs)
            except ShelfError as error:
                return {"success": False, "message": error.message, "data": None}
            except Exception:
                logger.exception("%s failed", method.__name__)
                return {"success": False, "message": failure, "data": None}

        return wrapper

    return decorator


def _check_url(url: str) -> str:
    """Return the URL or raise InvalidBookmarkError."""
    try:
        scheme = urlsplit(url).scheme
    except ValueError as error:
        raise InvalidBookmarkError("URLs must start with http:// or https://.") from error
    if scheme not in ALLOWED_SCHEMES:
        raise InvalidBookmarkError("URLs must start with http:// or https://.")
    return url


def _check_title(title: str) -> str:
    """Return the stripped title or raise InvalidBookmarkError."""
    title = (title or "").strip()
    if not title:
        raise InvalidBookmarkError("A title is required.")
    if len(title) > MAX_TITLE_LENGTH:
        raise InvalidBookmarkError(f"Titles are limited to {MAX_TITLE_LENGTH} characters.")
    return title


class BookmarkShelf:
    """All bookmarks of one reader, in memory."""

    def __init__(self) -> None:
        """Create an empty shelf."""
        self._bookmarks: dict[str, Bookmark] = {}
        self._ids = itertools.count(1)
        self._lock = threading.Lock()

    @responds("Could not save the bookmark.")
    def add_bookmark(self, url: str, title: str, tags: list[str] | None = None) -> dict[str, Any]:
        """Save a link.

        Args:
            url: An http(s) URL.
            title: The title to show.
            tags: Optional tags, stored lower-cased.

        Returns:
            dict[str, Any]: Response with data ``Bookmark.to_dict()``.
        """
        bookmark = Bookmark("", _check_url(url), _check_title(title))
        clean_tags = sorted({tag.strip().lower() for tag in tags or [] if tag.strip()})[:MAX_TAGS]
        with self._lock:
            bookmark = replace(
                bookmark, bookmark_id=f"{BOOKMARK_ID_PREFIX}{next(self._ids)}", tags=clean_tags
            )
            self._bookmarks[bookmark.bookmark_id] = bookmark
        return {
            "success": True,
            "message": f"Bookmark {bookmark.bookmark_id} saved.",
            "data": bookmark.to_dict(),
        }

    @responds("Could not remove the bookmark.")
    def remove_bookmark(self, bookmark_id: str) -> dict[str, Any]:
        """Delete a bookmark.

        Args:
            bookmark_id: The id, e.g. ``B1``.

        Returns:
            dict[str, Any]: Response with data ``{"bookmark_id"}``.
        """
        with self._lock:
            if self._bookmarks.pop(bookmark_id, None) is None:
                raise BookmarkNotFoundError(bookmark_id)
        return {
            "success": True,
            "message": f"Bookmark {bookmark_id} removed.",
            "data": {"bookmark_id": bookmark_id},
        }

    @responds("Could not search the bookmarks.")
    def find_by_tag(self, tag: str) -> dict[str, Any]:
        """List the bookmarks carrying a tag, ignoring case.

        Args:
            tag: The tag to look for.

        Returns:
            dict[str, Any]: Response with a list of ``Bookmark.to_dict()``.
        """
        wanted = (tag or "").strip().lower()
        with self._lock:
            found = [
                bookmark.to_dict()
                for bookmark in self._bookmarks.values()
                if wanted in bookmark.tags
            ]
        if not found:
            return {"success": True, "message": f"No bookmarks are tagged '{wanted}'.", "data": []}
        return {
            "success": True,
            "message": f"Found {len(found)} bookmarks tagged '{wanted}'.",
            "data": found,
        }
