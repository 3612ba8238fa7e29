"""Fill an empty database with a portal of realistic shape, by bulk inserts.

    DATABASE_URL=sqlite:////tmp/bench-10k.sqlite3 python bench/generate.py --articles 10000

About 340 offices in the real tree (ministry → OBEC → 245 area offices;
ministry → OPS → 18 regional → 77 provincial offices), ten years of daily news
ending now (2 % drafts, a few scheduled), one event per four articles with 3–50
attendees, people whose positions change over the years, 300 tags, 0–6 photo rows
per article (a placeholder file name with width and height; no files), Thai text
taken from the seed articles. Random but repeatable (--seed).
"""

import argparse
import datetime
import json
import os
import random
import sys
import time
from collections import Counter
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from news import thai  # noqa: E402
from news.models import Article, Attendance, Category, Event, Office, Person, Photo, Province, Tag, TaggedArticle  # noqa: E402

BATCH = 2000
CHUNK = 20_000
YEARS = 10
GIVEN = ["สมชาย", "สมศรี", "ธนุ", "อัมพร", "ธีร์", "วิไลวรรณ", "ประเสริฐ", "กาญจนา", "สุรเชษฐ์", "นันทนา", "ชัยวัฒน์", "พรทิพย์", "อำนาจ", "จิราพร", "วีระ", "สุนันทา"]
FAMILY = ["วงษ์จินดา", "พินะสา", "ภวังคนันท์", "กฤษเจริญ", "ศรีสุข", "ทองดี", "แก้วมณี", "บุญมา", "จันทร์เพ็ญ", "สายสุวรรณ", "มีสุข", "รุ่งเรือง", "ใจดี", "พรหมมา", "ศักดิ์ดี", "สุขประเสริฐ", "อินทร์แก้ว", "ชัยชนะ", "ทองคำ", "เพชรรัตน์"]
HONORIFICS = ["นาย", "นาง", "นางสาว", "ดร.", "ว่าที่ร้อยตรี"]
POSITIONS = ["ครู", "ครูชำนาญการ", "ศึกษานิเทศก์", "รองผู้อำนวยการ", "ผู้อำนวยการโรงเรียน", "รองผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา", "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา", "ศึกษาธิการจังหวัด", "รองเลขาธิการ กพฐ."]
VENUES = ["ห้องประชุมเรือนคุ้ม โรงแรมคุ้มภูคำ", "หอประชุมโรงเรียน", "ห้องประชุมสำนักงานเขตพื้นที่การศึกษา", "ศูนย์ประชุมแห่งชาติสิริกิติ์"]


def batches(rows, model, **kwargs):
    made = []
    for start in range(0, len(rows), BATCH):
        made += model.objects.bulk_create(rows[start:start + BATCH], **kwargs)
    return made


def make_offices(rng):
    provinces = list(Province.objects.order_by("code"))

    def level(rows, parent):
        made = batches(rows, Office)
        for office in made:
            office.path = f"{parent.path if parent else '/'}{office.pk}/"
        Office.objects.bulk_update(made, ["path"], batch_size=BATCH)
        return made

    bangkok = next(p for p in provinces if p.code == Province.BANGKOK)
    (moe,) = level([Office(name="กระทรวงศึกษาธิการ", short_name="ศธ.", slug="moe", kind="ministry", province=bangkok)], None)
    obec, ops = level([
        Office(name="สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน", short_name="สพฐ.", slug="obec", kind="commission", parent=moe, province=bangkok),
        Office(name="สำนักงานปลัดกระทรวงศึกษาธิการ", short_name="สป.ศธ.", slug="ops", kind="commission", parent=moe, province=bangkok),
    ], moe)
    areas = level([
        Office(
            name=f"สำนักงานเขตพื้นที่การศึกษา{'ประถมศึกษา' if i < 183 else 'มัธยมศึกษา'}{provinces[i % len(provinces)].name_th} เขต {i // len(provinces) + 1}",
            short_name=f"{'สพป.' if i < 183 else 'สพม.'}{provinces[i % len(provinces)].name_th} เขต {i // len(provinces) + 1}",
            slug=f"area-{i + 1}", kind="primary_area" if i < 183 else "secondary_area",
            parent=obec, province=provinces[i % len(provinces)],
        )
        for i in range(245)
    ], obec)
    regions = level([
        Office(name=f"สำนักงานศึกษาธิการภาค {i + 1}", short_name=f"ศธภ.{i + 1}", slug=f"region-{i + 1}", kind="regional", parent=ops)
        for i in range(18)
    ], ops)
    provincial = []
    for i, province in enumerate(provinces[:77]):
        provincial.append(Office(
            name=f"สำนักงานศึกษาธิการจังหวัด{province.name_th}", short_name=f"ศธจ.{province.name_th}",
            slug=f"peo-{i + 1}", kind="provincial", parent=regions[i % 18], province=province,
        ))
    made = batches(provincial, Office)
    for office in made:
        office.path = f"{office.parent.path}{office.pk}/"
    Office.objects.bulk_update(made, ["path"], batch_size=BATCH)
    return [moe, obec, ops, *areas, *regions, *made]


def seed_texts():
    with open(BASE_DIR / "fixtures" / "demo_articles.json", encoding="utf-8") as handle:
        seeds = json.load(handle)
    sentences = []
    for seed in seeds:
        text = thai.plain_text(seed["body"])
        sentences += [part.strip() for part in text.replace("\n", " ").split(" ") if len(part.strip()) > 20]
    return [thai.clean_text(seed["title"]) for seed in seeds], sentences


