"""Headless Chromium against the built site with Decap's local backend (decap-server in
git mode): a record filled in the browser lands on a draft branch of the team repository
and passes `caseconf check`; a form with an action without owner refuses to save."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import CASE_ID, git

pytestmark = [pytest.mark.browser, pytest.mark.slow]

COLLECTION = f"records-{CASE_ID.lower()}"
RECORD = f"records/{CASE_ID}/2025-03-04-initial.md"


class Form:
    """Fill Decap fields by their model path (ids are `<name>-field-<n>`)."""

    def __init__(self, page) -> None:
        self.page = page

    def _css(self, path: str) -> str:
        parts = path.split(".")
        return " ".join(f'[id^="{part}-field-"]' for part in parts)

    def control(self, path: str, nth: int = 0):
        return self.page.locator(self._css(path)).nth(nth)

    def text(self, path: str, value: str, nth: int = 0) -> None:
        self.control(path, nth).fill(value)

    def date(self, path: str, value: str, nth: int = 0) -> None:
        self.control(path, nth).fill(value)

    def select(self, path: str, value: str, nth: int = 0) -> None:
        box = self.control(path, nth)
        box.click()
        box.fill(value)
        self.page.keyboard.press("Enter")

    def add(self, list_name: str) -> None:
        """The list's own "Přidat" (add) button."""
        container = self.page.locator(f'[id^="{list_name}-field-"]').first
        container.locator("button", has_text="Přidat").first.click()


def open_new_record(browser, site_url: str):
    page = browser.new_page(viewport={"width": 1300, "height": 1000}, locale="cs-CZ")
    page.goto(f"{site_url}/admin/index.html")
    page.get_by_role("button", name="Přihlásit").click()  # local backend: no password
    page.get_by_text("Kolekce").wait_for()
    page.goto(f"{site_url}/admin/index.html#/collections/{COLLECTION}/new")
    page.locator('[id^="kind-field-"]').wait_for()
    return page


def fill_initial_conference(form: Form, *, second_owner: str | None) -> None:
    form.select("kind", "initial")
    form.date("date", "2025-03-04")
    form.text("start", "13:00")
    form.text("end", "14:45")
    form.select("place", "ospod_office")
    form.date("requested", "2025-02-21")
    form.date("invited", "2025-02-24")
    form.select("basis", "court_petition")
    form.select("indications", "high_risk")
    form.text("goal", "Dohodnout, jak může D1 bezpečně zůstat doma.")
    form.select("convener.role", "ospod_worker")
    form.text("convener.org", "JI")
    form.select("facilitator.role", "facilitator")
    form.select("minutes.role", "facilitator_assistant")
    form.add("participants")
    form.text("participants.ref", "M", 0)
    form.select("participants.role", "mother", 0)
    form.select("participants.attendance", "present", 0)
    form.add("participants")
    form.select("participants.role", "ospod_worker", 1)
    form.text("participants.org", "JI", 1)
    form.select("participants.attendance", "present", 1)
    form.select("child.participation", "represented")
    form.add("actions")
    form.text("actions.id", "A1", 0)
    form.text("actions.do", "M objedná D1 na preventivní prohlídku a doprovodí ho.", 0)
    form.text("actions.owner", "M", 0)
    form.date("actions.due", "2025-04-15", 0)
    form.text("actions.indicator", "zpráva pediatra předaná pracovnici OSPOD", 0)
    form.add("actions")
    form.text("actions.id", "A2", 1)
    form.text("actions.do", "Pracovnice OSPOD domluví schůzku se školou.", 1)
    if second_owner is not None:
        form.text("actions.owner", second_owner, 1)
    form.date("actions.due", "2025-05-01", 1)
    form.date("next_review", "2025-06-10")


def save(page) -> None:
    page.get_by_role("button", name="Uložit", exact=True).first.click()


def draft_branches(team: Path) -> list[str]:
    return [b.strip(" *") for b in git(team, "branch", "--list", "cms/*").splitlines() if b.strip()]


def caseconf_check(root: Path, *paths: str) -> tuple[int, list[dict]]:
    proc = subprocess.run([sys.executable, "-m", "caseconf", "check", "--root", str(root), "--format", "json", *paths],
                          capture_output=True, text=True, cwd=root,
                          env={"CASECONF_LANG": "en", "PATH": "/usr/bin:/bin"})
    assert proc.returncode in (0, 1), proc.stderr
    return proc.returncode, json.loads(proc.stdout)["findings"]


