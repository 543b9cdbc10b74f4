"""The ``convert hugo`` command's behaviour: never replacing a file without ``--force``,
``--dry-run``, ``--strict``, ``--lang``, a project of the writer's own, files it cannot
read, its exit statuses and its help; and that it runs without Sphinx."""

from __future__ import annotations

import fcntl
import io
import os
import pty
import re
import shutil
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

from helpers import DOCS, ROOTS
from sphinx_timeline.cli import build_parser, main

SITE = ROOTS / "test-hugo-site"


def run(*args: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    parsed = build_parser().parse_args([str(arg) for arg in args])
    status = parsed.run(parsed, out, err)
    return status, out.getvalue(), err.getvalue()


def files(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_an_existing_file_is_kept_unless_forced(tmp_path: Path) -> None:
    out = tmp_path / "project"
    assert run("convert", "hugo", SITE, "--out", out)[0] == 0
    note = out / "notes/posts/career.md"
    converted = note.read_bytes()
    note.write_text("My own edits.\n", encoding="utf8")
    status, output, errors = run("convert", "hugo", SITE, "--out", out)
    assert status == 0
    assert note.read_text(encoding="utf8") == "My own edits.\n"
    assert f"{note}: exists with other contents, kept; --force replaces it" in errors
    assert ", 1 existing files kept" in output
    status, output, _ = run("convert", "hugo", SITE, "--out", out, "--force")
    assert status == 0
    assert note.read_bytes() == converted
    assert f"replaced {note}" in output.splitlines()


def test_a_dry_run_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "project"
    status, output, errors = run("convert", "hugo", SITE, "--out", out, "--dry-run")
    assert status == 0
    assert not out.exists()
    lines = output.splitlines()
    assert f"would write {out}/notes/posts/career.md" in lines
    assert f"would write {out}/notes/img/desk.png" in lines
    assert f"would write {out}/conf.py" in lines
    assert lines[-1] == (
        "6 files converted, 6 items left, 4 files copied (dry run: nothing written)"
    )
    assert "echarts — no MyST equivalent" in errors


def test_strict_fails_when_anything_is_left(tmp_path: Path) -> None:
    status, _, _ = run("convert", "hugo", SITE, "--out", tmp_path / "a", "--strict")
    assert status == 1
    clean = tmp_path / "clean.md"
    clean.write_text("---\ntitle: Clean\ndate: 2024-01-01\n---\n\nNothing left.\n", "utf8")
    status, output, errors = run("convert", "hugo", clean, "--out", tmp_path / "b", "--strict")
    assert (status, errors) == (0, "")
    assert output.splitlines()[-1] == "1 files converted, 0 items left, 0 files copied"


def test_another_language(tmp_path: Path) -> None:
    out = tmp_path / "project"
    status, _, _ = run("convert", "hugo", SITE, "--out", out, "--lang", "zh-cn")
    assert status == 0
    assert sorted(files(out / "notes")) == [
        "posts/bundle/index.md",
        "posts/bundle/photo.png",
        "posts/hello.md",
    ]
    conf = (out / "conf.py").read_text(encoding="utf8").splitlines()
    assert "project = '安的笔记'" in conf
    assert "language = 'zh_CN'" in conf
    hello = (out / "notes/posts/hello.md").read_text(encoding="utf8")
    assert hello == "---\ntitle: 你好\ndate: '2022-02-02'\n---\n\n这是中文的笔记。\n"


def test_an_unknown_language_is_a_usage_error(tmp_path: Path) -> None:
    status, _, errors = run("convert", "hugo", SITE, "--out", tmp_path, "--lang", "fr")
    assert status == 2
    assert errors == "error: --lang fr: the site's languages are en, zh-cn\n"


def test_a_project_of_ones_own_only_gains_notes(tmp_path: Path) -> None:
    out = tmp_path / "docs"
    out.mkdir()
    (out / "conf.py").write_text('extensions = ["sphinx_timeline"]\n', encoding="utf8")
    status, output, _ = run("convert", "hugo", SITE, "--out", out, "--notes-dir", "blog")
    assert status == 0
    written = files(out)
    assert "index.md" not in written
    assert written["conf.py"] == b'extensions = ["sphinx_timeline"]\n'
    assert "blog/posts/career.md" in written
    assert "blog/img/desk.png" in written
    lines = output.splitlines()
    assert f"Add the notes to a toctree of {out} (blog/**)." in lines
    assert (
        "The notes need myst_enable_extensions = ['attrs_inline', 'colon_fence', "
        "'dollarmath'] in conf.py."
    ) in lines


def test_files_it_cannot_read_are_errors_and_the_rest_is_converted(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    (content / "bad-yaml.md").write_text("---\ntitle: [unclosed\n---\nText.\n", "utf8")
    (content / "bad-toml.md").write_text('+++\ntitle = "a"\ndate = 2020-13-45\n+++\n', "utf8")
    (content / "unclosed.md").write_text("---\ntitle: never closed\n\nText.\n", "utf8")
    (content / "latin1.md").write_bytes(b"---\ntitle: caf\xe9\n---\n")
    (content / "page.html").write_text("<p>An HTML page.</p>\n", "utf8")
    (content / "good.md").write_text("---\ntitle: Good\n---\n\nConverted.\n", "utf8")
    status, output, errors = run("convert", "hugo", content, "--out", tmp_path / "out")
    assert status == 1
    assert errors.replace(f"{content}/", "").splitlines() == [
        "page.html:1: html — .html content is not converted; rewrite it in Markdown",
        "error: bad-toml.md:3: the front matter is not valid TOML: Expected newline or end of "
        "document after a statement; fix it, then run again",
        "error: bad-yaml.md:2: the front matter is not valid YAML: expected ',' or ']', but "
        "got '<stream end>'; fix it, then run again",
        "error: latin1.md: cannot be read (not UTF-8 text)",
        "error: unclosed.md:1: the front matter opened with '---' is never closed; end it "
        "with a line '---'",
    ]
    assert (tmp_path / "out/notes/good.md").is_file()
    assert output.splitlines()[-1] == (
        "1 files converted, 1 items left, 0 files copied, 4 files not converted"
    )


def test_bad_arguments_are_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", "hugo", str(tmp_path / "missing"), "--out", str(tmp_path)]) == 2
    assert "no such file or folder" in capsys.readouterr().err
    assert main(["convert", "hugo", str(SITE)]) == 2
    assert "the following arguments are required: --out" in capsys.readouterr().err
    assert main(["convert", "hugo", str(SITE), "--out", "x", "--notes-dir", "../up"]) == 2
    assert "must be a folder inside --out" in capsys.readouterr().err
    file = tmp_path / "file"
    file.write_text("", "utf8")
    assert main(["convert", "hugo", str(SITE), "--out", str(file)]) == 2
    assert capsys.readouterr().err == f"error: --out {file} is not a folder\n"


def test_plain_lines_when_not_on_a_terminal(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text("---\ntitle: A post\ndate: 2024-01-01\n---\n\nText.\n", "utf8")
    result = subprocess.run(
        [sys.executable, "-m", "sphinx_timeline", "convert", "hugo", "post.md", "--out", "out"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        "written out/notes/post.md",
        "written out/conf.py",
        "written out/index.md",
        "1 files converted, 0 items left, 0 files copied",
    ]


def test_a_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text("---\ntitle: A post\ndate: 2024-01-01\n---\n\nText.\n", "utf8")
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    result = subprocess.run(
        [sys.executable, "-m", "sphinx_timeline", "convert", "hugo", "post.md", "--out", "out"],
        stdout=subprocess.PIPE,
        stderr=follower,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    os.close(follower)
    shown = b""
    while chunk := _read(leader):
        shown += chunk
    os.close(leader)
    assert result.returncode == 0
    assert "| 0/1 [" in shown.decode()
    assert "page/s]" in shown.decode()
    assert result.stdout.splitlines() == ["1 files converted, 0 items left, 0 files copied"]


def _read(fd: int) -> bytes:
    """What a pseudo-terminal holds; ``b""`` once its other end is closed and read."""
    try:
        return os.read(fd, 65536)
    except OSError:  # EIO: nothing more to read
        return b""


def test_the_converter_imports_neither_sphinx_nor_docutils(tmp_path: Path) -> None:
    shutil.copytree(SITE, tmp_path / "site")
    code = (
        "import sys\nfrom sphinx_timeline.cli import main\n"
        "status = main(['convert', 'hugo', 'site', '--out', 'out'])\n"
        "print(status, sorted(m for m in sys.modules "
        "if m.split('.')[0] in ('sphinx', 'docutils', 'myst_parser', 'sphinx_design')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, check=True
    )
    assert result.stdout.splitlines()[-1] == "0 []"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["convert", "--help"], ["hugo", "Turn another site's content into MyST notes"]),
        (
            ["convert", "hugo", "--help"],
            ["--out DIR", "--notes-dir PATH", "--lang LANG", "--force", "--dry-run", "--strict"],
        ),
        (["new", "--help"], ["TITLE", "--dir DIR", "--tags TAGS", "--date YYYY-MM-DD"]),
    ],
)
def test_help(args: list[str], words: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(args) == 0
    shown = capsys.readouterr().out
    assert all(word in shown for word in words)
    module = subprocess.run(
        [sys.executable, "-m", "sphinx_timeline", *args], capture_output=True, text=True, check=True
    )
    assert module.stdout == shown


def test_the_example_of_the_docs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = (DOCS / "migrate-from-hugo.md").read_text(encoding="utf8")
    hugo = re.search(r":caption: my-hugo-site/(\S+)\n\n(.*?)\n```\n", page, re.DOTALL)
    myst = re.search(r":caption: docs/(\S+)\n\n(.*?)\n````\n", page, re.DOTALL)
    left = re.search(r"on the error output:\n\n```text\n(.*?)```\n", page, re.DOTALL)
    assert hugo
    assert myst
    assert left
    site = tmp_path / "my-hugo-site"
    (site / hugo.group(1)).parent.mkdir(parents=True)
    (site / hugo.group(1)).write_text(hugo.group(2) + "\n", encoding="utf8")
    (site / "hugo.toml").write_text('title = "Ann Example"\n', encoding="utf8")
    (site / "static/img").mkdir(parents=True)
    shutil.copy(DOCS / "snippets/img/desk.png", site / "static/img/office.png")
    monkeypatch.chdir(tmp_path)
    status, _, errors = run("convert", "hugo", "my-hugo-site", "--out", "docs")
    assert (status, errors) == (0, left.group(1))
    assert (tmp_path / "docs" / myst.group(1)).read_text(encoding="utf8") == myst.group(2) + "\n"
    assert (tmp_path / "docs/notes/img/office.png").is_file()


@pytest.mark.parametrize(
    ("files", "title"),
    [
        ({"hugo.yaml": "title: From YAML\nbaseURL: https://y.example.org/\n"}, "From YAML"),
        (
            {
                "config/_default/hugo.toml": 'title = "From a folder"\n'
                'baseURL = "https://y.example.org/"\n',
                "config/_default/params.toml": 'author = "Ann"\n',
            },
            "From a folder",
        ),
    ],
)
def test_the_settings_of_a_site(tmp_path: Path, files: dict[str, str], title: str) -> None:
    site = tmp_path / "site"
    for name, text in files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf8")
    (site / "content").mkdir()
    (site / "content/post.md").write_text("---\ntitle: P\n---\n\nText.\n", encoding="utf8")
    assert run("convert", "hugo", site, "--out", tmp_path / "out")[0] == 0
    conf = (tmp_path / "out/conf.py").read_text(encoding="utf8").splitlines()
    assert f"project = {title!r}" in conf
    assert "html_baseurl = 'https://y.example.org/'" in conf
    assert ("author = 'Ann'" in conf) == ("config/_default/params.toml" in files)


def test_a_configuration_it_cannot_read(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    (site / "hugo.toml").write_text('title = "unclosed\n', encoding="utf8")
    (site / "content/post.md").write_text("Text.\n", encoding="utf8")
    status, output, errors = run("convert", "hugo", site, "--out", tmp_path / "out")
    assert status == 1
    assert errors.startswith(f"error: {site}/hugo.toml: not valid TOML: ")
    assert output.splitlines()[-1] == "1 files converted, 0 items left, 0 files copied"
