"""Bookmark shelf: a facade over a store and a tag index.

``BookmarkShelf`` is what the Gradio app calls. It validates input, then
delegates to two small services: :class:`_BookmarkStore` keeps bookmarks by
id, :class:`_TagIndex` maps tags to ids. One module-level instance, ``shelf``,
serves the whole app.

Example:
    >>> local = BookmarkShelf()
    >>> local.add_bookmark("https://python.org", "Python", ["lang"])["message"]
    'Bookmark B1 saved.'
"""

from __future__ import annotations

import logging
import threading
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any

log = logging.getLogger(__name__)

MAX_TITLE_LENGTH = 120
MAX_TAGS = 5
BOOKMARK_ID_PREFIX = "B"


class ShelfError(Exception):
    """Base error; ``message`` is shown to the user, ``code`` is for programs.

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
        """Return the bookmark as a plain dictionary.

        Returns:
            dict[str, Any]: Every field by name.
        """
        return asdict(self)


class _BookmarkStore:
    """Bookmarks by id, with running ids."""

    def __init__(self) -> None:
        """Create an empty store."""
        self._items: dict[str, Bookmark] = {}
        self._counter = 0

    def create(self, url: str, title: str, tags: list[str]) -> Bookmark:
        """Store a new bookmark; the caller holds the shelf's lock.

        Args:
            url: The link.
            title: Its title.
            tags: Lower-cased tags.

        Returns:
            Bookmark: The stored bookmark.
        """
        self._counter += 1
        bookmark = Bookmark(f"{BOOKMARK_ID_PREFIX}{self._counter}", url, title, tags)
        self._items[bookmark.bookmark_id] = bookmark
        return bookmark

    def delete(self, bookmark_id: str) -> Bookmark:
        """Remove a bookmark; the caller holds the shelf's lock.

        Args:
            bookmark_id: The id.

        Returns:
            Bookmark: The removed bookmark.

        Raises:
            BookmarkNotFoundError: Unknown id.
        """
        if bookmark_id not in self._items:
            raise BookmarkNotFoundError(f"Bookmark {bookmark_id} not found.", "NOT_FOUND")
        return self._items.pop(bookmark_id)

    def get_many(self, ids: set[str]) -> list[Bookmark]:
        """Return the bookmarks with the given ids, oldest first.

        Args:
            ids: Bookmark ids.

        Returns:
            list[Bookmark]: The bookmarks found.
        """
        return [bookmark for key, bookmark in self._items.items() if key in ids]


class _TagIndex:
    """Which bookmark ids carry which tag."""

    def __init__(self) -> None:
        """Create an empty index."""
        self._ids: defaultdict[str, set[str]] = defaultdict(set)

    def add(self, bookmark: Bookmark) -> None:
        """Index a bookmark's tags; the caller holds the shelf's lock.

        Args:
            bookmark: The bookmark.
        """
        for tag in bookmark.tags:
            self._ids[tag].add(bookmark.bookmark_id)

    def remove(self, bookmark: Bookmark) -> None:
        """Forget a bookmark's tags; the caller holds the shelf's lock.

        Args:
            bookmark: The bookmark.
        """
        for tag in bookmark.tags:
            self._ids[tag].discard(bookmark.bookmark_id)

    def ids_for(self, tag: str) -> set[str]:
        """Return the ids tagged with ``tag``.

        Args:
            tag: A lower-cased tag.

        Returns:
            set[str]: A copy of the ids.
        """
        return set(self._ids.get(tag, set()))


class BookmarkShelf:
    """All bookmarks of one reader, in memory."""

    def __init__(self) -> None:
        """Create an empty shelf."""
        self._store = _BookmarkStore()
        self._tags = _TagIndex()
        self._lock = threading.Lock()

    @staticmethod
    def _result(success: bool, message: str, data: Any = None) -> dict[str, Any]:
        """Build a response."""
        return {"success": success, "message": message, "data": data}

    @staticmethod
    def _clean_tags(tags: list[str] | None) -> list[str]:
        """Lower-case, strip and de-duplicate tags.

        Args:
            tags: Tags as typed.

        Returns:
            list[str]: Clean tags.

        Raises:
            InvalidBookmarkError: More than MAX_TAGS tags.
        """
        cleaned = list(dict.fromkeys(tag.strip().lower() for tag in tags or [] if tag.strip()))
        if len(cleaned) > MAX_TAGS:
            raise InvalidBookmarkError(f"At most {MAX_TAGS} tags are allowed.", "TOO_MANY_TAGS")
        return cleaned

    def add_bookmark(self, url: str, title: str, tags: list[str] | None = None) -> dict[str, Any]:
        """Save a link.

        Args:
            url: The link; must start with http:// or https://.
            title: A title of at most MAX_TITLE_LENGTH characters.
            tags: Optional tags.

        Returns:
            dict[str, Any]: Response whose data is ``Bookmark.to_dict()``.
        """
        if not title or not title.strip():
            return self._result(False, "A title is required.")
        if len(title) > MAX_TITLE_LENGTH:
            return self._result(False, f"Titles are limited to {MAX_TITLE_LENGTH} characters.")
        if not url.startswith(("http://", "https://")):
            return self._result(False, "URLs must start with http:// or https://.")
        try:
            clean = self._clean_tags(tags)
        except ShelfError as error:
            return self._result(False, error.message)
        with self._lock:
            bookmark = self._store.create(url, title.strip(), clean)
            self._tags.add(bookmark)
        log.info("saved %s", bookmark.bookmark_id)
        return self._result(True, f"Bookmark {bookmark.bookmark_id} saved.", bookmark.to_dict())

    def remove_bookmark(self, bookmark_id: str) -> dict[str, Any]:
        """Delete a bookmark.

        Args:
            bookmark_id: The id, e.g. ``B1``.

        Returns:
            dict[str, Any]: Response with ``{"bookmark_id"}``.
        """
        with self._lock:
            bookmark = self._store.delete(bookmark_id)
            self._tags.remove(bookmark)
        return self._result(True, f"Bookmark {bookmark_id} removed.", {"bookmark_id": bookmark_id})

    def find_by_tag(self, tag: str) -> dict[str, Any]:
        """List the bookmarks carrying a tag (case-insensitive).

        Args:
            tag: The tag.

        Returns:
            dict[str, Any]: Response whose data is a list of ``Bookmark.to_dict()``.
        """
        wanted = tag.strip().lower()
        with self._lock:
            found = self._store.get_many(self._tags.ids_for(wanted))
        if not found:
            return self._result(True, f"No bookmarks are tagged '{wanted}'.", [])
        rows = [bookmark.to_dict() for bookmark in found]
        return self._result(True, f"Found {len(rows)} bookmarks tagged '{wanted}'.", rows)


shelf = BookmarkShelf()
"""The instance the Gradio app uses."""
