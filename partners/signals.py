"""When a partner's page or the partners' index is translated, its permissions and workflow follow.

The rules live in `partners.services`; these receivers only call them. wagtail-localize creates a
translation with `copy_for_translation` (or an alias for a synchronised locale), which saves a new
page: that save is the one moment every path goes through.
"""

from django.db.models.signals import post_save
from django.dispatch import receiver

from partners import services
from partners.models import PartnerIndexPage, PartnerPage


@receiver(post_save, sender=PartnerPage, dispatch_uid="partners_partner_translation_created")
def partner_translation_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        services.partner_translation_permissions_grant(partner=instance)


@receiver(post_save, sender=PartnerIndexPage, dispatch_uid="partners_index_translation_created")
def partner_index_translation_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        services.partner_index_translation_workflow_ensure(index=instance)
