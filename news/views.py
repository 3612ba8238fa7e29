from urllib.parse import unquote

from django.conf import settings
from django.db.models import Prefetch
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.http import http_date
from django.utils.translation import get_language
from django.views.generic import DetailView, ListView, TemplateView
from django_filters.views import FilterView

from . import permissions, reads, seo, thai
from .images import render_card
from .filters import ArticleFilter
from .models import Article, Attendance, Event, Office, Person, PreviewLink, Tag
from .pagination import KEYSET_PARAMS, CachedCountMixin

PAGE_SIZE = 12


def public_articles_prefetch(lookup):
    """A Prefetch of public articles for a reverse relation (event news, tag news)."""
    return Prefetch(lookup, queryset=Article.objects.published().order_by("-published_at"), to_attr="public_articles")


class CanonicalURLMixin:
    """Answer /thing/<pk>/ and any wrong slug with a 301 to the canonical URL."""

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        canonical = self.object.get_absolute_url()
        # reverse() percent-encodes Thai; request.path is already decoded.
        if request.path != unquote(canonical):
            query = request.META.get("QUERY_STRING")
            return redirect(f"{canonical}?{query}" if query else canonical, permanent=True)
        context = self.get_context_data(object=self.object)
        return self.render_to_response(context)


class HomeView(TemplateView):
    template_name = "news/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        latest = list(Article.objects.published().for_listing()[:7])
        context.update(
            lead_article=latest[0] if latest else None,
            latest=latest[1:],
            upcoming_events=Event.objects.for_listing().upcoming()[:5],
            recent_events=Event.objects.for_listing().past()[:5],
            top_offices=Office.objects.filter(parent__parent__isnull=True)
            .select_related("parent")
            .order_by("path"),
        )
        return context


