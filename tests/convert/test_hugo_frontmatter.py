"""Hugo front matter in YAML, TOML and JSON, mapped onto a note's fields."""

from __future__ import annotations

import pytest

from sphinx_timeline.convert.hugo.frontmatter import (
    FrontMatterError,
    map_fields,
    parse,
    split,
)
from sphinx_timeline.convert.myst import front_matter


def fields_of(text: str) -> dict[str, object]:
    return parse(split(text))


def no_image(value: str, field: str) -> None:
    return None


def test_yaml_dates_stay_as_written() -> None:
    fields = fields_of("---\ndate: 2020-03-03T16:29:41+08:00\nlastmod: 2020-04-01\n---\nBody\n")
    assert fields == {"date": "2020-03-03T16:29:41+08:00", "lastmod": "2020-04-01"}


def test_toml_dates_are_written_in_iso_8601() -> None:
    text = (
        "+++\ndate = 2020-03-03T16:29:41+08:00\nlastmod = 2020-04-01T08:00:00Z\n"
        "day = 2021-01-02\n+++\n"
    )
    assert fields_of(text) == {
        "date": "2020-03-03T16:29:41+08:00",
        "lastmod": "2020-04-01T08:00:00+00:00",
        "day": "2021-01-02",
    }


def test_json_front_matter_and_where_the_body_starts() -> None:
    part = split('{\n  "title": "J",\n  "tags": ["a"]\n}\n\nBody line.\n')
    assert (part.format, part.body, part.body_line) == ("json", "\nBody line.\n", 5)
    assert parse(part) == {"title": "J", "tags": ["a"]}


def test_no_front_matter() -> None:
    part = split("Just text.\n")
    assert (part.format, part.body, parse(part)) == ("", "Just text.\n", {})


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            "---\ntitle: a\nb: [\n---\n",
            3,
            "the front matter is not valid YAML: expected the "
            "node content, but found '<stream end>'",
        ),
        ("+++\ntitle = \n+++\n", 2, "the front matter is not valid TOML: Invalid value"),
        ('{"title": }\n', 1, "the front matter is not valid JSON: Expecting value"),
        ("---\n- a list\n---\n", 2, "the front matter is a list, not fields"),
    ],
)
def test_front_matter_that_cannot_be_read(text: str, line: int, message: str) -> None:
    with pytest.raises(FrontMatterError) as raised:
        fields_of(text)
    assert raised.value.line == line
    assert str(raised.value).startswith(message)


def test_the_fields_mapped() -> None:
    hugo = {
        "Title": "A post",
        "lastMod": "2020-04-01",
        "publishDate": "2020-03-03",
        "summary": "The summary.",
        "Tags": ["a", "b"],
        "keywords": "x, y",
        "featuredImage": "/img/a.png",
        "weight": 3,
        "aliases": ["/old/"],
        "draft": True,
    }
    asked: list[tuple[str, str]] = []

    def image_path(value: str, field: str) -> str:
        asked.append((value, field))
        return "../img/a.png"

    assert list(map_fields(hugo, image_path).items()) == [
        ("title", "A post"),
        ("description", "The summary."),
        ("date", "2020-03-03"),
        ("updated", "2020-04-01"),
        ("draft", True),
        ("tags", ["a", "b"]),
        ("keywords", "x, y"),
        ("image", "../img/a.png"),
        ("weight", 3),
        ("aliases", ["/old/"]),
    ]
    assert asked == [("/img/a.png", "featuredImage")]


def test_the_image_from_images_a_bundle_resource_or_a_cover() -> None:
    def found(value: str, field: str) -> str:
        return f"found/{value}"

    several = map_fields({"images": ["a.png", "b.png"]}, found)
    assert several == {"image": "found/a.png", "images": ["a.png", "b.png"]}
    resource = {"resources": [{"name": "other", "src": "x.png"},
                              {"name": "featured-image", "src": "f.png"}]}  # fmt: skip
    assert map_fields(resource, found)["image"] == "found/f.png"
    assert map_fields({"cover": {"image": "c.png"}}, found)["image"] == "found/c.png"
    missing = map_fields({"featured_image": "gone.png"}, no_image)
    assert missing == {"featured_image": "gone.png"}


def test_written_back_as_yaml() -> None:
    text = front_matter({"title": "Ünïcode: yes", "date": "2020-03-03", "draft": False})
    assert text == "---\ntitle: 'Ünïcode: yes'\ndate: '2020-03-03'\ndraft: false\n---\n"
    assert fields_of(text + "Body\n") == {
        "title": "Ünïcode: yes",
        "date": "2020-03-03",
        "draft": False,
    }
    assert front_matter({}) == ""
