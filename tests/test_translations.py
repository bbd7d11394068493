"""The interface catalogs: they compile, are complete and current, keep placeholders and the glossary.

Runnable alone: `.venv/bin/python -m pytest tests/test_translations.py -q -n 0`. Every check reads
locale/<lang>/LC_MESSAGES/django.po (the glossary is locale/glossary.md); none needs a database.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "locale"
LANGUAGES = ["fr", "es", "ar", "ru", "zh_Hans", "tr", "ka"]

# The project's command, as README "Translations" gives it; the up-to-date check runs the same one.
MAKEMESSAGES = [
    "manage.py",
    "makemessages",
    "-a",
    "--no-location",
    "--no-obsolete",
    "--ignore=.venv",
    "--ignore=node_modules",
    "--ignore=var",
    "--ignore=tests",
]
MAKEMESSAGES_HINT = "DEBUG=1 .venv/bin/python " + " ".join(MAKEMESSAGES)

# CLDR plural rules, as GNU gettext writes them.
PLURAL_FORMS = {
    "fr": "nplurals=2; plural=(n > 1);",
    "es": "nplurals=2; plural=(n != 1);",
    "ar": ("nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);"),
    "ru": ("nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"),
    "zh_Hans": "nplurals=1; plural=0;",
    "tr": "nplurals=2; plural=(n != 1);",
    "ka": "nplurals=2; plural=(n != 1);",
}


def _po(lang):
    return polib.pofile(str(LOCALE / lang / "LC_MESSAGES" / "django.po"))


def _entries(lang):
    return [e for e in _po(lang) if not e.obsolete]


def _where(entry):
    return (f"[{entry.msgctxt}] " if entry.msgctxt else "") + entry.msgid[:70]


# --- compiles, complete, plural forms ------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalog_compiles_with_msgfmt_check(lang, tmp_path):
    po = LOCALE / lang / "LC_MESSAGES" / "django.po"
    done = subprocess.run(
        ["msgfmt", "--check", "-o", str(tmp_path / "django.mo"), str(po)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalog_has_no_fuzzy_or_untranslated_entry(lang):
    entries = _entries(lang)
    fuzzy = [_where(e) for e in entries if e.fuzzy]
    empty = [_where(e) for e in entries if not e.translated() and not e.fuzzy]
    assert not fuzzy, f"{lang}: fuzzy entries {fuzzy}"
    assert not empty, f"{lang}: untranslated entries {empty}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalog_has_the_plural_rule_of_its_language(lang):
    header = " ".join(_po(lang).metadata["Plural-Forms"].split())
    assert header == PLURAL_FORMS[lang]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_plural_entry_has_every_form_of_its_language(lang):
    nplurals = int(re.search(r"nplurals=(\d+)", PLURAL_FORMS[lang]).group(1))
    wrong = [
        (_where(e), sorted(e.msgstr_plural))
        for e in _entries(lang)
        if e.msgid_plural and (sorted(e.msgstr_plural) != list(range(nplurals)) or not all(e.msgstr_plural.values()))
    ]
    assert not wrong, f"{lang}: plural entries without their {nplurals} forms: {wrong}"


# --- placeholders and markup kept ----------------------------------------------------------

PLACEHOLDER = re.compile(r"%\(\w+\)[sdfi]|%[sdfi]|\{\w*\}")
TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)\b")


def _pairs(entry):
    """(source, translation) pairs: one per form of a plural entry."""
    if entry.msgid_plural:
        for index, text in sorted(entry.msgstr_plural.items()):
            yield (entry.msgid if index == 0 and len(entry.msgstr_plural) > 1 else entry.msgid_plural), text
    else:
        yield entry.msgid, entry.msgstr


def _named(text):
    return sorted(set(PLACEHOLDER.findall(text)))


# Plural forms that name their number in words, where the count may be left out: Arabic's
# zero, one and two ("ساعة واحدة", "ساعتان"). Every other form keeps every placeholder.
FORMS_WITHOUT_COUNT = {"ar": {0, 1, 2}}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_translations_keep_the_placeholders_of_their_source(lang):
    wrong = []
    for entry in _entries(lang):
        for index, (source, text) in enumerate(_pairs(entry)):
            want, got = _named(source), _named(text)
            if want == got:
                continue
            if index in FORMS_WITHOUT_COUNT.get(lang, set()) and set(got) <= set(want) and len(want) - len(got) == 1:
                continue
            wrong.append((_where(entry), index, want, got))
    assert not wrong, f"{lang}: placeholders differ from the source: {wrong}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_translations_keep_the_html_tags_of_their_source(lang):
    wrong = []
    for entry in _entries(lang):
        for source, text in _pairs(entry):
            want, got = sorted(TAG.findall(source)), sorted(TAG.findall(text))
            if want != got:
                wrong.append((_where(entry), want, got))
    assert not wrong, f"{lang}: HTML tags differ from the source: {wrong}"


# --- the glossary ----------------------------------------------------------------------------

# Must-use terms from locale/glossary.md: a msgid matching the English pattern has, in each
# language, a msgstr matching the chosen term (a stem, so that case and number endings pass).
# Only terms whose translation does not change with grammar beyond a stem are listed.
LEARNER = r"\blearners?\b"
PROGRAMME = r"\bprogram(me)?s?\b"
GLOSSARY = {
    LEARNER: {
        "fr": r"apprenant",
        "es": r"estudiante",
        "ar": r"متعل",
        "ru": r"учащ",
        "zh_Hans": r"学员",
        "tr": r"katılımcı",
        "ka": r"მსმენელ",
    },
    r"\benrol(l?ed|ling|ments?|s)?\b": {
        "fr": r"inscri",
        "es": r"inscr[ií]",
        "ar": r"سج|تسجيل",
        "ru": r"запи[сш]",
        "zh_Hans": r"报名",
        "tr": r"kay[ıd]",
        "ka": r"ჩა\w*წერ",
    },
    r"\breading list\b": {
        "fr": r"liste de lecture",
        "es": r"lista de lectura",
        "ar": r"قائمة القراءة|قائمة قراءت",
        "ru": r"спис\w* для чтения",
        "zh_Hans": r"阅读清单",
        "tr": r"okuma liste",
        "ka": r"წასაკითხ",
    },
    r"\bresources?\b": {
        "fr": r"ressource",
        "es": r"recurso",
        "ar": r"مورد|موارد",
        "ru": r"материал",
        "zh_Hans": r"资源",
        "tr": r"kayna[kğ]",
        "ka": r"რესურს",
    },
    r"\bcertificates?\b": {
        "fr": r"certificat",
        "es": r"certificado",
        "ar": r"شهاد",
        "ru": r"сертификат",
        "zh_Hans": r"证书",
        "tr": r"sertifika",
        "ka": r"სერტიფიკატ",
    },
    r"\bquiz(zes)?\b": {
        "fr": r"quiz",
        "es": r"cuestionario",
        "ar": r"اختبار|اختبارات",
        "ru": r"тест",
        "zh_Hans": r"测验",
        "tr": r"test",
        "ka": r"ტესტ",
    },
    r"\bpartners?\b": {
        "fr": r"partenaire",
        "es": r"socio",
        "ar": r"شريك|شركا",
        "ru": r"партн[её]р",
        "zh_Hans": r"合作伙伴",
        "tr": r"orta[kğ]",
        "ka": r"პარტნიორ",
    },
    r"\blessons?\b": {
        "fr": r"leçon",
        "es": r"lecci[oó]n",
        "ar": r"درس|دروس",
        "ru": r"урок",
        "zh_Hans": r"课时",
        "tr": r"ders",
        "ka": r"გაკვეთილ",
    },
    r"\bcourses?\b": {
        "fr": r"cours",
        "es": r"curso",
        "ar": r"دور[ةاتي]",
        "ru": r"курс",
        "zh_Hans": r"课程",
        "tr": r"kurs",
        "ka": r"კურს",
    },
    PROGRAMME: {
        "fr": r"programme",
        "es": r"programa",
        "ar": r"برنامج|برامج",
        "ru": r"программ",
        "zh_Hans": r"培训项目",
        "tr": r"program",
        "ka": r"პროგრამ",
    },
}

# (language, English pattern, msgid) where the sentence rightly does without the term, with why.
GLOSSARY_EXCEPTIONS = {
    # An event's programme is its schedule: 日程 in Chinese, not 培训项目 (a training programme).
    ("zh_Hans", PROGRAMME, "Programme item"),
    ("zh_Hans", PROGRAMME, "The programme, and a calendar file to add it to your calendar:"),
    # "for enrolled learners": Arabic and Russian say "for those enrolled in the course".
    ("ar", LEARNER, "This quiz is for enrolled learners"),
    ("ar", LEARNER, "This lesson is for enrolled learners"),
    ("ru", LEARNER, "This quiz is for enrolled learners"),
    ("ru", LEARNER, "This lesson is for enrolled learners"),
    # "A question that few learners get right": Russian says "that few answer right".
    (
        "ru",
        LEARNER,
        "Attempts in every language of this quiz are counted. A question that few learners get right, "
        "or a wrong option that many pick, may be unclear.",
    ),
}


def _glossary_misses(lang):
    misses = []
    for entry in _entries(lang):
        for english, by_language in GLOSSARY.items():
            if (lang, english, entry.msgid) in GLOSSARY_EXCEPTIONS:
                continue
            for source, text in _pairs(entry):
                source = PLACEHOLDER.sub(" ", source)  # "%(partner)s" is a name, not the word
                if re.search(english, source, re.IGNORECASE) and not re.search(by_language[lang], text, re.IGNORECASE):
                    misses.append((english, _where(entry), text[:70]))
                    break
    return misses


@pytest.mark.parametrize("lang", LANGUAGES)
def test_glossary_terms_are_translated_as_the_glossary_says(lang):
    misses = _glossary_misses(lang)
    assert not misses, f"{lang}: strings that do not use the glossary's term (locale/glossary.md): {misses}"


# The informal address the glossary rules out (vous, usted, вы, 您): words that only the informal
# register uses, so a match is never a false alarm.
INFORMAL = {
    "fr": r"\b(tu|ton|tes|toi|t'as)\b",
    "es": r"\b(tú|tu|tus|ti|puedes|tienes|quieres|debes)\b",
    "ru": r"\b(ты|тебя|тебе|тобой|твой|твоя|твоё|твои|твоих)\b",
    "zh_Hans": r"你",
}


@pytest.mark.parametrize("lang", sorted(INFORMAL))
def test_translations_keep_the_formal_register(lang):
    informal = [
        (_where(entry), text[:70])
        for entry in _entries(lang)
        for _source, text in _pairs(entry)
        if re.search(INFORMAL[lang], text, re.IGNORECASE)
    ]
    assert not informal, f"{lang}: informal address, against locale/glossary.md: {informal}"


# --- up to date with the code ----------------------------------------------------------------


def test_catalogs_hold_every_string_marked_in_the_code(tmp_path):
    """makemessages, run on a copy of the sources, finds no message the catalogs lack."""
    copy = tmp_path / "src"
    ignore = shutil.ignore_patterns(".venv", "node_modules", "var", ".git", "__pycache__", "*.mo", "tests")
    shutil.copytree(ROOT, copy, ignore=ignore, symlinks=True)
    env = {**os.environ, "DEBUG": "1", "DJANGO_SETTINGS_MODULE": "trainingsite.settings"}
    done = subprocess.run(
        [sys.executable, *MAKEMESSAGES[:2], "-l", "fr", *MAKEMESSAGES[3:]],
        cwd=copy,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    extracted = {(e.msgctxt, e.msgid) for e in polib.pofile(str(copy / "locale/fr/LC_MESSAGES/django.po"))}
    missing = {}
    for lang in LANGUAGES:
        have = {(e.msgctxt, e.msgid) for e in _entries(lang)}
        gone = sorted(msgid for _, msgid in extracted - have)
        if gone:
            missing[lang] = gone
    assert not missing, f"strings marked in the code but missing from the catalogs: {missing}\nRun: {MAKEMESSAGES_HINT}"


# --- text left unmarked in templates ---------------------------------------------------------

TEMPLATE_DIRS = [ROOT / "templates", *ROOT.glob("*/templates")]

# Visible text that is not a translation: (template, text) pairs, with the reason.
TEMPLATE_EXCEPTIONS = {
    # The site's name is a brand, the same in every language.
    ("*", "SME Academy"),
    ("error_base.html", "· SME Academy"),
    # Feed formats' names, the same in every language.
    ("library/library_index_page.html", "RSS"),
    ("library/library_index_page.html", "Atom"),
    ("news/news_index_page.html", "RSS"),
    ("news/news_index_page.html", "Atom"),
    ("opportunities/opportunity_index_page.html", "RSS"),
    ("opportunities/opportunity_index_page.html", "Atom"),
    # An event's UTC offset ("UTC+04:00") and its punctuation, the same in every language.
    ("events/includes/event_when.html", "( , UTC )"),
}

DROP = [
    # Blocks that hold CSS classes ({% block main_class %}narrow{% endblock %}), not text.
    re.compile(r"{%\s*block\s+\w*class\w*\s*%}.*?{%\s*endblock\b[^%]*%}", re.S),
    re.compile(r"{%\s*comment\s*%}.*?{%\s*endcomment\s*%}", re.S),
    re.compile(r"{#.*?#}", re.S),
    re.compile(r"<!--.*?-->", re.S),
    re.compile(r"<(script|style)\b.*?</\1>", re.S | re.I),
    re.compile(r"{%\s*blocktrans(late)?\b.*?{%\s*endblocktrans(late)?\s*%}", re.S),
    re.compile(r"{%.*?%}", re.S),
    re.compile(r"{{.*?}}", re.S),
]
ATTRIBUTE = re.compile(r"""\b(alt|title|placeholder|aria-label|aria-description)\s*=\s*("[^"]*"|'[^']*')""", re.I)
TAG_ANYWHERE = re.compile(r"<[^>]*>", re.S)
ENTITY = re.compile(r"&[#\w]+;")
LETTERS = re.compile(r"[^\W\d_]{2,}")


