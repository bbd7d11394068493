"""Give an existing Editors group the board's moderation permissions.

New Editors groups get them from partners.services.editors_group_ensure (EDITOR_MODEL_PERMISSIONS).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS_GROUP = "Editors"
CODENAMES = ("view_opportunity", "change_opportunity", "view_memberstanding", "change_memberstanding")


def permissions_get(apps):
    # Django creates permissions after all migrations (post_migrate): make this app's now.
    app_config = apps.get_app_config("opportunities")
    app_config.models_module = True  # create_permissions skips an app without a models module
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(content_type__app_label="opportunities", codename__in=CODENAMES)


def editors_grant(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=EDITORS_GROUP).first()
    if group is not None:
        group.permissions.add(*permissions_get(apps))


def editors_revoke(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=EDITORS_GROUP).first()
    if group is not None:
        group.permissions.remove(*permissions_get(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("opportunities", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(editors_grant, editors_revoke)]
