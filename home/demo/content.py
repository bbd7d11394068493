"""What the demo site says: the home page, the standard pages, menus, footer and partners."""

# Bodies are raw StreamField data; PageRef and ImageRef stand for pages and images that
# only get their ids when the demo is loaded (home.demo.pages).

from dataclasses import dataclass

from home.demo import images

ORGANISATION = "International Alliance of Crafts and Small Enterprises"
CONTACT_EMAIL = "academy@example.org"
PRIVACY_EMAIL = "privacy@example.org"


@dataclass(frozen=True)
class PageRef:
    """A page of the demo, by its slug under the home page (None for the home page itself)."""

    slug: str | None


@dataclass(frozen=True)
class ImageRef:
    """A demo image, by its key in home.demo.images."""

    key: str


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(html):
    return {"type": "paragraph", "value": html}


def picture(key, *, alt, caption=""):
    return {
        "type": "image",
        "value": {"image": {"image": ImageRef(key), "decorative": False, "alt_text": alt}, "caption": caption},
    }


def callout(text_html, *, kind="tip", title=""):
    return {"type": "callout", "value": {"kind": kind, "title": title, "text": text_html}}


def quote(text, *, attribution=""):
    return {"type": "quote", "value": {"quote": text, "attribution": attribution}}


def link(slug, label=""):
    return {"page": PageRef(slug), "url": "", "label": label}


def call_to_action(title, text, *, to, label):
    return {"type": "call_to_action", "value": {"title": title, "text": text, "link": link(to, label)}}


def mailto(address):
    return f'<a href="mailto:{address}">{address}</a>'


@dataclass(frozen=True)
class Partner:
    """A fictional partner university and its drawn logo."""

    name: str
    region: str
    logo: images.ImageSpec


def _partner(name, region, initials, wordmark, colour, shape):
    logo = images.ImageSpec(
        key=f"logo_{initials.lower()}",
        title=f"{name} logo",
        description=f"{name} logo",
        filename=f"demo-logo-{initials.lower()}.png",
        draw=images.draw_logo(initials, wordmark, colour, shape),
    )
    return Partner(name=name, region=region, logo=logo)


# Fictional institutions, one per region the academy's learners come from.
PARTNERS = [
    _partner("Riverbend University of Applied Sciences", "Europe", "RU", "RIVERBEND", images.NAVY, "circle"),
    _partner("Savanna Institute of Enterprise", "East Africa", "SIE", "SAVANNA", images.GREEN, "shield"),
    _partner("Instituto Tecnológico Valle Verde", "Latin America", "ITV", "VALLE VERDE", images.TEAL, "hexagon"),
    _partner("Lotus Bay University", "South-east Asia", "LBU", "LOTUS BAY", images.PLUM, "square"),
]

IMAGES = [
    images.HERO,
    images.PHONE_LESSON,
    images.CERTIFICATE,
    images.PARTNER_NETWORK,
    images.TEAM_TABLE,
    *[partner.logo for partner in PARTNERS],
]


HOME = {
    "title": "Home",
    "hero_title": "Learn what your business needs next, one short lesson at a time",
    "hero_text": (
        "Free courses for people who run a small firm or a craft workshop, written with universities "
        "and checked by our editors. Each lesson takes about ten minutes on any phone, even on a slow "
        "connection. Finish a course and get a certificate that anyone can check."
    ),
    "hero_image": ImageRef("hero"),
    "hero_link": PageRef("how-it-works"),
    "hero_link_label": "See how it works",
    "search_description": "Free, practical courses for small businesses and crafts, made for learning on a phone.",
    "body": [
        {
            "type": "featured_pages",
            "value": {
                "heading": "Start here",
                "intro": "New to the academy? These pages explain how learning works, who writes the courses "
                "and who we are.",
                "pages": [PageRef("how-it-works"), PageRef("for-partners"), PageRef("about")],
            },
        },
        call_to_action(
            "Ready for your first lesson?",
            "Create a free account with your email address. Your progress is saved after every lesson, so "
            "you can stop when a customer walks in and carry on later.",
            to="how-it-works",
            label="How to get started",
        ),
        {
            "type": "partners",
            "value": {
                "heading": "Our academic partners",
                "intro": "Courses are written by teachers at universities in "
                + ", ".join(partner.region for partner in PARTNERS[:-1])
                + f" and {PARTNERS[-1].region}, and reviewed by our editors before they go live.",
                "partners": [
                    {"name": partner.name, "logo": ImageRef(partner.logo.key)} for partner in PARTNERS
                ],
            },
        },
    ],
}


