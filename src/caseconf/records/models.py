"""Pydantic models of the record format (spec: record-format.md, version 1).

The models are strict about types and vocabularies and lenient about presence: what a
record must contain depends on its kind and the methodology, so completeness is judged
by the rules (with messages that cite the methodology), not by the schema. Unknown keys
are kept (`extra="allow"`) so the loader can report them with a "did you mean" hint.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationInfo, model_validator
from pydantic_core import PydanticCustomError

from . import vocab

RECORD_FORMAT = 1  # the record format this caseconf reads and writes (`format_version`; scaffold/migrate.py)
CASE_ID_PATTERN = r"^[A-Z]{2,6}-\d{4}-\d{3,4}$"
ACTION_ID_PATTERN = r"^A[1-9]\d*$"
TIME_PATTERN = r"^([01]?\d|2[0-3]):[0-5]\d$"
REF_PATTERN = r"^[A-Z][A-Z0-9]{0,4}$"


# The fields each model's file set, one frozen set per distinct combination (see Strict).
_FIELDS_SET: dict[frozenset[str], frozenset[str]] = {}


class Strict(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True, str_strip_whitespace=True,
                              use_enum_values=False, defer_build=True)

    def model_post_init(self, context: Any, /) -> None:
        # pydantic gives every instance a set of its own (some 380 bytes; a record has about
        # 25 models, a 10,000-case site build held 0.25 GB of them). Records do not change
        # after the load, so instances with the same fields share one frozen set.
        fields = frozenset(self.__pydantic_fields_set__)
        object.__setattr__(self, "__pydantic_fields_set__", _FIELDS_SET.setdefault(fields, fields))


def _vocabulary(field: str, allowed_key: str, everything: tuple[str, ...]):
    def check(value: str, info: ValidationInfo) -> str:
        allowed = (info.context or {}).get(allowed_key) or everything
        if value not in allowed:
            raise PydanticCustomError(
                "vocabulary", "{value!r} is not a known {field}",
                {"value": value, "field": field, "expected": sorted(allowed)})
        return value
    return AfterValidator(check)


Role = Annotated[str, _vocabulary("role", "roles", vocab.ALL_ROLES),
                 Field(json_schema_extra={"examples": list(vocab.ALL_ROLES)})]
Indication = Annotated[str, _vocabulary("indication", "indications", vocab.ALL_INDICATIONS),
                       Field(json_schema_extra={"examples": list(vocab.ALL_INDICATIONS)})]
Basis = Annotated[str, _vocabulary("basis", "bases", vocab.ALL_BASES),
                  Field(json_schema_extra={"enum": list(vocab.ALL_BASES)})]
ClockTime = Annotated[str, Field(pattern=TIME_PATTERN, description="clock time HH:MM")]
Text = Annotated[str, Field(min_length=1)]
Ref = Annotated[str, Field(pattern=REF_PATTERN, description="short reference such as M, F, D1")]


class Suppression(Strict):
    code: str
    reason: str | None = None


class CaseconfMeta(Strict):
    """Per-file settings: suppress one finding with a stated reason."""
    ignore: list[Suppression] = []


# ---------------------------------------------------------------- caseconf.yml
class Thresholds(Strict):
    followup_min_days: int = Field(90, ge=0)
    booking_max_days: int = Field(14, ge=0)
    invitation_min_days: int = Field(5, ge=0)
    duration_minutes: tuple[int, int] = (90, 120)
    evaluation_grace_days: int = Field(30, ge=0)
    crisis_invitation_min_days: int = Field(0, ge=0)  # a crisis meeting is called by phone
    family_tasks_max: int = Field(5, ge=1)  # the methodology's cap on the family's tasks in one plan


class Vocabulary(Strict):
    role: list[str] = []
    indications: list[str] = []


class PiiSettings(Strict):
    allow_words: list[str] = []  # institution or place words that are not people
    # Paths (glob, relative to the root) the default scan skips: a developer repository's
    # own test corpora and lexicons. Explicit paths and hooks still scan them.
    exclude: list[str] = []
    # published numbers of the team's offices (helplines are shipped with the guard): not personal
    public_numbers: list[str] = []


class EditorSettings(Strict):
    """The web form (Decap CMS, `admin/` of the built site): where it opens pull requests."""
    backend: Literal["github", "gitlab", "gitea", "test-repo", "git-gateway"] = "github"
    repo: str | None = None          # owner/name on the hosting
    branch: str = "main"
    local_backend: bool = False      # also talk to `npx decap-server` on this machine (testing)
    api_root: str | None = None      # self-hosted GitLab/Gitea/Forgejo: https://git.example.org/api/v1
    base_url: str | None = None      # OAuth: the hosting (GitLab, Gitea) or an OAuth proxy (GitHub)
    auth_endpoint: str | None = None  # OAuth path on base_url, e.g. login/oauth/authorize
    app_id: str | None = None        # OAuth application (client) id for PKCE (GitLab, Gitea)
    auth_type: Literal["pkce", "implicit"] | None = None


class TeamConfig(Strict):
    team: Text
    jurisdiction: vocab.Jurisdiction
    language: vocab.Language = vocab.Language.cs
    offices: dict[str, str] = {}
    thresholds: Thresholds = Thresholds()
    vocabulary: Vocabulary = Vocabulary()
    rules: dict[str, Literal["error", "warning", "info", "off"]] = {}
    min_cell: int = Field(3, ge=1)
    pii: PiiSettings = PiiSettings()
    editor: EditorSettings | None = None
    # The record format these files follow (`caseconf migrate` upgrades older ones) and the
    # git repository CI and pre-commit install caseconf from (HOSTING.md).
    format_version: int = Field(1, ge=1)  # at most RECORD_FORMAT (CFG005)
    caseconf_git: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _profile_defaults(cls, data: Any) -> Any:
        """The jurisdiction's profile fills every threshold the team did not set."""
        if not isinstance(data, dict) or data.get("jurisdiction") not in ("cz", "me"):
            return data
        team = data.get("thresholds")
        if team is None or isinstance(team, dict):
            from .profiles import load_profile

            data = {**data, "thresholds": {**load_profile(data["jurisdiction"]).threshold_values(), **(team or {})}}
        return data

    def profile(self):  # type: ignore[no-untyped-def]
        from .profiles import load_profile

        return load_profile(self.jurisdiction.value)

    def rule_levels(self) -> dict[str, str]:
        """Severity (or off) per code: the profile's, overridden by the team's `rules:`."""
        return {**self.profile().rule_levels(), **self.rules}

    def pii_allow_words(self) -> list[str]:
        """Words the personal-data scan never flags: the team and its offices are public
        bodies, not people, plus the configured allow list."""
        return [self.team, *self.offices.values(), *self.pii.allow_words, *self.pii.public_numbers]

    def validation_context(self) -> dict[str, Any]:
        j = self.jurisdiction.value
        return {
            "roles": set(vocab.ROLES_BY_JURISDICTION[j]) | set(self.vocabulary.role),
            "indications": set(vocab.INDICATIONS_BY_JURISDICTION[j]) | set(self.vocabulary.indications),
            "bases": set(vocab.BASIS_BY_JURISDICTION[j]),
        }


