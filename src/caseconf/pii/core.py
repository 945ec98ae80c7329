"""Scanning text and files: normalise, detect, resolve overlaps, apply
inline markers and the allowlist, build findings with masked excerpts."""

from __future__ import annotations

import os
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping
from itertools import accumulate
from pathlib import Path

from caseconf.records.findings import Finding

from . import detectors as det
from .allowlist import ALLOW_FILE, Allowlist, fingerprint, load_allowlist, parse_marker
from .masking import mask
from .messages import detected, lang_of, msg
from .normalize import normalize_lines, normalize_value
from .visible import visible_text
from .workers import PARALLEL_MIN, run_chunks, worker_count  # noqa: F401 - PARALLEL_MIN re-exported

from ..records.catalogue import msg as catalogue_msg
from .lazy_re import lazy_compile

MAX_BYTES = 5 * 1024 * 1024



def _codes() -> dict[str, str]:
    return {d.kind: d.code for d in det.registry()}


def _prio() -> dict[str, int]:
    return {d.kind: i for i, d in enumerate(det.registry())}


CODES = _codes()
PRIORITY = tuple(d.kind for d in det.registry())
_PRIO = _prio()
_PATTERN_DETECTORS = tuple(d for d in det.registry() if not d.runs_last)
_LAST_DETECTORS = tuple(d for d in det.registry() if d.runs_last)

FILENAME_NOTE = catalogue_msg("In the file name: ")


_PHONE_LIKE = lazy_compile(r"\+?[\d ()./\-]+")


def prepare_lines(text: str) -> list[str]:
    """The lines the detectors see: the text as the page shows it (visible.py), normalised."""
    return normalize_lines(visible_text(text))


def _allow_set(allow_words: Iterable[str]) -> frozenset[str]:
    out: set[str] = set()
    for phrase in allow_words or ():
        if not isinstance(phrase, str):
            continue
        if _PHONE_LIKE.fullmatch(phrase.strip()) and sum(map(str.isdigit, phrase)) >= 3:
            # a public number (pii.public_numbers): the phone detector sets it aside
            from .detectors.phone import PUBLIC_PREFIX, national_digits

            out.add(PUBLIC_PREFIX + national_digits(phrase))
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
    return _with_names(_resolve(_pattern_hits(norm_text, allow, lang)), norm_text, allow, lang)


def _pattern_hits(norm_text: str, allow: frozenset[str], lang: str,
                  detectors: tuple[det.Detector, ...] | None = None) -> list[det.Hit]:
    """What every detector but the last ones (names) finds, overlaps not yet resolved."""
    hits: list[det.Hit] = []
    has_digit = det._DIGIT.search(norm_text) is not None
    for d in _PATTERN_DETECTORS if detectors is None else detectors:
        if (has_digit or not d.needs_digit) and d.may_hold(norm_text):
            hits += d.find(norm_text, allow, lang)
    return hits


def _resolve(hits: list[det.Hit]) -> list[det.Hit]:
    """Overlapping hits: one that lies inside a longer one gives way to it (the digits of an
    IBAN that happen to pass a birth number's check are the IBAN); otherwise the kind with the
    higher priority wins, then the earlier one."""
    if len(hits) > 1:
        hits = [h for h in hits if not any(g.start <= h.start and h.end <= g.end and g.end - g.start > h.end - h.start
                                           for g in hits)]
    accepted: list[det.Hit] = []
    for h in sorted(hits, key=lambda h: (_PRIO[h.kind], h.start)) if hits else ():
        if any(h.start < a.end and a.start < h.end for a in accepted):
            continue
        accepted.append(h)
    return accepted


def _with_names(accepted: list[det.Hit], norm_text: str, allow: frozenset[str], lang: str) -> list[det.Hit]:
    for d in _LAST_DETECTORS:
        if d.may_hold(norm_text):
            accepted += d.find(norm_text, allow, lang, [(a.start, a.end) for a in accepted])
    if len(accepted) > 1:
        accepted.sort(key=lambda h: (h.start, _PRIO[h.kind]))
    return accepted


