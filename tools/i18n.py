"""Catalogue maintenance: convert translation tables, extract, compile and check `.po` files.

    python tools/i18n.py convert [--write] PATH...   dict tables -> .po entries (+ msg() in code)
    python tools/i18n.py extract                     messages.pot from babel.cfg + the CLI's help
    python tools/i18n.py update                      merge messages.pot into every .po
    python tools/i18n.py compile                     .po -> .mo beside it (what `make i18n` runs)
    python tools/i18n.py pages                       glossary tables of the packs' pages from locale/glossary.yml
    python tools/i18n.py check                       fail on untranslated entries, a stale .mo or glossary page

`convert` finds, by syntax only (nothing is imported):
  * a Message literal `{"cs": "…", "sr-Latn": "…", "en": "…"}`      -> `msg("…")`
  * a three-language helper call `tr("cs", "sr", "en")` (tr, _t)    -> `msg("…")`
  * a language-first table `{"cs": {k: "…"}, …, "en": {k: "…"}}` or
    `{"cs": ("…", "…"), …}`                                         -> `per_language({k: msg("…")})`
The English text becomes the msgid; the Czech and Montenegrin texts become the msgstr of
`locale/cs` and `locale/sr_Latn`. When one English text has different translations in
different places, each place gets a msgctxt (`module:NAME[key]`) so no translation is lost.
Without `--write` it only reports what it would do. Tables of language codes (theme
locales) are left alone, and so is any table whose first line carries `# i18n: keep`.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "caseconf"
LOCALE = PACKAGE / "locale"
LANGS = ("cs", "sr-Latn", "en")
TEAM_LANGS = ("cs", "sr-Latn")
GETTEXT_DIR = {"cs": "cs", "sr-Latn": "sr_Latn", "en": "en"}
HELPERS = frozenset({"tr", "_t"})  # tr(cs, sr, en) helpers of the rule and guard modules
KEEP_PRAGMA = "i18n: keep"


@dataclass
class Leaf:
    """One translatable string: English msgid and the other languages' texts."""

    msgid: str
    texts: dict[str, str]
    source: str  # the English literal as written in the code (quotes, concatenation)
    line: int
    context: str | None = None


@dataclass
class Site:
    """One table or call in the code that the converter replaces."""

    path: Path
    start: tuple[int, int]
    end: tuple[int, int]
    shape: str  # "msg" or "per_language"
    structure: Any  # a Leaf, or dict/tuple/list of Leaf
    name: str  # where it sits, for msgctxt: module:TARGET[key]
    problems: list[str] = field(default_factory=list)

    def leaves(self) -> Iterator[Leaf]:
        yield from _leaves(self.structure)


def _leaves(node: Any) -> Iterator[Leaf]:
    if isinstance(node, Leaf):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _leaves(value)
    elif isinstance(node, (tuple, list)):
        for value in node:
            yield from _leaves(value)


# ---------------------------------------------------------------- finding tables

LOCALE_CODE = re.compile(r"^[a-z]{2,3}([-_][A-Za-z]{2,4}){1,2}$")  # sr_Latn_ME, en-GB, sr-Latn
BARE_CODES = frozenset({"cs", "sk", "sr", "sh", "hr", "bs", "hbs", "cnr", "me", "cz", "en", "de"})  # not "ano", "da"


def _is_lang_keyed(node: ast.AST) -> bool:
    if not isinstance(node, ast.Dict) or not node.keys:
        return False
    keys = [k.value if isinstance(k, ast.Constant) else None for k in node.keys]
    return "en" in keys and all(k in LANGS for k in keys) and len(keys) >= 2


