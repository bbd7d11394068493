"""Fill a database with synthetic, seeded learner activity, to measure the reports at scale (issue 17).

The same options on an empty database give the same rows: every random choice, the content tree's
translation keys included, comes from `random.Random(seed)`. Rows are written with bulk_create in
batches, one transaction per batch, and not through the services: a million completions through
`lesson_complete` would take hours. The rows still keep every rule the services keep (one
enrolment per learner and course, one completion per enrolment and step, numbered attempts, a
course completed exactly when every required step is done).
"""

import base64
import datetime
import logging
import random
import uuid
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from accounts.models import BusinessSize, Gender, LearnerProfile, LearnerRole, User, WomenLed
from assessments.models import QuizAnswer, QuizAttempt, QuizPage
from certificates.models import STATUS_LIST_LENGTH, Certificate, CertificateKind
from courses.models import (
    CourseIndexPage,
    CoursePage,
    Enrollment,
    LessonCompletion,
    LessonPage,
    ModulePage,
    ProgramCourse,
    ProgramIndexPage,
    TrainingProgramPage,
)
from library.models import LibraryIndexPage, ReadingListItem, ResourceKind, ResourcePage
from partners.models import PartnerIndexPage, PartnerPage
from partners.services import partner_team_ensure
from reports.models import PageViewDay, ViewedPageKind
from taxonomy.models import BusinessStage, Sector

BATCH = 2000  # enrolments per transaction
DAYS = 730  # activity spreads over the 24 months before --end
QUESTIONS = 4
PASS_MARK = 70
CERTIFICATE_SHARE = 0.25  # of completed enrolments
CERTIFICATES_MAX = 20_000  # a sixth of the status list at most
SLUG = "synthetic"  # every synthetic page's slug starts with it, so a second run finds them
EMAIL_DOMAIN = "synthetic.example"  # reserved for examples: never a real inbox

# A realistic spread of where the organisation's learners are (ISO codes), "" = not given.
COUNTRIES = [
    ("KE", 14), ("NG", 12), ("GH", 7), ("UG", 6), ("TZ", 5), ("RW", 3), ("SN", 4), ("CI", 3), ("ZA", 5),
    ("ET", 3), ("MA", 4), ("EG", 4), ("TN", 2), ("JO", 2), ("IN", 6), ("BD", 3), ("PH", 3), ("VN", 2),
    ("ID", 2), ("PE", 3), ("CO", 3), ("MX", 3), ("BR", 2), ("GT", 1), ("FR", 2), ("DE", 1), ("ES", 2),
    ("IT", 1), ("UA", 2), ("GE", 1), ("KZ", 1), ("US", 1), ("CA", 1), ("", 9),
]  # fmt: skip
GENDERS = [(Gender.WOMAN, 45), (Gender.MAN, 37), (Gender.OTHER, 2), (Gender.UNSAID, 6), ("", 10)]
WOMEN_LED = [(WomenLed.YES, 34), (WomenLed.NO, 40), (WomenLed.UNSAID, 8), ("", 18)]
SIZES = [
    (BusinessSize.SOLO, 30), (BusinessSize.MICRO, 35), (BusinessSize.SMALL, 15),
    (BusinessSize.MEDIUM, 5), (BusinessSize.LARGE, 2), ("", 13),
]  # fmt: skip
ROLES = [(LearnerRole.OWNER, 60), (LearnerRole.EMPLOYEE, 25), (LearnerRole.TRAINER, 5), ("", 10)]
LANGUAGES = [("en", 60), ("fr", 20), ("es", 15), ("", 5)]
SECTORS = ["Agriculture and food", "Retail and trade", "Manufacturing", "Services", "Tourism", "Technology"]
STAGES = ["Idea", "Start-up", "Growing", "Established"]
FIRST_NAMES = ["Amina", "Kofi", "Lucía", "Ravi", "Marie", "Chen", "Fatima", "Juan", "Grace", "Oleksandr", "Thanh"]


@dataclass
class Step:
    key: uuid.UUID
    page_id: int | None  # the LessonPage (None for the quiz: completions keep no quiz FK)
    title: str


@dataclass
class Question:
    id: str
    prompt: str
    options: list[tuple[str, str, bool]]  # (id, text, is_correct)
    ease: float  # the share of learners who get it right


