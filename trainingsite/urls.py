from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.urls import serve_pattern

from accounts import views as accounts_views
from search.sitemaps import SiteSitemap
from trainingsite import views

WAGTAIL_UTIL_URLS = [pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"]

urlpatterns = [
    # Wagtail's own login form would bypass allauth's rate limits: send it to allauth.
    path("admin/login/", RedirectView.as_view(pattern_name="account_login", query_string=True)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz/", views.health, name="health"),
    path("credentials/", include("certificates.credential_urls")),
    # Outside the language prefixes: one sitemap lists every language's pages.
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": SiteSitemap}}, name="sitemap"),
    # The switcher posts here: one address for every language, never cached.
    path("language/", views.language_choose, name="language_choose"),
    # Outside the language prefixes too: mail clients post the one-click unsubscribe here (RFC 8058),
    # and a redirect to a language would lose the POST.
    path("newsletter/", include("newsletter.urls")),
    # The one-click unsubscribe of each kind of message to learners (nudges/emails.py): any list a token names.
    path("messages/unsubscribe/<str:token>/", accounts_views.unsubscribe, name="messages_unsubscribe"),
]

if settings.SERVE_MEDIA:
    urlpatterns.append(re_path(r"^media/(?P<path>.+)$", views.media_serve, name="media"))

# Everything a visitor reads is under a language prefix (none for the default language),
# so a shared link opens in the language it was shared in.
urlpatterns += i18n_patterns(
    path("accounts/", include("accounts.urls")),
    path("accounts/me/messages/", include("nudges.urls")),
    path("accounts/", include("allauth.urls")),
    path("learning/", include("home.urls")),
    path("learning/", include("courses.urls")),
    path("learning/", include("assessments.urls")),
    path("learning/", include("opportunities.urls")),
    path("", include("certificates.urls")),
    path("", include("library.urls")),
    path("", include("events.urls")),
    path("", include("network.urls")),
    path("", include("news.urls")),
    path("", include("search.urls")),
    # Wagtail's page views (_util/: page passwords) and then pages, routed from the cache
    # (base/page_route.py) and served with the default-language page where a language has no
    # translation yet.
    path("", include(WAGTAIL_UTIL_URLS)),
    re_path(serve_pattern, views.page_serve, name="wagtail_serve"),
    prefix_default_language=False,
)
