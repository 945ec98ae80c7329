"""`caseconf doc KIND RECORD`: the conference's paperwork (PDF, DOCX or HTML) from its record.

The record is checked first: a record with errors, or with personal data in it or in its
case.yml, gives no document (exit 1 and the findings). Nothing is ever overwritten: every
target is checked before the first file is written, and each file is linked into place
atomically. WeasyPrint and docxtpl load only once the checks have passed.
"""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import CaseconfError, OperationFailed
from ..records.catalogue import msg
from ..records.findings import Finding
from ..records.i18n import LANGUAGES
from ..records.paths import relative_inside
from ..records.repository import Repository, case_id_of
from .common import resolve_root, root_option
from .output import echo

KINDS = ("invitation", "attendance", "minutes", "family-plan", "evaluation")  # = caseconf.docs.KINDS
FORMATS = ("pdf", "docx", "html")

MESSAGES: dict[str, dict[str, str]] = {
    "not_a_record": msg("{path}: not a conference record; give a file records/<case>/<date>-<kind>.md"),
    "no_such_record": msg("{path}: no such record"),
    "record_errors": msg("{path}: the record has errors, so no document is made; fix them (caseconf check {path}) and try again"),
    "personal_data": msg("{path}: the record or its case.yml holds personal data, so no document is made; anonymise it (caseconf pii)"),
    "exists": msg("{target} already exists and is never overwritten; delete or rename the old file, or choose another -o"),
    "needs_directory": msg("-o {target}: this makes {count} invitations; give a folder (or one addressee with --to)"),
    "no_meeting": msg("{path}: an evaluation is no meeting: it has no invitations or attendance sheet; choose a conference record"),
    "no_participants": msg("{path}: the record lists no participants to invite; fill in participants"),
    "no_invitee": msg("--to {to}: no such participant; give one of: {choices}"),
    "no_plan": msg("{path}: the record has no plan with actions, so there is no family plan; choose the record that set the plan"),
    "no_evaluation": msg("{path}: the record evaluates no action; choose an evaluation or a review record"),
    "written": msg("Written: {target}"),
}


def _msg(key: str, lang: str, **params: object) -> str:
    entry = MESSAGES[key]
    return (entry.get(lang) or entry["en"]).format(**params)


@click.command()
@click.argument("kind", type=click.Choice(KINDS))
@click.argument("record", type=click.Path(path_type=Path))
@click.option("--to", "to", default=None, metavar="REF|ROLE",
              help="Invitation for one participant only: a reference (M, D1) or a role (class_teacher).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="pdf", show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="The file to write, or a folder (several invitations). Default: the current folder.")
@click.option("--lang", type=click.Choice(LANGUAGES), default=None, help="Language of the document (default: the team's).")
@root_option
def doc(kind: str, record: Path, to: str | None, fmt: str, output: Path | None, lang: str | None,
        root: Path | None) -> int:
    """Make the paperwork of a conference from its RECORD: an invitation for each participant,
    the attendance sheet, the minutes for signature, the family's plan or the evaluation report.
    Templates: site_templates/doc/ of the team repository overrides the packaged ones."""
    root_dir = resolve_root(root)
    rel = relative_inside(root_dir, record)
    case_id = case_id_of(rel)
    repo = Repository.load(root_dir, case_ids=[case_id] if case_id else [], activities=False)
    ui = repo.lang
    if case_id is None or not rel.endswith(".md"):
        raise CaseconfError(_msg("not_a_record", ui, path=rel))
    case = repo.cases.get(case_id)
    loaded = next((d for d in case.documents if d.path == rel), None) if case else None
    if case is None or loaded is None:
        raise CaseconfError(_msg("no_such_record", ui, path=rel))
    _refuse_broken(repo, case_id, rel, ui)
    language = lang or repo.lang

    from .. import docs
    from ..docs.files import write_new

    try:
        made = docs.documents(kind, repo, case, loaded, lang=language, to=to)
    except docs.NotApplicable as exc:
        if exc.key == "no_invitee":
            choices = sorted({p.ref or p.role for p in loaded.model.participants})
            raise CaseconfError(_msg("no_invitee", ui, to=to, choices=", ".join(choices))) from None
        raise OperationFailed(_msg(exc.key, ui, path=rel)) from None
    stem = f"{case_id}_{loaded.model.date.isoformat()}_{kind}"
    targets = _targets(output, stem, [d.suffix for d in made], fmt, ui)
    for target in targets:
        if target.exists():
            raise OperationFailed(_msg("exists", ui, target=target))
    for document, target in zip(made, targets):
        data = docs.render(document, fmt, root_dir)
        try:
            write_new(target, data)
        except FileExistsError:
            raise OperationFailed(_msg("exists", ui, target=target)) from None
        except OSError as exc:
            raise OperationFailed(f"{target}: {exc.strerror}", "check the folder and free space") from None
        echo(_msg("written", ui, target=target))
    return 0


def _targets(output: Path | None, stem: str, suffixes: list[str], fmt: str, ui: str) -> list[Path]:
    names = [f"{stem}{'_' + s if s else ''}.{fmt}" for s in suffixes]
    if output is None:
        return [Path.cwd() / name for name in names]
    if output.is_dir() or (len(names) > 1 and not output.suffix):
        return [output / name for name in names]
    if len(names) > 1:
        raise CaseconfError(_msg("needs_directory", ui, target=output, count=len(names)))
    return [output]


def _refuse_broken(repo: Repository, case_id: str, rel: str, ui: str) -> None:
    """Errors in the record or its case.yml (loader and rules), then personal data: no document."""
    from ..rules.engine import run_rules

    case_yml = f"{repo.cases[case_id].folder}/case.yml"
    mine = {rel, case_yml}
    result = run_rules(repo, [case_id], activities=False)
    errors = [f for f in result.findings if f.severity == "error" and f.path in mine]
    if errors:
        _print(errors, ui)
        raise OperationFailed(_msg("record_errors", ui, path=rel))
    from ..pii import scan_files

    config = repo.config
    scanned = [p for p in (rel, case_yml) if (repo.root / p).is_file()]
    personal = [f for f in scan_files(repo.root, scanned, allow_words=config.pii_allow_words() if config else [],
                                      lang=ui) if f.severity == "error"]
    if personal:
        _print(personal, ui)
        raise OperationFailed(_msg("personal_data", ui, path=rel))


def _print(findings: list[Finding], lang: str) -> None:
    import sys

    lines = [finding.to_text(lang) for finding in sorted(findings, key=lambda f: f.sort_key())]
    sys.stderr.write("\n".join(lines) + "\n")
    sys.stderr.flush()


