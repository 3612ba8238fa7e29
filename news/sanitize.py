"""Rich-text sanitising: the one place that decides which HTML an article may hold.

The admin's body editor (django-prose-editor) is configured from here too
(EDITOR_EXTENSIONS), so it offers only what sanitize_html keeps: what an editor
formats survives saving, and a paste from Word or LINE is cut down to the same list.
"""

import re

import nh3

ALLOWED_TAGS = {
    "p", "br", "strong", "b", "em", "i", "u", "s", "sub", "sup", "blockquote",
    "ul", "ol", "li", "h2", "h3", "h4", "a", "table", "thead", "tbody", "tr", "th", "td",
    "figure", "figcaption", "hr",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "ol": {"start"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
}
URL_SCHEMES = {"http", "https", "mailto"}

# django-prose-editor's extensions for Article.body: each makes only tags above.
# No images (photos belong in the gallery), no colours, classes or alignment (styles).
EDITOR_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Underline": True,
    "Strike": True,
    "Subscript": True,
    "Superscript": True,
    # The page's title is its only <h1>.
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HorizontalRule": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": sorted(URL_SCHEMES)},
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
}

# Word writes "Heading 1" as <h1> and "Heading 5" as <h5>: kept as the nearest
# heading the body may have rather than flattened to plain text.
HEADING = re.compile(r"<(/?)h([1-6])\b", re.I)


def _nearest_heading(match):
    level = min(max(int(match.group(2)), 2), 4)
    return f"<{match.group(1)}h{level}"


def sanitize_html(html):
    """Keep formatting, tables and links; drop scripts, styles, classes, event
    handlers, unsafe URLs, comments (Word's conditional ones too) and unknown tags
    such as Word's <o:p>, whose text stays.

    Images are dropped too: photos belong in the gallery (with alt text, served by
    us), and an <img> pointing elsewhere would make readers' browsers call that host.
    """
    if not html:
        return ""
    return nh3.clean(
        HEADING.sub(_nearest_heading, html),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        # The text of these goes with them: style sheets, scripts, Word's XML.
        clean_content_tags={"script", "style", "xml", "template", "iframe", "noscript", "object", "title"},
    ).strip()
