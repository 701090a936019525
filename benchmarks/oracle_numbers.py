"""Round-trip oracle for the number parser: numbers written the way Vietnamese text writes them,
by libraries that know the language, parsed back exactly.

    python benchmarks/oracle_numbers.py [--n 10000] [--seed 12] [--show 20]

Families (the writers are independent of our parser):
* cldr       — Babel's CLDR `vi` formatting: '.' groups, ',' decimals ("1.234.567,891");
* compact    — CLDR `vi` long compact forms with scale words ("1,5 nghìn", "2,35 tỷ");
* mixed      — amounts written as several scale groups ("4 tỷ 500 triệu", "2,5 nghìn tỷ", "15 triệu 300 nghìn");
* num2words  — `num2words(n, lang="vi")` spellings ("năm nghìn lẻ bảy mươi lăm");
* variants   — the same spellings with the variants writers use: linh for lẻ, ngàn for nghìn, tỉ for tỷ,
               tư for bốn after tens, "không trăm" groups;
* decimals   — spelled decimals with "phẩy" ("mười hai phẩy không năm").
Prints the exact-match rate per family and overall (target ≥ 99.9%).
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scraper.numbers import parse_number  # noqa: E402

try:
    from babel.numbers import format_compact_decimal, format_decimal
    from num2words import num2words
except ImportError as exc:  # pragma: no cover - the bench/test extras provide both
    sys.exit(f"oracle_numbers: {exc.name} is needed (pip install '.[bench,test]')")

_SCALES = {"nghìn": 10**3, "triệu": 10**6, "tỷ": 10**9}
_DIGIT_WORDS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]


def _magnitude(rng: random.Random) -> int:
    return rng.randint(0, 10 ** rng.randint(1, 15))


def cldr(rng: random.Random) -> tuple[str, Decimal]:
    places = rng.choice([0, 0, 1, 2, 3, 4])
    value = Decimal(_magnitude(rng)) / 10**places if places else Decimal(_magnitude(rng))
    text = format_decimal(value, locale="vi", format="#,##0." + "0" * places if places else "#,##0")
    return text, value


def compact(rng: random.Random) -> tuple[str, Decimal]:
    digits = rng.choice([0, 1, 2])
    mantissa = Decimal(rng.randint(1, 999 * 10**digits)) / 10**digits
    value = mantissa * 10 ** rng.choice([3, 6, 9, 12])
    return format_compact_decimal(value, locale="vi", format_type="long", fraction_digits=digits), value


def mixed(rng: random.Random) -> tuple[str, Decimal]:
    form = rng.randrange(3)
    if form == 0:  # "4 tỷ 500 triệu", "15 triệu 300 nghìn"
        big, small = rng.choice([("tỷ", "triệu"), ("triệu", "nghìn"), ("tỷ", "nghìn")])
        a, b = rng.randint(1, 999), rng.randint(1, 999)
        return f"{a} {big} {b} {small}", Decimal(a * _SCALES[big] + b * _SCALES[small])
    if form == 1:  # "2,5 nghìn tỷ", "12.737,4 nghìn tỷ"
        whole, frac = rng.randint(1, 99_999), rng.randint(0, 9)
        text = format_decimal(Decimal(f"{whole}.{frac}"), locale="vi", format="#,##0.0")
        return f"{text} nghìn tỷ", Decimal(f"{whole}.{frac}") * 10**12
    scale = rng.choice(list(_SCALES))
    n = rng.randint(1, 999_999)
    return f"{format_decimal(n, locale='vi')} {scale}", Decimal(n * _SCALES[scale])


def spelled(rng: random.Random) -> tuple[str, Decimal]:
    n = _magnitude(rng)
    return num2words(n, lang="vi"), Decimal(n)


def variants(rng: random.Random) -> tuple[str, Decimal]:
    n = _magnitude(rng)
    words = num2words(n, lang="vi").split()
    swaps = {"lẻ": "linh", "nghìn": "ngàn", "tỷ": "tỉ"}
    out = [swaps.get(w, w) if rng.random() < 0.7 else w for w in words]
    out = ["tư" if w == "bốn" and i and out[i - 1] == "mươi" and rng.random() < 0.7 else w for i, w in enumerate(out)]
    text = " ".join(out)
    if rng.random() < 0.3 and n >= 1000 and n % 1000 < 100 and n % 1000:  # "ba nghìn không trăm linh năm"
        head = num2words(n - n % 1000, lang="vi")
        tail = n % 1000
        rest = f"linh {_DIGIT_WORDS[tail]}" if tail < 10 else num2words(tail, lang="vi")
        text = f"{head} không trăm {rest}"
    return text, Decimal(n)


def decimals(rng: random.Random) -> tuple[str, Decimal]:
    whole = rng.randint(0, 9999)
    zeros = rng.choice([0, 0, 1])
    frac = rng.randint(1, 99)
    frac_digits = "0" * zeros + str(frac)
    frac_words = " ".join(["không"] * zeros + [num2words(frac, lang="vi")])
    return f"{num2words(whole, lang='vi')} phẩy {frac_words}", Decimal(f"{whole}.{frac_digits}")


FAMILIES = {"cldr": cldr, "compact": compact, "mixed": mixed, "num2words": spelled, "variants": variants,
            "decimals": decimals}
WEIGHTS = {"cldr": 3, "compact": 1, "mixed": 1, "num2words": 3, "variants": 1.5, "decimals": 0.5}


def run(n: int, seed: int, show: int = 0) -> tuple[Counter, Counter, list[str]]:
    """Cases per family, exact round trips per family, and up to `show` failures."""
    rng = random.Random(seed)
    names = list(FAMILIES)
    total, ok = Counter(), Counter()
    failures: list[str] = []
    for _ in range(n):
        name = rng.choices(names, weights=[WEIGHTS[n] for n in names])[0]
        text, expected = FAMILIES[name](rng)
        total[name] += 1
        try:
            got: Decimal | str = parse_number(text)
        except ValueError as exc:
            got = f"ValueError: {exc}"
        if got == expected:
            ok[name] += 1
        elif len(failures) < show:
            failures.append(f"  [{name}] {text!r}: expected {expected}, got {got}")
    return total, ok, failures


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="round-trip oracle for scraper.numbers.parse_number")
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--show", type=int, default=10, help="print up to this many failures")
    args = ap.parse_args(argv)
    total, ok, failures = run(args.n, args.seed, args.show)
    print(f"{'family':10} {'cases':>6} {'exact':>8}")
    for name in FAMILIES:
        print(f"{name:10} {total[name]:6} {100 * ok[name] / max(total[name], 1):7.2f}%")
    n_all, ok_all = sum(total.values()), sum(ok.values())
    print(f"{'overall':10} {n_all:6} {100 * ok_all / n_all:7.2f}%  ({n_all - ok_all} failures)")
    if failures:
        print("failures:")
        print("\n".join(failures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
