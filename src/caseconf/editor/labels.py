"""Words of the editor form in the team's language: field labels and vocabulary labels.

Keys are the record format's field names (spec: record-format.md). A field missing here
still appears in the form, labelled with its own name, so a model change never hides a
field; the generated-config test lists fields that lack a translation.
"""

from __future__ import annotations

from typing import Mapping

from ..records.catalogue import PluralMessage, msg, nmsg
from ..records.vocab_labels import VOCAB_LABELS

L = Mapping[str, str]


FIELDS: dict[str, dict[str, str]] = {
    # conference record
    "case": msg("Case"),
    "kind": msg("Kind"),
    "date": msg("Date"),
    "start": msg("Start (HH:MM)"),
    "end": msg("End (HH:MM)"),
    "place": msg("Place"),
    "requested": msg("Requested on"),
    "invited": msg("Invitations sent on"),
    "basis": msg("Basis", "caseconf.editor.labels:FIELDS[basis]"),
    "indications": msg("Indications"),
    "goal": msg("Goal", "caseconf.editor.labels:FIELDS[goal]"),
    "roles": msg("Roles at the conference"),
    "initiator": msg("Initiator"),
    "convener": msg("Convener"),
    "coordinator": msg("Coordinator"),
    "facilitator": msg("Facilitator", "caseconf.editor.labels:FIELDS[facilitator]"),
    "minutes": msg("Minutes"),
    "case_summary": msg("Case summary"),
    "circulated": msg("Circulated on"),
    "client_agreed": msg("Client agreed"),
    "participants": msg("Participants", "caseconf.editor.labels:FIELDS[participants]"),
    "ref": msg("Ref (M, F, D1)"),
    "role": msg("Role"),
    "org": msg("Organisation"),
    "title": msg("Title (for role other)"),
    "supports": msg("Supports (ref)"),
    "independent": msg("Independent"),
    "attendance": msg("Attendance"),
    "reason": msg("Reason for absence"),
    "child": msg("Child"),
    "participation": msg("Child participation", "caseconf.editor.labels:FIELDS[participation]"),
    "views": msg("Child's views", "caseconf.editor.labels:FIELDS[views]"),
    "client_informed_of_outcome": msg("Client informed of the outcome"),
    "confidentiality_signed": msg("Confidentiality signed"),
    "needs": msg("Needs"),
    "conclusions": msg("Conclusions"),
    "plan": msg("Plan", "caseconf.editor.labels:FIELDS[plan]"),
    "actions": msg("Actions"),
    "id": msg("Id (A1, A2 …)"),
    "do": msg("What"),
    "owner": msg("Owner", "caseconf.editor.labels:FIELDS[owner]"),
    "due": msg("Due"),
    "indicator": msg("Indicator"),
    "status": msg("Status"),
    "closed": msg("Closed on"),
    "plan_b": msg("Plan B", "caseconf.editor.labels:FIELDS[plan_b]"),
    "if": msg("If"),
    "then": msg("Then"),
    "information_sharing": msg("Information sharing"),
    "how": msg("How"),
    "frequency": msg("How often"),
    "case_manager": msg("Case manager", "caseconf.editor.labels:FIELDS[case_manager]"),
    "core_group": msg("Core group", "caseconf.editor.labels:FIELDS[core_group]"),
    "next_review": msg("Next review", "caseconf.editor.labels:FIELDS[next_review]"),
    "evaluation": msg("Evaluation of actions"),
    "action": msg("Action"),
    "result": msg("Result"),
    "note": msg("Note"),
    "feedback": msg("Feedback", "caseconf.editor.labels:FIELDS[feedback]"),
    "approved_by": msg("Approved by"),
    "caseconf": msg("Check exceptions"),
    "ignore": msg("Suppressed findings"),
    "code": msg("Rule code"),
    "body": msg("Minutes (anonymised text)"),
    # case.yml
    "office": msg("Office"),
    "opened": msg("Opened on"),
    "closure_reason": msg("Closure reason"),
    "household": msg("Household"),
    "age": msg("Age (years)"),
    "key_worker": msg("Key worker"),
    "consent": msg("Consent"),
    "data_sharing": msg("Data-sharing consent (date)"),
    "cooperation_agreement": msg("Cooperation agreement"),
    "shared_information": msg("Shared information"),
    "channels": msg("Channels"),
    "responsible": msg("Responsible"),
    "disagreements": msg("Disagreements"),
    "ends_when": msg("Ends when"),
    # activity
    "offices": msg("Offices"),
    "topic": msg("Topic"),
    "participants_count": msg("Number of participants"),
    "audience": msg("Audience"),
    "hours": msg("Hours", "caseconf.editor.labels:FIELDS[hours]"),
    # added to the record format later (plan B that came true, outputs, time spent)
    "accepted_in_writing": msg("Accepted in writing after the minutes"),
    "plan_b_triggered": msg("Plan B that came into force"),
    "record": msg("From record (date and kind)"),
    "condition": msg("What happened"),
    "applied": msg("The agreed step was taken"),
    "what_followed": msg("What followed"),
    "outputs": msg("Outputs of the conference"),
    "facilitation_hours": msg("Facilitation hours (preparation, meeting, minutes)"),
}

# Shared with the site, so a value reads the same in the form and on the pages.
VOCAB = VOCAB_LABELS

