/** A short module fragment a check flags, and the same fragment written the way the check wants. */
export interface CheckExample {
  /** Code the check reports (a whole small module when the check reads the whole module). */
  flagged: string;
  /** The fix, in the same shape. */
  fixed: string;
  /** What the check needs besides the module to judge it (a design line, a story), when it does. */
  given?: string;
}

const SERVICE_HEAD = '"""Lending desk."""\nfrom typing import Any\n\n\nclass LendingDesk:\n    """Lends books."""\n\n    def __init__(self) -> None:\n        """Starts with an empty shelf."""\n        self._shelf: set[str] = set()\n\n';

/**
 * Examples for `backsmith checks <id>`: the common findings, each a few lines of code the check
 * reports and the fix. Checks without one show their description and fix hint only.
 */
export const CHECK_EXAMPLES: Readonly<Record<string, CheckExample>> = {
  'format/code-fence': {
    flagged: '```python\n"""Lending desk."""\nimport threading\n```',
    fixed: '"""Lending desk."""\nimport threading',
  },
  'format/surrounding-prose': {
    flagged: 'Here is the module you asked for:\n\n"""Lending desk."""\nimport threading\n\nLet me know if you need changes.',
    fixed: '"""Lending desk."""\nimport threading',
  },
  'syntax/invalid-python': {
    flagged: '"""Lending desk."""\n\n\ndef lend(book_id: str -> bool:\n    return True',
    fixed: '"""Lending desk."""\n\n\ndef lend(book_id: str) -> bool:\n    return True',
  },
  'quality/missing-type-hints': {
    flagged: '"""Totals."""\n\n\ndef total(prices):\n    """Adds the prices."""\n    return sum(prices)',
    fixed: '"""Totals."""\n\n\ndef total(prices: list[float]) -> float:\n    """Adds the prices."""\n    return sum(prices)',
  },
  'quality/missing-docstring': {
    flagged: '"""Lending desk."""\n\n\nclass LendingDesk:\n    def count(self) -> int:\n        return 0',
    fixed: '"""Lending desk."""\n\n\nclass LendingDesk:\n    """Lends books to members."""\n\n    def count(self) -> int:\n        """Returns how many books are out."""\n        return 0',
  },
  'quality/placeholder': {
    flagged: `${SERVICE_HEAD}    def renew(self, loan_id: str) -> dict[str, Any]:\n        """Renews a loan."""\n        # TODO: implement renewals\n        pass`,
    fixed: `${SERVICE_HEAD}    def renew(self, loan_id: str) -> dict[str, Any]:\n        """Renews a loan."""\n        loan = self._loans[loan_id]\n        loan.due = loan.due + RENEWAL_PERIOD\n        return {"success": True, "message": "Loan renewed.", "data": loan.due.isoformat()}`,
  },
  'quality/magic-number': {
    flagged: '    if len(title) > 120:\n        return _failure("Title is too long.")',
    fixed: 'MAX_TITLE_LENGTH = 120\n...\n    if len(title) > MAX_TITLE_LENGTH:\n        return _failure("Title is too long.")',
  },
  'quality/lint': {
    flagged: '"""Lending desk."""\nimport os\nimport threading\n\nLOCK = threading.Lock()',
    fixed: '"""Lending desk."""\nimport threading\n\nLOCK = threading.Lock()',
  },
  'contract/response-format': {
    flagged: `${SERVICE_HEAD}    def lend(self, book_id: str) -> dict[str, Any]:\n        """Lends a book."""\n        if book_id not in self._shelf:\n            return {"success": False, "error": "not found"}\n        return {"ok": True, "book": book_id}`,
    fixed: `${SERVICE_HEAD}    def lend(self, book_id: str) -> dict[str, Any]:\n        """Lends a book."""\n        if book_id not in self._shelf:\n            return {"success": False, "message": f"Book {book_id} not found.", "data": None}\n        return {"success": True, "message": "Book lent.", "data": book_id}`,
  },
  'contract/uncaught-raise': {
    flagged: `${SERVICE_HEAD}    def lend(self, book_id: str) -> dict[str, Any]:\n        """Lends a book."""\n        if not book_id:\n            raise ValueError("Book ID is required.")\n        return {"success": True, "message": "Book lent.", "data": book_id}`,
    fixed: `${SERVICE_HEAD}    def lend(self, book_id: str) -> dict[str, Any]:\n        """Lends a book."""\n        try:\n            if not book_id:\n                raise ValidationError("Book ID is required.", "BOOK_ID_REQUIRED")\n        except LendingError as error:\n            return {"success": False, "message": error.message, "data": {"error_code": error.code}}\n        return {"success": True, "message": "Book lent.", "data": book_id}`,
  },
  'errors/swallowed-exception': {
    flagged: '        try:\n            self._notify(member_id)\n        except Exception:\n            pass',
    fixed: '        try:\n            self._notify(member_id)\n        except NotifyError as error:\n            return _failure(error)',
  },
  'errors/base-exception-fields': {
    flagged: 'class LendingError(Exception):\n    """Base error of the lending desk."""',
    fixed: 'class LendingError(Exception):\n    """Base error of the lending desk."""\n\n    def __init__(self, message: str, code: str = "LENDING_ERROR") -> None:\n        self.message = message\n        self.code = code\n        super().__init__(message)',
  },
  'deps/third-party-import': {
    flagged: '"""Lending desk."""\nimport requests',
    fixed: '"""Lending desk."""\nimport json  # the standard library, unless the design names the package',
  },
  'deps/relative-import': {
    flagged: '"""Lending desk."""\nfrom .models import Book',
    fixed: '"""Lending desk."""\nfrom dataclasses import dataclass\n\n\n@dataclass\nclass Book:\n    """A book on the shelf."""\n\n    book_id: str',
  },
  'safety/network': {
    flagged: '"""Rates."""\nimport urllib.request\n\n\ndef rate() -> bytes:\n    """Fetches the rate."""\n    return urllib.request.urlopen("http://rates.invalid/eur").read()',
    fixed: '"""Rates."""\n\n\ndef rate(table: dict[str, float]) -> float:\n    """Reads the rate from the table the caller passes in."""\n    return table["EUR"]',
  },
  'safety/subprocess': {
    flagged: '"""Backups."""\nimport subprocess\n\n\ndef backup() -> None:\n    """Backs the data up."""\n    subprocess.run(["tar", "czf", "backup.tgz", "data"], check=True)',
    fixed: '"""Backups."""\nimport copy\n\n\ndef backup(records: list[dict]) -> list[dict]:\n    """Returns a copy the caller can store."""\n    return copy.deepcopy(records)',
  },
  'safety/file-write': {
    flagged: '"""Audit."""\n\n\ndef log(event: str) -> None:\n    """Logs an event."""\n    with open("audit.log", "a", encoding="utf-8") as handle:\n        handle.write(event)',
    fixed: '"""Audit."""\nimport logging\n\nLOGGER = logging.getLogger(__name__)\n\n\ndef log(event: str) -> None:\n    """Logs an event."""\n    LOGGER.info(event)',
  },
  'safety/tampering': {
    flagged: '"""Rules."""\n\n\ndef evaluate(rule: str) -> bool:\n    """Evaluates a rule."""\n    return bool(eval(rule))',
    fixed: '"""Rules."""\n\nRULES = {"always": True, "never": False}\n\n\ndef evaluate(rule: str) -> bool:\n    """Evaluates a rule."""\n    return RULES.get(rule, False)',
  },
  'design/missing-method': {
    given: 'design: `LendingDesk.renew(self, loan_id: str) -> dict[str, Any]`',
    flagged: 'class LendingDesk:\n    """Lends books."""\n\n    def lend(self, book_id: str) -> dict[str, Any]: ...',
    fixed: 'class LendingDesk:\n    """Lends books."""\n\n    def lend(self, book_id: str) -> dict[str, Any]: ...\n\n    def renew(self, loan_id: str) -> dict[str, Any]: ...',
  },
  'design/signature-mismatch': {
    given: 'design: `LendingDesk.lend(self, book_id: str, member_id: str, days: int = 14) -> dict[str, Any]`',
    flagged: '    def lend(self, member_id: str, book_id: str, days: int = 7) -> dict[str, Any]:',
    fixed: '    def lend(self, book_id: str, member_id: str, days: int = 14) -> dict[str, Any]:',
  },
  'design/constant-value': {
    given: 'design: `MAX_LOANS = 5` under Constants',
    flagged: '"""Lending desk."""\n\nMAX_LOANS = 3',
    fixed: '"""Lending desk."""\n\nMAX_LOANS = 5',
  },
  'design/missing-exception': {
    given: 'design: `BookNotFoundError(LendingError)` with code BOOK_NOT_FOUND',
    flagged: 'class LendingError(Exception):\n    """Base error."""',
    fixed: 'class LendingError(Exception):\n    """Base error."""\n\n\nclass BookNotFoundError(LendingError):\n    """Raised for an unknown book (code BOOK_NOT_FOUND)."""',
  },
  'stories/message-missing': {
    given: 'story: Then I see "Book {title} is due back on {date}."',
    flagged: '        return _success("Loan created.", loan)',
    fixed: '        return _success(f"Book {book.title} is due back on {loan.due:%Y-%m-%d}.", loan)',
  },
  'stories/message-mismatch': {
    given: 'story: Then I see "Member not found."',
    flagged: '        return _failure("Member was not found.")',
    fixed: '        return _failure("Member not found.")',
  },
  'runtime/import-error': {
    flagged: '"""Rates."""\n\nRATE = 1 / 0',
    fixed: '"""Rates."""\n\nRATE = 0.2',
  },
  'runtime/hang': {
    flagged: '    def wait_for_copy(self, book_id: str) -> dict[str, Any]:\n        """Waits until a copy is back."""\n        while book_id not in self._shelf:\n            pass',
    fixed: '    def wait_for_copy(self, book_id: str) -> dict[str, Any]:\n        """Says whether a copy is back; the UI asks again later."""\n        return {"success": True, "message": "Checked.", "data": book_id in self._shelf}',
  },
};
