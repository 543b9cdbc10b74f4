"""Lighthouse's scores for the ``sphinx_timeline`` theme, on a docs page and a note page.

The test site ``roots/test-theme`` is built once with the theme and served over http
from 127.0.0.1 (a local ``http.server`` in a thread, on a free port). Lighthouse (from
the npm registry: ``.ci/run`` installs it into ``tests/browser/node_modules``) audits
each page three times per form factor, on the machine's Chromium; the audits run once
per module and the tests read their JSON reports. Accessibility, best practices and
SEO must score 100 in every run; performance, the median of the three runs, 100 on a
desktop and at least 98 on a phone. Every request the pages made went to the site.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import statistics
import subprocess
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from .conftest import (
    CHROMIUM_ARGS,
    NODE_MODULES,
    THEME_ROOT,
    build_site,
    find_chromium,
    needed,
    unavailable,
)

pytestmark = pytest.mark.browser

LIGHTHOUSE = NODE_MODULES / "lighthouse" / "cli" / "index.js"
PAGES = ("guide/reference", "notes/first")
FORM_FACTORS = ("mobile", "desktop")
RUNS = 3
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PERFORMANCE = {"desktop": 1.0, "mobile": 0.98}
"""The least median performance score on each form factor."""

Report = dict[str, Any]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site, without a log line per request."""

    def log_message(self, format: str, *args: Any) -> None:
        """Say nothing."""


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The test site, built with the theme and served on 127.0.0.1; its base URL."""
    site = build_site(
        THEME_ROOT, tmp_path_factory.mktemp("lighthouse"), html_theme="sphinx_timeline"
    )
    handler = functools.partial(QuietHandler, directory=str(site))
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        yield f"http://127.0.0.1:{server.server_address[1]}/"
        server.shutdown()
        thread.join()


def lighthouse(node: str, chromium: str, url: str, form_factor: str) -> Report:
    """One Lighthouse run of the four categories on ``url``; its JSON report."""
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    command = [node, str(LIGHTHOUSE), url, "--output=json", "--output-path=stdout", "--quiet"]
    command += [f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={flags}"]
    if form_factor == "desktop":
        command.append("--preset=desktop")
    result = subprocess.run(
        command,
        capture_output=True,
        text=True,
        check=False,
        timeout=180,
        env={**os.environ, "CHROME_PATH": chromium},
    )
    assert result.returncode == 0, result.stderr
    report: Report = json.loads(result.stdout)
    assert report.get("runtimeError") is None, report["runtimeError"]
    return report


@pytest.fixture(scope="module")
def reports(served: str) -> dict[tuple[str, str], list[Report]]:
    """Each page's reports on each form factor, ``RUNS`` of them, run once per module."""
    node = shutil.which("node")
    if node is None:
        unavailable("no node found for Lighthouse (apt-get install nodejs npm)")
    chromium = find_chromium()
    if chromium is None:
        unavailable("no Chromium found for Lighthouse (apt-get install chromium)")
    needed(LIGHTHOUSE)
    return {
        (page, form_factor): [
            lighthouse(node, chromium, f"{served}{page}.html", form_factor) for _ in range(RUNS)
        ]
        for page in PAGES
        for form_factor in FORM_FACTORS
    }


def scores(report: Report) -> dict[str, float]:
    """The report's score in each category, 0 to 1."""
    return {name: report["categories"][name]["score"] for name in CATEGORIES}


def losses(report: Report, category: str) -> list[str]:
    """The audits that cost ``category`` points, with what Lighthouse says of them."""
    found = []
    for reference in report["categories"][category]["auditRefs"]:
        audit = report["audits"][reference["id"]]
        if reference["weight"] and audit["score"] is not None and audit["score"] < 1:
            found.append(f"{audit['id']} {audit['score']} {audit.get('displayValue', '')}")
    return found


@pytest.mark.parametrize("form_factor", FORM_FACTORS)
@pytest.mark.parametrize("page", PAGES)
def test_accessibility_best_practices_and_seo_score_100(
    reports: dict[tuple[str, str], list[Report]], page: str, form_factor: str
) -> None:
    for report in reports[page, form_factor]:
        assert report["configSettings"]["formFactor"] == form_factor
        for category in ("accessibility", "best-practices", "seo"):
            assert (category, scores(report)[category]) == (category, 1), losses(report, category)


@pytest.mark.parametrize("form_factor", FORM_FACTORS)
@pytest.mark.parametrize("page", PAGES)
def test_performance_scores_high(
    reports: dict[tuple[str, str], list[Report]], page: str, form_factor: str
) -> None:
    runs = reports[page, form_factor]
    median = statistics.median(scores(report)["performance"] for report in runs)
    assert median >= PERFORMANCE[form_factor], [losses(report, "performance") for report in runs]


@pytest.mark.parametrize("page", PAGES)
def test_the_pages_ask_only_the_site(
    reports: dict[tuple[str, str], list[Report]], served: str, page: str
) -> None:
    for form_factor in FORM_FACTORS:
        report = reports[page, form_factor][0]
        urls = [item["url"] for item in report["audits"]["network-requests"]["details"]["items"]]
        assert f"{served}{page}.html" in urls
        assert [url for url in urls if not url.startswith(served)] == []