def test_new_initial_conference_becomes_a_draft_branch_that_passes_check(browser, site_url, decap_server, team,
                                                                        tmp_path) -> None:
    page = open_new_record(browser, site_url)
    try:
        fill_initial_conference(Form(page), second_owner="ospod_worker")
        save(page)
        page.wait_for_url(f"**/entries/**", timeout=20000)
        page.wait_for_timeout(500)
    except Exception:
        page.screenshot(path=str(tmp_path / "failure.png"), full_page=True)
        raise
    finally:
        page.close()
    branches = draft_branches(team)
    assert branches == [f"cms/{COLLECTION}/2025-03-04-initial"], branches
    # The draft is a branch (the pull request of a hosted backend); main is untouched.
    assert not (team / RECORD).exists()
    text = git(team, "show", f"{branches[0]}:{RECORD}")
    checkout = tmp_path / "checkout"
    git(team, "worktree", "add", "-q", str(checkout), branches[0])
    assert (checkout / RECORD).read_text(encoding="utf-8") == text
    code, findings = caseconf_check(checkout, RECORD)
    errors = [f for f in findings if f["severity"] == "error"]
    assert code == 0 and not errors, f"{text}\n{json.dumps(findings, indent=1, ensure_ascii=False)}"
    assert "owner: M" in text and "id: A2" in text and "kind: initial" in text
    assert f"case: {CASE_ID}" in text and "date: 2025-03-04" in text
    # a new file reads like a hand-written one: the model's key order, times quoted
    assert text.startswith(f"---\ncase: {CASE_ID}\nkind: initial\ndate: 2025-03-04\nstart: \"13:00\"\n"), text
    # What CI runs on the pull request of this branch (the pipeline `caseconf init` writes),
    # step by step, in the branch's checkout: it passes.
    from .test_git_mode import check_steps

    for command in check_steps():
        proc = subprocess.run([sys.executable, "-m", *command.split()], cwd=checkout, capture_output=True,
                              text=True, env={"CASECONF_LANG": "en", "PATH": "/usr/bin:/bin"})
        assert proc.returncode == 0, f"{command}: {proc.stdout[-2000:]}{proc.stderr[-2000:]}"


def fill_preparatory_meeting(form: Form, date: str) -> None:
    """What a preparatory meeting's record needs to pass the check: a goal, who convened it
    (CONF008) and who took part (CONF013)."""
    form.select("kind", "preparatory")
    form.date("date", date)
    form.text("goal", "Připravit M na první konferenci.")
    form.select("convener.role", "ospod_worker")
    form.text("convener.org", "HB")
    form.add("participants")
    form.select("participants.role", "ospod_worker", 0)
    form.text("participants.org", "HB", 0)
    form.select("participants.attendance", "present", 0)


def refused(page, team: Path, tmp_path: Path, code: str) -> str:
    """The form refused the save: the finding is shown next to its field, nothing reached git."""
    note = page.locator(f'.caseconf-finding[data-code="{code}"]').first
    try:
        note.wait_for(timeout=15000)
    except Exception:
        page.screenshot(path=str(tmp_path / "failure.png"), full_page=True)
        raise
    page.wait_for_timeout(1500)  # a save that got through would have made its branch by now
    assert draft_branches(team) == []
    assert git(team, "status", "--porcelain") == ""
    return note.inner_text()


def test_order_trap_plan_b_and_core_group_after_the_actions_do_not_let_a_missing_due_through(
        browser, site_url, decap_server, team, tmp_path) -> None:
    page = open_new_record(browser, site_url)
    try:
        form = Form(page)
        fill_initial_conference(form, second_owner="ospod_worker")
        form.control("actions.due", 1).fill("")  # the second action loses its deadline
        # the normal top-to-bottom order: plan B and the core group after the actions
        form.add("plan_b")
        form.text("plan_b.if", "M nepřijde na prohlídku", 0)
        form.text("plan_b.then", "pracovnice OSPOD ji do týdne navštíví", 0)
        form.add("core_group")
        form.text("core_group.item", "M", 0)
        save(page)
        text = refused(page, team, tmp_path, "PLAN002")
        assert "A2" in text and "PLAN002" in text
    finally:
        page.close()


def test_an_organisation_without_a_role_is_refused_next_to_the_role(browser, site_url, decap_server, team,
                                                                       tmp_path) -> None:
    page = open_new_record(browser, site_url)
    try:
        form = Form(page)
        fill_initial_conference(form, second_owner="ospod_worker")
        form.text("initiator.org", "TR")  # roles.initiator: organisation, no role
        save(page)
        refused(page, team, tmp_path, "SCHEMA001")
        # shown at the initiator's role, inside the initiator's part of the form
        initiator = page.locator('[id^="initiator-field-"]').first
        assert initiator.locator('.caseconf-finding[data-code="SCHEMA001"]').count() >= 1 or \
            page.locator('[id^="initiator-field-"] ~ .caseconf-finding, [id^="role-field-"] + .caseconf-finding').count()
    finally:
        page.close()


