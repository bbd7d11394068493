"""The learner profile form and the account-deletion confirmation."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts import selectors
from accounts.models import Gender, LearnerProfile, WomenLed
from accounts.services import PROFILE_FIELDS
from taxonomy.models import BusinessStage, Sector


class TermChoiceField(forms.ModelChoiceField):
    """A taxonomy term stored in the default language, labelled in the reader's language.

    Storing the source term keeps reports grouping one sector as one row whatever language
    the learner used when they chose it.
    """

    def __init__(self, *args, labels=None, **kwargs):
        self.labels = labels or {}
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj):
        return self.labels.get(obj.translation_key, obj.name)


class ProfileForm(forms.ModelForm):
    """What a learner tells us about themselves; every field may stay empty."""

    sector = TermChoiceField(queryset=Sector.objects.none(), required=False, label=_("Business sector"))
    business_stage = TermChoiceField(queryset=BusinessStage.objects.none(), required=False, label=_("Business stage"))
    # Radio buttons without an empty choice: leaving them all unticked saves "not answered".
    gender = forms.ChoiceField(choices=Gender.choices, required=False, widget=forms.RadioSelect, label=_("Your gender"))
    business_women_led = forms.ChoiceField(
        choices=WomenLed.choices,
        required=False,
        widget=forms.RadioSelect,
        label=_("Is your business owned or led by women?"),
    )

    class Meta:
        model = LearnerProfile
        fields = list(PROFILE_FIELDS)
        help_texts = {
            "display_name": _("How we greet you on the site."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, model in (("sector", Sector), ("business_stage", BusinessStage)):
            field = self.fields[name]
            field.queryset = selectors.profile_term_list(model)
            field.labels = selectors.term_labels_get(model)
        for name in ("display_name", "certificate_name"):
            self.fields[name].widget.attrs.update({"autocomplete": "name", "dir": "auto"})
        self.fields["country"].widget.attrs["autocomplete"] = "country"


class AccountDeleteForm(forms.Form):
    """An explicit yes: a required checkbox, since the deletion cannot be undone."""

    confirm = forms.BooleanField(
        label=_("I understand that my account and personal data will be deleted and that this cannot be undone."),
        required=True,
        error_messages={"required": _("Tick the box to confirm that you want to delete your account.")},
    )
