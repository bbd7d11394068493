from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button

from newsletter.models import NewsletterIssuePage
from newsletter.services import newsletter_can_send
from newsletter.views_admin import IssueSendView


@hooks.register("register_admin_urls")
def register_newsletter_urls():
    return [path("newsletter/<int:page_id>/send/", IssueSendView.as_view(), name="newsletter_send")]


def _send_button(page, user, priority):
    if page.specific_class is NewsletterIssuePage and newsletter_can_send(user=user, issue=page):
        yield Button(
            _("Send newsletter"), url=reverse("newsletter_send", args=[page.pk]), icon_name="mail", priority=priority
        )


@hooks.register("register_page_header_buttons")
def newsletter_header_button(page, user, view_name=None, next_url=None):
    yield from _send_button(page, user, 40)


@hooks.register("register_page_listing_more_buttons")
def newsletter_listing_button(page, user, next_url=None):
    yield from _send_button(page, user, 45)
