"""Limits on database ids shared by route converters and forms."""

# The largest signed 64-bit integer, the widest id any of our databases holds; SQLite raises
# OverflowError (a 500) for a larger one.
ID_MAX = 2**63 - 1