def _str(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _looks_like_codes(values: Iterable[ast.AST]) -> bool:
    """{"cs": "cs", "sr-Latn": "sh"}: a table of locale codes, not of words."""
    texts = [t for v in values for t in _all_strings(v)]
    return bool(texts) and all(t is not None and (t in BARE_CODES or LOCALE_CODE.match(t)) for t in texts)


def _all_strings(node: ast.AST) -> list[str | None]:
    if isinstance(node, (ast.Tuple, ast.List)):
        return [t for elt in node.elts for t in _all_strings(elt)]
    return [_str(node)]


class _Finder(ast.NodeVisitor):
    def __init__(self, path: Path, source: str) -> None:
        self.path = path
        self.lines = source.splitlines()
        self.source = source
        self.sites: list[Site] = []
        self.names: list[str] = []
        self.module = _module_name(path)

    def _name(self) -> str:
        return f"{self.module}:" + "".join(self.names) if self.names else self.module

    def _segment(self, node: ast.AST) -> str:
        return ast.get_source_segment(self.source, node) or repr(_str(node))

    def _kept(self, node: ast.AST) -> bool:
        return KEEP_PRAGMA in self.lines[node.lineno - 1]  # type: ignore[attr-defined]

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.names.append(node.name + ".")
        self.generic_visit(node)
        self.names.pop()

    def visit_Assign(self, node: ast.Assign) -> None:
        target = node.targets[0]
        self.names.append(target.id if isinstance(target, ast.Name) else "?")
        self.visit(node.value)
        self.names.pop()

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        if node.value is not None:
            self.names.append(node.target.id if isinstance(node.target, ast.Name) else "?")
            self.visit(node.value)
            self.names.pop()

    def visit_Dict(self, node: ast.Dict) -> None:
        if _is_lang_keyed(node) and not self._kept(node):
            site = self._lang_table(node)
            if site is not None:
                self.sites.append(site)
                return
        for key, value in zip(node.keys, node.values):
            label = _str(key) if key is not None else None
            self.names.append(f"[{label}]" if label is not None else "[?]")
            self.visit(value)
            self.names.pop()

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        name = func.id if isinstance(func, ast.Name) else None
        if name in HELPERS and len(node.args) == 3 and not node.keywords and not self._kept(node):
            texts = [_str(a) for a in node.args]
            if all(t is not None for t in texts):
                by_lang = dict(zip(LANGS, texts))
                leaf = Leaf(by_lang["en"], {k: v for k, v in by_lang.items() if k != "en"},  # type: ignore[misc]
                            self._segment(node.args[2]), node.lineno)
                self.sites.append(Site(self.path, (node.lineno, node.col_offset),
                                       (node.end_lineno, node.end_col_offset),  # type: ignore[arg-type]
                                       "msg", leaf, self._name()))
                return
        self.generic_visit(node)

    def _lang_table(self, node: ast.Dict) -> Site | None:
        by_lang = {_str(k): v for k, v in zip(node.keys, node.values)}
        if _looks_like_codes(by_lang.values()):
            return None
        problems = [f"no {lang} text" for lang in TEAM_LANGS if lang not in by_lang]
        try:
            structure = self._align(by_lang, node.lineno)
        except ValueError as exc:
            if all(isinstance(v, ast.Name) for v in by_lang.values()):
                return None  # the body of a tr(cs, sr, en) helper itself
            print(f"{self.path}:{node.lineno}: left as it is ({exc})", file=sys.stderr)
            return None
        shape = "msg" if isinstance(structure, Leaf) else "per_language"
        return Site(self.path, (node.lineno, node.col_offset), (node.end_lineno, node.end_col_offset),  # type: ignore[arg-type]
                    shape, structure, self._name(), problems)

    def _align(self, by_lang: dict[Any, ast.AST], line: int) -> Any:
        english = by_lang["en"]
        if _str(english) is not None:
            texts = {}
            for lang, node in by_lang.items():
                text = _str(node)
                if text is None:
                    raise ValueError(f"the {lang} text is not a plain string")
                if lang != "en":
                    texts[lang] = text
            return Leaf(_str(english), texts, self._segment(english), getattr(english, "lineno", line))  # type: ignore[arg-type]
        if isinstance(english, ast.Dict):
            result = {}
            for index, key in enumerate(english.keys):
                label = _str(key) if key is not None else None
                if label is None:
                    raise ValueError("a key is not a plain string")
                parts = {}
                for lang, node in by_lang.items():
                    if not isinstance(node, ast.Dict):
                        raise ValueError(f"the {lang} table is not a dict")
                    matches = [v for k, v in zip(node.keys, node.values) if _str(k) == label] if k_ok(node) else []
                    if not matches:
                        raise ValueError(f"the {lang} table has no key {label!r}")
                    parts[lang] = matches[0]
                del index
                result[label] = self._align(parts, line)
            for lang, node in by_lang.items():
                extra = {_str(k) for k in node.keys} - set(result)  # type: ignore[union-attr]
                if extra:
                    raise ValueError(f"the {lang} table has keys English lacks: {sorted(map(str, extra))}")
            return result
        if isinstance(english, (ast.Tuple, ast.List)):
            items = []
            for index in range(len(english.elts)):
                parts = {}
                for lang, node in by_lang.items():
                    if not isinstance(node, type(english)) or len(node.elts) != len(english.elts):  # type: ignore[attr-defined]
                        raise ValueError(f"the {lang} sequence does not match the English one")
                    parts[lang] = node.elts[index]  # type: ignore[attr-defined]
                items.append(self._align(parts, line))
            return tuple(items) if isinstance(english, ast.Tuple) else items
        raise ValueError("the English value is not a string, dict or tuple of strings")


def k_ok(node: ast.Dict) -> bool:
    return all(k is not None for k in node.keys)


def _module_name(path: Path) -> str:
    try:
        rel = path.resolve().relative_to(PACKAGE.parent)
    except ValueError:
        return path.stem
    return ".".join(rel.with_suffix("").parts)


def find_sites(path: Path) -> list[Site]:
    source = path.read_text(encoding="utf-8")
    finder = _Finder(path, source)
    finder.visit(ast.parse(source, filename=str(path)))
    return finder.sites


# ---------------------------------------------------------------- catalogue entries

Key = tuple[str | None, str]  # (msgctxt, msgid)


def assign_contexts(sites: list[Site], existing: dict[str, dict[Key, str]]) -> None:
    """One English text with two different translations gets a msgctxt per place."""
    seen: dict[str, dict[str, set[str]]] = {}
    for site in sites:
        for leaf in site.leaves():
            for lang in TEAM_LANGS:
                seen.setdefault(leaf.msgid, {}).setdefault(lang, set()).add(leaf.texts.get(lang, ""))
    for msgid, by_lang in seen.items():
        for lang in TEAM_LANGS:
            old = existing.get(lang, {}).get((None, msgid))
            if old:
                by_lang.setdefault(lang, set()).add(old)
    for site in sites:
        for path, leaf in _leaves_with_path(site.structure, site.name):
            variants = seen[leaf.msgid]
            if any(len({t for t in texts if t}) > 1 for texts in variants.values()):
                leaf.context = path


def _leaves_with_path(node: Any, prefix: str) -> Iterator[tuple[str, Leaf]]:
    if isinstance(node, Leaf):
        yield prefix, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _leaves_with_path(value, f"{prefix}[{key}]")
    elif isinstance(node, (tuple, list)):
        for index, value in enumerate(node):
            yield from _leaves_with_path(value, f"{prefix}[{index}]")


def read_catalog(lang: str, domain: str = "caseconf") -> Any:
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po

    path = po_file(lang, domain)
    if path.is_file():
        with path.open("rb") as handle:
            return read_po(handle, locale=GETTEXT_DIR[lang])
    return Catalog(locale=GETTEXT_DIR[lang], domain=domain, project="caseconf", fuzzy=False)


def po_file(lang: str, domain: str = "caseconf") -> Path:
    return LOCALE / GETTEXT_DIR[lang] / "LC_MESSAGES" / f"{domain}.po"


def write_catalog(catalog: Any, lang: str, domain: str = "caseconf") -> None:
    from babel.messages.pofile import write_po

    path = po_file(lang, domain)
    path.parent.mkdir(parents=True, exist_ok=True)
    catalog.fuzzy = False
    catalog.project, catalog.version = "caseconf", "1"
    catalog.header_comment = ("# caseconf messages. The msgid is the English text; keep {placeholders} as they are.\n"
                              "# Edit here, then run `make i18n`.")
    catalog.last_translator = catalog.language_team = "caseconf team"
    catalog.msgid_bugs_address = ""
    with path.open("wb") as handle:
        write_po(handle, catalog, width=100, sort_output=True, include_previous=False)


def set_entry(catalog: Any, msgid: Any, text: Any, context: str | None, where: str) -> None:
    """Add or replace one entry (Babel's `add` keeps the old translation of an existing one)."""
    catalog.add(msgid, text, locations=[(where, 0)], context=context)
    catalog.get(msgid if isinstance(msgid, str) else msgid[0], context=context).string = text


def add_to_catalogs(sites: list[Site]) -> list[str]:
    """Write every leaf into cs, sr_Latn (translation) and en (empty: the msgid is the text)."""
    problems = []
    for lang in LANGS:
        catalog = read_catalog(lang)
        for site in sites:
            rel = str(site.path.resolve().relative_to(ROOT)) if site.path.resolve().is_relative_to(ROOT) \
                else site.path.name
            for leaf in site.leaves():
                text = "" if lang == "en" else leaf.texts.get(lang, "")
                old = catalog.get(leaf.msgid, context=leaf.context)
                if old is not None and old.string and text and old.string != text:
                    problems.append(f"{rel}:{leaf.line}: {lang} {leaf.msgid!r}: the code's "
                                    f"{text!r} replaces the catalogue's {old.string!r}")
                if old is not None and old.string and not text:
                    text = old.string
                if lang != "en" and not text:
                    problems.append(f"{rel}:{leaf.line}: no {lang} translation of {leaf.msgid!r}")
                catalog.add(leaf.msgid, text, locations=[(rel, leaf.line)], context=leaf.context,
                            flags=("python-brace-format",) if "{" in leaf.msgid else ())
                catalog.get(leaf.msgid, context=leaf.context).string = text  # add() keeps an old string
        write_catalog(catalog, lang)
    return problems


# ---------------------------------------------------------------- rewriting the code

def _call(leaf: Leaf, name: str = "msg") -> str:
    if leaf.context:
        return f"{name}({leaf.source}, {json.dumps(leaf.context, ensure_ascii=False)})"
    return f"{name}({leaf.source})"


def _code(node: Any, indent: str, name: str = "msg") -> str:
    if isinstance(node, Leaf):
        return _call(node, name)
    inner = indent + "    "
    if isinstance(node, dict):
        body = "".join(f"{inner}{key!r}: {_code(value, inner, name)},\n" for key, value in node.items())
        return "{\n" + body + indent + "}"
    items = "".join(f"{inner}{_code(value, inner, name)},\n" for value in node)
    return ("(\n" if isinstance(node, tuple) else "[\n") + items + indent + (")" if isinstance(node, tuple) else "]")


def rewrite(path: Path, sites: list[Site]) -> str:
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line.encode("utf-8")))
    data = source.encode("utf-8")

    def at(pos: tuple[int, int]) -> int:
        return offsets[pos[0] - 1] + pos[1]

    taken = _module_names(source)
    # a module with its own `msg` (the guard's messages) gets the catalogue's under another name
    alias = {name: name if name not in taken else f"catalogue_{name}" for name in ("msg", "per_language")}
    used = set()
    for site in sorted(sites, key=lambda s: s.start, reverse=True):
        indent = " " * (len(lines[site.start[0] - 1]) - len(lines[site.start[0] - 1].lstrip()))
        code = _code(site.structure, indent, alias["msg"])
        if site.shape == "per_language":
            code = f"{alias['per_language']}({code})"
            used.add("per_language")
        used.add("msg")
        data = data[:at(site.start)] + code.encode("utf-8") + data[at(site.end):]
    text = data.decode("utf-8")
    names = [name if alias[name] == name else f"{name} as {alias[name]}" for name in sorted(used)]
    return _drop_unused_helpers(_add_import(text, path, names))


