"""The profile table.  Sources: ../shared/PORTALS.md, the real Liferay captures in ../shared/realpages/, and the
platforms' public markup (SharePoint publishing pages, NukeViet 4 default theme, DNN, WordPress).
"""

from __future__ import annotations

from . import SiteProfile

# Chrome every platform shares: share bars, font-size widgets, print/mail links, related lists.
_COMMON_DROP = (
    "script", "style", "noscript", "iframe", "form", "nav", "button", "select", "input", "svg",
    ".share", ".social", ".addthis_toolbox", ".fb-like", ".print", ".related", ".tin-khac", ".tinkhac",
    ".other-news", ".othernews", ".breadcrumb", ".breadcrumbs",
)
_COMMON_LINES = (
    r"^(?:Cỡ chữ|Font size)\s*:",
    r"^(?:Chia sẻ|Share)\s*:?\s*(?:Share:?)?$",
    r"^(?:Lượt người xem|Lượt xem|Số lượt xem|Views|View count)\s*:",
    r"^(?:In bài viết|Gửi mail|Gửi email|Bản in|Quay lại|Về đầu trang|Print|Email)\s*$",
    r"^(?:Tin khác|Các tin khác|Tin liên quan|Bài viết liên quan|Xem thêm)\s*:?$",
)

SHAREPOINT = SiteProfile(
    name="sharepoint",
    url_patterns=(r"/Lists/[^/]+/(?:View_Detail|ChiTiet|DispForm|TongQuat|AllItems)\.aspx", r"/_layouts/", r"/Pages/[^/]+\.aspx"),
    fingerprints=(r"_spPageContextInfo", r'content="Microsoft SharePoint', r"ms-rtestate-field", r"_RichHtmlField", r"ms-formtable"),
    title=(
        "h1.title-news", "h1.news-title", ".news-detail h1", ".detail-title", ".title-detail", ".tieu-de", ".tieude",
        "h1.title", "h2.title", ".ms-rtestate-field h1", "h1", "h2.tieude",
    ),
    body=(
        "div[id$='_RichHtmlField']", ".news-content .ms-rtestate-field", ".ms-rtestate-field", ".news-content",
        ".noidung", ".noi-dung", ".content-detail",
    ),
    date=(".news-date", ".date-news", ".ngay-dang", ".datetime", ".date", "span.time"),
    author=(".news-author", ".author", ".tacgia", ".tac-gia"),
    category=(".breadcrumb .current", ".category-title", ".chuyenmuc", ".news-category"),
    views=(".news-views", ".view-count", ".luotxem"),
    summary=(".news-summary", ".sapo", ".tomtat", ".tom-tat", ".summary"),
    drop=_COMMON_DROP + (
        ".ms-formtable", "table.ms-formtable", ".ms-menutoolbar", ".ms-cui-ribbon", "#s4-ribbonrow", ".ms-toolbar",
        ".ms-descriptiontext", ".ms-formfieldlabel", ".ms-standardheader", "#ms-designer-ribbon", ".ms-hide",
        ".font-size", ".fontsize", ".co-chu", ".share-bar", ".news-other", ".item-versions", ".ms-vb",
    ),
    drop_lines=_COMMON_LINES + (
        r"^(?:Manage Permissions|Version History|Approval Status|Attachments|Content Type|Version|Created at|Last modified at)\b",
    ),
    id_patterns=(r"[?&](?:ItemID|ID)=(\d+)", r"/(\d+)-[\w-]+(?:\.aspx)?(?:$|[?#])"),
    html_id_patterns=(r'"?(?:listItemId|pageItemId)"?\s*[:=]\s*"?(\d+)', r"ItemID=(\d+)"),
    attachment_patterns=(r"/Lists/[^/]+/Attachments/\d+/",),
    listing_links=("a[href]",),
    article_url_patterns=(r"(?:View_Detail|ChiTiet|DispForm)\.aspx\?(?:.*&)?(?:ItemID|ID)=\d+", r"/tin-tuc/[^/?#]+/\d+-[^/?#]+"),
    next_page=("a.next", "a[title~='Next']", "a[title~='sau']"),
    page_param="PageIndex",
    hosts=("binhduong.gov.vn", "gialai.gov.vn", "vinhphuc.gov.vn", "kiengiang.gov.vn", "hatinh.gov.vn", "baclieu.gov.vn"),
)

LIFERAY = SiteProfile(
    name="liferay",
    url_patterns=(r"/-/view_content/", r"/web/guest/", r"[?&]p_p_id=101"),
    fingerprints=(r"Liferay\.", r"journal-content-article", r"asset-full-content", r"portlet-boundary"),
    title=("div.asset-full-content-title", ".asset-title", "h1.header-title", "h3.header-title"),
    body=("div.journal-content-article", ".asset-content", ".journal-content-article"),
    date=("div.assetPublishDate", ".asset-publish-date", ".metadata-publish-date"),
    category=(".dd_chuyenmuc .tintuc", ".breadcrumbs .last", ".portlet-title-text"),
    views=("div.assetPublishDate",),
    summary=("p.sapo", ".sapo-wrapper", ".asset-summary"),
    drop=_COMMON_DROP + (
        "p.view-content-author", ".related_asset", ".asset-control-detail", ".taglib-social-bookmarks",
        ".asset-ratings", ".asset-metadata", ".taglib-discussion", ".lfr-meta-actions", ".sapo-wrapper",
    ),
    drop_lines=_COMMON_LINES,
    author_in_body_last_right=True,
    id_patterns=(r"/view_content/(?:pop_up/)?(\d+)-",),
    html_id_patterns=(r'id="_101_(\d+)"', r"assetEntryId=(\d+)"),
    attachment_patterns=(r"/documents/\d+/\d+/",),
    listing_links=("div.asset-abstract h3.asset-title a", ".asset-abstract a.asset-title", ".asset-title a"),
    article_url_patterns=(r"/-/view_content/\d+-",),
    next_page=(".taglib-page-iterator a.next", ".pagination a[rel=next]", ".taglib-page-iterator .next a"),
    page_param="_101_cur",
    hosts=("sotttt.hanoi.gov.vn", "bacninh.gov.vn"),
)

