"""Clinic appointment booking desk.

This module implements the ``clinic_booking`` technical design: the front
desk of a small clinic. Patients, practitioners with their weekly hours,
appointments and per-day waiting lists live in memory behind one class,
``ClinicScheduler``. Its public methods return Gradio-ready dictionaries of
the form ``{"success": bool, "message": str, "data": Any}`` and never raise;
failures carry ``{"error_code": <CODE>}`` in ``data``. Tables are lists of
row lists and dropdown choices are lists of strings.

Classes:
    ClinicScheduler: Patients, roster, schedules, bookings and waiting lists.
    Patient: A registered patient.
    Practitioner: A clinician with weekly working hours.
    Appointment: One booked slot with one practitioner.
    ClinicBookingError: Base exception carrying ``message`` and ``code``.
    InvalidInputError: Missing or malformed user input.
    RecordNotFoundError: A patient, practitioner or appointment is unknown.
    BookingConflictError: A slot, phone number or list place is already taken.
    BookingRuleError: A clinic rule forbids the action.

Example:
    >>> scheduler = ClinicScheduler(clock=lambda: datetime(2024, 5, 6, 8, 0))
    >>> scheduler.register_patient("Hannah Brooks", "+44 7700 900123")["message"]
    'Patient registered: Hannah Brooks (ID: P0001).'
    >>> scheduler.add_practitioner("Dr Amara Osei", "General practice", ["Mon", "Wed", "Fri"],
    ...                            "09:00", "12:00")["data"]["weekly_slots"]
    18
    >>> scheduler.list_free_slots("PR0001", "2024-05-08")["data"][:2]
    ['09:00', '09:30']
    >>> result = scheduler.book_appointment("P0001", "PR0001", "2024-05-08", "09:00")
    >>> result["message"]
    'Appointment A0001 booked: Hannah Brooks with Dr Amara Osei on 2024-05-08 at 09:00.'

Dependencies:
    Python 3.10+ standard library only.
"""

import logging
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

logger = logging.getLogger(__name__)

# --- Booking policy ---------------------------------------------------------
SLOT_MINUTES = 30
CLINIC_OPENING_TIME = time(8, 0)
CLINIC_CLOSING_TIME = time(18, 0)
CANCELLATION_CUTOFF_HOURS = 24
MAX_UPCOMING_APPOINTMENTS = 3
BOOKING_HORIZON_DAYS = 60
WAITING_LIST_CAPACITY = 3

# --- Input limits -----------------------------------------------------------
MAX_NAME_LENGTH = 80
MAX_SPECIALTY_LENGTH = 60
MIN_PHONE_DIGITS = 7
MAX_PHONE_DIGITS = 15
PHONE_SEPARATORS = " -()."

# --- Identifiers, formats and table layouts ---------------------------------
PATIENT_ID_PREFIX = "P"
PRACTITIONER_ID_PREFIX = "PR"
APPOINTMENT_ID_PREFIX = "A"
ID_NUMBER_WIDTH = 4
FIRST_ID_NUMBER = 1
MINUTES_PER_HOUR = 60
TIME_FORMAT = "%H:%M"
WEEKDAY_ABBREVIATIONS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
DAY_LIST_SEPARATOR = ", "
STATUS_BOOKED = "Booked"
STATUS_CANCELLED = "Cancelled"
STATUS_FREE = "Free"
PRACTITIONER_HEADERS = ["ID", "Name", "Specialty", "Days", "Hours", "Weekly slots"]
SCHEDULE_HEADERS = ["Time", "Status", "Patient", "Appointment ID"]

DATE_PATTERN = re.compile(r"\d{4}-\d{2}-\d{2}")
TIME_PATTERN = re.compile(r"(\d{1,2}):(\d{2})")
PHONE_PATTERN = re.compile(rf"\+?\d{{{MIN_PHONE_DIGITS},{MAX_PHONE_DIGITS}}}")
_OPENING_TEXT = CLINIC_OPENING_TIME.strftime(TIME_FORMAT)
_CLOSING_TEXT = CLINIC_CLOSING_TIME.strftime(TIME_FORMAT)
_CLINIC_HOURS = f"{_OPENING_TEXT}-{_CLOSING_TEXT}"
_WEEKDAY_CHOICES = DAY_LIST_SEPARATOR.join(WEEKDAY_ABBREVIATIONS)

