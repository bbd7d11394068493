from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from search.sitemaps import SiteSitemap
from trainingsite import views

urlpatterns = [
    # Wagtail's own login form would bypass allauth's rate limits: send it to allauth.
    path("admin/login/", RedirectView.as_view(pattern_name="account_login", query_string=True)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz/", views.health, name="health"),
    path("credentials/", include("certificates.credential_urls")),
    # Outside the language prefixes: one sitemap lists every language's pages.
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": SiteSitemap}}, name="sitemap"),
]

if settings.SERVE_MEDIA:
    urlpatterns.append(re_path(r"^media/(?P<path>.+)$", views.media_serve, name="media"))

# Everything a visitor reads is under a language prefix (none for the default language),
# so a shared link opens in the language it was shared in.
urlpatterns += i18n_patterns(
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("learning/", include("home.urls")),
    path("learning/", include("courses.urls")),
    path("learning/", include("assessments.urls")),
    path("", include("certificates.urls")),
    path("", include("library.urls")),
    path("", include("search.urls")),
    # Wagtail's URLs, with pages routed from the cache (base/page_route.py).
    path("", include("base.page_route")),
    prefix_default_language=False,
)
