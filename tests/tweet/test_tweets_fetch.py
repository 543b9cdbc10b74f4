"""``sphinx-timeline tweets fetch``, against a local oEmbed server (never the real one)."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from helpers import soup, warnings_of
from sphinx_timeline.cli import main
from sphinx_timeline.tweet.oembed import english_date

GOOD_ID = "1416186020509360129"
HTML = (
    '<blockquote class="twitter-tweet" data-dnt="true"><p lang="en" dir="ltr">'
    'Shipped it! Thanks to <a href="https://twitter.com/friend">@friend</a> &amp; all<br>'
    "line two &lt;script&gt;not markup&lt;/script&gt;<br><br>"
    '<a href="https://t.co/abc">pic.twitter.com/abc</a></p>&mdash; Some One (@someone) '
    f'<a href="https://twitter.com/someone/status/{GOOD_ID}?ref_src=twsrc%5Etfw">'
    "July 17, 2021</a></blockquote>\n"
    '<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>\n'
)
ANSWERS: dict[str, tuple[int, bytes]] = {
    GOOD_ID: (
        200,
        json.dumps(
            {
                "url": f"https://twitter.com/someone/status/{GOOD_ID}",
                "author_name": "Some One",
                "author_url": "https://twitter.com/someone",
                "html": HTML,
                "type": "rich",
                "provider_name": "Twitter",
            }
        ).encode(),
    ),
    "404": (404, b'{"error": "not found"}'),
    "500": (200, b"<html>not json</html>"),
    "501": (200, b'{"html": "<blockquote></blockquote>"}'),
}


@pytest.fixture
def oembed() -> Iterator[tuple[str, list[dict[str, list[str]]]]]:
    """A local oEmbed endpoint answering from :data:`ANSWERS`; its URL and the queries seen."""
    queries: list[dict[str, list[str]]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            query = parse_qs(urlsplit(self.path).query)
            queries.append(query)
            post_id = query["url"][0].rsplit("/", 1)[-1]
            status, body = ANSWERS.get(post_id, (404, b"{}"))
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/oembed", queries
    server.shutdown()
    server.server_close()


PAGE = f"""\
# Posts

:::{{tweet}} https://x.com/someone/status/{GOOD_ID}?s=20
:::

:::{{tweet}} 404
:user: nobody
:::

:::{{tweet}} 30
Has its text, so it is not fetched.
:::

````markdown
:::{{tweet}} 31
:::
````
"""
RST = """\
Posts
=====

.. tweet:: 500

.. tweet:: 501
   :author: Someone

An example::

   .. tweet:: 32

.. code-block:: rst

   .. tweet:: 33

.. note::

   .. tweet:: https://x.com/a/status/34
      :align: left

      Text.
