"""Every default and threshold in one place (as Scrapy's default_settings / trafilatura's settings).

Modules read their defaults from here; the command line and a config file override them.  Group by
stage; each name says what it bounds and in which unit.
"""

from __future__ import annotations

# --- QA: relating parts, wholes and rates (scraper/qa/pairs.py) ---------------------------------------
# Confidence of each kind of relation a reader draws (0..1).
QA_CONF_FRACTION = 0.95  # "276/586 trường, đạt tỷ lệ 47,1%"
QA_CONF_MARKER = 0.85  # "1.200 hồ sơ, trong đó …", "Trong 40 đơn …, có …", "… lũy kế 340"
QA_CONF_IDENTITY = 0.8  # received + carried over = total, due = on time + late, … (same sentence)
QA_CONF_EXTRACTOR = 0.65  # the extractor's part_of / computed_from
QA_CONF_CHANGE = 0.5  # "giảm 554 vụ (-4,2%)" over this period's count ± the change
# A relation below this is not considered at all; an alarm needs at least QA_ALARM.
QA_PLAUSIBLE = 0.3
QA_ALARM = 0.7
# Hedges that make a figure approximate: the arithmetic may be off by one unit of its last digit.
QA_HEDGES = frozenset({"gần", "hơn", "trên", "khoảng", "xấp xỉ", "dưới", "gần như", "khoảng gần", "ước", "ước đạt"})
# Shares of one breakdown are checked against 100% only when they are this close to it (further off,
# a category is missing from the text or one outside the breakdown was included).
QA_SHARES_MAX_GAP = 1.5
