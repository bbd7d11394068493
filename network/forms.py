from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from wagtail.images.fields import WagtailImageField

from accounts.validators import validate_plain_name
from base.filters import FilterForm
from network.models import SPOKEN_LANGUAGES
from network.validators import validate_plain_text
from partners.models import PartnerKind
from taxonomy.models import Sector, Topic
from taxonomy.selectors import term_list

PHOTO_MAX_BYTES = 2 * 1024 * 1024


class ApplicationForm(forms.Form):
    """The public "join the network" form; `homepage` is a trap field people never see or fill."""

    organisation = forms.CharField(
        label=_("Name of your organisation"), max_length=140, validators=[validate_plain_name]
    )
    kind = forms.ChoiceField(label=_("Type of organisation"), choices=[("", _("Choose…")), *PartnerKind.choices])
    country = forms.ChoiceField(label=_("Country"), choices=[("", _("Choose…")), *countries])
    website = forms.URLField(label=_("Website"), required=False, max_length=200, assume_scheme="https")
    contact_name = forms.CharField(label=_("Your name"), max_length=120, validators=[validate_plain_name])
    contact_email = forms.EmailField(label=_("Your email address"), max_length=254)
    offer = forms.CharField(
        label=_("What would you publish or offer?"),
        help_text=_("Courses, know-how, advice, funding, research, contacts… (2000 characters at most)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 6}),
        validators=[validate_plain_text],
    )
    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def is_spam(self) -> bool:
        return bool(self.data.get("homepage"))


def _language_choices():
    return sorted(((code, str(name)) for code, name in SPOKEN_LANGUAGES.items()), key=lambda item: item[1].casefold())


class ExpertProfileForm(forms.Form):
    """A member's own expert profile."""

    public_name = forms.CharField(label=_("Public name"), max_length=80, validators=[validate_plain_name])
    organisation = forms.CharField(
        label=_("Organisation"), max_length=140, required=False, validators=[validate_plain_name]
    )
    biography = forms.CharField(
        label=_("Short biography"),
        max_length=1500,
        widget=forms.Textarea(attrs={"rows": 6}),
        validators=[validate_plain_text],
        help_text=_("Plain text, 1500 characters at most. Do not put your email or phone here."),
    )
    topics = forms.ModelMultipleChoiceField(
        label=_("Expertise"), queryset=Topic.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )
    sectors = forms.ModelMultipleChoiceField(
        label=_("Sectors"), queryset=Sector.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )
    languages = forms.MultipleChoiceField(label=_("Languages you speak"), choices=_language_choices, required=False)
    countries = forms.MultipleChoiceField(label=_("Countries you know well"), choices=countries, required=False)
    photo = WagtailImageField(
        label=_("Photo"),
        required=False,
        help_text=_("Optional: a JPEG, PNG or WebP image, 2 MB at most."),
    )
    is_published = forms.BooleanField(label=_("Show my profile in the experts' directory"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topics"].queryset = Topic.objects.filter(pk__in=[term.pk for term in term_list(Topic)])
        self.fields["sectors"].queryset = Sector.objects.filter(pk__in=[term.pk for term in term_list(Sector)])
        self.fields["languages"].widget.attrs["size"] = 8
        self.fields["countries"].widget.attrs["size"] = 8

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if photo and photo.size > PHOTO_MAX_BYTES:
            raise forms.ValidationError(_("The photo is too large (2 MB at most)."))
        return photo


class ContactForm(forms.Form):
    message = forms.CharField(
        label=_("Your message"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 5}),
        validators=[validate_plain_text],
        help_text=_("Plain text, 1000 characters at most. Your email is shared only if the expert accepts."),
    )


class RejectForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the applicant"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[validate_plain_text],
    )


class ExpertFilterForm(FilterForm):
    """The experts' directory's GET filters; a value that matches no choice is dropped with a message."""

    ANY = {
        "topic": _("Any expertise"),
        "sector": _("Any sector"),
        "language": _("Any language"),
        "country": _("Any country"),
    }

    topic = forms.ChoiceField(label=_("Expertise"), required=False)
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    page = forms.IntegerField(label=_("Page"), required=False, min_value=1, max_value=100_000, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        options = {
            "topic": {term.slug: term for term in term_list(Topic)},
            "sector": {term.slug: term for term in term_list(Sector)},
            "language": dict(_language_choices()),
            "country": dict(countries),
        }
        super().__init__(*args, options=options, **kwargs)
