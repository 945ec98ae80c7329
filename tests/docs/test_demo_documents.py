"""Every demo conference record gives each of its documents in PDF and DOCX, in cs and sr-Latn,
and what a reader needs is in the text: dates in the language's own format, roles in words,
the plan as measure – holder – deadline – indicator, no codes on the family's plan."""

from __future__ import annotations

import datetime as dt

import pytest
from babel.dates import format_date

from caseconf.records.vocab_labels import vocab_label

from .conftest import LANGS, flat

pytestmark = pytest.mark.slow
LOCALES = {"cs": "cs", "sr-Latn": "sr_Latn_ME"}
# what each language calls the parts a reader looks for (the test's own words, not the package's)
WORDS = {
    "cs": {"addressee": "Adresát", "signature": "Podpis", "plan_b": "Plán B", "you": "Co uděláte vy",
           "rights": "Práva", "confidential": "mlčenlivosti", "minutes": "minut", "if_not": "nepovede", "approval": "Schválení"},
    "sr-Latn": {"addressee": "Primalac", "signature": "Potpis", "plan_b": "Rezervni plan", "you": "Šta ćete uraditi vi",
                "rights": "Prava", "confidential": "povjerljivosti", "minutes": "minuta", "if_not": "ne uspije", "approval": "Odobravanje"},
}
CODES = ("ospod_worker", "family_worker", "class_teacher", "partly_done", "not_done", "next_review", "A1 ", "A2 ")


def role(person, lang: str) -> str:  # type: ignore[no-untyped-def]
    """How a participant's role reads: `other` is described by its title."""
    return person.title if person.role == "other" and person.title else vocab_label(person.role, lang)


def day(value: dt.date, lang: str) -> str:
    return flat(format_date(value, "long", locale=LOCALES[lang])).rstrip(".")


def both(made, key):  # type: ignore[no-untyped-def]
    item = made[key]
    return [("pdf", item.pdf), ("docx", item.docx)]


def _assert_all(texts, expected, where):  # type: ignore[no-untyped-def]
    for fmt, text in texts:
        for element in expected:
            assert _found(element, text), f"{where} {fmt}: missing {element!r}"


def _found(element: str, text: str) -> bool:
    # pdftotext joins a compound broken after its hyphen at a line end without the hyphen
    return flat(element) in text or flat(element).replace("-", "") in text.replace("-", "")


def test_every_demo_record_gives_its_documents(demo_repo, demo_documents) -> None:  # type: ignore[no-untyped-def]
    records = [doc for case in demo_repo.cases.values() for doc in case.conferences]
    assert len(records) >= 20
    made = {}
    for kind in ("invitation", "attendance", "minutes", "family-plan", "evaluation"):
        made.update(demo_documents.kind(kind))
    for doc in records:
        kinds = {kind for (path, kind, lang) in made if path == doc.path}
        assert "minutes" in kinds, doc.path
        if doc.model.kind.value != "evaluation":
            assert {"invitation", "attendance"} <= kinds, doc.path
        else:
            assert "evaluation" in kinds and "invitation" not in kinds, doc.path
        if doc.model.plan and doc.model.plan.actions:
            assert "family-plan" in kinds, doc.path
    for item in made.values():
        assert item.pdf and item.docx, (item.path, item.kind, item.lang)


@pytest.mark.parametrize("lang", LANGS)
def test_invitations_hold_what_an_invitee_needs(demo_repo, demo_documents, lang) -> None:  # type: ignore[no-untyped-def]
    demo_documents = demo_documents.kind("invitation")
    w = WORDS[lang]
    for case in demo_repo.cases.values():
        for doc in case.conferences:
            key = (doc.path, "invitation", lang)
            if key not in demo_documents:
                continue
            r = doc.model
            expected = [w["addressee"], w["rights"], day(r.date, lang)]
            if r.start and r.end:
                expected += [r.start, r.end, w["minutes"]]
            if r.goal:
                expected.append(r.goal)
            expected += [role(p, lang) for p in r.participants]
            if r.place:
                expected.append(vocab_label(r.place, lang) if r.place.value not in ("ospod_office",) else "")
            # one letter per invitee
            assert demo_documents[key].pages >= len(r.participants), doc.path
            _assert_all(both(demo_documents, key), [e for e in expected if e], key)


