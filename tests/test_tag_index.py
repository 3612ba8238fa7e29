"""A tag's page, feed and the news list's tag filter read the tag's list entries
(news.models.TaggedArticle, kept by news.tag_index): every way an article or its
tags change keeps what readers see right."""

import datetime
import time

import feedparser
import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from news import revisions, tag_index
from news.importer.drafts import create_draft
from news.models import Article, Office, Tag, TaggedArticle
from tests.admin_forms import form_data
from tests.factories import login, make_article, make_editor

pytestmark = pytest.mark.django_db

OFFICE = "peo-phetchabun"


@pytest.fixture
def tag():
    """A public tag: one published article has it."""
    tag = Tag.objects.create(name="แท็กดัชนีทดสอบ")
    make_article(title="ข่าวแรกของแท็ก", office=Office.objects.get(slug=OFFICE)).tags.add(tag)
    return tag


@pytest.fixture
def publisher():
    return make_editor("tag-publisher", OFFICE)


def shown(client, tag):
    """The titles a reader finds under the tag: {place: set of titles}. The tag page
    and feeds answer 404 once no public article has the tag."""
    found = {}
    page = client.get(tag.get_absolute_url())
    found["page"] = {a.title for a in page.context["articles"]} if page.status_code == 200 else None
    listed = client.get("/news/", {"tag": tag.slug})
    found["list"] = {a.title for a in listed.context["page_obj"]} if listed.status_code == 200 else None
    for kind in ("rss", "atom"):
        response = client.get(reverse(f"feeds:tag_{kind}", kwargs={"slug": tag.slug}))
        if response.status_code == 200:
            feed = feedparser.parse(response.content)
            assert not feed.bozo
            found[kind] = {entry.title for entry in feed.entries}
        else:
            assert response.status_code == 404
            found[kind] = None
    assert tag_index.drift() == (0, 0)  # and the table is exactly the links
    return found


def everywhere(*titles):
    return {"page": set(titles), "list": set(titles), "rss": set(titles), "atom": set(titles)}


def article(title, **kwargs):
    return make_article(title=title, office=Office.objects.get(slug=OFFICE), **kwargs)


def test_a_newly_tagged_article_shows_when_public_and_never_as_draft_scheduled_or_trashed(client, tag, publisher):
    draft = article("ข่าวร่างติดแท็ก", status=Article.Status.DRAFT)
    scheduled = article("ข่าวตั้งเวลาติดแท็ก", published_at=timezone.now() + datetime.timedelta(days=1))
    trashed = article("ข่าวในถังติดแท็ก")
    trashed.trash(publisher)
    public = article("ข่าวใหม่ติดแท็ก")
    for item in (draft, scheduled, trashed, public):
        item.tags.add(tag)
    assert shown(client, tag) == everywhere("ข่าวแรกของแท็ก", "ข่าวใหม่ติดแท็ก")


def test_tags_changed_from_either_side(client, tag):
    first = Article.objects.get(title="ข่าวแรกของแท็ก")
    second, third = article("ข่าวที่สอง"), article("ข่าวที่สาม")
    tag.articles.add(second, third)  # from the tag's side
    assert shown(client, tag) == everywhere("ข่าวแรกของแท็ก", "ข่าวที่สอง", "ข่าวที่สาม")
    second.tags.remove(tag)
    tag.articles.remove(third)
    assert shown(client, tag) == everywhere("ข่าวแรกของแท็ก")
    second.tags.set([tag])
    assert shown(client, tag) == everywhere("ข่าวแรกของแท็ก", "ข่าวที่สอง")
    second.tags.clear()
    assert shown(client, tag) == everywhere("ข่าวแรกของแท็ก")
    tag.articles.clear()  # no public article left: the tag is not public
    assert shown(client, tag) == {"page": None, "list": None, "rss": None, "atom": None}  # list: 400
    assert not TaggedArticle.objects.filter(tag=tag).exists()
    first.tags.add(tag)
    assert shown(client, tag) == everywhere("ข่าวแรกของแท็ก")