def _module_names(source: str) -> set[str]:
    """Names the module binds itself, other than the catalogue's (to avoid shadowing them)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            if isinstance(node, ast.ImportFrom) and (node.module or "").endswith("catalogue"):
                continue
            names |= {(a.asname or a.name).split(".")[0] for a in node.names}
        elif isinstance(node, ast.arg):
            names.add(node.arg)
    return names


def _add_import(text: str, path: Path, names: list[str]) -> str:
    if not names:
        return text
    module = _module_name(path).split(".")
    if module[0] != "caseconf":  # a file outside the package (a test's sample module)
        target = "caseconf.records.catalogue"
    elif module[1:2] == ["records"] and len(module) == 3:
        target = ".catalogue"
    else:
        target = "." * (len(module) - 1) + "records.catalogue"
    line = f"from {target} import {', '.join(names)}\n"
    lines = text.splitlines(keepends=True)
    if line in lines:
        return text
    tree = ast.parse(text)
    imports = [n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))]
    level = len(target) - len(target.lstrip("."))
    module = target.lstrip(".")
    same_level = [n for n in imports if isinstance(n, ast.ImportFrom) and n.level == level and level]
    after = [n for n in same_level if (n.module or "") > module]
    if after:  # keep isort's order among the relative imports
        lines.insert(after[0].lineno - 1, line)
    elif same_level:
        lines.insert(same_level[-1].end_lineno or same_level[-1].lineno, line)
    else:
        last = (imports[-1].end_lineno or imports[-1].lineno) if imports else 0
        lines.insert(last, ("\n" if imports else "") + line)
    return "".join(lines)


def _drop_unused_helpers(text: str) -> str:
    """`from ._text import tr` is dead once every tr(...) became msg(...)."""
    tree = ast.parse(text)
    used = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    lines = text.splitlines(keepends=True)
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.lineno == node.end_lineno:
            dead = [a for a in node.names if a.name in HELPERS and (a.asname or a.name) not in used]
            if not dead:
                continue
            keep = [a for a in node.names if a not in dead]
            if keep:
                names = ", ".join(a.name + (f" as {a.asname}" if a.asname else "") for a in keep)
                lines[node.lineno - 1] = f"from {'.' * node.level}{node.module or ''} import {names}\n"
            else:
                lines[node.lineno - 1] = ""
    return "".join(lines)


# ---------------------------------------------------------------- commands

def convert(paths: list[Path], write: bool) -> int:
    files = [p for path in paths for p in (sorted(path.rglob("*.py")) if path.is_dir() else [path])]
    sites = [site for path in files for site in find_sites(path)]
    existing = {}
    if LOCALE.is_dir():
        for lang in TEAM_LANGS:
            catalog = read_catalog(lang)
            existing[lang] = {(m.context, m.id): m.string for m in catalog if m.id and isinstance(m.id, str)}
    assign_contexts(sites, existing)
    for site in sites:
        count = sum(1 for _ in site.leaves())
        extra = f" ({'; '.join(site.problems)})" if site.problems else ""
        print(f"{site.path}:{site.start[0]}: {site.name}: {site.shape}, {count} text(s){extra}")
    if not write:
        print(f"{len(sites)} table(s) in {len(files)} file(s); run with --write to convert", file=sys.stderr)
        return 0
    problems = add_to_catalogs(sites)
    for path in sorted({site.path for site in sites}):
        new_text = rewrite(path, [s for s in sites if s.path == path])
        compile(new_text, str(path), "exec")  # never write a module that does not parse
        path.write_text(new_text, encoding="utf-8")
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    return compile_all()


def compile_all() -> int:
    sys.path.insert(0, str(ROOT / "src"))
    from caseconf.records.catalogue import compile_po  # type: ignore[import-not-found]

    for po in sorted(LOCALE.glob("*/LC_MESSAGES/*.po")):
        po.with_suffix(".mo").write_bytes(compile_po(po))
        print(f"compiled {po.relative_to(ROOT)}", file=sys.stderr)
    return 0


def check() -> int:
    """Untranslated or fuzzy entries in a team language, and .mo files older than their .po."""
    sys.path.insert(0, str(ROOT / "src"))
    from caseconf.records.catalogue import source_hash  # type: ignore[import-not-found]

    failures = []
    for po in sorted(LOCALE.glob("*/LC_MESSAGES/*.po")):
        lang = po.parent.parent.name
        if lang != "en":
            from babel.messages.pofile import read_po

            with po.open("rb") as handle:
                catalog = read_po(handle)
            for message in catalog:
                if not message.id:
                    continue
                strings = message.string if isinstance(message.string, (tuple, list)) else (message.string,)
                if not all(strings) or message.fuzzy:
                    failures.append(f"{po.relative_to(ROOT)}: untranslated {message.id!r}")
        mo = po.with_suffix(".mo")
        if mo.is_file() and source_hash(po).encode() not in mo.read_bytes():
            failures.append(f"{mo.relative_to(ROOT)} is older than its .po: run `make i18n`")
    from caseconf.records.glossary import stale_glossary_pages  # type: ignore[import-not-found]

    failures.extend(f"{page.relative_to(ROOT)}: its glossary tables are not locale/glossary.yml's: run `make i18n`"
                    for page in stale_glossary_pages(ROOT))
    for failure in failures:
        print(failure, file=sys.stderr)
    return 1 if failures else 0


def pages() -> int:
    """Write the glossary tables of the methodology pages (packs and methodology/) from the glossary."""
    sys.path.insert(0, str(ROOT / "src"))
    from caseconf.records.glossary import stale_glossary_pages  # type: ignore[import-not-found]

    for page in stale_glossary_pages(ROOT, write=True):
        print(f"wrote the glossary tables of {page.relative_to(ROOT)}", file=sys.stderr)
    return 0


def extract() -> int:
    """messages.pot from the code (babel.cfg keywords) plus every command's help text."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir
    from babel.messages.pofile import write_po

    catalog = Catalog(project="caseconf", domain="caseconf")
    # by number of arguments: msg's second one is its msgctxt
    # (keyword arguments count as arguments too, so tx/ntx carry no msgctxt: use msg for that)
    keywords = {"msg": {1: (1,), 2: (1, (2, "c"))}, "nmsg": {3: (1, 2), 4: (1, 2, (4, "c"))}, "tx": {None: (2,)},
                "ntx": {None: (2, 3)}}
    method_map = [("src/caseconf/**.py", "python")]
    for filename, lineno, message, comments, context in extract_from_dir(
            str(ROOT), method_map, keywords=keywords, comment_tags=("i18n:",)):
        if isinstance(message, str) and re.fullmatch(r"[a-z0-9_]+", message):
            continue  # a key passed to another function called msg (the guard's msg(key, lang))
        catalog.add(message, locations=[(filename, lineno)], auto_comments=comments, context=context)
    for text, where in help_texts():
        catalog.add(text, locations=[(where, 0)], context="help")
    (LOCALE).mkdir(parents=True, exist_ok=True)
    with (LOCALE / "caseconf.pot").open("wb") as handle:
        write_po(handle, catalog, width=100, sort_output=True)
    print(f"{len(catalog)} messages -> {(LOCALE / 'caseconf.pot').relative_to(ROOT)}", file=sys.stderr)
    return 0