# --- Error codes and messages (code -> message template) --------------------
ERR_INTERNAL = "INTERNAL_ERROR"
MSG_NOT_WORKING_DAY = "{practitioner} does not see patients on {weekday}s."
ERROR_MESSAGES: dict[str, str] = {
    "PATIENT_NAME_REQUIRED": "Patient name is required.",
    "PATIENT_NAME_TOO_LONG": f"Patient name must be {MAX_NAME_LENGTH} characters or fewer.",
    "PHONE_REQUIRED": "Phone number is required.",
    "INVALID_PHONE":
        f"Invalid phone number '{{phone}}'. Use {MIN_PHONE_DIGITS} to {MAX_PHONE_DIGITS} digits.",
    "DUPLICATE_PHONE": "Phone number {phone} is already registered to patient {patient_id}.",
    "PRACTITIONER_NAME_REQUIRED": "Practitioner name is required.",
    "PRACTITIONER_NAME_TOO_LONG":
        f"Practitioner name must be {MAX_NAME_LENGTH} characters or fewer.",
    "SPECIALTY_REQUIRED": "Specialty is required.",
    "SPECIALTY_TOO_LONG": f"Specialty must be {MAX_SPECIALTY_LENGTH} characters or fewer.",
    "WEEKDAYS_REQUIRED": "Select at least one working day.",
    "INVALID_WEEKDAY": f"Unknown weekday '{{value}}'. Use one of {_WEEKDAY_CHOICES}.",
    "TIME_REQUIRED": "Time is required.",
    "INVALID_TIME": "Invalid time '{value}'. Use HH:MM, for example 09:30.",
    "OFF_SLOT_BOUNDARY": f"{{time}} is not on a {SLOT_MINUTES}-minute slot boundary.",
    "INVALID_HOURS": f"Working hours must lie within {_CLINIC_HOURS} and start before they end.",
    "PATIENT_ID_REQUIRED": "Patient ID is required.",
    "PATIENT_NOT_FOUND": "Patient {patient_id} not found.",
    "PRACTITIONER_ID_REQUIRED": "Practitioner ID is required.",
    "PRACTITIONER_NOT_FOUND": "Practitioner {practitioner_id} not found.",
    "DATE_REQUIRED": "Date is required.",
    "INVALID_DATE": "Invalid date '{value}'. Use YYYY-MM-DD, for example 2024-05-08.",
    "DATE_IN_PAST": "{date} is in the past. Choose today or a later date.",
    "BEYOND_HORIZON": f"Appointments can be booked at most {BOOKING_HORIZON_DAYS} days ahead.",
    "NOT_WORKING_DAY": MSG_NOT_WORKING_DAY,
    "OUTSIDE_HOURS": "{time} is outside {practitioner}'s hours ({hours}).",
    "SLOT_STARTED": "The {time} slot on {date} has already started.",
    "UPCOMING_LIMIT":
        f"{{patient}} already has {MAX_UPCOMING_APPOINTMENTS} upcoming appointments.",
    "PATIENT_DOUBLE_BOOKED": "{patient} already has an appointment at {time} on {date}.",
    "SLOT_TAKEN": "{practitioner} is already booked at {time} on {date}.",
    "APPOINTMENT_ID_REQUIRED": "Appointment ID is required.",
    "APPOINTMENT_NOT_FOUND": "Appointment {appointment_id} not found.",
    "ALREADY_CANCELLED": "Appointment {appointment_id} has already been cancelled.",
    "CUTOFF_PASSED":
        f"Changes and cancellations need at least {CANCELLATION_CUTOFF_HOURS} hours' notice.",
    "ALREADY_WAITING": "{patient} is already on the waiting list for {practitioner} on {date}.",
    "SLOTS_STILL_FREE": "{practitioner} still has free slots on {date}. Please book one of them.",
    "WAITING_LIST_FULL": "The waiting list for {practitioner} on {date} is full.",
    ERR_INTERNAL: "Something went wrong on our side. Please try again.",
}

# --- Success and info messages ----------------------------------------------
MSG_PATIENT_REGISTERED = "Patient registered: {name} (ID: {patient_id})."
MSG_PRACTITIONER_ADDED = (
    "Practitioner added: {name} (ID: {practitioner_id}) with {slots} weekly slot(s)."
)
MSG_ROSTER = "{count} practitioner(s) on the roster."
MSG_ROSTER_EMPTY = "No practitioners on the roster yet."
MSG_SCHEDULE = "{practitioner} on {date}: {booked} booked, {free} free."
MSG_FREE_SLOTS = "{count} free slot(s) with {practitioner} on {date}."
MSG_NO_FREE_SLOTS = "No free slots with {practitioner} on {date}. The waiting list is open."
MSG_BOOKED = (
    "Appointment {appointment_id} booked: {patient} with {practitioner} on {date} at {time}."
)
MSG_RESCHEDULED = "Appointment {appointment_id} moved to {date} at {time}."
MSG_CANCELLED = "Appointment {appointment_id} cancelled."
MSG_CANCELLED_AND_OFFERED = (
    "Appointment {appointment_id} cancelled; {patient} from the waiting list gets the {time} slot."
)
MSG_WAITING = (
    "{patient} added to the waiting list for {practitioner} on {date} (position {position})."
)


class ClinicBookingError(Exception):
    """Base error of the booking desk.

    Attributes:
        message: Human-readable text, safe to show in the UI.
        code: Stable machine-readable error code (a key of ``ERROR_MESSAGES``).
    """

    def __init__(self, message: str, code: str = ERR_INTERNAL) -> None:
        """Initialise the error.

        Args:
            message: Human-readable text, safe to show in the UI.
            code: Machine-readable error code.
        """
        self.message = message
        self.code = code
        super().__init__(message)

    @classmethod
    def build(cls, code: str, **values: Any) -> "ClinicBookingError":
        """Create an error from its code and the matching message template.

        Args:
            code: Key of ``ERROR_MESSAGES``.
            **values: Values for the template placeholders.

        Returns:
            ClinicBookingError: An instance of the class it is called on.
        """
        return cls(ERROR_MESSAGES[code].format(**values), code)