def test_personal_data_in_the_childs_views_is_refused_before_anything_is_written(browser, site_url, decap_server,
                                                                                  team, tmp_path) -> None:
    from faker import Faker

    fake = Faker("cs_CZ")
    Faker.seed(17)
    name = fake.first_name_female()
    page = open_new_record(browser, site_url)
    try:
        form = Form(page)
        fill_initial_conference(form, second_owner="ospod_worker")
        form.text("child.views", f"D1 chce bydlet u babičky. Paní {name} říká, že volat jí můžete na +420 603 123 456.")
        save(page)
        refused(page, team, tmp_path, "PII003")
        assert page.locator('.caseconf-finding[data-code="PII008"], #caseconf-findings :text("PII008")').count() >= 1
        # the value itself is never echoed back
        assert "603 123 456" not in page.locator("#caseconf-findings").inner_text()
    finally:
        page.close()


def test_a_preparatory_meeting_saves_without_evaluating_actions(browser, site_url, decap_server, team,
                                                                tmp_path) -> None:
    """In a case with open actions the form pre-fills the evaluation list; a kind that does
    not evaluate actions saves without it (nobody is asked for results)."""
    case = "HB-2026-015"
    page = browser.new_page(viewport={"width": 1300, "height": 1000}, locale="cs-CZ")
    try:
        page.goto(f"{site_url}/admin/index.html")
        page.get_by_role("button", name="Přihlásit").click()
        page.get_by_text("Kolekce").wait_for()
        page.goto(f"{site_url}/admin/index.html#/collections/records-{case.lower()}/new")
        page.locator('[id^="kind-field-"]').wait_for()
        form = Form(page)
        assert page.locator('[id^="evaluation-field-"] [id^="action-field-"]').count() >= 1  # pre-filled
        # a person's words: plurals by CLDR, required fields marked, no masculine "volitelný", no UTC
        page.get_by_text("0 úkolů").first.wait_for(timeout=10000)
        body = page.locator("body").inner_text()
        assert "0 úkoly" not in body and "volitelný" not in body.lower() and "UTC" not in body
        assert "nepovinné" in body.lower() and "Druh *".lower() in body.lower()
        assert "změny uloženy" not in body.lower()
        fill_preparatory_meeting(form, "2027-01-12")
        save(page)
        page.wait_for_url("**/entries/**", timeout=20000)
        page.wait_for_timeout(500)
    except Exception:
        page.screenshot(path=str(tmp_path / "failure.png"), full_page=True)
        raise
    finally:
        page.close()
    branch = f"cms/records-{case.lower()}/2027-01-12-preparatory"
    assert draft_branches(team) == [branch]
    text = git(team, "show", f"{branch}:records/{case}/2027-01-12-preparatory.md")
    assert "evaluation" not in text and "kind: preparatory" in text


