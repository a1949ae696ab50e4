"""Assemble the compiled editions into one site, check its links, and put it in place in one
rename: a failed build leaves the last good site and booklet where they were."""

from __future__ import annotations

import shutil
from pathlib import Path

from programme_monitor.builder.compile import CompiledEdition
from programme_monitor.builder.settings import BuildFailed, BuildSettings
from programme_monitor.common.files import zip_bytes
from programme_monitor.data.edition_archive import (
    ARCHIVE_FOLDER,
    archived_editions,
    booklets_of,
    package_of,
)
from programme_monitor.site.feed import FEED, feed_xml
from programme_monitor.site.link_check import check_site
from programme_monitor.site.search_index import prepare_search_index
from programme_monitor.words.publication import EMBED_FOLDER, booklet_file_name, package_file_name


def archived_site_files(settings: BuildSettings, programme: dict) -> dict[str, bytes]:
    """The archived editions (editions/ of the programme's folder) at their stable addresses,
    linked from the editions page: `editions/<date>/<name>-du-lieu.zip` and each booklet where
    its edition's own would sit (`editions/<date>/<name>.pdf`, `editions/<date>/en/<name>.pdf`)."""
    files = {}
    for day in archived_editions(settings.data_dir):
        folder = f"{ARCHIVE_FOLDER}/{day.isoformat()}/"
        files[folder + package_file_name(programme, day)] = zip_bytes(
            package_of(settings.data_dir, day)
        )
        for lang, pdf in booklets_of(settings.data_dir, day).items():
            if lang in settings.languages:
                files[folder + settings.site_path(lang) + booklet_file_name(programme, day)] = pdf
    return files


def feed_files(settings: BuildSettings, programme: dict) -> dict[str, bytes]:
    """Each edition's Atom feed of the publication's editions, at that edition's root."""
    archived = {
        day: set(booklets_of(settings.data_dir, day))
        for day in archived_editions(settings.data_dir)
    }
    return {
        settings.site_path(lang) + FEED: feed_xml(
            settings.edition(lang), programme, archived, "../" * settings.site_path(lang).count("/")
        )
        for lang in settings.languages
    }


def embed_files(settings: BuildSettings) -> dict[str, bytes]:
    """The pages other sites frame and their preview images, which the chapters wrote beside
    their pages (pages/embed_page.py) but the book compiler does not publish: at the same place
    in the site as in each edition's sources."""
    files = {}
    for lang in settings.languages:
        source = settings.source_dir(lang)
        folder = settings.generated_dir(lang) / EMBED_FOLDER
        for path in sorted(folder.glob("*")) if folder.is_dir() else []:
            files[settings.site_path(lang) + path.relative_to(source).as_posix()] = (
                path.read_bytes()
            )
    return files


def assemble_site(
    settings: BuildSettings,
    compiled: dict[str, CompiledEdition],
    booklet_name: str,
    archived: dict[str, bytes] | None = None,
) -> list[str]:
    """Every edition's site and booklet in the staging folder, the root edition at its root and
    each other in its language's folder, with search that ignores marks; every link checked (a
    broken one fails the build). Returns the links to other sites, for a person to check."""
    staging = settings.staging_dir
    if staging.exists():
        shutil.rmtree(staging)
    for lang, edition in compiled.items():  # the root edition first: the others go inside it
        place = staging / settings.site_path(lang)
        shutil.copytree(edition.site, place)
        prepare_search_index(place)
        if edition.pdf is not None:
            shutil.copyfile(edition.pdf, place / booklet_name)
    for name, content in (archived or {}).items():
        (staging / name).parent.mkdir(parents=True, exist_ok=True)
        (staging / name).write_bytes(content)
    links = check_site(staging, settings.links_file)
    if links.broken:
        raise BuildFailed(
            f"{len(links.broken)} liên kết hỏng trong trang:\n"
            + "\n".join(f"  - {broken}" for broken in links.broken)
        )
    return sorted(links.external)


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