HOW_IT_WORKS = {
    "slug": "how-it-works",
    "title": "How it works",
    "intro": (
        "The SME Academy is a free school for people who run a small business or a craft workshop. "
        "You learn in short lessons on your phone, check yourself with a quiz and earn a certificate "
        "you can show to a bank, a buyer or a customer."
    ),
    "image": ImageRef("phone_lesson"),
    "body": [
        heading("1. Create a free account"),
        paragraph(
            "<p>All you need is an email address. We send a short code to it to confirm that it is yours, "
            "so nobody can sign up in your name. There is no fee, no subscription and no card to enter: "
            "the academy is paid for by its member associations and partner universities.</p>"
        ),
        heading("2. Pick a course"),
        paragraph(
            "<p>Courses are grouped by what you want to achieve: keeping simple accounts, pricing your "
            "work, finding buyers, hiring your first employee, selling online. Each course page says how "
            "many lessons it has, roughly how long they take and which partner wrote it.</p>"
        ),
        heading("3. Learn lesson by lesson"),
        paragraph(
            "<p>A lesson is one short page of text and pictures that you can read in about ten minutes. "
            "When you have finished, mark it as done. The academy remembers where you stopped, on any "
            "phone or computer you log in from, so you can learn between customers and pick up the next "
            "lesson in the evening.</p>"
        ),
        callout(
            "<p>Lessons are mostly text and small pictures, so they load quickly on a slow mobile "
            "connection and use little of your data bundle. Where a lesson links to a video, its key "
            "points are written out below it.</p>",
            title="Made for phones and small data bundles",
        ),
        heading("4. Check what you learned"),
        paragraph(
            "<p>Most courses end with a short quiz with practical questions: what would you charge for "
            "this order, which of these costs belongs in your cash book. If you do not pass the first "
            "time, read the lessons again and take the quiz once more; your best result counts.</p>"
        ),
        heading("5. Get your certificate"),
        paragraph(
            "<p>When you have completed every lesson and passed the quiz, you receive a certificate with "
            "your name, the course, the date and a short verification code. Anyone you show it to, a "
            "loan officer, a buyer or an employer, can enter the code on this site and see at once that "
            "the certificate is genuine. Nobody needs to phone us.</p>"
        ),
        picture(
            "certificate",
            alt="A course certificate with a verification code, checked with a green tick",
            caption="Every certificate carries a code that anyone can check on this site.",
        ),
        call_to_action(
            "Questions before you start?",
            "Write to us. We usually answer within two working days.",
            to="contact",
            label="Contact us",
        ),
    ],
}


FOR_PARTNERS = {
    "slug": "for-partners",
    "title": "For partners",
    "intro": (
        "Universities, training institutes and business associations publish courses on the SME "
        "Academy. You bring the expertise; we bring the learners, the platform and an editorial review."
    ),
    "image": ImageRef("partner_network"),
    "body": [
        heading("Who we work with"),
        paragraph(
            "<p>Our partners are universities and training institutes that teach entrepreneurship, "
            "management or a craft, and business associations that know what their members struggle "
            "with. Each partner has its own section on the site, and its name appears on every course it "
            "publishes and on every certificate that course leads to.</p>"
        ),
        heading("How a course gets published"),
        paragraph(
            "<ol>"
            "<li>Your authors write the lessons and the quiz in the academy's editor, in any of the "
            "languages the site offers.</li>"
            "<li>When the course is ready, you submit it for review.</li>"
            "<li>One of our editors reads it with a learner's eyes: is it correct, practical, clear and "
            "easy to read on a small screen? Comments come back to you in the editor.</li>"
            "<li>Once approved, the course goes live and learners can enrol. Later changes are reviewed "
            "the same way, so a course never changes under a learner without a check.</li>"
            "</ol>"
        ),
        callout(
            "<p>Learners, banks and employers trust a certificate only if the course behind it is sound. "
            "The review is not about style: it checks that the advice is accurate, that the examples fit "
            "a small firm and that nothing is copied from elsewhere.</p>",
            kind="note",
            title="Why every course is reviewed",
        ),
        heading("What partners get"),
        paragraph(
            "<ul>"
            "<li><b>Reach:</b> learners in many countries who would never travel to a campus.</li>"
            "<li><b>Feedback:</b> how many learners start and finish each lesson, and where they give up, "
            "as totals that never name a learner.</li>"
            "<li><b>Recognition:</b> your name on the course and on the certificates it leads to.</li>"
            "</ul>"
        ),
        quote(
            "We used to teach bookkeeping to thirty people a term in one city. In its first year on the "
            "academy, tailors, bakers and mechanics in five countries took the same course.",
            attribution="Course lead, Riverbend University of Applied Sciences",
        ),
        call_to_action(
            "Would you like to publish a course?",
            "Tell us about your institution and the topics you teach, and we will send you our short "
            "guide for authors.",
            to="contact",
            label="Get in touch",
        ),
    ],
}


