from django.urls import path

from library import feeds, views

app_name = "library"

urlpatterns = [
    path("library/<id:library_id>/feed/rss/", feeds.LibraryRssFeed(), name="feed_rss"),
    path("library/<id:library_id>/feed/atom/", feeds.LibraryAtomFeed(), name="feed_atom"),
    path("library/resources/<id:resource_id>/save/", views.reading_list_add, name="save"),
    path("library/resources/<id:resource_id>/unsave/", views.reading_list_remove, name="unsave"),
    path(
        "library/resources/<id:resource_id>/documents/<id:attachment_id>/",
        views.document_serve,
        name="document",
    ),
]
