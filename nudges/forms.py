"""The learner's choice of messages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts import selectors as account_selectors
from nudges.models import MessagePreference
from taxonomy.models import Topic


class TopicChoiceField(forms.ModelMultipleChoiceField):
    """Topics stored in the default language (as the profile stores its sector), labelled in the reader's."""

    def __init__(self, *args, labels=None, **kwargs):
        self.labels = labels or {}
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj):
        return self.labels.get(obj.translation_key, obj.name)


class MessagePreferenceForm(forms.ModelForm):
    """Which messages a learner wants; every box may stay unticked."""

    topics = TopicChoiceField(
        queryset=Topic.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Topics I want to hear about"),
        help_text=_("With your business sector, these choose which new courses we tell you about."),
    )

    class Meta:
        model = MessagePreference
        fields = ["welcome", "continue_learning", "course_complete", "new_courses", "topics"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["topics"]
        field.queryset = account_selectors.profile_term_list(Topic)
        field.labels = account_selectors.term_labels_get(Topic)
