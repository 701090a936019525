"""Every default and threshold in one place (as Scrapy's default_settings / trafilatura's settings).

Modules read their defaults from here; the command line and a config file override them.  Group by
stage; each name says what it bounds and in which unit.

Precedence for a run (see `scraper.config`): command-line option > `SCRAPER_*` environment variable >
config file (`scraper.toml` in the output folder, or `--config FILE`) > the values below.
"""

from __future__ import annotations

# --- output ----------------------------------------------------------------------------------------
OUT_DIR = "output"
EXPORT_FORMATS = ("jsonl",)
EXPORT_CHOICES = ("jsonl", "csv", "parquet")
CONFIG_FILE_NAME = "scraper.toml"
RUNS_FILE_NAME = "runs.jsonl"  # one JSON object per run, appended

# --- fetch: politeness and bounds ------------------------------------------------------------------
# {version} is filled in by fetch.http (settings imports nothing from the package).
USER_AGENT = "vn-gov-figures/{version} (+https://github.com/vn-gov-figures/scraper; research crawler)"
CRAWL_DELAY = 1.0  # seconds between requests to one host
CRAWL_CONCURRENCY = 1  # requests in flight per host
CRAWL_MAX_PAGES = 1000  # pages fetched per run
TIMEOUT = 30.0  # seconds, read timeout
CONNECT_TIMEOUT = 15.0  # seconds, at most
MAX_RESPONSE_BYTES = 10 * 1024 * 1024
RETRIES = 3  # retries of one request (timeouts, resets, 429/5xx)
MAX_REDIRECTS = 5
BACKOFF = 1.0  # seconds, first backoff step (doubled per retry, with jitter)
MAX_WAIT = 300.0  # seconds, cap on Retry-After and on a host's slowed-down delay
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
SLOW_DOWN_STATUSES = frozenset({429, 503})  # the host asks us to go slower
SLOW_DOWN_FACTOR = 2.0  # a host's delay is multiplied by this on 429/503 (at least Retry-After)
RECOVERY_FACTOR = 0.5  # on each normal answer, the excess over --delay shrinks by this factor
RECOVERED_WITHIN = 0.01  # seconds: an excess this small is dropped (the host is back at --delay)
ROBOTS_RETRIES = 1  # retries of a robots.txt request
ONE_PAGE_RETRIES = 2  # `scraper extract URL`
ONE_PAGE_BACKOFF = 0.5

# --- crawl: per-page bounds across paths and nights --------------------------------------------------
MAX_FETCHES_PER_PAGE_PER_RUN = 1  # a page is requested (with its retries) once per run, whatever leads to it
FAILED_PAGE_BACKOFF_AFTER = 2  # consecutive failed runs after which a page is retried less often
FAILED_PAGE_BACKOFF_HOURS = 20.0  # then wait this many hours, doubled per further failed run
FAILED_PAGE_BACKOFF_MAX_HOURS = 30 * 24.0
LISTING_BATCH_PER_SLOT = 4  # articles fetched per batch = concurrency × this
FINAL_STATUSES = frozenset({404, 410})  # not retried by later runs
REPLAY_ORIGIN = "http://replay.invalid"  # stored URLs of `crawl --replay`, whatever port the server got

# --- harvest (web archives) -----------------------------------------------------------------------
WAYBACK_CDX_URL = "https://web.archive.org/cdx/search/cdx"
WAYBACK_REPLAY_URL = "https://web.archive.org/web"
HARVEST_DELAY = 1.5
HARVEST_RETRIES = 4
CDX_PAGE_SIZE = 500
CC_INDEX_URL = "https://index.commoncrawl.org"
CC_DATA_URL = "https://data.commoncrawl.org"
CC_DELAY = 0.5  # seconds between requests to the index host, and to the data host
CC_DATA_CONCURRENCY = 2  # Range requests in flight on the data host (it asks for few)
CC_INDEX_FILTERS = ("=status:200", "mime:html")  # pywb filters: exact status, mime containing 'html'

