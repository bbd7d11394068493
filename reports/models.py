"""What reports record themselves: page views per page and day, nothing about the reader."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ViewedPageKind(models.TextChoices):
    COURSE = "course", _("Course")
    RESOURCE = "resource", _("Resource")


class PageViewDay(models.Model):
    """How many times a page (any language, by translation key) was served on a day.

    Counted on the server from `base.signals.page_viewed`; no address, cookie, user or agent is
    stored, so the count says nothing about who read.
    """

    page_key = models.UUIDField(_("page translation key"))
    kind = models.CharField(_("kind"), max_length=10, choices=ViewedPageKind.choices)
    day = models.DateField(_("day"))
    views = models.PositiveIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("page views on a day")
        verbose_name_plural = _("page views per day")
        constraints = [
            models.UniqueConstraint(fields=["page_key", "day"], name="reports_pageviewday_once_per_page_day"),
        ]
        indexes = [models.Index(fields=["kind", "day"], name="reports_pageviewday_kind_day")]

    def __str__(self):
        return f"{self.page_key} {self.day}: {self.views}"