def make_chunk(rng, numbers, n, now, offices, weights, titles, sentences, categories, tags, people):
    """Articles numbered `numbers` (0 is the newest) with their events, tags, photos and attendances."""
    span = datetime.timedelta(days=365 * YEARS).total_seconds()
    articles, events = [], []
    for i in numbers:
        if i < 20:
            published_at = now + datetime.timedelta(hours=i + 1)  # scheduled
        else:
            published_at = now - datetime.timedelta(seconds=span * (i / n) + rng.random() * 3600)
        office = rng.choices(offices, weights)[0]
        title = f"{rng.choice(titles)} ครั้งที่ {i + 1}"
        body = "".join(f"<p>{' '.join(rng.sample(sentences, 3))}</p>" for _ in range(rng.randint(2, 5)))
        article = Article(
            title=title, slug=thai.slugify(title, fallback="news"), summary="", body=body, office=office,
            category=rng.choice([None, *categories]),
            status=Article.Status.DRAFT if rng.random() < 0.02 else Article.Status.PUBLISHED,
            published_at=published_at, read_count=rng.randint(0, 2000),
        )
        if i % 4 == 0:
            day = timezone.localtime(published_at).date()
            event = Event(
                title=f"การประชุม{title[:60]}", kind=rng.choice(Event.Kind.values), start_date=day, end_date=day,
                start_time=datetime.time(9), venue=rng.choice(VENUES), province=office.province,
                organiser=office, fiscal_year=thai.fiscal_year(day),
            )
            events.append(event)
            article._bench_event = event
        articles.append(article)
    batches(events, Event)
    for article in articles:
        article.event = getattr(article, "_bench_event", None)
    articles = batches(articles, Article)

    tag_links, tag_entries, photos, attendances = [], [], [], []
    for article in articles:
        for tag in rng.sample(tags, rng.randint(0, 3)):
            tag_links.append(Article.tags.through(article_id=article.pk, tag_id=tag.pk))
            # Bulk inserts send no signal: the tag's list entry (news.tag_index) is written here.
            tag_entries.append(TaggedArticle(
                article_id=article.pk, tag_id=tag.pk, status=article.status, published_at=article.published_at
            ))
        for order in range(rng.randint(0, 6)):
            photos.append(Photo(article_id=article.pk, image=f"bench/placeholder-{order}.jpg", width=1200, height=800, order=order))
    for event in events:
        size = 50 if event.pk % 97 == 0 else rng.randint(3, 30)
        year = event.start_date.year
        for order, person in enumerate(rng.sample(people, size)):
            # A person's position moves up every few years.
            step = (person.pk + year // 3) % len(POSITIONS)
            attendances.append(Attendance(
                event_id=event.pk, person_id=person.pk, position=POSITIONS[step],
                role="chair" if order == 0 else "participant", office_id=event.organiser_id, order=order,
            ))
    batches(tag_links, Article.tags.through)
    batches(tag_entries, TaggedArticle)
    batches(photos, Photo)
    batches(attendances, Attendance)
    return Counter(articles=len(articles), events=len(events), attendances=len(attendances), **{"tag links": len(tag_links)}, photos=len(photos))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    started = time.monotonic()
    call_command("migrate", verbosity=0)
    call_command("loaddata", BASE_DIR / "fixtures" / "provinces.json", verbosity=0)
    if Article.objects.exists():
        sys.exit("The database already has articles: generate into an empty one.")
    n = args.articles
    with transaction.atomic():
        offices = make_offices(rng)
        titles, sentences = seed_texts()
        categories = batches([Category(name=name, slug=f"cat-{i}") for i, name in enumerate(
            ["ข่าวประชาสัมพันธ์", "การประชุม", "อบรมสัมมนา", "กิจกรรมนักเรียน", "ประกาศ", "ผลงานดีเด่น"])], Category)
        tags = batches([Tag(name=f"แท็กข่าว{i}", slug=f"แท็กข่าว{i}") for i in range(300)], Tag)
        people = batches([
            Person(honorific=rng.choice(HONORIFICS), name=f"{GIVEN[i % len(GIVEN)]} {FAMILY[(i // len(GIVEN)) % len(FAMILY)]}{'' if i < 320 else i}",
                   name_key=thai.normalize(f"{GIVEN[i % len(GIVEN)]} {FAMILY[(i // len(GIVEN)) % len(FAMILY)]}{'' if i < 320 else i}"))
            for i in range(max(n // 5, 400))
        ], Person)

        now = timezone.now()
        # Popular offices publish more: area offices most, the ministry least.
        weights = [1 if o.kind in ("ministry", "commission") else 3 for o in offices]
        totals = Counter()
        # In chunks, so a million articles never sit in memory at once; the oldest
        # first, so that ids grow with publication time as in a real portal (the
        # search reads the highest ids as the newest).
        for first in range(0, n, CHUNK):
            numbers = range(n - 1 - first, max(n - 1 - first - CHUNK, -1), -1)
            totals += make_chunk(rng, numbers, n, now, offices, weights, titles, sentences, categories, tags, people)
            print(f"  {min(first + CHUNK, n)} articles, {time.monotonic() - started:.0f} s", file=sys.stderr, flush=True)
    # Table statistics for the planner: PostgreSQL's autovacuum would gather them soon
    # after a load this size; SQLite only when told (see docs/performance.md).
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(
        f"{len(offices)} offices, {totals['articles']} articles, {totals['events']} events, {totals['attendances']} attendances, "
        f"{len(people)} people, {totals['tag links']} tag links, {totals['photos']} photo rows in {time.monotonic() - started:.0f} s"
    )


if __name__ == "__main__":
    main()
