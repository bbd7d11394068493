"""One counter for every builder, so default titles, slugs and emails never collide."""

import itertools

_counter = itertools.count(1)


def unique() -> int:
    return next(_counter)
