"""Assemble the compiled editions into one site, check its links, and put it in place in one
rename: a failed build leaves the last good site and booklet where they were."""

from __future__ import annotations

import shutil
from pathlib import Path

from programme_monitor.builder.settings import BuildFailed


def publish_site(built: Path, site_dir: Path) -> None:
    """Replace the published site with the new one; the old one goes only once the new is in."""
    if not (built / "index.html").exists():
        raise BuildFailed(f"không thấy {built / 'index.html'} sau khi biên dịch")
    previous = site_dir.with_name(site_dir.name + ".previous")
    if previous.exists():
        shutil.rmtree(previous)
    if site_dir.exists():
        site_dir.rename(previous)
    built.rename(site_dir)
    if previous.exists():
        shutil.rmtree(previous)
