"""WARC/ARC files as units of parallel work: partitions, and the article pages inside one (warcio).

A partition is a whole file or, for a large one, a byte range that starts and ends on record
boundaries (found by an index pass over the file, itself a task), so any worker — a local process
or a Dask worker on another machine — reads exactly its records and nothing else.  Paths are local
paths, paths on a shared file system, or any URL fsspec opens (`s3://bucket/crawl/x.warc.gz`).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from .. import settings
from ..errors import InputError

__all__ = [
    "WarcPartition",
    "WarcPage",
    "page_of_record",
    "warc_partitions",
    "expand_remote",
    "record_offsets",
    "iter_pages",
    "open_warc",
    "warc_size",
]

ROLE_HEADER = "WARC-Scraper-Role"
ARCHIVE_URL_HEADER = "WARC-Scraper-Archive-URL"
CAPTURED_AT_HEADER = "WARC-Scraper-Captured-At"


@dataclass(frozen=True)
class WarcPartition:
    """Records of `path` starting in [start, end) (`end` None: to the end of the file)."""

    path: str
    start: int = 0
    end: int | None = None


@dataclass(frozen=True)
class WarcPage:
    url: str
    body: bytes
    charset: str | None
    warc_date: str | None
    archive_url: str | None = None
    captured_at: str | None = None


def _is_remote(path: str) -> bool:
    return "://" in path and not path.startswith("file://")


def open_warc(path: str) -> IO[bytes]:
    """A binary file object for a local path or an fsspec URL (s3://, gs://, http://...)."""
    if _is_remote(path):
        try:
            import fsspec
        except ImportError:
            raise InputError(f"{path}: reading remote WARCs needs fsspec (pip install fsspec s3fs)") from None
        return fsspec.open(path, "rb").open()
    return open(path.removeprefix("file://"), "rb")


def expand_remote(paths: Iterable[str]) -> list[str]:
    """Remote patterns (`s3://bucket/crawl/*.warc.gz`) as the files they match, sorted; others as given."""
    out: list[str] = []
    for path in paths:
        if _is_remote(path) and any(ch in path for ch in "*?["):
            import fsspec

            fs, _, _ = fsspec.get_fs_token_paths(path)
            protocol = path.split("://", 1)[0]
            matches = sorted(fs.glob(path))
            if not matches:
                raise InputError(f"{path}: no WARC files match")
            out.extend(m if "://" in m else f"{protocol}://{m.lstrip('/')}" for m in matches)
        else:
            out.append(path)
    return out


def warc_size(path: str) -> int:
    if _is_remote(path):
        import fsspec

        fs, _, (p,) = fsspec.get_fs_token_paths(path)
        return int(fs.size(p))
    return Path(path.removeprefix("file://")).stat().st_size


def record_offsets(path: str) -> list[int]:
    """The byte offset of every record in a WARC/ARC file (an index pass: reads, parses nothing)."""
    from warcio.archiveiterator import ArchiveIterator

    offsets = []
    with open_warc(path) as fh:
        it = ArchiveIterator(fh, arc2warc=True)
        for _ in it:
            offsets.append(it.get_record_offset())
    return offsets


def _ranges(path: str, offsets: list[int], target: int) -> list[WarcPartition]:
    parts: list[WarcPartition] = []
    start = 0
    for off in offsets[1:]:
        if off - start >= target:
            parts.append(WarcPartition(path, start, off))
            start = off
    parts.append(WarcPartition(path, start, None))
    return parts


def warc_partitions(
    paths: Iterable[str],
    index: Callable[[Callable[[str], list[int]], list[str]], Iterable[list[int]]] = map,
    *,
    workers: int = 1,
    target_bytes: int | None = None,
) -> list[WarcPartition]:
    """Partitions in file order: small files whole, large ones split at record boundaries.

    `index` maps `record_offsets` over the large files (an executor's `map`, so big files are
    indexed in parallel where they are readable).  Partitions are sized so that every worker gets
    several (`settings.WARC_PARTITION_BYTES` at most); the pages read from them, in partition
    order, are in file order whatever the sizes.
    """
    paths = [str(p) for p in paths]
    sizes = {p: warc_size(p) for p in paths}
    share = sum(sizes.values()) // max(1, workers * settings.TASKS_IN_FLIGHT_PER_WORKER)
    target = target_bytes or max(settings.WARC_PARTITION_MIN_BYTES, min(settings.WARC_PARTITION_BYTES, share))
    large = [p for p in paths if sizes[p] > target]
    offsets = dict(zip(large, index(record_offsets, large)))
    out: list[WarcPartition] = []
    for p in paths:
        out.extend(_ranges(p, offsets[p], target) if p in offsets else [WarcPartition(p)])
    return out


def _charset(ctype: str) -> str | None:
    for part in ctype.split(";")[1:]:
        k, _, v = part.strip().partition("=")
        if k.lower() == "charset":
            return v.strip("\"' ")
    return None


def page_of_record(record: Any) -> WarcPage | None:
    """An article candidate: a 200 HTML `response` that is not one of our crawl's listing pages."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    if record.http_headers.get_statuscode() != "200":
        return None
    if record.rec_headers.get_header(ROLE_HEADER) == "listing":
        return None  # our own crawl's listing pages: discovery input, not articles
    ctype = record.http_headers.get_header("Content-Type") or ""
    if ctype and "html" not in ctype.lower():
        return None
    h = record.rec_headers
    return WarcPage(
        h.get_header("WARC-Target-URI"),
        record.content_stream().read(),
        _charset(ctype),
        h.get_header("WARC-Date"),
        h.get_header(ARCHIVE_URL_HEADER),
        h.get_header(CAPTURED_AT_HEADER),
    )


def iter_pages(part: WarcPartition) -> Iterator[WarcPage]:
    """The article candidates of one partition, in file order."""
    from warcio.archiveiterator import ArchiveIterator

    with open_warc(part.path) as fh:
        if part.start or part.end is not None:
            fh.seek(part.start)
            stream: IO[bytes] = io.BytesIO(fh.read() if part.end is None else fh.read(part.end - part.start))
        else:
            stream = fh
        for record in ArchiveIterator(stream, arc2warc=True):
            page = page_of_record(record)
            if page is not None:
                yield page
