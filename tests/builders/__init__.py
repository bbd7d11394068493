"""Test data builders, one module per domain, with unique defaults; import them from here.

    from tests.builders import make_course, make_learner

Fixtures stay in conftest.py files and call these. Each builder writes through the models or
the app's own services (never mocks) and returns what it made, published unless told otherwise.
"""

from tests.builders.accounts import PASSWORD, give_totp, make_admin_user, make_learner, signed_in_client, totp_code
from tests.builders.assessments import (
    QuizSetup,
    make_quiz,
    option,
    option_ids,
    q_multiple,
    q_numeric,
    q_single,
    q_true_false,
)
from tests.builders.certificates import make_certificate
from tests.builders.courses import (
    course_lessons,
    make_course,
    make_course_index,
    make_lesson,
    make_module,
    make_program,
    make_program_index,
)
from tests.builders.events import make_event, make_event_index
from tests.builders.i18n import make_translation
from tests.builders.library import make_attachment, make_library, make_resource
from tests.builders.network import application_data, make_application, make_expert
from tests.builders.news import make_news, make_news_index, make_project, make_project_index
from tests.builders.newsletter import make_issue, make_newsletter_index
from tests.builders.opportunities import make_board, make_interest, make_opportunity
from tests.builders.pages import (
    make_document,
    make_home,
    make_image,
    make_menu,
    make_private,
    make_standard_page,
    publish,
    root_collection,
    site_root,
)
from tests.builders.partners import make_editor, make_partner, make_partner_index, onboard
from tests.builders.taxonomy import make_term

__all__ = [
    "application_data",
    "make_application",
    "make_expert",
    "PASSWORD",
    "QuizSetup",
    "course_lessons",
    "give_totp",
    "make_admin_user",
    "make_board",
    "make_interest",
    "make_opportunity",
    "make_attachment",
    "make_certificate",
    "make_course",
    "make_course_index",
    "make_document",
    "make_editor",
    "make_event",
    "make_event_index",
    "make_home",
    "make_image",
    "make_issue",
    "make_learner",
    "make_lesson",
    "make_library",
    "make_menu",
    "make_module",
    "make_newsletter_index",
    "make_news",
    "make_news_index",
    "make_partner",
    "make_partner_index",
    "make_private",
    "make_project",
    "make_project_index",
    "make_program",
    "make_program_index",
    "make_quiz",
    "make_resource",
    "make_standard_page",
    "make_term",
    "make_translation",
    "onboard",
    "option",
    "option_ids",
    "publish",
    "signed_in_client",
    "q_multiple",
    "q_numeric",
    "q_single",
    "q_true_false",
    "root_collection",
    "site_root",
    "totp_code",
]
