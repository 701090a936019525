"""The worker side of `crawl --warc` / `reextract`: one WARC partition in, the rows of its pages out.

Top-level functions and plain records only, so the same task runs in a local process or on a Dask
worker; the parent stores what comes back (`pipeline.BatchWriter`) in task order.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..pipeline import PageOutcome, page_outcome
from ..sources.warc import WarcPartition, iter_pages

__all__ = ["PartitionResult", "parse_partition"]


@dataclass(frozen=True)
class PartitionResult:
    partition: WarcPartition
    outcomes: list[PageOutcome] = field(default_factory=list)
    error: str | None = None  # the partition could not be read to its end (the outcomes before it stand)


def parse_partition(part: WarcPartition) -> PartitionResult:
    outcomes: list[PageOutcome] = []
    try:
        for page in iter_pages(part):
            outcomes.append(
                page_outcome(
                    page.body,
                    page.url,
                    http_charset=page.charset,
                    fetched_at=page.warc_date,
                    archive_url=page.archive_url,
                    captured_at=page.captured_at,
                )
            )
    except Exception as exc:  # noqa: BLE001 - warcio raises assorted errors on damaged files
        text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return PartitionResult(part, outcomes, text[:200])
    return PartitionResult(part, outcomes)
