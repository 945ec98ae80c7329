"""Scanning text and files: normalise, detect, resolve overlaps, apply
inline markers and the allowlist, build findings with masked excerpts."""

from __future__ import annotations

import os
from bisect import bisect_right
from collections.abc import Callable, Iterable
from pathlib import Path

from caseconf.records.findings import Finding

from . import detectors as det
from .allowlist import ALLOW_FILE, Allowlist, fingerprint, load_allowlist, parse_marker
from .masking import mask
from .messages import detected, lang_of, msg
from .normalize import normalize_line, normalize_value, split_lines

MAX_BYTES = 5 * 1024 * 1024

CODES = {
    "birth_number": "PII001", "jmbg": "PII002", "phone": "PII003", "email": "PII004",
    "bank_account": "PII005", "birth_date": "PII006", "address": "PII007", "name": "PII008",
}
PRIORITY = ("birth_number", "jmbg", "bank_account", "email", "phone", "birth_date", "address", "name")
_PRIO = {k: i for i, k in enumerate(PRIORITY)}

FILENAME_NOTE = {"cs": "V názvu souboru: ", "sr-Latn": "U nazivu fajla: ", "en": "In the file name: "}


def _allow_set(allow_words: Iterable[str]) -> frozenset[str]:
    out: set[str] = set()
    for phrase in allow_words or ():
        if not isinstance(phrase, str):
            continue
        norm = normalize_value(phrase)
        for w in norm.replace("-", " ").replace("/", " ").split():
            w = w.strip(".,;:()\"'")
            if w:
                out.add(w)
    return frozenset(out)


def detect(norm_text: str, allow: frozenset[str], lang: str) -> list[det.Hit]:
    """All hits in normalised text, overlaps resolved by kind priority."""
    hits: list[det.Hit] = []
    has_digit = any(ch.isdigit() for ch in norm_text)
    if has_digit:
        hits += det.find_birth_numbers(norm_text)
        hits += det.find_jmbg(norm_text)
        hits += det.find_bank_accounts(norm_text)
    hits += det.find_emails(norm_text)
    if has_digit:
        hits += det.find_phones(norm_text)
        hits += det.find_birth_dates(norm_text)
    hits += det.find_addresses(norm_text)
    accepted: list[det.Hit] = []
    for h in sorted(hits, key=lambda h: (_PRIO[h.kind], h.start)):
        if any(h.start < a.end and a.start < h.end for a in accepted):
            continue
        accepted.append(h)
    from .names import find_names

    accepted += find_names(norm_text, allow, lang, [(a.start, a.end) for a in accepted])
    accepted.sort(key=lambda h: (h.start, _PRIO[h.kind]))
    return accepted


def _hit_hashes(hit: det.Hit) -> list[str]:
    hs = [fingerprint(hit.value)]
    for b in hit.bases:
        fb = fingerprint(b)
        if fb not in hs:
            hs.append(fb)
    return hs


def scan_text_impl(text: str, path: str, *, allow: frozenset[str], lang: str,
                   allowlist: Allowlist | None = None, filename_scan: bool = False) -> list[Finding]:
    lang = lang_of(lang)
    if not isinstance(text, str):
        text = str(text)
    lines = split_lines(text)
    norm: list[str] = []
    markers: dict[int, tuple[frozenset[str] | None, str | None]] = {}
    findings: list[Finding] = []
    for idx, ln in enumerate(lines):
        nl = normalize_line(ln)
        if "allow-pii" in nl.lower():
            mk = parse_marker(nl)
            if mk is not None:
                nl = nl[: mk.start] + " " * (mk.end - mk.start) + nl[mk.end:]
                if mk.reason is None:
                    findings.append(Finding(path, idx + 1, "PII010", "error", msg("marker_no_reason", lang),
                                            kind=None))
                else:
                    markers[idx] = (mk.kinds, mk.reason)
                    if mk.alone:
                        markers.setdefault(idx + 1, (mk.kinds, mk.reason))
        norm.append(nl)
    joined = "\n".join(norm)
    starts = [0]
    for nl in norm[:-1]:
        starts.append(starts[-1] + len(nl) + 1)
    for hit in detect(joined, allow, lang):
        line_idx = bisect_right(starts, hit.start) - 1
        mk = markers.get(line_idx)
        if mk is not None and (mk[0] is None or hit.kind in mk[0]):
            continue
        if allowlist is not None and allowlist.by_hash and allowlist.match(hit.kind, _hit_hashes(hit)):
            continue
        excerpt = mask(hit.value, hit.kind)
        message = detected(hit.kind, excerpt, lang)
        if filename_scan:
            message = FILENAME_NOTE[lang] + message
        if hit.value and len(hit.value) >= 2 and hit.value in message:
            excerpt = "*" * len(hit.value)
            message = detected(hit.kind, excerpt, lang)
        findings.append(Finding(
            path, line_idx + 1, CODES[hit.kind], "error", message, kind=hit.kind,
            extra={"excerpt": excerpt, "fingerprint": fingerprint(hit.value),
                   "in_filename": filename_scan},
        ))
    return findings


