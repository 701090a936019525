"""Regenerate fixtures/golden/*.json from the current parser: run by hand, then review every diff by eye.

    python tests/make_goldens.py && git diff fixtures/golden

Pages the team wrote (fixtures/**.html) keep their whole Article.  Real pages stay in ../shared/
(realpages/): their goldens keep the metadata, the figures and a fingerprint of the body (sha1, length,
first and last words), never the body itself, so the repo holds no copy of public text.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scraper import parse_article  # noqa: E402
from scraper.parse import ParseError  # noqa: E402

GOLDEN = ROOT / "fixtures" / "golden"
SHARED = Path(os.environ.get("SCRAPER_SHARED", ROOT.parent / "shared")).resolve()
REALPAGES = SHARED / "realpages"
FIGURE_FIELDS = ("raw", "value", "kind", "unit", "qualifier", "indicator", "entity", "period_start", "period_end", "estimate", "change", "part_of", "computed_from", "table", "row", "column")


def is_shared(path: Path) -> bool:
    return REALPAGES in path.parents


def golden_name(path: Path) -> str:
    prefix = "realpages--" if is_shared(path) else ""
    return f"{prefix}{path.parent.name}--{path.stem}.json"


def golden_of(path: Path) -> dict:
    article = parse_article(path.read_bytes())
    d = article.model_dump(mode="json", exclude={"figures", "content_hash", "fetched_at"})
    d["figures"] = [{k: f[k] for k in FIGURE_FIELDS} for f in article.model_dump(mode="json")["figures"]]
    if is_shared(path):
        body = d.pop("body_text")
        words = body.split()
        d["body"] = {"sha1": hashlib.sha1(body.encode("utf-8")).hexdigest(), "chars": len(body),
                     "first_words": " ".join(words[:8]), "last_words": " ".join(words[-8:])}
        d["tables"] = [{"rows": len(t["rows"]), "header_rows": t["header_rows"]} for t in d["tables"]]
        d["captions"] = len(d["captions"])
        d.pop("summary", None)
    return d


def pages() -> list[Path]:
    ours = sorted(p for p in (ROOT / "fixtures").rglob("*.html") if "golden" not in p.parts)
    shared = sorted(REALPAGES.rglob("*.html")) if REALPAGES.is_dir() else []
    return ours + shared


def main() -> None:
    GOLDEN.mkdir(exist_ok=True)
    for path in pages():
        try:
            data = golden_of(path)
        except ParseError as exc:
            data = {"error": str(exc)}
        out = GOLDEN / golden_name(path)
        out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(out.relative_to(ROOT))


if __name__ == "__main__":
    main()
