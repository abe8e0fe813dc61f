"""Site settings read from mkdocs.yml: wrong values are plain errors, not tracebacks."""

import subprocess
import sys

import pytest
from conftest import copy_project

from ncsite.config import newsletter_feed_items, site_timezone


def test_site_timezone_default_and_checked():
    assert site_timezone(None) == "Europe/Copenhagen"
    assert site_timezone({"timezone": "Europe/Oslo"}) == "Europe/Oslo"
    with pytest.raises(ValueError, match="extra.timezone"):
        site_timezone({"timezone": "Europe/Copenhagn"})


def test_feed_items_checked():
    assert newsletter_feed_items({}) == 50
    with pytest.raises(ValueError, match="newsletter_feed_items"):
        newsletter_feed_items({"newsletter_feed_items": 0})


def test_bad_timezone_in_mkdocs_yml_is_reported_by_check(tmp_path):
    project = copy_project(tmp_path, parts=("mkdocs.yml", "content", "data"))
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("timezone: Europe/Copenhagen", "timezone: Copenhagen"))
    result = subprocess.run([sys.executable, "-m", "ncsite", "check", str(project)], capture_output=True, text=True)
    assert result.returncode == 1
    assert "extra.timezone" in result.stderr and "Traceback" not in result.stderr