# --- scale-out (scraper/scale/) --------------------------------------------------------------------
PROCESS_START_METHOD = "auto"  # fork when single-threaded, else a fork server (see scale/executor.py)
WORKER_PRELOAD = ("scraper.scale.tasks",)  # what a fork server imports once for all its workers
TASKS_IN_FLIGHT_PER_WORKER = 4  # tasks submitted ahead per worker: bounded memory, busy workers
DASK_CONNECT_TIMEOUT = "10s"  # how long `--dask ADDRESS` waits for the scheduler
WARC_PARTITION_BYTES = 4 * 1024 * 1024  # WARC files larger than this are split at record boundaries
WARC_PARTITION_MIN_BYTES = 64 * 1024  # ... and no partition is made smaller than this (unless the file is)
BUILD_FILES_PER_TASK = 16  # local HTML files parsed per task by `build`
WRITE_BATCH_ARTICLES = 200  # articles written per SQLite transaction by the parent
PARQUET_ROWS_PER_PART = 100_000  # rows per file in a partitioned Parquet export

# --- parse -----------------------------------------------------------------------------------------
MAX_HTML_BYTES = 25 * 1024 * 1024  # a bigger "page" is not an article; refused before parsing
MAX_DEPTH = 512  # lexbor's tree builder is quadratic in depth; real pages stay far below this
# Nesting is counted only on a page with at least this many '<': with fewer, however they nest, the tree
# builder and the reader take well under a second (1,350 nested tables: ~0.35 s), while checking the
# nesting costs a regex scan of the page (~0.35 ms on a 135 kB portal page of 2,000 tags: most real
# pages hold fewer).  Counting the '<' costs ~30 µs on a 300 kB page.
NESTING_CHECK_MIN_TAGS = 4096
PAGE_HEAD_CHARS = 500_000  # a page's text searched for ids and fingerprints (its bytes go to the parser)
INLINE_DATA_MIN_CHARS = 200_000  # a page longer: its base64 images are skipped when its tags are counted
# where an article page's title, date line and lead sit (scraper/parse/cues.py)
TITLE_WINDOW_CHARS = 1500  # a title candidate starts at most this many text characters before the body
DATE_BEFORE_TITLE_CHARS = 250  # a date line may sit this far above the title ("Thứ 6, Ngày …" headers)
DATE_AFTER_TITLE_CHARS = 400  # … or this far below it, and never inside the body
CATEGORY_BEFORE_TITLE_CHARS = 300  # a section label sits right above the title
LEAD_MIN_CHARS = 40  # a bold/sapo block before the body shorter than this is not a lead
PROFILE_PRIOR = 1.5  # score a site profile's selector adds to the candidate it picks (a prior, not a rule)
DENSITY_MIN_BODY_CHARS = 300  # a <p>-density body shorter than this: count <div> paragraphs too
FOLD_CACHE_SIZE = 64  # folded texts kept while a page is read (a page folds ~20 distinct ones)

# --- progress and logging --------------------------------------------------------------------------
STATUS_INTERVAL = 30.0  # seconds between status lines when standard error is not a terminal
LOG_LEVEL = "INFO"
ERRORS_SHOWN = 20  # failures listed at the end of a run

