"""Bookmark shelf service (in-memory).

Saves, removes and finds bookmarks for the reading-list page.

Example:
    >>> shelf = BookmarkShelf()
    >>> shelf.add_bookmark("https://peps.python.org", "PEPs", ["python"])["message"]
    'Bookmark B1 saved.'
"""
import itertools
import logging
import threading
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

log = logging.getLogger(__name__)

MAX_TITLE_LEN = 120
MAX_TAGS = 5
BOOKMARK_ID_PREFIX = "B"

_STATE_LOCK = threading.Lock()


class ErrorCode(str, Enum):
    """Error codes returned with failures."""

    TITLE_REQUIRED = "TITLE_REQUIRED"
    TITLE_TOO_LONG = "TITLE_TOO_LONG"
    INVALID_URL = "INVALID_URL"
    NOT_FOUND = "NOT_FOUND"


class ShelfError(Exception):
    """Base error of the shelf.

    :param message: text shown to the user
    :param code: error code
    """

    def __init__(self, message: str, code: str = "SHELF_ERROR") -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class InvalidBookmarkError(ShelfError):
    """Bad URL, title or tags."""


class BookmarkNotFoundError(ShelfError):
    """Unknown bookmark id."""


@dataclass(frozen=True)
class Bookmark:
    """A saved link."""

    bookmark_id: str
    url: str
    title: str
    tags: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Return the bookmark as a dictionary.

        :return: the fields of the bookmark
        """
        return {
            "bookmark_id": self.bookmark_id,
            "url": self.url,
            "title": self.title,
            "tags": list(self.tags),
        }


def _check_title(title: str) -> str:
    """Strip a title and check its length.

    :param title: the title typed by the user
    :return: the stripped title
    :raises InvalidBookmarkError: when it is empty or too long
    """
    cleaned = title.strip() if isinstance(title, str) else ""
    if not cleaned:
        raise InvalidBookmarkError("A title is required.", ErrorCode.TITLE_REQUIRED.value)
    if len(cleaned) > MAX_TITLE_LEN:
        raise InvalidBookmarkError(
            "Titles are limited to %d characters." % MAX_TITLE_LEN,
            ErrorCode.TITLE_TOO_LONG.value,
        )
    return cleaned


def _check_url(url: str) -> str:
    """Check the scheme of a URL.

    :param url: the address
    :return: the address, stripped
    :raises InvalidBookmarkError: when it is not http or https
    """
    cleaned = url.strip() if isinstance(url, str) else ""
    if not cleaned.startswith(("http://", "https://")):
        raise InvalidBookmarkError(
            "URLs must start with http:// or https://.", ErrorCode.INVALID_URL.value
        )
    return cleaned


def _failure(error: ShelfError) -> dict[str, Any]:
    """Build a failure response from an error."""
    return {"success": False, "message": error.message, "data": {"code": error.code}}


class BookmarkShelf:
    """The bookmark shelf service."""

    def __init__(self) -> None:
        """Create an empty shelf."""
        self._bookmarks: dict[str, Bookmark] = {}
        self._ids = itertools.count(1)

    def add_bookmark(self, url: str, title: str, tags: list[str] | None = None) -> dict[str, Any]:
        """Save a link.

        :param url: address starting with http:// or https://
        :param title: title of the page
        :param tags: optional tags
        :return: a response whose data is the saved bookmark
        """
        try:
            clean_title = _check_title(title)
            clean_url = _check_url(url)
            clean_tags = sorted({t.strip().lower() for t in tags or [] if t.strip()})[:MAX_TAGS]
            with _STATE_LOCK:
                bookmark_id = f"{BOOKMARK_ID_PREFIX}{next(self._ids)}"
                bookmark = Bookmark(bookmark_id, clean_url, clean_title, clean_tags)
                self._bookmarks[bookmark_id] = bookmark
        except ShelfError as error:
            return _failure(error)
        except Exception as error:  # noqa: BLE001 - the UI must always get an answer
            log.error("add_bookmark failed: %s", error)
            return {"success": False, "message": "Unexpected error.", "data": None}
        message = f"Bookmark {bookmark_id} saved."
        return {"success": True, "message": message, "data": bookmark.to_dict()}

    def remove_bookmark(self, bookmark_id: str) -> dict[str, Any]:
        """Delete a bookmark.

        :param bookmark_id: id of the bookmark, e.g. "B1"
        :return: a response whose data holds the removed id
        """
        try:
            with _STATE_LOCK:
                if bookmark_id not in self._bookmarks:
                    raise BookmarkNotFoundError(
                        f"Bookmark {bookmark_id} not found.", ErrorCode.NOT_FOUND.value
                    )
                del self._bookmarks[bookmark_id]
        except ShelfError as error:
            return _failure(error)
        return {
            "success": True,
            "message": f"Bookmark {bookmark_id} removed.",
            "data": {"bookmark_id": bookmark_id},
        }

    def find_by_tag(self, tag: str) -> dict[str, Any]:
        """Bookmarks with a tag.

        :param tag: the tag, any case
        :return: a response whose data is a list of bookmarks
        """
        wanted = tag.strip().lower() if isinstance(tag, str) else ""
        with _STATE_LOCK:
            rows = [b.to_dict() for b in self._bookmarks.values() if wanted in b.tags]
        if not rows:
            return {"success": True, "message": f"No bookmarks are tagged '{wanted}'.", "data": []}
        return {
            "success": True,
            "message": f"Found {len(rows)} bookmarks tagged '{wanted}'.",
            "data": rows,
        }
