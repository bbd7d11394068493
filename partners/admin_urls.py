from django.urls import path

from partners import views

app_name = "partners_admin"

urlpatterns = [
    path("onboard/", views.onboard, name="onboard"),
    path("translations/<id:page_id>/submit/", views.translation_review_submit, name="translation_review_submit"),
]