# --- environment variables a nightly job sets (SCRAPER_<NAME>) -------------------------------------
ENV_PREFIX = "SCRAPER_"
# --- QA: relating parts, wholes and rates (scraper/qa/pairs.py) ---------------------------------------
# Confidence of each kind of relation a reader draws (0..1).
QA_CONF_FRACTION = 0.95  # "276/586 trường, đạt tỷ lệ 47,1%"
QA_CONF_MARKER = 0.85  # "1.200 hồ sơ, trong đó …", "Trong 40 đơn …, có …", "… lũy kế 340"
QA_CONF_IDENTITY = 0.8  # received + carried over = total, due = on time + late, … (same sentence)
# "32 vụ KN, 63 vụ TC. Trong đó 7 vụ KN, 12 vụ TC đúng; …": parts grouped by their tag (confirms
# only)
QA_CONF_TAGGED = 0.6
QA_CONF_EXTRACTOR = 0.65  # the extractor's part_of / computed_from
QA_CONF_CHANGE = 0.5  # "giảm 554 vụ (-4,2%)" over this period's count ± the change
# Parts with no marker, in the sentences or paragraphs after their whole ("… tiếp nhận 1.665 hồ sơ.
# … có 1.530 hồ sơ trực tuyến, … trực tiếp 135"): only proposed where they add up, so they
# only ever confirm.
QA_CONF_UNMARKED = 0.45
QA_EARLIER_LEVEL_SENTENCES = 3  # how many sentences back a change's earlier level may be printed
QA_RATE_REACH = 90  # characters (asides left out) between a rate and the count right before it
QA_FRACTION_PAREN_REACH = 160  # … and between "a/b" and its rate in brackets closing the clause
QA_FRACTION_RATE_REACH = 70  # characters between "a/b" and a rate stated for it (past 30: confirms only)
# a list ending "…, lĩnh vực khác 19 lượt" against the like count just before it
QA_CONF_CATCH_ALL = 0.72
QA_RECAP_PARAGRAPHS = 4  # how many paragraphs before a "Như vậy" recap its amounts are looked for
QA_UNMARKED_PARAGRAPHS = 4  # how many paragraphs after its whole such parts may run
QA_UNMARKED_MAX_PARTS = 8
QA_SENTENCE_ENTRIES_MAX = 12  # entries one a sentence after "Trong đó:" read at most
QA_NAMED_TIMES_MAX = 10  # "A, B và C mỗi địa phương có 1 ca": at most this many places for one count
QA_CONTRIBUTION_PARAGRAPHS = 3  # contributions opening "Trong đó": the growth looked for this far back
QA_FAR_WHOLE_PARAGRAPHS = 8  # a share with no whole near it: earlier paragraphs searched (confirms only)
QA_CONF_FAR_WHOLE = 0.4  # below QA_ALARM: such a whole confirms a share, never alarms on it
# how far back the noun of a lone classifier ("… hồ sơ … là 59.010 bộ") is looked for
QA_NOUN_REACH = 100
QA_SUBJECT_REACH = 300  # how far back the amount a sentence is about is looked for (characters)
QA_CAPTION_MAX = 200  # a line this short with no figure between a whole and its parts is a caption
QA_CAPTIONS_SKIPPED = 4  # at most this many such lines are passed over
QA_WINDOW = 150  # figures looked at on each side of one in a paragraph or sentence: bounded, so linear
QA_SCAN_AHEAD = 200  # figures looked at after a whole for unmarked parts: bounded, so linear in the text
QA_UNMARKED_MIN_WHOLE = 10  # small counts add up by chance ("8 = 4 + 3 + 1")
# A relation below this is not considered at all; an alarm needs at least QA_ALARM.
QA_PLAUSIBLE = 0.3
QA_ALARM = 0.7
# A rate over a whole that this many other rates of its sentence reproduce may alarm at any confidence when
# it misses by at most this share of its value ("phụ nữ chiếm 40,90%" of 6.220 when 18,5%, 31,9% fit).
QA_SIBLING_RATES = 2
QA_SIBLING_MISS = 0.25
QA_ALIKE_SHARES_MAX = 40  # shares naming their total in the same words, read as one group at most
QA_SIBLING_CHANGES = 2  # rates of change that hold in a text before one right after its change may alarm
# A rate printed with at least this many digits ("88,51%") that reproduces a part over a whole says which
# whole is meant.
QA_FINE_RATE_DIGITS = 3
QA_CONF_ROLE_GUESS = 0.6  # an on-time rate read over what was received (its whole may be left out): confirms
QA_SHORT_GAP = 30  # characters between a fraction and the rate in brackets after it ("3.172/3.172 HS (100%")
QA_ROLE_GUESS_NEAR = 3  # … unless within this many points of what the files received give
QA_OWN_SUM_SHARE_UNIT = 0.01  # shares making 100% printed this finely may name their counts' sum as whole
# Where no rule related a stated figure, an arithmetic search over this many amounts on each side of it
# (its paragraph and the ones beside it) may confirm it, with this confidence (qa/arithmetic.py).
QA_ARITH_NEIGHBOURS = 12
QA_ARITH_PARAGRAPHS_BEFORE = 2
QA_ARITH_PARAGRAPHS_AFTER = 3
QA_ARITH_EITHER_SIDE = 3  # a total between its two parts: this many figures looked at on each side
QA_CONF_ARITHMETIC = 0.35
QA_CONF_IMPLIED_WHOLE = 0.75  # shares of amounts that make 100%: of the amounts' sum, printed or not
QA_ARITH_RATE_SUBJECTS = 2  # a rate's numerator: one of this many amounts each side of it, in its sentence
QA_ARITH_MIN_WHOLE = 100  # a whole count below this is not searched for: small counts add up by chance
QA_FACET_WHOLES = 4  # wholes told apart by name: the last this many amounts before their marker
QA_TWIN_MIN_CONF = 0.5  # a sum the words suggest this surely is as sure as its exact twin (not a guess)
QA_PER_UNIT_SPAN = 2  # an average off its quotient by more than this factor was read over another pair
QA_RATE_SUBJECT_CHANGES = 3  # a rate's amount is found past at most this many changes of its own
QA_NEXT_PART_WORDS = 6  # a sentence goes on a list when at most this many words come before its number
QA_PARALLEL_PART_WORDS = 20  # … or this many, when it opens as the last part's clause did
QA_SLIP_BESIDE = 2  # a slip's parts that make a figure this many places from its whole exactly: no alarm
QA_ARITH_THREE_MIN_WHOLE = 10_000  # three counts anywhere beside a whole add up to it by chance below this
# The shares stated for every part of a breakdown that adds up, this far from 100%, are of other wholes.
QA_SHARES_OTHER_WHOLES = 10
QA_PERIOD_CLAUSE = 80  # characters before a part read for the period its clause names
QA_LIKELY_PART = 0.6  # a part of a breakdown this sure is not taken as a whole by its role words
# Hedges that make a figure approximate: the arithmetic may be off by one unit of its last digit.
QA_HEDGES = frozenset(
    {
        "gần",
        "hơn",
        "trên",
        "khoảng",
        "xấp xỉ",
        "dưới",
        "gần như",
        "khoảng gần",
        "ước",
        "ước đạt",
        "không dưới",
        "ít nhất",
        "không quá",
        "chưa đến",
        "ngót",
    }
)
# The direction a hedge on a stated value points: "trên 99%" is at least 99%, "gần 40" at most 40.
QA_HEDGES_ABOVE = frozenset({"trên", "hơn", "không dưới", "ít nhất"})
# an estimated amount printed with this many trailing zeros or more ("ước đạt 483.000 tấn") is rounded
# to them when an input is printed finer (scraper/qa/verdicts.py)
QA_ESTIMATE_ROUND_ZEROS = 3
QA_HEDGE_ABOVE_REACH = 0.01  # "hơn 5.023.546": an amount said to be above it may pass it by this share
QA_HEDGES_BELOW = frozenset(
    {"gần", "dưới", "không quá", "chưa đến", "ngót", "gần như", "khoảng gần"}
)
# Shares of one breakdown are checked against 100% only when they are this close to it (further off,
# a category is missing from the text or one outside the breakdown was included).
QA_SHARES_MAX_TERMS = 12  # more percentages than this in one sentence are a table, not one breakdown
QA_BRACKET_REACH = 400  # how far back a share looks for the bracket it may sit in (shares in and out apart)
QA_SHARES_MAX_GAP = 1.5
QA_NAMED_TOTAL_CHARS = 40  # the words after two shares compared to tell they name one total
QA_SHARES_WHOLE_SPREAD = 0.005  # shares whose own amounts give one whole within this share of it
QA_SHARES_MIN_RUN = 2  # shares side by side that make 100% with nothing else saying so: at least this many
# Parts that overshoot their whole by more than this share are not its breakdown (a misprint overshoots less).
QA_PREFIX_NEAR = 0.01  # parts this close to their whole end the list where the next would overshoot it
QA_OVERSHOOT = 0.1
# A target range ("đạt 86,5% so mục tiêu (600-750 nghìn m3)") at most this many characters after its
# rate.
QA_RANGE_TARGET_GAP = 40
QA_RANGE_WHOLE_REACH = 3  # figures after a range of counts looked at for the whole both ranges are of
# ... except a list closed by its own parenthesis right after the whole ("3.300 đơn (KN 70, TC 140 và
# …)"): it cannot run on into something else, so parts overshooting by up to this share are a misprint.
QA_OVERSHOOT_PARENS = 0.25
# Parts adding to less than (1 - this) of their whole are a highlighted subset, never an alarm.
QA_SHARES_SHORT = 5  # parts' own shares this close below 100% (in points): the list leaves something out
QA_UNDERSHOOT = 0.2
# … and parts after "trong đó" ("of which") less than (1 - this) of it, unless their roles make it up.
QA_UNDERSHOOT_OPEN = 0.03
# … but parts this many units of the whole's last printed digit short of it are a misprint, never a subset
QA_LAST_DIGITS_OFF = 2
# How many nearest figures of each role an identity tries (received + carried over = total, …).
QA_IDENTITY_CHOICES = 3
# Tables: a structure (a total row, a total column, a share column) confirmed by this many other rows or
# columns is trusted enough to raise an alarm; an unconfirmed one only ever confirms.
# Yearbook tables flattened one cell per line (scraper/qa/yearbook.py): at least this many year columns, and
# a row's parts are looked for at regular steps below it (each part with as many sub-rows of its own).
QA_YEARBOOK_MIN_COLUMNS = 2  # cells a row ends with to be read as a table row (two years side by side)
QA_YEARBOOK_MIN_ROWS = 3  # without year headers, this many rows of one width make a table
QA_YEARBOOK_MAX_STEP = 4
QA_YEARBOOK_MAX_PARTS = 12
QA_YEARBOOK_SLIP_MIN = 1000  # rows a unit off in every column confirm a breakdown only of totals this large
QA_YEARBOOK_SHARE_ROWS = 40  # a structure row (cells of 100) is matched with this many rows above it
QA_YEARBOOK_NEAR = 0.05  # a column off by less than this share of its total is a misprint, not another kind
QA_YEARBOOK_MAX_ROW_CHARS = 400  # a row on one line: its cells are read from its last this many characters
QA_TABLE_CONFIRM = 2
QA_TABLE_CONFIRM_SHARES = 1  # a share column needs one other row computed the same way
QA_CONF_TABLE = 0.85
QA_CONF_TABLE_GUESS = 0.5
# A yearbook row flattened to "2015 1487640 726870 760770 …" (cells apart by spaces only): this many cells
# at least, the first the total; a group of cells short of it by no more than this share of it (and half a
# last-digit unit per cell) is the total's breakdown, off by the rounding of a published table.
QA_FLAT_ROW_MIN_CELLS = 4
QA_ROW_TOTAL_MIN_CELLS = 4  # a lone row one cell per line: at least 3 cells and their total
QA_FLAT_ROW_ROUNDING = 1e-5
QA_RATE_ROW_REACH = 6  # a row of rates is looked for as two of the rows this far above it
QA_RATE_ROW_MISSES = 2  # columns in which a row of rates may miss the rule its other columns keep
QA_OUTLINE_MIN_LINES = 12  # a numbered outline one cell a line ("I", label, value, "1" …) is this long
QA_RECALLED_IN_FULL = 4  # words of the whole a 'Trong tổng số … thì' recalls that may alarm
QA_UNIT_LINE_WORDS = 2  # a line this short between a label and its values is a unit ("%", "hộ")

