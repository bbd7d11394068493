from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TaxonomyConfig(AppConfig):
    name = "taxonomy"
    verbose_name = _("Taxonomy")

    def ready(self):
        from base.page_cache import page_cache_drop_on
        from taxonomy.models import BusinessStage, Sector, Topic

        # Filters and cards name the terms: a renamed term drops the cached pages and term lists.
        page_cache_drop_on(Topic, Sector, BusinessStage)
