"""Load the demo site from the data files under demo/: add what is missing, never change what exists."""

# Pages are matched by slug under their parent. New pages are added as drafts first, so that
# any page can link to any other; then each gets its links and one published revision, as
# if an editor pressed Publish. Learning records and partner teams go through the services.

import datetime
import json
import os
import secrets
from collections import ChainMap
from dataclasses import dataclass, field
from pathlib import Path

from allauth.account.models import EmailAddress
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import check_password
from django.core.files import File
from django.core.files.images import ImageFile
from django.core.management.base import CommandError
from django.db import models, transaction
from django.utils import timezone
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site, TaskState, Workflow

from accounts import services as account_services
from assessments.models import QuizPage
from courses import selectors as course_selectors
from courses import services as course_services
from courses.models import CoursePage, LessonPage, ModulePage, TrainingProgramPage
from demo.network import network_load
from demo.opportunities import opportunities_load
from demo.schema import DemoDataError, ImageRef, PageRef, data_read
from events import services as event_services
from events.models import EventPage
from home.models import FooterText, HomePage, MenuPlace, NavigationMenu, StandardPage
from library.models import ResourcePage
from news.models import NewsPage
from newsletter.models import NewsletterIssuePage
from partners import services as partner_services
from partners.models import PartnerPage
from projects.models import ProjectPage
from taxonomy.models import BusinessStage, Sector, Topic

DATA_DIR = Path(__file__).resolve().parent
COLLECTION_NAME = "Demo content"
SITE_NAME, SITE_HOSTNAME, SITE_PORT = "SME Academy", "localhost", 80
# The home page takes Wagtail's "home" slug when the welcome page can go; otherwise the second.
HOME_SLUGS = ("home", "sme-academy")
# Folders of page files, with their page type and default parent slug.
FOLDERS = {
    "pages": (StandardPage, None),
    "partners": (PartnerPage, "partners"),
    "courses": (CoursePage, "courses"),
    "programs": (TrainingProgramPage, "programs"),
    "resources": (ResourcePage, None),
    "events": (EventPage, "events"),
    "newsletter": (NewsletterIssuePage, "newsletter"),  # issues, under the archive (pages/newsletter.yaml)
    "projects": (ProjectPage, "programmes"),
    "news": (NewsPage, "news"),
}
CHILDREN = {"modules": ModulePage, "lessons": LessonPage, "quiz": QuizPage}
NOT_FIELDS = {"order", "type", "parent", "slug", "editor", "review", "registered", *CHILDREN}
TAXONOMY = {"topics": Topic, "sectors": Sector, "stages": BusinessStage}


@dataclass(frozen=True)
class DemoLogin:
    """An account to print at the end; password is None when it is not known (not ours to reset)."""

    role: str
    url: str
    email: str
    password: str | None


