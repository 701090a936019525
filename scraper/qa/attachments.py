"""Does the article agree with the report it links to?  Each article figure against the figures of its
own attached documents (`qa compare --attachments`).

A counterpart is a document figure of the same kind and unit (and change direction) that either states the
same value (`matched`), or measures the same thing — indicator, entity and period — with a different value
(`mismatch`). Indicators are compared fuzzily (rapidfuzz), because an article shortens the report's row label
("Thu ngân sách" vs "Tổng thu ngân sách nhà nước trên địa bàn").
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel

from .. import settings
from .checks import _esc, _highlight, _norm, _norm_entity, _page, vn_number

__all__ = ["AttachmentMatch", "compare_attachments", "match_article", "attachments_report_html"]


class AttachmentMatch(BaseModel):
    status: Literal["matched", "mismatch"]
    article_url: str
    document_url: str
    article_value: Decimal
    document_value: Decimal
    unit: str | None = None
    kind: str
    indicator: str | None = None
    document_indicator: str | None = None
    entity: str | None = None
    period_text: str | None = None
    article_raw: str
    document_raw: str
    article_start: int
    article_end: int
    article_index: int
    document_start: int
    document_end: int
    article_sentence: str
    document_sentence: str
    page: int | None = None
    table: int | None = None
    row: str | None = None
    column: str | None = None
    cell: str | None = None
    score: float
    message: str


def _similar(a: str | None, b: str | None) -> float:
    """0–100: how alike two indicator/label texts are (token-set ratio over normalised words)."""
    from rapidfuzz import fuzz

    na, nb = _norm(a), _norm(b)
    if not na or not nb:
        return 0.0
    score = float(fuzz.token_set_ratio(na, nb))
    # One shared word ("tỷ lệ" is two) is not the same indicator, however well it scores as a subset.
    return score if len(set(na.split()) & set(nb.split())) >= 2 else score * 0.7


def _units_agree(a: str | None, b: str | None) -> bool:
    """"hồ sơ" and "hồ sơ thủ tục hành chính" count the same thing; "đồng" and "đồng"
    alike."""
    ua, ub = " ".join((a or "").lower().split()), " ".join((b or "").lower().split())
    return ua == ub or ua.startswith(ub + " ") or ub.startswith(ua + " ")


def _same_measure(a: dict[str, Any], d: dict[str, Any]) -> bool:
    return (
        a["kind"] == d["kind"]
        and _units_agree(a.get("unit"), d.get("unit"))
        and (a.get("change") or None) == (d.get("change") or None)
        and bool(a.get("prior_period")) == bool(d.get("prior_period"))
    )


def _periods_agree(a: dict[str, Any], d: dict[str, Any]) -> bool | None:
    """True same period, False different, None when one side does not say."""
    pa, pd = (a.get("period_start"), a.get("period_end")), (d.get("period_start"), d.get("period_end"))
    if not any(pa) or not any(pd):
        return None
    return pa == pd


def _entities_agree(a: dict[str, Any], d: dict[str, Any]) -> bool:
    ea, ed = _norm_entity(a.get("entity")), _norm_entity(d.get("entity"))
    return not ea or not ed or ea == ed or ea in ed or ed in ea


def _equal(a: Decimal, b: Decimal, tolerance: float) -> bool:
    return a == b or abs(a - b) <= abs(a) * Decimal(str(tolerance))


def _label(d: dict[str, Any]) -> str:
    return " ".join(x for x in (d.get("indicator"), d.get("row")) if x)


def match_article(
    article_url: str,
    figures: list[dict[str, Any]],
    doc_figures: list[dict[str, Any]],
    *,
    tolerance: float | None = None,
) -> list[AttachmentMatch]:
    """For each article figure, its best counterpart among `doc_figures` (dataset rows), if any."""
    tol = settings.ATTACHMENT_MATCH_TOLERANCE if tolerance is None else tolerance
    out: list[AttachmentMatch] = []
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for d in doc_figures:
        by_kind.setdefault(d["kind"], []).append(d)
    for a in figures:
        if a["kind"] == "number" or a.get("estimate") and not a.get("indicator"):
            continue
        va = Decimal(str(a["value"]))
        best: tuple[float, str, dict[str, Any], float] | None = None
        for d in by_kind.get(a["kind"], []):
            if not _same_measure(a, d) or not _entities_agree(a, d) or _periods_agree(a, d) is False:
                continue
            vd = Decimal(str(d["value"]))
            sim = max(
                _similar(a.get("indicator"), d.get("indicator")), _similar(a.get("indicator"), _label(d))
            )
            if _equal(va, vd, tol):
                # The same value: a counterpart when it says about the same thing, or is too specific
                # to be a coincidence (not a small round number).
                specific = abs(va) >= settings.ATTACHMENT_SPECIFIC_VALUE or va != va.to_integral_value()
                if sim < settings.ATTACHMENT_SAME_VALUE_SIMILARITY and not specific:
                    continue
                cand = (sim + 100, "matched", d, sim)
            elif sim >= (
                settings.ATTACHMENT_SAME_INDICATOR_SIMILARITY
                if _periods_agree(a, d)
                else settings.ATTACHMENT_SAME_INDICATOR_NO_PERIOD
            ):
                cand = (sim, "mismatch", d, sim)
            else:
                continue
            if best is None or cand[0] > best[0]:
                best = cand
        if best is not None:
            out.append(_row(article_url, a, best[2], best[1], best[3]))
    return out


def _row(
    article_url: str, a: dict[str, Any], d: dict[str, Any], status: str, score: float
) -> AttachmentMatch:
    va, vd = Decimal(str(a["value"])), Decimal(str(d["value"]))
    where = ", ".join(
        x
        for x in (f"trang {d['page']}" if d.get("page") else "", f"ô {d['cell']}" if d.get("cell") else "")
        if x
    )
    unit = a.get("unit") or ""
    msg = (
        f"bài viết {a['raw']!r} = {vn_number(va)} {unit}".rstrip()
        + f"; báo cáo {d['raw']!r} = {vn_number(vd)} {unit}".rstrip()
        + (f" ({where})" if where else "")
    )
    return AttachmentMatch(
        status=status,
        article_url=article_url,
        document_url=d["document_url"],
        article_value=va,
        document_value=vd,
        unit=a.get("unit"),
        kind=a["kind"],
        indicator=a.get("indicator"),
        document_indicator=d.get("indicator") or d.get("row"),
        entity=a.get("entity"),
        period_text=a.get("period_text") or d.get("period_text"),
        article_raw=a["raw"],
        document_raw=d["raw"],
        article_start=a["start"],
        article_end=a["end"],
        article_index=a["index"],
        document_start=d["start"],
        document_end=d["end"],
        article_sentence=a.get("sentence") or "",
        document_sentence=d.get("sentence") or "",
        page=d.get("page"),
        table=d.get("table"),
        row=d.get("row"),
        column=d.get("column"),
        cell=d.get("cell"),
        score=round(score, 1),
        message=msg,
    )


def compare_attachments(dataset_dir: str | Path, *, tolerance: float | None = None) -> list[AttachmentMatch]:
    """Every article of the dataset against its own parsed documents."""
    from ..store.dataset import Dataset

    with Dataset(dataset_dir, create=False) as ds:
        body: dict[str, list[dict[str, Any]]] = {}
        docs: dict[str, list[dict[str, Any]]] = {}
        for f in ds.figures(documents=True):
            (docs if f.get("document_url") else body).setdefault(f["article_url"], []).append(f)
    out: list[AttachmentMatch] = []
    for url in sorted(docs):
        out.extend(match_article(url, body.get(url, []), docs[url], tolerance=tolerance))
    return out


def attachments_report_html(rows: Iterable[AttachmentMatch], dataset_dir: str | Path) -> str:
    """Each article's text with the compared figures marked, and beside it the report's sentences."""
    from ..models import Figure
    from ..store.dataset import Dataset

    rows = list(rows)
    by_article: dict[str, list[AttachmentMatch]] = {}
    for r in rows:
        by_article.setdefault(r.article_url, []).append(r)
    bad = sum(1 for r in rows if r.status == "mismatch")
    parts = [
        f"<h1>Bài viết và báo cáo đính kèm</h1><div class='summary'><span "
        f"class='ok'>{len(rows) - bad} "
        f"khớp</span>"
        f"<span class='bad'>{bad} lệch</span></div>"
    ]
    with Dataset(dataset_dir, create=False) as ds:
        articles = {a["url"]: a for a in ds.articles()}
    for url, matches in by_article.items():
        art = articles.get(url, {})
        body = art.get("body_text", "")
        figs = [
            Figure(
                value=m.article_value,
                kind=m.kind,
                raw=m.article_raw,
                start=m.article_start,
                end=m.article_end,  # type: ignore[arg-type]
                index=m.article_index,
                unit=m.unit,
            )
            for m in matches
            if body[m.article_start : m.article_end] == m.article_raw
        ]
        flagged = {m.article_index for m in matches if m.status == "mismatch"}
        parts.append(f"<h2>{_esc(art.get('title') or url)}</h2><p><a href='{_esc(url)}'>{_esc(url)}</a></p>")
        parts.append(
            "<div style='display:flex;gap:1.5em;align-items:flex-start'>"
            f"<div class='body' style='flex:1'>{_highlight(body, figs, flagged)}</div><div "
            f"style='flex:1'><table>"
            "<tr><th>Trạng thái</th><th>Bài viết</th><th>Báo cáo</th><th>Câu trong báo "
            "cáo</th></tr>"
        )
        for m in matches:
            where = " · ".join(
                x for x in (f"trang {m.page}" if m.page else "", f"ô {m.cell}" if m.cell else "") if x
            )
            parts.append(
                f"<tr class='{'ok' if m.status == 'matched' else 'bad'} "
                f"row'><td>{'khớp' if m.status == 'matched' else 'LỆCH'}</td>"
                f"<td>{_esc(m.article_raw)}</td><td>{_esc(m.document_raw)}<br><small>{_esc(where)}</small><"
                f"/td>"
                f"<td>{_esc(m.document_sentence)}<br><small><a "
                f"href='{_esc(m.document_url)}'>{_esc(m.document_url)}</a>"
                "</small></td></tr>"
            )
        parts.append("</table></div></div>")
    return _page("Bài viết và báo cáo đính kèm", "".join(parts))
