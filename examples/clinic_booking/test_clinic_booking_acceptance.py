"""Acceptance tests for clinic_booking_scheduler (US-001 .. US-008).

Every test name carries the story and acceptance-criterion id it checks
(``test_us005_ac2_...`` checks US-005 AC2). "Now" is controlled through the
scheduler's injectable clock. Run from this folder with
``python3 -m unittest -v``.
"""

import threading
import unittest
from datetime import date, datetime, timedelta

from clinic_booking_scheduler import (
    PRACTITIONER_HEADERS,
    SCHEDULE_HEADERS,
    BookingConflictError,
    BookingRuleError,
    ClinicBookingError,
    ClinicScheduler,
    InvalidInputError,
    RecordNotFoundError,
)

MONDAY_8AM = datetime(2024, 5, 6, 8, 0)
WEDNESDAY = "2024-05-08"
TUESDAY = "2024-05-07"
FRIDAY = "2024-05-10"
SATURDAY = "2024-05-11"
PATIENTS = (
    ("Hannah Brooks", "+44 7700 900123"),
    ("Ravi Menon", "020 7946 0018"),
    ("Chloe Dubois", "555-0142-77"),
    ("Tom Ortega", "07700 900456"),
    ("Mei Lin", "+1 (415) 555-0199"),
    ("Ada Okafor", "0161 496 0321"),
)
HANNAH, RAVI, CHLOE, TOM, MEI, ADA = ("P0001", "P0002", "P0003", "P0004", "P0005", "P0006")
OSEI, NOVAK = "PR0001", "PR0002"