@dataclass
class Course:
    page: CoursePage
    steps: list[Step]  # the lessons in order, then the quiz
    quiz: QuizPage
    questions: list[Question]
    popularity: float
    day_enrollments: Counter = field(default_factory=Counter)


@dataclass
class Plan:
    """One enrolment before it is written: its learner, course, times and how far it got."""

    user_id: int
    course: Course
    enrolled_at: datetime.datetime
    steps_done: int = 0
    step_times: list[datetime.datetime] = field(default_factory=list)
    failed_attempts: int = 0
    left_at: datetime.datetime | None = None


def weighted(rng: random.Random, pairs):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights=weights)[0]


def seeded_uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


@contextmanager
def explicit_times(*fields):
    """Let bulk_create keep the past times we give, where the field would write "now"."""
    saved = [(f, f.auto_now_add) for f in fields]
    for f, _auto in saved:
        f.auto_now_add = False
    try:
        yield
    finally:
        for f, auto in saved:
            f.auto_now_add = auto


@contextmanager
def quiet(name):
    """Only warnings and errors from this logger while inside."""
    logger = logging.getLogger(name)
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)


class Command(BaseCommand):
    help = (
        "Generate seeded synthetic learners, enrolments, completions, quiz attempts and page views "
        "to measure the reports at scale. Refuses to run with DEBUG off unless --force is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("--enrollments", type=int, default=100_000)
        parser.add_argument("--completions", type=int, default=1_000_000, help="Lesson and quiz completions.")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--learners", type=int, default=None, help="Default: a third of the enrolments.")
        parser.add_argument("--courses", type=int, default=40, help="Synthetic courses (found again by slug).")
        parser.add_argument("--lessons", type=int, default=12, help="Lessons per synthetic course (then a quiz).")
        parser.add_argument(
            "--programs", type=int, default=6, help="Synthetic programs of 2 to 5 courses each (found again by slug)."
        )
        parser.add_argument("--end", type=datetime.date.fromisoformat, default=None, help="Last day (YYYY-MM-DD).")
        parser.add_argument("--force", action="store_true", help="Run even with DEBUG off.")

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "DEBUG is off: this looks like a production database. Synthetic learners would mix with real "
                "ones. Run it on a development database, or pass --force if you really mean it."
            )
        n_enrollments = options["enrollments"]
        n_completions = options["completions"]
        n_courses = options["courses"]
        n_lessons = options["lessons"]
        n_programs = options["programs"]
        n_learners = options["learners"] or max(1, n_enrollments // 3)
        seed = options["seed"]
        if n_enrollments < 1 or n_courses < 1 or n_lessons < 1 or n_completions < 0 or n_programs < 0:
            raise CommandError(
                "--enrollments, --courses and --lessons must be positive, --completions and --programs not negative."
            )
        if n_learners > n_enrollments:
            raise CommandError("--learners cannot exceed --enrollments: every learner enrols at least once.")
        if n_enrollments > n_learners * n_courses:
            raise CommandError("Too many enrolments: a learner enrols in each course at most once.")
        steps_per_course = n_lessons + 1
        if n_completions > n_enrollments * steps_per_course:
            raise CommandError(
                f"{n_completions} completions do not fit in {n_enrollments} enrolments of {steps_per_course} "
                "steps: raise --lessons."
            )
        email_prefix = f"s{seed}-"
        if User.objects.filter(email__startswith=email_prefix, email__endswith=f"@{EMAIL_DOMAIN}").exists():
            raise CommandError(f"Synthetic learners of seed {seed} are already here: choose another --seed.")

        end_day = options["end"] or timezone.localdate()
        end = datetime.datetime.combine(end_day, datetime.time(23, 59), tzinfo=datetime.UTC)
        start = end - datetime.timedelta(days=DAYS)
        rng = random.Random(seed)
        self.started = timezone.now()

        with quiet("wagtail"):  # not a "Page created" line per lesson
            courses, resources = self.tree_ensure(
                rng=random.Random(f"tree-{seed}"), n_courses=n_courses, n_lessons=n_lessons, end_day=end_day
            )
            self.programs_ensure(rng=random.Random(f"programs-{seed}"), courses=courses, n=n_programs)
        user_ids = self.learners_create(rng=rng, n=n_learners, start=start, email_prefix=email_prefix)
        plans = self.enrollments_plan(
            rng=rng, user_ids=user_ids, courses=courses, n=n_enrollments, start=start, end=end
        )
        self.progress_plan(rng=rng, plans=plans, total=n_completions, end=end)
        totals = self.activity_write(rng=rng, plans=plans)
        totals["certificates"] = self.certificates_write(rng=rng, completed=self.completed)
        totals["page view days"] = self.page_views_write(rng=rng, courses=courses, resources=resources, end=end)
        totals["reading list items"] = self.reading_list_write(rng=rng, user_ids=user_ids, resources=resources)
        self.say("done")
        for name, count in {"learners": len(user_ids), **totals}.items():
            self.stdout.write(f"  {name}: {count}")

    def say(self, text):
        seconds = (timezone.now() - self.started).total_seconds()
        self.stdout.write(f"[{seconds:6.1f}s] {text}")

    # The content tree ---------------------------------------------------------------------------

    def tree_ensure(self, *, rng, n_courses, n_lessons, end_day):
        """The synthetic courses (some under two synthetic partners) and resources, made once."""
        locale = Locale.get_default()
        home = self.home_get()
        catalog = self.child_ensure(home, CourseIndexPage, title="Courses", intro="All our courses.", rng=rng)
        partner_index = self.child_ensure(home, PartnerIndexPage, title="Our network", rng=rng)
        library = self.child_ensure(home, LibraryIndexPage, title="Know-how", rng=rng)
        partners = []
        for p in (1, 2):
            partner = self.page_ensure(
                partner_index, PartnerPage, slug=f"{SLUG}-partner-{p}", title=f"Synthetic partner {p}", rng=rng,
                country="KE" if p == 1 else "PE", intro="A partner that runs synthetic courses.",
            )  # fmt: skip
            partner_team_ensure(partner=partner)
            partners.append(partner)

        courses = []
        for c in range(1, n_courses + 1):
            # Every fifth course belongs to partner 1, every fifth plus one to partner 2.
            parent = partners[0] if c % 5 == 3 else partners[1] if c % 5 == 4 else catalog
            course_page = self.page_ensure(
                parent, CoursePage, slug=f"{SLUG}-course-{c:03d}", title=f"Synthetic course {c}", rng=rng,
                summary="A course made of synthetic activity, to measure the reports.",
            )  # fmt: skip
            steps, quiz, questions = self.course_steps_ensure(course_page, n_lessons=n_lessons, rng=rng)
            courses.append(Course(course_page, steps, quiz, questions, popularity=1 / c**0.7))
        rng.shuffle(courses)  # popularity does not follow the course number
        for rank, course in enumerate(courses, start=1):
            course.popularity = 1 / rank**0.7

        resources = []
        kinds = list(ResourceKind.values)
        for r in range(1, 13):
            parent = partners[(r // 4) % 2] if r % 4 == 0 else library
            resources.append(
                self.page_ensure(
                    parent,
                    ResourcePage,
                    slug=f"{SLUG}-resource-{r:02d}",
                    title=f"Synthetic resource {r}",
                    rng=rng,
                    kind=kinds[r % len(kinds)],
                    summary="A resource read by synthetic visitors.",
                    publication_date=end_day - datetime.timedelta(days=DAYS),
                )  # fmt: skip
            )
        self.say(f"content: {len(courses)} courses, {len(resources)} resources, locale {locale.language_code}")
        return courses, resources

    def programs_ensure(self, *, rng, courses, n):
        """n programs of 2 to 5 courses each; a course may be in several programs, as on the site."""
        if not n:
            return []
        home = self.home_get()
        index = self.child_ensure(home, ProgramIndexPage, title="Programs", rng=rng)
        by_number = sorted(courses, key=lambda course: course.page.slug)
        programs = []
        for p in range(1, n + 1):
            program = self.page_ensure(
                index, TrainingProgramPage, slug=f"{SLUG}-program-{p:02d}", title=f"Synthetic program {p}", rng=rng,
                intro="A path through synthetic courses.",
            )  # fmt: skip
            chosen = rng.sample(by_number, min(len(by_number), rng.randint(2, 5)))
            if not program.program_courses.exists():
                ProgramCourse.objects.bulk_create(
                    ProgramCourse(program=program, course=course.page, sort_order=order)
                    for order, course in enumerate(chosen)
                )
            programs.append(program)
        self.say(f"programs: {len(programs)}")
        return programs

    def home_get(self) -> Page:
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is not None:
            return site.root_page.specific
        root = Page.get_first_root_node()
        if root is None:
            raise CommandError("The page tree has no root: run migrate first.")
        home = root.get_children().first()
        if home is None:
            raise CommandError("The page tree has no home page: run migrate (or load_demo_content) first.")
        return home.specific

    def child_ensure(self, home, model, *, title, rng, **fields):
        """The home's section of this type (the demo's, if there is one), else a new one."""
        found = model.objects.child_of(home).filter(locale=home.locale).order_by("path").first()
        if found is not None:
            seeded_uuid(rng)  # the key page_ensure would have drawn: the tree's keys stay the same
            return found
        return self.page_ensure(home, model, slug=f"{SLUG}-{model._meta.model_name}", title=title, rng=rng, **fields)

    def page_ensure(self, parent, model, *, slug, title, rng, **fields):
        """The child of `parent` with this slug, else a new live one (no revision: nobody edits it)."""
        key = seeded_uuid(rng)  # drawn either way, so the tree's keys do not depend on what exists
        found = model.objects.child_of(parent).filter(slug=slug).first()
        if found is not None:
            return found
        page = model(title=title, slug=slug, translation_key=key, locale=parent.locale, live=True, **fields)
        parent.add_child(instance=page)
        return page

    def course_steps_ensure(self, course, *, n_lessons, rng):
        module = self.page_ensure(course, ModulePage, slug="module-1", title="Module 1", rng=rng)
        steps = []
        for n in range(1, n_lessons + 1):
            lesson = self.page_ensure(
                module, LessonPage, slug=f"lesson-{n:02d}", title=f"Lesson {n} of {course.title}", rng=rng,
                summary="A short lesson.", body=[("paragraph", "<p>Write down every sale today.</p>")],
            )  # fmt: skip
            steps.append(Step(lesson.translation_key, lesson.pk, lesson.title))
        questions = []
        for q in range(1, QUESTIONS + 1):
            qid = f"q-{course.slug}-{q}"
            options = [(f"{qid}-o{o}", f"Answer {o}", o == 1) for o in range(1, 4)]
            questions.append(Question(qid, f"Question {q} of {course.title}?", options, ease=0.45 + 0.5 * rng.random()))
        raw = [
            {
                "type": "single_choice",
                "id": question.id,
                "value": {
                    "prompt": question.prompt,
                    "feedback": "",
                    "options": [
                        {"type": "item", "id": oid, "value": {"text": text, "is_correct": ok, "feedback": ""}}
                        for oid, text, ok in question.options
                    ],
                },
            }
            for question in questions
        ]
        quiz = self.page_ensure(
            module, QuizPage, slug="quiz", title=f"Quiz of {course.title}", rng=rng, questions=raw, pass_mark=PASS_MARK
        )
        steps.append(Step(quiz.translation_key, None, quiz.title))
        return steps, quiz, questions

    # Learners -----------------------------------------------------------------------------------

    def learners_create(self, *, rng, n, start, email_prefix) -> list[int]:
        locale = Locale.get_default()
        sectors = self.terms_ensure(Sector, SECTORS, locale)
        stages = self.terms_ensure(BusinessStage, STAGES, locale)
        sector_weights = [(s.pk, 1 / (i + 1)) for i, s in enumerate(sectors)] + [(None, 0.15)]
        stage_weights = [(s.pk, w) for s, w in zip(stages, (2, 4, 3, 2), strict=False)] + [(None, 1)]
        user_ids = []
        for first in range(0, n, BATCH * 5):
            users, profiles = [], []
            for i in range(first, min(n, first + BATCH * 5)):
                joined = start + datetime.timedelta(seconds=DAYS * 86400 * rng.random() ** 0.7)
                users.append(
                    User(
                        email=f"{email_prefix}learner{i:07d}@{EMAIL_DOMAIN}",
                        password="!synthetic",  # unusable: nobody can log in as a synthetic learner
                        first_name=rng.choice(FIRST_NAMES),
                        last_name=f"S{i}",
                        date_joined=joined,
                    )
                )
                if rng.random() < 0.08:
                    continue  # never filled in the profile step: no profile row, as on the site
                answered = rng.random() < 0.85
                profiles.append(
                    LearnerProfile(
                        user=users[-1],  # its id is read once the users are written
                        display_name=f"{users[-1].first_name} S{i}",
                        country=weighted(rng, COUNTRIES),
                        preferred_language=weighted(rng, LANGUAGES),
                        sector_id=weighted(rng, sector_weights),
                        business_stage_id=weighted(rng, stage_weights),
                        business_size=weighted(rng, SIZES),
                        role=weighted(rng, ROLES),
                        gender=weighted(rng, GENDERS),
                        business_women_led=weighted(rng, WOMEN_LED),
                        share_progress_with_partner=rng.random() < 0.3,
                        newsletter=rng.random() < 0.4,
                        completed_at=joined if answered else None,
                    )
                )
            with transaction.atomic():
                User.objects.bulk_create(users, batch_size=1000)
                LearnerProfile.objects.bulk_create(profiles, batch_size=1000)
            user_ids.extend(user.pk for user in users)
            self.say(f"learners: {len(user_ids)}/{n}")
        return user_ids

    def terms_ensure(self, model, names, locale):
        """The site's terms of this kind; when there are none, a few synthetic ones."""
        terms = list(model.objects.filter(locale=locale).order_by("slug"))
        if terms:
            return terms
        for name in names:
            slug = f"{SLUG}-{name.lower().replace(' ', '-')}"
            model.objects.get_or_create(slug=slug, locale=locale, defaults={"name": name})
        return list(model.objects.filter(locale=locale).order_by("slug"))

    # Enrolments and progress ------------------------------------------------------------------------

    def enrollments_plan(self, *, rng, user_ids, courses, n, start, end) -> list[Plan]:
        """n enrolments: every learner at least one, some many; popular courses more often."""
        counts = [1] * len(user_ids)
        extra = n - len(user_ids)
        limit = len(courses)
        while extra:
            i = int(len(user_ids) * rng.random() ** 2)  # a few learners take many courses
            if counts[i] < limit:
                counts[i] += 1
                extra -= 1
        popularity = [course.popularity for course in courses]
        span = (end - start).total_seconds()
        plans = []
        for user_id, count in zip(user_ids, counts, strict=True):
            # Weighted sampling without replacement (Efraimidis–Spirakis): the top `count` keys.
            keyed = sorted(range(limit), key=lambda k: rng.random() ** (1 / popularity[k]), reverse=True)
            for k in keyed[:count]:
                # More enrolments lately: the density grows over the two years.
                enrolled_at = start + datetime.timedelta(seconds=int(span * rng.random() ** 0.6))
                plans.append(Plan(user_id, courses[k], enrolled_at))
        plans.sort(key=lambda plan: plan.enrolled_at)
        self.say(f"planned {len(plans)} enrolments")
        return plans

    def progress_plan(self, *, rng, plans, total, end):
        """How many steps each enrolment did, summing to exactly `total`, and when."""
        steps = len(plans[0].course.steps)
        ratio = total / len(plans)
        half = (steps - 1) / 2
        # A share completes every step; the others stop part-way, `unfinished` steps on average.
        completed_share = min(0.9, max(0.05, (ratio - half) / (steps - half), ratio / steps / 2))
        unfinished = min(half, max(0.0, (ratio - completed_share * steps) / (1 - completed_share)))
        done = []
        for _plan in plans:
            if rng.random() < completed_share:
                done.append(steps)
            else:
                done.append(min(steps - 1, int(rng.random() * (2 * unfinished + 1))))
        # Bring the sum to exactly `total`, one step at a time, at random enrolments.
        surplus = sum(done) - total
        while surplus:
            i = rng.randrange(len(done))
            if surplus > 0 and done[i] > 0:
                done[i] -= 1
                surplus -= 1
            elif surplus < 0 and done[i] < steps:
                done[i] += 1
                surplus += 1
        for plan, count in zip(plans, done, strict=True):
            plan.steps_done = count
            room = (end - plan.enrolled_at).total_seconds() - 120
            # Most finish what they do within a few weeks; the end date caps everyone.
            duration = min(room, rng.expovariate(1 / (21 * 86400)))
            offsets = sorted(60 + duration * rng.random() for _ in range(count))
            plan.step_times = [plan.enrolled_at + datetime.timedelta(seconds=s) for s in offsets]
            if count >= steps - 1:  # reached the quiz: failed first, some of them
                plan.failed_attempts = (
                    weighted(rng, [(0, 70), (1, 22), (2, 8)]) if count == steps else rng.randint(0, 2)
                )
            if count < steps and rng.random() < 0.12:
                last = plan.step_times[-1] if plan.step_times else plan.enrolled_at
                plan.left_at = last + (end - last) * rng.random()
        self.say(f"planned {total} completions ({sum(1 for d in done if d == steps)} enrolments completed)")

    def activity_write(self, *, rng, plans) -> dict[str, int]:
        totals = Counter()
        self.completed = []  # (enrolment, course) of the completed enrolments, for certificates
        times = (
            Enrollment._meta.get_field("enrolled_at"),
            LessonCompletion._meta.get_field("completed_at"),
            QuizAttempt._meta.get_field("submitted_at"),
        )
        with explicit_times(*times):
            for first in range(0, len(plans), BATCH):
                chunk = plans[first : first + BATCH]
                with transaction.atomic():
                    self.chunk_write(rng=rng, chunk=chunk, totals=totals)
                self.say(
                    f"enrolments {totals['enrolments']}/{len(plans)}, completions {totals['completions']}, "
                    f"attempts {totals['quiz attempts']}"
                )
        return dict(totals)

    def chunk_write(self, *, rng, chunk, totals):
        steps = len(chunk[0].course.steps)
        enrollments = [
            Enrollment(
                user_id=plan.user_id,
                course_key=plan.course.page.translation_key,
                course_id=plan.course.page.pk,
                enrolled_at=plan.enrolled_at,
                left_at=plan.left_at,
                completed_at=plan.step_times[-1] if plan.steps_done == steps else None,
            )
            for plan in chunk
        ]
        Enrollment.objects.bulk_create(enrollments, batch_size=1000)
        completions, attempts, answers_of = [], [], []
        for plan, enrollment in zip(chunk, enrollments, strict=True):
            course = plan.course
            for step, when in zip(course.steps, plan.step_times, strict=False):
                completions.append(
                    LessonCompletion(
                        enrollment_id=enrollment.pk,
                        lesson_key=step.key,
                        lesson_id=step.page_id,
                        lesson_title=step.title,
                        completed_at=when,
                    )
                )
            if plan.steps_done >= steps - 1:
                passed_at = plan.step_times[-1] if plan.steps_done == steps else None
                after = plan.step_times[steps - 2] if steps > 1 else plan.enrolled_at
                limit = passed_at or after + datetime.timedelta(seconds=60)
                failed_at = sorted(after + (limit - after) * rng.random() for _ in range(plan.failed_attempts))
                outcomes = [(False, when) for when in failed_at] + ([(True, passed_at)] if passed_at else [])
                for number, (passed, when) in enumerate(outcomes, start=1):
                    correct = self.answers_draw(rng, course.questions, passed=passed)
                    attempts.append(
                        QuizAttempt(
                            user_id=plan.user_id,
                            quiz_key=course.quiz.translation_key,
                            quiz_id=course.quiz.pk,
                            quiz_title=course.quiz.title,
                            number=number,
                            score=Decimal(100 * sum(correct) / len(correct)).quantize(Decimal("0.01")),
                            passed=passed,
                            pass_mark=PASS_MARK,
                            submitted_at=when,
                        )
                    )
                    answers_of.append((course.questions, correct))
        LessonCompletion.objects.bulk_create(completions, batch_size=5000)
        QuizAttempt.objects.bulk_create(attempts, batch_size=1000)
        answers = []
        for attempt, (questions, correct) in zip(attempts, answers_of, strict=True):
            for question, ok in zip(questions, correct, strict=True):
                right = next(o for o in question.options if o[2])
                chosen = right if ok else question.options[1 + rng.randrange(len(question.options) - 1)]
                answers.append(
                    QuizAnswer(
                        attempt_id=attempt.pk,
                        question_id=question.id,
                        question_type="single_choice",
                        prompt=question.prompt,
                        option_ids=[chosen[0]],
                        answer_text=chosen[1],
                        points=Decimal(1 if ok else 0),
                        is_correct=ok,
                        correct_answer_text=right[1],
                    )
                )
        QuizAnswer.objects.bulk_create(answers, batch_size=2000)
        for plan, enrollment in zip(chunk, enrollments, strict=True):
            plan.course.day_enrollments[plan.enrolled_at.date()] += 1
            if enrollment.completed_at:
                self.completed.append((enrollment, plan.course))
        totals["enrolments"] += len(enrollments)
        totals["enrolments completed"] += sum(1 for e in enrollments if e.completed_at)
        totals["enrolments left"] += sum(1 for e in enrollments if e.left_at)
        totals["completions"] += len(completions)
        totals["quiz attempts"] += len(attempts)
        totals["quiz answers"] += len(answers)

    def certificates_write(self, *, rng, completed) -> int:
        """Certificates for a share of the completed enrolments, on free places of the status list.

        Only a share, capped: every certificate takes one of the status list's places for good,
        and real certificates must still find free ones.
        """
        want = min(CERTIFICATES_MAX, round(len(completed) * CERTIFICATE_SHARE))
        taken = set(Certificate.objects.values_list("status_index", flat=True))
        if want == 0 or STATUS_LIST_LENGTH - len(taken) < 4 * want:
            self.say("certificates: none (the status list has too few free places)")
            return 0
        free = sorted(set(range(STATUS_LIST_LENGTH)) - taken)
        indexes = rng.sample(free, want)
        chosen = sorted(rng.sample(range(len(completed)), want))
        rows = []
        for index, position in zip(indexes, chosen, strict=True):
            enrollment, course = completed[position]
            rows.append(
                Certificate(
                    public_id=base64.urlsafe_b64encode(rng.getrandbits(144).to_bytes(18, "big")).decode(),
                    user_id=enrollment.user_id,
                    kind=CertificateKind.COURSE,
                    achievement_key=course.page.translation_key,
                    enrollment_id=enrollment.pk,
                    course_id=course.page.pk,
                    recipient_name=f"Synthetic learner {enrollment.user_id}",
                    achievement_name=course.page.title,
                    issuer_name="Synthetic academy",
                    hours=Decimal("4.0"),
                    language="en",
                    issued_at=enrollment.completed_at,
                    status_index=index,
                )
            )
        with transaction.atomic():
            Certificate.objects.bulk_create(rows, batch_size=2000)
        self.say(f"certificates: {len(rows)}")
        return len(rows)

    @staticmethod
    def answers_draw(rng, questions, *, passed) -> list[bool]:
        """Which questions an attempt got right: drawn by each question's ease, until it passes or fails."""
        while True:
            correct = [rng.random() < question.ease for question in questions]
            if (100 * sum(correct) / len(correct) >= PASS_MARK) == passed:
                return correct

    # Page views and reading lists ---------------------------------------------------------------------

    def page_views_write(self, *, rng, courses, resources, end) -> int:
        """Views per page and day: a few visits per enrolment on a course, a popularity curve on resources."""
        first_day = (end - datetime.timedelta(days=DAYS)).date()
        days = [first_day + datetime.timedelta(days=d) for d in range(DAYS + 1)]
        rows = []
        for course in sorted(courses, key=lambda course: course.page.slug):
            for day in days:
                enrolled = course.day_enrollments[day]
                views = enrolled * rng.randint(2, 6) + int(rng.random() * 8 * course.popularity)
                if views:
                    rows.append(
                        PageViewDay(
                            page_key=course.page.translation_key, kind=ViewedPageKind.COURSE, day=day, views=views
                        )
                    )
        for rank, resource in enumerate(resources, start=1):
            for day in days:
                views = int(rng.random() * 12 / rank**0.5)
                if views:
                    rows.append(
                        PageViewDay(
                            page_key=resource.translation_key, kind=ViewedPageKind.RESOURCE, day=day, views=views
                        )
                    )
        with transaction.atomic():
            # A second run (another seed) replaces the synthetic pages' counts rather than failing.
            PageViewDay.objects.bulk_create(
                rows, batch_size=2000, update_conflicts=True, unique_fields=["page_key", "day"], update_fields=["views"]
            )
        self.say(f"page views: {len(rows)} page-days")
        return len(rows)

    def reading_list_write(self, *, rng, user_ids, resources) -> int:
        items = []
        for user_id in user_ids:
            if rng.random() < 0.15:
                for resource in rng.sample(resources, rng.randint(1, 3)):
                    items.append(
                        ReadingListItem(user_id=user_id, resource_key=resource.translation_key, resource=resource)
                    )
        with transaction.atomic():
            ReadingListItem.objects.bulk_create(items, batch_size=2000)
        return len(items)
