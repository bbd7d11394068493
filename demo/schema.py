"""Read a demo data file and check it against demo/schema.yaml, naming the file and field at fault."""

import datetime
from pathlib import Path

import yaml

SCHEMA = yaml.safe_load((Path(__file__).resolve().parent / "schema.yaml").read_text(encoding="utf-8"))


class PageRef(str):
    """`!page <slug>`: a demo page (one of the files), by its slug."""


class ImageRef(str):
    """`!image <key>`: a demo image, by its file name in demo/images without the extension."""


TYPES = {"str": str, "int": int, "number": (int, float), "bool": bool, "null": type(None)}
TYPES.update({"date": datetime.date, "page": PageRef, "image": ImageRef})


class DemoDataError(ValueError):
    pass


# libyaml's parser when PyYAML has it: the same data, about nine times faster, which `make run` feels
# once every language folder is read on each start.
class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    pass


_Loader.add_constructor("!page", lambda loader, node: PageRef(loader.construct_scalar(node)))
_Loader.add_constructor("!image", lambda loader, node: ImageRef(loader.construct_scalar(node)))


def schema_errors(value, schema, where: str = ""):
    """Yield (field, problem) for each place where `value` does not fit `schema`."""
    schema = SCHEMA["kinds"].get(schema, schema) if isinstance(schema, str) else schema
    field = where.rstrip(".") or "(file)"
    if isinstance(schema, dict):
        if not isinstance(value, dict):
            yield field, "should be a mapping"
        elif "*" in schema:
            for key, item in value.items():
                yield from schema_errors(item, schema["*"], f"{where}{key}.")
        else:
            for key in value.keys() - {name.lstrip("?") for name in schema}:
                yield f"{where}{key}", "is not a known field"
            for name, sub in schema.items():
                if name.lstrip("?") in value:
                    yield from schema_errors(value[name.lstrip("?")], sub, f"{where}{name.lstrip('?')}.")
                elif not name.startswith("?"):
                    yield f"{where}{name}", "is required"
    elif isinstance(schema, list) or schema == "blocks":
        if not isinstance(value, list):
            yield field, "should be a list"
            return
        for i, item in enumerate(value):
            if schema != "blocks":
                yield from schema_errors(item, schema[0], f"{field}[{i}].")
            elif not (isinstance(item, dict) and len(item) == 1):
                yield f"{field}[{i}]", "should be one block: a mapping of its type to its value"
    else:
        names = schema.split(" or ")
        if not any(
            isinstance(value, TYPES[name]) and (name == "bool" or not isinstance(value, bool)) for name in names
        ):
            yield field, f"should be {schema}, not {type(value).__name__}"


def data_read(path: Path, root: Path):
    """The file's data, checked against the schema of its kind; DemoDataError names file and field."""
    relative = path.relative_to(root)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except yaml.YAMLError as error:
        raise DemoDataError(f"{relative}: not valid YAML: {error}") from None
    schema = next((schema for pattern, schema in SCHEMA["files"].items() if relative.match(pattern)), None)
    if schema is None:
        raise DemoDataError(f"{relative}: no schema for a file in this place")
    problems = [f"{relative}: {field} {problem}" for field, problem in schema_errors(data, schema)]
    if problems:
        raise DemoDataError("\n".join(problems))
    return data
