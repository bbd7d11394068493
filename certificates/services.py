"""Every write to certificates: issue, reissue, revoke. Transactional and idempotent.

Issuing hangs on courses' `course_completed` signal (connected in CertificatesConfig.ready()),
which enrollment_completion_check sends inside the completing transaction: whatever completed
the course (a lesson, a passed quiz, any later step kind), the certificate is written with the
completion or not at all. Files and mail wait for the commit (django-tasks, certificates.tasks).
"""

import secrets
from dataclasses import dataclass
from decimal import Decimal
from html.parser import HTMLParser

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Locale, Site

from accounts.models import LearnerProfile
from certificates.models import STATUS_LIST_LENGTH, Certificate, CertificateKind, CertificateRevocation
from courses.models import CoursePage, Enrollment, ProgramCourse, TrainingProgramPage
from partners.selectors import page_partner_get, partner_list_by_path

ACCOUNT_DELETED_REASON = "account deleted"
# Attempts at drawing a free status index; with 131,072 places a clash is rare until the list fills.
STATUS_INDEX_TRIES = 20


class CertificateError(Exception):
    """A rule of certificates was broken; the message is for the person who asked."""


# --- What a certificate says, frozen at issue ------------------------------------------


def certificate_recipient_name_get(user) -> str:
    """The name to print: the profile's "name on certificates", else the full name, else the display name.

    Last resort (a learner who gave no name at all): the part of their email address before the @,
    which is theirs and never empty; they can set a name and ask for a reissue.
    """
    profile = LearnerProfile.objects.filter(user=user).first()
    for name in (
        profile.certificate_name if profile else "",
        user.get_full_name(),
        profile.display_name if profile else "",
        user.email.split("@", 1)[0],
    ):
        name = " ".join((name or "").split())
        if name:
            return name[:200]
    return _("Learner")


def certificate_language_get(user, page) -> str:
    """The learner's preferred language (profile), else the language of the page they learnt on."""
    profile = LearnerProfile.objects.filter(user=user).first()
    if profile and profile.preferred_language:
        return profile.preferred_language
    return page.locale.language_code


def _translation_get(page, language: str):
    """`page`'s live translation in `language` if there is one, else `page` itself."""
    if page.locale.language_code == language:
        return page
    locale = Locale.objects.filter(language_code=language).first()
    translation = page.get_translation_or_none(locale) if locale else None
    if translation is None or not translation.live:
        return page
    return translation.specific


