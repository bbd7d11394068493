"""Each page type translates through wagtail-localize's own machinery (issue 15): a source, a
translation, every string filled as the editor saves it, the target published; the French page
shows the French text. Quiz options keep their ids; images keep the image and translate the alt."""

import pytest
from wagtail.models import Page

from courses import services as course_services
from tests.builders import (
    make_course,
    make_course_index,
    make_document,
    make_image,
    make_learner,
    make_lesson,
    make_library,
    make_module,
    make_partner,
    make_program,
    make_program_index,
    make_quiz,
    make_resource,
    make_standard_page,
    publish,
    q_multiple,
    q_numeric,
    q_single,
    q_true_false,
)
from tests.localize.translating import in_french, translate_fully

pytestmark = pytest.mark.django_db


def image_block(alt, caption):
    return {
        "type": "image",
        "value": {"image": {"image": make_image().pk, "alt_text": alt, "decorative": False}, "caption": caption},
    }


CONTENT_BLOCKS = [
    {"type": "heading", "value": {"text": "Know your costs", "level": "h2"}},
    {"type": "paragraph", "value": "<p>Write down every sale <b>today</b>.</p>"},
    {
        "type": "callout",
        "value": {"kind": "tip", "title": "A good habit", "text": "<p>Count the cash each evening.</p>"},
    },
    {"type": "quote", "value": {"quote": "Small steps every day", "attribution": "A tailor in Nairobi"}},
]


class Built:
    def __init__(self, page, texts, *, viewer=None, url_page=None):
        self.page, self.texts, self.viewer, self.url_page = page, texts, viewer, url_page


def _enrolled(course):
    learner = make_learner()
    course_services.enrollment_create(user=learner, course=course)
    return learner


def build_home(home, partner_index):
    home.hero_text = "Grow your workshop step by step"
    home.body = [
        {"type": "paragraph", "value": "<p>Learn at your own pace.</p>"},
        {
            "type": "call_to_action",
            "value": {
                "title": "Start a course",
                "text": "It is free",
                "link": {"page": None, "url": "https://example.org", "label": "Go"},
            },
        },
    ]
    publish(home)
    return Built(
        home, [home.hero_title, "Grow your workshop step by step", "Learn at your own pace.", "Start a course"]
    )


def build_standard(home, partner_index):
    page = make_standard_page(
        home,
        title="About the academy",
        intro="Who we are",
        body=[*CONTENT_BLOCKS, image_block("A tailor at work", "Our first workshop")],
    )
    return Built(
        page,
        [
            "About the academy",
            "Who we are",
            "Know your costs",
            "Count the cash each evening.",
            "Small steps every day",
            "A tailor at work",
            "Our first workshop",
        ],
    )


def build_course_index(home, partner_index):
    index = make_course_index(home, title="Our courses", intro="Browse all our courses")
    return Built(index, ["Our courses", "Browse all our courses"])


def build_course(home, partner_index):
    course = make_course(
        make_course_index(home),
        title="Keep simple books",
        summary="Know where the money goes",
        audience="Shop owners",
        outcomes=[{"type": "outcome", "value": "Price a product"}],
    )
    return Built(course, ["Keep simple books", "Know where the money goes", "Shop owners", "Price a product"])


def build_module(home, partner_index):
    course = make_course(make_course_index(home), lessons=0, modules=0, title="Selling online")
    module = make_module(course, title="Your first shop", intro="Open it in a day")
    return Built(module, ["Your first shop", "Open it in a day"], url_page=course)


