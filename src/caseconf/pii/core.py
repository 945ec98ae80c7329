"""Scanning text and files: normalise, detect, resolve overlaps, apply
inline markers and the allowlist, build findings with masked excerpts."""

from __future__ import annotations

import os
import re
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


def detect_whole(norm_text: str, allow: frozenset[str], lang: str) -> list[det.Hit]:
    """All hits in normalised text, overlaps resolved by kind priority (no cache, no segmenting).

    The reference :func:`detect` must agree with; it scans the text as one piece."""
    hits: list[det.Hit] = []
    has_digit = det._DIGIT.search(norm_text) is not None
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


# --------------------------------------------------------------------------- segments and the line cache
#
# Every detector finds the same hits in a file as in the file cut into *segments* of
# lines, as long as no match (nor a lookahead) of any detector runs over a cut.  Only
# whitespace-crossing parts of a few patterns (dates, account and birth numbers,
# addresses, birth keywords, Markdown links) can; `_joined` tells, from the last
# non-blank character before a line break and the text after it, whether such a
# pattern could run over the break. It errs on the side of "joined": a wrong "joined"
# costs a cache miss, never a finding. Most lines of a record are segments of their own,
# and a segment's hits are detected once per run (per allow words and language) however
# often the segment recurs: in other records, or in other versions of a file in history.

_SEP_DIGIT = re.compile(r"[/\-]\s?\d")
_KW_AFTER_DATE = re.compile(r"\(?\s*" + det._BIRTH_KW, re.IGNORECASE)
_MONTH_YEAR = re.compile(rf"(?:{det._MONTHS})\.?,?\s+(?:19|20)\d{{2}}", re.IGNORECASE)
_NOT_AFTER = re.compile(det._NOT_AFTER_ALT)
_HOUSE_SOON = re.compile(r"(?:[^\W\d_]+\.?\s+){0,3}(?:\d|bb|b\.b\.)")
_STREET_WORD = re.compile(
    r"\b(?i:ulice|ul\.|ulica|nám\.|náměstí|nábřeží|nábř\.|třída|tř\.|sídliště|sídl\.|bulevar|bul\.|"
    r"trg|obala|put|šetalište|ulici|ulicí|ulicu)(?:\s|$)"
)
_KW_SPLIT = ("datum", "dat.", "date", "of")  # birth keywords with a space inside ("date of birth")
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _line_info(line: str) -> tuple:
    """(blank, offset of the first non-space character, offset of the last one,
    a street keyword on the line, state of a Markdown link left open: -1 none / 0 closed / 1 open)."""
    stripped = line.lstrip()
    if not stripped:
        return (True, 0, 0, False, -1)
    first = len(line) - len(stripped)
    last = len(line.rstrip()) - 1
    street = _STREET_WORD.search(line) is not None
    k = line.rfind("](")
    if k >= 0:
        link = 1 if line.rfind(")") < k + 2 else 0
    else:
        link = 0 if ")" in line else -1
    return (False, first, last, street, link)


def _joined(j: str, ia: int, ib: int, street_near: bool) -> bool:
    """May a match run from the character at ia over the line break(s) to the one at ib?"""
    b = j[ib]
    if b.isdigit():
        return True  # "12.\n3. 1990", "ulice Nová\n12", "110\n00 Praha", "123456\n/1234" ...
    if b in "/-":
        if _SEP_DIGIT.match(j, ib):
            return True
    elif b == "–":
        return True
    a = j[ia]
    prev = j[ia - 1] if ia else ""
    a_digit = a.isdigit()
    a_num = a_digit or (a == "." and prev.isdigit())
    if (a_num or a == "(") and _KW_AFTER_DATE.match(j, ib):
        return True  # "1. 1. 1990\n(narozena)"
    if a_num and _MONTH_YEAR.match(j, ib):
        return True  # "12.\nledna 1990"
    house_end = (a_digit or (a in _ASCII_LETTERS and prev.isdigit()) or (a == "b" and prev == "b")
                 or (a == "." and j[ia - 3:ia + 1] == "b.b."))
    if house_end and _NOT_AFTER.match(j, ib):
        return True  # "Nová 12\nlet" is no address
    if (a_digit or a == ",") and (b == "," or b.isupper()):
        return True  # "110 00\nPraha"
    if b.isalpha():
        if (a.isalpha() or (a == "." and prev.isalpha())) and _HOUSE_SOON.match(j, ib):
            return True  # "Jana\nNováková 12"
        if (a.isalpha() or a == ".") and det.fold(j[max(0, ia - 4):ia + 1]).endswith(_KW_SPLIT):
            return True  # "datum\nnarození"
    return street_near and b.isalnum()  # "ulice\nKarla Čapka 12"


