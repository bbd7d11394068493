"""Signals accounts sends to the apps above it (which it must never import).

`account_deleted` is sent by account_delete inside its transaction, once, after the person's
data in accounts is gone; receivers remove or revoke what their app holds about the user.
Kwargs: `user` (the anonymised, locked row).
"""

from django.dispatch import Signal

account_deleted = Signal()