def build_lesson(home, partner_index):
    course = make_course(make_course_index(home), lessons=0, modules=1, title="Cash flow")
    module = course.get_children().first().specific
    document = make_document("cash-plan.csv", data=b"week,in,out\n")
    lesson = make_lesson(
        module,
        title="Plan the week",
        summary="A page a week",
        body=[
            *CONTENT_BLOCKS,
            image_block("A cash box on a counter", "The cash box"),
            {
                "type": "takeaways",
                "value": {
                    "title": "Remember",
                    # As the admin saves a list: items with ids (a plain list is not offered to translators).
                    "points": [
                        {"type": "item", "value": "Count daily", "id": "1a9a7c2e-0000-4000-8000-000000000001"},
                        {"type": "item", "value": "Plan weekly", "id": "1a9a7c2e-0000-4000-8000-000000000002"},
                    ],
                },
            },
            {
                "type": "video",
                "value": {
                    "url": "https://www.youtube.com/watch?v=abcdefghijk",
                    "title": "Cash in five minutes",
                    "duration": "4:30",
                    "transcript": "<p>Hello and welcome.</p>",
                },
            },
            {
                "type": "download",
                "value": {"document": document.pk, "title": "Weekly cash plan", "description": "Fill it every Monday"},
            },
        ],
    )
    texts = [
        "Plan the week",
        "Know your costs",
        "Write down every sale",
        "A good habit",
        "A cash box on a counter",
        "The cash box",
        "Remember",
        "Count daily",
        "Cash in five minutes",
        "Weekly cash plan",
        "Fill it every Monday",
    ]
    return Built(lesson, texts, viewer=_enrolled(course))


def build_quiz(home, partner_index):
    course = make_course(make_course_index(home), lessons=1, title="Costs")
    module = course.get_children().first().specific
    questions = [
        q_single(prompt="Which cost is an overhead", feedback="Rent is paid every month"),
        q_multiple(prompt="Which are materials"),
        q_true_false(prompt="Your own time is a cost"),
        q_numeric(prompt="How much in total", unit="KES"),
    ]
    quiz = make_quiz(module, title="Check your costs", intro="Five short questions", questions=questions)
    return Built(
        quiz,
        [
            "Check your costs",
            "Which cost is an overhead",
            "Rent",
            "Flour",
            "Which are materials",
            "Fabric",
            "Your own time is a cost",
            "How much in total",
        ],
        viewer=_enrolled(course),
    )


def build_program_index(home, partner_index):
    index = make_program_index(home, title="Learning paths", intro="Courses in order")
    return Built(index, ["Learning paths", "Courses in order"])


def build_program(home, partner_index):
    course = make_course(make_course_index(home), lessons=1, title="Bookkeeping basics")
    program = make_program(
        make_program_index(home),
        courses=[course],
        title="Start a business",
        intro="Three steps",
        audience="New owners",
        outcomes="<p>Open a shop</p>",
    )
    return Built(program, ["Start a business", "Three steps", "New owners", "Open a shop"])


def build_library_index(home, partner_index):
    library = make_library(home, title="Know-how", intro="Practical guides")
    return Built(library, ["Know-how", "Practical guides"])


def build_resource(home, partner_index):
    resource = make_resource(
        make_library(home),
        title="Pricing guide",
        kind="case_study",
        summary="How to price a dress",
        body=[*CONTENT_BLOCKS, image_block("Dresses on a rail", "The shop")],
        challenge="Prices too low",
        actions="Counted every cost",
        results="Margins doubled",
    )
    return Built(
        resource,
        [
            "Pricing guide",
            "How to price a dress",
            "Know your costs",
            "Dresses on a rail",
            "Prices too low",
            "Counted every cost",
            "Margins doubled",
        ],
    )


def build_partner_index(home, partner_index):
    partner_index.intro = "Universities that teach with us"
    publish(partner_index)
    return Built(partner_index, [partner_index.title, "Universities that teach with us"])


def build_partner(home, partner_index):
    partner = make_partner(
        partner_index,
        title="Coast University",
        intro="Teaching since 1970",
        description="<p>A school of business</p>",
        city="Mombasa",
        contact_name="Amina Otieno",
        contact_phone="+254 700 000000",
    )
    return Built(partner, ["Coast University", "Teaching since 1970", "A school of business", "Mombasa"])