def organisation_name_get() -> str:
    """The organisation that runs the site: the default site's name, else WAGTAIL_SITE_NAME."""
    site = Site.objects.filter(is_default_site=True).only("site_name").first()
    return (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME


def course_outcomes_list(course: CoursePage) -> list[str]:
    return [str(block.value).strip() for block in course.outcomes if str(block.value).strip()]


class _TextPieces(HTMLParser):
    """The text of each list item (or, without lists, each paragraph) of a rich text field."""

    def __init__(self):
        super().__init__()
        self.items, self.paragraphs, self._open, self._text = [], [], [], []

    def handle_starttag(self, tag, attrs):
        if tag in ("li", "p"):
            self._open.append(tag)
            self._text = []

    def handle_endtag(self, tag):
        if self._open and tag == self._open[-1]:
            self._open.pop()
            text = " ".join("".join(self._text).split())
            if text:
                (self.items if tag == "li" else self.paragraphs).append(text)
            self._text = []

    def handle_data(self, data):
        if self._open:
            self._text.append(data)


def program_outcomes_list(program: TrainingProgramPage) -> list[str]:
    parser = _TextPieces()
    parser.feed(program.outcomes or "")
    parser.close()
    return parser.items or parser.paragraphs


def _status_index_new() -> int:
    return secrets.randbelow(STATUS_LIST_LENGTH)


def _certificate_insert(**values) -> Certificate:
    """Insert a certificate with a random free status index, retrying a clash inside a savepoint.

    Raises IntegrityError when the learner already has a current certificate for the achievement.
    """
    for _try in range(STATUS_INDEX_TRIES):
        index = _status_index_new()
        try:
            with transaction.atomic():
                return Certificate.objects.create(status_index=index, **values)
        except IntegrityError:
            if not Certificate.objects.filter(status_index=index).exists():
                raise  # not the index: the one-current-certificate rule
    raise CertificateError(_("No free place in the status list: it needs to grow."))


def _issue(*, user, kind: str, achievement_key, values: dict) -> tuple[Certificate, bool]:
    """The user's current certificate for the achievement, issued now if there is none."""
    current = Certificate.objects.current().filter(user=user, kind=kind, achievement_key=achievement_key)
    existing = current.first()
    if existing is not None:
        return existing, False
    try:
        certificate = _certificate_insert(
            user=user, kind=kind, achievement_key=achievement_key, issued_at=timezone.now(), **values
        )
    except IntegrityError:
        return current.get(), False  # issued meanwhile by another transaction
    transaction.on_commit(lambda: _ready_enqueue(certificate.pk))
    return certificate, True


def _ready_enqueue(certificate_id: int) -> None:
    from certificates.tasks import certificate_ready_announce  # tasks imports this module

    certificate_ready_announce.enqueue(certificate_id=certificate_id)


def _files_enqueue(certificate_id: int) -> None:
    from certificates.tasks import certificate_files_refresh  # tasks imports this module

    certificate_files_refresh.enqueue(certificate_id=certificate_id)


def user_lock(user):
    """Lock the learner's row until the transaction ends, so their certificate checks run one at a time."""
    return get_user_model().objects.select_for_update().get(pk=user.pk)


# --- Issuing --------------------------------------------------------------------------


@transaction.atomic
def certificate_issue_for_enrollment(*, enrollment: Enrollment) -> Certificate | None:
    """Issue the course certificate of a completed enrolment, once; then the program ones it completes.

    Returns None for an enrolment not completed. The learner's row is locked first: two of their
    courses completing at once (each locking only its own enrolment) then check programs one after
    the other, and the second sees the first's committed completion (READ COMMITTED; SQLite
    serialises writers anyway), so a program's certificate is never missed nor issued twice.
    """
    if enrollment.completed_at is None:
        return None
    user = user_lock(enrollment.user)
    page = enrollment.course.specific
    language = certificate_language_get(user, page)
    course = _translation_get(page, language)
    partner = page_partner_get(course, partner_list_by_path())
    certificate, _created = _issue(
        user=user,
        kind=CertificateKind.COURSE,
        achievement_key=enrollment.course_key,
        values={
            "enrollment": enrollment,
            "course": course,
            "recipient_name": certificate_recipient_name_get(user),
            "achievement_name": course.title[:255],
            "achievement_description": course.summary,
            "outcomes": course_outcomes_list(course),
            "issuer_name": (partner.title if partner else organisation_name_get())[:255],
            "hours": course.estimated_hours,
            "language": language,
        },
    )
    certificate_issue_for_programs(user=user, course_key=enrollment.course_key)
    return certificate


def certificate_issue_for_programs(*, user, course_key) -> list[Certificate]:
    """Issue the certificate of every live program holding the course whose courses are all complete.

    Call with the learner's row locked (user_lock) inside a transaction.
    """
    program_ids = set(
        ProgramCourse.objects.filter(course__translation_key=course_key, program__live=True).values_list(
            "program_id", flat=True
        )
    )
    completed = set(
        Enrollment.objects.filter(user=user, completed_at__isnull=False).values_list("course_key", flat=True)
    )
    issued = []
    seen = set()
    programs = TrainingProgramPage.objects.filter(pk__in=program_ids).select_related("locale").order_by("path")
    for program in programs:
        if program.translation_key in seen:
            continue
        courses = [link.course for link in program.program_courses.select_related("course")]
        if not courses or not {course.translation_key for course in courses} <= completed:
            continue
        seen.add(program.translation_key)
        certificate = certificate_issue_for_program(user=user, program=program, courses=courses)
        issued.append(certificate)
    return issued


def certificate_issue_for_program(*, user, program: TrainingProgramPage, courses: list) -> Certificate:
    """The program certificate, once: hours summed over its courses, issued by the organisation."""
    language = certificate_language_get(user, program)
    shown = _translation_get(program, language)
    certificate, _created = _issue(
        user=user,
        kind=CertificateKind.PROGRAM,
        achievement_key=program.translation_key,
        values={
            "program": shown,
            "recipient_name": certificate_recipient_name_get(user),
            "achievement_name": shown.title[:255],
            "achievement_description": shown.intro,
            "outcomes": program_outcomes_list(shown),
            "issuer_name": organisation_name_get()[:255],
            "hours": sum((course.estimated_hours for course in courses), Decimal("0")),
            "language": language,
        },
    )
    return certificate


@dataclass
class Backfill:
    """How many certificates a backfill issued."""

    courses: int
    programs: int


def certificate_issue_missing() -> Backfill:
    """Issue what completions recorded before certificates existed should have: safe to run again.

    One transaction per learner (their row locked, as on completion), so a long run never holds
    every lock at once and a learner completing a course meanwhile is simply queued.
    """
    before = _counts()
    users = (
        Enrollment.objects.filter(completed_at__isnull=False)
        .values_list("user_id", flat=True)
        .distinct()
        .order_by("user_id")
    )
    for user_id in list(users):
        with transaction.atomic():
            user = user_lock(get_user_model()(pk=user_id))
            enrollments = Enrollment.objects.filter(user=user, completed_at__isnull=False).select_related("course")
            for enrollment in enrollments.order_by("completed_at", "pk"):
                certificate_issue_for_enrollment(enrollment=enrollment)
    after = _counts()
    return Backfill(
        courses=after[CertificateKind.COURSE] - before[CertificateKind.COURSE],
        programs=after[CertificateKind.PROGRAM] - before[CertificateKind.PROGRAM],
    )


def _counts() -> dict:
    return {kind: Certificate.objects.filter(kind=kind).count() for kind in CertificateKind.values}


def certificate_on_course_completed(sender, *, enrollment, course, **kwargs):
    """Receiver of courses' `course_completed`: the certificate is written in the same transaction."""
    certificate_issue_for_enrollment(enrollment=enrollment)


# --- Reissue and revocation ------------------------------------------------------------


@transaction.atomic
def certificate_reissue(*, user, certificate: Certificate) -> Certificate:
    """Replace `certificate` (the user's own, valid) with one carrying the profile's current name.

    The old row is kept, marked replaced (its status bit is set: it verifies as revoked). The
    learner's row is locked, so a double tap finds the certificate already replaced.
    """
    user_lock(user)
    old = Certificate.objects.filter(pk=certificate.pk, user=user).first()
    if old is None:
        raise CertificateError(_("This certificate is not yours."))
    if old.replaced_at is not None:
        raise CertificateError(_("This certificate has already been replaced by a new one."))
    if old.revoked_at is not None:
        raise CertificateError(_("This certificate has been revoked and cannot be reissued."))
    name = certificate_recipient_name_get(user)
    if name == old.recipient_name:
        raise CertificateError(
            _("Your certificate already carries the name on your profile. Change the name on your profile first.")
        )
    now = timezone.now()
    Certificate.objects.filter(pk=old.pk).update(replaced_at=now)
    fields = {
        field.name: getattr(old, field.name)
        for field in Certificate._meta.concrete_fields
        if field.name
        in (
            "kind",
            "achievement_key",
            "enrollment",
            "course",
            "program",
            "achievement_name",
            "achievement_description",
            "outcomes",
            "issuer_name",
            "hours",
            "language",
        )
    }
    new = _certificate_insert(user=user, recipient_name=name, issued_at=now, **fields)
    Certificate.objects.filter(pk=old.pk).update(replaced_by=new)
    old.refresh_from_db()
    log(instance=old, action="certificates.reissue", user=user)
    transaction.on_commit(lambda: _files_enqueue(old.pk))
    transaction.on_commit(lambda: _files_enqueue(new.pk))
    return new


def _revoke(certificate: Certificate, *, by, reason: str) -> bool:
    """Mark a locked certificate revoked and log it; False if it already was."""
    if certificate.revoked_at is not None:
        return False
    certificate.revoked_at = timezone.now()
    certificate.revocation_reason = reason
    certificate.save(update_fields=["revoked_at", "revocation_reason"])
    CertificateRevocation.objects.create(certificate=certificate, revoked_by=by, reason=reason)
    log(instance=certificate, action="certificates.revoke", user=by, data={"reason": reason})
    return True


@transaction.atomic
def certificate_revoke(*, certificate: Certificate, by, reason: str) -> Certificate:
    """Revoke with a reason (logged, never shown publicly); revoking twice changes nothing."""
    reason = (reason or "").strip()
    if not reason:
        raise CertificateError(_("Give the reason for revoking this certificate."))
    locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if _revoke(locked, by=by, reason=reason):
        transaction.on_commit(lambda: _files_enqueue(locked.pk))
    return locked


def certificate_on_account_deleted(sender, *, user, **kwargs):
    """Receiver of accounts' `account_deleted`: revoke every certificate and drop the personal data.

    The rows stay, so their links verify as revoked; the printed name, the PDFs and the signed
    credential (which carries the name) go. Files are deleted from storage after the commit.
    """
    names = []
    for certificate in Certificate.objects.select_for_update().filter(user=user).order_by("pk"):
        _revoke(certificate, by=None, reason=ACCOUNT_DELETED_REASON)
        for field in (certificate.pdf_a4, certificate.pdf_letter):
            if field:
                names.append((field.storage, field.name))
        Certificate.objects.filter(pk=certificate.pk).update(recipient_name="", credential="", pdf_a4="", pdf_letter="")

    def files_delete():
        for storage, name in names:
            storage.delete(name)

    if names:
        transaction.on_commit(files_delete)
