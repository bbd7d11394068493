from django.urls import path

from network import views

app_name = "network"

urlpatterns = [
    path("network/join/", views.join, name="join"),
    path("network/join/thanks/", views.join_thanks, name="join_thanks"),
    path("network/experts/", views.expert_directory, name="experts"),
    path("network/experts/<id:expert_id>/", views.expert_detail, name="expert"),
    path("network/experts/<id:expert_id>/contact/", views.expert_contact, name="contact"),
    path("network/my-expert-profile/", views.expert_profile_edit, name="profile"),
    path("network/messages/", views.message_box, name="messages"),
    path("network/messages/<id:contact_id>/", views.message_detail, name="message"),
    path("network/messages/<id:contact_id>/answer/", views.message_answer, name="answer"),
]
