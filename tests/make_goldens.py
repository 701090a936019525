"""Regenerate fixtures/golden/*.json from the current parser: run by hand, then review every diff by eye.

    python tests/make_goldens.py && git diff fixtures/golden
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scraper import parse_article  # noqa: E402
from scraper.parse import ParseError  # noqa: E402

GOLDEN = ROOT / "fixtures" / "golden"
FIGURE_FIELDS = ("raw", "value", "kind", "unit", "qualifier", "indicator", "entity", "period_start", "period_end", "estimate", "change", "part_of", "computed_from", "table", "row", "column")


def golden_of(path: Path) -> dict:
    article = parse_article(path.read_bytes())
    d = article.model_dump(mode="json", exclude={"figures", "content_hash", "fetched_at"})
    d["figures"] = [{k: f[k] for k in FIGURE_FIELDS} for f in article.model_dump(mode="json")["figures"]]
    return d


def pages() -> list[Path]:
    return sorted(p for p in (ROOT / "fixtures").rglob("*.html") if "golden" not in p.parts)


def main() -> None:
    GOLDEN.mkdir(exist_ok=True)
    for path in pages():
        try:
            data = golden_of(path)
        except ParseError as exc:
            data = {"error": str(exc)}
        out = GOLDEN / (path.parent.name + "--" + path.stem + ".json")
        out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(out.relative_to(ROOT))


if __name__ == "__main__":
    main()