def _unmarked(text):
    for pattern in DROP:
        text = pattern.sub(" ", text)
    found = [
        f"{name}={value.strip(chr(34) + chr(39) + ' ')}"
        for name, value in ATTRIBUTE.findall(text)
        if LETTERS.search(value)
    ]
    text = ENTITY.sub(" ", TAG_ANYWHERE.sub("\n", text))
    found += [line.strip() for line in text.splitlines() if LETTERS.search(line)]
    return found


def _template_leftovers():
    leftovers = []
    for folder in TEMPLATE_DIRS:
        for path in sorted(folder.rglob("*")):
            if path.suffix not in {".html", ".txt"} or not path.is_file():
                continue
            name = str(path.relative_to(folder))
            for text in _unmarked(path.read_text()):
                if ("*", text) in TEMPLATE_EXCEPTIONS or (name, text) in TEMPLATE_EXCEPTIONS:
                    continue
                leftovers.append((name, text))
    return leftovers


def test_templates_show_no_text_outside_translate_tags():
    leftovers = _template_leftovers()
    assert not leftovers, (
        "visible text outside {% translate %}/{% blocktranslate %} (wrap it, or list it in "
        f"TEMPLATE_EXCEPTIONS with the reason): {leftovers}"
    )


def test_the_template_scan_finds_unmarked_text():
    found = _unmarked('<p class="x">{% translate "Hello" %} Welcome back</p><img alt="A photo">{{ name }}')
    assert found == ["alt=A photo", "Welcome back"]


# xgettext finds a string only by the name of the function around it: Django's makemessages knows
# `_` and gettext's own names, not an alias such as `_lazy`, whose strings would never reach a catalog.
KNOWN_NAMES = {
    "_",
    "gettext",
    "gettext_lazy",
    "gettext_noop",
    "ngettext",
    "ngettext_lazy",
    "pgettext",
    "pgettext_lazy",
    "npgettext",
    "npgettext_lazy",
}
TRANSLATION_IMPORT = re.compile(r"^from django\.utils\.translation import (.+)$", re.M)


def test_translation_functions_keep_names_that_makemessages_knows():
    aliased = []
    folders = [f for f in ROOT.iterdir() if f.is_dir() and f.name not in {".venv", "node_modules", "var", "tests"}]
    for path in sorted(p for folder in folders for p in folder.rglob("*.py")):
        for names in TRANSLATION_IMPORT.findall(path.read_text()):
            for name in names.strip("()").split(","):
                original, _, alias = name.strip().partition(" as ")
                if alias and original in KNOWN_NAMES and alias not in KNOWN_NAMES:
                    aliased.append(f"{path.relative_to(ROOT)}: {name.strip()}")
    assert not aliased, f"makemessages cannot see strings marked through these aliases: {aliased}"
