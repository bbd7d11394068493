"""The admin's "Send" page of an issue: how many learners, in which languages; "Send a test to me" and "Send".

GET shows the page, POST (CSRF, the admin's login) does one of the two actions. Only editors
(newsletter.services.newsletter_can_send): a partner's team gets a 403, as does anyone else.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from newsletter import selectors, services
from newsletter.models import NewsletterDelivery, NewsletterIssuePage, NewsletterSend


class IssueSendView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "newsletter/admin/send.html"
    page_title = gettext_lazy("Send newsletter")
    header_icon = "mail"
    http_method_names = ["get", "post"]

    def dispatch(self, request, *args, **kwargs):
        self.issue = get_object_or_404(NewsletterIssuePage.objects.select_related("locale"), pk=kwargs["page_id"])
        if not services.newsletter_can_send(user=request.user, issue=self.issue):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.issue.title

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        send = NewsletterSend.objects.filter(issue_key=self.issue.translation_key).first()
        languages = selectors.recipient_languages_get()
        translated = set(
            NewsletterIssuePage.objects.live()
            .filter(translation_key=self.issue.translation_key)
            .values_list("locale__language_code", flat=True)
        )
        context.update(
            issue=self.issue,
            send=send,
            delivered=NewsletterDelivery.objects.filter(issue_key=self.issue.translation_key).aggregate(
                sent=Count("pk", filter=Q(sent_at__isnull=False)), failed=Count("pk", filter=~Q(error=""))
            ),
            recipients=sum(languages.values()),
            languages=sorted(
                ((code or "—", count, code in translated) for code, count in languages.items()), key=lambda row: row[0]
            ),
            edit_url=reverse("wagtailadmin_pages:edit", args=[self.issue.pk]),
        )
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        try:
            if action == "test":
                services.issue_test_send(issue=self.issue, user=request.user)
                messages.success(request, _("A test was sent to %(email)s.") % {"email": request.user.email})
            elif action == "send":
                services.issue_send(issue=self.issue, by=request.user)
                messages.success(request, _("The issue is being sent to the learners who asked for it."))
            else:
                messages.error(request, _("Choose “Send a test to me” or “Send”."))
        except services.NewsletterError as error:
            messages.error(request, str(error))
        return redirect("newsletter_send", self.issue.pk)
