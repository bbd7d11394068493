"""The network: experts' profiles and applications to join, made through the network's services."""

from network import services
from tests.builders.accounts import make_learner
from tests.builders.unique import unique


def make_expert(user=None, *, published=True, topics=(), sectors=(), **fields):
    """A member's expert profile (published unless told otherwise), saved as the profile form saves it."""
    user = user or make_learner()
    n = unique()
    data = services.ExpertProfileData(
        public_name=fields.pop("public_name", f"Expert {n}"),
        organisation=fields.pop("organisation", ""),
        biography=fields.pop("biography", f"Helps small firms ({n})."),
        topics=list(topics),
        sectors=list(sectors),
        languages=fields.pop("languages", ["en"]),
        countries=fields.pop("countries", []),
        is_published=published,
    )
    assert not fields, f"unknown fields: {sorted(fields)}"
    return services.expert_profile_save(user=user, data=data)


def application_data(**fields):
    """The cleaned data of a "join the network" form."""
    n = unique()
    return {
        "organisation": f"Organisation {n}",
        "kind": "sme_association",
        "country": "KE",
        "website": f"https://org{n}.example.org",
        "contact_name": f"Contact {n}",
        "contact_email": f"contact{n}@example.org",
        "offer": "Mentoring for members.",
        **fields,
    }


def make_application(*, language="en", **fields):
    """A pending application to join the network."""
    application, _created = services.application_submit(data=application_data(**fields), language=language)
    return application
