"""Import a press release in admin ("นำเข้าจากข่าวประชาสัมพันธ์").

Step 1 takes the text, pasted or from a .txt or .docx file (SourceForm). Step 2 shows
what news.importer.parse() read, every field editable (DraftForm and one AttendeeForm
per person), beside the text with the words each field came from highlighted. Only a
valid, confirmed step 2 saves anything: drafts.create_draft, in one transaction.
The text travels with step 2 in a hidden field, so nothing is kept between requests.
"""

import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views import View

from . import permissions, revisions, thai
from .forms import BuddhistEraDateWidget, ThaiDateField, ThaiTimeField, ThaiTimeWidget
from .importer import files, parse
from .importer.drafts import create_draft, find_office, match_people
from .importer.spans import segments
from .models import Article, Attendance, Category, Event, Office, Person, Province, Tag

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_DOCX_UNPACKED_BYTES = files.MAX_DOCX_UNPACKED_BYTES  # a .docx is a zip: refuse a zip bomb before unpacking
MAX_TEXT_CHARS = 50_000  # a release is a few thousand characters; this keeps parsing well under 200 ms

TOO_LONG = _("The text is longer than %(limit)s characters: a press release is much shorter. Paste only the release.")


def _label(model, name):
    return model._meta.get_field(name).verbose_name


def read_docx(data):
    """The text of a .docx file (news/importer/files.py), with this module's limit."""
    return files.read_docx(data, MAX_DOCX_UNPACKED_BYTES)


