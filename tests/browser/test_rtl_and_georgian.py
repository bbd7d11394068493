"""Every page type in Arabic (right to left) and Georgian, on a phone: language, direction, axe, no overflow.

Issue 15's proof: the site is built and translated into the language, then one browser whose
language is Arabic or Georgian visits each page type anonymously, signs in, takes the quiz and
opens its learning pages, and finally changes the language with the keyboard alone.
"""

import re
from dataclasses import dataclass

import pytest

from courses import services as course_services
from taxonomy.models import Topic
from tests.browser.conftest import axe_violations
from tests.builders import (
    PASSWORD,
    course_lessons,
    make_course,
    make_course_index,
    make_home,
    make_learner,
    make_lesson,
    make_library,
    make_module,
    make_partner,
    make_partner_index,
    make_program,
    make_program_index,
    make_quiz,
    make_resource,
    make_standard_page,
    make_translation,
    option_ids,
    q_multiple,
    q_numeric,
    q_single,
    q_true_false,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 412, "height": 915}

# Titles written for each language (what an editor would type), keyed by the English page.
WORDS = {
    "ar": {
        "home": "الرئيسية",
        "about": "من نحن",
        "catalog": "الدورات",
        "course": "أساسيات مسك الدفاتر",
        "module": "الوحدة الأولى",
        "lesson": "سجّل كل عملية بيع",
        "quiz": "اختبار قصير",
        "programs": "البرامج",
        "program": "برنامج بدء المشروع",
        "library": "المعرفة العملية",
        "resource": "دليل التسعير للحرفيين",
        "partners": "الشركاء الأكاديميون",
        "partner": "معهد السافانا",
        "search": "التسعير",
    },
    "ka": {
        "home": "მთავარი",
        "about": "ჩვენ შესახებ",
        "catalog": "კურსები",
        "course": "ბუღალტერიის საფუძვლები",
        "module": "პირველი მოდული",
        "lesson": "ჩაწერეთ ყოველი გაყიდვა",
        "quiz": "მოკლე ტესტი",
        "programs": "პროგრამები",
        "program": "ბიზნესის დაწყების პროგრამა",
        "library": "პრაქტიკული ცოდნა",
        "resource": "ფასების გზამკვლევი ხელოსნებისთვის",
        "partners": "აკადემიური პარტნიორები",
        "partner": "სავანას ინსტიტუტი",
        "search": "ფასების",
    },
}
DIRECTION = {"ar": "rtl", "ka": "ltr"}


@dataclass
class Site:
    pages: dict  # English page name -> translated page (or the English one for the fallback)
    quiz_questions: list
    learner: object


def site_build(language):
    """An English site with each page type, translated into `language` except one course (the fallback)."""
    words = WORDS[language]
    home = make_home()
    about = make_standard_page(home, title="About us", slug="about")
    catalog = make_course_index(home, title="Courses", slug="courses")
    course = make_course(catalog, title="Bookkeeping basics", slug="bookkeeping", lessons=0, modules=0)
    module = make_module(course, title="Module 1", slug="module-1")
    lesson = make_lesson(module, title="Write down every sale", slug="every-sale")
    questions = [q_single(), q_multiple(), q_true_false(is_true=True), q_numeric()]
    quiz = make_quiz(module, questions=questions, title="Short quiz", slug="quiz")
    untranslated = make_course(catalog, title="Marketing on a budget", slug="marketing", lessons=1)
    programs = make_program_index(home, title="Programs", slug="programs")
    program = make_program(programs, courses=[course, untranslated], title="Start a business", slug="start")
    library = make_library(home, title="Know-how", slug="know-how")
    pricing = Topic.objects.create(name="Pricing", slug="pricing")
    resource = make_resource(library, title="Pricing guide for crafts", slug="pricing-guide", topics=[pricing])
    partners = make_partner_index(home, title="Academic partners", slug="partners")
    partner = make_partner(partners, title="Savanna Institute", slug="savanna")

    def translate(page, name):
        return make_translation(page, language, title=words[name])

    pages = {"home": translate(home, "home")}
    for page, name in [
        (about, "about"),
        (catalog, "catalog"),
        (course, "course"),
        (module, "module"),
        (lesson, "lesson"),
        (quiz, "quiz"),
        (programs, "programs"),
        (program, "program"),
        (library, "library"),
        (resource, "resource"),
        (partners, "partners"),
        (partner, "partner"),
    ]:
        pages[name] = translate(page, name)
    pages["fallback"] = untranslated

    learner = make_learner()
    course_services.enrollment_create(user=learner, course=course)
    course_services.lesson_complete(user=learner, lesson=course_lessons(course)[0])
    return Site(pages=pages, quiz_questions=questions, learner=learner)


