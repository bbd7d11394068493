"""The learning step of the demo: taxonomy, catalog, partners, courses, programs and a learner."""

import math
import secrets

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import Site

from courses import selectors, services
from courses.demo import images as cover_images
from courses.demo.lessons_a import COURSES as COURSES_A
from courses.demo.lessons_b import COURSES as COURSES_B
from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage, ProgramCourse, ProgramIndexPage, TrainingProgramPage
from home.demo import DemoLogin, DemoRun
from home.demo import content as home_content
from home.demo.accounts import password_known, logins_file_save
from home.demo.images import demo_images_load
from home.demo.pages import stream_build
from home.models import HomePage, MenuPlace, NavigationMenu
from partners.models import PartnerIndexPage, PartnerPage
from taxonomy.models import BusinessStage, Sector, Topic

COURSES = COURSES_A + COURSES_B

TOPICS = [
    ("pricing-and-costs", "Pricing and costs"),
    ("bookkeeping-and-cash", "Bookkeeping and cash flow"),
    ("marketing-and-customers", "Marketing and customers"),
    ("digital-and-online", "Digital tools and online selling"),
    ("export-and-trade", "Export and trade rules"),
    ("finance-and-loans", "Finance and loans"),
    ("business-planning", "Business planning"),
    ("quality-and-production", "Quality and production"),
]
SECTORS = [
    ("food-processing", "Food processing"),
    ("textiles-and-clothing", "Textiles and clothing"),
    ("handicrafts", "Handicrafts"),
    ("retail-and-trade", "Retail and trade"),
    ("tourism-and-hospitality", "Tourism and hospitality"),
    ("repair-and-services", "Repair and services"),
    ("agriculture", "Agriculture"),
]
BUSINESS_STAGES = [
    ("idea", "Idea"),
    ("start-up", "Start-up"),
    ("growth", "Growth"),
    ("export", "Export"),
]

# The four institutions of the home page's partners strip, with their own pages now.
PARTNER_DETAILS = {
    "Riverbend University of Applied Sciences": {
        "slug": "riverbend-university",
        "kind": "university",
        "country": "NL",
        "city": "Deventer",
        "intro": "A university of applied sciences whose business faculty runs a small-enterprise clinic with local craft workshops.",
        "website": "https://riverbend.example.edu",
    },
    "Savanna Institute of Enterprise": {
        "slug": "savanna-institute",
        "kind": "training_institute",
        "country": "KE",
        "city": "Nairobi",
        "intro": "An institute that trains first-time exporters from East Africa and connects them with buyers abroad.",
        "website": "https://savanna-institute.example.org",
    },
    "Instituto Tecnológico Valle Verde": {
        "slug": "valle-verde",
        "kind": "training_institute",
        "country": "PE",
        "city": "Arequipa",
        "intro": "A technical institute known for its food-safety and quality laboratory, open to small producers.",
        "website": "https://valleverde.example.edu",
    },
    "Lotus Bay University": {
        "slug": "lotus-bay-university",
        "kind": "university",
        "country": "VN",
        "city": "Da Nang",
        "intro": "A university whose business school studies how small family firms adopt digital tools.",
        "website": "https://lotusbay.example.edu",
    },
}

PROGRAMS = [
    {
        "slug": "start-your-business",
        "title": "Start your business",
        "intro": "Four short courses that take you from an idea to a business that knows its prices, its cash and its customers.",
        "audience": "People about to open a small business, and owners in their first two years.",
        "outcomes": "<ul><li>A one-page plan you can show a lender.</li><li>Prices that cover every cost.</li>"
        "<li>A cash book you keep every day.</li><li>A first list of loyal customers.</li></ul>",
        "courses": ["one-page-business-plan", "price-your-products", "keep-simple-books", "find-and-keep-customers"],
        "cover": "one-page-business-plan",
    },
    {
        "slug": "go-digital",
        "title": "Go digital and sell online",
        "intro": "Sell through your phone, get paid safely and keep customers coming back, without a website or a big budget.",
        "audience": "Shop owners and makers who sell face to face today and want orders from further away.",
        "outcomes": "<ul><li>Products listed with good photos and clear prices.</li>"
        "<li>Payments by mobile money or card, reconciled every week.</li><li>Customers who order again.</li></ul>",
        "courses": ["sell-online-with-a-phone", "card-and-mobile-payments", "find-and-keep-customers"],
        "cover": "sell-online-with-a-phone",
    },
    {
        "slug": "export-readiness",
        "title": "Export readiness and cross-border trade",
        "intro": "Check that your product, your prices and your paperwork are ready before you take your first order from abroad.",
        "audience": "Producers with steady local sales who are being asked about orders from other countries.",
        "outcomes": "<ul><li>A product specification buyers trust.</li><li>An export price that includes every cost.</li>"
        "<li>The documents and payment terms of a first shipment.</li></ul>",
        "courses": ["meet-quality-standards", "price-your-products", "get-ready-to-export"],
        "cover": "get-ready-to-export",
    },
]

