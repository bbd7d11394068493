"""Partners that already exist: their group may edit and translate their page in every locale.

The same grants as `partners.services` makes at onboarding and when a translation is created:
add/edit on each translation of the partner's page, wagtail-localize's `submit_translation` for
the partner groups and the editors, and the review workflow on each translation of the index.
Reversing removes the grants on translations only (the source page's stay, as onboarding made them).
"""

from django.db import migrations

PAGE_CODENAMES = ["add_page", "change_page"]
EDITORS_GROUP = "Editors"


def _submit_translation(apps):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(content_type__app_label="wagtail_localize", codename="submit_translation").first()


def grant(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    PartnerTeam = apps.get_model("partners", "PartnerTeam")
    PartnerIndexPage = apps.get_model("partners", "PartnerIndexPage")

    page_permissions = list(
        Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=PAGE_CODENAMES)
    )
    submit = _submit_translation(apps)
    for team in PartnerTeam.objects.select_related("partner", "group"):
        if submit is not None:
            team.group.permissions.add(submit)
        for page in Page.objects.filter(translation_key=team.partner.translation_key).exclude(pk=team.partner_id):
            for permission in page_permissions:
                GroupPagePermission.objects.get_or_create(group=team.group, page=page, permission=permission)
    editors = Group.objects.filter(name=EDITORS_GROUP).first()
    if editors is not None and submit is not None:
        editors.permissions.add(submit)
    for index in PartnerIndexPage.objects.all():
        source = WorkflowPage.objects.filter(page_id=index.pk).first()
        if source is None:
            continue
        for page in Page.objects.filter(translation_key=index.translation_key).exclude(pk=index.pk):
            WorkflowPage.objects.get_or_create(page=page, defaults={"workflow_id": source.workflow_id})


def revoke(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    PartnerTeam = apps.get_model("partners", "PartnerTeam")
    submit = _submit_translation(apps)
    for team in PartnerTeam.objects.select_related("partner", "group"):
        translations = Page.objects.filter(translation_key=team.partner.translation_key).exclude(pk=team.partner_id)
        GroupPagePermission.objects.filter(group=team.group, page__in=translations).delete()
        if submit is not None:
            team.group.permissions.remove(submit)


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0002_partner_contact_expertise_and_team"),
        ("wagtail_localize", "0006_create_submit_translation_permission"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
