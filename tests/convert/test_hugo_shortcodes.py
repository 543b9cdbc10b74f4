"""Reading Hugo shortcode calls: parameters of every form, pairs, escaped examples, and
tags that are not finished."""

from __future__ import annotations

from sphinx_timeline.convert.hugo.shortcodes import (
    Escaped,
    Orphan,
    Params,
    Problem,
    Shortcode,
    Text,
    parse,
)


def only_call(text: str) -> Shortcode:
    calls = [node for node in parse(text).nodes if isinstance(node, Shortcode)]
    assert len(calls) == 1
    return calls[0]


def test_named_parameters_quoted_raw_and_bare() -> None:
    call = only_call(
        '{{< figure src="/a b.png" caption="He said \\"hi\\"" alt=`raw "x"` width=40% >}}'
    )
    assert call.name == "figure"
    assert call.params == Params(
        (), {"src": "/a b.png", "caption": 'He said "hi"', "alt": 'raw "x"', "width": "40%"}
    )
    assert not call.open.markdown


def test_positional_parameters_and_the_markdown_form() -> None:
    text = '{{% admonition tip "A \\"quoted\\" title" false %}}Body{{% /admonition %}}'
    call = only_call(text)
    assert call.params.positional == ("tip", 'A "quoted" title', "false")
    assert call.params.get("type", 0) == "tip"
    assert call.params.get("missing", 5) is None
    assert call.open.markdown
    assert call.inner == (Text(text.index("Body"), text.index("{{% /")),)


def test_a_call_over_several_lines_and_a_self_closing_one() -> None:
    text = '{{< figure\n    src="/img/a.png"\n    caption="Two\nlines" />}} after'
    call = only_call(text)
    assert call.params.named == {"src": "/img/a.png", "caption": "Two\nlines"}
    assert call.open.self_closing
    assert text[call.end :] == " after"


def test_pairs_nest_and_single_shortcodes_never_open_one() -> None:
    text = (
        "{{< admonition >}}a {{< admonition >}}b{{< /admonition >}}c{{< /admonition >}}"
        "{{< tweet 1 >}}{{< tweet 2 >}}"
    )
    nodes = parse(text).nodes
    outer = nodes[0]
    assert isinstance(outer, Shortcode)
    assert outer.close is not None
    assert text[outer.end :].startswith("{{< tweet 1")
    inner = [node for node in outer.inner if isinstance(node, Shortcode)]
    assert len(inner) == 1
    assert inner[0].inner == (Text(38, 39),)
    assert [node.params.positional for node in nodes[1:] if isinstance(node, Shortcode)] == [
        ("1",),
        ("2",),
    ]


def test_an_unknown_shortcode_pairs_only_when_closed() -> None:
    nodes = parse("{{< echarts >}}{}{{< /echarts >}} {{< music 1 >}}").nodes
    assert [(type(n).__name__, getattr(n, "close", None) is not None) for n in nodes] == [
        ("Shortcode", True),
        ("Text", False),
        ("Shortcode", False),
    ]


def test_escaped_examples_are_literal_text() -> None:
    text = '{{</* tweet user="x" id="1" */>}} and {{%/* /admonition */%}}'
    nodes = parse(text).nodes
    assert [node for node in nodes if isinstance(node, Escaped)] == [
        Escaped(0, 33, '{{< tweet user="x" id="1" >}}'),
        Escaped(38, 61, "{{% /admonition %}}"),
    ]


def test_a_stray_closing_tag() -> None:
    nodes = parse("text {{< /details >}}").nodes
    assert isinstance(nodes[1], Orphan)
    assert nodes[1].tag.name == "details"


def test_tags_that_are_not_finished_are_text() -> None:
    parsed = parse('{{< figure src="a.png >}} {{< x 1 {{< tweet 2 >}}')
    assert parsed.problems == (
        Problem(0, "a quoted parameter of the 'figure' shortcode is never closed"),
        Problem(26, "the 'x' shortcode is never closed with '>}}'"),
    )
    assert [node.name for node in parsed.nodes if isinstance(node, Shortcode)] == ["tweet"]
    never_closed = parse("{{< tweet 1").problems
    assert never_closed == (Problem(0, "the 'tweet' shortcode is never closed with '>}}'"),)
    assert parse("{{<}} {{< /* x").nodes == (Text(0, 14),)