class InvalidInputError(ClinicBookingError):
    """Raised when user input is missing or malformed."""


class RecordNotFoundError(ClinicBookingError):
    """Raised when a patient, practitioner or appointment does not exist."""


class BookingConflictError(ClinicBookingError):
    """Raised when a slot, phone number or waiting-list place is already taken."""


class BookingRuleError(ClinicBookingError):
    """Raised when a clinic rule (cut-off, limits, hours, horizon) forbids the action."""


@dataclass
class Patient:
    """A registered patient.

    Attributes:
        patient_id: Identifier such as ``P0001``.
        name: Name as entered (stripped).
        phone: Normalised phone number (digits, optional leading ``+``).
        registered_at: Moment of registration, from the scheduler clock.
    """

    patient_id: str
    name: str
    phone: str
    registered_at: datetime

    def to_dict(self) -> dict[str, Any]:
        """Return the patient as a plain dictionary.

        Returns:
            dict: All fields; the timestamp in ISO format.
        """
        return {"patient_id": self.patient_id, "name": self.name, "phone": self.phone,
                "registered_at": self.registered_at.isoformat()}


@dataclass
class Practitioner:
    """A clinician who works the same hours on each of their weekdays.

    Attributes:
        practitioner_id: Identifier such as ``PR0001``.
        name: Name as entered (stripped).
        specialty: Specialty as entered (stripped).
        weekdays: Working days as ``date.weekday()`` numbers, sorted.
        start: Start of the first slot.
        end: End of the last slot.
    """

    practitioner_id: str
    name: str
    specialty: str
    weekdays: tuple[int, ...]
    start: time
    end: time

    @property
    def hours(self) -> str:
        """str: Working hours such as ``"09:00-12:00"``."""
        return f"{_time_text(self.start)}-{_time_text(self.end)}"

    def works_on(self, day: date) -> bool:
        """Tell whether the practitioner sees patients on ``day``.

        Args:
            day: The calendar date to test.

        Returns:
            bool: True when ``day`` falls on one of ``weekdays``.
        """
        return day.weekday() in self.weekdays

    def daily_slots(self) -> list[time]:
        """List the slot start times of one working day.

        Returns:
            list: Times from ``start`` in ``SLOT_MINUTES`` steps; the last slot
            ends at or before ``end``.
        """
        step = timedelta(minutes=SLOT_MINUTES)
        current = datetime.combine(date.min, self.start)
        slots: list[time] = []
        while current + step <= datetime.combine(date.min, self.end):
            slots.append(current.time())
            current += step
        return slots

    def to_dict(self) -> dict[str, Any]:
        """Return the practitioner as a plain dictionary.

        Returns:
            dict: Identity, weekday abbreviations, ``HH:MM`` times and the
            number of weekly slots.
        """
        return {"practitioner_id": self.practitioner_id, "name": self.name,
                "specialty": self.specialty,
                "weekdays": [WEEKDAY_ABBREVIATIONS[index] for index in self.weekdays],
                "start_time": _time_text(self.start), "end_time": _time_text(self.end),
                "weekly_slots": len(self.weekdays) * len(self.daily_slots())}


@dataclass
class Appointment:
    """One slot booked by one patient with one practitioner.

    Attributes:
        appointment_id: Identifier such as ``A0001``.
        patient_id: The patient who holds the slot.
        practitioner_id: The practitioner being seen.
        starts_at: Start of the slot.
        status: ``STATUS_BOOKED`` or ``STATUS_CANCELLED``.
    """

    appointment_id: str
    patient_id: str
    practitioner_id: str
    starts_at: datetime
    status: str = STATUS_BOOKED

    @property
    def is_booked(self) -> bool:
        """bool: True while the appointment holds its slot (not cancelled)."""
        return self.status == STATUS_BOOKED

    def to_dict(self) -> dict[str, Any]:
        """Return the appointment as a plain dictionary.

        Returns:
            dict: Identifiers, ISO ``date``, ``HH:MM`` ``time`` and ``status``.
        """
        return {"appointment_id": self.appointment_id, "patient_id": self.patient_id,
                "practitioner_id": self.practitioner_id,
                "date": self.starts_at.date().isoformat(),
                "time": _time_text(self.starts_at.time()), "status": self.status}


def _clean_text(value: Any) -> str:
    """Return ``value`` as stripped text, treating None as blank."""
    return "" if value is None else str(value).strip()


def _required_text(value: Any, code: str) -> str:
    """Return stripped text; raise InvalidInputError ``code`` when blank."""
    text = _clean_text(value)
    if not text:
        raise InvalidInputError.build(code)
    return text


def _time_text(value: time) -> str:
    """Return a clock time as ``HH:MM``."""
    return value.strftime(TIME_FORMAT)