def page_check(page, name, language, *, content_language=None):
    """What is wrong with the page as it is now, as readable strings (empty when all is right)."""
    problems = []
    html = page.locator("html")
    if (html.get_attribute("lang"), html.get_attribute("dir")) != (language, DIRECTION[language]):
        problems.append(f"{name}: <html lang={html.get_attribute('lang')} dir={html.get_attribute('dir')}>")
    if content_language:
        main = page.locator("main")
        if (main.get_attribute("lang"), main.get_attribute("dir")) != (content_language, "ltr"):
            problems.append(f"{name}: <main lang={main.get_attribute('lang')} dir={main.get_attribute('dir')}>")
    problems += [f"{name}: {violation}" for violation in axe_violations(page)]
    width, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    if width > inner:
        problems.append(f"{name}: {width}px wide in a {inner}px window")
    return problems


def test_every_page_type_in_arabic_and_georgian_on_a_phone(live_server, browser, language):
    site = site_build(language)
    pages = site.pages
    prefix = f"{live_server.url}/{language}"
    context = browser.new_context(viewport=PHONE, locale=language)
    page = context.new_page()
    page.set_default_timeout(15_000)
    problems = []

    def visit(name, address, status=200, **check):
        response = page.goto(address if address.startswith("http") else live_server.url + address)
        assert response.status == status, f"{name}: {address} answered {response.status}"
        problems.extend(page_check(page, name, language, **check))

    visit("home", pages["home"].url)
    visit("standard page", pages["about"].url)
    visit("catalog", pages["catalog"].url)
    visit("course", pages["course"].url)
    visit("programs index", pages["programs"].url)
    visit("program", pages["program"].url)
    visit("library", pages["library"].url)
    visit("resource", pages["resource"].url)
    visit("search results", f"{prefix}/search/?q={WORDS[language]['search']}")
    visit("partners index", pages["partners"].url)
    visit("partner", pages["partner"].url)
    visit("fallback course", f"{prefix}{pages['fallback'].url}", content_language="en")
    assert page.locator(".language-fallback-note").get_attribute("lang") == language
    visit("404", f"{prefix}/no-such-page/", status=404)
    visit("sign-up", f"{prefix}/accounts/signup/")
    visit("sign-in", f"{prefix}/accounts/login/?next={pages['quiz'].url}")

    page.locator("input[name=login]").fill(site.learner.email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("input[name=password]").press("Enter")
    page.wait_for_url(re.compile(re.escape(pages["quiz"].url) + "$"))
    problems.extend(page_check(page, "quiz", language))

    single, multiple, true_false, numeric = site.quiz_questions
    page.locator(f"input[value='{option_ids(single, True)[0]}']").check()
    for option_id in option_ids(multiple, True):
        page.locator(f"input[value='{option_id}']").check()
    page.locator(f"input[name='q-{true_false['id']}'][value='true']").check()
    page.locator(f"input[name='q-{numeric['id']}']").fill("1160")
    page.locator("form.quiz-form button[type=submit]").click()
    page.wait_for_url(re.compile(rf"/{language}/learning/quizzes/attempts/\d+/$"))
    assert "100" in page.locator(".quiz-score").inner_text()
    problems.extend(page_check(page, "quiz result", language))

    visit("lesson", pages["lesson"].url)
    visit("dashboard", f"{prefix}/learning/")
    visit("profile", f"{prefix}/accounts/me/")

    assert problems == []

    # The switcher with the keyboard alone: Tab reaches the menu and opens it, then the switcher,
    # Enter opens it and Enter chooses English.
    page.goto(live_server.url + pages["about"].url)
    menu_toggle = page.locator("summary.site-menu__toggle")
    for _ in range(10):
        page.keyboard.press("Tab")
        if menu_toggle.evaluate("element => element === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the menu")
    page.keyboard.press("Enter")
    summary = page.locator(".language-switcher summary")
    for _ in range(10):
        page.keyboard.press("Tab")
        if summary.evaluate("element => element === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the language switcher")
    page.keyboard.press("Enter")
    english = page.locator(".language-switcher button[value=en]")
    assert english.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")  # the open menu fits
    assert axe_violations(page) == []
    for _ in range(12):
        page.keyboard.press("Tab")
        if english.evaluate("element => element === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached English in the language switcher")
    page.keyboard.press("Enter")
    page.wait_for_url(live_server.url + "/about/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text() == "About us"
    context.close()


@pytest.fixture(params=["ar", "ka"])
def language(request):
    return request.param