COVER_DRAWINGS = {
    "price-your-products": cover_images.draw_price_tag,
    "keep-simple-books": cover_images.draw_cash_book,
    "find-and-keep-customers": cover_images.draw_customers,
    "sell-online-with-a-phone": cover_images.draw_phone_shop,
    "card-and-mobile-payments": cover_images.draw_payments,
    "one-page-business-plan": cover_images.draw_one_page_plan,
    "get-ready-to-export": cover_images.draw_export,
    "meet-quality-standards": cover_images.draw_quality,
}

LEARNER_EMAIL = "learner@example.org"
LEARNER_COURSES = ["price-your-products", "sell-online-with-a-phone"]


def learning_load(run: DemoRun) -> None:
    """Add whatever is missing of the learning catalogue, then the demo learner."""
    home = Site.objects.get(is_default_site=True).root_page.specific
    locale = home.locale
    topics = _terms_load(run, Topic, TOPICS, locale)
    sectors = _terms_load(run, Sector, SECTORS, locale)
    _terms_load(run, BusinessStage, BUSINESS_STAGES, locale)
    covers = demo_images_load(
        run,
        [
            cover_images.cover(course["slug"], course["title"], f"Cover of the course {course['title']}", COVER_DRAWINGS[course["slug"]])
            for course in COURSES
        ],
    )
    catalog = _child_page(run, home, CourseIndexPage, slug="courses", title="Courses",
                          intro="Short, practical courses for people who run a small business or a craft workshop. "
                          "Free, on any phone, in your own time.")
    programs_index = _child_page(run, home, ProgramIndexPage, slug="programs", title="Programs",
                                 intro="Training programs put several courses in a sensible order, "
                                 "so you always know what to learn next.")
    partners_index = _child_page(run, home, PartnerIndexPage, slug="partners", title="Academic partners",
                                 intro="Universities and institutes that write courses for the academy. "
                                 "Our editors review every course before it goes live.")
    partners = _partners_load(run, partners_index)

    courses = {}
    for spec in COURSES:
        parent = catalog if spec["parent"] == "courses" else partners[spec["parent"].split(":", 1)[1]]
        courses[spec["slug"]] = _course_load(run, parent, spec, topics, sectors, covers)
    for spec in COURSES:
        course = courses[spec["slug"]]
        wanted = {courses[slug].pk for slug in spec.get("prerequisites", [])}
        if wanted and not course.prerequisites.exists():
            course.prerequisites.set(wanted)
            course.save_revision(user=run.editor, log_action=True).publish(user=run.editor)
            run.added(f"prerequisites of {course.title!r}")

    programs = {spec["slug"]: _program_load(run, programs_index, spec, courses, covers) for spec in PROGRAMS}
    _main_menu_extend(run, locale, [catalog, programs_index, partners_index])
    _home_sections_add(run, home, courses, programs)
    _learner_load(run, courses)


def _publish(run, page):
    page.save_revision(user=run.editor, log_action=True).publish(user=run.editor)
    page.refresh_from_db()
    run.added(f"page {page.title!r} ({page.url_path})")
    return page


def _terms_load(run, model, terms, locale) -> dict:
    found = {term.slug: term for term in model.objects.filter(locale=locale)}
    for slug, name in terms:
        if slug not in found:
            found[slug] = model.objects.create(slug=slug, name=name, locale=locale)
            run.added(f"{model._meta.verbose_name} {name!r}")
    return found


def _child_page(run, parent, model, *, slug, **fields):
    existing = parent.get_children().filter(slug=slug).specific().first()
    if existing is not None:
        return existing
    page = model(slug=slug, owner=run.editor, **fields)
    parent.add_child(instance=page)
    return _publish(run, page)


def _partners_load(run, index) -> dict:
    logos = demo_images_load(run, [partner.logo for partner in home_content.PARTNERS])
    partners = {}
    for partner in home_content.PARTNERS:
        details = PARTNER_DETAILS[partner.name]
        partners[details["slug"]] = _child_page(
            run,
            index,
            PartnerPage,
            slug=details["slug"],
            title=partner.name,
            kind=details["kind"],
            country=details["country"],
            city=details["city"],
            intro=details["intro"],
            description=f"<p>{details['intro']} It publishes its courses on the SME Academy so that "
            f"entrepreneurs outside {details['city']} can learn from them too.</p>",
            website=details["website"],
            logo=logos[partner.logo.key],
        )
    return partners


