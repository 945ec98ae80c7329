"""`caseconf site build|serve`: the team's internal site (a thin wrapper around MkDocs)."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

import click

from ..errors import CaseconfError, OperationFailed
from .common import resolve_root, root_option

CONFIG_FILE = "mkdocs.yml"


def _config_file(root: Path) -> Path:
    config = root / CONFIG_FILE
    if not config.is_file():
        raise CaseconfError(f"{root}: no {CONFIG_FILE} here, so there is no site to build",
                            "`caseconf init DIR` creates one; or point --root at your team repository")
    return config


def _show_warnings(*, serving: bool = False) -> None:
    """Print MkDocs' and the plugins' warnings, as `mkdocs build` does: without a handler of
    our own, `--strict` would count them silently and fail without naming the file. Under
    `serve`, also the address once the server is up (else `make demo` looks stuck)."""
    logger = logging.getLogger("mkdocs")
    if any(getattr(handler, "caseconf", False) for handler in logger.handlers):
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(logging.INFO if serving else logging.WARNING)
    handler.addFilter(lambda record: record.levelno >= logging.WARNING
                      or "Serving on " in str(record.msg))
    if serving and logger.getEffectiveLevel() > logging.INFO:
        logger.setLevel(logging.INFO)
    handler.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
    handler.caseconf = True  # type: ignore[attr-defined]
    logger.addHandler(handler)


@click.group()
def site() -> None:
    """Build or serve the internal site (MkDocs + mkdocs-material + the caseconf plugin)."""


@site.command()
@root_option
@click.option("--strict", is_flag=True, help="Treat MkDocs warnings as errors.")
@click.option("--site-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where to write the site (default: site_dir of mkdocs.yml).")
def build(root: Path | None, strict: bool, site_dir: Path | None) -> int:
    """Build the site into site_dir; it opens from a USB stick (file://) without a server."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError, PluginError

    root_dir = resolve_root(root)
    options: dict[str, object] = {"strict": True} if strict else {}
    if site_dir is not None:
        options["site_dir"] = str(site_dir.resolve())
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    _show_warnings()
    try:
        config = load_config(str(_config_file(root_dir)), **options)
        mkdocs_build(config)
    except PluginError as exc:
        raise OperationFailed(str(exc), "fix the records named above, then build again") from None
    except (ConfigurationError, Abort) as exc:
        raise OperationFailed(f"the site did not build: {exc}", "see the warnings above") from None
    click.echo(f"site built in {config.site_dir}", err=True)
    return 0


@site.command()
@root_option
@click.option("--strict", is_flag=True, help="Treat MkDocs warnings as errors.")
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True, help="IP address and port.")
def serve(root: Path | None, strict: bool, dev_addr: str) -> int:
    """Serve the site locally and rebuild when a record, caseconf.yml or a methodology page changes."""
    from mkdocs.commands.serve import serve as mkdocs_serve
    from mkdocs.exceptions import Abort, ConfigurationError

    root_dir = resolve_root(root)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    _show_warnings(serving=True)
    click.echo(f"caseconf: building the site, then serving it on http://{dev_addr}/ (Ctrl+C stops)", err=True)
    options: dict[str, object] = {"dev_addr": dev_addr}
    if strict:
        options["strict"] = True
    try:
        mkdocs_serve(str(_config_file(root_dir)), livereload=True, **options)
    except (ConfigurationError, Abort) as exc:
        raise OperationFailed(f"the site could not be served: {exc}", "see the messages above") from None
    return 0