UI: dict[str, dict[str, str]] = {
    "conferences_of": msg("Records of case {case}"),
    "cases": msg("Cases (case.yml)"),
    "case_singular": msg("Case"),
    "record_singular": msg("Record"),
    "activities": msg("Workshops and supervisions"),
    "activity_singular": msg("Activity"),
    "case_description": msg("A new conference or evaluation record of case {case}. The evaluation starts from the actions open when the site was built: {open}."),
    "cases_description": msg("Edit the facts of existing cases. Start a new case with `caseconf new case --office CODE` (the editor cannot create a folder with an upper-case case id)."),
    "none": msg("none", "caseconf.editor.labels:UI[none]"),
    "next_id": msg("Action ids are unique across the case; used: {used}; next free: {next}."),
    "pattern_case": msg("a case id OFFICE-YEAR-SEQUENCE, e.g. JI-2025-014"),
    "pattern_action": msg("an action id A1, A2, …"),
    "pattern_time": msg("a time HH:MM, e.g. 13:00"),
    "pattern_ref": msg("a short upper-case ref: M, F, D1"),
    "pattern_text": msg("must not be empty"),
    "reason_hint": msg("Free text or one of: {options}."),
    "ref_list_hint": msg("Refs (M, F, D1) or roles."),
}


def pick(table: Mapping[str, Mapping[str, str]], key: str, lang: str, default: str | None = None) -> str:
    entry = table.get(key)
    if entry is None:
        return default if default is not None else key
    return entry.get(lang) or entry.get("en") or key


# Labels that depend on where a field sits: the same key means different things.
PATH_LABELS: dict[str, dict[str, str]] = {
    "roles.minutes": msg("Minute-taker"),
    "minutes": msg("Minutes: circulated and approved"),
    "caseconf.ignore.reason": msg("Why the check does not apply here"),
    "caseconf.ignore.code": msg("Check"),
    "participants.reason": msg("Reason for absence"),
    "evaluation.due": msg("New due date (if the action continues)"),
}

# Hints under the fields, written for the person filling in the form (not the checker's
# messages). A field without an entry has no hint.
HINTS: dict[str, dict[str, str]] = {
    "kind": msg("Initial, review or crisis conference, a preparatory meeting or an evaluation."),
    "date": msg("The day the meeting took place."),
    "start": msg("For example 13:00."),
    "end": msg("For example 14:30. A conference usually takes 90 to 120 minutes."),
    "goal": msg("In one sentence: what the meeting should bring the family and the child."),
    "requested": msg("When someone asked for the conference."),
    "invited": msg("When the invitations went out; people need them a few days ahead."),
    "participants": msg("Everyone invited: family by short ref (M, F, D1), professionals by role and organisation."),
    "participants.ref": msg("A family member's short ref, never a name: M, F, D1."),
    "participants.reason": msg("Why they did not come (e.g. illness); no names, no diagnoses."),
    "roles.convener": msg("Who called the conference. If you fill in the organisation, choose the role too."),
    "child.views": msg("What the child wants and thinks, in its words. No names, phone numbers or addresses."),
    "plan.actions": msg("Every action: what exactly, who and by when. Without them the record cannot be saved."),
    "plan.actions.do": msg("Concretely, what will be done."),
    "plan.actions.owner": msg("A family member's ref (M, F, D1) or the role of someone at the meeting."),
    "plan.actions.due": msg("By when; after the meeting."),
    "plan.actions.indicator": msg("How we will know it is done (e.g. the doctor's note handed over)."),
    "plan.plan_b": msg("What happens if the plan is not kept: 'if … then …'."),
    "plan.case_manager": msg("Who watches the plan between meetings."),
    "plan.next_review": msg("When the plan will be reviewed."),
    "evaluation": msg("Only for review and crisis conferences and evaluations: how each open action turned out."),
    "evaluation.result": msg("Done, partly done, not done, cancelled, or continued (then with a new due date)."),
    "caseconf.ignore": msg("Rarely: switch off a check that does not apply here, with an explanation for colleagues."),
    "body": msg("The minutes. People by ref and role only; no names, phone numbers, addresses or ID numbers."),
}

# Plural forms of list headings ("0 úkolů", "1 úkol", "3 úkoly"): catalogue entries with the
# language's CLDR plural rule; assets.page_data hands the browser one form per CLDR category.
PLURALS: dict[str, PluralMessage] = {
    'actions': nmsg('action', 'actions', "count", "editor list heading"),
    'participants': nmsg('participant', 'participants', "count", "editor list heading"),
    'evaluation': nmsg('evaluated action', 'evaluated actions', "count", "editor list heading"),
    'plan_b': nmsg('plan B', 'plan Bs', "count", "editor list heading"),
    'household': nmsg('household member', 'household members', "count", "editor list heading"),
    'ignore': nmsg('exception', 'exceptions', "count", "editor list heading"),
    'plan_b_triggered': nmsg('plan B in force', 'plan Bs in force', "count", "editor list heading"),
    'approved_by': nmsg('approved', 'approved', "count", "editor list heading"),
    'needs': nmsg('need', 'needs', "count", "editor list heading"),
    'conclusions': nmsg('conclusion', 'conclusions', "count", "editor list heading"),
    'core_group': nmsg('core-group member', 'core-group members', "count", "editor list heading"),
}

KIND_NAMES: dict[str, dict[str, str]] = {
    key: VOCAB_LABELS[key] for key in ("initial", "review", "crisis", "preparatory", "evaluation", "workshop",
                                       "supervision") if key in VOCAB_LABELS
}

UI.update({
    "refused": msg("The record was not saved: please correct these places."),
    # warnings (PLAN004 …) do not stop the save, but are shown before the team moves on
    "saved_with_notes": msg("The record was saved. Please look at these notes:"),
    "line": msg("line"),
    "required_field": msg("Please fill in “{label}”."),
    "not_saved_yet": msg("Not saved yet"),
    "optional": msg("optional"),
    "required_legend": msg("Fields with an asterisk (*) are required."),
    "required_if_filled": msg("required once you fill in this part"),
})
