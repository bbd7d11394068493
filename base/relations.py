"""Page relations read alike whether the page is saved or held in memory (previews, revisions)."""

from modelcluster.queryset import FakeQuerySet


def related_ids(related):
    """The ids in a page's relation: a subquery when saved, a list when held in memory.

    A page being previewed, viewed as a draft or as a revision holds its ParentalManyToMany
    fields and inline children in memory (a modelcluster FakeQuerySet), where queryset
    methods such as `.live()` or `.values()` do not exist. Filtering the database by these ids
    works for both, and keeps the rules of the caller's own query (live, public) in force.
    """
    rows = related.all()
    if isinstance(rows, FakeQuerySet):
        return [row.pk for row in rows if row.pk is not None]
    return rows.values("pk")
