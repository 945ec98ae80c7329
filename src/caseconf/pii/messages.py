"""Localised messages (cs, sr-Latn, en). Messages carry masked excerpts only."""

from __future__ import annotations

from ..records.catalogue import msg as catalogue_msg

LANGS = ("cs", "sr-Latn", "en")

class _KindLabels(dict):  # type: ignore[type-arg]
    """{lang: {kind: label}}, read from the detector registry when first needed."""

    def __missing__(self, lang: str) -> dict[str, str]:
        from .detectors import registry

        for lg in LANGS:
            dict.__setitem__(self, lg, {d.kind: d.labels[lg] for d in registry()})
        return dict.__getitem__(self, lang)


KIND_LABEL = _KindLabels()

_T = {
    "detected": catalogue_msg("Possible personal data ({label}): '{excerpt}'. Replace it with a role or reference "
              "(M, F, D1...); if it is not personal data, allow it in .caseconf-pii-allow.yml or with an "
              "inline marker giving a reason (caseconf pii --fingerprint)."),
    "skipped_binary": catalogue_msg("File skipped: binary content."),
    "skipped_large": catalogue_msg("File skipped: larger than 5 MB."),
    "skipped_unreadable": catalogue_msg("File cannot be read, skipped."),
    "decoded_replace": catalogue_msg("File is not UTF-8; invalid bytes were replaced and the file was scanned."),
    "allow_no_reason": catalogue_msg("Allowlist entry without a reason ({where}) - add 'reason'; without one it allows nothing."),
    "allow_bad": catalogue_msg("Invalid entry in .caseconf-pii-allow.yml ({where}): expected sha256 (64 hex chars), kind and reason."),
    "allow_outside": catalogue_msg("The file .caseconf-pii-allow.yml leads outside the repository (a symbolic link); it was not read and "
              "allows nothing. Replace the link with a file in the repository."),
    "allow_not_regular": catalogue_msg("The file .caseconf-pii-allow.yml is not a regular file; it was not read and allows nothing."),
    "allow_unreadable": catalogue_msg("Cannot load .caseconf-pii-allow.yml (invalid YAML, or anchors and aliases &/*, which are not "
              "allowed); it allows nothing. Fix it following caseconf pii --fingerprint."),
    "marker_no_reason": catalogue_msg("An allow-pii marker without a reason allows nothing - add reason=\"...\"."),
    "stale": catalogue_msg("Allowlist entry {fp}... ({kind}) matches nothing in the repository any more; remove it."),
    "outside_root": catalogue_msg("Path resolves outside the repository (e.g. via a symlink); not read."),
}


def lang_of(lang: str | None) -> str:
    if not lang:
        return "cs"
    low = lang.lower().replace("_", "-")
    if low.startswith("cs") or low.startswith("cz"):
        return "cs"
    if low.startswith(("sr", "me", "cnr", "hr", "bs")):
        return "sr-Latn"
    if low.startswith("en"):
        return "en"
    return "cs"


def msg(key: str, lang: str, **kw: object) -> str:
    return _T[key][lang_of(lang)].format(**kw)


def detected(kind: str, excerpt: str, lang: str) -> str:
    lg = lang_of(lang)
    return msg("detected", lg, label=KIND_LABEL[lg].get(kind, kind), excerpt=excerpt)


_PURGE = catalogue_msg("""\
Personal data was found in the git history. Removing it from the files is not
enough: every clone still holds the old commits. To purge it:

  1. Coordinate with the team: everybody pushes their work and stops committing.
  2. Make a fresh mirror clone:      git clone --mirror <remote-url> repo-purge.git
  3. Install git-filter-repo:        pip install git-filter-repo
  4. Write the exact values to remove into replacements.txt, one per line, as
        VALUE==>***REMOVED***
     (keep this file outside the repository and delete it afterwards).
  5. Rewrite:                        cd repo-purge.git && git filter-repo --replace-text ../replacements.txt
     To drop a whole file instead:   git filter-repo --invert-paths --path <path>
  6. Check with: caseconf pii --history --root <a clone of repo-purge.git>
  7. Force-push:                     git push --force --mirror
  8. Everybody deletes their old clone and clones again; ask the hosting
     provider to purge cached views and pull-request refs.
caseconf never rewrites history itself.
""")


def purge_instructions(lang: str) -> str:
    return _PURGE[lang_of(lang)]
