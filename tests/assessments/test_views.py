"""What a learner sees of a quiz: nothing of the answers before submitting, clear messages after."""

import re

import pytest
from django.urls import reverse

from assessments.models import QuizAttempt
from courses import services as course_services
from tests.builders import make_learner, make_private, make_quiz, option, q_numeric, q_single, q_true_false

pytestmark = pytest.mark.django_db

SECRET_FEEDBACK = "SECRET-FEEDBACK-7f3a"


@pytest.fixture
def learner_client(client, setup):
    client.force_login(setup.learner)
    return client


def submit(client, setup, data):
    return client.post(reverse("assessments:submit", args=[setup.quiz.pk]), data)


def test_the_quiz_page_holds_no_correct_answer_or_feedback(learner_client, setup):
    questions = [
        q_single(
            options=[
                option("Right one", True, SECRET_FEEDBACK + "-opt"),
                option("Wrong one", False, SECRET_FEEDBACK + "-bad"),
            ],
            feedback=SECRET_FEEDBACK + "-q",
        ),
        q_true_false(is_true=True, feedback=SECRET_FEEDBACK + "-tf"),
        q_numeric(answer="4242.5", tolerance="0.5", feedback=SECRET_FEEDBACK + "-num"),
    ]
    quiz = make_quiz(setup.lessons[0].get_parent(), questions=questions, title="Leak check")
    response = learner_client.get(quiz.url)
    assert response.status_code == 200
    body = response.content
    for marker in (SECRET_FEEDBACK.encode(), b"is_correct", b"is_true", b"4242", b"application/json"):
        assert marker not in body, marker
    assert b"Right one" in body and b"Wrong one" in body  # the options themselves are shown
    # The right option's input is marked up exactly like the wrong one's (ids and values aside).
    single_id = questions[0]["id"]
    inputs = re.findall(rb'<input[^>]*name="q-' + single_id.encode() + rb'"[^>]*>', body)
    assert len(inputs) == 2
    assert len({re.sub(rb'\s(?:id|value|aria-describedby)="[^"]*"', b"", tag) for tag in inputs}) == 1
    # Nor does search: questions and feedback are not indexed.
    from wagtail.models import Page

    assert list(Page.objects.live().search(SECRET_FEEDBACK)) == []
    assert list(Page.objects.live().search("Right one")) == []


def test_the_quiz_is_locked_for_anyone_not_enrolled(client, setup):
    response = client.get(setup.quiz.url)
    assert response.status_code == 403
    client.force_login(make_learner())
    response = client.get(setup.quiz.url)
    assert response.status_code == 403
    assert b"Rent" not in response.content  # not even the options


def test_submitting_shows_the_score_and_feedback(learner_client, setup):
    response = submit(learner_client, setup, setup.answers(right=False))
    attempt = QuizAttempt.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("assessments:attempt", args=[attempt.pk])
    html = learner_client.get(response["Location"]).content.decode()
    assert "0%" in html and "Pay yourself." in html
    assert "Try again" in html


def test_an_empty_submission_gets_a_message_and_changes_nothing(learner_client, setup):
    response = submit(learner_client, setup, {"attempt": "1"})
    assert response.status_code == 200
    assert "Nothing was submitted" in response.content.decode()
    assert QuizAttempt.objects.count() == 0


@pytest.mark.parametrize(
    "tamper",
    [
        lambda data, setup: data.setlist(f"q-{setup.raw[0]['id']}", [setup.raw[1]["value"]["options"][0]["id"]]),
        lambda data, setup: data.setlist(f"q-{setup.raw[3]['id']}", ["12abc"]),
        lambda data, setup: data.setlist(f"q-{setup.raw[3]['id']}", ["1e308"]),
        lambda data, setup: data.setlist(f"q-{setup.raw[2]['id']}", ["maybe"]),
        lambda data, setup: data.setlist("attempt", ["7"]),
        lambda data, setup: data.setlist("attempt", [""]),
        lambda data, setup: data.setlist("q-not-a-question", ["x"]),
        lambda data, setup: data.setlist(f"q-{setup.raw[1]['id']}", ["\x00" * 50, "x" * 10_000]),
    ],
)
def test_bad_submissions_get_a_clear_message_and_change_nothing(learner_client, setup, tamper):
    from django.http import QueryDict

    data = QueryDict(mutable=True)
    for key, values in setup.answers().items():
        data.setlist(key, values)
    tamper(data, setup)
    data = {key: data.getlist(key) for key in data}
    response = submit(learner_client, setup, data)
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert QuizAttempt.objects.count() == 0


