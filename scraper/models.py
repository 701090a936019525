"""The records that pass between the stages: Figure, Article, and the QA results.

These are the public shapes of `../shared/CONTRACT.md`; fields are only ever added.  Validation here
is about what a reader would call impossible (a share of 130% that is not a change, half a person):
such a record is kept and carries a warning, because silently dropping a figure loses data.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

__all__ = ["Article", "Attachment", "Check", "Figure", "Table", "CompareRow"]

Kind = Literal[
    "count", "percent", "money", "quantity", "rank", "ratio", "score", "duration", "multiple", "number"
]


class Figure(BaseModel):
    """One figure read from a text, with its exact provenance: `body_text[start:end] == raw`."""

    # Anything that changes a figure after it was read (a table header giving its unit) is validated
    # again, so a figure carries the same warnings however it got its value.
    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    value: Decimal
    kind: Kind
    unit: str | None = None
    raw: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    qualifier: str | None = None
    sentence: str = ""
    indicator: str | None = None
    entity: str | None = None
    period_start: date | None = None
    period_end: date | None = None
    period_text: str | None = None
    estimate: bool = False
    change: Literal["tăng", "giảm"] | None = None
    baseline: str | None = None
    # Relations and extras (additive to the contract).
    index: int = 0
    denominator: Decimal | None = None  # "9/63" -> 63; "1.304/1.650" -> 1650
    range: Literal["low", "high"] | None = None
    part_of: int | None = None  # id (`index`) of the total this figure is a part of ("trong đó …")
    computed_from: list[int] | None = None  # [numerator id, denominator id] of a stated rate
    ambiguous: bool = False  # the reading depended on a number convention the text did not make clear
    prior_period: bool = False  # "(cùng kỳ tăng 7,15%)": the same indicator a year earlier
    verb: str | None = None
    table: int | None = None
    row: str | None = None
    column: str | None = None
    page: int | None = None  # 1-based page of a paged document (PDF)
    # Figures read from an attached document: its URL and the cell's address ("Sheet!B7", "r3c2").
    document_url: str | None = None
    cell: str | None = None
    warnings: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _check(self) -> Figure:
        if self.end < self.start:
            raise ValueError("end before start")
        if self.kind == "percent" and not self.change and self.value > 100 and not _over_100_ok(self):
            self._warn("share above 100% that is not a change or a plan ratio")
        if self.kind == "percent" and self.value < 0:
            self._warn("negative share")
        if self.kind == "count" and self.value != self.value.to_integral_value():
            self._warn("count is not a whole number")
        if self.kind == "count" and self.value < 0:
            self._warn("negative count")
        if (
            self.kind in ("rank", "ratio")
            and self.denominator is not None
            and self.kind == "rank"
            and self.value > self.denominator
        ):
            self._warn("rank larger than the number ranked")
        return self

    @property
    def id(self) -> int:
        """The figure's id within its text (its position in reading order): what `part_of` and
        `computed_from` refer to."""
        return self.index

    @classmethod
    def trusted(cls, **fields: Any) -> Figure:
        """A figure from fields the extractor computed itself, each already of its declared type: built
        without pydantic's per-field parsing (a third of the extractor's cost per figure) but with the
        same checks and warnings (`_check`).  Input from anywhere else goes through `Figure(...)`;
        tests/test_extract_centre.py checks that the extractor's figures equal the validated ones."""
        return cls.trusted_from(fields)

    @classmethod
    def trusted_from(cls, fields: dict[str, Any]) -> Figure:
        """`trusted(**fields)` from a dict the caller built (not kept): no keyword arguments to pack."""
        if (
            not _REQUIRED.issubset(fields)
            or not _FIELDS.issuperset(fields)
            or fields["kind"] not in _KINDS
            or not 0 <= fields["start"] <= fields["end"]
        ):
            return cls(**fields)  # validation names what is missing, unknown or impossible
        figure = cls.__new__(cls)
        _set = object.__setattr__
        _set(figure, "__dict__", {**_DEFAULTS, "warnings": [], **fields})
        _set(figure, "__pydantic_fields_set__", set(fields))
        _set(figure, "__pydantic_extra__", None)
        _set(figure, "__pydantic_private__", None)
        return figure._check()

    def revised(self, **changes: Any) -> Figure:
        """This figure with `changes` applied together, validated again as a whole."""
        return Figure.model_validate({**self.model_dump(), **changes})

    def _warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def to_json_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


