"""The network's demo content (demo/network.yaml): experts attached to demo pages, and pending applications.

Written through the network's services, once: a second run finds every profile, role and
application and changes nothing (an application an editor has decided is not sent again).
"""

from wagtail.models import Page

from network import services as network_services
from network.models import ExpertProfile, ExpertRole, NetworkApplication


def network_load(load) -> None:
    """Load demo/network.yaml with `load` (a demo.loader.DemoLoad after its English pages and terms)."""
    data = load.read("network.yaml")
    for expert in data["experts"]:
        _expert_load(load, dict(expert))
    for application in data["applications"]:
        _application_load(load, dict(application))


def _expert_load(load, data: dict) -> None:
    roles = data.pop("roles")
    account = {key: data.pop(key) for key in ("email", "first_name", "last_name")}
    user = load.user_load(f"Expert ({data['public_name']})", "/network/my-expert-profile/", account)
    profile = ExpertProfile.objects.filter(user=user).first()
    if profile is None:
        profile = network_services.expert_profile_save(
            user=user,
            data=network_services.ExpertProfileData(
                public_name=data["public_name"],
                organisation=data["organisation"],
                biography=" ".join(data["biography"].split()),
                topics=[load.terms["topics"][slug] for slug in data["topics"]],
                sectors=[load.terms["sectors"][slug] for slug in data["sectors"]],
                languages=data["languages"],
                countries=data["countries"],
                is_published=True,
            ),
        )
        load.added.append(f"expert {profile.public_name}")
    for order, role in enumerate(roles):
        page = Page.objects.get(pk=load.pages[role["page"]].pk)
        _role, created = ExpertRole.objects.get_or_create(
            expert=profile, page=page, role=role["role"], defaults={"sort_order": order}
        )
        if created:
            load.added.append(f"{profile.public_name} as {role['role']} of {page.title}")


def _application_load(load, data: dict) -> None:
    language = data.pop("language")
    if NetworkApplication.objects.filter(
        contact_email__iexact=data["contact_email"], organisation=data["organisation"]
    ).exists():
        return
    network_services.application_submit(data=data, language=language)
    load.added.append(f"application to join from {data['organisation']}")
