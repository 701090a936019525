"""extract_figures throughput over the fixture bodies, side by side with the bare candidate regex;
linear scaling on the seed body repeated 1×…256×; and big pages (2 MB of report text, a 20 MB page
with ~600,000 numbers) through parse_article, each in a fresh process for its time and peak memory.

Throughput and scaling are CPU seconds of this process (`time.process_time`), the best of rounds run in
turn: on a machine shared with other work, wall-clock rates mostly measure the other work.

    python benchmarks/bench_extract.py [--quick]
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable

import regex
from _common import FIXTURES, SHARED, fixture_pages, peak_rss_mb, table

from scraper import extract_figures, parse_article
from scraper.errors import ScraperError
from scraper.extract.figures import _CANDIDATE
from scraper.parse import ParseError


def throughput() -> None:
    """The bodies of the pages bench_parse reads: our fixtures and the real pages in ../shared."""
    bodies = []
    real = sorted((SHARED / "dev" / "pages").glob("*.html")) + sorted((SHARED / "realpages").rglob("*.html"))
    for data in [d for _, d in fixture_pages()] + [p.read_bytes() for p in real]:
        try:
            bodies.append(parse_article(data, with_figures=False).body_text)
        except ParseError:
            pass
    bodies.append((FIXTURES / "seed-body.txt").read_text(encoding="utf-8"))
    text_mb = sum(len(b.encode("utf-8")) for b in bodies) / 1e6
    n_figs = sum(len(extract_figures(b)) for b in bodies)
    digits = regex.compile(r"\d+(?:[.,]\d+)*")

    # No cache keeps text from one round to the next: every round reads the bodies as unseen text.
    t_ext, t_cand, t_bare = cpu_best(
        [
            lambda: [extract_figures(b) for b in bodies],
            lambda: [list(_CANDIDATE.finditer(b)) for b in bodies],
            lambda: [list(digits.finditer(b)) for b in bodies],
        ],
        rounds=15,
    )
    rows = [
        {
            "run": "extract_figures (full: mask, units, context, validation)",
            "MB/s": text_mb / t_ext,
            "figures/s": n_figs / t_ext,
        },
        {"run": "baseline: the candidate regex alone", "MB/s": text_mb / t_cand, "figures/s": float("nan")},
        {"run": "baseline: bare regex digit scan", "MB/s": text_mb / t_bare, "figures/s": float("nan")},
    ]
    print(
        f"{len(bodies)} bodies ({len(real)} real pages from {SHARED}), {text_mb * 1000:.1f} kB of text, "
        f"{n_figs} figures per pass"
    )
    print(table(rows))
    print(
        f"extract_figures: {t_ext / len(bodies) * 1000:.2f} ms a body, at 1/{t_ext / t_cand:.0f} of the "
        "candidate regex's speed"
    )


def cpu_best(fns: list[Callable[[], object]], rounds: int) -> list[float]:
    """CPU seconds per call of each function: the best of `rounds` rounds run in turn (a, b, c, a, …)."""
    best = [float("inf")] * len(fns)
    for _ in range(rounds):
        for i, fn in enumerate(fns):
            start = time.process_time()
            fn()
            best[i] = min(best[i], time.process_time() - start)
    return best


def scaling(ks: tuple[int, ...]) -> None:
    body = (FIXTURES / "seed-body.txt").read_text(encoding="utf-8")
    extract_figures(body)
    rows, base = [], None
    for k in ks:
        text = "\n".join([body] * k)
        (t,) = cpu_best([lambda text=text: extract_figures(text)], rounds=5 if k < 64 else 1)
        base = base or t
        rows.append(
            {
                "copies": f"{k}x",
                "MB": len(text.encode()) / 1e6,
                "seconds": t,
                "time ratio": t / base,
                "MB/s": len(text.encode()) / 1e6 / t,
            }
        )
    print("\nlinear scaling: the seed body repeated (a time ratio near the copy count is linear)")
    print(table(rows))


def big_page(kind: str) -> dict[str, object]:
    """Built here, in our own words: report prose and dense per-commune lines."""
    body = (FIXTURES / "seed-body.txt").read_text(encoding="utf-8")
    paras = [f"<p>{line}</p>" for line in body.splitlines() if line.strip()]
    prose = "\n".join(paras)
    if kind == "2mb-report":
        parts, size = [], 0
        while size < 2_000_000:
            parts.append(prose)
            size += len(prose.encode())
    else:  # 20 MB, ~600,000 numbers: prose plus dense lines
        parts, size, i = [], 0, 0
        while size < 20_000_000:
            i += 1
            line = (
                f"<p>Xã số {i % 97}: {1000 + i % 9000:,} hộ, {i % 5000 + 200:,} người; "
                f"đạt {i % 100},{i % 10}%, thu {i % 800 + 10} triệu đồng.</p>"
            ).replace(",", ".", 1)
            parts.append(line if i % 40 else prose)
            size += len(parts[-1].encode())
    head = "<html><head><title>Báo cáo tổng hợp</title></head><body><article><h1>Báo cáo tổng hợp</h1>"
    html = f"{head}{''.join(parts)}</article></body></html>"
    data = html.encode()
    numbers = len(regex.findall(r"\d+(?:[.,]\d+)*", html))
    start = time.perf_counter()
    try:
        article = parse_article(data)
        outcome = f"{len(article.figures):,} figures"
    except ScraperError as exc:
        outcome = f"refused: {type(exc).__name__}: {exc}"
    return {
        "page": kind,
        "MB": len(data) / 1e6,
        "numbers": numbers,
        "seconds": time.perf_counter() - start,
        "peak RSS MB": peak_rss_mb(),
        "outcome": outcome,
    }


def big_pages() -> None:
    rows = []
    for kind in ("2mb-report", "20mb-600k-numbers"):
        out = subprocess.run(
            [sys.executable, __file__, "--big", kind], capture_output=True, text=True, check=True
        )
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    print("\nbig pages through parse_article (each in a fresh process)")
    print(table(rows))


def main() -> None:
    if sys.argv[1:2] == ["--big"]:
        print(json.dumps(big_page(sys.argv[2]), ensure_ascii=False))
        return
    quick = "--quick" in sys.argv
    throughput()
    scaling((1, 4, 16, 64) if quick else (1, 4, 16, 64, 256))
    if not quick:
        big_pages()
    print(f"\npeak RSS {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