class MovableClock:
    """A clock the tests can set and move forward."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: int) -> None:
        self.now += timedelta(**delta)


class ClinicTestCase(unittest.TestCase):
    """Empty clinic on Monday 2024-05-06 08:00, with helpers to load the sample data."""

    def setUp(self) -> None:
        self.clock = MovableClock(MONDAY_8AM)
        self.clinic = ClinicScheduler(clock=self.clock)

    def seed(self) -> None:
        """Add Dr Osei, Liam Novak and the six sample patients."""
        self.assertTrue(self.clinic.add_practitioner(
            "Dr Amara Osei", "General practice", ["Mon", "Wed", "Fri"], "09:00", "12:00")
            ["success"])
        self.assertTrue(self.clinic.add_practitioner(
            "Liam Novak", "Physiotherapy", ["Tue", "Wed", "Thu"], "11:00", "12:00")["success"])
        for name, phone in PATIENTS:
            self.assertTrue(self.clinic.register_patient(name, phone)["success"])

    def book(self, patient_id: str, practitioner_id: str, day: str, slot: str) -> str:
        """Book a slot that must succeed and return the appointment ID."""
        result = self.clinic.book_appointment(patient_id, practitioner_id, day, slot)
        self.assertTrue(result["success"], result["message"])
        return result["data"]["appointment_id"]

    def fill_novak_tuesday(self) -> tuple[str, str]:
        """Hannah takes 11:00 and Ravi 11:30 with Liam Novak on Tuesday 2024-05-07."""
        return (self.book(HANNAH, NOVAK, TUESDAY, "11:00"),
                self.book(RAVI, NOVAK, TUESDAY, "11:30"))

    def assertSuccess(self, result: dict, message: str) -> None:
        self.assertEqual(set(result), {"success", "message", "data"})
        self.assertTrue(result["success"], result["message"])
        self.assertEqual(result["message"], message)

    def assertFailure(self, result: dict, message: str, code: str) -> None:
        self.assertEqual(set(result), {"success", "message", "data"})
        self.assertFalse(result["success"])
        self.assertEqual(result["message"], message)
        self.assertEqual(result["data"], {"error_code": code})


class TestUS001RegisterPatient(ClinicTestCase):

    def test_us001_ac1_register_patient(self) -> None:
        result = self.clinic.register_patient(" Hannah Brooks ", "+44 7700 900123")
        self.assertSuccess(result, "Patient registered: Hannah Brooks (ID: P0001).")
        self.assertEqual(result["data"]["phone"], "+447700900123")
        self.assertEqual(result["data"]["registered_at"], "2024-05-06T08:00:00")
        second = self.clinic.register_patient("Ravi Menon", "020 7946 0018")
        self.assertSuccess(second, "Patient registered: Ravi Menon (ID: P0002).")

    def test_us001_ac2_name_required_and_length(self) -> None:
        for blank in ("", "   ", None):
            self.assertFailure(self.clinic.register_patient(blank, "020 7946 0018"),
                               "Patient name is required.", "PATIENT_NAME_REQUIRED")
        self.assertFailure(self.clinic.register_patient("N" * 81, "020 7946 0018"),
                           "Patient name must be 80 characters or fewer.",
                           "PATIENT_NAME_TOO_LONG")
        self.assertTrue(self.clinic.register_patient("N" * 80, "020 7946 0018")["success"])

    def test_us001_ac3_phone_required_and_format(self) -> None:
        self.assertFailure(self.clinic.register_patient("Hannah Brooks", " "),
                           "Phone number is required.", "PHONE_REQUIRED")
        for bad in ("12-34", "call me", "+" + "1" * 16):
            self.assertFailure(self.clinic.register_patient("Hannah Brooks", bad),
                               f"Invalid phone number '{bad}'. Use 7 to 15 digits.",
                               "INVALID_PHONE")

    def test_us001_ac4_duplicate_phone(self) -> None:
        self.clinic.register_patient("Hannah Brooks", "+44 7700 900123")
        self.assertFailure(
            self.clinic.register_patient("H. Brooks", "+44 (7700) 900-123"),
            "Phone number +447700900123 is already registered to patient P0001.",
            "DUPLICATE_PHONE")


class TestUS002Roster(ClinicTestCase):

    def test_us002_ac1_add_practitioner(self) -> None:
        result = self.clinic.add_practitioner("Dr Amara Osei", "General practice",
                                              ["Mon", "Wed", "Fri"], "09:00", "12:00")
        self.assertSuccess(result, "Practitioner added: Dr Amara Osei (ID: PR0001) "
                                   "with 18 weekly slot(s).")
        self.assertEqual(result["data"]["weekdays"], ["Mon", "Wed", "Fri"])
        self.assertEqual(result["data"]["start_time"], "09:00")

    def test_us002_ac2_roster_table(self) -> None:
        empty = self.clinic.list_practitioners()
        self.assertSuccess(empty, "No practitioners on the roster yet.")
        self.assertEqual(empty["data"], [])
        self.seed()
        result = self.clinic.list_practitioners()
        self.assertSuccess(result, "2 practitioner(s) on the roster.")
        self.assertEqual(PRACTITIONER_HEADERS,
                         ["ID", "Name", "Specialty", "Days", "Hours", "Weekly slots"])
        self.assertEqual(result["data"], [
            ["PR0001", "Dr Amara Osei", "General practice", "Mon, Wed, Fri", "09:00-12:00", 18],
            ["PR0002", "Liam Novak", "Physiotherapy", "Tue, Wed, Thu", "11:00-12:00", 6],
        ])

    def test_us002_ac3_name_and_specialty_rules(self) -> None:
        days = ["Mon"]
        cases = [
            (("", "GP"), "Practitioner name is required.", "PRACTITIONER_NAME_REQUIRED"),
            (("D" * 81, "GP"), "Practitioner name must be 80 characters or fewer.",
             "PRACTITIONER_NAME_TOO_LONG"),
            (("Dr Osei", None), "Specialty is required.", "SPECIALTY_REQUIRED"),
            (("Dr Osei", "S" * 61), "Specialty must be 60 characters or fewer.",
             "SPECIALTY_TOO_LONG"),
        ]
        for (name, specialty), message, code in cases:
            self.assertFailure(
                self.clinic.add_practitioner(name, specialty, days, "09:00", "12:00"),
                message, code)
        self.assertTrue(self.clinic.add_practitioner(
            "D" * 80, "S" * 60, days, "09:00", "12:00")["success"])

    def test_us002_ac4_weekday_rules(self) -> None:
        for nothing in ([], None, ["  "]):
            self.assertFailure(
                self.clinic.add_practitioner("Dr Osei", "GP", nothing, "09:00", "12:00"),
                "Select at least one working day.", "WEEKDAYS_REQUIRED")
        self.assertFailure(
            self.clinic.add_practitioner("Dr Osei", "GP", ["Mon", "Funday"], "09:00", "12:00"),
            "Unknown weekday 'Funday'. Use one of Mon, Tue, Wed, Thu, Fri, Sat, Sun.",
            "INVALID_WEEKDAY")
        result = self.clinic.add_practitioner("Dr Osei", "GP", ["monday", "WED"],
                                              "09:00", "10:00")
        self.assertTrue(result["success"])
        self.assertEqual(result["data"]["weekdays"], ["Mon", "Wed"])

    def test_us002_ac5_working_hours_rules(self) -> None:
        def add(start: str, end: str) -> dict:
            return self.clinic.add_practitioner("Dr Osei", "GP", ["Mon"], start, end)

        self.assertFailure(add("9am", "12:00"),
                           "Invalid time '9am'. Use HH:MM, for example 09:30.", "INVALID_TIME")
        self.assertFailure(add("09:00", "12:15"),
                           "12:15 is not on a 30-minute slot boundary.", "OFF_SLOT_BOUNDARY")
        for start, end in (("07:30", "12:00"), ("12:00", "09:00"), ("17:00", "18:30")):
            self.assertFailure(add(start, end), "Working hours must lie within 08:00-18:00 "
                                                "and start before they end.", "INVALID_HOURS")
        whole_day = add("08:00", "18:00")
        self.assertTrue(whole_day["success"])
        self.assertEqual(whole_day["data"]["weekly_slots"], 20)


class TestUS003DaySchedule(ClinicTestCase):

    def setUp(self) -> None:
        super().setUp()
        self.seed()

    def test_us003_ac1_schedule_rows(self) -> None:
        self.book(HANNAH, OSEI, WEDNESDAY, "09:30")
        result = self.clinic.get_day_schedule(OSEI, WEDNESDAY)
        self.assertSuccess(result, "Dr Amara Osei on 2024-05-08: 1 booked, 5 free.")
        self.assertEqual(SCHEDULE_HEADERS, ["Time", "Status", "Patient", "Appointment ID"])
        self.assertEqual(len(result["data"]), 6)
        self.assertEqual(result["data"][0], ["09:00", "Free", "", ""])
        self.assertEqual(result["data"][1], ["09:30", "Booked", "Hannah Brooks", "A0001"])
        self.assertEqual(result["data"][-1], ["11:30", "Free", "", ""])

    def test_us003_ac2_cancelled_slot_is_free(self) -> None:
        appointment_id = self.book(HANNAH, OSEI, WEDNESDAY, "09:30")
        self.clinic.cancel_appointment(appointment_id)
        result = self.clinic.get_day_schedule(OSEI, WEDNESDAY)
        self.assertSuccess(result, "Dr Amara Osei on 2024-05-08: 0 booked, 6 free.")
        self.assertEqual(result["data"][1], ["09:30", "Free", "", ""])

    def test_us003_ac3_day_off_and_past_days(self) -> None:
        result = self.clinic.get_day_schedule(OSEI, SATURDAY)
        self.assertSuccess(result, "Dr Amara Osei does not see patients on Saturdays.")
        self.assertEqual(result["data"], [])
        past = self.clinic.get_day_schedule("pr0001", date(2024, 5, 3))
        self.assertSuccess(past, "Dr Amara Osei on 2024-05-03: 0 booked, 6 free.")

    def test_us003_ac4_lookup_and_date_errors(self) -> None:
        self.assertFailure(self.clinic.get_day_schedule(" ", WEDNESDAY),
                           "Practitioner ID is required.", "PRACTITIONER_ID_REQUIRED")
        self.assertFailure(self.clinic.get_day_schedule("PR0099", WEDNESDAY),
                           "Practitioner PR0099 not found.", "PRACTITIONER_NOT_FOUND")
        self.assertFailure(self.clinic.get_day_schedule(OSEI, ""),
                           "Date is required.", "DATE_REQUIRED")
        for bad in ("08/05/2024", "2024-02-30"):
            self.assertFailure(self.clinic.get_day_schedule(OSEI, bad),
                               f"Invalid date '{bad}'. Use YYYY-MM-DD, for example 2024-05-08.",
                               "INVALID_DATE")


class TestUS004FreeSlots(ClinicTestCase):

    def setUp(self) -> None:
        super().setUp()
        self.seed()

    def test_us004_ac1_free_slot_choices(self) -> None:
        self.book(HANNAH, OSEI, WEDNESDAY, "09:30")
        result = self.clinic.list_free_slots(OSEI, WEDNESDAY)
        self.assertSuccess(result, "5 free slot(s) with Dr Amara Osei on 2024-05-08.")
        self.assertEqual(result["data"], ["09:00", "10:00", "10:30", "11:00", "11:30"])

    def test_us004_ac2_started_slots_not_offered(self) -> None:
        self.clock.now = datetime(2024, 5, 6, 10, 15)
        result = self.clinic.list_free_slots(OSEI, "2024-05-06")
        self.assertSuccess(result, "3 free slot(s) with Dr Amara Osei on 2024-05-06.")
        self.assertEqual(result["data"], ["10:30", "11:00", "11:30"])

    def test_us004_ac3_fully_booked_day(self) -> None:
        self.fill_novak_tuesday()
        result = self.clinic.list_free_slots(NOVAK, TUESDAY)
        self.assertSuccess(result, "No free slots with Liam Novak on 2024-05-07. "
                                   "The waiting list is open.")
        self.assertEqual(result["data"], [])

    def test_us004_ac4_day_off_past_and_horizon(self) -> None:
        off = self.clinic.list_free_slots(OSEI, TUESDAY)
        self.assertSuccess(off, "Dr Amara Osei does not see patients on Tuesdays.")
        self.assertEqual(off["data"], [])
        self.assertFailure(self.clinic.list_free_slots(OSEI, "2024-05-03"),
                           "2024-05-03 is in the past. Choose today or a later date.",
                           "DATE_IN_PAST")
        self.assertFailure(self.clinic.list_free_slots(OSEI, "2024-07-08"),
                           "Appointments can be booked at most 60 days ahead.",
                           "BEYOND_HORIZON")


class TestUS005BookAppointment(ClinicTestCase):

    def setUp(self) -> None:
        super().setUp()
        self.seed()

    def test_us005_ac1_book_success(self) -> None:
        result = self.clinic.book_appointment("p0001", "pr0001", WEDNESDAY, "9:00")
        self.assertSuccess(result, "Appointment A0001 booked: Hannah Brooks with "
                                   "Dr Amara Osei on 2024-05-08 at 09:00.")
        self.assertEqual(result["data"], {
            "appointment_id": "A0001", "patient_id": HANNAH, "practitioner_id": OSEI,
            "date": WEDNESDAY, "time": "09:00", "status": "Booked"})

    def test_us005_ac2_no_double_booking(self) -> None:
        self.book(HANNAH, OSEI, WEDNESDAY, "09:00")
        self.assertFailure(self.clinic.book_appointment(RAVI, OSEI, WEDNESDAY, "09:00"),
                           "Dr Amara Osei is already booked at 09:00 on 2024-05-08.",
                           "SLOT_TAKEN")

    def test_us005_ac3_patient_cannot_be_in_two_places(self) -> None:
        self.book(HANNAH, OSEI, WEDNESDAY, "11:00")
        self.assertFailure(self.clinic.book_appointment(HANNAH, NOVAK, WEDNESDAY, "11:00"),
                           "Hannah Brooks already has an appointment at 11:00 on 2024-05-08.",
                           "PATIENT_DOUBLE_BOOKED")

    def test_us005_ac4_upcoming_limit(self) -> None:
        first = self.book(HANNAH, OSEI, WEDNESDAY, "09:00")
        self.book(HANNAH, OSEI, WEDNESDAY, "09:30")
        self.book(HANNAH, OSEI, FRIDAY, "09:00")
        self.assertFailure(self.clinic.book_appointment(HANNAH, OSEI, FRIDAY, "09:30"),
                           "Hannah Brooks already has 3 upcoming appointments.",
                           "UPCOMING_LIMIT")
        self.clinic.cancel_appointment(first)
        self.assertTrue(self.clinic.book_appointment(HANNAH, OSEI, FRIDAY, "09:30")["success"])

    def test_us005_ac5_time_rules(self) -> None:
        cases = [
            ("10:15", "10:15 is not on a 30-minute slot boundary.", "OFF_SLOT_BOUNDARY"),
            ("13:00", "13:00 is outside Dr Amara Osei's hours (09:00-12:00).", "OUTSIDE_HOURS"),
            ("25:00", "Invalid time '25:00'. Use HH:MM, for example 09:30.", "INVALID_TIME"),
            ("", "Time is required.", "TIME_REQUIRED"),
        ]
        for slot, message, code in cases:
            self.assertFailure(self.clinic.book_appointment(HANNAH, OSEI, WEDNESDAY, slot),
                               message, code)
        self.clock.now = datetime(2024, 5, 6, 9, 10)
        self.assertFailure(self.clinic.book_appointment(HANNAH, OSEI, "2024-05-06", "09:00"),
                           "The 09:00 slot on 2024-05-06 has already started.", "SLOT_STARTED")
        self.assertTrue(self.clinic.book_appointment(HANNAH, OSEI, "2024-05-06", "09:30")
                        ["success"])

    def test_us005_ac6_day_rules(self) -> None:
        self.assertFailure(self.clinic.book_appointment(HANNAH, OSEI, TUESDAY, "09:00"),
                           "Dr Amara Osei does not see patients on Tuesdays.", "NOT_WORKING_DAY")
        self.assertTrue(self.clinic.book_appointment(HANNAH, OSEI, "2024-07-05", "09:00")
                        ["success"])
        self.assertFailure(self.clinic.book_appointment(HANNAH, OSEI, "2024-07-06", "09:00"),
                           "Appointments can be booked at most 60 days ahead.", "BEYOND_HORIZON")
        self.assertFailure(self.clinic.book_appointment(HANNAH, OSEI, "2024-05-03", "09:00"),
                           "2024-05-03 is in the past. Choose today or a later date.",
                           "DATE_IN_PAST")

    def test_us005_ac7_unknown_or_missing_ids(self) -> None:
        self.assertFailure(self.clinic.book_appointment(None, OSEI, WEDNESDAY, "09:00"),
                           "Patient ID is required.", "PATIENT_ID_REQUIRED")
        self.assertFailure(self.clinic.book_appointment("P0042", OSEI, WEDNESDAY, "09:00"),
                           "Patient P0042 not found.", "PATIENT_NOT_FOUND")


class TestUS006Reschedule(ClinicTestCase):

    def setUp(self) -> None:
        super().setUp()
        self.seed()
        self.appointment_id = self.book(HANNAH, OSEI, WEDNESDAY, "09:00")

    def test_us006_ac1_move_appointment(self) -> None:
        result = self.clinic.reschedule_appointment("a0001", FRIDAY, "10:30")
        self.assertSuccess(result, "Appointment A0001 moved to 2024-05-10 at 10:30.")
        self.assertEqual((result["data"]["date"], result["data"]["time"]), (FRIDAY, "10:30"))
        self.assertIn("09:00", self.clinic.list_free_slots(OSEI, WEDNESDAY)["data"])

    def test_us006_ac2_cutoff_boundary(self) -> None:
        self.clock.now = datetime(2024, 5, 7, 9, 1)
        self.assertFailure(self.clinic.reschedule_appointment(
            self.appointment_id, FRIDAY, "09:00"),
            "Changes and cancellations need at least 24 hours' notice.", "CUTOFF_PASSED")
        self.clock.now = datetime(2024, 5, 7, 9, 0)
        self.assertTrue(self.clinic.reschedule_appointment(
            self.appointment_id, FRIDAY, "09:00")["success"])

    def test_us006_ac3_target_slot_rules(self) -> None:
        self.book(RAVI, OSEI, WEDNESDAY, "10:00")
        self.assertFailure(self.clinic.reschedule_appointment(
            self.appointment_id, WEDNESDAY, "10:00"),
            "Dr Amara Osei is already booked at 10:00 on 2024-05-08.", "SLOT_TAKEN")
        self.assertFailure(self.clinic.reschedule_appointment(
            self.appointment_id, SATURDAY, "10:00"),
            "Dr Amara Osei does not see patients on Saturdays.", "NOT_WORKING_DAY")

    def test_us006_ac4_cancelled_or_unknown_appointment(self) -> None:
        self.clinic.cancel_appointment(self.appointment_id)
        self.assertFailure(self.clinic.reschedule_appointment(
            self.appointment_id, FRIDAY, "09:00"),
            "Appointment A0001 has already been cancelled.", "ALREADY_CANCELLED")
        self.assertFailure(self.clinic.reschedule_appointment("A0042", FRIDAY, "09:00"),
                           "Appointment A0042 not found.", "APPOINTMENT_NOT_FOUND")
        self.assertFailure(self.clinic.reschedule_appointment("", FRIDAY, "09:00"),
                           "Appointment ID is required.", "APPOINTMENT_ID_REQUIRED")


class TestUS007Cancel(ClinicTestCase):

    def setUp(self) -> None:
        super().setUp()
        self.seed()

    def test_us007_ac1_cancel_frees_slot(self) -> None:
        appointment_id = self.book(HANNAH, OSEI, WEDNESDAY, "09:00")
        result = self.clinic.cancel_appointment(appointment_id)
        self.assertSuccess(result, "Appointment A0001 cancelled.")
        self.assertEqual(result["data"], {"appointment_id": "A0001", "status": "Cancelled",
                                          "offered_to": None})
        self.assertIn("09:00", self.clinic.list_free_slots(OSEI, WEDNESDAY)["data"])

    def test_us007_ac2_cutoff(self) -> None:
        appointment_id = self.book(HANNAH, OSEI, WEDNESDAY, "09:00")
        self.clock.now = datetime(2024, 5, 7, 9, 30)
        self.assertFailure(self.clinic.cancel_appointment(appointment_id),
                           "Changes and cancellations need at least 24 hours' notice.",
                           "CUTOFF_PASSED")
        schedule = self.clinic.get_day_schedule(OSEI, WEDNESDAY)["data"]
        self.assertEqual(schedule[0], ["09:00", "Booked", "Hannah Brooks", "A0001"])

    def test_us007_ac3_cancel_twice(self) -> None:
        appointment_id = self.book(HANNAH, OSEI, WEDNESDAY, "09:00")
        self.clinic.cancel_appointment(appointment_id)
        self.assertFailure(self.clinic.cancel_appointment(appointment_id),
                           "Appointment A0001 has already been cancelled.", "ALREADY_CANCELLED")

    def test_us007_ac4_slot_goes_to_waiting_list(self) -> None:
        first, _ = self.fill_novak_tuesday()
        self.clinic.join_waiting_list(CHLOE, NOVAK, TUESDAY)
        result = self.clinic.cancel_appointment(first)
        self.assertSuccess(result, "Appointment A0001 cancelled; Chloe Dubois from the "
                                   "waiting list gets the 11:00 slot.")
        self.assertEqual(result["data"]["offered_to"]["appointment_id"], "A0003")
        self.assertEqual(result["data"]["offered_to"]["patient_id"], CHLOE)
        schedule = self.clinic.get_day_schedule(NOVAK, TUESDAY)["data"]
        self.assertEqual(schedule[0], ["11:00", "Booked", "Chloe Dubois", "A0003"])
        rejoin = self.clinic.join_waiting_list(CHLOE, NOVAK, TUESDAY)  # she left the list
        self.assertEqual(rejoin["data"]["position"], 1)

    def test_us007_ac5_ineligible_waiting_patients_are_skipped(self) -> None:
        first, second = self.fill_novak_tuesday()
        for slot in ("09:00", "09:30", "10:00"):
            self.book(CHLOE, OSEI, WEDNESDAY, slot)
        self.clinic.join_waiting_list(CHLOE, NOVAK, TUESDAY)
        self.clinic.join_waiting_list(TOM, NOVAK, TUESDAY)
        result = self.clinic.cancel_appointment(first)
        self.assertSuccess(result, "Appointment A0001 cancelled; Tom Ortega from the "
                                   "waiting list gets the 11:00 slot.")
        nobody = self.clinic.cancel_appointment(second)
        self.assertSuccess(nobody, "Appointment A0002 cancelled.")
        self.assertIsNone(nobody["data"]["offered_to"])
        self.assertEqual(self.clinic.list_free_slots(NOVAK, TUESDAY)["data"], ["11:30"])
        self.assertFailure(self.clinic.join_waiting_list(CHLOE, NOVAK, TUESDAY),
                           "Chloe Dubois is already on the waiting list for Liam Novak "
                           "on 2024-05-07.", "ALREADY_WAITING")


class TestUS008WaitingList(ClinicTestCase):

    def setUp(self) -> None:
        super().setUp()
        self.seed()

    def test_us008_ac1_join_in_order(self) -> None:
        self.fill_novak_tuesday()
        result = self.clinic.join_waiting_list(CHLOE, NOVAK, TUESDAY)
        self.assertSuccess(result, "Chloe Dubois added to the waiting list for Liam Novak "
                                   "on 2024-05-07 (position 1).")
        self.assertEqual(result["data"], {"patient_id": CHLOE, "practitioner_id": NOVAK,
                                          "date": TUESDAY, "position": 1})
        second = self.clinic.join_waiting_list("p0004", "pr0002", TUESDAY)
        self.assertSuccess(second, "Tom Ortega added to the waiting list for Liam Novak "
                                   "on 2024-05-07 (position 2).")

    def test_us008_ac2_free_slots_left(self) -> None:
        self.book(HANNAH, NOVAK, TUESDAY, "11:00")
        self.assertFailure(self.clinic.join_waiting_list(CHLOE, NOVAK, TUESDAY),
                           "Liam Novak still has free slots on 2024-05-07. "
                           "Please book one of them.", "SLOTS_STILL_FREE")

    def test_us008_ac3_already_waiting(self) -> None:
        self.fill_novak_tuesday()
        self.clinic.join_waiting_list(CHLOE, NOVAK, TUESDAY)
        self.assertFailure(self.clinic.join_waiting_list(CHLOE, NOVAK, TUESDAY),
                           "Chloe Dubois is already on the waiting list for Liam Novak "
                           "on 2024-05-07.", "ALREADY_WAITING")

    def test_us008_ac4_list_capacity(self) -> None:
        self.fill_novak_tuesday()
        for patient_id in (CHLOE, TOM, MEI):
            self.assertTrue(self.clinic.join_waiting_list(patient_id, NOVAK, TUESDAY)["success"])
        self.assertFailure(self.clinic.join_waiting_list(ADA, NOVAK, TUESDAY),
                           "The waiting list for Liam Novak on 2024-05-07 is full.",
                           "WAITING_LIST_FULL")

    def test_us008_ac5_day_checks_and_unknown_patient(self) -> None:
        self.assertFailure(self.clinic.join_waiting_list(CHLOE, NOVAK, SATURDAY),
                           "Liam Novak does not see patients on Saturdays.", "NOT_WORKING_DAY")
        self.assertFailure(self.clinic.join_waiting_list("P0042", NOVAK, TUESDAY),
                           "Patient P0042 not found.", "PATIENT_NOT_FOUND")


class TestContract(ClinicTestCase):
    """Cross-cutting guarantees of the design (response shape, errors, locking)."""

    def test_us005_ac1_public_methods_never_raise(self) -> None:
        calls = [
            lambda: self.clinic.register_patient(None, None),
            lambda: self.clinic.add_practitioner(None, None, 42, None, None),
            lambda: self.clinic.list_practitioners(),
            lambda: self.clinic.get_day_schedule(None, None),
            lambda: self.clinic.list_free_slots(None, None),
            lambda: self.clinic.book_appointment(None, None, None, None),
            lambda: self.clinic.reschedule_appointment(None, None, None),
            lambda: self.clinic.cancel_appointment(None),
            lambda: self.clinic.join_waiting_list(None, None, None),
        ]
        for call in calls:
            result = call()
            self.assertEqual(set(result), {"success", "message", "data"})
            self.assertIsInstance(result["message"], str)

    def test_us005_ac1_broken_clock_reports_internal_error(self) -> None:
        def broken_clock() -> datetime:
            raise RuntimeError("clock unavailable")

        clinic = ClinicScheduler(clock=broken_clock)
        with self.assertLogs("clinic_booking_scheduler", level="ERROR"):
            result = clinic.register_patient("Hannah Brooks", "+44 7700 900123")
        self.assertFailure(result, "Something went wrong on our side. Please try again.",
                           "INTERNAL_ERROR")

    def test_us001_ac1_exception_hierarchy(self) -> None:
        for subclass in (InvalidInputError, RecordNotFoundError, BookingConflictError,
                         BookingRuleError):
            self.assertTrue(issubclass(subclass, ClinicBookingError))
        error = RecordNotFoundError.build("PATIENT_NOT_FOUND", patient_id="P0042")
        self.assertEqual((error.message, error.code),
                         ("Patient P0042 not found.", "PATIENT_NOT_FOUND"))

    def test_us005_ac2_concurrent_bookings_take_each_slot_once(self) -> None:
        self.seed()
        results: list[dict] = []
        patients = [HANNAH, RAVI, CHLOE, TOM, MEI, ADA]

        def attempt(patient_id: str) -> None:
            results.append(self.clinic.book_appointment(patient_id, OSEI, WEDNESDAY, "09:00"))

        threads = [threading.Thread(target=attempt, args=(patient_id,))
                   for patient_id in patients]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.assertEqual(sum(1 for result in results if result["success"]), 1)
        self.assertEqual(len(results), len(patients))


if __name__ == "__main__":
    unittest.main()