BUILDERS = {
    "HomePage": build_home,
    "StandardPage": build_standard,
    "CourseIndexPage": build_course_index,
    "CoursePage": build_course,
    "ModulePage": build_module,
    "LessonPage": build_lesson,
    "QuizPage": build_quiz,
    "ProgramIndexPage": build_program_index,
    "TrainingProgramPage": build_program,
    "LibraryIndexPage": build_library_index,
    "ResourcePage": build_resource,
    "PartnerIndexPage": build_partner_index,
    "PartnerPage": build_partner,
}


def translate_with_parents(page, locale, user):
    """Translate the page's ancestors below the home (the home is translated by the fixture), then the page."""
    for ancestor in page.get_ancestors().filter(depth__gt=2).specific():
        if not ancestor.has_translation(locale):
            translate_fully(ancestor, locale, user=user)
    return translate_fully(page, locale, user=user)


@pytest.mark.parametrize("kind", list(BUILDERS))
def test_each_page_type_translates_and_shows_the_french_text(
    client, kind, home, partner_index, fr_home, french, superuser
):
    built = BUILDERS[kind](home, partner_index)
    target, translation = translate_with_parents(built.page, french, superuser)
    assert target.live and target.locale == french
    assert not target.has_unpublished_changes
    if built.viewer:
        client.force_login(built.viewer)
    url_page = built.url_page.get_translation(french) if built.url_page else target
    response = client.get(url_page.url)
    assert response.status_code == 200, url_page.url
    assert url_page.url.startswith("/fr/")
    body = response.content.decode()
    missing = [text for text in built.texts if in_french(text) not in body]
    assert missing == []


@pytest.mark.parametrize("kind", list(BUILDERS))
def test_the_translate_action_and_the_translation_editor_open_for_each_page_type(
    client, kind, home, partner_index, fr_home, french, superuser
):
    """What an editor clicks: 'Translate this page', then the French page's editor (wagtail-localize's)."""
    built = BUILDERS[kind](home, partner_index)
    client.force_login(superuser)
    page = built.page
    if page.pk != home.pk:
        for ancestor in page.get_ancestors().filter(depth__gt=2).specific():
            if not ancestor.has_translation(french):
                translate_with_parents(ancestor, french, superuser)
        response = client.get(f"/admin/localize/submit/page/{page.pk}/")
        assert response.status_code == 200
        response = client.post(f"/admin/localize/submit/page/{page.pk}/", {"locales": [french.pk]})
        assert response.status_code == 302
    target = Page.objects.get(translation_key=page.translation_key, locale=french)
    response = client.get(f"/admin/pages/{target.pk}/edit/")
    assert response.status_code == 200
    assert b"wagtail-localize" in response.content.lower() or b"localize" in response.content


def test_quiz_options_keep_their_ids_in_french(home, partner_index, fr_home, french, superuser):
    built = build_quiz(home, partner_index)
    target, _translation = translate_with_parents(built.page, french, superuser)

    def ids(questions):
        return [(q["id"], [o["id"] for o in q["value"].get("options", [])]) for q in questions.raw_data]

    assert ids(target.questions) == ids(built.page.questions)
    single = target.questions.raw_data[0]["value"]
    assert single["prompt"] == in_french("Which cost is an overhead")
    assert single["feedback"] == in_french("Rent is paid every month")
    assert [o["value"]["is_correct"] for o in single["options"]] == [True, False, False]
    numeric = target.questions.raw_data[3]["value"]
    assert (
        numeric["answer"] == built.page.questions.raw_data[3]["value"]["answer"]
    )  # a number, not a string to translate


def test_images_keep_the_image_and_translate_the_alt_text(home, partner_index, fr_home, french, superuser):
    built = build_standard(home, partner_index)
    target, _translation = translate_with_parents(built.page, french, superuser)
    source_image = built.page.body.raw_data[-1]["value"]["image"]
    french_image = target.body.raw_data[-1]["value"]["image"]
    assert french_image["image"] == source_image["image"]
    assert french_image["alt_text"] == in_french("A tailor at work")
