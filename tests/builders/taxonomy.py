"""Terms of the shared vocabularies (topics, sectors, business stages)."""


def make_term(model, name):
    """A term of `model` (Topic, Sector or BusinessStage) named `name`, with its slug."""
    return model.objects.create(name=name, slug=name.lower().replace(" ", "-"))