def test_the_workflow_trash_and_restore_move_an_article_in_and_out(client, tag, publisher):
    item = article("ข่าวเดินตามขั้นตอน", status=Article.Status.DRAFT)
    item.tags.add(tag)
    assert shown(client, tag) == everywhere("ข่าวแรกของแท็ก")
    item.publish(publisher)
    assert shown(client, tag) == everywhere("ข่าวแรกของแท็ก", "ข่าวเดินตามขั้นตอน")
    item.trash(publisher)
    assert shown(client, tag) == everywhere("ข่าวแรกของแท็ก")
    item.restore(publisher)
    assert shown(client, tag) == everywhere("ข่าวแรกของแท็ก", "ข่าวเดินตามขั้นตอน")
    item.unpublish(publisher, "ข้อมูลผิด")
    assert shown(client, tag) == everywhere("ข่าวแรกของแท็ก")


def test_a_scheduled_article_shows_once_its_time_comes(client, tag, publisher):
    item = article("ข่าวรอเวลา", status=Article.Status.DRAFT, published_at=timezone.now() + datetime.timedelta(seconds=1))
    item.tags.add(tag)
    item.publish(publisher)
    assert item.state == Article.State.SCHEDULED
    assert shown(client, tag) == everywhere("ข่าวแรกของแท็ก")
    time.sleep(1.2)
    assert shown(client, tag) == everywhere("ข่าวแรกของแท็ก", "ข่าวรอเวลา")


def test_moving_the_publication_time_moves_the_article_in_the_tags_order(client, tag):
    older = article("ข่าวเก่ากว่า", published_at=timezone.now() - datetime.timedelta(days=3))
    older.tags.add(tag)
    titles = [a.title for a in client.get(tag.get_absolute_url()).context["articles"]]
    assert titles == ["ข่าวแรกของแท็ก", "ข่าวเก่ากว่า"]
    older.published_at = timezone.now() - datetime.timedelta(minutes=5)
    older.save()
    titles = [a.title for a in client.get(tag.get_absolute_url()).context["articles"]]
    assert titles == ["ข่าวเก่ากว่า", "ข่าวแรกของแท็ก"]
    feed = feedparser.parse(client.get(reverse("feeds:tag_rss", kwargs={"slug": tag.slug})).content)
    assert [entry.title for entry in feed.entries] == titles


def test_deleting_an_article_or_a_tag_deletes_its_entries(client, tag, publisher):
    item = article("ข่าวที่จะลบถาวร")
    item.tags.add(tag)
    item.trash(publisher)
    item.purge(publisher)
    assert shown(client, tag) == everywhere("ข่าวแรกของแท็ก")
    other = Tag.objects.create(name="แท็กที่จะลบ")
    Article.objects.get(title="ข่าวแรกของแท็ก").tags.add(other)
    assert TaggedArticle.objects.filter(tag=other).count() == 1
    other.delete()
    assert not TaggedArticle.objects.filter(tag_id=other.pk).exists()
    assert shown(client, tag) == everywhere("ข่าวแรกของแท็ก")


def test_the_admin_form_tags_and_publishes(client, tag, publisher):
    editor = login(publisher)
    item = article("ข่าวแก้ในแอดมิน", status=Article.Status.DRAFT)
    url = reverse("admin:news_article_change", args=[item.pk])
    response = editor.post(url, form_data(editor.get(url), tags=[str(tag.pk)], status="published"))
    assert response.status_code == 302
    assert shown(client, tag) == everywhere("ข่าวแรกของแท็ก", "ข่าวแก้ในแอดมิน")
    response = editor.post(url, form_data(editor.get(url), tags=[]))
    assert response.status_code == 302
    assert shown(client, tag) == everywhere("ข่าวแรกของแท็ก")


