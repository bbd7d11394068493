"""A learner's choice of messages, and the ledger of messages sent (one row per user × kind × key)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class MessageKind(models.TextChoices):
    WELCOME = "welcome", _("Welcome after sign-up")
    CONTINUE = "continue", _("Continue where you left off")
    COURSE_COMPLETE = "course_complete", _("Course complete, with your certificate")
    NEW_COURSE = "new_course", _("New course in a topic or sector you chose")


class MessagePreference(models.Model):
    """Which messages a learner wants. No row means the defaults below.

    New-course announcements are off until the learner asks for them: they promote courses the
    learner has not chosen, and the sector on the profile was given for reports, so using it for
    promotion needs its own yes (GDPR purpose limitation, ePrivacy consent for marketing mail).
    The others are about the learner's own sign-up and courses, so they start on, and every
    email says how to turn them off.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="message_preference",
        verbose_name=_("learner"),
    )
    welcome = models.BooleanField(_("a welcome with a first course to try"), default=True)
    continue_learning = models.BooleanField(
        _("a reminder when I have not opened a course I started for a week"), default=True
    )
    course_complete = models.BooleanField(_("a message with my certificate when I complete a course"), default=True)
    new_courses = models.BooleanField(_("news of new courses in my sector and the topics below"), default=False)
    topics = models.ManyToManyField(
        "taxonomy.Topic", blank=True, related_name="+", verbose_name=_("topics I want to hear about")
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("message preference")
        verbose_name_plural = _("message preferences")

    def __str__(self):
        return str(self.user)

    # The field that allows each kind of message.
    FIELDS = {
        MessageKind.WELCOME: "welcome",
        MessageKind.CONTINUE: "continue_learning",
        MessageKind.COURSE_COMPLETE: "course_complete",
        MessageKind.NEW_COURSE: "new_courses",
    }

    def allows(self, kind: str) -> bool:
        return getattr(self, self.FIELDS[kind])


class MessageSent(models.Model):
    """A message claimed for a learner before it goes out: the row is the "sent once" rule.

    `key` names what the message is about (a course's translation key; empty for the welcome).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="messages_sent", verbose_name=_("learner")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=MessageKind.choices)
    key = models.CharField(_("about"), max_length=64, blank=True)
    language = models.CharField(_("language"), max_length=16, blank=True)
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        verbose_name = _("message sent")
        verbose_name_plural = _("messages sent")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "key"], name="nudges_messagesent_once_per_user_kind_key"),
        ]
        # The daily cap and the weekly reminder rule count a learner's recent rows.
        indexes = [models.Index(fields=["user", "sent_at"], name="nudges_sent_user_sent_at")]

    def __str__(self):
        return f"{self.get_kind_display()} → {self.user}"