# Lines joined by this separator cannot share a match: no pattern crosses a NUL (no `\s`,
# letter, digit or punctuation class holds it, `.` and `[^\d\n]` stop at the line breaks
# around it), and every look-around and line-bounded window sees a line break at each side,
# as at a text's start and end.
_BATCH_SEP = "\n\x00\n"


def detect_each(lines: list[str], allow: frozenset[str], lang: str) -> list[list[det.Hit]]:
    """`[detect_whole(line) for line in lines]`, with each pattern detector run once over
    the lines it would look at (those its cheap test lets through), joined: a regex scan
    of one long text instead of ~8 calls per line, which is most of the work when
    thousands of distinct lines are met at once (a history)."""
    out: list[list[det.Hit]] = [[] for _ in lines]
    found: list[list[det.Hit] | None] = [[] for _ in lines]
    digits, birth_kw, addr_caps, addr_low, mail = [], [], [], [], []
    for i, line in enumerate(lines):
        if "\x00" in line or "\n" in line or len(line) > _BATCH_LINE_MAX:
            found[i] = None  # detected on its own: a long line gains nothing from company
            continue
        if det._DIGIT.search(line) is not None:
            digits.append(i)
            if det.may_hold_birth_keyword(line):
                birth_kw.append(i)
            if not line.islower():
                addr_caps.append(i)
            elif det.may_hold_street_keyword(det.fold(line)):
                addr_low.append(i)
        elif "bb" in line or "b.b." in line:
            (addr_low if line.islower() else addr_caps).append(i)
        if "@" in line:
            mail.append(i)
    def run(*kinds: str) -> Callable[[str], list[det.Hit]]:
        chosen = tuple(d for d in _PATTERN_DETECTORS if d.kind in kinds)
        return lambda text: _pattern_hits(text, allow, lang, chosen)

    digit_kinds = [d.kind for d in _PATTERN_DETECTORS if d.kind not in _BATCHED_APART and d.needs_digit]
    other_kinds = [d.kind for d in _PATTERN_DETECTORS if d.kind not in _BATCHED_APART and not d.needs_digit]
    every = [i for i, f in enumerate(found) if f is not None] if other_kinds else []
    for detector, idxs in ((run(*other_kinds), every), (run(*digit_kinds), digits), (run("birth_date"), birth_kw),
                           (run("address"), addr_caps), (run("address"), addr_low),
                           (run("email"), mail)):
        for start in range(0, len(idxs), _BATCH_LINES):
            _run_batch(detector, lines, idxs[start:start + _BATCH_LINES], found)
    for i, line in enumerate(lines):
        hits = found[i]
        if hits is None:
            out[i] = detect_whole(line, allow, lang)
        elif hits or not line.islower():
            out[i] = _with_names(_resolve(hits), line, allow, lang)
    return out


_BATCH_LINES = 4096
_BATCH_LINE_MAX = 2000  # characters


# kinds whose cheap tests pick their own lines in detect_each; every other pattern detector
# runs on the lines with a digit (a new kind that finds text without digits must say so
# with needs_digit = False and is then run on every line)
_BATCHED_APART = ("birth_date", "address", "email")


def _run_batch(detector: Callable[[str], list[det.Hit]], lines: list[str], idxs: list[int],
               found: list[list[det.Hit] | None]) -> None:
    """Hits of `detector` on the lines idxs, found in one scan of them joined by _BATCH_SEP."""
    if not idxs:
        return
    text = _BATCH_SEP.join(lines[i] for i in idxs)
    starts = [0]
    step = len(_BATCH_SEP)
    for i in idxs[:-1]:
        starts.append(starts[-1] + len(lines[i]) + step)
    for h in detector(text):
        k = bisect_right(starts, h.start) - 1
        base, i = starts[k], idxs[k]
        hits = found[i]
        if hits is None:
            continue
        if h.end - base > len(lines[i]):  # cannot happen (see _BATCH_SEP); stay exact if it did
            found[i] = None
            continue
        hits.append(det.Hit(h.kind, h.start - base, h.end - base, h.value, h.bases))