NUKEVIET = SiteProfile(
    name="nukeviet",
    url_patterns=(r"/news/[^/]+/[^/]+-\d+\.html",),
    fingerprints=(r'content="NukeViet', r"news-bodyhtml", r"nv_base_siteurl", r"/themes/[^/]+/js/main\.js"),
    title=("h1.title", ".news_column h1", "h1"),
    body=("div#news-bodyhtml", "#news-bodyhtml", ".bodytext", ".news_column .content"),
    date=("span.h5", ".news_column .time", ".time"),
    author=("p.h5.text-right", ".news-author", ".author"),
    summary=("div.hometext", ".hometext"),
    category=(".breadcrumbs li:last-child a", ".breadcrumbs a:last-child"),
    drop=_COMMON_DROP + (".news-download-file", ".socialicon", ".rating", "#keywords", ".related-news", ".news_column .panel-heading"),
    drop_lines=_COMMON_LINES + (r"^Tổng số điểm của bài viết là", r"^(?:Tác giả|Nguồn tin)\s*:", r"^Từ khóa\s*:"),
    id_patterns=(r"-(\d+)\.html(?:$|[?#])",),
    attachment_patterns=(r"/uploads/[^/]+/news/",),
    listing_links=("h3 a[href]", ".news_column h3 a", ".list-news h3 a"),
    article_url_patterns=(r"/news/[^/]+/[^/?#]+-\d+\.html",),
    next_page=(".pagination a[rel=next]", "ul.pagination li:last-child a"),
    hosts=("binhphuoc.gov.vn", "dongnai.gov.vn"),
)

DNN = SiteProfile(
    name="dnn",
    url_patterns=(r"tabid/\d+", r"/Default\.aspx\?tabid="),
    fingerprints=(r"DotNetNuke", r"/Portals/0/", r"dnn_ctr\d+", r"DNNModuleContent"),
    title=(".ArticleTitle", ".title_news", "h1.title", ".Head", "h1", "h2"),
    body=(".ArticleContent", ".news_content", ".Normal", ".DNNModuleContent .Normal"),
    date=(".ArticleDate", ".date", ".time", ".SubHead"),
    author=(".ArticleAuthor", ".author"),
    summary=(".ArticleSummary", ".sapo", ".summary"),
    drop=_COMMON_DROP + (".DnnModule-Breadcrumb", ".othernews"),
    drop_lines=_COMMON_LINES,
    id_patterns=(r"[?&/](?:ArticleId|ItemId|newsid|id)[=/](\d+)", r"/(\d+)/Default\.aspx"),
    html_id_patterns=(r'action="[^"]*/ArticleId/(\d+)/', r"[?&/]ArticleId[=/](\d+)"),
    article_url_patterns=(r"(?:ArticleId|ItemId|newsid)[=/]\d+",),
    hosts=("thudaumot.binhduong.gov.vn", "thuathienhue.gov.vn"),
)

WORDPRESS = SiteProfile(
    name="wordpress",
    url_patterns=(r"/wp-content/", r"/\d{4}/\d{2}/[\w-]+/?$"),
    fingerprints=(r'content="WordPress', r"/wp-content/", r"/wp-includes/"),
    title=("h1.entry-title", "h1.post-title", "article h1", "h1"),
    body=("div.entry-content", ".post-content", "article .content"),
    date=("time.entry-date", ".posted-on time", "time"),
    author=(".author .fn", ".byline .author", ".entry-author"),
    category=(".cat-links a", ".post-categories a"),
    drop=_COMMON_DROP + (".sharedaddy", ".jp-relatedposts", ".wp-block-buttons"),
    drop_lines=_COMMON_LINES,
    id_patterns=(r"[?&]p=(\d+)",),
    html_id_patterns=(r"postid-(\d+)", r'id="post-(\d+)"'),
    next_page=("a.next", ".nav-previous a", "a[rel=next]"),
    hosts=("nso.gov.vn",),
)

GENERIC = SiteProfile(
    name="generic",
    title=(
        "h1.title", "h1.entry-title", ".article-title", ".news-title", ".detail-title", ".title-detail", "article h1",
        "[class*='tieude']", "[class*='tieu-de']", "[class*='tieu_de']", "[class*='news-title']", "[class*='post-title']",
        "[class*='article-title']", "[class*='title-news']", "[class*='post-heading']", "h1", "h2",
    ),
    body=("article .content", "[itemprop=articleBody]", ".article-content", ".news-content", ".content-detail", ".detail-content", ".entry-content"),
    date=("time[datetime]", ".date", ".time", ".publish-date", ".post-date", "[class*='ngay']", "[class*='date']", "[class*='time']", "[class*='meta']"),
    author=(".author", "[rel=author]", ".byline"),
    summary=(".sapo", ".summary", ".lead", ".description"),
    drop=_COMMON_DROP + ("header", "footer", "aside", ".menu", ".sidebar", "#sidebar", ".footer", ".header", ".banner"),
    drop_lines=_COMMON_LINES,
)

PROFILES: tuple[SiteProfile, ...] = (LIFERAY, NUKEVIET, SHAREPOINT, DNN, WORDPRESS)
