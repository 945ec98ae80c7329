"""Localised messages (cs, sr-Latn, en). Messages carry masked excerpts only."""

from __future__ import annotations

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
    "detected": {
        "cs": "Možný osobní údaj ({label}): „{excerpt}“. Nahraďte jej rolí nebo zkratkou (M, F, D1…); "
              "pokud nejde o osobní údaj, povolte jej v .caseconf-pii-allow.yml nebo vloženou značkou "
              "s uvedením důvodu (caseconf pii --fingerprint).",
        "sr-Latn": "Mogući lični podatak ({label}): „{excerpt}“. Zamijenite ga ulogom ili oznakom (M, F, D1…); "
                   "ako nije lični podatak, dozvolite ga u .caseconf-pii-allow.yml ili oznakom u redu "
                   "uz navedeni razlog (caseconf pii --fingerprint).",
        "en": "Possible personal data ({label}): '{excerpt}'. Replace it with a role or reference "
              "(M, F, D1...); if it is not personal data, allow it in .caseconf-pii-allow.yml or with an "
              "inline marker giving a reason (caseconf pii --fingerprint).",
    },
    "skipped_binary": {
        "cs": "Soubor přeskočen: binární obsah.",
        "sr-Latn": "Fajl preskočen: binarni sadržaj.",
        "en": "File skipped: binary content.",
    },
    "skipped_large": {
        "cs": "Soubor přeskočen: větší než 5 MB.",
        "sr-Latn": "Fajl preskočen: veći od 5 MB.",
        "en": "File skipped: larger than 5 MB.",
    },
    "skipped_unreadable": {
        "cs": "Soubor nelze přečíst, přeskočen.",
        "sr-Latn": "Fajl se ne može pročitati, preskočen.",
        "en": "File cannot be read, skipped.",
    },
    "decoded_replace": {
        "cs": "Soubor není v UTF-8; neplatné bajty byly nahrazeny a soubor prohledán.",
        "sr-Latn": "Fajl nije u UTF-8; neispravni bajtovi su zamijenjeni i fajl je pregledan.",
        "en": "File is not UTF-8; invalid bytes were replaced and the file was scanned.",
    },
    "allow_no_reason": {
        "cs": "Položka povolení bez důvodu ({where}) – doplňte „reason“; bez důvodu nic nepovoluje.",
        "sr-Latn": "Stavka dozvole bez razloga ({where}) – dodajte „reason“; bez razloga ništa ne dozvoljava.",
        "en": "Allowlist entry without a reason ({where}) - add 'reason'; without one it allows nothing.",
    },
    "allow_bad": {
        "cs": "Neplatná položka v .caseconf-pii-allow.yml ({where}): očekává se sha256 (64 hex znaků), kind a reason.",
        "sr-Latn": "Neispravna stavka u .caseconf-pii-allow.yml ({where}): očekuje se sha256 (64 hex znaka), kind i reason.",
        "en": "Invalid entry in .caseconf-pii-allow.yml ({where}): expected sha256 (64 hex chars), kind and reason.",
    },
    "allow_outside": {
        "cs": "Soubor .caseconf-pii-allow.yml vede mimo repozitář (symbolický odkaz); nebyl načten a nic nepovoluje. "
              "Nahraďte odkaz souborem v repozitáři.",
        "sr-Latn": "Fajl .caseconf-pii-allow.yml vodi izvan repozitorijuma (simbolička veza); nije učitan i ništa ne "
                   "dozvoljava. Zamijenite vezu fajlom u repozitorijumu.",
        "en": "The file .caseconf-pii-allow.yml leads outside the repository (a symbolic link); it was not read and "
              "allows nothing. Replace the link with a file in the repository.",
    },
    "allow_not_regular": {
        "cs": "Soubor .caseconf-pii-allow.yml není obyčejný soubor; nebyl načten a nic nepovoluje.",
        "sr-Latn": "Fajl .caseconf-pii-allow.yml nije običan fajl; nije učitan i ništa ne dozvoljava.",
        "en": "The file .caseconf-pii-allow.yml is not a regular file; it was not read and allows nothing.",
    },
    "allow_unreadable": {
        "cs": "Soubor .caseconf-pii-allow.yml nelze načíst (chybný YAML, nebo kotvy a odkazy &/*, které nejsou "
              "dovoleny); nic nepovoluje. Opravte jej podle caseconf pii --fingerprint.",
        "sr-Latn": "Fajl .caseconf-pii-allow.yml se ne može učitati (neispravan YAML, ili sidra i reference &/*, "
                   "koji nisu dozvoljeni); ništa ne dozvoljava. Ispravite ga prema caseconf pii --fingerprint.",
        "en": "Cannot load .caseconf-pii-allow.yml (invalid YAML, or anchors and aliases &/*, which are not "
              "allowed); it allows nothing. Fix it following caseconf pii --fingerprint.",
    },
    "marker_no_reason": {
        "cs": "Značka allow-pii bez důvodu nic nepovoluje – doplňte reason=\"…\".",
        "sr-Latn": "Oznaka allow-pii bez razloga ništa ne dozvoljava – dodajte reason=\"…\".",
        "en": "An allow-pii marker without a reason allows nothing - add reason=\"...\".",
    },
    "stale": {
        "cs": "Položka povolení {fp}… ({kind}) už ničemu v repozitáři neodpovídá; odstraňte ji.",
        "sr-Latn": "Stavka dozvole {fp}… ({kind}) više ne odgovara ničemu u repozitorijumu; uklonite je.",
        "en": "Allowlist entry {fp}... ({kind}) matches nothing in the repository any more; remove it.",
    },
    "outside_root": {
        "cs": "Cesta vede mimo repozitář (např. symbolickým odkazem); nečteno.",
        "sr-Latn": "Putanja vodi izvan repozitorijuma (npr. simboličkim linkom); nije čitano.",
        "en": "Path resolves outside the repository (e.g. via a symlink); not read.",
    },
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