def _parse_day(value: Any) -> date:
    """Return a ``date`` from ISO text or a date; raise DATE_REQUIRED / INVALID_DATE."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _required_text(value, "DATE_REQUIRED")
    invalid = InvalidInputError.build("INVALID_DATE", value=text)
    if not DATE_PATTERN.fullmatch(text):
        raise invalid
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise invalid from error


def _parse_time(value: Any) -> time:
    """Return a ``time`` from ``HH:MM`` text or a time; raise TIME_REQUIRED / INVALID_TIME."""
    if isinstance(value, time):
        return value
    text = _required_text(value, "TIME_REQUIRED")
    invalid = InvalidInputError.build("INVALID_TIME", value=text)
    match = TIME_PATTERN.fullmatch(text)
    if match is None:
        raise invalid
    try:
        return time(int(match.group(1)), int(match.group(2)))
    except ValueError as error:
        raise invalid from error


def _check_slot_boundary(value: time) -> None:
    """Raise OFF_SLOT_BOUNDARY unless ``value`` is a whole minute starting a slot."""
    minutes = value.hour * MINUTES_PER_HOUR + value.minute
    if minutes % SLOT_MINUTES or value.second or value.microsecond:
        raise InvalidInputError.build("OFF_SLOT_BOUNDARY", time=_time_text(value))


def _normalize_phone(text: str) -> str:
    """Drop separators from a phone number; raise INVALID_PHONE unless 7-15 digits remain."""
    compact = text.translate(str.maketrans("", "", PHONE_SEPARATORS))
    if not PHONE_PATTERN.fullmatch(compact):
        raise InvalidInputError.build("INVALID_PHONE", phone=text)
    return compact


def _parse_weekdays(values: Any) -> tuple[int, ...]:
    """Turn day names (a list or comma-separated text) into sorted weekday numbers.

    Raises InvalidInputError WEEKDAYS_REQUIRED when nothing is selected and
    INVALID_WEEKDAY for the first name that is not a weekday.
    """
    items = values if isinstance(values, (list, tuple, set)) else _clean_text(values).split(",")
    names = [_clean_text(item) for item in items if _clean_text(item)]
    if not names:
        raise InvalidInputError.build("WEEKDAYS_REQUIRED")
    lookup = {name.casefold(): index for names_tuple in (WEEKDAY_ABBREVIATIONS, WEEKDAY_NAMES)
              for index, name in enumerate(names_tuple)}
    unknown = [name for name in names if name.casefold() not in lookup]
    if unknown:
        raise InvalidInputError.build("INVALID_WEEKDAY", value=unknown[0])
    return tuple(sorted({lookup[name.casefold()] for name in names}))


def _success(message: str, data: Any) -> dict[str, Any]:
    """Build a success response."""
    return {"success": True, "message": message, "data": data}


def _failure(error: Exception) -> dict[str, Any]:
    """Build a failure response; unexpected errors are logged and reported as INTERNAL_ERROR."""
    if not isinstance(error, ClinicBookingError):
        logger.error("Unexpected error in the clinic booking desk", exc_info=error)
        error = ClinicBookingError(ERROR_MESSAGES[ERR_INTERNAL], ERR_INTERNAL)
    return {"success": False, "message": error.message, "data": {"error_code": error.code}}


class ClinicScheduler:
    """In-memory booking desk for the Gradio UI (US-001 to US-008).

    One re-entrant lock guards all shared state; "now" comes from the
    injected clock, so tests can control time.

    Attributes:
        clock: Zero-argument callable returning the current ``datetime``.

    Example:
        >>> scheduler = ClinicScheduler(clock=lambda: datetime(2024, 5, 6, 8, 0))
        >>> scheduler.list_practitioners()["message"]
        'No practitioners on the roster yet.'
    """

    def __init__(self, clock: Callable[[], datetime] | None = None) -> None:
        """Create an empty clinic.

        Args:
            clock: Zero-argument callable returning "now" as a naive
                ``datetime``; defaults to ``datetime.now``.
        """
        self.clock: Callable[[], datetime] = clock or datetime.now
        self._lock = threading.RLock()
        self._patients: dict[str, Patient] = {}
        self._patient_ids_by_phone: dict[str, str] = {}
        self._practitioners: dict[str, Practitioner] = {}
        self._appointments: dict[str, Appointment] = {}
        self._waiting_lists: dict[tuple[str, date], list[str]] = {}

    # ------------------------------------------------------------------ public
    def register_patient(self, name: str, phone: str) -> dict[str, Any]:
        """Register a patient under the next patient ID (US-001).

        Args:
            name: Full name, 1 to ``MAX_NAME_LENGTH`` characters.
            phone: 7 to 15 digits; spaces, hyphens, dots, brackets and a
                leading ``+`` are allowed and dropped.

        Returns:
            dict: Response whose ``data`` is ``Patient.to_dict()`` on success.

        Example:
            >>> scheduler = ClinicScheduler()
            >>> scheduler.register_patient("Ravi Menon", "020 7946 0018")["data"]["phone"]
            '02079460018'
        """
        try:
            with self._lock:
                clean_name = _required_text(name, "PATIENT_NAME_REQUIRED")
                if len(clean_name) > MAX_NAME_LENGTH:
                    raise InvalidInputError.build("PATIENT_NAME_TOO_LONG")
                phone_number = _normalize_phone(_required_text(phone, "PHONE_REQUIRED"))
                owner = self._patient_ids_by_phone.get(phone_number)
                if owner is not None:
                    raise BookingConflictError.build(
                        "DUPLICATE_PHONE", phone=phone_number, patient_id=owner)
                patient_id = self._next_id(PATIENT_ID_PREFIX, self._patients)
                patient = Patient(patient_id, clean_name, phone_number, self.clock())
                self._patients[patient.patient_id] = patient
                self._patient_ids_by_phone[phone_number] = patient.patient_id
                return _success(MSG_PATIENT_REGISTERED.format(
                    name=clean_name, patient_id=patient.patient_id), patient.to_dict())
        except Exception as error:  # UI boundary: no traceback may reach Gradio
            return _failure(error)

    def add_practitioner(self, name: str, specialty: str, weekdays: list[str],
                         start_time: str, end_time: str) -> dict[str, Any]:
        """Put a practitioner and their weekly hours on the roster (US-002).

        Args:
            name: 1 to ``MAX_NAME_LENGTH`` characters.
            specialty: 1 to ``MAX_SPECIALTY_LENGTH`` characters.
            weekdays: Working days such as ``["Mon", "Wed"]``; full names and
                comma-separated text are accepted too.
            start_time: Start of the first slot, ``HH:MM``.
            end_time: End of the last slot, ``HH:MM``.

        Returns:
            dict: Response whose ``data`` is ``Practitioner.to_dict()``.

        Example:
            >>> ClinicScheduler().add_practitioner("Liam Novak", "Physiotherapy", ["Tue"],
            ...                                    "14:00", "14:15")["message"]
            '14:15 is not on a 30-minute slot boundary.'
        """
        try:
            with self._lock:
                clean_name = _required_text(name, "PRACTITIONER_NAME_REQUIRED")
                if len(clean_name) > MAX_NAME_LENGTH:
                    raise InvalidInputError.build("PRACTITIONER_NAME_TOO_LONG")
                clean_specialty = _required_text(specialty, "SPECIALTY_REQUIRED")
                if len(clean_specialty) > MAX_SPECIALTY_LENGTH:
                    raise InvalidInputError.build("SPECIALTY_TOO_LONG")
                days = _parse_weekdays(weekdays)
                start, end = _parse_time(start_time), _parse_time(end_time)
                _check_slot_boundary(start)
                _check_slot_boundary(end)
                if not CLINIC_OPENING_TIME <= start < end <= CLINIC_CLOSING_TIME:
                    raise InvalidInputError.build("INVALID_HOURS")
                practitioner_id = self._next_id(PRACTITIONER_ID_PREFIX, self._practitioners)
                practitioner = Practitioner(practitioner_id, clean_name, clean_specialty, days,
                                            start, end)
                self._practitioners[practitioner.practitioner_id] = practitioner
                data = practitioner.to_dict()
                return _success(MSG_PRACTITIONER_ADDED.format(
                    name=clean_name, practitioner_id=practitioner.practitioner_id,
                    slots=data["weekly_slots"]), data)
        except Exception as error:  # UI boundary: no traceback may reach Gradio
            return _failure(error)

    def list_practitioners(self) -> dict[str, Any]:
        """List the roster and each practitioner's weekly slots as table rows (US-002).

        Returns:
            dict: Response whose ``data`` is a list of rows in
            ``PRACTITIONER_HEADERS`` order, sorted by practitioner ID.

        Example:
            >>> ClinicScheduler().list_practitioners()["data"]
            []
        """
        try:
            with self._lock:
                rows = []
                for practitioner in self._practitioners.values():
                    details = practitioner.to_dict()
                    rows.append([practitioner.practitioner_id, practitioner.name,
                                 practitioner.specialty,
                                 DAY_LIST_SEPARATOR.join(details["weekdays"]),
                                 practitioner.hours, details["weekly_slots"]])
                if not rows:
                    return _success(MSG_ROSTER_EMPTY, [])
                return _success(MSG_ROSTER.format(count=len(rows)), rows)
        except Exception as error:  # UI boundary: no traceback may reach Gradio
            return _failure(error)

    def get_day_schedule(self, practitioner_id: str, day: str | date) -> dict[str, Any]:
        """Show every slot of a practitioner's day as table rows (US-003).

        Args:
            practitioner_id: e.g. ``"PR0001"`` (case-insensitive).
            day: ISO date ``YYYY-MM-DD``; past dates are allowed.

        Returns:
            dict: Response whose ``data`` is a list of rows in
            ``SCHEDULE_HEADERS`` order (free slots have blank patient and ID
            cells), or ``[]`` on a day the practitioner does not work.

        Example:
            >>> ClinicScheduler().get_day_schedule("", "2024-05-08")["message"]
            'Practitioner ID is required.'
        """
        try:
            with self._lock:
                practitioner = self._get_practitioner(practitioner_id)
                schedule_day = _parse_day(day)
                if not practitioner.works_on(schedule_day):
                    return _success(self._not_working_text(practitioner, schedule_day), [])
                rows = []
                for slot in practitioner.daily_slots():
                    holder = self._occupant(datetime.combine(schedule_day, slot),
                                            practitioner_id=practitioner.practitioner_id)
                    patient_name = self._patients[holder.patient_id].name if holder else ""
                    rows.append([_time_text(slot), holder.status if holder else STATUS_FREE,
                                 patient_name, holder.appointment_id if holder else ""])
                free = sum(1 for row in rows if row[1] == STATUS_FREE)
                return _success(MSG_SCHEDULE.format(
                    practitioner=practitioner.name, date=schedule_day.isoformat(),
                    booked=len(rows) - free, free=free), rows)
        except Exception as error:  # UI boundary: no traceback may reach Gradio
            return _failure(error)

    def list_free_slots(self, practitioner_id: str, day: str | date) -> dict[str, Any]:
        """Offer a practitioner's free slots on one day as dropdown choices (US-004).

        Args:
            practitioner_id: e.g. ``"PR0001"`` (case-insensitive).
            day: ISO date from today up to ``BOOKING_HORIZON_DAYS`` ahead.

        Returns:
            dict: Response whose ``data`` is a list of ``"HH:MM"`` strings in
            time order; slots that already started are left out.

        Example:
            >>> ClinicScheduler().list_free_slots("pr0001", "2024-05-08")["message"]
            'Practitioner PR0001 not found.'
        """
        try:
            with self._lock:
                practitioner = self._get_practitioner(practitioner_id)
                slot_day = _parse_day(day)
                self._check_booking_window(slot_day)
                if not practitioner.works_on(slot_day):
                    return _success(self._not_working_text(practitioner, slot_day), [])
                choices = [_time_text(slot) for slot in self._free_slots(practitioner, slot_day)]
                values = {"practitioner": practitioner.name, "date": slot_day.isoformat()}
                if not choices:
                    return _success(MSG_NO_FREE_SLOTS.format(**values), [])
                return _success(MSG_FREE_SLOTS.format(count=len(choices), **values), choices)
        except Exception as error:  # UI boundary: no traceback may reach Gradio
            return _failure(error)

    def book_appointment(self, patient_id: str, practitioner_id: str, day: str | date,
                         slot_time: str) -> dict[str, Any]:
        """Book a free slot for a patient (US-005).

        Args:
            patient_id: e.g. ``"P0001"`` (case-insensitive).
            practitioner_id: e.g. ``"PR0001"`` (case-insensitive).
            day: ISO date from today up to ``BOOKING_HORIZON_DAYS`` ahead.
            slot_time: Slot start, ``HH:MM`` (a ``list_free_slots`` choice).

        Returns:
            dict: Response whose ``data`` is ``Appointment.to_dict()``.

        Example:
            >>> ClinicScheduler().book_appointment("P0042", "PR0001", "2024-05-08",
            ...                                    "09:00")["data"]
            {'error_code': 'PATIENT_NOT_FOUND'}
        """
        try:
            with self._lock:
                patient = self._get_patient(patient_id)
                practitioner = self._get_practitioner(practitioner_id)
                booking_day = self._bookable_day(practitioner, day)
                starts_at = self._bookable_start(practitioner, booking_day, slot_time)
                self._check_upcoming_limit(patient)
                self._check_slot_free(patient, practitioner, starts_at)
                appointment = self._create_appointment(patient, practitioner, starts_at)
                return _success(MSG_BOOKED.format(
                    appointment_id=appointment.appointment_id, patient=patient.name,
                    practitioner=practitioner.name, date=booking_day.isoformat(),
                    time=_time_text(starts_at.time())), appointment.to_dict())
        except Exception as error:  # UI boundary: no traceback may reach Gradio
            return _failure(error)

    def reschedule_appointment(self, appointment_id: str, new_day: str | date,
                               new_time: str) -> dict[str, Any]:
        """Move a booked appointment to another slot of the same practitioner (US-006).

        Args:
            appointment_id: e.g. ``"A0001"`` (case-insensitive).
            new_day: ISO date of the new slot.
            new_time: Start of the new slot, ``HH:MM``.

        Returns:
            dict: Response whose ``data`` is the updated ``Appointment.to_dict()``.

        Example:
            >>> ClinicScheduler().reschedule_appointment(" ", "2024-05-08", "10:00")["message"]
            'Appointment ID is required.'
        """
        try:
            with self._lock:
                appointment = self._get_appointment(appointment_id)
                self._check_changeable(appointment)
                practitioner = self._practitioners[appointment.practitioner_id]
                target_day = self._bookable_day(practitioner, new_day)
                starts_at = self._bookable_start(practitioner, target_day, new_time)
                self._check_slot_free(self._patients[appointment.patient_id], practitioner,
                                      starts_at, moving=appointment)
                appointment.starts_at = starts_at
                return _success(MSG_RESCHEDULED.format(
                    appointment_id=appointment.appointment_id, date=target_day.isoformat(),
                    time=_time_text(starts_at.time())), appointment.to_dict())
        except Exception as error:  # UI boundary: no traceback may reach Gradio
            return _failure(error)

    def cancel_appointment(self, appointment_id: str) -> dict[str, Any]:
        """Cancel a booked appointment and offer the slot to the waiting list (US-007).

        Args:
            appointment_id: e.g. ``"A0001"`` (case-insensitive).

        Returns:
            dict: Response whose ``data`` is ``{"appointment_id", "status",
            "offered_to"}``; ``offered_to`` is the new appointment's
            ``to_dict()`` when a waiting patient took the slot, else None.

        Example:
            >>> ClinicScheduler().cancel_appointment("a0042")["message"]
            'Appointment A0042 not found.'
        """
        try:
            with self._lock:
                appointment = self._get_appointment(appointment_id)
                self._check_changeable(appointment)
                appointment.status = STATUS_CANCELLED
                practitioner = self._practitioners[appointment.practitioner_id]
                offered = self._offer_to_waiting_list(practitioner, appointment.starts_at)
                data = {"appointment_id": appointment.appointment_id,
                        "status": appointment.status,
                        "offered_to": offered.to_dict() if offered else None}
                if offered is None:
                    return _success(MSG_CANCELLED.format(**data), data)
                return _success(MSG_CANCELLED_AND_OFFERED.format(
                    appointment_id=appointment.appointment_id, time=data["offered_to"]["time"],
                    patient=self._patients[offered.patient_id].name), data)
        except Exception as error:  # UI boundary: no traceback may reach Gradio
            return _failure(error)

    def join_waiting_list(self, patient_id: str, practitioner_id: str,
                          day: str | date) -> dict[str, Any]:
        """Put a patient on the waiting list of a fully booked day (US-008).

        Args:
            patient_id: e.g. ``"P0001"`` (case-insensitive).
            practitioner_id: e.g. ``"PR0001"`` (case-insensitive).
            day: ISO date of the fully booked day.

        Returns:
            dict: Response whose ``data`` is ``{"patient_id", "practitioner_id",
            "date", "position"}``; position 1 is offered the next freed slot.

        Example:
            >>> ClinicScheduler().join_waiting_list("P0001", "PR0001", "2024-05-08")["message"]
            'Patient P0001 not found.'
        """
        try:
            with self._lock:
                patient = self._get_patient(patient_id)
                practitioner = self._get_practitioner(practitioner_id)
                wait_day = self._bookable_day(practitioner, day)
                values = {"patient": patient.name, "practitioner": practitioner.name,
                          "date": wait_day.isoformat()}
                key = (practitioner.practitioner_id, wait_day)
                queue = self._waiting_lists.get(key, [])
                if patient.patient_id in queue:
                    raise BookingConflictError.build("ALREADY_WAITING", **values)
                if self._free_slots(practitioner, wait_day):
                    raise BookingRuleError.build("SLOTS_STILL_FREE", **values)
                if len(queue) >= WAITING_LIST_CAPACITY:
                    raise BookingRuleError.build("WAITING_LIST_FULL", **values)
                self._waiting_lists[key] = [*queue, patient.patient_id]
                position = len(queue) + 1
                data = {"patient_id": patient.patient_id,
                        "practitioner_id": practitioner.practitioner_id,
                        "date": wait_day.isoformat(), "position": position}
                return _success(MSG_WAITING.format(position=position, **values), data)
        except Exception as error:  # UI boundary: no traceback may reach Gradio
            return _failure(error)

    # ----------------------------------------------------------------- lookups
    @staticmethod
    def _lookup(records: dict[str, Any], raw_id: Any, required_code: str,
                missing_code: str, field: str) -> Any:
        """Return ``records[ID]`` for an ID typed in any case; raise *_REQUIRED / *_NOT_FOUND."""
        key = _required_text(raw_id, required_code).upper()
        if key not in records:
            raise RecordNotFoundError.build(missing_code, **{field: key})
        return records[key]

    def _get_patient(self, patient_id: Any) -> Patient:
        """Return a patient; raise PATIENT_ID_REQUIRED or PATIENT_NOT_FOUND."""
        return self._lookup(self._patients, patient_id, "PATIENT_ID_REQUIRED",
                            "PATIENT_NOT_FOUND", "patient_id")

    def _get_practitioner(self, practitioner_id: Any) -> Practitioner:
        """Return a practitioner; raise PRACTITIONER_ID_REQUIRED or PRACTITIONER_NOT_FOUND."""
        return self._lookup(self._practitioners, practitioner_id, "PRACTITIONER_ID_REQUIRED",
                            "PRACTITIONER_NOT_FOUND", "practitioner_id")

    def _get_appointment(self, appointment_id: Any) -> Appointment:
        """Return an appointment; raise APPOINTMENT_ID_REQUIRED or APPOINTMENT_NOT_FOUND."""
        return self._lookup(self._appointments, appointment_id, "APPOINTMENT_ID_REQUIRED",
                            "APPOINTMENT_NOT_FOUND", "appointment_id")

    def _occupant(self, starts_at: datetime, practitioner_id: str | None = None,
                  patient_id: str | None = None,
                  ignore: Appointment | None = None) -> Appointment | None:
        """Return the booked appointment at ``starts_at`` matching the filters, if any."""
        for appointment in self._appointments.values():
            if (appointment is ignore or not appointment.is_booked
                    or appointment.starts_at != starts_at):
                continue
            if practitioner_id not in (None, appointment.practitioner_id):
                continue
            if patient_id not in (None, appointment.patient_id):
                continue
            return appointment
        return None

    def _free_slots(self, practitioner: Practitioner, day: date) -> list[time]:
        """Return the practitioner's unbooked slots on ``day`` that start after now."""
        now = self.clock()
        return [slot for slot in practitioner.daily_slots()
                if datetime.combine(day, slot) > now
                and self._occupant(datetime.combine(day, slot),
                                   practitioner_id=practitioner.practitioner_id) is None]

    @staticmethod
    def _not_working_text(practitioner: Practitioner, day: date) -> str:
        """Return the NOT_WORKING_DAY message for ``practitioner`` and ``day``."""
        return MSG_NOT_WORKING_DAY.format(practitioner=practitioner.name,
                                          weekday=WEEKDAY_NAMES[day.weekday()])

    # ------------------------------------------------------------------- rules
    def _check_booking_window(self, day: date) -> None:
        """Raise DATE_IN_PAST before today, BEYOND_HORIZON after the booking horizon."""
        today = self.clock().date()
        if day < today:
            raise BookingRuleError.build("DATE_IN_PAST", date=day.isoformat())
        if day > today + timedelta(days=BOOKING_HORIZON_DAYS):
            raise BookingRuleError.build("BEYOND_HORIZON")

    def _bookable_day(self, practitioner: Practitioner, value: Any) -> date:
        """Parse a day and check the booking window, then the practitioner's weekdays."""
        day = _parse_day(value)
        self._check_booking_window(day)
        if not practitioner.works_on(day):
            raise BookingRuleError(self._not_working_text(practitioner, day), "NOT_WORKING_DAY")
        return day

    def _bookable_start(self, practitioner: Practitioner, day: date, value: Any) -> datetime:
        """Parse a slot time; raise OFF_SLOT_BOUNDARY, OUTSIDE_HOURS or SLOT_STARTED."""
        slot = _parse_time(value)
        _check_slot_boundary(slot)
        label = _time_text(slot)
        if slot not in practitioner.daily_slots():
            raise BookingRuleError.build("OUTSIDE_HOURS", time=label,
                                         practitioner=practitioner.name, hours=practitioner.hours)
        starts_at = datetime.combine(day, slot)
        if starts_at <= self.clock():
            raise BookingRuleError.build("SLOT_STARTED", time=label, date=day.isoformat())
        return starts_at

    def _check_upcoming_limit(self, patient: Patient) -> None:
        """Raise UPCOMING_LIMIT when the patient already holds the most future bookings."""
        now = self.clock()
        upcoming = sum(1 for appointment in self._appointments.values()
                       if appointment.patient_id == patient.patient_id
                       and appointment.is_booked and appointment.starts_at > now)
        if upcoming >= MAX_UPCOMING_APPOINTMENTS:
            raise BookingRuleError.build("UPCOMING_LIMIT", patient=patient.name)

    def _check_slot_free(self, patient: Patient, practitioner: Practitioner,
                         starts_at: datetime, moving: Appointment | None = None) -> None:
        """Raise PATIENT_DOUBLE_BOOKED or SLOT_TAKEN, ignoring the appointment being moved."""
        values = {"patient": patient.name, "practitioner": practitioner.name,
                  "time": _time_text(starts_at.time()), "date": starts_at.date().isoformat()}
        if self._occupant(starts_at, patient_id=patient.patient_id, ignore=moving):
            raise BookingConflictError.build("PATIENT_DOUBLE_BOOKED", **values)
        if self._occupant(starts_at, practitioner_id=practitioner.practitioner_id,
                          ignore=moving):
            raise BookingConflictError.build("SLOT_TAKEN", **values)

    def _check_changeable(self, appointment: Appointment) -> None:
        """Raise ALREADY_CANCELLED, or CUTOFF_PASSED when the slot starts too soon."""
        if not appointment.is_booked:
            raise BookingRuleError.build("ALREADY_CANCELLED",
                                         appointment_id=appointment.appointment_id)
        if appointment.starts_at - self.clock() < timedelta(hours=CANCELLATION_CUTOFF_HOURS):
            raise BookingRuleError.build("CUTOFF_PASSED")

    # -------------------------------------------------------- ids and bookings
    @staticmethod
    def _next_id(prefix: str, records: dict[str, Any]) -> str:
        """Return the next identifier such as ``A0001``; records are never deleted."""
        return f"{prefix}{len(records) + FIRST_ID_NUMBER:0{ID_NUMBER_WIDTH}d}"

    def _create_appointment(self, patient: Patient, practitioner: Practitioner,
                            starts_at: datetime) -> Appointment:
        """Store a booked appointment; the patient leaves that day's waiting list."""
        with self._lock:
            appointment_id = self._next_id(APPOINTMENT_ID_PREFIX, self._appointments)
            appointment = Appointment(appointment_id, patient.patient_id,
                                      practitioner.practitioner_id, starts_at)
            self._appointments[appointment.appointment_id] = appointment
            key = (practitioner.practitioner_id, starts_at.date())
            if patient.patient_id in self._waiting_lists.get(key, []):
                self._waiting_lists[key] = [waiting for waiting in self._waiting_lists[key]
                                            if waiting != patient.patient_id]
        return appointment

    def _offer_to_waiting_list(self, practitioner: Practitioner,
                               starts_at: datetime) -> Appointment | None:
        """Book a freed slot for the first waiting patient allowed to take it.

        Patients who may not take it (upcoming limit reached, or another
        appointment at that time) are skipped and keep their place.
        """
        with self._lock:
            queue = self._waiting_lists.get((practitioner.practitioner_id, starts_at.date()), [])
            for patient_id in queue:
                patient = self._patients[patient_id]
                try:
                    self._check_upcoming_limit(patient)
                    self._check_slot_free(patient, practitioner, starts_at)
                except ClinicBookingError:
                    continue
                return self._create_appointment(patient, practitioner, starts_at)
        return None