def _course_load(run, parent, spec, topics, sectors, covers) -> CoursePage:
    course = parent.get_children().filter(slug=spec["slug"]).specific().first()
    if course is not None:
        return course
    minutes = sum(lesson["minutes"] for module in spec["modules"] for lesson in module["lessons"])
    course = CoursePage(
        title=spec["title"],
        slug=spec["slug"],
        summary=spec["summary"],
        audience=spec["audience"],
        level=spec["level"],
        estimated_hours=max(0.5, math.ceil(minutes / 30) / 2),
        cover_image=covers[spec["slug"]],
        owner=run.editor,
    )
    course.outcomes = stream_build(CoursePage, "outcomes", [{"type": "outcome", "value": text} for text in spec["outcomes"]])
    parent.add_child(instance=course)
    course.topics.set([topics[slug] for slug in spec["topics"]])
    course.sectors.set([sectors[slug] for slug in spec["sectors"]])
    _publish(run, course)
    for module_spec in spec["modules"]:
        module = ModulePage(title=module_spec["title"], slug=module_spec["slug"], intro=module_spec["intro"], owner=run.editor)
        course.add_child(instance=module)
        _publish(run, module)
        for lesson_spec in module_spec["lessons"]:
            lesson = LessonPage(
                title=lesson_spec["title"],
                slug=lesson_spec["slug"],
                summary=lesson_spec["summary"],
                estimated_minutes=lesson_spec["minutes"],
                owner=run.editor,
            )
            lesson.body = stream_build(
                LessonPage, "body", [{"type": kind, "value": value} for kind, value in lesson_spec["body"]]
            )
            module.add_child(instance=lesson)
            _publish(run, lesson)
    return course


def _program_load(run, index, spec, courses, covers) -> TrainingProgramPage:
    program = index.get_children().filter(slug=spec["slug"]).specific().first()
    if program is not None:
        return program
    program = TrainingProgramPage(
        title=spec["title"],
        slug=spec["slug"],
        intro=spec["intro"],
        audience=spec["audience"],
        outcomes=spec["outcomes"],
        image=covers[spec["cover"]],
        owner=run.editor,
    )
    program.program_courses = [ProgramCourse(course=courses[slug], sort_order=i) for i, slug in enumerate(spec["courses"])]
    index.add_child(instance=program)
    return _publish(run, program)


def _main_menu_extend(run, locale, pages) -> None:
    """Put the learning sections first in the main menu, once: links already there are kept."""
    menu = NavigationMenu.objects.filter(place=MenuPlace.MAIN, locale=locale).first()
    if menu is None:
        return
    linked = {item.value["page"].pk for item in menu.items if item.value.get("page")}
    missing = [page for page in pages if page.pk not in linked]
    if not missing:
        return
    raw = [{"type": "link", "value": {"page": page.pk, "url": "", "label": ""}} for page in missing]
    raw += [{"type": "link", "value": dict(item["value"])} for item in menu.items.raw_data]
    menu.items = stream_build(NavigationMenu, "items", raw)
    menu.save()
    run.added("learning sections in the main menu")


def _home_sections_add(run, home: HomePage, courses, programs) -> None:
    """Add 'Popular courses' and 'Training programs' to the home page once, before its call to action."""
    headings = {block.value["heading"] for block in home.body if block.block_type == "featured_pages"}
    sections = []
    if "Popular courses" not in headings:
        sections.append({
            "type": "featured_pages",
            "value": {
                "heading": "Popular courses",
                "intro": "Where most entrepreneurs start. Each course takes two or three hours, in ten-minute lessons.",
                "pages": [courses[slug].pk for slug in ("price-your-products", "keep-simple-books", "sell-online-with-a-phone", "get-ready-to-export")],
                "more_link": {"page": CourseIndexPage.objects.child_of(home).first().pk, "url": "", "label": "See all courses"},
            },
        })
    if "Training programs" not in headings:
        sections.append({
            "type": "featured_pages",
            "value": {
                "heading": "Training programs",
                "intro": "Courses in a sensible order, for a goal you have now.",
                "pages": [program.pk for program in programs.values()],
                "more_link": {"page": ProgramIndexPage.objects.child_of(home).first().pk, "url": "", "label": "See all programs"},
            },
        })
    if not sections:
        return
    raw = [dict(block) for block in home.body.raw_data]
    position = next((i for i, block in enumerate(raw) if block["type"] == "call_to_action"), len(raw))
    raw[position:position] = sections
    home.body = stream_build(HomePage, "body", raw)
    home.save_revision(user=run.editor, log_action=True).publish(user=run.editor)
    run.added("courses and programs on the home page")


def _learner_load(run, courses) -> None:
    """A learner half-way through two courses, created once; records written through the services."""
    User = get_user_model()
    user = User.objects.filter(email__iexact=LEARNER_EMAIL).first()
    if user is None:
        password = secrets.token_urlsafe(12)
        user = User.objects.create_user(email=LEARNER_EMAIL, password=password, first_name="Amina", last_name="Diallo")
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        transaction.on_commit(lambda: logins_file_save(run.logins_file, email=LEARNER_EMAIL, password=password))
        for slug in LEARNER_COURSES:
            course = courses[slug]
            services.enrollment_create(user=user, course=course)
            lessons = selectors.course_items(course)
            for lesson in lessons[: len(lessons) // 2]:
                services.lesson_complete(user=user, lesson=lesson)
        run.added(f"learner {LEARNER_EMAIL}, half-way through two courses")
    else:
        password = password_known(run.logins_file, user)
    run.logins.append(DemoLogin(role="Learner", url=f"{settings.SITE_URL}/learning/", email=user.email, password=password))
