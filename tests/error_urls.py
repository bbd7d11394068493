"""The site's URLs plus one view that fails, to see the 500 page."""

from django.urls import path

from trainingsite.urls import urlpatterns as site_urlpatterns


def broken_view(request):
    raise RuntimeError("secret-internal-detail")


urlpatterns = [path("boom/", broken_view), *site_urlpatterns]
