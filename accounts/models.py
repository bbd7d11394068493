from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from accounts.validators import validate_plain_name, validate_printable_name


class UserManager(BaseUserManager):
    """Users are found by email, ignoring case, because people type it both ways."""

    use_in_migrations = True

    def get_by_natural_key(self, email):
        return self.get(email__iexact=email)

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.full_clean(exclude=["password"])
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person with an account; the email address is the login."""

    username = None
    email = models.EmailField(_("email address"), max_length=254, unique=True)
    # Set when the person deleted their account: the row stays, anonymised, so totals in
    # reports hold.
    deleted_at = models.DateTimeField(_("account deleted"), null=True, blank=True, editable=False)

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                name="accounts_user_email_unique_ci",
                violation_error_message=_("A user with this email address already exists."),
            ),
        ]

    def __str__(self):
        return self.get_full_name() or self.email


class BusinessSize(models.TextChoices):
    SOLO = "solo", _("Just me")
    MICRO = "micro", _("2–9 people")
    SMALL = "small", _("10–49 people")
    MEDIUM = "medium", _("50–249 people")
    LARGE = "large", _("250 people or more")


class LearnerRole(models.TextChoices):
    OWNER = "owner", _("Business owner")
    EMPLOYEE = "employee", _("Employee")
    ASPIRING = "aspiring", _("Aspiring entrepreneur")
    TRAINER = "trainer", _("Trainer or adviser")


class Gender(models.TextChoices):
    """Asked because funders ask how many women the programmes reach; reported only in aggregate."""

    WOMAN = "woman", _("Woman")
    MAN = "man", _("Man")
    OTHER = "other", _("I describe myself another way")
    UNSAID = "unsaid", _("Prefer not to say")


class WomenLed(models.TextChoices):
    """Whether women own or lead the business: funders report on women-owned and women-led firms."""

    YES = "yes", _("Yes, women own or lead it")
    NO = "no", _("No")
    UNSAID = "unsaid", _("Prefer not to say")


class LearnerProfile(models.Model):
    """What a learner tells us about themselves and their business, and what they agreed to.

    Reports group by country, sector, stage, size and role, so these use the shared taxonomy
    and django-countries rather than free text.
    """

    user = models.OneToOneField(
        "accounts.User", on_delete=models.CASCADE, related_name="profile", verbose_name=_("user")
    )
    display_name = models.CharField(_("display name"), max_length=80, blank=True, validators=[validate_plain_name])
    certificate_name = models.CharField(
        _("name on certificates"),
        max_length=120,
        blank=True,
        validators=[validate_printable_name],
        help_text=_("Exactly as it should be printed on your certificates."),
    )
    country = CountryField(_("country"), blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=10, blank=True, choices=settings.LANGUAGES
    )
    sector = models.ForeignKey(
        "taxonomy.Sector",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("business sector"),
    )
    business_stage = models.ForeignKey(
        "taxonomy.BusinessStage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("business stage"),
    )
    business_size = models.CharField(_("business size"), max_length=10, blank=True, choices=BusinessSize.choices)
    role = models.CharField(_("role"), max_length=10, blank=True, choices=LearnerRole.choices)
    # Blank: not answered; "unsaid": the learner chose not to say. Reports count both apart.
    gender = models.CharField(_("gender"), max_length=10, blank=True, choices=Gender.choices)
    business_women_led = models.CharField(
        _("business owned or led by women"), max_length=10, blank=True, choices=WomenLed.choices
    )
    share_progress_with_partner = models.BooleanField(
        _("show my progress to the partner who runs a course"),
        default=False,
        help_text=_("If you agree, a course's partner sees your name and progress; otherwise only counts."),
    )
    newsletter = models.BooleanField(_("send me the newsletter"), default=False)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("learner profile")
        verbose_name_plural = _("learner profiles")

    def __str__(self):
        return self.display_name or str(self.user)
