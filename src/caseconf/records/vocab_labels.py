"""How vocabulary values read in the team's language (site pages, the editor form, tables).

Keys stay English in files (spec: "Vocabularies"); an unknown key (a team's own vocabulary
extension) falls back to the key itself.
"""

from __future__ import annotations

from typing import Iterable

from .catalogue import msg

VOCAB_LABELS: dict[str, dict[str, str]] = {
    "initial": msg("Initial conference"),
    "review": msg("Review conference"),
    "crisis": msg("Crisis conference"),
    "preparatory": msg("Preparatory meeting"),
    "evaluation": msg("Evaluation"),
    "workshop": msg("Workshop"),
    "supervision": msg("Supervision"),
    "open": msg("open"),
    "continued": msg("continued"),
    "done": msg("done"),
    "partly_done": msg("partly done"),
    "not_done": msg("not done"),
    "cancelled": msg("cancelled"),
    "closed": msg("closed"),
    "planned": msg("planned"),
    "overdue": msg("overdue"),
    "present": msg("present"),
    "partial": msg("partial"),
    "excused": msg("excused"),
    "absent": msg("absent"),
    "represented": msg("represented"),
    "informed": msg("informed"),
    "not_informed": msg("not informed"),
    "ospod_office": msg("OSPOD office"),
    "csr_office": msg("social-work centre"),
    "school": msg("school"),
    "ngo": msg("NGO"),
    "family_home": msg("family home"),
    "health_facility": msg("health facility"),
    "court": msg("court"),
    "other": msg("other"),
    "court_petition": msg("before a court petition"),
    "level_1": msg("level 1 (social protection)"),
    "level_2": msg("level 2 (cross-system)"),
    "unspecified": msg("unspecified"),
    "high_risk": msg("high risk"),
    "assessment": msg("assessment"),
    "coordination": msg("coordination"),
    "major_decision": msg("major decision"),
    "environment_change": msg("change of environment"),
    "substitute_care_failing": msg("failing substitute care"),
    "complex_case": msg("complex case"),
    "non_cooperation": msg("non-cooperation"),
    "removal_from_family": msg("removal from family"),
    "guardianship_or_foster_care": msg("guardianship or foster care"),
    "no_suitable_placement": msg("no suitable placement"),
    "juvenile_behaviour": msg("juvenile behaviour"),
    "homelessness": msg("homelessness"),
    "psychiatric_diagnosis": msg("psychiatric diagnosis"),
    "mother": msg("mother"),
    "father": msg("father"),
    "parent": msg("parent"),
    "guardian": msg("guardian"),
    "foster_parent": msg("foster parent"),
    "grandparent": msg("grandparent"),
    "relative": msg("relative"),
    "child": msg("child"),
    "support_person": msg("support person"),
    "ospod_worker": msg("OSPOD worker"),
    "csr_worker": msg("CSR worker"),
    "social_worker": msg("social worker"),
    "family_worker": msg("family worker"),
    "key_worker": msg("key worker"),
    "ngo_worker": msg("NGO worker"),
    "class_teacher": msg("class teacher"),
    "school_counsellor": msg("school counsellor"),
    "school_head": msg("school head"),
    "preschool_teacher": msg("preschool teacher"),
    "paediatrician": msg("paediatrician"),
    "doctor": msg("doctor"),
    "psychologist": msg("psychologist"),
    "psychiatrist": msg("psychiatrist"),
    "therapist": msg("therapist"),
    "police": msg("police"),
    "probation_officer": msg("probation officer"),
    "court_guardian": msg("court guardian"),
    "lawyer": msg("lawyer"),
    "interpreter": msg("interpreter"),
    "facilitator": msg("facilitator"),
    "facilitator_assistant": msg("facilitator's assistant"),
    "head_of_service": msg("head of service"),
    "supervisor": msg("supervisor"),
    "initiator": msg("initiator"),
    "convener": msg("convener"),
    "coordinator": msg("coordinator"),
    "minutes": msg("minute-taker"),
    "weekly": msg("weekly"),
    "fortnightly": msg("fortnightly"),
    "monthly": msg("monthly"),
    "quarterly": msg("quarterly"),
    "as_needed": msg("as needed"),
    "goals_met": msg("goals met"),
    "transferred": msg("transferred"),
    "family_refused": msg("family refused"),
    "moved_away": msg("moved away"),
    "no_response": msg("no response"),
    "illness": msg("illness"),
    "work": msg("work"),
    "refused": msg("refused"),
    "late_invitation": msg("late invitation"),
    "error": msg("error"),
    "warning": msg("warning"),
    "info": msg("info"),
    "off": msg("switched off"),  # a code the profile or the team's `rules:` switches off (issue 22)
    "phone": msg("phone"),
    "written_report": msg("written report"),
    "case_conference": msg("case conference"),
    "email": msg("e-mail"),
    "meeting": msg("meeting"),
    # what a conference produced, and whom a workshop was for (funder figures)
    "plan": msg("plan with the family"),
    "court_material": msg("material for the court"),
    "recommendation": msg("recommendation to the office"),
    "child_protection": msg("child-protection workers"),
    "health": msg("health services"),
    "police_justice": msg("police and justice"),
    "family": msg("families"),
}


def vocab_label(value: object, lang: str) -> str:
    key = str(getattr(value, "value", value))
    entry = VOCAB_LABELS.get(key)
    return (entry.get(lang) or entry.get("en") or key) if entry else key


def _fold(text: str) -> str:
    """Case and accents do not matter when a person types a value (`Úvodní` = `uvodni`)."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def typed_names(key: str) -> set[str]:
    """What a person may type for `key`: the key, its label in any team language, and the
    label's first word when the label names a kind of conference (`úvodní`, `inicijalna`)."""
    names = {_fold(key), _fold(key.replace("_", " "))}
    entry = VOCAB_LABELS.get(key)
    if entry is not None:
        for lang in entry:
            label = _fold(entry[lang])
            names.add(label)
            if " " in label:
                names.add(label.split(" ", 1)[0])
    return names


def vocab_key(typed: str, choices: Iterable[str]) -> str | None:
    """The key among `choices` that `typed` names, or None (also when two keys would match)."""
    wanted = _fold(typed)
    matches = [key for key in choices if wanted in typed_names(key)]
    return matches[0] if len(matches) == 1 else None
