"""Closed vocabularies of the record format (spec: "Vocabularies").

Keys stay English in files; the site and messages translate them. `role` and
`indications` are open to team extension in caseconf.yml, so they are plain tuples
checked against the team's vocabulary rather than enums.
"""

from __future__ import annotations

from enum import StrEnum


class Jurisdiction(StrEnum):
    cz = "cz"
    me = "me"


class Language(StrEnum):
    cs = "cs"
    sr_latn = "sr-Latn"
    en = "en"


class ConferenceKind(StrEnum):
    initial = "initial"
    review = "review"
    crisis = "crisis"
    preparatory = "preparatory"
    evaluation = "evaluation"


MEETING_KINDS = frozenset({ConferenceKind.initial, ConferenceKind.review, ConferenceKind.crisis})
EVALUATING_KINDS = frozenset({ConferenceKind.review, ConferenceKind.crisis, ConferenceKind.evaluation})
# What a funder report counts as "a conference": a meeting, with the family or with
# professionals only. An evaluation is no meeting and activities are not conferences: both
# are counted apart, so every figure of a report adds up to the same total.
COUNTED_AS_CONFERENCE = MEETING_KINDS | {ConferenceKind.preparatory}


class Output(StrEnum):
    """What a conference produced (a funder report counts each)."""

    plan = "plan"  # an action plan agreed with the family
    court_material = "court_material"  # material for the court (the conference before a petition)
    recommendation = "recommendation"  # a recommendation to the office without a plan
    other = "other"


class Audience(StrEnum):
    """Whom a workshop was for."""

    child_protection = "child_protection"  # OSPOD / CSR workers
    school = "school"
    health = "health"
    police_justice = "police_justice"
    ngo = "ngo"
    family = "family"
    other = "other"


class ActivityKind(StrEnum):
    workshop = "workshop"
    supervision = "supervision"


class Place(StrEnum):
    ospod_office = "ospod_office"
    csr_office = "csr_office"
    school = "school"
    ngo = "ngo"
    family_home = "family_home"
    health_facility = "health_facility"
    court = "court"
    other = "other"


class Attendance(StrEnum):
    present = "present"
    partial = "partial"
    excused = "excused"
    absent = "absent"


class ChildParticipation(StrEnum):
    present = "present"
    partial = "partial"
    represented = "represented"
    informed = "informed"
    not_informed = "not_informed"


class Frequency(StrEnum):
    weekly = "weekly"
    fortnightly = "fortnightly"
    monthly = "monthly"
    quarterly = "quarterly"
    as_needed = "as_needed"


class ActionStatus(StrEnum):
    open = "open"
    done = "done"
    partly_done = "partly_done"
    not_done = "not_done"
    cancelled = "cancelled"


class EvaluationResult(StrEnum):
    done = "done"
    partly_done = "partly_done"
    not_done = "not_done"
    cancelled = "cancelled"
    continued = "continued"


OPEN_STATES = frozenset({"open", "continued"})


class CaseStatus(StrEnum):
    open = "open"
    closed = "closed"


class ClosureReason(StrEnum):
    goals_met = "goals_met"
    transferred = "transferred"
    family_refused = "family_refused"
    moved_away = "moved_away"
    other = "other"


class Channel(StrEnum):
    phone = "phone"
    written_report = "written_report"
    case_conference = "case_conference"
    email = "email"
    meeting = "meeting"
    other = "other"


BASIS_BY_JURISDICTION: dict[str, tuple[str, ...]] = {
    "cz": ("court_petition", "other"),
    "me": ("level_1", "level_2"),
}
ALL_BASES: tuple[str, ...] = ("court_petition", "other", "level_1", "level_2")

ABSENCE_REASONS: tuple[str, ...] = ("no_response", "illness", "work", "refused", "late_invitation", "other")

ROLES_COMMON: tuple[str, ...] = (
    "mother", "father", "parent", "guardian", "foster_parent", "grandparent", "relative", "child",
    "support_person", "social_worker", "family_worker", "key_worker", "ngo_worker", "class_teacher",
    "school_counsellor", "school_head", "preschool_teacher", "paediatrician", "doctor", "psychologist",
    "psychiatrist", "therapist", "police", "probation_officer", "court_guardian", "lawyer",
    "interpreter", "facilitator", "facilitator_assistant", "head_of_service", "supervisor", "other",
)
ROLES_BY_JURISDICTION: dict[str, tuple[str, ...]] = {
    "cz": ("ospod_worker",) + ROLES_COMMON,
    "me": ("csr_worker",) + ROLES_COMMON,
}
ALL_ROLES: tuple[str, ...] = ("ospod_worker", "csr_worker") + ROLES_COMMON

INDICATIONS_COMMON: tuple[str, ...] = (
    "high_risk", "assessment", "coordination", "major_decision", "environment_change",
    "substitute_care_failing", "complex_case", "non_cooperation",
)
INDICATIONS_ME_ONLY: tuple[str, ...] = (
    "removal_from_family", "guardianship_or_foster_care", "no_suitable_placement",
    "juvenile_behaviour", "homelessness", "psychiatric_diagnosis",
)
INDICATIONS_BY_JURISDICTION: dict[str, tuple[str, ...]] = {
    "cz": INDICATIONS_COMMON + ("other",),
    "me": INDICATIONS_COMMON + INDICATIONS_ME_ONLY + ("other",),
}
ALL_INDICATIONS: tuple[str, ...] = INDICATIONS_COMMON + INDICATIONS_ME_ONLY + ("other",)

# Household roles that are family members rather than professionals: used to tell a
# professionals-only meeting from one with the family.
FAMILY_ROLES = frozenset({
    "mother", "father", "parent", "guardian", "foster_parent", "grandparent", "relative", "child",
    "support_person",
})