# --------------------------------------------------------------------------- segments and the line cache
#
# Every detector finds the same hits in a file as in the file cut into *segments* of
# lines, as long as no match (nor a lookahead) of any detector runs over a cut.  Only
# whitespace-crossing parts of a few patterns can: dates, account and birth numbers,
# addresses, birth keywords ("datum narození") and Markdown links "](...)".  Each line
# gets two bit masks: what its last non-blank character lets go on over a line break
# (_L), and what its first one lets a match begun earlier go on with (_R).  A line
# joins the segment before it when the previous non-blank line's _L and its _R share a
# bit, when it starts with a digit (or "/", "-" and a digit, or "–"), when a street
# keyword is at most five lines back, or when a Markdown link is open.  An _R flag holds
# when the pattern matches at the line's start, or when the line is too short to tell
# (it could go on over the next break: "datum", "(", a bare month, a few words).  The
# masks err on the side of joining: a needless join costs a cache miss, never a finding.
#
# A segment's hits are detected once per run (per allow words and language) however often
# it recurs: in other records, or in other versions of a file in the history.

_SEP_DIGIT = lazy_compile(r"[/\-]\s?\d")
_KW_AFTER_DATE = lazy_compile(r"\(?\s*" + det._BIRTH_KW, re.IGNORECASE)
_MONTH_YEAR = lazy_compile(rf"(?:{det._MONTHS})\.?,?\s+(?:19|20)\d{{2}}", re.IGNORECASE)
_MONTH_ONLY = lazy_compile(rf"(?i:{det._MONTHS})\.?,?")
_NOT_AFTER = lazy_compile(det._NOT_AFTER_ALT)
_HOUSE_SOON = lazy_compile(r"(?:[^\W\d_]+\.?\s+){0,3}(?:\d|bb|b\.b\.)")
_WORDS3 = lazy_compile(r"(?:[^\W\d_]+\.?\s+){0,2}[^\W\d_]+\.?")
_STREET_WORD = lazy_compile(
    r"\b(?i:ulice|ul\.|ulica|nám\.|náměstí|nábřeží|nábř\.|třída|tř\.|sídliště|sídl\.|bulevar|bul\.|"
    r"trg|obala|put|šetalište|ulici|ulicí|ulicu)(?:\s|$)"
)
_KW_SPLIT = ("datum", "dat.", "date", "of")  # birth keywords with a space inside ("date of birth")
_KW_OPEN = ("(",) + _KW_SPLIT                 # a line ending so may go on with a birth keyword
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")

# what _KW_AFTER_DATE and _MONTH_YEAR / _MONTH_ONLY can start with (after det.fold): every
# birth keyword begins with n, r, d, b or g; every month name with one of these letters
_KW_FIRST = frozenset("(nrdbg")
_MONTH_FIRST = frozenset(alt[0] for alt in det._MONTHS.split("|"))
# ... and _NOT_AFTER: its alternatives ("%", "\\.\\s?\\d", "let\\b", ..., "-\\s?\\d") hold no groups
_NOT_AFTER_FIRST = frozenset(alt.removeprefix("\\")[0] for alt in det._NOT_AFTER_ALT[len("(?i:"):-1].split("|"))
_KW, _MONTH, _NOTAFTER, _POSTAL, _HOUSE, _KWSPLIT = (1, 2, 4, 8, 16, 32)
_BLANK, _LMASK, _RMASK, _R_ALWAYS, _R_ALNUM, _STREET, _LINK, _HITS = range(8)
_NO_HITS: tuple[tuple[int, det.Hit], ...] = ()