class ArticleListView(CachedCountMixin, FilterView):
    filterset_class = ArticleFilter
    paginate_by = PAGE_SIZE
    template_name = "news/article_list.html"

    def get_queryset(self):
        return Article.objects.published().for_listing()

    def render_to_response(self, context, **kwargs):
        if self.filterset.is_bound and not self.filterset.is_valid():
            kwargs["status"] = 400
        return super().render_to_response(context, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter_feeds"] = self.filter_feeds()
        # The folded filters open when one of them is in use, not for a search alone.
        context["more_filters_in_use"] = any(
            value.strip() for name, value in self.request.GET.items() if name not in ("q", "page", *KEYSET_PARAMS)
        )
        return context

    def filter_feeds(self):
        """[(title, rss url, atom url)] for each feed-backed filter the reader chose."""
        if not (self.filterset.is_bound and self.filterset.is_valid()):
            return []
        feeds = []
        for name, key in [("office", "slug"), ("category", "slug"), ("tag", "slug"), ("province", "code")]:
            obj = self.filterset.form.cleaned_data.get(name)
            if obj is not None:
                kwargs = {key: getattr(obj, key)}
                feeds.append((str(obj), reverse(f"feeds:{name}_rss", kwargs=kwargs), reverse(f"feeds:{name}_atom", kwargs=kwargs)))
        return feeds


class ArticleDetailView(CanonicalURLMixin, DetailView):
    template_name = "news/article_detail.html"

    def get_queryset(self):
        articles = Article.objects.published()
        editor = logged_in_editor(self.request)
        if editor:
            # Editors preview their own offices' drafts and scheduled articles here.
            articles = articles | permissions.visible(editor, Article)
        return articles.for_detail()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        context["preview"] = not article.is_published()
        if not context["preview"]:
            reads.count_read(self.request, article.pk)
            article.read_count = reads.shown_count(article)
        context["related"] = Article.objects.related_to(article)
        context["share"] = seo.article_meta(article, self.request)
        return context

    def get(self, request, *args, **kwargs):
        try:
            response = super().get(request, *args, **kwargs)
        except Http404:
            return withdrawal_notice(request, kwargs["pk"])  # or the 404, if it never was public
        if not self.object.is_published():
            # A preview (and its redirect to the canonical address) is one editor's.
            patch_cache_control(response, private=True, no_store=True)
        return response


def withdrawal_notice(request, pk):
    """What readers find at a withdrawn article's address: its title, when and why it
    was withdrawn (GOV.UK style), with 410 Gone so search engines and link checkers
    drop the address, and noindex; the body is not shown. An address that never was
    public stays 404."""
    article = get_object_or_404(Article.objects.withdrawn().select_related("office"), pk=pk)
    canonical = article.get_absolute_url()
    if request.path != unquote(canonical):
        return redirect(canonical, permanent=True)
    return TemplateResponse(request, "news/article_withdrawn.html", {"article": article}, status=410)


def logged_in_editor(request):
    """The staff user viewing the page, if any. Anonymous readers' sessions are
    never touched: reading request.user would add Vary: Cookie to public pages."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return None
    user = request.user
    return user if user.is_authenticated and user.is_staff else None


class EventListView(CachedCountMixin, ListView):
    template_name = "news/event_list.html"
    paginate_by = PAGE_SIZE
    context_object_name = "events"

    def get_queryset(self):
        return Event.objects.for_listing().past()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["upcoming_events"] = Event.objects.for_listing().upcoming()[:20]
        return context


class EventDetailView(CanonicalURLMixin, DetailView):
    template_name = "news/event_detail.html"
    context_object_name = "event"

    def get_queryset(self):
        return Event.objects.for_listing().prefetch_related(
            Prefetch("attendances", queryset=Attendance.objects.as_listed())
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["articles"] = list(Article.objects.published().for_listing().filter(event=self.object))
        context["share"] = seo.event_meta(self.object, context["articles"], self.request)
        return context


class OfficeListView(ListView):
    template_name = "news/office_list.html"
    context_object_name = "offices"

    def get_queryset(self):
        return Office.objects.select_related("province").order_by("path")


class OfficeDetailView(CachedCountMixin, ListView):
    """An office's news (its own and its sub-offices'), events and sub-offices."""

    template_name = "news/office_detail.html"
    paginate_by = PAGE_SIZE
    context_object_name = "articles"

    def get(self, request, *args, **kwargs):
        self.office = get_object_or_404(Office.objects.select_related("parent", "province"), slug=kwargs["slug"])
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return Article.objects.published().for_listing().by_office_tree(self.office)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        events = Event.objects.for_listing().organised_within(self.office)
        context.update(
            office=self.office,
            children=self.office.children.order_by("short_name"),
            upcoming_events=events.upcoming()[:5],
            recent_events=events.past()[:5],
        )
        return context


class PersonDetailView(CanonicalURLMixin, DetailView):
    template_name = "news/person_detail.html"
    context_object_name = "person"

    def get_queryset(self):
        return Person.objects.public().prefetch_related(
            Prefetch(
                "attendances",
                queryset=Attendance.objects.public()
                .select_related("event__province", "office")
                .prefetch_related(public_articles_prefetch("event__articles"))
                .order_by("-event__start_date", "-event__pk"),
                to_attr="appearances",
            )
        )


class TagDetailView(CachedCountMixin, ListView):
    template_name = "news/tag_detail.html"
    paginate_by = PAGE_SIZE
    context_object_name = "articles"

    def get(self, request, *args, **kwargs):
        # A tag only drafts use is not public yet: its name would leak.
        self.tag = get_object_or_404(Tag.objects.public(), slug=Tag.slug_for(kwargs["slug"]))
        if kwargs["slug"] != self.tag.slug:  # e.g. typed with ํา instead of ำ
            return redirect(self.tag.get_absolute_url(), permanent=True)
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return Article.objects.published().for_listing().tagged(self.tag)

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)


class PreviewLinkView(ArticleDetailView):
    """An unpublished article shown to whoever holds a signed preview link
    (news.models.PreviewLink), with a banner; never indexed, cached or counted.

    A token we did not sign, or whose row is gone, is the Thai 404 page: nothing is
    there. A genuine link that expired or was revoked is 410 with a Thai message, so
    the person it was sent to knows to ask for a new one (only someone holding a
    link we signed learns that it once existed). Once the article is public, every
    genuine link leads to its public address.
    """

    def get(self, request, token):
        link = PreviewLink.from_token(token)
        # A deleted article's links open nothing while it is in the trash.
        article = link and Article.objects.not_trashed().filter(pk=link.article_id).for_detail().first()
        if article is None:
            response = render(request, "404.html", status=404)
        elif article.is_published():
            response = redirect(article.get_absolute_url())
        elif not link.is_active():
            response = render(request, "news/preview_link_gone.html", status=410)
        else:
            self.object = article
            response = self.render_to_response(self.get_context_data(object=article, preview_link=link))
        # One person's page: no shared cache keeps it, no search engine lists it,
        # and its address (the token) is not sent on to sites its body links to.
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex, nofollow"
        response["Referrer-Policy"] = "no-referrer"
        return response


# Share cards: 1200×630 PNGs for pages without a photo (news.seo points to them) ---

CARD_MAX_AGE = 24 * 60 * 60


def _card_response(key, modified, draw):
    """PNG bytes from the shared cache (rendering takes a while), with HTTP caching.

    The key holds the row's updated_at, so an edited title gets a new card."""
    key = f"{key}:{modified.timestamp():.6f}:{get_language()}"
    png = cache.get(key)
    if png is None:
        png = draw()
        cache.set(key, png, CARD_MAX_AGE)
    response = HttpResponse(png, content_type="image/png")
    response["Last-Modified"] = http_date(modified.timestamp())
    patch_cache_control(response, public=True, max_age=CARD_MAX_AGE)
    return response


def article_share_image(request, pk):
    """/news/<pk>/share.png: a card with the Thai title, for articles without a photo."""
    article = get_object_or_404(Article.objects.published().select_related("office"), pk=pk)
    modified = article.modified_at
    footer = f"{settings.SITE_NAME} · {thai.format_date(article.published_at)}"
    return _card_response(
        f"share:article:{article.pk}",
        modified,
        lambda: render_card(
            article.title, kicker=article.office.short_name, footer=footer, size=seo.CARD_SIZE, palette=article.pk
        ),
    )


def event_share_image(request, pk):
    """/events/<pk>/share.png: a card with the event's title, date and place."""
    event = get_object_or_404(Event.objects.for_listing(), pk=pk)
    footer = thai.format_date_range(event.start_date, event.end_date)
    if event.province:
        footer = f"{footer} · {event.province.name_th}"
    return _card_response(
        f"share:event:{event.pk}",
        event.last_changed,
        lambda: render_card(
            event.title, kicker=event.organiser.short_name, footer=footer, size=seo.CARD_SIZE, palette=event.pk
        ),
    )