"""


def one_post(project: Path) -> None:
    """Leave in the project one page, with one post without text, at line 1."""
    (project / "more.rst").unlink()
    (project / "index.md").write_text(f":::{{tweet}} {GOOD_ID}\n:::\n")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    srcdir = tmp_path / "docs"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(
        'extensions = ["sphinx_timeline"]\nexclude_patterns = ["skipped"]\n', "utf8"
    )
    (srcdir / "index.md").write_text(PAGE, "utf8")
    (srcdir / "more.rst").write_text(RST, "utf8")
    (srcdir / "skipped").mkdir()
    (srcdir / "skipped" / "page.md").write_text(":::{tweet} 35\n:::\n", "utf8")
    return srcdir


def test_fetch(project: Path, oembed: tuple, capsys: pytest.CaptureFixture[str]) -> None:
    endpoint, queries = oembed
    status = main(["tweets", "fetch", str(project), "--endpoint", endpoint])
    out, err = capsys.readouterr()
    assert status == 1
    assert err.splitlines() == [
        f"error: index.md:6: tweet 404: {endpoint} answered HTTP 404 Not Found",
        f"error: more.rst:4: tweet 500: {endpoint} answered with something that is not JSON "
        "(Expecting value: line 1 column 1 (char 0))",
        "error: more.rst:6: tweet 501: the answer holds no text for the post",
    ]
    cache = project / "_tweets"
    assert out.splitlines() == [
        f"index.md:3: tweet {GOOD_ID} written to {cache / (GOOD_ID + '.json')}",
        "1 fetched, 0 already cached, 3 failed",
    ]
    assert sorted(path.name for path in cache.iterdir()) == [f"{GOOD_ID}.json"]
    text = (cache / f"{GOOD_ID}.json").read_text("utf8")
    assert json.loads(text) == {
        "id": GOOD_ID,
        "text": "Shipped it! Thanks to @friend & all\n"
        "line two <script>not markup</script>\n"
        "pic.twitter.com/abc",
        "author": "Some One",
        "handle": "someone",
        "date": "2021-07-17",
        "lang": "en",
        "url": f"https://x.com/someone/status/{GOOD_ID}",
    }
    assert "widgets.js" not in text, "never the returned script"
    assert "<a " not in text, "never the returned HTML"
    assert "blockquote" not in text
    first = queries[0]
    assert first["url"] == [f"https://twitter.com/someone/status/{GOOD_ID}"]
    assert first["omit_script"] == ["true"]
    assert first["dnt"] == ["true"]
    assert queries[1]["url"] == ["https://twitter.com/nobody/status/404"]
    assert len(queries) == 4, "posts with text, in code blocks or excluded are not fetched"


def test_rerun_is_safe(project: Path, oembed: tuple, capsys: pytest.CaptureFixture[str]) -> None:
    endpoint, queries = oembed
    (project / "more.rst").unlink()
    (project / "index.md").write_text(PAGE.replace(":::{tweet} 404\n:user: nobody\n:::\n", ""))
    assert main(["tweets", "fetch", str(project), "--endpoint", endpoint]) == 0
    cached = (project / "_tweets" / f"{GOOD_ID}.json").read_bytes()
    capsys.readouterr()
    assert main(["tweets", "fetch", str(project), "--endpoint", endpoint]) == 0
    assert capsys.readouterr().out == "0 fetched, 1 already cached, 0 failed\n"
    assert len(queries) == 1
    assert main(["tweets", "fetch", str(project), "--endpoint", endpoint, "--refresh"]) == 0
    assert len(queries) == 2
    assert (project / "_tweets" / f"{GOOD_ID}.json").read_bytes() == cached, "reproducible"
    assert [p.name for p in (project / "_tweets").iterdir()] == [f"{GOOD_ID}.json"]


def test_broken_cache_file_is_fetched_again(project: Path, oembed: tuple) -> None:
    endpoint, _ = oembed
    one_post(project)
    (project / "_tweets").mkdir()
    (project / "_tweets" / f"{GOOD_ID}.json").write_text("{broken", "utf8")
    assert main(["tweets", "fetch", str(project), "--endpoint", endpoint]) == 0
    assert json.loads((project / "_tweets" / f"{GOOD_ID}.json").read_text())["id"] == GOOD_ID


def test_cache_folder_from_conf_and_option(project: Path, oembed: tuple) -> None:
    endpoint, _ = oembed
    one_post(project)
    conf = project / "conf.py"
    conf.write_text(conf.read_text() + 'timeline_tweet_cache = "data/posts"\n')
    assert main(["tweets", "fetch", str(project), "--endpoint", endpoint]) == 0
    assert (project / "data" / "posts" / f"{GOOD_ID}.json").is_file()
    other = project.parent / "elsewhere"
    assert (
        main(["tweets", "fetch", str(project), "--endpoint", endpoint, "--cache", str(other)]) == 0
    )
    assert (other / f"{GOOD_ID}.json").is_file()


def test_the_default_srcdir_is_the_current_folder(
    project: Path, oembed: tuple, monkeypatch: pytest.MonkeyPatch
) -> None:
    endpoint, _ = oembed
    one_post(project)
    conf = project / "conf.py"
    conf.write_text(conf.read_text() + 'timeline_tweet_cache = "posts"\n')
    monkeypatch.chdir(project)
    assert main(["tweets", "fetch", "--endpoint", endpoint]) == 0
    assert (project / "posts" / f"{GOOD_ID}.json").is_file()


def test_the_build_uses_what_fetch_wrote(
    project: Path, oembed: tuple, make_app, capsys: pytest.CaptureFixture[str]
) -> None:
    endpoint, _ = oembed
    (project / "more.rst").unlink()
    (project / "index.md").write_text(f"# Posts\n\n:::{{tweet}} {GOOD_ID}\n:::\n")
    main(["tweets", "fetch", str(project), "--endpoint", endpoint])
    app = make_app("html", srcdir=project)
    app.build()
    assert warnings_of(app) == []
    card = soup(app, "index").select_one("figure.stl-tweet")
    assert card.select_one("blockquote").get_text(strip=True) == (
        "Shipped it! Thanks to @friend & all\nline two <script>not markup</script>\n"
        "pic.twitter.com/abc"
    )
    assert card.select_one("time")["datetime"] == "2021-07-17"
    assert "widgets.js" not in (app.outdir / "index.html").read_text("utf8")


def test_bad_arguments_are_one_line_each(
    tmp_path: Path, oembed: tuple, capsys: pytest.CaptureFixture[str]
) -> None:
    endpoint, queries = oembed
    (tmp_path / "index.md").write_text(":::{tweet} javascript:alert(1)\n:::\n")
    assert main(["tweets", "fetch", str(tmp_path), "--endpoint", endpoint]) == 1
    assert capsys.readouterr().err == (
        "error: index.md:1: tweet 'javascript:alert(1)' is not a post's id or URL; give the "
        "post's numeric id or its URL, such as https://x.com/user/status/123\n"
    )
    assert queries == []
    assert main(["tweets", "fetch", str(tmp_path / "missing")]) == 2
    usage, error = capsys.readouterr().err.split("\n", 1)
    assert usage.startswith("usage: sphinx-timeline tweets fetch")
    assert error.splitlines()[-1] == (
        f"sphinx-timeline tweets fetch: error: argument SRCDIR: {tmp_path / 'missing'} "
        "is not a folder"
    )
    assert main(["tweets", "fetch", str(tmp_path), "--endpoint", "file:///etc/passwd"]) == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "sphinx-timeline tweets fetch: error: argument --endpoint: 'file:///etc/passwd' "
        "must be an http or https URL"
    )


def test_unreachable_endpoint(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    one_post(project)
    status = main(["tweets", "fetch", str(project), "--endpoint", "http://127.0.0.1:9/oembed"])
    assert status == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(f"error: index.md:1: tweet {GOOD_ID}: cannot reach http://127.0.0.1:9")


def test_console_script_and_module(project: Path, oembed: tuple) -> None:
    endpoint, _ = oembed
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx_timeline",
            "tweets",
            "fetch",
            str(project),
            "--endpoint",
            endpoint,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert len(result.stderr.splitlines()) == 3
    assert "Traceback" not in result.stderr
    usage = subprocess.run(
        [sys.executable, "-m", "sphinx_timeline"], capture_output=True, text=True, check=False
    )
    assert usage.returncode == 2
    assert "usage: sphinx-timeline" in usage.stderr


def test_english_date() -> None:
    assert english_date("July 17, 2021") == "2021-07-17"
    assert english_date("Jul 17, 2021") == ""
    assert english_date("February 30, 2021") == ""


@pytest.mark.parametrize("form", ["docs", "./docs", "docs/", "ABSOLUTE"])
def test_relative_and_absolute_folders_behave_the_same(
    project: Path,
    oembed: tuple,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    form: str,
) -> None:
    endpoint, _ = oembed
    one_post(project)
    conf = project / "conf.py"
    conf.write_text(conf.read_text() + 'timeline_tweet_cache = "posts"\n')
    monkeypatch.chdir(project.parent)
    argument = str(project) if form == "ABSOLUTE" else form
    assert main(["tweets", "fetch", argument, "--endpoint", endpoint]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out.splitlines() == [
        f"index.md:1: tweet {GOOD_ID} written to {project / 'posts' / (GOOD_ID + '.json')}",
        "1 fetched, 0 already cached, 0 failed",
    ]


def test_a_relative_cache_option_and_folder_from_elsewhere(
    project: Path, oembed: tuple, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    endpoint, _ = oembed
    one_post(project)
    elsewhere = project.parent / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    arguments = ["tweets", "fetch", "../docs", "--cache", "cache", "--endpoint", endpoint]
    assert main(arguments) == 0
    assert capsys.readouterr().err == "", "conf.py is read, no error printed"
    assert (elsewhere / "cache" / f"{GOOD_ID}.json").is_file()


def test_a_path_object_names_one_cache_folder_for_fetch_and_build(
    project: Path, oembed: tuple, make_app
) -> None:
    endpoint, _ = oembed
    (project / "more.rst").unlink()
    (project / "index.md").write_text(f"# Posts\n\n:::{{tweet}} {GOOD_ID}\n:::\n")
    conf = project / "conf.py"
    conf.write_text(
        "import pathlib\n" + conf.read_text() + 'timeline_tweet_cache = pathlib.Path("posts")\n'
    )
    assert main(["tweets", "fetch", str(project), "--endpoint", endpoint]) == 0
    assert [path.name for path in (project / "posts").iterdir()] == [f"{GOOD_ID}.json"]
    app = make_app("html", srcdir=project)
    app.build()
    assert warnings_of(app) == []
    card = soup(app, "index").select_one("figure.stl-tweet")
    assert card.select_one("blockquote").get_text(strip=True).startswith("Shipped it!")