def test_editing_one_field_of_a_demo_record_changes_only_that_line(browser, site_url, decap_server, team,
                                                                   tmp_path) -> None:
    case, slug = "HB-2026-015", "2026-10-13-review"
    rel = f"records/{case}/{slug}.md"
    page = browser.new_page(viewport={"width": 1300, "height": 1000}, locale="cs-CZ")
    try:
        page.goto(f"{site_url}/admin/index.html")
        page.get_by_role("button", name="Přihlásit").click()
        page.get_by_text("Kolekce").wait_for()
        # the list names kinds in the team's language and dates as the team writes them
        page.goto(f"{site_url}/admin/index.html#/collections/records-{case.lower()}")
        page.get_by_text("Následná konference").first.wait_for(timeout=15000)
        assert page.get_by_text("13. 10. 2026").count() >= 1
        page.goto(f"{site_url}/admin/index.html#/collections/records-{case.lower()}/entries/{slug}")
        goal = page.locator('[id^="goal-field-"]').first
        goal.wait_for()
        # list headings with the right plural, no "UTC" beside the dates
        body = page.locator("body").inner_text()
        assert "UTC" not in body
        goal.fill("Zhodnotit bezpečnost M a dětí po třech měsících.")
        save(page)
        page.wait_for_timeout(3000)
    except Exception:
        page.screenshot(path=str(tmp_path / "failure.png"), full_page=True)
        raise
    finally:
        page.close()
    branch = f"cms/records-{case.lower()}/{slug}"
    assert draft_branches(team) == [branch]
    diff = git(team, "diff", "--unified=0", "main", branch, "--", rel)
    changed = [line for line in diff.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert changed == [
        '-goal: "Zhodnotit bezpečnost M a dětí po třech měsících a domluvit další kroky včetně úpravy péče o děti."',
        '+goal: "Zhodnotit bezpečnost M a dětí po třech měsících."'], diff


def test_an_action_without_owner_is_refused(browser, site_url, decap_server, team, tmp_path) -> None:
    page = open_new_record(browser, site_url)
    try:
        fill_initial_conference(Form(page), second_owner=None)
        save(page)
        # Decap's own refusal, in a person's words (not "Kdo * je povinný.")
        page.get_by_text("Vyplňte, prosím, pole „Kdo“.").first.wait_for(timeout=10000)
        page.wait_for_timeout(1500)
    except Exception:
        page.screenshot(path=str(tmp_path / "failure.png"), full_page=True)
        raise
    finally:
        page.close()
    assert draft_branches(team) == []
    assert git(team, "status", "--porcelain") == ""


def test_editing_a_case_file_keeps_its_nulls_and_changes_one_line(browser, site_url, decap_server, team,
                                                                   tmp_path) -> None:
    case = "HB-2026-015"
    rel = f"records/{case}/case.yml"
    page = browser.new_page(viewport={"width": 1300, "height": 1000}, locale="cs-CZ")
    try:
        page.goto(f"{site_url}/admin/index.html")
        page.get_by_role("button", name="Přihlásit").click()
        page.get_by_text("Kolekce").wait_for()
        page.goto(f"{site_url}/admin/index.html#/collections/cases/entries/{case}/case")
        field = page.locator('[id^="key_worker-field-"] [id^="org-field-"]').first
        field.wait_for()
        field.fill("poradna pro rodinu")
        save(page)
        page.wait_for_timeout(3000)
    except Exception:
        page.screenshot(path=str(tmp_path / "failure.png"), full_page=True)
        raise
    finally:
        page.close()
    (branch,) = draft_branches(team)
    diff = git(team, "diff", "--unified=0", "main", branch, "--", rel)
    changed = [line for line in diff.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert changed == ['-key_worker: {role: ngo_worker, org: "intervenční centrum"}',
                       '+key_worker: {role: ngo_worker, org: "poradna pro rodinu"}'], diff
    assert "closed: null" in git(team, "show", f"{branch}:{rel}")


def test_a_date_of_birth_in_the_childs_views_is_refused_before_anything_is_written(browser, site_url, decap_server,
                                                                                   team, tmp_path) -> None:
    """PII006 is judged in the form too, not only on the pull request (issue 17)."""
    page = open_new_record(browser, site_url)
    try:
        form = Form(page)
        fill_initial_conference(form, second_owner="ospod_worker")
        form.text("child.views", "D1 (nar. 14. 6. 2016) chce bydlet u babičky.")
        save(page)
        refused(page, team, tmp_path, "PII006")
        assert "14. 6. 2016" not in page.locator("#caseconf-findings").inner_text()
    finally:
        page.close()


def test_an_action_id_another_record_of_the_case_uses_is_refused(browser, site_url, decap_server, team,
                                                                 tmp_path) -> None:
    """CASE005 in the form: the review renumbers its first action to A2, which the initial
    conference of the same case already uses; the save is refused, nothing reaches git."""
    case, slug = "HB-2026-015", "2026-10-13-review"
    page = browser.new_page(viewport={"width": 1300, "height": 1000}, locale="cs-CZ")
    try:
        page.goto(f"{site_url}/admin/index.html")
        page.get_by_role("button", name="Přihlásit").click()
        page.get_by_text("Kolekce").wait_for()
        page.goto(f"{site_url}/admin/index.html#/collections/records-{case.lower()}/entries/{slug}")
        form = Form(page)
        form.control("actions.id", 0).wait_for()
        form.text("actions.id", "A2", 0)
        save(page)
    except Exception:
        page.screenshot(path=str(tmp_path / "failure.png"), full_page=True)
        raise
    text = refused(page, team, tmp_path, "CASE005")
    page.close()
    assert "2026-07-07-initial.md" in text


def test_an_owner_who_was_not_at_the_meeting_is_a_warning_shown_at_save(browser, site_url, decap_server, team,
                                                                       tmp_path) -> None:
    """PLAN004 is a warning: the save goes through, and the note stands beside the owner."""
    page = open_new_record(browser, site_url)
    try:
        fill_initial_conference(Form(page), second_owner="school")
        save(page)
        page.locator('.caseconf-finding[data-code="PLAN004"]').first.wait_for(timeout=15000)
        assert "uložil" in page.locator("#caseconf-findings").inner_text()
        page.wait_for_timeout(3000)
    except Exception:
        page.screenshot(path=str(tmp_path / "failure.png"), full_page=True)
        raise
    finally:
        page.close()
    assert draft_branches(team) == [f"cms/{COLLECTION}/2025-03-04-initial"]


def test_dates_are_shown_and_typed_as_the_team_writes_them_in_an_english_browser(browser, site_url, decap_server,
                                                                                  team, tmp_path) -> None:
    """A Czech team in a browser set to US English: the form shows `13. 10. 2026` (CLDR's
    Czech pattern), reads `3. 2. 2027` typed the Czech way, and the file gets ISO dates."""
    case, existing = "HB-2026-015", "2026-10-13-review"
    page = browser.new_page(viewport={"width": 1300, "height": 1000}, locale="en-US", timezone_id="America/New_York")
    try:
        page.goto(f"{site_url}/admin/index.html")
        page.get_by_role("button", name="Přihlásit").click()
        page.get_by_text("Kolekce").wait_for()
        page.goto(f"{site_url}/admin/index.html#/collections/records-{case.lower()}/entries/{existing}")
        date = page.locator('[id^="date-field-"]').first
        date.wait_for()
        assert date.input_value() == "13. 10. 2026"
        assert "10/13/2026" not in page.locator("body").inner_text()
        page.goto(f"{site_url}/admin/index.html#/collections/records-{case.lower()}/new")
        page.locator('[id^="kind-field-"]').wait_for()
        form = Form(page)
        assert form.control("date").get_attribute("placeholder") == "13. 10. 2026"
        fill_preparatory_meeting(form, "3. 2. 2027")  # typed the Czech way
        save(page)
        page.wait_for_url("**/entries/**", timeout=20000)
        page.wait_for_timeout(500)
        assert page.locator('[id^="date-field-"]').first.input_value() == "3. 2. 2027"
    except Exception:
        page.screenshot(path=str(tmp_path / "failure.png"), full_page=True)
        raise
    finally:
        page.close()
    branch = f"cms/records-{case.lower()}/2027-02-03-preparatory"
    assert draft_branches(team) == [branch]
    text = git(team, "show", f"{branch}:records/{case}/2027-02-03-preparatory.md")
    assert "date: 2027-02-03\n" in text


def test_a_new_workshop_is_named_and_filed_by_its_own_date(browser, site_url, decap_server, team, tmp_path) -> None:
    """The activity's file name comes from its own date and kind (FILE012-014 by
    construction), typed the team's way, and its folder from its own year (FILE015), not
    the year of writing: a workshop of 1 January of last year, entered today in a browser
    in Prague (where local midnight of 1 January is still the year before in UTC), lands in
    records/activities/<last year>/ and `caseconf check` finds nothing."""
    import datetime as dt

    year = dt.date.today().year - 1
    page = browser.new_page(viewport={"width": 1300, "height": 1000}, locale="cs-CZ", timezone_id="Europe/Prague")
    try:
        page.goto(f"{site_url}/admin/index.html")
        page.get_by_role("button", name="Přihlásit").click()
        page.get_by_text("Kolekce").wait_for()
        page.goto(f"{site_url}/admin/index.html#/collections/activities/new")
        page.locator('[id^="kind-field-"]').wait_for()
        form = Form(page)
        form.select("kind", "workshop")
        form.date("date", f"1. 1. {year}")
        form.text("topic", "Plán, který se dá vyhodnotit")
        save(page)
        page.wait_for_url("**/entries/**", timeout=20000)
        page.wait_for_timeout(500)
    except Exception:
        page.screenshot(path=str(tmp_path / "failure.png"), full_page=True)
        raise
    finally:
        page.close()
    (branch,) = draft_branches(team)
    path = f"records/activities/{year}/{year}-01-01-workshop.md"
    files = git(team, "diff", "--name-only", f"HEAD...{branch}").split()
    assert files == [path], files
    text = git(team, "show", f"{branch}:{path}")
    assert "__caseconf" not in text and f"date: {year}-01-01\n" in text  # the form's bookkeeping is never written
    checkout = tmp_path / "checkout"
    git(team, "worktree", "add", "-q", str(checkout), branch)
    code, findings = caseconf_check(checkout, path)
    assert [f for f in findings if f["path"] == path] == [], findings