ABOUT = {
    "slug": "about",
    "title": "About us",
    "intro": (
        f"The SME Academy is run by the {ORGANISATION}, a federation of business associations, "
        "together with partner universities on four continents."
    ),
    "image": ImageRef("team_table"),
    "body": [
        heading("Why the academy exists"),
        paragraph(
            "<p>Most businesses in the world are small: a bakery, a carpentry shop, a family guest house. "
            "Their owners learn by doing, and often nobody has ever shown them how to cost a product or "
            "read a loan offer. Good training exists, but it tends to sit in capital cities, cost money "
            "and assume a laptop.</p>"
            "<p>The academy brings that training to where people already are: on their phone, in the gaps "
            "of a working day, in their own language.</p>"
        ),
        heading("What we hold to"),
        paragraph(
            "<ul>"
            "<li><b>Free to learn.</b> No learner pays for a course or a certificate.</li>"
            "<li><b>Practical first.</b> Every lesson should help with a decision the learner faces this "
            "month.</li>"
            "<li><b>Proof that travels.</b> Anyone, anywhere, can check a certificate without a phone "
            "call.</li>"
            "<li><b>Privacy.</b> We keep only what the academy needs to work, and we do not track you "
            "across the web.</li>"
            "</ul>"
        ),
        quote(
            "I did the pricing course between customers, on my phone. For the first time I know which of "
            "my products actually make money.",
            attribution="Learner, owner of a tailoring workshop",
        ),
        heading("Who does the work"),
        paragraph(
            "<p>A small editorial team at the Alliance's secretariat reviews every course, looks after the "
            "site and answers your messages. The lessons themselves come from teachers at our partner "
            "universities, who write them and keep them up to date.</p>"
        ),
        call_to_action(
            "Teach with us",
            "If you teach, or if your association could publish a course, we would like to hear from you.",
            to="for-partners",
            label="Information for partners",
        ),
    ],
}


CONTACT = {
    "slug": "contact",
    "title": "Contact",
    "intro": (
        "The academy team answers questions from learners and partners by email. We read every message "
        "and usually reply within two working days."
    ),
    "image": None,
    "body": [
        heading("Write to us"),
        paragraph(
            f"<p>Email: {mailto(CONTACT_EMAIL)}</p>"
            "<p>Please tell us which course you are asking about and, if something does not work, which "
            "phone or browser you use. Never send us your password: we will never ask for it.</p>"
        ),
        heading("Before you write"),
        paragraph(
            "<ul>"
            "<li><b>No sign-up code arrived?</b> Look in your spam folder, then ask for a new code on the "
            "sign-up page. Codes are only valid for a short time.</li>"
            "<li><b>Lost access to your email address?</b> Write to us from your new address and tell us "
            "the old one; we will help you move your account.</li>"
            "<li><b>Found a mistake in a lesson?</b> Tell us the course and the lesson title. Our editors "
            "check it with the partner who wrote it.</li>"
            "</ul>"
        ),
        callout(
            f"<p>Questions about your data go to {mailto(PRIVACY_EMAIL)}. The privacy notice explains what "
            "we store and how to download or delete it.</p>",
            kind="note",
            title="Privacy questions",
        ),
        call_to_action(
            "Publishing a course?",
            "Universities and associations will find how partnerships work on our page for partners.",
            to="for-partners",
            label="Information for partners",
        ),
    ],
}


