from django.urls import path

from partners import views

app_name = "partners_admin"

urlpatterns = [
    path("onboard/", views.onboard, name="onboard"),
    path("reports/", views.report, name="report"),
    path("reports/export/", views.report_export, name="report_export"),
]