def test_the_admin_delete_summary_of_a_tag_leaves_the_entries_out(tag, admin_client):
    """Like the link rows, the entries are no object an editor deletes: not listed."""
    url = reverse("admin:news_tag_delete", args=[tag.pk])
    page = admin_client.get(url).content.decode()
    assert "แท็กดัชนีทดสอบ" in page
    entry = TaggedArticle.objects.get(tag=tag)
    assert str(TaggedArticle._meta.verbose_name) not in page and f"{entry.tag_id}/{entry.article_id}" not in page
    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    assert not TaggedArticle.objects.filter(tag_id=tag.pk).exists() and tag_index.drift() == (0, 0)


def test_an_imported_draft_shows_under_its_tag_once_published(client, tag, publisher):
    facts = {
        "office": "", "title": "ข่าวนำเข้าติดแท็ก", "body": "<p>เนื้อหา</p>", "event_start": None,
        "credits": {"writer": "", "photographer": ""}, "published_date": None, "tags": [tag.name, "แท็กใหม่จากข่าว"],
    }
    item = create_draft(facts, office=Office.objects.get(slug=OFFICE))
    assert shown(client, tag) == everywhere("ข่าวแรกของแท็ก")
    item.publish(publisher)
    assert shown(client, tag) == everywhere("ข่าวแรกของแท็ก", "ข่าวนำเข้าติดแท็ก")
    assert shown(client, Tag.objects.get(name="แท็กใหม่จากข่าว")) == everywhere("ข่าวนำเข้าติดแท็ก")


def test_restoring_a_version_brings_its_tags_back(client, tag, publisher):
    editor = login(publisher)
    item = article("ข่าวย้อนรุ่น")
    url = reverse("admin:news_article_change", args=[item.pk])
    assert editor.post(url, form_data(editor.get(url), tags=[str(tag.pk)])).status_code == 302
    tagged_version = revisions.history(item).first()
    assert editor.post(url, form_data(editor.get(url), tags=[])).status_code == 302
    assert shown(client, tag) == everywhere("ข่าวแรกของแท็ก")
    item.refresh_from_db()
    restore = reverse("admin:news_article_restore_revision", args=[item.pk, tagged_version.pk])
    assert editor.post(restore, {"loaded_version": item.version}).status_code == 302
    assert shown(client, tag) == everywhere("ข่าวแรกของแท็ก", "ข่าวย้อนรุ่น")


def test_rebuild_tag_index_repairs_entries_changed_behind_its_back(client, tag, capsys):
    hidden = article("ข่าวที่ถูกซ่อนโดยไม่ตั้งใจ")
    hidden.tags.add(tag)
    # Changes that send no signal: SQL by hand, QuerySet.update().
    TaggedArticle.objects.filter(article=hidden).update(status=Article.Status.DRAFT)
    Article.tags.through.objects.filter(article__title="ข่าวแรกของแท็ก").delete()
    assert tag_index.drift() == (1, 2)
    with pytest.raises(SystemExit):
        call_command("rebuild_tag_index", "--check")
    assert "1 links without their entry, 2 entries wrong or left over" in capsys.readouterr().out
    call_command("rebuild_tag_index")
    assert "Wrote" in capsys.readouterr().out
    assert shown(client, tag) == everywhere("ข่าวที่ถูกซ่อนโดยไม่ตั้งใจ")
    call_command("rebuild_tag_index", "--check")  # in step: exits normally


def test_the_tag_pages_older_link_walks_the_tags_index(client, tag):
    for n in range(14):
        article(f"ข่าวชุด {n:02d}", published_at=timezone.now() - datetime.timedelta(days=n + 1)).tags.add(tag)
    first = client.get(tag.get_absolute_url())
    older = first.context["page_obj"].older_cursor
    second = client.get(tag.get_absolute_url(), {"page": 2, "older_than": older})
    by_number = client.get(tag.get_absolute_url(), {"page": 2})
    titles = [a.title for a in second.context["articles"]]
    assert titles == [a.title for a in by_number.context["articles"]] == ["ข่าวชุด 11", "ข่าวชุด 12", "ข่าวชุด 13"]
    assert f"older_than={older}" in first.content.decode()