@pytest.mark.parametrize("lang", LANGS)
def test_attendance_sheets_list_every_participant_with_a_signature_column(demo_repo, demo_documents, lang) -> None:  # type: ignore[no-untyped-def]
    demo_documents = demo_documents.kind("attendance")
    for case in demo_repo.cases.values():
        office = demo_repo.config.offices
        for doc in case.conferences:
            key = (doc.path, "attendance", lang)
            if key not in demo_documents:
                continue
            expected = [WORDS[lang]["signature"], WORDS[lang]["confidential"], day(doc.model.date, lang)]
            for p in doc.model.participants:
                expected.append(role(p, lang))
                if p.org:
                    expected.append(office.get(p.org, p.org))
            _assert_all(both(demo_documents, key), expected, key)


@pytest.mark.parametrize("lang", LANGS)
def test_minutes_hold_attendance_plan_and_signatures(demo_repo, demo_documents, lang) -> None:  # type: ignore[no-untyped-def]
    demo_documents = demo_documents.kind("minutes")
    for case in demo_repo.cases.values():
        for doc in case.conferences:
            r = doc.model
            key = (doc.path, "minutes", lang)
            expected = [day(r.date, lang), WORDS[lang]["approval"], *r.conclusions]
            if r.goal:
                expected.append(r.goal)
            if r.roles and r.roles.convener:
                expected.append(vocab_label(r.roles.convener.role, lang))
            for p in r.participants:
                expected.append(role(p, lang))
            if r.plan:
                for a in r.plan.actions:
                    expected += [a.do or "", a.indicator or "", day(a.due, lang) if a.due else ""]
                for b in r.plan.plan_b:
                    expected += [b.if_ or "", b.then or ""]
                    expected.append(WORDS[lang]["plan_b"])
                if r.plan.next_review:
                    expected.append(day(r.plan.next_review, lang))
                if r.plan.information_sharing and r.plan.information_sharing.how:
                    expected.append(r.plan.information_sharing.how)
            for e in r.evaluation:
                expected.append(vocab_label(e.result, lang))
                if e.note:
                    expected.append(e.note)
            _assert_all(both(demo_documents, key), [e for e in expected if e], key)


@pytest.mark.parametrize("lang", LANGS)
def test_family_plans_speak_plainly(demo_repo, demo_documents, lang) -> None:  # type: ignore[no-untyped-def]
    demo_documents = demo_documents.kind("family-plan")
    for case in demo_repo.cases.values():
        refs = {m.ref for m in case.file.household} if case.file else set()
        for doc in case.conferences:
            key = (doc.path, "family-plan", lang)
            if key not in demo_documents:
                continue
            plan = doc.model.plan
            expected = [day(a.due, lang) for a in plan.actions if a.due]
            if plan.next_review:
                expected.append(day(plan.next_review, lang))
            if plan.plan_b:
                expected.append(WORDS[lang]["if_not"])
            owners = {a.owner for a in plan.actions}
            if owners & {m.ref for m in case.file.household if m.role in ("mother", "father", "parent")}:
                expected.append(WORDS[lang]["you"])
            for fmt, text in both(demo_documents, key):
                for element in expected:
                    assert _found(element, text), f"{key} {fmt}: missing {element!r}"
                for code in CODES:
                    assert code not in text, f"{key} {fmt}: a code or key {code!r} on the family's plan"
                assert case.id not in text, f"{key} {fmt}: the case code on the family's plan"
                for ref in refs:
                    assert f" {ref} " not in f" {text} ", f"{key} {fmt}: the reference {ref} instead of words"


@pytest.mark.parametrize("lang", LANGS)
def test_evaluations_give_each_result_and_the_conclusion(demo_repo, demo_documents, lang) -> None:  # type: ignore[no-untyped-def]
    demo_documents = demo_documents.kind("evaluation")
    seen = 0
    for case in demo_repo.cases.values():
        for doc in case.conferences:
            key = (doc.path, "evaluation", lang)
            if key not in demo_documents:
                continue
            seen += 1
            expected = list(doc.model.conclusions)
            for e in doc.model.evaluation:
                expected += [e.action, vocab_label(e.result, lang), e.note or ""]
            _assert_all(both(demo_documents, key), [e for e in expected if e], key)
    assert seen >= 5