# ---------------------------------------------------------------- people
class OrgRole(Strict):
    role: Role
    org: str | None = None
    title: str | None = None
    independent: bool | None = None


class HouseholdMember(Strict):
    ref: Ref
    role: Role
    age: int | None = Field(None, ge=0, le=30)
    title: str | None = None


class Participant(Strict):
    ref: Ref | None = None
    role: Role
    org: str | None = None
    title: str | None = None
    supports: str | None = None
    independent: bool | None = None
    attendance: vocab.Attendance
    reason: str | None = None


# ---------------------------------------------------------------- case.yml
class Consent(Strict):
    data_sharing: dt.date | None = None


class CooperationAgreement(Strict):
    shared_information: str | None = None
    channels: list[vocab.Channel] = []
    frequency: vocab.Frequency | None = None
    responsible: str | None = None
    disagreements: str | None = None
    ends_when: str | None = None


class CaseFile(Strict):
    id: Annotated[str, Field(description="pseudonymous case code, e.g. JI-2025-014")]
    office: str
    opened: dt.date
    status: vocab.CaseStatus = vocab.CaseStatus.open
    closed: dt.date | None = None
    closure_reason: vocab.ClosureReason | None = None
    household: list[HouseholdMember] = []
    case_manager: OrgRole | None = None
    key_worker: OrgRole | None = None
    consent: Consent | None = None
    cooperation_agreement: CooperationAgreement | None = None
    caseconf: CaseconfMeta | None = None


