"""The admin's "Revoke" form: a reason, then certificate_revoke (POST only, behind the admin's login and CSRF)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from certificates.models import Certificate
from certificates.services import CertificateError, certificate_revoke


class CertificateRevokeForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=gettext_lazy("Kept in the revocation log; never shown on the public verification page."),
    )


class CertificateRevokeView(WagtailAdminTemplateMixin, FormView):
    """Ask for the reason (GET), revoke (POST); anyone without the "revoke" action gets a 403."""

    form_class = CertificateRevokeForm
    template_name = "certificates/admin/revoke.html"
    page_title = gettext_lazy("Revoke certificate")
    header_icon = "cross"
    http_method_names = ["get", "post"]
    permission_policy = None
    inspect_url_name = None
    index_url_name = None

    def dispatch(self, request, *args, **kwargs):
        if not self.permission_policy.user_has_permission(request.user, "revoke"):
            raise PermissionDenied
        self.object = get_object_or_404(Certificate, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(self.index_url_name), "label": Certificate._meta.verbose_name_plural.capitalize()},
            {"url": reverse(self.inspect_url_name, args=(self.object.pk,)), "label": str(self.object)},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["object"] = self.object
        context["inspect_url"] = reverse(self.inspect_url_name, args=(self.object.pk,))
        return context

    def form_valid(self, form):
        try:
            certificate_revoke(certificate=self.object, by=self.request.user, reason=form.cleaned_data["reason"])
        except CertificateError as error:
            form.add_error("reason", str(error))
            return self.form_invalid(form)
        messages.success(self.request, _("Certificate revoked: %(certificate)s") % {"certificate": self.object})
        return redirect(self.inspect_url_name, self.object.pk)
