"""Words a person types are accepted in the team's language (and as keys)."""

from __future__ import annotations

import pytest

from caseconf.records.vocab import ALL_ROLES, ActivityKind, ConferenceKind
from caseconf.records.vocab_labels import vocab_key

from ..helpers import PROJECT, run_caseconf

KINDS = [k.value for k in ConferenceKind]


@pytest.mark.parametrize("typed,key", [
    ("úvodní", "initial"), ("Úvodní konference", "initial"), ("uvodni", "initial"), ("inicijalna", "initial"),
    ("initial", "initial"), ("následná", "review"), ("reviziona", "review"), ("krizová", "crisis"),
    ("přípravné", "preparatory"), ("vyhodnocení", "evaluation"), ("evaluacija", "evaluation"),
])
def test_conference_kinds_in_any_team_language(typed: str, key: str) -> None:
    assert vocab_key(typed, KINDS) == key


def test_unknown_or_ambiguous_words_are_refused() -> None:
    assert vocab_key("konference", KINDS) is None and vocab_key("xyz", KINDS) is None
    assert vocab_key("dílna", [k.value for k in ActivityKind]) == "workshop"
    assert vocab_key("pracovník SAS", ALL_ROLES) == "family_worker"


def test_new_conference_refuses_a_wrong_kind_in_czech(demo_copy) -> None:  # type: ignore[no-untyped-def]
    run = run_caseconf("new", "conference", "--case", "JI-2025-014", "--kind", "úvodníí", "--root", str(demo_copy))
    assert run.code == 2 and "není druh záznamu" in run.err and "úvodní" in run.err


def test_owner_filter_takes_the_role_label() -> None:
    by_label = run_caseconf("actions", "--as-of", "2026-05-01", "--owner", "pracovník SAS", "--format", "json",
                            cwd=PROJECT).json()["actions"]
    by_key = run_caseconf("actions", "--as-of", "2026-05-01", "--owner", "family_worker", "--format", "json",
                          cwd=PROJECT).json()["actions"]
    assert by_label == by_key and by_key
