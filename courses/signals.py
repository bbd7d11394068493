"""Signals courses sends to the apps above it (which it must never import).

`course_completed` is sent by enrollment_completion_check, inside the completing transaction,
exactly once per enrolment: when its completion time is written. Every way of completing a
course (a lesson, a passed quiz, a later assignment review or admin action) goes through that
one check, so a receiver sees them all. Kwargs: `enrollment`, `course` (the page completed on).
"""

from django.dispatch import Signal

course_completed = Signal()
