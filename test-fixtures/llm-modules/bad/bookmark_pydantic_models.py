"""Bookmark shelf service.

Keeps one reader's bookmarks in memory for a Gradio page. Every public method
returns a response dictionary and never raises.

Attributes:
    MAX_TITLE_LENGTH (int): Longest accepted title.
    MAX_TAGS (int): Most tags on one bookmark.
    BOOKMARK_ID_PREFIX (str): Prefix of every bookmark id.

Examples:
    Save a link and find it by tag:

    >>> shelf = BookmarkShelf()
    >>> shelf.add_bookmark("https://docs.python.org", "Docs", ["Python"])["message"]
    'Bookmark B1 saved.'
    >>> shelf.find_by_tag("python")["message"]
    "Found 1 bookmarks tagged 'python'."

    Remove it again:

    >>> shelf.remove_bookmark("B1")["success"]
    True
"""

from __future__ import annotations

import threading
from enum import Enum
from typing import Any, NotRequired, TypedDict

from pydantic import BaseModel, Field, field_validator

MAX_TITLE_LENGTH = 120
MAX_TAGS = 5
BOOKMARK_ID_PREFIX = "B"


class Msg(Enum):
    """Every message the user can see."""

    SAVED = "Bookmark {bookmark_id} saved."
    TITLE_REQUIRED = "A title is required."
    TITLE_TOO_LONG = "Titles are limited to {limit} characters."
    BAD_URL = "URLs must start with http:// or https://."
    NOT_FOUND = "Bookmark {bookmark_id} not found."
    REMOVED = "Bookmark {bookmark_id} removed."
    NONE_TAGGED = "No bookmarks are tagged '{tag}'."
    FOUND = "Found {count} bookmarks tagged '{tag}'."
    TOO_MANY_TAGS = "At most {limit} tags are allowed."


class BookmarkDict(TypedDict):
    """A bookmark as the UI receives it."""

    bookmark_id: str
    url: str
    title: str
    tags: list[str]
    note: NotRequired[str]


class ShelfError(Exception):
    """Base error of the shelf.

    Args:
        message: Text for the reader.
        code: Error code for programs.

    Attributes:
        message (str): Text for the reader.
        code (str): Error code for programs.
    """

    def __init__(self, message: str, code: str = "SHELF_ERROR") -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class InvalidBookmarkError(ShelfError):
    """The URL, title or tags are not acceptable."""


class BookmarkNotFoundError(ShelfError):
    """No bookmark has that id."""


class Bookmark(BaseModel):
    """A saved link.

    Attributes:
        bookmark_id: ``B`` and a running number.
        url: The link.
        title: Its title.
        tags: Lower-cased tags.
    """

    bookmark_id: str
    url: str
    title: str
    tags: list[str] = Field(default_factory=list)

    @field_validator("tags")
    @classmethod
    def _lower_tags(cls, tags: list[str]) -> list[str]:
        """Store tags lower-cased."""
        return [tag.lower() for tag in tags]

    def to_dict(self) -> dict[str, Any]:
        """Return the bookmark for the UI.

        Returns:
            dict[str, Any]: The fields of :class:`BookmarkDict`.

        Examples:
            >>> Bookmark(bookmark_id="B1", url="https://x.org", title="X").to_dict()["bookmark_id"]
            'B1'
        """
        row: BookmarkDict = {
            "bookmark_id": self.bookmark_id,
            "url": self.url,
            "title": self.title,
            "tags": list(self.tags),
        }
        return dict(row)


class BookmarkShelf:
    """All bookmarks of one reader, in memory.

    Examples:
        >>> BookmarkShelf().add_bookmark("ftp://x", "X")["message"]
        'URLs must start with http:// or https://.'
    """

    def __init__(self) -> None:
        """Create an empty shelf."""
        self._bookmarks: dict[str, Bookmark] = {}
        self._last_number = 0
        self._lock = threading.RLock()

    @staticmethod
    def _say(success: bool, message: Msg, data: Any = None, **values: Any) -> dict[str, Any]:
        """Build a response from a message.

        Args:
            success: Outcome.
            message: The message.
            data: Payload.
            **values: Placeholder values.

        Returns:
            dict[str, Any]: The response.
        """
        return {"success": success, "message": message.value.format(**values), "data": data}

    def add_bookmark(self, url: str, title: str, tags: list[str] | None = None) -> dict[str, Any]:
        """Save a link.

        Args:
            url: The link, http:// or https://.
            title: At most MAX_TITLE_LENGTH characters.
            tags: Up to MAX_TAGS tags; stored lower-cased.

        Returns:
            dict[str, Any]: Response whose data is ``Bookmark.to_dict()``.

        Examples:
            >>> BookmarkShelf().add_bookmark("https://x.org", " ")["message"]
            'A title is required.'
        """
        title = (title or "").strip()
        if not title:
            return self._say(False, Msg.TITLE_REQUIRED)
        if len(title) > MAX_TITLE_LENGTH:
            return self._say(False, Msg.TITLE_TOO_LONG, limit=MAX_TITLE_LENGTH)
        if not (url or "").startswith(("http://", "https://")):
            return self._say(False, Msg.BAD_URL)
        clean = sorted({tag.strip().lower() for tag in tags or [] if tag.strip()})
        if len(clean) > MAX_TAGS:
            return self._say(False, Msg.TOO_MANY_TAGS, limit=MAX_TAGS)
        with self._lock:
            self._last_number += 1
            bookmark_id = f"{BOOKMARK_ID_PREFIX}{self._last_number}"
            bookmark = Bookmark(bookmark_id=bookmark_id, url=url, title=title, tags=clean)
            self._bookmarks[bookmark.bookmark_id] = bookmark
        return self._say(True, Msg.SAVED, bookmark.to_dict(), bookmark_id=bookmark.bookmark_id)

    def remove_bookmark(self, bookmark_id: str) -> dict[str, Any]:
        """Delete a bookmark.

        Args:
            bookmark_id: The id, e.g. ``B1``.

        Returns:
            dict[str, Any]: Response with ``{"bookmark_id"}``.

        Examples:
            >>> BookmarkShelf().remove_bookmark("B9")["message"]
            'Bookmark B9 not found.'
        """
        with self._lock:
            removed = self._bookmarks.pop(bookmark_id, None)
        if removed is None:
            return self._say(False, Msg.NOT_FOUND, bookmark_id=bookmark_id)
        return self._say(True, Msg.REMOVED, {"bookmark_id": bookmark_id}, bookmark_id=bookmark_id)

    def find_by_tag(self, tag: str) -> dict[str, Any]:
        """List the bookmarks carrying a tag, case-insensitively.

        Args:
            tag: The tag.

        Returns:
            dict[str, Any]: Response whose data is a list of ``Bookmark.to_dict()``.
        """
        wanted = (tag or "").strip().lower()
        with self._lock:
            rows = [
                item.to_dict() for item in self._bookmarks.values() if wanted in item.tags
            ]
        if not rows:
            return self._say(True, Msg.NONE_TAGGED, [], tag=wanted)
        return self._say(True, Msg.FOUND, rows, count=len(rows), tag=wanted)
