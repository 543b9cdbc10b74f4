"""Shared fixtures: Sphinx's own test fixtures and a builder for throwaway projects.
The helpers that read the output are in ``helpers.py``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from sphinx.testing.util import SphinxTestApp

from helpers import ROOTS

# Hypothesis's budgets for the property tests (tests/reliability): a fixed one in CI, a
# larger one on request, ``pytest --hypothesis-profile=thorough``.
settings.register_profile(
    "default",
    max_examples=15,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.register_profile(
    "thorough",
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.load_profile("default")

pytest_plugins = ("sphinx.testing.fixtures",)


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where ``@pytest.mark.sphinx(testroot=...)`` finds its ``test-*`` projects."""
    return ROOTS


@pytest.fixture
def build(make_app: Callable[..., SphinxTestApp], tmp_path: Path) -> Callable[..., SphinxTestApp]:
    """Build a project from a dict of files; returns the app after the build."""

    def _build(
        files: dict[str, str], buildername: str = "html", **confoverrides: object
    ) -> SphinxTestApp:
        srcdir = tmp_path / "src"
        srcdir.mkdir(exist_ok=True)
        files.setdefault("conf.py", 'extensions = ["sphinx_timeline"]\nshow_warning_types = True\n')
        for relative, content in files.items():
            (srcdir / relative).parent.mkdir(parents=True, exist_ok=True)
            (srcdir / relative).write_text(content, encoding="utf8")
        app = make_app(buildername, srcdir=srcdir, confoverrides=confoverrides)
        app.build()
        return app

    return _build
