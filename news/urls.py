from django.urls import path

from news import feeds

app_name = "news"

urlpatterns = [
    path("news/<id:index_id>/feed/rss/", feeds.NewsRssFeed(), name="feed_rss"),
    path("news/<id:index_id>/feed/atom/", feeds.NewsAtomFeed(), name="feed_atom"),
]
