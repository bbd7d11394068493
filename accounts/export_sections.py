"""The export section for the person's signed-in devices, and the reasons other apps'
user-linked models are left out. Apps with learning records (courses, assessments, library…)
register their own sections from their own ready().
"""

from allauth.usersessions.models import UserSession

from accounts.export import iso_or_none

# Models that point at a user but hold no record about them as a learner: each with why.
# Editors' and partners' authorship stays with the content it describes (and Wagtail shows it
# in the page history); transient admin state is deleted with the session.
NOT_EXPORTED = {
    "wagtailcore.Page": "page ownership and locks: authorship of site content, shown in the page history",
    "wagtailcore.Revision": "drafts of site content an editor saved: authorship, kept with the page history",
    "wagtailcore.PageLogEntry": "the editors' audit log of page changes: kept for accountability",
    "wagtailcore.ModelLogEntry": "the editors' audit log of snippet and setting changes: kept for accountability",
    "wagtailcore.WorkflowState": "moderation of content an editor submitted: part of the page's history",
    "wagtailcore.TaskState": "a reviewer's decision in moderation: part of the page's history",
    "wagtailcore.Comment": "editors' comments on a page draft: part of the page's history",
    "wagtailcore.CommentReply": "editors' replies to comments on a page draft: part of the page's history",
    "wagtailcore.PageSubscription": "an editor's choice to be notified of comments on a page; admin setting",
    "wagtailcore.UploadedFile": "a file being uploaded in the admin, deleted once the upload finishes",
    "wagtailcore.APIToken": "an API credential: a secret, never put in a download",
    "wagtailadmin.EditingSession": "which page an editor has open, deleted within minutes",
    "wagtailadmin.FormState": "an unsaved admin form kept for an editor, deleted once saved",
    "wagtailusers.UserProfile": "the editor's admin interface preferences (language, time zone, avatar, notices)",
    "wagtailimages.Image": "who uploaded an image to the media library: authorship of site content",
    "wagtaildocs.Document": "who uploaded a document to the media library: authorship of site content",
    "wagtail_localize.StringTranslation": "who last translated a text of the site: authorship of site content",
    "wagtail_localize.SegmentOverride": "who last overrode a translated segment: authorship of site content",
}


def session_export_list(user) -> list:
    """The devices the person is signed in on (allauth usersessions): address, browser, first and last seen.

    Never the session key or the session's data: those would let the file's holder sign in.
    """

    return [
        {
            "ip_address": session.ip,
            "user_agent": session.user_agent,
            "first_seen": iso_or_none(session.created_at),
            "last_seen": iso_or_none(session.last_seen_at),
        }
        for session in UserSession.objects.filter(user=user).order_by("created_at", "pk")
    ]