# --- extract ---------------------------------------------------------------------------------------
# A "sentence" longer than this (a table flattened without breaks, a crafted page) is cut at a clause
# break, so reading a figure's context stays local; real report sentences stay far below it.
MAX_SENTENCE_CHARS = 2000
# A text with this many English function words ("the", "of" …) and almost no letter outside ASCII reads
# its numbers as English ("82,600 hectares") where none of them settles the convention
# (scraper/extract/numbers.py)
ENGLISH_MIN_WORDS = 3
WRAPPED_LINE_MIN_WORDS = 5  # a line with this many words before a number at its end is prose wrapped (a PDF)
ONE_MORE_ITEM_REACH = 150  # "và một thí sinh" is one more item of a count this close before it
# A text with more numbers than this is refused (errors.TooLarge) before any figure is read: a
# crafted or generated page must not stall a run.  At ~0.3 ms a figure this bounds one text to ~15 s.
MAX_NUMBERS_PER_TEXT = 50_000
# The most text one match of a pattern tried at a given place reads (the match and what its lookaheads
# look at): a non-figure at a number (it may run past its family's window: "Trà Vinh 1,51 tỷ đồng"), a
# period at its first word, a parenthesised acronym after a noun.  Tried on the rest of a long text, the
# `regex` engine looks for a character every match must hold (the ":" of "9:30", the "tháng" of a date)
# through all of it, at every number: quadratic.  Real matches are a few dozen characters.
MATCH_REACH_CHARS = 400
# how far a list of places and their counts ("(Kiên Giang 65, Cà Mau 10)") is read each way from a number
PLACE_LIST_REACH = 300