def test_the_tag_list_query_reads_one_range_of_the_index():
    """A tag's newest public articles come from the listing index in its order: no
    sort of the tag's articles (SQLite sorts only rows of equal time, by id, and
    stops at the limit; PostgreSQL sorts nothing)."""
    tag = Tag.objects.get(slug="เรียนดีมีความสุข")
    ids = Article.objects.published().tagged(tag).values_list("pk", flat=True)[:30]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET enable_seqscan = off")  # a test table is tiny: ask for the plan a big one gets
            plan = ids.explain()
            cursor.execute("RESET enable_seqscan")
        assert "news_tagged_listing_idx" in plan and "Sort" not in plan, plan
    else:
        plan = ids.explain()
        assert "USING COVERING INDEX news_tagged_listing_idx" in plan and "B-TREE FOR ORDER BY" not in plan, plan
    old = Article.objects.published().filter(tags=tag).values_list("pk", flat=True)[:30]
    assert list(ids) == list(old)  # the same articles in the same order as the links give


def test_a_search_within_a_tag_finds_only_the_tags_news(client, tag):
    article("ประชุมสัมมนาวิชาการครูภาษาไทย").tags.add(tag)
    article("ประชุมสัมมนาวิชาการครูคณิตศาสตร์")  # the same words, not tagged
    article("ประชุมสัมมนาวิชาการครูดนตรี", status=Article.Status.DRAFT).tags.add(tag)
    response = client.get("/news/", {"q": "สัมมนาวิชาการ", "tag": tag.slug})
    assert {a.title for a in response.context["page_obj"]} == {"ประชุมสัมมนาวิชาการครูภาษาไทย"}
    everything = client.get("/news/", {"q": "สัมมนาวิชาการ"})
    assert len(everything.context["page_obj"].object_list) == 2


def test_entries_out_of_step_can_hide_but_never_show_news_that_is_not_public(client, tag, publisher):
    """The entries only order and narrow: each reader's list is also published()
    on the article itself. Every entry forced to 'published an hour ago' (a table
    out of step) still shows a draft, one in review, a scheduled, a withdrawn and a
    trashed article nowhere, nor in a search within the tag."""
    office = Office.objects.get(slug=OFFICE)
    hidden = [
        make_article(title="ร่างของแท็ก", office=office, status=Article.Status.DRAFT),
        make_article(title="รอตรวจของแท็ก", office=office, status=Article.Status.IN_REVIEW),
        make_article(title="ตั้งเวลาของแท็ก", office=office, published_at=timezone.now() + datetime.timedelta(days=1)),
        make_article(title="ถอนแล้วของแท็ก", office=office),
        make_article(title="ในถังของแท็ก", office=office),
    ]
    for article in hidden:
        article.tags.add(tag)
    hidden[3].unpublish(publisher, "ข้อมูลไม่ถูกต้อง")
    hidden[4].trash(publisher)
    forced = TaggedArticle.objects.filter(tag=tag).update(
        status=Article.Status.PUBLISHED, published_at=timezone.now() - datetime.timedelta(hours=1)
    )
    assert forced == 6 and tag_index.drift() != (0, 0)
    places = {
        "page": client.get(tag.get_absolute_url()).context["articles"],
        "list": client.get("/news/", {"tag": tag.slug}).context["page_obj"],
        "search": client.get("/news/", {"tag": tag.slug, "q": "ของแท็ก"}).context["page_obj"],
    }
    for place, articles in places.items():
        assert {article.title for article in articles} == {"ข่าวแรกของแท็ก"}, place
    feed = feedparser.parse(client.get(reverse("feeds:tag_rss", kwargs={"slug": tag.slug})).content)
    assert {entry.title for entry in feed.entries} == {"ข่าวแรกของแท็ก"}