_FIELDS = frozenset(Figure.model_fields)
_KINDS = frozenset(get_args(Kind))
_REQUIRED = frozenset(name for name, f in Figure.model_fields.items() if f.is_required())
# Defaults in field order (the order a validated figure's fields have); a fresh list per figure for warnings.
_DEFAULTS = {name: None if f.default_factory else f.default for name, f in Figure.model_fields.items()}


def _over_100_ok(f: Figure) -> bool:
    s = f.sentence.lower()
    after = s[s.find(f.raw.lower()) + len(f.raw) :][:40] if f.raw.lower() in s else ""
    return any(
        w in after
        for w in (
            "kế hoạch", "dự toán", "chỉ tiêu", "so với",
            "cùng kỳ", "mục tiêu", "nghị quyết",
        )
    )


class Table(BaseModel):
    """A table in the article: `rows` of cell texts; `header_rows` of them are headers."""

    rows: list[list[str]]
    header_rows: int = 0
    caption: str | None = None


class Attachment(BaseModel):
    url: str
    name: str
    type: str | None = None


class Article(BaseModel):
    url: str | None = None
    id: str
    site: str | None = None
    platform: str = "generic"
    title: str | None = None
    published: str | None = None
    author: str | None = None
    category: str | None = None
    views: int | None = None
    summary: str | None = None
    body_text: str = ""
    tables: list[Table] = Field(default_factory=list)
    attachments: list[Attachment] = Field(default_factory=list)
    captions: list[str] = Field(default_factory=list)  # photo captions, kept apart from the prose
    language: str | None = None
    figures: list[Figure] = Field(default_factory=list)
    # Provenance of the capture (crawl, archive, WARC).
    fetched_at: str | None = None
    archive_url: str | None = None
    captured_at: str | None = None
    content_hash: str | None = None
    warnings: list[str] = Field(default_factory=list)
    # Where each table sits in body_text, so cell figures learn their row and column (parse-time only).
    _table_spans: list[Any] = PrivateAttr(default_factory=list)


class Check(BaseModel):
    """One QA cross-check inside an article."""

    check: str
    consistent: bool
    stated: Decimal | None = None
    computed: Decimal | None = None
    figures: list[dict[str, Any]] = Field(default_factory=list)
    message: str
    article_url: str | None = None
    # How the figures were related, so a reviewer can judge the check (additive to the contract). the reading
    # that related them: "'trong đó' sau tổng", "tỷ lệ của phân số", …
    rule: str | None = None
    confidence: float | None = None  # 0..1: how surely a reader would relate these figures this way
    roles: list[str] = Field(
        default_factory=list
    )  # per entry of `figures`: "total", "part", "rate", "numerator", "whole", …
    # A failing sum off by no more than the rounding of its parts printed with decimals can make ("12.440,0"
    # of ten rows to 0,1 against a printed 12.439,9): still inconsistent as printed, worth a softer look.
    rounding: bool = False


class CompareRow(BaseModel):
    """One row of an official table and what the dataset says about it."""

    status: Literal["matched", "mismatch", "missing", "ambiguous"]
    indicator: str
    entity: str | None = None
    period_start: date | None = None
    period_end: date | None = None
    official_value: Decimal
    unit: str | None = None
    extracted_value: Decimal | None = None
    difference: Decimal | None = None
    relative_difference: Decimal | None = None
    sentence: str | None = None
    article_url: str | None = None
    raw: str | None = None
    score: float | None = None
    candidates: int = 0
    message: str = ""
