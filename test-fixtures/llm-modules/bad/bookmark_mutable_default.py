"""Bookmark Shelf backend for the reading-list page.

The shelf stores links in memory. Every public method returns a response
dictionary with ``success``, ``message`` and ``data`` keys so the Gradio
handlers can show the outcome directly.

Example
-------
>>> shelf = BookmarkShelf()
>>> shelf.add_bookmark("https://example.com", "Example")["success"]
True
"""

import logging
import threading
from dataclasses import asdict, dataclass
from typing import Any, Final

logger = logging.getLogger(__name__)

MAX_TITLE_LENGTH: Final = 120
MAX_TAGS: Final = 5
BOOKMARK_ID_PREFIX: Final = "B"

MESSAGES: Final[dict[str, str]] = {
    "saved": "Bookmark {bookmark_id} saved.",
    "title_required": "A title is required.",
    "title_too_long": "Titles are limited to {limit} characters.",
    "bad_url": "URLs must start with http:// or https://.",
    "not_found": "Bookmark {bookmark_id} not found.",
    "removed": "Bookmark {bookmark_id} removed.",
    "no_tag": "No bookmarks are tagged '{tag}'.",
    "found": "Found {count} bookmarks tagged '{tag}'.",
}


class ShelfError(Exception):
    """Base class of the shelf's errors.

    Parameters
    ----------
    message : str
        Text safe to show in the UI.
    code : str
        Machine-readable error code.
    """

    def __init__(self, message: str, code: str = "SHELF_ERROR") -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class InvalidBookmarkError(ShelfError):
    """The URL, title or tags were rejected."""


class BookmarkNotFoundError(ShelfError):
    """No bookmark has the given id."""


@dataclass
class Bookmark:
    """A saved link as stored and returned to the UI."""

    bookmark_id: str
    url: str
    title: str
    tags: list[str]

    def to_dict(self) -> dict[str, Any]:
        """Return the fields as a dictionary.

        Returns
        -------
        dict
            Every field of the bookmark.
        """
        return asdict(self)


class BookmarkShelf:
    """Keeps the bookmarks of one reader.

    Attributes
    ----------
    count : int
        Number of bookmarks on the shelf.
    """

    __slots__ = ("_items", "_counter", "_lock")

    def __init__(self) -> None:
        """Create an empty shelf."""
        self._items: dict[str, Bookmark] = {}
        self._counter = 0
        self._lock = threading.Lock()

    @property
    def count(self) -> int:
        """Number of bookmarks on the shelf."""
        return len(self._items)

    @staticmethod
    def _normalise_tags(tags: list[str] = []) -> list[str]:
        """Lower-case, strip and de-duplicate tags, keeping their order."""
        seen: list[str] = []
        for tag in tags:
            cleaned = tag.strip().lower()
            if cleaned and cleaned not in seen:
                seen.append(cleaned)
        return seen[:MAX_TAGS]

    @classmethod
    def _validate(cls, url: str, title: str) -> str:
        """Return the stripped title or raise InvalidBookmarkError."""
        title = (title or "").strip()
        if not title:
            raise InvalidBookmarkError(MESSAGES["title_required"], "TITLE_REQUIRED")
        if len(title) > MAX_TITLE_LENGTH:
            message = MESSAGES["title_too_long"].format(limit=MAX_TITLE_LENGTH)
            raise InvalidBookmarkError(message, "TITLE_TOO_LONG")
        if not url or not url.lower().startswith(("http://", "https://")):
            raise InvalidBookmarkError(MESSAGES["bad_url"], "INVALID_URL")
        return title

    def add_bookmark(self, url: str, title: str, tags: list[str] | None = None) -> dict[str, Any]:
        """Save a link.

        Parameters
        ----------
        url : str
            Address of the page.
        title : str
            Title to show.
        tags : list of str, optional
            Free tags.

        Returns
        -------
        dict
            The response; ``data`` is the saved bookmark.
        """
        try:
            clean_title = self._validate(url, title)
        except InvalidBookmarkError as error:
            return {"success": False, "message": error.message, "data": None}
        with self._lock:
            self._counter += 1
            bookmark_id = "{}{}".format(BOOKMARK_ID_PREFIX, self._counter)
            bookmark = Bookmark(bookmark_id, url, clean_title, self._normalise_tags(tags or []))
            self._items[bookmark_id] = bookmark
        message = MESSAGES["saved"].format(bookmark_id=bookmark_id)
        return {"success": True, "message": message, "data": bookmark.to_dict()}

    def remove_bookmark(self, bookmark_id: str) -> dict[str, Any]:
        """Delete a bookmark.

        Parameters
        ----------
        bookmark_id : str
            Id such as ``"B1"``.

        Returns
        -------
        dict
            The response; ``data`` holds the removed id.
        """
        with self._lock:
            removed = self._items.pop(bookmark_id, None)
        if removed is None:
            message = MESSAGES["not_found"].format(bookmark_id=bookmark_id)
            return {"success": False, "message": message, "data": None}
        message = MESSAGES["removed"].format(bookmark_id=bookmark_id)
        return {"success": True, "message": message, "data": {"bookmark_id": bookmark_id}}

    def find_by_tag(self, tag: str) -> dict[str, Any]:
        """Find the bookmarks with a tag.

        Parameters
        ----------
        tag : str
            The tag, in any case.

        Returns
        -------
        dict
            The response; ``data`` is a list of bookmarks.
        """
        wanted = str(tag or "").strip().lower()
        with self._lock:
            found = [item.to_dict() for item in self._items.values() if wanted in item.tags]
        if not found:
            return {"success": True, "message": MESSAGES["no_tag"].format(tag=wanted), "data": []}
        message = MESSAGES["found"].format(count=len(found), tag=wanted)
        logger.debug("find_by_tag(%r) -> %d results", wanted, len(found))
        return {"success": True, "message": message, "data": found}
