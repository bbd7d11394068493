"""Topics, sectors and business stages, managed once by editors and shared by courses,
the libraries and learner profiles."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField


class TaxonomyTerm(TranslatableMixin, models.Model):
    """A named term with a URL-safe slug; translations share the translation_key."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80, allow_unicode=True)

    panels = [FieldPanel("name"), FieldPanel("slug")]
    # The name is translated; the slug is the term's stable id in filter URLs (`?topic=pricing`),
    # the same in every language, so a filtered link survives the language switch.
    translatable_fields = [TranslatableField("name"), SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class Topic(TaxonomyTerm):
    """What a course or resource teaches: pricing, marketing, export…"""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="taxonomy_topic_slug_unique_per_locale"),
        ]


class Sector(TaxonomyTerm):
    """The kind of business it is for: food processing, textiles, tourism…"""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="taxonomy_sector_slug_unique_per_locale"),
        ]


class BusinessStage(TaxonomyTerm):
    """Where a business is: idea, start-up, growth, export…"""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("business stage")
        verbose_name_plural = _("business stages")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="taxonomy_businessstage_slug_unique_per_locale"),
        ]
