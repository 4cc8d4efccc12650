"""Bookmark shelf service.

One reader's bookmarks, in memory, for a Gradio reading-list page. A tag
index makes ``find_by_tag`` fast; the shelf and the index share one
re-entrant lock, so helpers that lock can be called from locked methods.

Example:
    >>> shelf = BookmarkShelf()
    >>> shelf.add_bookmark("https://docs.python.org", "Python docs", ["python"])["message"]
    'Bookmark B1 saved.'
    >>> shelf.remove_bookmark("B1")["message"]
    'Bookmark B1 removed.'
"""

from __future__ import annotations

import logging
import threading
from collections import defaultdict
from typing import Any

logger = logging.getLogger(__name__)

MAX_TITLE_LENGTH = 120
MAX_TAGS = 5
BOOKMARK_ID_PREFIX = "B"
URL_PREFIXES = ("http://", "https://")


class ShelfError(Exception):
    """Base error; ``message`` is shown to the user, ``code`` is for programs."""

    def __init__(self, message: str, code: str = "SHELF_ERROR") -> None:
        """Keep the message and code.

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


class Bookmark:
    """A saved link (a slotted class, light on memory)."""

    __slots__ = ("bookmark_id", "url", "title", "tags")

    def __init__(self, bookmark_id: str, url: str, title: str, tags: list[str]) -> None:
        """Create a bookmark.

        Args:
            bookmark_id: Its id, ``B`` and a number.
            url: The link.
            title: The title.
            tags: Lower-cased tags.
        """
        self.bookmark_id = bookmark_id
        self.url = url
        self.title = title
        self.tags = tags

    def to_dict(self) -> dict[str, Any]:
        """Return the bookmark as a dictionary.

        Returns:
            dict[str, Any]: ``bookmark_id``, ``url``, ``title`` and ``tags``.
        """
        return {name: getattr(self, name) for name in self.__slots__}


class BookmarkShelf:
    """All bookmarks of one reader, in memory."""

    def __init__(self) -> None:
        """Create an empty shelf."""
        self._lock = threading.RLock()
        self._bookmarks: dict[str, Bookmark] = {}
        self._by_tag: defaultdict[str, set[str]] = defaultdict(set)
        self._counter = 0

    def _index(self, bookmark: Bookmark) -> None:
        """Add a bookmark to the tag index."""
        with self._lock:
            for tag in bookmark.tags:
                self._by_tag[tag].add(bookmark.bookmark_id)

    def _unindex(self, bookmark: Bookmark) -> None:
        """Remove a bookmark from the tag index."""
        with self._lock:
            for tag in bookmark.tags:
                self._by_tag[tag].discard(bookmark.bookmark_id)
                if not self._by_tag[tag]:
                    del self._by_tag[tag]

    def add_bookmark(self, url: str, title: str, tags: list[str] | None = None) -> dict[str, Any]:
        """Save a link.

        Args:
            url: An http:// or https:// URL.
            title: Up to MAX_TITLE_LENGTH characters.
            tags: Up to MAX_TAGS tags; stored lower-cased.

        Returns:
            dict[str, Any]: Response with data ``Bookmark.to_dict()``.
        """
        # Normalise the inputs first, so every rule below sees clean values.
        url = (url or "").strip()
        title = (title or "").strip()
        raw_tags = tags if tags is not None else []
        if isinstance(raw_tags, str):
            raw_tags = [part for part in raw_tags.split(",")]

        # Title rules.
        if not title:
            logger.info("refused bookmark without title")
            return {"success": False, "message": "A title is required.", "data": None}
        if len(title) > MAX_TITLE_LENGTH:
            logger.info("refused title of %d characters", len(title))
            return {
                "success": False,
                "message": f"Titles are limited to {MAX_TITLE_LENGTH} characters.",
                "data": None,
            }

        # URL rules.
        if not url.lower().startswith(URL_PREFIXES):
            logger.info("refused url %r", url)
            return {
                "success": False,
                "message": "URLs must start with http:// or https://.",
                "data": None,
            }
        if any(character.isspace() for character in url):
            return {
                "success": False,
                "message": "URLs must start with http:// or https://.",
                "data": None,
            }

        # Tag rules: lower-case, drop blanks and duplicates, keep the first MAX_TAGS.
        clean_tags: list[str] = []
        for tag in raw_tags:
            if not isinstance(tag, str):
                continue
            tag = tag.strip().lower()
            if not tag or tag in clean_tags:
                continue
            clean_tags.append(tag)
        if len(clean_tags) > MAX_TAGS:
            logger.info("keeping the first %d of %d tags", MAX_TAGS, len(clean_tags))
            clean_tags = clean_tags[:MAX_TAGS]

        # Store it; _index takes the same (re-entrant) lock.
        with self._lock:
            self._counter += 1
            bookmark_id = f"{BOOKMARK_ID_PREFIX}{self._counter}"
            bookmark = Bookmark(bookmark_id, url, title, clean_tags)
            self._bookmarks[bookmark_id] = bookmark
            self._index(bookmark)
            total = len(self._bookmarks)
        logger.debug("saved %s (%d on the shelf)", bookmark_id, total)
        return {
            "success": True,
            "message": f"Bookmark {bookmark_id} saved.",
            "data": bookmark.to_dict(),
        }

    def remove_bookmark(self, bookmark_id: str) -> dict[str, Any]:
        """Delete a bookmark.

        Args:
            bookmark_id: The id.

        Returns:
            dict[str, Any]: Response with data ``{"bookmark_id"}``.
        """
        with self._lock:
            bookmark = self._bookmarks.pop(bookmark_id, None)
            if bookmark is not None:
                self._unindex(bookmark)
        if bookmark is None:
            return {"success": False, "message": f"Bookmark {bookmark_id} not found.", "data": None}
        return {
            "success": True,
            "message": f"Bookmark {bookmark_id} removed.",
            "data": {"bookmark_id": bookmark_id},
        }

    def find_by_tag(self, tag: str) -> dict[str, Any]:
        """List bookmarks with a tag, ignoring case.

        Args:
            tag: The tag.

        Returns:
            dict[str, Any]: Response with a list of ``Bookmark.to_dict()``.
        """
        wanted = (tag or "").strip().lower()
        with self._lock:
            tagged = self._by_tag.get(wanted, set())
            # The shelf keeps insertion order, so bookmarks come out oldest first.
            found = [item.to_dict() for key, item in self._bookmarks.items() if key in tagged]
        if not found:
            return {"success": True, "message": f"No bookmarks are tagged '{wanted}'.", "data": []}
        return {
            "success": True,
            "message": f"Found {len(found)} bookmarks tagged '{wanted}'.",
            "data": found,
        }
