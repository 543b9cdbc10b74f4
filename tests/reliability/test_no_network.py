"""No network: full builds of the docs and of every test project pass with the network
refused, and only ``sphinx-timeline tweets fetch`` tries to connect.

Each command runs in a subprocess whose ``PYTHONPATH`` starts with a folder holding a
``sitecustomize.py``, which Python imports at start-up, before anything else: it makes
name lookups (``getaddrinfo``, ``gethostbyname``...), ``create_connection`` and every
socket's ``connect``, ``connect_ex``, ``sendto`` and ``sendmsg`` raise, and writes each
attempt to a log, with the line that made it. Creating a socket is allowed, as it
reaches no network (urllib3 makes one at import to see whether IPv6 is there). The log
also says that the guard was armed, so a build cannot pass without it.

The builds run without ``-W`` (a refused connection could surface as a warning or as
an error) and their warnings are compared, by location and type, with the ones the
projects give on purpose: none, but the missing image of ``test-notes-metadata`` and
the bad setting of ``test-theme-only``. ``test-theme-only`` is built with the stand-in
theme it is written for, which loads the extension; ``test-hugo-site`` is a Hugo
site, so it is converted (offline too), and the result is built.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers import BUILD_EPOCH, DOCS, ROOTS, copy_root, strip_colours, write_standin_theme

GUARD = '''\
"""Refuse every network operation of this process, and log each attempt."""
import os
import socket
import traceback

LOG = os.environ["STL_NETWORK_LOG"]


def log(line):
    with open(LOG, "a", encoding="utf-8") as stream:
        stream.write(line + "\\n")


def refusing(name):
    def refuse(*args, **kwargs):
        caller = traceback.extract_stack()[-2]
        log(f"refused {name}{args!r} from {caller.filename}:{caller.lineno}")
        raise OSError(f"network access is disabled: {name}")

    return refuse


for name in ("connect", "connect_ex", "sendto", "sendmsg"):
    setattr(socket.socket, name, refusing(f"socket.{name}"))
for name in (
    "create_connection",
    "getaddrinfo",
    "gethostbyname",
    "gethostbyname_ex",
    "gethostbyaddr",
    "getnameinfo",
):
    setattr(socket, name, refusing(name))
log(f"armed {os.getpid()}")
'''


ROOT_NAMES = sorted(path.name.removeprefix("test-") for path in ROOTS.glob("test-*"))
"""Every test project: a new one is built here too."""

EXPECTED_WARNINGS = {
    "notes-metadata": ["<src>/notes/missing.md:4 [timeline.note]"],
    "theme-only": ["<src>/conf.py:4 [timeline.config]"],
}
"""The warnings the projects give on purpose, by location and type."""

WARNING = re.compile(r"(?:(?P<where>.+?): )?WARNING: .*?(?: \[(?P<type>[\w.-]+)\])?")

Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder put first on ``PYTHONPATH``: the guard, and the stand-in theme of
    ``test-theme-only``, found through its ``sphinx.html_themes`` entry point."""
    folder = tmp_path_factory.mktemp("offline")
    (folder / "sitecustomize.py").write_text(GUARD, "utf8")
    write_standin_theme(folder)
    return folder


@pytest.fixture
def network_log(tmp_path: Path) -> Path:
    """Where the guard of this test's commands writes."""
    return tmp_path / "network.log"


@pytest.fixture
def offline(sandbox: Path, network_log: Path) -> Run:
    """Run ``python ARGS...`` with the network refused."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(sandbox), os.environ.get("PYTHONPATH")])),
        "STL_NETWORK_LOG": str(network_log),
        "SOURCE_DATE_EPOCH": str(BUILD_EPOCH),
    }

    def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, *map(str, args)], capture_output=True, text=True, env=env, check=False
        )

    return run


def attempts(network_log: Path) -> list[str]:
    """The network operations refused, asserting the guard was armed."""
    lines = network_log.read_text("utf8").splitlines()
    assert any(line.startswith("armed ") for line in lines), "the guard was not loaded"
    return [line for line in lines if not line.startswith("armed ")]


def warnings_in(stderr: str, srcdir: Path) -> list[str]:
    """Each line of a quiet build's error output as ``location [type]``; any line that is
    not a warning (an error, a traceback) as it is."""
    text = strip_colours(stderr).replace(str(srcdir) + os.sep, "<src>/")
    found = []
    for line in filter(None, text.splitlines()):
        match = WARNING.fullmatch(line)
        found.append(f"{match['where']} [{match['type']}]" if match else line)
    return found


def build_offline(offline: Run, srcdir: Path, outdir: Path) -> list[str]:
    """Build ``srcdir`` in HTML with the network refused; its warnings."""
    result = offline("-m", "sphinx", "-q", "-b", "html", srcdir, outdir)
    assert result.returncode == 0, result.stderr
    assert (outdir / "index.html").is_file()
    return warnings_in(result.stderr, srcdir)


def test_the_expected_warnings_are_of_existing_projects() -> None:
    assert set(EXPECTED_WARNINGS) <= set(ROOT_NAMES)


def test_the_docs_build_offline(offline: Run, network_log: Path, tmp_path: Path) -> None:
    assert build_offline(offline, DOCS, tmp_path / "html") == []
    assert (tmp_path / "html" / "warnings.html").is_file()
    assert attempts(network_log) == []


@pytest.mark.parametrize("root", ROOT_NAMES)
def test_every_test_project_builds_offline(
    offline: Run, network_log: Path, tmp_path: Path, root: str
) -> None:
    srcdir = copy_root(root, tmp_path)
    if not (srcdir / "conf.py").exists():  # a Hugo site: its conversion is the project
        assert (srcdir / "hugo.toml").is_file()
        project = tmp_path / "converted"
        result = offline("-m", "sphinx_timeline", "convert", "hugo", srcdir, "--out", project)
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
        srcdir = project
    assert build_offline(offline, srcdir, tmp_path / "html") == EXPECTED_WARNINGS.get(root, [])
    assert attempts(network_log) == []


def test_tweets_fetch_tries_to_connect_and_says_it_could_not(
    offline: Run, network_log: Path, tmp_path: Path
) -> None:
    srcdir = copy_root("tweet", tmp_path)
    cached = srcdir / "_tweets" / "1545097349364981760.json"
    before = cached.read_bytes()
    result = offline("-m", "sphinx_timeline", "tweets", "fetch", "--refresh", srcdir)
    assert result.returncode == 1
    errors = result.stderr.splitlines()
    assert errors == [
        "error: index.md:14: tweet 1545097349364981760: cannot reach "
        "https://publish.twitter.com/oembed: network access is disabled: create_connection",
        "error: posts.rst:11: tweet 20: cannot reach "
        "https://publish.twitter.com/oembed: network access is disabled: create_connection",
    ]
    assert result.stdout.splitlines()[-1] == "0 fetched, 0 already cached, 2 failed"
    refused = attempts(network_log)
    assert len(refused) == 2
    assert all("create_connection(('publish.twitter.com', 443)" in line for line in refused)
    assert cached.read_bytes() == before  # a failed fetch keeps the cache file