# ---------------------------------------------------------------- conference record
class ConferenceRoles(Strict):
    initiator: OrgRole | None = None
    convener: OrgRole | None = None
    coordinator: OrgRole | None = None
    facilitator: OrgRole | None = None
    minutes: OrgRole | None = None


class CaseSummary(Strict):
    circulated: dt.date | None = None
    client_agreed: bool | None = None


class ChildSection(Strict):
    participation: vocab.ChildParticipation | None = None
    views: str | None = None


class Action(Strict):
    id: Annotated[str, Field(pattern=ACTION_ID_PATTERN)]
    do: str | None = None
    owner: str | None = None
    due: dt.date | None = None
    indicator: str | None = None
    status: vocab.ActionStatus = vocab.ActionStatus.open
    closed: dt.date | None = None
    # the owner was not at the meeting but took the task on afterwards, in writing
    # (the minutes went to them and they confirmed): PLAN004 accepts it
    accepted_in_writing: bool | None = None


class PlanB(Strict):
    if_: str | None = Field(None, alias="if")
    then: str | None = None


class PlanBTriggered(Strict):
    """A plan B of an earlier record whose condition came true, and what followed."""
    record: str | None = None  # the earlier record whose plan B it was, e.g. 2026-03-10-initial
    condition: str | None = None  # which `if:` came true (its words, shortened)
    date: dt.date | None = None  # when it came true
    applied: bool | None = None  # whether the agreed `then:` was carried out
    what_followed: str | None = None  # what was done instead or in addition


class InformationSharing(Strict):
    how: str | None = None
    frequency: vocab.Frequency | None = None


class Plan(Strict):
    actions: list[Action] = []
    plan_b: list[PlanB] = []
    information_sharing: InformationSharing | None = None
    case_manager: OrgRole | None = None
    core_group: list[str] = []
    next_review: dt.date | None = None


class EvaluationEntry(Strict):
    action: Annotated[str, Field(pattern=ACTION_ID_PATTERN)]
    result: vocab.EvaluationResult | None = None  # empty in a fresh scaffold; REV007 asks for it
    note: str | None = None
    due: dt.date | None = None


class MinutesInfo(Strict):
    circulated: dt.date | None = None
    approved_by: list[str] = []


class ConferenceRecord(Strict):
    case: str
    kind: vocab.ConferenceKind
    date: dt.date
    start: ClockTime | None = None
    end: ClockTime | None = None
    place: vocab.Place | None = None
    requested: dt.date | None = None
    invited: dt.date | None = None
    basis: Basis | None = None
    indications: list[Indication] = []
    goal: str | None = None
    roles: ConferenceRoles | None = None
    case_summary: CaseSummary | None = None
    participants: list[Participant] = []
    child: ChildSection | None = None
    client_informed_of_outcome: bool | None = None
    confidentiality_signed: bool | None = None
    needs: list[str] = []
    conclusions: list[str] = []
    plan: Plan | None = None
    evaluation: list[EvaluationEntry] = []
    plan_b_triggered: list[PlanBTriggered] = []
    feedback: str | None = None
    minutes: MinutesInfo | None = None
    outputs: list[vocab.Output] = []  # what the conference produced: plan, court_material, ...
    facilitation_hours: float | None = Field(None, ge=0, le=1000)  # preparation + meeting + minutes
    caseconf: CaseconfMeta | None = None


# ---------------------------------------------------------------- activity record
class ActivityRecord(Strict):
    kind: vocab.ActivityKind
    date: dt.date
    offices: list[str] = []
    case: str | None = None
    topic: str | None = None
    participants_count: int | None = Field(None, ge=0)
    audience: list[vocab.Audience] = []  # whom a workshop was for
    hours: float | None = Field(None, ge=0, le=1000)
    caseconf: CaseconfMeta | None = None


SCHEMAS: dict[str, type[BaseModel]] = {
    "config": TeamConfig,
    "case": CaseFile,
    "conference": ConferenceRecord,
    "activity": ActivityRecord,
}