def segments(norm: list[str], infos: list[tuple], joined: str, starts: list[int]) -> list[tuple[int, int]]:
    """Cut lines into [first, end) runs that detectors may scan separately."""
    out: list[tuple[int, int]] = []
    seg_start = 0
    last_nb = -1          # last non-blank line
    link_open = False     # a Markdown link "](" not closed yet
    street_at = -10       # count of non-blank lines at the last one with a street keyword
    nb = 0
    for i, info in enumerate(infos):
        if info[0]:
            continue
        if last_nb >= 0:
            pinfo = infos[last_nb]
            if not (link_open or _joined(joined, starts[last_nb] + pinfo[2], starts[i] + info[1],
                                         nb - street_at <= 5)):
                out.append((seg_start, i))
                seg_start = i
        nb += 1
        if info[3]:
            street_at = nb
        link = info[4]
        if link == 1:
            link_open = True
        elif link == 0 and link_open:
            link_open = False
        last_nb = i
    out.append((seg_start, len(norm)))
    return out
class LineCache:
    """Hits of segments already detected, per (allow words, language); bounded, oldest out first."""

    MAX_ENTRIES = 200_000
    MAX_CHARS = 32_000_000
    MAX_KEY = 65_536  # longer segments are detected every time

    def __init__(self) -> None:
        self.hits: dict[str, tuple[tuple[int, det.Hit], ...]] = {}
        self.chars = 0

    def put(self, key: str, value: tuple[tuple[int, det.Hit], ...]) -> None:
        if len(key) > self.MAX_KEY:
            return
        if len(self.hits) >= self.MAX_ENTRIES or self.chars > self.MAX_CHARS:
            for old in list(self.hits)[: len(self.hits) // 4 + 1]:
                del self.hits[old]
                self.chars -= len(old)
        self.hits[key] = value
        self.chars += len(key)


_CACHES: dict[tuple[frozenset[str], str], LineCache] = {}
_INFOS: dict[str, tuple] = {}
_NO_HITS: tuple[tuple[int, det.Hit], ...] = ()
use_cache = True  # tests switch it off to compare


def cache_for(allow: frozenset[str], lang: str) -> LineCache:
    cache = _CACHES.get((allow, lang))
    if cache is None:
        if len(_CACHES) >= 8:
            _CACHES.clear()
        cache = _CACHES[(allow, lang)] = LineCache()
    return cache


def clear_caches() -> None:
    _CACHES.clear()
    _INFOS.clear()


def _infos(norm: list[str]) -> list[tuple]:
    infos = _INFOS
    out = []
    for ln in norm:
        info = infos.get(ln)
        if info is None:
            info = _line_info(ln)
            if len(infos) >= 400_000:
                infos.clear()
            if len(ln) <= LineCache.MAX_KEY:
                infos[ln] = info
        out.append(info)
    return out


def _segment_hits(seg: str, allow: frozenset[str], lang: str) -> tuple[tuple[int, det.Hit], ...]:
    """(line offset inside the segment, hit with offsets into the segment) for one segment."""
    hits = detect_whole(seg, allow, lang)
    if not hits:
        return _NO_HITS
    if "\n" not in seg:
        return tuple((0, h) for h in hits)
    return tuple((seg.count("\n", 0, h.start), h) for h in hits)


def detect_lines(norm: list[str], allow: frozenset[str], lang: str) -> list[tuple[int, int, det.Hit]]:
    """Hits in normalised lines as (line index, offset of that segment's first line in the joined
    text, hit with offsets into its segment); the same hits as :func:`detect_whole` on the joined lines."""
    if not norm:
        return []
    if not use_cache:
        joined = "\n".join(norm)
        starts = _starts(norm)
        return [(bisect_right(starts, h.start) - 1, 0, h) for h in detect_whole(joined, allow, lang)]
    cache = cache_for(allow, lang)
    store = cache.hits
    out: list[tuple[int, int, det.Hit]] = []
    if len(norm) == 1:
        ln = norm[0]
        found = store.get(ln)
        if found is None:
            found = _segment_hits(ln, allow, lang)
            cache.put(ln, found)
        return [(d, 0, h) for d, h in found]
    joined = "\n".join(norm)
    starts = _starts(norm)
    for first, end in segments(norm, _infos(norm), joined, starts):
        seg = norm[first] if end - first == 1 else "\n".join(norm[first:end])
        found = store.get(seg)
        if found is None:
            found = _segment_hits(seg, allow, lang)
            cache.put(seg, found)
        for d, h in found:
            out.append((first + d, starts[first], h))
    return out


def _starts(norm: list[str]) -> list[int]:
    starts = [0]
    pos = 0
    for nl in norm[:-1]:
        pos += len(nl) + 1
        starts.append(pos)
    return starts


def detect(norm_text: str, allow: frozenset[str], lang: str) -> list[det.Hit]:
    """All hits in normalised text (lines joined with "\\n"), overlaps resolved by kind priority."""
    out = []
    for _, base, h in detect_lines(norm_text.split("\n"), allow, lang):
        out.append(h if not base else det.Hit(h.kind, h.start + base, h.end + base, h.value, h.bases))
    return out


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
    for line_idx, _, hit in detect_lines(norm, allow, lang):
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
