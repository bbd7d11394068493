from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News and insights")

    def ready(self):
        # Imported here, not at the top: Django loads apps.py before any model exists.
        from news.selectors import partner_news_list, project_news_list
        from partners.sections import partner_section_register
        from projects.sections import project_section_register

        partner_section_register("news", order=30, template="news/includes/partner_news.html", items=partner_news_list)
        project_section_register("news", order=10, template="news/includes/project_news.html", items=project_news_list)