def _line_entry(line: str) -> list:
    """[blank, L mask, R mask, joins the line before anyway, starts with a letter or digit, street
    keyword on the line, Markdown link state at its end (-1 as before / 0 closed / 1 open), hits of
    the line as a segment of its own (None: not detected yet)]."""
    stripped = line.strip()
    if not stripped:
        return [True, 0, 0, False, False, False, -1, _NO_HITS]
    first = len(line) - len(line.lstrip())
    last = first + len(stripped) - 1
    # the start
    b = line[first]
    r_always = b.isdigit() or b == "–" or (  # "12.\n3. 1990", "ulice Nová\n12", "123456\n/1234"
        b in "/-" and (_SEP_DIGIT.match(line, first) is not None or stripped in ("/", "-")))
    rmask = 0
    low = det.fold(line)  # as long as line (fold maps one character to one)
    fb = low[first]  # the first letter as the IGNORECASE patterns see it: they can only start so
    if (fb in _KW_FIRST and _KW_AFTER_DATE.match(line, first)) or low[max(first, last - 5):last + 1].endswith(_KW_OPEN):
        rmask |= _KW                                   # "1. 1. 1990\n(narozena)"
    if fb in _MONTH_FIRST and (_MONTH_YEAR.match(line, first) or _MONTH_ONLY.fullmatch(line, first, last + 1)):
        rmask |= _MONTH                                # "12.\nledna 1990"
    if (fb in _NOT_AFTER_FIRST and _NOT_AFTER.match(line, first)) or stripped in (".", "-"):
        rmask |= _NOTAFTER                             # "Nová 12\nlet" is no address
    if b == "," or b.isupper():
        rmask |= _POSTAL                               # "110 00\nPraha"
    if b.isalpha():
        rmask |= _KWSPLIT                              # "datum\nnarození"
        if _HOUSE_SOON.match(line, first) or _WORDS3.fullmatch(line, first, last + 1):
            rmask |= _HOUSE                            # "Jana\nNováková 12"
    # the end
    a = line[last]
    prev = line[last - 1] if last else ""
    a_num = a.isdigit() or (a == "." and prev.isdigit())
    lmask = 0
    if a_num or a == "(":
        lmask |= _KW
    if a_num:
        lmask |= _MONTH
    if (a.isdigit() or (a in _ASCII_LETTERS and prev.isdigit()) or (a == "b" and prev == "b")
            or (a == "." and line[last - 3:last + 1] == "b.b.")):
        lmask |= _NOTAFTER                             # a house number: 12, 12a, bb, b.b.
    if a.isdigit() or a == ",":
        lmask |= _POSTAL
    if a.isalpha() or (a == "." and prev.isalpha()):
        lmask |= _HOUSE
    if (a.isalpha() or a == ".") and low[max(0, last - 4):last + 1].endswith(_KW_SPLIT):
        lmask |= _KWSPLIT
    k = line.rfind("](")
    if k >= 0:
        link = 1 if line.rfind(")") < k + 2 else 0
    else:
        link = 0 if ")" in line else -1
    street = det.may_hold_street_keyword(low) and _STREET_WORD.search(line) is not None
    return [False, lmask, rmask, r_always, b.isalnum(), street, link, None]


# Front matter is full of lines like "  due: 2025-03-04": a lower-case key and an ISO date.
# Such a line holds no personal data unless its key holds a birth or street keyword (the
# date alone is no birth number, account or phone - the phone detector sets dates aside),
# and its entry depends on the indent and key only. So each indent-and-key is worked out
# once, and every other date under it costs one regex match.
_DATE_LINE = lazy_compile(r"( *[a-z_]+: )(?:19|20)\d\d-\d\d-\d\d")
_DATE_KEYS: dict[str, list | None] = {}


