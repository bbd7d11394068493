"""The network: applications to join it, experts' profiles, messages to experts, and who is who on a page."""

from django.conf import settings
from django.conf.global_settings import LANGUAGES as ALL_LANGUAGES
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from accounts.validators import validate_plain_name
from network.validators import validate_plain_text
from partners.models import PartnerKind

# Languages an expert may speak: Django's list of languages, by code.
SPOKEN_LANGUAGES = dict(ALL_LANGUAGES)


class ApplicationStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for review")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Not accepted")


class NetworkApplication(models.Model):
    """An organisation's request to join the network, sent through the public form, decided by an editor."""

    organisation = models.CharField(_("organisation"), max_length=140, validators=[validate_plain_name])
    kind = models.CharField(_("type"), max_length=30, choices=PartnerKind.choices)
    country = CountryField(_("country"))
    website = models.URLField(_("website"), blank=True)
    contact_name = models.CharField(_("contact person"), max_length=120, validators=[validate_plain_name])
    contact_email = models.EmailField(_("contact email"))
    offer = models.TextField(_("what it would publish or offer"), max_length=2000, validators=[validate_plain_text])
    language = models.CharField(_("language of the form"), max_length=10, default="en")
    # A pending application per contact and organisation: a replayed or doubled form finds it.
    dedupe_key = models.CharField(max_length=400, editable=False)
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="network_applications",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ApplicationStatus.choices, default=ApplicationStatus.PENDING
    )
    decision_message = models.TextField(_("message to the applicant"), max_length=2000, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    notified_at = models.DateTimeField(_("applicant told"), null=True, blank=True)
    partner = models.ForeignKey(
        "partners.PartnerPage",
        verbose_name=_("partner page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("application to join the network")
        verbose_name_plural = _("applications to join the network")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["dedupe_key"],
                condition=Q(status="pending"),
                name="network_networkapplication_one_pending_per_contact",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["pending", "accepted", "rejected"]),
                name="network_networkapplication_status_known",
            ),
        ]

    def __str__(self):
        return self.organisation


class ExpertProfile(models.Model):
    """A member's opt-in public profile as an expert: shown only while they publish it and editors don't hide it."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("member"), on_delete=models.CASCADE, related_name="expert_profile"
    )
    public_name = models.CharField(_("public name"), max_length=80, validators=[validate_plain_name])
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organisation = models.CharField(_("organisation"), max_length=140, blank=True, validators=[validate_plain_name])
    biography = models.TextField(_("short biography"), max_length=1500, validators=[validate_plain_text])
    topics = models.ManyToManyField("taxonomy.Topic", verbose_name=_("expertise"), blank=True, related_name="+")
    sectors = models.ManyToManyField("taxonomy.Sector", verbose_name=_("sectors"), blank=True, related_name="+")
    # Codes between commas (",en,fr,"), so that one filter reads the same on SQLite and PostgreSQL.
    languages = models.CharField(_("languages spoken"), max_length=400, blank=True)
    countries = CountryField(_("countries known"), multiple=True, blank=True)
    is_published = models.BooleanField(_("published by the expert"), default=False)
    is_hidden = models.BooleanField(
        _("hidden by editors"), default=False, help_text=_("A hidden profile is not shown, whatever the expert chose.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("expert profile")
        verbose_name_plural = _("expert profiles")
        ordering = ["public_name", "pk"]

    def __str__(self):
        return self.public_name

    @property
    def language_codes(self) -> list[str]:
        return [code for code in self.languages.split(",") if code]

    @property
    def language_names(self) -> list[str]:
        return [str(SPOKEN_LANGUAGES.get(code, code)) for code in self.language_codes]

    @property
    def is_listed(self) -> bool:
        return self.is_published and not self.is_hidden


class ContactStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for the expert")
    ACCEPTED = "accepted", _("Accepted: contact details shared")
    DECLINED = "declined", _("Declined")


class ExpertContact(models.Model):
    """A member's short message to an expert through the site; emails are shared only when the expert accepts."""

    expert = models.ForeignKey(
        ExpertProfile, verbose_name=_("expert"), on_delete=models.CASCADE, related_name="contacts"
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("sender"), on_delete=models.CASCADE, related_name="expert_contacts"
    )
    sender_name = models.CharField(_("sender's name"), max_length=80, validators=[validate_plain_name])
    message = models.TextField(_("message"), max_length=1000, validators=[validate_plain_text])
    language = models.CharField(_("sender's language"), max_length=10, default="en")
    day = models.DateField(_("day"))
    status = models.CharField(_("status"), max_length=10, choices=ContactStatus.choices, default=ContactStatus.PENDING)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    decided_at = models.DateTimeField(_("answered"), null=True, blank=True)
    notified_at = models.DateTimeField(_("expert emailed"), null=True, blank=True)
    shared_at = models.DateTimeField(_("contact details emailed"), null=True, blank=True)

    class Meta:
        verbose_name = _("message to an expert")
        verbose_name_plural = _("messages to experts")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["sender", "expert", "day"], name="network_expertcontact_once_per_pair_day"),
            models.CheckConstraint(
                condition=Q(status__in=["pending", "accepted", "declined"]), name="network_expertcontact_status_known"
            ),
        ]

    def __str__(self):
        return f"{self.sender_name} → {self.expert}"


class ExpertRoleKind(models.TextChoices):
    AUTHOR = "author", _("Author")
    SPEAKER = "speaker", _("Speaker")
    MENTOR = "mentor", _("Mentor")


class ExpertRole(models.Model):
    """An expert attached to a page (a course, an event, a programme) as its author, speaker or mentor.

    The page is any page; it shows its people in every language (matched by translation key).
    """

    expert = models.ForeignKey(ExpertProfile, verbose_name=_("expert"), on_delete=models.CASCADE, related_name="roles")
    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+")
    role = models.CharField(_("role"), max_length=10, choices=ExpertRoleKind.choices, default=ExpertRoleKind.AUTHOR)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("expert on a page")
        verbose_name_plural = _("experts on pages")
        ordering = ["sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["expert", "page", "role"], name="network_expertrole_once_per_page_role"),
        ]

    def __str__(self):
        return f"{self.expert} ({self.get_role_display()})"