def _info(path: str, key: str, lang: str) -> Finding:
    return Finding(path, 1, "PII009", "info", msg(key, lang))


def decode_bytes(data: bytes, path: str, lang: str) -> tuple[str | None, list[Finding]]:
    """Text of a file's bytes, or None with an info finding (binary / too large)."""
    if len(data) > MAX_BYTES:
        return None, [_info(path, "skipped_large", lang)]
    if b"\x00" in data:
        return None, [_info(path, "skipped_binary", lang)]
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace"), [_info(path, "decoded_replace", lang)]


def _inside(root_real: str, target: str) -> bool:
    try:
        return os.path.commonpath([root_real, target]) == root_real
    except ValueError:
        return False


def scan_files_impl(root: Path, rel_paths: Iterable[str], *, allow_words: Iterable[str], lang: str,
                    report_stale: bool, on_progress: Callable[[int, int], None] | None = None) -> list[Finding]:
    lang = lang_of(lang)
    rel_paths = list(rel_paths)
    root = Path(root)
    root_real = os.path.realpath(root)
    allow = _allow_set(allow_words)
    allowlist = load_allowlist(root)
    findings: list[Finding] = []
    for line, key, where in allowlist.problems:
        findings.append(Finding(ALLOW_FILE, line, "PII010", "error", msg(key, lang, where=where)))
    for done, rel in enumerate(rel_paths):
        if on_progress is not None and done % 64 == 0:
            on_progress(done, len(rel_paths))
        rel = str(rel).replace("\\", "/")
        if rel.startswith("./"):
            rel = rel[2:]
        full = os.path.join(root_real, rel)
        real = os.path.realpath(full)
        if os.path.isabs(rel) or not _inside(root_real, real):
            findings.append(Finding(rel, 1, "PII012", "error", msg("outside_root", lang)))
            continue
        # the file name itself (e.g. records/novakova-jana.md)
        findings += scan_text_impl(rel, rel, allow=allow, lang=lang, allowlist=allowlist, filename_scan=True)
        if rel == ALLOW_FILE:
            continue
        try:
            if os.path.getsize(real) > MAX_BYTES:
                findings.append(_info(rel, "skipped_large", lang))
                continue
            with open(real, "rb") as fh:
                data = fh.read()
        except (OSError, ValueError):
            findings.append(_info(rel, "skipped_unreadable", lang))
            continue
        text, infos = decode_bytes(data, rel, lang)
        findings += infos
        if text is None:
            continue
        findings += scan_text_impl(text, rel, allow=allow, lang=lang, allowlist=allowlist)
    if on_progress is not None:
        on_progress(len(rel_paths), len(rel_paths))
    if report_stale:
        findings += stale_findings(allowlist, lang)
    findings.sort(key=Finding.sort_key)
    return findings


def stale_findings(allowlist: Allowlist, lang: str) -> list[Finding]:
    return [
        Finding(ALLOW_FILE, e.line, "PII011", "warning",
                msg("stale", lang, fp=e.sha256[:12], kind=e.kind or "*"))
        for e in allowlist.entries if not e.used
    ]