def _date_line_entry(line: str) -> list | None:
    """The entry of a key-and-date line, its hits included (none), or None for other lines."""
    m = _DATE_LINE.fullmatch(line)
    if m is None:
        return None
    head = m.group(1)
    template = _DATE_KEYS.get(head, False)
    if template is False:
        if len(_DATE_KEYS) >= 4096:
            _DATE_KEYS.clear()
        plain = not det.may_hold_birth_keyword(head) and not det.may_hold_street_keyword(det.fold(head))
        template = _DATE_KEYS[head] = _line_entry(line)[:_HITS] if plain else None
    return None if template is None else [*template, _NO_HITS]


class LineCache:
    """Line entries and hits of multi-line segments, per (allow words, language); bounded,
    oldest out first."""

    MAX_ENTRIES = 300_000
    MAX_CHARS = 48_000_000
    MAX_KEY = 65_536  # longer lines and segments are detected every time

    def __init__(self) -> None:
        self.lines: dict[str, list] = {}
        self.segs: dict[str, tuple[tuple[int, det.Hit], ...]] = {}
        self.chars = 0

    def entry(self, line: str) -> list:
        return self.put_line(line, _date_line_entry(line) or _line_entry(line))

    def put_line(self, line: str, e: list) -> list:
        size = len(line)
        if size <= self.MAX_KEY:
            if len(self.lines) + len(self.segs) >= self.MAX_ENTRIES or self.chars >= self.MAX_CHARS:
                self._room()
            self.lines[line] = e
            self.chars += size
        return e

    def put_seg(self, seg: str, value: tuple[tuple[int, det.Hit], ...]) -> None:
        if len(seg) <= self.MAX_KEY:
            self._room()
            self.segs[seg] = value
            self.chars += len(seg)

    def _room(self) -> None:
        if len(self.lines) + len(self.segs) < self.MAX_ENTRIES and self.chars < self.MAX_CHARS:
            return
        for d in (self.lines, self.segs):
            for old in list(d)[: len(d) // 4 + 1]:
                del d[old]
                self.chars -= len(old)


_CACHES: dict[tuple[frozenset[str], str], LineCache] = {}
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


def _segment_hits(seg: str, allow: frozenset[str], lang: str) -> tuple[tuple[int, det.Hit], ...]:
    """(line offset inside the segment, hit with offsets into the segment) for one segment."""
    hits = detect_whole(seg, allow, lang)
    if not hits:
        return _NO_HITS
    if "\n" not in seg:
        return tuple((0, h) for h in hits)
    return tuple((seg.count("\n", 0, h.start), h) for h in hits)


def detect_lines(norm: list[str], allow: frozenset[str], lang: str) -> list[tuple[int, int, det.Hit]]:
    """Hits in normalised lines as (line index, index of the first line of the hit's segment,
    hit with offsets into that segment): the hits of :func:`detect_whole` on the joined lines.

    One pass cuts the lines into segments (runs that detectors may scan separately; blank
    lines between runs left out) and takes each segment's hits from the cache."""
    if not norm:
        return []
    if not use_cache:
        starts = _starts(norm)
        return [(bisect_right(starts, h.start) - 1, 0, h) for h in detect_whole("\n".join(norm), allow, lang)]
    cache = cache_for(allow, lang)
    entries = list(map(cache.lines.get, norm))
    if None in entries:
        for i, e in enumerate(entries):
            if e is None:
                entries[i] = cache.lines.get(norm[i]) or cache.entry(norm[i])
    out: list[tuple[int, int, det.Hit]] = []

    def close(first: int, end: int) -> None:
        if end - first == 1:
            e = entries[first]
            found = e[_HITS]
            if found is None:
                found = e[_HITS] = _segment_hits(norm[first], allow, lang)
        else:
            seg = "\n".join(norm[first:end])
            found = cache.segs.get(seg)
            if found is None:
                found = _segment_hits(seg, allow, lang)
                cache.put_seg(seg, found)
        for d, h in found:
            out.append((first + d, first, h))

    seg_first = -1       # first line of the open segment
    last_nb = -1         # last non-blank line
    lmask = 0            # its L mask
    link_open = False    # a Markdown link "](" not closed yet
    street_at = -10      # count of non-blank lines at the last one with a street keyword
    nb = 0
    last_hits = None     # hits of the last non-blank line as a segment of its own
    # (one unpacking per line instead of a subscript per field: this loop sees every line)
    for i, (blank, l_mask, r_mask, r_always, r_alnum, street, link, hits) in enumerate(entries):
        if blank:
            continue
        if last_nb < 0:
            seg_first = i
        elif not (link_open or r_always or lmask & r_mask or (r_alnum and nb - street_at <= 5)):
            if seg_first != last_nb or last_hits != ():  # a lone line known clean: nothing to do
                close(seg_first, last_nb + 1)
            seg_first = i
        nb += 1
        if street:
            street_at = nb
        if link == 1:
            link_open = True
        elif link == 0:
            link_open = False
        last_nb = i
        lmask = l_mask
        last_hits = hits
    if seg_first >= 0:
        close(seg_first, last_nb + 1)
    return out


def line_entries(lines: Iterable[str], allow: frozenset[str], lang: str) -> dict[str, list]:
    """Cache entries of these lines, each with its hits as a segment of its own: the work a
    scan would do on first meeting each line, done up front (in a worker process) so that
    another process can `install_line_entries` the result instead of repeating it."""
    cache = cache_for(allow, lang)
    out: dict[str, list] = {}
    lines = list(lines)
    pending: list[str] = []
    for line in lines:
        e = cache.lines.get(line) or cache.entry(line)
        if not e[_BLANK] and e[_HITS] is None:
            pending.append(line)
        out[line] = e
    for line, hits in zip(pending, detect_each(pending, allow, lang)):
        out[line][_HITS] = tuple((0, h) for h in hits) if hits else _NO_HITS
    return out


def install_line_entries(entries: dict[str, list], allow: frozenset[str], lang: str) -> None:
    cache = cache_for(allow, lang)
    for line, e in entries.items():
        if line not in cache.lines:
            cache.put_line(line, e)


def _starts(norm: list[str]) -> list[int]:
    starts = [0]
    starts += accumulate([len(nl) + 1 for nl in norm[:-1]])
    return starts


def detect(norm_text: str, allow: frozenset[str], lang: str) -> list[det.Hit]:
    """All hits in normalised text (lines joined with "\\n"), overlaps resolved by kind priority."""
    norm = norm_text.split("\n")
    found = detect_lines(norm, allow, lang)
    if not use_cache:
        return [h for _, _, h in found]
    starts = _starts(norm)
    return [h if not starts[f] else det.Hit(h.kind, h.start + starts[f], h.end + starts[f], h.value, h.bases)
            for _, f, h in found]


def scan_spans(text: str, *, allow: frozenset[str], lang: str) -> list[det.Hit]:
    """The hits scan_text_impl reports, with their offsets into the normalised text (lines
    joined by "\\n"; the same offsets as the text's own where normalising changes no
    length): for the span-level scorer in benchmarks/pii.py."""
    return detect("\n".join(prepare_lines(text)), allow, lang_of(lang))


def _hit_hashes(hit: det.Hit) -> list[str]:
    hs = [fingerprint(hit.value)]
    for b in hit.bases:
        fb = fingerprint(b)
        if fb not in hs:
            hs.append(fb)
    return hs


def scan_text_impl(text: str, path: str, *, allow: frozenset[str], lang: str,
                   allowlist: Allowlist | None = None, filename_scan: bool = False) -> list[Finding]:
    if not isinstance(text, str):
        text = str(text)
    return scan_norm_impl(prepare_lines(text), path, allow=allow, lang=lang, allowlist=allowlist,
                          filename_scan=filename_scan)


def scan_norm_impl(norm: list[str], path: str, *, allow: frozenset[str], lang: str,
                   allowlist: Allowlist | None = None, filename_scan: bool = False) -> list[Finding]:
    """scan_text_impl on text already normalised into lines (`norm` may be changed)."""
    lang = lang_of(lang)
    markers: dict[int, tuple[frozenset[str] | None, str | None]] = {}
    findings: list[Finding] = []
    joined = "\n".join(norm)
    # "-p" or "-P": a cheap test before a lower-cased copy of the whole text
    if ("-p" in joined or "-P" in joined) and "allow-pii" in joined.lower():
        for idx, nl in enumerate(norm):
            if "allow-pii" not in nl.lower():
                continue
            mk = parse_marker(nl)
            if mk is not None:
                norm[idx] = nl[: mk.start] + " " * (mk.end - mk.start) + nl[mk.end:]
                if mk.reason is None:
                    findings.append(Finding(path, idx + 1, "PII010", "error", msg("marker_no_reason", lang),
                                            kind=None))
                else:
                    markers[idx] = (mk.kinds, mk.reason)
                    if mk.alone:
                        markers.setdefault(idx + 1, (mk.kinds, mk.reason))
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
    text, note = decode_text(data)
    return text, [_info(path, note, lang)] if note else []


def decode_text(data: bytes | None) -> tuple[str | None, str | None]:
    """(text, None), or (None or text, the key of the PII009 note: too large, binary, or
    decoded with replacement characters). None stands for a blob too large to read."""
    if data is None or len(data) > MAX_BYTES:
        return None, "skipped_large"
    if b"\x00" in data:
        return None, "skipped_binary"
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace"), "decoded_replace"


def _inside(root_real: str, target: str) -> bool:
    try:
        return os.path.commonpath([root_real, target]) == root_real
    except ValueError:
        return False


# --------------------------------------------------------------------------- worker processes

MIN_CHUNK = 64       # files per chunk at least (and between progress reports)
_STATE: dict = {}    # what the chunk functions read: set before forking, inherited by the workers


def _scan_file(rel: str, root_real: str, allow: frozenset[str], lang: str, allowlist: Allowlist,
               text: str | None = None) -> list[Finding]:
    """Findings in one file and its name; `text`: the file's text when the caller has read it."""
    rel, found, norm = _open_file(rel, root_real, lang, text)
    return _scan_opened(rel, found, norm, allow, lang, allowlist)


def _open_file(rel: str, root_real: str, lang: str, text: str | None = None
               ) -> tuple[str, list[Finding], list[str] | None]:
    """(the path as reported, what reading it gave to say, its normalised lines or None when
    there is nothing to scan but the name); `text`: the file's text when the caller has read it."""
    rel = str(rel).replace("\\", "/")
    if rel.startswith("./"):
        rel = rel[2:]
    full = os.path.join(root_real, rel)
    real = os.path.realpath(full)
    if os.path.isabs(rel) or not _inside(root_real, real):
        return rel, [Finding(rel, 1, "PII012", "error", msg("outside_root", lang))], None
    if rel == ALLOW_FILE:
        return rel, [], None
    if text is not None:  # read and decoded by the loader already: no second read
        if len(text) > MAX_BYTES:
            return rel, [_info(rel, "skipped_large", lang)], None
        return rel, [], prepare_lines(text)
    try:
        if os.path.getsize(real) > MAX_BYTES:
            return rel, [_info(rel, "skipped_large", lang)], None
        with open(real, "rb") as fh:
            data = fh.read()
    except (OSError, ValueError):
        return rel, [_info(rel, "skipped_unreadable", lang)], None
    text, infos = decode_bytes(data, rel, lang)
    return rel, infos, None if text is None else prepare_lines(text)


def _scan_opened(rel: str, found: list[Finding], norm: list[str] | None, allow: frozenset[str], lang: str,
                 allowlist: Allowlist) -> list[Finding]:
    if found and found[0].code == "PII012":
        return found  # outside the root: not even its name is ours to scan
    # the file name itself (e.g. records/novakova-jana.md)
    findings = scan_text_impl(rel, rel, allow=allow, lang=lang, allowlist=allowlist, filename_scan=True)
    findings += found
    if norm is not None:
        findings += scan_norm_impl(norm, rel, allow=allow, lang=lang, allowlist=allowlist)
    return findings


def _files_chunk(rels: list[str]) -> tuple[list[Finding], list[int]]:
    st = _STATE
    allowlist = st["allowlist"]
    allow, lang = st["allow"], st["lang"]
    out: list[Finding] = []
    texts = st["texts"]
    opened = [_open_file(rel, st["root_real"], lang, texts.get(rel)) for rel in rels]
    # the chunk's lines (and file names) not met before, detected together: each pattern
    # detector scans them joined, once, instead of ~8 calls per line (most lines of a
    # repository are distinct, so the line cache alone saves little there)
    cache = cache_for(allow, lang)
    fresh = {line: None for _, _, norm in opened if norm for line in norm if line not in cache.lines}
    fresh.update((line, None) for rel, _, _ in opened for line in prepare_lines(rel) if line not in cache.lines)
    if len(fresh) > 1:
        install_line_entries(line_entries(fresh, allow, lang), allow, lang)
    for rel, found, norm in opened:
        out += _scan_opened(rel, found, norm, allow, lang, allowlist)
    return out, [i for i, e in enumerate(allowlist.entries) if e.used]


def scan_files_impl(root: Path, rel_paths: Iterable[str], *, allow_words: Iterable[str], lang: str,
                    report_stale: bool, on_progress: Callable[[int, int], None] | None = None,
                    texts: Mapping[str, str] | None = None) -> list[Finding]:
    lang = lang_of(lang)
    rel_paths = list(rel_paths)
    root = Path(root)
    root_real = os.path.realpath(root)
    allow = _allow_set(allow_words)
    allowlist = load_allowlist(root)
    findings: list[Finding] = []
    for line, key, where in allowlist.problems:
        code = "PII012" if key == "allow_outside" else "PII010"
        findings.append(Finding(ALLOW_FILE, line, code, "error", msg(key, lang, where=where)))
    total = len(rel_paths)
    jobs = worker_count(total)
    size = MIN_CHUNK if jobs == 1 else max(MIN_CHUNK, -(-total // (jobs * 6)))
    chunks = [rel_paths[i:i + size] for i in range(0, total, size)]
    _STATE.update(root_real=root_real, allow=allow, lang=lang, allowlist=allowlist, texts=dict(texts or {}))
    try:
        done = 0
        if on_progress is not None and chunks:
            on_progress(0, total)
        for (found, used), chunk in zip(run_chunks(_files_chunk, chunks, jobs), chunks):
            findings += found
            for i in used:
                allowlist.entries[i].used = True
            done += len(chunk)
            if on_progress is not None and done < total:
                on_progress(done, total)
    finally:
        _STATE.clear()
    if on_progress is not None:
        on_progress(total, total)
    if report_stale:
        findings += stale_findings(allowlist, lang)
    # the allow list refused for leading outside is also named by its own scan: once
    seen: set[tuple[str, int, str]] = set()
    unique = []
    for f in findings:
        key = (f.path, f.line, f.code)
        if f.code == "PII012" and key in seen:
            continue
        seen.add(key)
        unique.append(f)
    unique.sort(key=Finding.sort_key)
    return unique


def stale_findings(allowlist: Allowlist, lang: str) -> list[Finding]:
    return [
        Finding(ALLOW_FILE, e.line, "PII011", "warning",
                msg("stale", lang, fp=e.sha256[:12], kind=e.kind or "*"))
        for e in allowlist.entries if not e.used
    ]