@dataclass
class DemoLoad:
    """One run of the loader: what it added, the logins and notes to print."""

    logins_file: Path
    data_dir: Path = DATA_DIR
    languages: tuple | None = None  # the other languages to load (default: every folder present)
    added: list = field(default_factory=list)
    logins: list = field(default_factory=list)
    notes: list = field(default_factory=list)

    def read(self, relative: str):
        return data_read(self.data_dir / relative, self.data_dir)

    @transaction.atomic
    def run(self) -> None:
        code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        self.locale, created = Locale.objects.get_or_create(language_code=code)
        if created:
            self.added.append(f"locale {code!r}")
        accounts = self.read("accounts.yaml")
        self.editor = self.user_load("Admin", "/admin/", accounts["admin"], superuser=True)
        self.admin_mfa_note()
        self.images = self.images_load()
        self.terms = self.taxonomy_load()
        self.new = []  # (page, its data) of the pages added in this run, in tree order
        home = self.home_get_or_add()
        self.pages = {}
        # Catalogue quizzes wait for the programs, as in the loader before the demo became data,
        # so that a fresh demo keeps its page ids and the URLs that carry them (feeds, downloads).
        self.quizzes_later, after_programs = [], False
        for folder, slug, data in self.files_read(code):
            if after_programs and folder != "programs":
                self.quizzes_add()
            after_programs = after_programs or folder == "programs"
            model, default_parent = FOLDERS[folder]
            parent_slug = data.get("parent", default_parent)
            if parent_slug and parent_slug not in self.pages:
                raise DemoDataError(f"{code}/{folder}/{slug}.yaml: parent names no demo page loaded before it")
            parent = self.pages[parent_slug] if parent_slug else home
            model = apps.get_model(data["type"]) if "type" in data else model
            owner = self.user_get(data["review"]["by"]) if "review" in data else self.editor
            self.pages[slug] = self.page_get_or_add(parent, model, slug, data, owner)
            if "editor" in data:
                self.partner_team_load(self.pages[slug], data)
        self.quizzes_add()
        for page, data in self.new:
            self.page_publish(page, data)
        self.site_load(home)
        self.navigation_load()
        for learner in accounts["learners"]:
            self.learner_load(learner)
        for folder, slug, data in self.files_read(code):
            for email in data.get("registered", []) if folder == "events" else []:
                self.event_registration_add(self.pages[slug], email)
        opportunities_load(self)
        network_load(self)
        self.home = home
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
            wanted = self.languages is None or code in self.languages
            if code != self.locale.language_code and wanted and (self.data_dir / code).is_dir():
                self.locale_load(code)

    def quizzes_add(self) -> None:
        for module, quiz, owner in self.quizzes_later or []:
            self.page_get_or_add(module, QuizPage, quiz["slug"], quiz, owner)
        self.quizzes_later = None

    def files_read(self, code: str) -> list:
        """(folder, slug, data) of every page file, in load order: by `order`, then folder, then name."""
        files = [
            (data.get("order", 1000), index, path.stem, folder, data)
            for index, folder in enumerate(FOLDERS)
            for path in sorted((self.data_dir / code / folder).glob("*.yaml"))
            for data in [self.read(path.relative_to(self.data_dir))]
        ]
        return [(folder, slug, data) for _order, _index, slug, folder, data in sorted(files, key=lambda f: f[:3])]

    def admin_mfa_note(self) -> None:
        if settings.ADMIN_REQUIRE_MFA:
            self.notes.append(
                "The admin requires two-factor authentication: on the first visit to /admin/, "
                "set up an authenticator app."
            )
        else:
            self.notes.append(
                "Two-factor authentication for the admin is OFF (ADMIN_REQUIRE_MFA=0) for this local demo only; "
                "it is on unless configured off."
            )

    # Accounts, and the git-ignored JSON file that remembers their generated passwords.

    def user_get(self, email: str):
        return get_user_model().objects.get(email__iexact=email)

    def user_load(self, role: str, path: str, data: dict, *, superuser=False):
        """A verified account, created once with a random password that is never reset later."""
        User = get_user_model()
        user = User.objects.filter(email__iexact=data["email"]).first()
        if user is None:
            password = secrets.token_urlsafe(18)
            user = account_services.user_create_verified(password=password, superuser=superuser, **data)
            self.added.append(f"{role.lower()} {user.email}")
            transaction.on_commit(lambda: self.logins_file_save(user.email, password))
        else:
            password = self.password_known(user)
        # Email verification is mandatory: without a verified address allauth would not let them in.
        EmailAddress.objects.get_or_create(
            user=user, email__iexact=user.email, defaults={"email": user.email, "verified": True, "primary": True}
        )
        self.logins.append(DemoLogin(role=role, url=f"{settings.SITE_URL}{path}", email=user.email, password=password))
        return user

    def logins_file_read(self) -> dict:
        try:
            data = json.loads(Path(self.logins_file).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def logins_file_save(self, email: str, password: str) -> None:
        """Record a generated password in the logins file, readable by its owner only."""
        path = Path(self.logins_file)
        data = self.logins_file_read()
        data[email] = {"password": password}
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.tmp")
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            json.dump(data, file, indent=2, sort_keys=True)
            file.write("\n")
        os.replace(temporary, path)

    def password_known(self, user) -> str | None:
        """The password the logins file holds for `user`, if it still opens the account."""
        password = (self.logins_file_read().get(user.email) or {}).get("password")
        # hashers.check_password, not user.check_password: the latter may re-hash and save the user.
        return password if password and check_password(password, user.password) else None

    # Images, documents and taxonomy terms, found again by title or slug.

    def collection_get(self) -> Collection:
        root = Collection.get_first_root_node() or Collection.add_root(name="Root")
        collection = root.get_children().filter(name=COLLECTION_NAME).first()
        if collection is None:
            collection = root.add_child(instance=Collection(name=COLLECTION_NAME))
            self.added.append(f"collection {COLLECTION_NAME!r}")
        return collection

    def images_load(self) -> dict:
        Image = get_image_model()
        images = {}
        for key, data in self.read(f"{self.locale.language_code}/images.yaml").items():
            image = Image.objects.filter(title=data["title"]).order_by("pk").first()
            if image is None:
                path = next((self.data_dir / "images").glob(f"{key}.*"))
                with path.open("rb") as file:
                    image = Image(
                        **data,
                        collection=self.collection_get(),
                        uploaded_by_user=self.editor,
                        file=ImageFile(file, name=path.name),
                    )
                    image._set_image_file_metadata()  # size and hash, as Wagtail's upload form does
                    image.full_clean()
                    image.save()
                self.added.append(f"image {image.title!r}")
            images[key] = image
        return images

    def document_get(self, title: str, filename: str):
        Document = get_document_model()
        document = Document.objects.filter(title=title).first()
        if document is None:
            with (self.data_dir / "documents" / filename).open("rb") as file:
                document = Document(title=title, uploaded_by_user=self.editor, file=File(file, name=filename))
                document._set_document_file_metadata()
                document.save()
            self.added.append(f"document {title!r}")
        return document

    def taxonomy_load(self) -> dict:
        terms = {}
        for name, model in TAXONOMY.items():
            terms[name] = {term.slug: term for term in model.objects.filter(locale=self.locale)}
            for slug, label in self.read(f"{self.locale.language_code}/taxonomy.yaml")[name].items():
                if slug not in terms[name]:
                    terms[name][slug] = model.objects.create(slug=slug, name=label, locale=self.locale)
                    self.added.append(f"{model._meta.verbose_name} {label!r}")
        return terms

    # Pages.

    def home_get_or_add(self) -> HomePage:
        """The demo's HomePage under the tree root, added as a draft if missing."""
        root = Page.get_first_root_node()
        if root is None:
            root = Page.add_root(instance=Page(title="Root", slug="root", locale=self.locale))
            self.added.append("page tree root")
        welcome = root.get_children().filter(slug=HOME_SLUGS[0]).first()
        if welcome is not None and welcome.specific_class is Page and welcome.numchild == 0:
            # Wagtail's "Welcome to your new Wagtail site!" placeholder: nothing hangs off it.
            # Its Site goes with it (on_delete=CASCADE); site_load makes a new one.
            welcome.delete()
            self.notes.append("Deleted Wagtail's empty welcome page; the demo home page takes its place.")
        for slug in HOME_SLUGS:
            page = root.get_children().filter(slug=slug).specific().first()
            if page is None or isinstance(page, HomePage):
                break
        else:
            raise CommandError(
                f"The slugs {', '.join(HOME_SLUGS)} under the tree root are taken by other pages; "
                "rename one of them to load the demo home page."
            )
        data = self.read(f"{self.locale.language_code}/home.yaml")
        return page or self.page_get_or_add(root, HomePage, slug, data, self.editor, locale=self.locale)

    def page_get_or_add(self, parent, model, slug, data, owner, **extra):
        """The page with this slug under `parent`, else a new draft; then its children alike."""
        page = parent.get_children().filter(slug=slug).specific().first()
        if page is None:
            fields = {
                key: value
                for key, value in data.items()
                if key not in NOT_FIELDS and not self.deferred(model, key, value)
            }
            page = model(slug=slug, owner=owner, live=False, **extra, **self.values(model, fields))
            parent.add_child(instance=page)
            self.new.append((page, data))
        for key, child_model in CHILDREN.items():
            children = data.get(key) or []
            for child in [children] if isinstance(children, dict) else children:
                if child_model is QuizPage and self.quizzes_later is not None:
                    self.quizzes_later.append((page, child, owner))
                else:
                    self.page_get_or_add(page, child_model, child["slug"], child, owner)
        return page

    def deferred(self, model, key, value) -> bool:
        """Set when the page is published: links to pages, many-to-many and inline rows."""
        field = model._meta.get_field(key)
        return field.many_to_many or field.one_to_many or _has_page_ref(value)

    def values(self, model, data: dict) -> dict:
        """Model field values from file data: blocks built and checked, !page and !image made ids."""
        values = {}
        for key, value in data.items():
            field = model._meta.get_field(key)
            if isinstance(field, StreamField):
                block = field.stream_block
                if isinstance(value, RawStream):  # blocks with their ids, as the database keeps them
                    raw = list(value)
                else:
                    raw = [
                        {"type": kind, "value": self.resolve(item)} for entry in value for kind, item in entry.items()
                    ]
                values[key] = block.clean(block.to_python(raw))
            elif field.many_to_one:
                values[field.attname] = self.resolve(value)
            elif isinstance(field, models.DateTimeField) and isinstance(value, dict):
                values[key] = relative_datetime(value)
            else:
                values[key] = value
        return values

    def resolve(self, data):
        if isinstance(data, PageRef):
            return self.pages[data].pk
        if isinstance(data, ImageRef):
            return self.images[data].pk
        if isinstance(data, dict):
            return {key: self.resolve(value) for key, value in data.items()}
        if isinstance(data, list):
            return [self.resolve(item) for item in data]
        return data

    def related(self, field, slugs) -> list:
        if field.related_model in TAXONOMY.values():
            kind = next(name for name, model in TAXONOMY.items() if model is field.related_model)
            return [self.terms[kind][slug] for slug in slugs]
        return [self.pages[slug] for slug in slugs]

    def page_publish(self, page, data) -> None:
        """Links, many-to-many and inline rows, then one revision: published, or approved in review."""
        model = type(page)
        later = {
            key: value for key, value in data.items() if key not in NOT_FIELDS and self.deferred(model, key, value)
        }
        for key, value in later.items():
            field = model._meta.get_field(key)
            if field.many_to_many:
                getattr(page, key).set(self.related(field, value))
            elif field.one_to_many:
                rows = [self.row_values(field.related_model, item) for item in value]
                setattr(page, key, [field.related_model(sort_order=i, **row) for i, row in enumerate(rows)])
            else:
                for name, item in self.values(model, {key: value}).items():
                    setattr(page, name, item)
        if "review" in data:
            self.review_approve(page, data["review"])
        else:
            page.save_revision(user=self.editor, log_action=True).publish(user=self.editor)
        self.added.append(f"page {page.title!r} ({page.url_path})")

    def row_values(self, model, item: dict) -> dict:
        if "file" in item:  # an attachment: its document, titled like the attachment
            item = {**item, "document_id": self.document_get(item["title"], item["file"]).pk}
            del item["file"]
        return self.values(model, item)

    def review_approve(self, page, review: dict) -> None:
        """Submitted by the partner's editor, approved by the demo admin in 'Partner review'."""
        author = self.user_get(review["by"])
        page.save_revision(user=author, log_action=True)
        state = Workflow.objects.get(name=partner_services.REVIEW_WORKFLOW).start(page, author)
        task_state = TaskState.objects.get(workflow_state=state, status=TaskState.STATUS_IN_PROGRESS).specific
        task_state.task.specific.on_action(task_state, self.editor, "approve", comment=review["comment"])

    def partner_team_load(self, partner: PartnerPage, data: dict) -> None:
        """The partner's group and collection, and its first editor, through the onboarding services."""
        partner_services.review_workflow_ensure(index=partner.get_parent().specific)
        if not hasattr(partner, "team"):
            self.added.append(f"group, collection and permissions of {partner.title}")
        team = partner_services.partner_team_ensure(partner=partner)
        self.user_load(f"Partner editor ({partner.title})", "/admin/", data["editor"])
        partner_services.partner_editor_invite(team=team, email=data["editor"]["email"], notify=False)

    # The site, its menus and footer, and the learner.

    def site_load(self, home: HomePage) -> None:
        """Point the default site at the home page when there is none or it shows a placeholder page."""
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            site = Site.objects.filter(hostname=SITE_HOSTNAME, port=SITE_PORT).select_related("root_page").first()
        if site is None:
            site = Site(hostname=SITE_HOSTNAME, port=SITE_PORT, site_name=SITE_NAME, is_default_site=True)
        elif site.root_page_id == home.pk:
            return
        elif site.root_page.specific_class is not Page:
            # Someone chose this site's root page; leave it and say how to see the demo.
            self.notes.append(
                f"The default site shows {site.root_page.title!r}, not the demo home page {home.title!r}; "
                "change it under Settings > Sites to see the demo."
            )
            return
        site.root_page = home
        site.site_name = site.site_name or SITE_NAME
        site.is_default_site = True
        site.full_clean()
        site.save()
        self.added.append(f"site {site.hostname}:{site.port} showing {home.title!r}")

    def navigation_load(self) -> None:
        """The main and footer menus and the footer text, each only where there is none yet."""
        data = self.read(f"{self.locale.language_code}/navigation.yaml")
        for place in (MenuPlace.MAIN, MenuPlace.FOOTER):
            if not NavigationMenu.objects.filter(place=place, locale=self.locale).exists():
                items = [{"link": link} for link in data[place]]
                menu = NavigationMenu(place=place, locale=self.locale, **self.values(NavigationMenu, {"items": items}))
                menu.full_clean()
                menu.save()
                self.added.append(f"navigation menu {place!r}")
        if not FooterText.objects.filter(locale=self.locale).exists():
            footer = FooterText(locale=self.locale, body=data["footer_text"])
            footer.full_clean()
            footer.save()
            self.added.append("footer text")

    def learner_load(self, data: dict) -> None:
        """A learner half-way through some courses, created once; progress written through the services."""
        data = dict(data)
        courses = data.pop("half_way_through", [])
        is_new = not get_user_model().objects.filter(email__iexact=data["email"]).exists()
        user = self.user_load("Learner", "/learning/", data)
        if is_new:
            for slug in courses:
                course = CoursePage.objects.get(pk=self.pages[slug].pk)  # as published
                course_services.enrollment_create(user=user, course=course)
                # Half of the lessons read; the quizzes are left for whoever tries the demo.
                lessons = [step for step in course_selectors.course_step_list(course) if isinstance(step, LessonPage)]
                for lesson in lessons[: len(lessons) // 2]:
                    course_services.lesson_complete(user=user, lesson=lesson)

    def event_registration_add(self, event, email: str) -> None:
        """A demo account's seat at an event, through the service; kept if it exists."""
        event = EventPage.objects.get(pk=event.pk)  # as published
        try:
            event_services.registration_create(user=self.user_get(email), event=event)
        except event_services.AlreadyRegistered:
            return
        self.added.append(f"registration of {email} for {event.title!r}")

    # Other languages: each file in demo/<code>/ is a translation of the English file of the same path.

    def locale_load(self, code: str) -> None:
        """The translations in one content language: taxonomy, pages, then menus and footer."""
        english_pages, english_terms, english_new = self.pages, self.terms, self.new
        locale, created = Locale.objects.get_or_create(language_code=code)
        if created:
            self.added.append(f"locale {code!r}")
        self.images_check(code)
        translated = {}
        # Links go to the page in this language where there is one, else to the English page.
        self.pages, self.terms, self.new = ChainMap(translated, english_pages), self.taxonomy_translate(locale), []
        try:
            if not (self.data_dir / code / "home.yaml").exists():
                raise DemoDataError(f"{code}/home.yaml: missing; every page of a language hangs under its home page")
            home = self.translation_get_or_add(self.home, locale, self.read(f"{code}/home.yaml"), f"{code}/home.yaml")
            for folder, slug, data in self.files_read(code):
                where = f"{code}/{folder}/{slug}.yaml"
                if slug not in english_pages:
                    raise DemoDataError(f"{where}: no English file en/{folder}/{slug}.yaml to translate")
                parent_slug = data.get("parent", FOLDERS[folder][1])
                if parent_slug and parent_slug not in translated:
                    raise DemoDataError(f"{where}: its parent {parent_slug!r} has no translation loaded before it")
                source = english_pages[slug]
                if source.get_parent().pk != (english_pages[parent_slug] if parent_slug else self.home).pk:
                    raise DemoDataError(f"{where}: parent differs from the English file's")
                translated[slug] = self.translation_get_or_add(source, locale, data, where)
            for page, data in self.new:
                # Its children were added through another instance of it (copy_for_translation finds
                # the translated parent anew): publishing this one must not write back a stale count.
                page.refresh_from_db(fields=["numchild"])
                self.page_publish(page, data)
            self.navigation_translate(locale, home)
        finally:
            self.pages, self.terms, self.new = english_pages, english_terms, english_new

    def translation_get_or_add(self, source, locale, data: dict, where: str):
        """The translation of `source` in `locale`, else a new draft copied from it with the file's values."""
        page = source.get_translation_or_none(locale)
        if page is None:
            page = source.copy_for_translation(locale, exclude_fields=["go_live_at", "expire_at"]).specific
            model = type(page)
            fields = {
                key: value
                for key, value in data.items()
                if key not in NOT_FIELDS and not self.deferred(model, key, value)
            }
            for name, value in self.values(model, fields).items():
                setattr(page, name, value)
            page.draft_title = page.title
            page.owner = self.editor
            page.save()  # Page.save cleans it first
            # Published by the demo admin, not sent to review: the English page went through it.
            self.new.append((page, {key: value for key, value in data.items() if key != "review"}))
        for key, child_model in CHILDREN.items():
            children = data.get(key) or []
            for child in [children] if isinstance(children, dict) else children:
                english = source.get_children().filter(slug=child["slug"]).specific().first()
                if english is None:
                    raise DemoDataError(f"{where}: {key} {child['slug']!r} is not in the English file")
                if child_model is QuizPage:
                    child = {**child, "questions": quiz_overlay(english, child["questions"], where)}
                self.translation_get_or_add(english, locale, child, where)
        return page

    def images_check(self, code: str) -> None:
        """A language's images.yaml names English pictures only. Its alt text waits for per-language images."""
        if (self.data_dir / code / "images.yaml").exists():
            unknown = set(self.read(f"{code}/images.yaml")) - set(self.images)
            if unknown:
                raise DemoDataError(f"{code}/images.yaml: {', '.join(sorted(unknown))} not in en/images.yaml")

    def taxonomy_translate(self, locale) -> dict:
        """Each English term's translation (same translation_key and slug); the English term where none."""
        path = f"{locale.language_code}/taxonomy.yaml"
        data = self.read(path) if (self.data_dir / path).exists() else {name: {} for name in TAXONOMY}
        terms = {}
        for name, model in TAXONOMY.items():
            unknown = set(data[name]) - set(self.terms[name])
            if unknown:
                raise DemoDataError(f"{path}: {name} {', '.join(sorted(unknown))} not in en/taxonomy.yaml")
            existing = {term.translation_key: term for term in model.objects.filter(locale=locale)}
            terms[name] = {}
            for slug, english in self.terms[name].items():
                term = existing.get(english.translation_key)
                if term is None and slug in data[name]:
                    term = model(slug=slug, name=data[name][slug], locale=locale)
                    term.translation_key = english.translation_key
                    term.full_clean()
                    term.save()
                    self.added.append(f"{model._meta.verbose_name} {term.name!r} ({locale.language_code})")
                terms[name][slug] = term or english
        return terms

    def navigation_translate(self, locale, home) -> None:
        """Menus and footer text as translations of the English ones, each only where there is none yet."""
        path = f"{locale.language_code}/navigation.yaml"
        if not (self.data_dir / path).exists():
            return
        data = self.read(path)
        for place in (MenuPlace.MAIN, MenuPlace.FOOTER):
            english = NavigationMenu.objects.filter(place=place, locale=self.locale).first()
            if english and not NavigationMenu.objects.filter(place=place, locale=locale).exists():
                items = [{"link": link} for link in data[place]]
                menu = NavigationMenu(
                    place=place,
                    locale=locale,
                    translation_key=english.translation_key,
                    **self.values(NavigationMenu, {"items": items}),
                )
                menu.full_clean()
                menu.save()
                self.added.append(f"navigation menu {place!r} ({locale.language_code})")
        english = FooterText.objects.filter(locale=self.locale).first()
        if english and not FooterText.objects.filter(locale=locale).exists():
            footer = FooterText(locale=locale, translation_key=english.translation_key, body=data["footer_text"])
            footer.full_clean()
            footer.save()
            self.added.append(f"footer text ({locale.language_code})")


class RawStream(list):
    """StreamField data as stored (type, value and id of each block), loaded as it is."""


# Quiz values a translation must repeat: they decide what counts as right.
QUIZ_FIXED = {"is_correct", "is_true", "answer", "tolerance"}


def quiz_overlay(english, questions: list, where: str) -> RawStream:
    """The English quiz's questions, with their block and option ids, carrying the translated texts.

    Overlaid by position, so an answer recorded in one language means the same in every other.
    """
    stored = list(english.questions.raw_data)
    problem = f"{where}: quiz {english.slug!r} differs from the English quiz"
    if len(questions) != len(stored):
        raise DemoDataError(f"{problem}: {len(questions)} questions, not {len(stored)}")
    merged = []
    for number, (entry, block) in enumerate(zip(questions, stored, strict=True), start=1):
        ((kind, value),) = entry.items()
        if kind != block["type"]:
            raise DemoDataError(f"{problem}: question {number} is {kind}, not {block['type']}")
        value = dict(value)
        options = value.pop("options", [])
        stored_options = block["value"].get("options", [])
        if len(options) != len(stored_options):
            raise DemoDataError(f"{problem}: question {number} has {len(options)} options, not {len(stored_options)}")
        for key in QUIZ_FIXED & value.keys():
            if str(value[key]) != str(block["value"][key]):
                raise DemoDataError(f"{problem}: question {number} {key} is {value[key]!r}")
        for letter, (option, item) in enumerate(zip(options, stored_options, strict=True)):
            if bool(option.get("is_correct")) != bool(item["value"].get("is_correct")):
                raise DemoDataError(f"{problem}: question {number} option {letter + 1} is_correct differs")
        merged_options = [
            {**item, "value": {**item["value"], **option}} for option, item in zip(options, stored_options, strict=True)
        ]
        merged_value = {**block["value"], **value}
        if stored_options:
            merged_value["options"] = merged_options
        merged.append({**block, "value": merged_value})
    return RawStream(merged)


def relative_datetime(value: dict) -> datetime.datetime:
    """`{in_days: 21, at: "13:00"}`: that UTC time, so many days after the day of the load (events' dates)."""
    hours, minutes = (int(part) for part in str(value["at"]).split(":"))
    day = timezone.now().date() + datetime.timedelta(days=int(value["in_days"]))
    return datetime.datetime(day.year, day.month, day.day, hours, minutes, tzinfo=datetime.UTC)


def _has_page_ref(value) -> bool:
    if isinstance(value, dict):
        return any(_has_page_ref(item) for item in value.values())
    if isinstance(value, list):
        return any(_has_page_ref(item) for item in value)
    return isinstance(value, PageRef)