def help_texts() -> list[tuple[str, str]]:
    """Every help text of the CLI (commands, options, the command list), by walking click."""
    sys.path.insert(0, str(ROOT / "src"))
    from caseconf.cli.help_i18n import iter_help_texts  # type: ignore[import-not-found]

    return list(iter_help_texts())


def update() -> int:
    """Add the template's new msgids (empty) to every .po; nothing is ever dropped (entries the
    extractor cannot see, such as metavars and plural helpers, stay)."""
    from babel.messages.pofile import read_po

    with (LOCALE / "caseconf.pot").open("rb") as handle:
        template = read_po(handle)
    for lang in LANGS:
        catalog = read_catalog(lang)
        added = 0
        for message in template:
            if message.id and catalog.get(message.id, context=message.context) is None:
                empty = ("",) * len(message.id) if isinstance(message.id, (tuple, list)) else ""
                catalog.add(message.id, empty, locations=message.locations, context=message.context,
                            flags=message.flags)
                added += 1
        write_catalog(catalog, lang)
        print(f"{po_file(lang).relative_to(ROOT)}: {added} new", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    conv = sub.add_parser("convert")
    conv.add_argument("--write", action="store_true")
    conv.add_argument("paths", nargs="+", type=Path)
    for name in ("extract", "update", "compile", "pages", "check"):
        sub.add_parser(name)
    args = parser.parse_args(argv)
    if args.command == "convert":
        return convert(args.paths, args.write)
    return {"extract": extract, "update": update, "compile": compile_all, "pages": pages,
            "check": check}[args.command]()


if __name__ == "__main__":
    raise SystemExit(main())
