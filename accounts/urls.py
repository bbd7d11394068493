from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("welcome/", views.profile_complete, name="profile_complete"),
    path("me/", views.account, name="account"),
    path("me/export/", views.export, name="export"),
    path("me/delete/", views.delete, name="delete"),
    path("intent/<slug:action>/<id:target_id>/", views.intent_start, name="intent_start"),
]
