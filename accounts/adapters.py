"""allauth's account adapter, plus one step: an intent kept through sign-up or log-in is done after it (issue 20)."""

from allauth.account.adapter import DefaultAccountAdapter
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.utils.translation import gettext_lazy as _

from accounts.intents import SESSION_KEY, intent_load, intent_run

DROPPED_MESSAGE = _(
    "What you chose before logging in had expired or could not be read, so nothing was done. Please choose it again."
)


class AccountAdapter(DefaultAccountAdapter):
    def post_login(self, request, user, **kwargs):
        """After any login (sign-up and email code included), do the visitor's intent once and go where it says."""
        response = super().post_login(request, user, **kwargs)
        if SESSION_KEY not in request.session or not isinstance(response, HttpResponseRedirect):
            return response
        # Popped before it runs: a replayed request or a second login finds nothing to do.
        intent = intent_load(request.session.pop(SESSION_KEY))
        if intent is None:
            messages.warning(request, DROPPED_MESSAGE)
            return response
        outcome = intent_run(user=user, intent=intent)
        messages.add_message(request, outcome.level, outcome.message)
        return HttpResponseRedirect(outcome.url)
