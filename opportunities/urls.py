from django.urls import path

from opportunities import views

app_name = "opportunities"

urlpatterns = [
    path("opportunities/", views.my_opportunities, name="mine"),
    path("opportunities/answers/<id:interest_id>/accept/", views.interest_accept, name="accept"),
    path("opportunities/<id:opportunity_id>/close/", views.opportunity_close, name="close"),
]