_PURGE = {
    "en": """\
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
""",
    "cs": """\
V historii gitu byly nalezeny osobní údaje. Nestačí je odstranit ze souborů:
každý klon stále obsahuje staré commity. Postup odstranění:

  1. Domluvte se s týmem: všichni odešlou (push) svou práci a přestanou commitovat.
  2. Vytvořte čerstvý zrcadlový klon:  git clone --mirror <url-repozitáře> repo-purge.git
  3. Nainstalujte git-filter-repo:     pip install git-filter-repo
  4. Do souboru replacements.txt zapište přesné hodnoty k odstranění, každou na řádek:
        HODNOTA==>***ODSTRANENO***
     (soubor mějte mimo repozitář a poté jej smažte).
  5. Přepište historii:                cd repo-purge.git && git filter-repo --replace-text ../replacements.txt
     Celý soubor odstraníte takto:     git filter-repo --invert-paths --path <cesta>
  6. Ověřte: caseconf pii --history --root <klon repo-purge.git>
  7. Odešlete silou:                   git push --force --mirror
  8. Všichni smažou své staré klony a naklonují znovu; požádejte poskytovatele
     hostingu o vymazání mezipaměti a referencí pull requestů.
caseconf historii nikdy sám nepřepisuje.
""",
    "sr-Latn": """\
U git istoriji su pronađeni lični podaci. Nije dovoljno ukloniti ih iz fajlova:
svaki klon i dalje sadrži stare komitove. Postupak uklanjanja:

  1. Dogovorite se s timom: svi šalju (push) svoj rad i prestaju da komituju.
  2. Napravite novi mirror klon:       git clone --mirror <url-repozitorijuma> repo-purge.git
  3. Instalirajte git-filter-repo:     pip install git-filter-repo
  4. U fajl replacements.txt upišite tačne vrijednosti za uklanjanje, svaku u svom redu:
        VRIJEDNOST==>***UKLONJENO***
     (fajl držite van repozitorijuma i potom ga obrišite).
  5. Prepišite istoriju:               cd repo-purge.git && git filter-repo --replace-text ../replacements.txt
     Cijeli fajl uklanjate ovako:      git filter-repo --invert-paths --path <putanja>
  6. Provjerite: caseconf pii --history --root <klon repo-purge.git>
  7. Pošaljite na silu:                git push --force --mirror
  8. Svi brišu stare klonove i kloniraju ponovo; zamolite hosting provajdera
     da obriše keš i reference pull requestova.
caseconf nikada sam ne prepisuje istoriju.
""",
}


def purge_instructions(lang: str) -> str:
    return _PURGE[lang_of(lang)]