PRIVACY = {
    "slug": "privacy",
    "title": "Privacy notice",
    "intro": (
        "What the SME Academy stores about you, why, for how long, and how you can download your data or "
        "have it deleted, in plain words."
    ),
    "image": None,
    "body": [
        heading("What we store"),
        paragraph(
            "<ul>"
            "<li><b>Your email address</b> and your password in scrambled (hashed) form, so that you can "
            "log in. Nobody at the academy can read your password.</li>"
            "<li><b>Your name</b>, if you give it, so that it can be printed on your certificates.</li>"
            "<li><b>Your progress</b>: the courses you enrolled in, the lessons you completed and when.</li>"
            "<li><b>Your quiz attempts</b>: your answers, your score and the date of each attempt, so "
            "that we can show your best result and tell whether you passed.</li>"
            "<li><b>Your certificates</b>: the course, the date and the verification code.</li>"
            "</ul>"
        ),
        heading("What we do not do"),
        paragraph(
            "<p>There are no advertising or analytics trackers on this site, no social media buttons that "
            "report your visit, and no fonts or scripts loaded from other companies' servers. We do not "
            "sell your data or share it with anyone for marketing.</p>"
            "<p>We set only the cookies the site needs to work: one that keeps you logged in, one that "
            "protects forms against misuse, and one that remembers your language if you pick one.</p>"
        ),
        heading("Who can see your data"),
        paragraph(
            "<p>Academy staff can see your account, progress and quiz attempts when they need to help you "
            "or fix a problem. Partner universities see totals for their courses, such as how many "
            "learners finished a lesson, never your name or email address. Someone who checks one of your "
            "certificates with its code sees your name, the course and the date, nothing more.</p>"
        ),
        heading("How long we keep it"),
        paragraph(
            "<p>We keep your data for as long as you have an account. When you delete your account, we "
            "delete your email address, name, progress, quiz attempts and certificates. After that your "
            "certificate codes no longer check out, so download your certificates first if you still "
            "need them.</p>"
        ),
        callout(
            "<p>Like any website, our servers write technical logs (the address a request came from, the "
            "time and the page asked for) to keep the site secure and working. They are deleted after "
            "14 days.</p>",
            kind="note",
            title="Server logs",
        ),
        heading("Download or delete your data"),
        paragraph(
            "<p>On your account page you can download everything we store about you as one file, and "
            f"delete your account. If you can no longer log in, write to {mailto(PRIVACY_EMAIL)} from the "
            "address you signed up with, and we will do it for you within 30 days.</p>"
            f"<p>The {ORGANISATION} is responsible for your data on this site.</p>"
        ),
    ],
}


TERMS = {
    "slug": "terms",
    "title": "Terms of use",
    "intro": "The rules for using the SME Academy, kept short. By creating an account you accept them.",
    "image": None,
    "body": [
        heading("Using the academy"),
        paragraph(
            "<p>The academy is free for learners. You may use the courses to learn and to train your own "
            "staff, and print lessons for your own use. Please do not republish course material "
            "elsewhere without asking the partner who wrote it.</p>"
        ),
        heading("Your account"),
        paragraph(
            "<p>One account per person. Keep your password to yourself: you are responsible for what is "
            "done with your account. If you think someone else has used it, change your password and "
            "tell us.</p>"
        ),
        heading("Certificates"),
        paragraph(
            "<p>A certificate shows that you completed a course on the academy and passed its quiz. It is "
            "not a university degree or a professional licence. We may withdraw a certificate that was "
            "obtained dishonestly, for example with someone else's account; anyone who checks its code "
            "will then see that it was withdrawn.</p>"
        ),
        heading("Course content"),
        callout(
            "<p>Courses are written by our partners and reviewed by our editors with care, but general "
            "advice cannot fit every business. Check big decisions, such as taking a loan or signing a "
            "lease, with an adviser you trust.</p>",
            kind="warning",
            title="Advice, not a guarantee",
        ),
        heading("Changes to these terms"),
        paragraph(
            "<p>If we change these terms in a way that matters to you, we will tell you by email before "
            "the change applies.</p>"
        ),
    ],
}


# In the order they appear in the page tree.
STANDARD_PAGES = [HOW_IT_WORKS, FOR_PARTNERS, ABOUT, CONTACT, PRIVACY, TERMS]

MENUS = {
    "main": [
        link("how-it-works"),
        link("for-partners"),
        link("about"),
        link("contact"),
    ],
    "footer": [
        link("about"),
        link("contact"),
        link("privacy", "Privacy"),
        link("terms", "Terms"),
    ],
}

FOOTER_TEXT = (
    f"<p>The SME Academy is run by the {ORGANISATION} (demo content). "
    f"Questions and feedback: {mailto(CONTACT_EMAIL)}</p>"
)
