"""Every default and threshold in one place (as Scrapy's default_settings / trafilatura's settings).

Modules read their defaults from here; the command line and a config file override them.  Group by
stage; each name says what it bounds and in which unit.
"""

from __future__ import annotations

# --- parse: where an article page's title, date line and lead sit (scraper/parse/cues.py) -----------
TITLE_WINDOW_CHARS = 1500  # a title candidate starts at most this many text characters before the body
DATE_BEFORE_TITLE_CHARS = 250  # a date line may sit this far above the title ("Thứ 6, Ngày …" headers)
DATE_AFTER_TITLE_CHARS = 400  # … or this far below it, and never inside the body
CATEGORY_BEFORE_TITLE_CHARS = 300  # a section label sits right above the title
LEAD_MIN_CHARS = 40  # a bold/sapo block before the body shorter than this is not a lead
PROFILE_PRIOR = 1.5  # score a site profile's selector adds to the candidate it picks (a prior, not a rule)