# --- attached documents (PDF, DOCX, XLSX) -----------------------------------------------------------
DOCUMENT_MAX_BYTES = 50 * 1024 * 1024  # download / input size cap of one attachment
DOCUMENT_ZIP_MAX_UNCOMPRESSED = 200 * 1024 * 1024  # DOCX/XLSX: sum of declared member sizes (zip bombs)
DOCUMENT_ZIP_MAX_ENTRIES = 10_000  # DOCX/XLSX: members in the archive
DOCUMENT_ZIP_MAX_RATIO = 200  # DOCX/XLSX: uncompressed/compressed size of any member
DOCUMENT_MAX_PAGES = 500  # PDF pages read; the rest is left out with a warning
DOCUMENT_MAX_TABLE_PAGES = 100  # PDF pages on which ruled tables are read (pdfplumber is slower)
DOCUMENT_MAX_CELLS = 500_000  # XLSX/DOCX table cells read
DOCUMENT_MAX_CHARS = 20_000_000  # characters of document text kept
DOCUMENT_TIMEOUT = 60.0  # seconds one document may take in the worker before it is killed
DOCUMENT_MAX_MEMORY = 1536 * 1024 * 1024  # address space of the parsing worker (RLIMIT_AS), bytes
DOCUMENT_MIN_TEXT_CHARS = 20  # fewer letters than this in a PDF's text layer: needs OCR

# --- qa compare --attachments ---------------------------------------------------------------------------
ATTACHMENT_MATCH_TOLERANCE = 0.0005  # relative difference still counted as the same value (rounding)
ATTACHMENT_SAME_INDICATOR_SIMILARITY = 80.0  # rapidfuzz token-set ratio for "the same indicator"
ATTACHMENT_SAME_INDICATOR_NO_PERIOD = 95.0  # ... when one side states no period: near-identical wording
ATTACHMENT_SAME_VALUE_SIMILARITY = 50.0  # a same-value pair with a less alike indicator must be specific
ATTACHMENT_SPECIFIC_VALUE = 1000  # values at least this large (or with decimals) rarely agree by chance
QA_PLAN_SUBJECT_REACH = 160  # the words before an amount matched with a plan's part's words
QA_CONF_SIBLING_COLUMN = 0.75  # a column of 'Trong đó,' clauses beside one that adds up exactly
OUT_OF_REACH = 80  # read before "trên N" for a count of its noun ("13 đại biểu … trên 13")