def read_upload(upload):
    """The text of an uploaded .txt (UTF-8, or Windows Thai) or .docx file."""
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(_("The file is larger than %(limit)s MB: send the text of the release only."),
                              params={"limit": MAX_UPLOAD_BYTES // (1024 * 1024)}, code="size")
    return files.read_release(upload.name, upload.read(), MAX_DOCX_UNPACKED_BYTES)


class SourceForm(forms.Form):
    text = forms.CharField(
        label=_("Text of the press release"), required=False, strip=False,
        widget=forms.Textarea(attrs={"rows": 16, "class": "vLargeTextField"}),
        help_text=_("Paste the whole release, as copied from Word, LINE or a web page."),
    )
    file = forms.FileField(label=_("or a file"), required=False, help_text=_(".txt or .docx"),
                           widget=forms.ClearableFileInput(attrs={"accept": ".txt,.docx,text/plain"}))

    def clean(self):
        data = super().clean()
        text, upload = data.get("text") or "", data.get("file")
        if upload and text.strip():
            raise ValidationError(_("Paste the text or choose a file, not both."))
        if upload:
            try:
                text = read_upload(upload)
            except ValidationError as error:
                self.add_error("file", error)
                return data
        if not text.strip():
            raise ValidationError(_("Paste the text of the press release or choose a file."))
        if len(text) > MAX_TEXT_CHARS:
            raise ValidationError(TOO_LONG, params={"limit": f"{MAX_TEXT_CHARS:,}"})
        data["source"] = text
        return data


class DraftForm(forms.Form):
    """The article and its event as read from the release, to correct before saving."""

    ARTICLE_FIELDS = ["title", "office", "category", "published_date", "body", "writer", "photographer", "tags"]
    EVENT_FIELDS = ["event_start", "event_end", "time", "venue", "province", "online_platform", "participant_count",
                    "attending_groups"]

    source = forms.CharField(strip=False, max_length=MAX_TEXT_CHARS, widget=forms.Textarea(attrs={"hidden": True}))
    title = forms.CharField(label=_label(Article, "title"), max_length=300)
    office = forms.ModelChoiceField(label=_label(Article, "office"), queryset=Office.objects.none())
    category = forms.ModelChoiceField(label=_label(Article, "category"), queryset=Category.objects.order_by("name"),
                                      to_field_name="name", required=False)  # the name parse() gives
    published_date = ThaiDateField(label=_("publication date"), required=False, widget=BuddhistEraDateWidget)
    body = forms.CharField(label=_label(Article, "body"), widget=forms.Textarea(attrs={"rows": 14}))
    writer = forms.CharField(label=_label(Article, "writer"), max_length=200, required=False)
    photographer = forms.CharField(label=_label(Article, "photographer"), max_length=200, required=False)
    tags = forms.CharField(label=_label(Article, "tags"), required=False, help_text=_("Separated by commas"))
    event_start = ThaiDateField(label=_label(Event, "start_date"), required=False, widget=BuddhistEraDateWidget)
    event_end = ThaiDateField(label=_label(Event, "end_date"), required=False, widget=BuddhistEraDateWidget)
    time = ThaiTimeField(label=_label(Event, "start_time"), required=False, widget=ThaiTimeWidget)
    venue = forms.CharField(label=_label(Event, "venue"), max_length=300, required=False)
    province = forms.ModelChoiceField(label=_label(Event, "province"), queryset=Province.objects.order_by("name_th"),
                                      to_field_name="name_th", required=False)  # the name parse() gives
    online_platform = forms.CharField(label=_label(Event, "online_platform"), max_length=100, required=False)
    participant_count = forms.IntegerField(label=_label(Event, "participant_count"), min_value=0,
                                           max_value=1_000_000, required=False)
    attending_groups = forms.CharField(label=_label(Event, "attending_groups"), required=False,
                                       help_text=Event._meta.get_field("attending_groups").help_text,
                                       widget=forms.Textarea(attrs={"rows": 5}))
    # An event already in the portal that this release reports (an event it offers),
    # or NEW_EVENT. Only events the editor may see are accepted, whatever is posted.
    existing_event = forms.CharField(label=_("Event of this news"), required=False, widget=forms.RadioSelect)

    def __init__(self, *args, user, events=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["office"].queryset = permissions.editable(user, Office).order_by("short_name")
        self.events = list(events)
        self.fields["existing_event"].widget.choices = [(str(event.pk), event) for event in self.events] + [
            (NEW_EVENT, _("Create a new event"))
        ]
        if not self.is_bound and "existing_event" not in self.initial:
            self.initial["existing_event"] = NEW_EVENT

    def clean_existing_event(self):
        value = self.cleaned_data["existing_event"]
        if value in ("", NEW_EVENT):
            return None
        offered = {str(event.pk): event for event in self.events}
        if value in offered:
            return offered[value]
        # Not among those offered (the date was changed, or the POST was forged): it is
        # accepted only if the editor may see it.
        event = permissions.visible(self.user, Event).filter(pk=value).first() if _is_id(value) else None
        if event is None:
            raise ValidationError(_("Choose one of the events offered, or create a new event."), code="invalid_choice")
        return event

    def clean_attending_groups(self):
        return [line.strip() for line in self.cleaned_data["attending_groups"].splitlines() if line.strip()]

    @classmethod
    def initial_from(cls, facts, office):
        return {
            "title": facts["title"], "office": office, "body": facts["body"],
            "published_date": _day(facts["published_date"]), "writer": facts["credits"]["writer"],
            "photographer": facts["credits"]["photographer"], "tags": ", ".join(facts["tags"] or []),
            "event_start": _day(facts["event_start"]), "event_end": _day(facts["event_end"]),
            "time": datetime.time.fromisoformat(facts["time"]) if facts["time"] else None,
            "venue": facts["venue"], "province": facts["province"], "online_platform": facts["online_platform"],
            "participant_count": facts["participant_count"], "category": facts["category"],
            "attending_groups": "\n".join(facts["attending_groups"]),
        }

    def clean_tags(self):
        tags = [tag.strip().lstrip("#").strip() for tag in self.cleaned_data["tags"].split(",")]
        if any(len(tag) > Tag._meta.get_field("name").max_length for tag in tags):
            raise ValidationError(_("A tag is at most 100 characters: separate tags with commas."))
        return [tag for tag in tags if tag]

    def clean(self):
        data = super().clean()
        start, end = data.get("event_start"), data.get("event_end")
        if data.get("existing_event"):
            return data  # the event chosen has its own dates
        if end and not start:
            self.add_error("event_start", _("Give the first day as well, or leave both dates empty."))
        elif start and end and end < start:
            self.add_error("event_end", _("The event cannot end before it starts."))
        return data

    def facts(self, attendees):
        """The corrected facts in parse()'s schema, for drafts.create_draft."""
        data = self.cleaned_data
        iso = lambda day: day.isoformat() if day else None  # noqa: E731
        return {
            "title": data["title"], "body": data["body"],
            "office": None,  # the office the editor chose, not the one the text names
            "published_date": iso(data["published_date"]), "event_start": iso(data["event_start"]),
            "event_end": iso(data["event_end"]), "time": data["time"].strftime("%H:%M") if data["time"] else None,
            "venue": data["venue"], "province": data["province"].name_th if data["province"] else None,
            "online_platform": data["online_platform"], "participant_count": data["participant_count"],
            "tags": data["tags"], "category": data["category"], "attending_groups": data["attending_groups"],
            "credits": {"writer": data["writer"], "photographer": data["photographer"]},
            "attendees": attendees,
        }


def _is_id(value):
    """A posted primary key worth a query: ASCII digits within a database integer."""
    return isinstance(value, str) and value.isascii() and value.isdigit() and 0 < int(value) < 2**31


def _day(iso):
    return datetime.date.fromisoformat(iso) if iso else None


NEW_PERSON = ""
NEW_EVENT = "new"
# At most this many existing events are offered: a release reports one event, and a
# date with more matches than this is a date to correct, not a list to scroll.
MAX_EVENTS_OFFERED = 5


def matching_events(user, start, venue, office):
    """Events the user may see that start on `start` and share the venue or the
    organiser with the release: the ones it may be reporting. One query."""
    if start is None:
        return []
    same = Q(organiser=office) if office is not None else Q(pk__in=[])
    if venue:
        same |= Q(venue__iexact=venue.strip())
    events = permissions.visible(user, Event).filter(same, start_date=start).select_related("organiser", "province")
    return list(events.order_by("-pk")[:MAX_EVENTS_OFFERED])


class AttendeeForm(forms.Form):
    honorific = forms.CharField(label=_label(Person, "honorific"), max_length=60, required=False)
    name = forms.CharField(label=_label(Person, "name"), max_length=200)
    position = forms.CharField(label=_label(Attendance, "position"), max_length=300, required=False)
    role = forms.ChoiceField(label=_label(Attendance, "role"), choices=Attendance.Role.choices,
                             initial=Attendance.Role.PARTICIPANT)
    person = forms.ChoiceField(label=_("Known person"), required=False)

    def __init__(self, *args, candidates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.candidates = {str(person.pk): person for person in candidates}
        self.fields["person"].choices = [(pk, str(person)) for pk, person in self.candidates.items()] + [
            (NEW_PERSON, _("New person"))
        ]
        self.fields["person"].initial = next(iter(self.candidates), NEW_PERSON)

    def clean(self):
        data = super().clean()
        if "person" not in data or "name" not in data:
            return data
        data["person"] = self.candidates.get(data["person"])
        if data["person"] is None:
            # The house rule for adding a person (no second row for one name) holds here too.
            try:
                Person(honorific=data["honorific"], name=data["name"]).clean()
            except ValidationError as error:
                self.add_error("name", error.message_dict["name"])
        return data


class BaseAttendeeFormSet(forms.BaseFormSet):
    """One form per person; each offers the known people of that name the user may see
    (one query for the whole list)."""

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        names = [self._name(i) for i in range(self.total_form_count())]
        self.matches = match_people([name for name in names if name], people)

    def _name(self, index):
        if self.is_bound:
            return thai.clean_text(self.data.get(self.add_prefix(index) + "-name", ""))
        initial = self.initial or []
        return initial[index]["name"] if index < len(initial) else ""

    def get_form_kwargs(self, index):
        if index is None:
            return {}
        return {"candidates": self.matches.get(self._name(index), [])}

    def clean(self):
        seen = set()
        for form in self.forms:
            if self._should_delete_form(form) or not form.cleaned_data.get("name"):
                continue
            key = thai.normalize(form.cleaned_data["name"]).replace(" ", "")
            if key in seen:
                form.add_error("name", _("This person is listed twice: remove one of the rows."))
            seen.add(key)

    def attendees(self):
        return [
            {key: form.cleaned_data[key] for key in ("honorific", "name", "position", "role", "person")}
            for form in self.forms
            if form.cleaned_data.get("name") and not self._should_delete_form(form)
        ]


AttendeeFormSet = forms.formset_factory(
    AttendeeForm, formset=BaseAttendeeFormSet, extra=1, can_delete=True, max_num=200, absolute_max=200,
    validate_max=True,
)


class PressReleaseImportView(View):
    """GET: step 1. POST without "review": read the text, show step 2. POST with it:
    save the draft when everything is valid, else show step 2 again with the errors."""

    model_admin = None
    template_name = "admin/news/article/import.html"

    def dispatch(self, request, *args, **kwargs):
        if not self.model_admin.has_add_permission(request):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return self.render(source_form=SourceForm())

    def post(self, request):
        if "review" in request.POST:
            return self.confirm(request)
        source_form = SourceForm(request.POST, request.FILES)
        if not source_form.is_valid():
            return self.render(source_form=source_form)
        text = source_form.cleaned_data["source"]
        facts = parse(text, spans=True)
        office = self._office_for(facts["office"])
        events = matching_events(request.user, _day(facts["event_start"]), facts["venue"], office)
        form = DraftForm(initial={"source": text, **DraftForm.initial_from(facts, office)}, user=request.user,
                         events=events)
        attendees = AttendeeFormSet(
            initial=[{k: a[k] or "" for k in ("honorific", "name", "position", "role")} for a in facts["attendees"]],
            people=permissions.visible(request.user, Person),
        )
        return self.render_review(text, facts, form, attendees)

    def confirm(self, request):
        form = DraftForm(request.POST, user=request.user, events=self._events_posted(request.POST))
        attendees = AttendeeFormSet(request.POST, people=permissions.visible(request.user, Person))
        if form.is_valid() and attendees.is_valid():
            people = attendees.attendees()
            event = form.cleaned_data["existing_event"]
            if people and not event and not form.cleaned_data["event_start"]:
                form.add_error("event_start", _("The people are listed on the event: give its date, or remove them."))
            else:
                # Another office's (public) event may be reported, not changed: its people stay as they are.
                own = event is None or permissions.editable(request.user, Event).filter(pk=event.pk).exists()
                with revisions.recording(request.user, revisions.Door.IMPORT):
                    article = create_draft(form.facts(people), office=form.cleaned_data["office"], event=event,
                                           add_to_event=own)
                self.model_admin.log_addition(request, article, [{"added": {}}])
                messages.success(request, _("The press release is saved as a draft: “%(title)s”. Check it, add "
                                            "photos and publish it when ready.") % {"title": article.title})
                if not own:
                    messages.warning(request, _("The news is linked to “%(event)s” of %(office)s. Its people were "
                                                "not changed: only that office edits its event.")
                                     % {"event": event.title, "office": event.organiser.short_name})
                return HttpResponseRedirect(reverse("admin:news_article_change", args=[article.pk]))
        text = request.POST.get("source", "")[:MAX_TEXT_CHARS]
        return self.render_review(text, parse(text, spans=True), form, attendees)

    def _events_posted(self, data):
        """The events step 2 offered, found again from the fields as posted."""
        try:
            start = ThaiDateField().clean(data.get("event_start", ""))
        except ValidationError:
            start = None
        office = data.get("office", "")
        office = permissions.editable(self.request.user, Office).filter(pk=office).first() if _is_id(office) else None
        return matching_events(self.request.user, start, data.get("venue", ""), office)

    def _office_for(self, short_name):
        """The office the release names, if the user may file under it; else their only office."""
        mine = list(permissions.editable(self.request.user, Office))
        return find_office(short_name, mine) or (mine[0] if len(mine) == 1 else None)

    def render_review(self, text, facts, form, attendees):
        marks, words = _highlights(text, facts["spans"], form, attendees)
        rows = lambda names: [(form[name], words.get(name)) for name in names]  # noqa: E731
        return self.render(
            form=form, attendees=attendees, source_runs=marks,
            article_rows=rows(DraftForm.ARTICLE_FIELDS), event_rows=rows(DraftForm.EVENT_FIELDS),
            event_choices=[(event, form["existing_event"][i]) for i, event in enumerate(form.events)],
            new_event_choice=form["existing_event"][len(form.events)],
            attendee_words=[words.get(f"attendee-{i}") for i in range(len(attendees.forms))],
        )

    def render(self, **context):
        request = self.request
        opts = self.model_admin.model._meta
        context = {
            **self.model_admin.admin_site.each_context(request), "opts": opts,
            "title": _("Import from a press release"), "media": self.model_admin.media + self._form_media(context),
            "max_text_chars": MAX_TEXT_CHARS, **context,
        }
        return TemplateResponse(request, self.template_name, context)

    @staticmethod
    def _form_media(context):
        form = context.get("form")
        return form.media if form is not None else forms.Media()


def _highlights(text, spans, form, attendees):
    """(the text as runs of (words, field labels), {field: the words it came from})."""
    marks, words = [], {}
    for name, where in spans.items():
        if name in form.fields and where:
            runs = where if isinstance(where[0], list) else [where]  # attending_groups: one run per group
            marks.extend((*run, str(form.fields[name].label)) for run in runs)
            words[name] = " … ".join(text[start:end] for start, end in runs)
    for i, found in enumerate(spans.get("attendees", [])):
        label = _("Person %(number)s") % {"number": i + 1}
        for part in ("name", "position"):
            if found[part]:
                marks.append((*found[part], f"{label}: {AttendeeForm.base_fields[part].label}"))
        words[f"attendee-{i}"] = " … ".join(text[s:e] for s, e in filter(None, (found["name"], found["position"])))
    return segments(text, marks), words


class PressReleaseImportMixin:
    """ArticleAdmin's import screen at /admin/news/article/import/ (a button on the list)."""

    def get_urls(self):
        view = PressReleaseImportView.as_view(model_admin=self)
        return [path("import/", self.admin_site.admin_view(view), name="news_article_import"), *super().get_urls()]