def test_submission_is_post_only_and_needs_login(client, setup):
    url = reverse("assessments:submit", args=[setup.quiz.pk])
    client.force_login(setup.learner)
    assert client.get(url).status_code == 405
    client.logout()
    response = client.post(url, setup.answers())
    assert response.status_code == 302 and reverse("account_login") in response["Location"]
    assert QuizAttempt.objects.count() == 0


def test_another_learners_attempt_is_not_found(learner_client, setup):
    submit(learner_client, setup, setup.answers())
    attempt = QuizAttempt.objects.get()
    learner_client.force_login(make_learner())
    assert learner_client.get(reverse("assessments:attempt", args=[attempt.pk])).status_code == 404


def test_correct_answers_are_revealed_only_as_the_quiz_allows(client, make_setup):
    setup = make_setup(reveal_answers="after_pass", max_attempts=2)
    client.force_login(setup.learner)
    submit(client, setup, setup.answers(right=False))
    review = client.get(reverse("assessments:attempt", args=[QuizAttempt.objects.get().pk])).content.decode()
    assert "Correct answer" not in review
    submit(client, setup, setup.answers(right=True, number=2))
    review = client.get(reverse("assessments:attempt", args=[QuizAttempt.objects.get(number=1).pk])).content.decode()
    assert "Correct answer" in review


def test_the_dashboard_lists_quiz_attempts(learner_client, setup):
    submit(learner_client, setup, setup.answers())
    html = learner_client.get(reverse("home:dashboard")).content.decode()
    assert reverse("assessments:attempt", args=[QuizAttempt.objects.get().pk]) in html


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("1e-1000025", "at most 8 decimal places"),  # a million digits once written out
        ("1e-99999999999999999", "at most 8 decimal places"),
        ("0.000000001", "at most 8 decimal places"),
        ("1e12", "smaller than a million million"),
        ("-1000000000000", "smaller than a million million"),
        ("9" * 300, "This answer is too long."),
    ],
)
def test_an_out_of_bounds_number_gets_a_clear_message_and_no_attempt(learner_client, setup, typed, message):
    data = setup.answers()
    data[f"q-{setup.raw[3]['id']}"] = [typed]
    response = submit(learner_client, setup, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert QuizAttempt.objects.count() == 0


def test_numbers_within_bounds_are_graded_and_stored_short(learner_client, setup):
    data = setup.answers()
    data[f"q-{setup.raw[3]['id']}"] = ["1160.00000000"]
    assert submit(learner_client, setup, data).status_code == 302
    answer = QuizAttempt.objects.get().answers.get(question_type="numeric")
    assert answer.is_correct and answer.answer_text == "1160 KES"


def test_quiz_submissions_are_rate_limited_per_learner(learner_client, setup, settings):
    settings.QUIZ_SUBMIT_RATE_LIMIT = "3/m"
    for _ in range(3):
        assert submit(learner_client, setup, {"attempt": "1"}).status_code == 200  # counted, though refused
    response = submit(learner_client, setup, setup.answers())
    assert response.status_code == 429
    assert int(response["Retry-After"]) <= 60
    html = response.content.decode()
    assert "too many times" in html and "Nothing was submitted" in html
    assert QuizAttempt.objects.count() == 0
    other = make_learner()  # another learner is not held back
    course_services.enrollment_create(user=other, course=setup.course)
    learner_client.force_login(other)
    assert submit(learner_client, setup, setup.answers()).status_code == 302


@pytest.mark.parametrize("hide", ["private", "course_draft"])
def test_an_anonymous_submission_to_a_hidden_quiz_does_not_reveal_its_address(client, setup, hide):
    """Issue 12: the login redirect's `next` names only a page anyone may see."""

    if hide == "private":
        make_private(setup.quiz)
    else:
        setup.course.unpublish()  # the quiz itself stays live
    response = client.post(reverse("assessments:submit", args=[setup.quiz.pk]), setup.answers())
    assert response.status_code in (302, 404)
    if response.status_code == 302:
        assert reverse("account_login") in response["Location"]
        assert setup.quiz.slug not in response["Location"] and setup.course.slug not in response["Location"]
    assert QuizAttempt.objects.count() == 0


def test_an_anonymous_submission_to_an_open_quiz_comes_back_to_it_after_login(client, setup):
    response = client.post(reverse("assessments:submit", args=[setup.quiz.pk]), setup.answers())
    assert response.status_code == 302 and setup.quiz.slug in response["Location"]
