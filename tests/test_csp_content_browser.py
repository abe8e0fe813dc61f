"""The policy trusts only the templates' own scripts: a partner's script that got past the sanitiser
is blocked by the browser on every page type.

The sanitiser is taken out of the way by a test-only hook that runs after ours and writes
a script and an event handler into every page's content (what a sanitiser bug would let
through), and a script into every page before the policy is written (which the build also reports). The pages are opened in Debian's Chromium.
"""

from __future__ import annotations

import sys
from urllib.parse import urljoin

import pytest
import sitepages
import yaml
from conftest import BUILD_EPOCH, ROOT, copy_project, run, serve_folder

TYPES = sitepages.page_types(ROOT, BUILD_EPOCH)
INJECT = """
from mkdocs.plugins import event_priority


@event_priority(-100)  # after the site's hooks: past the sanitiser
def on_page_content(html, page, config, files):
    return html + (
        "<script>window.__partner = 'ran'</script>"
        '<img src="missing.png" alt="" onerror="window.__handler = \\'ran\\'">'
    )


@event_priority(100)  # before the site's policy is written: the script is on the page it reads
def on_post_page(output, page, config):
    return output.replace("</body>", "<script>window.__late = 'ran'</script></body>")
"""
LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", e => window.__violations.push(e.violatedDirective));
"""


@pytest.fixture(scope="module")
def injected_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("injected"))
    (project / "hooks/inject_for_test.py").write_text(INJECT, encoding="utf-8")
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["hooks"].append("hooks/inject_for_test.py")
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    # Not strict: the build itself says that a page holds an inline script the policy does not trust.
    cmd = [sys.executable, "-m", "mkdocs", "build", "--no-strict", "--site-dir", "site"]
    result = run(cmd, project, {"SOURCE_DATE_EPOCH": BUILD_EPOCH})
    assert result.returncode == 0, result.stderr
    assert "writes an inline script the pages' policy does not trust (\"window.__late = 'ran'\")" in result.stderr
    assert "__partner" not in result.stderr, "a script of the content is the browser's to refuse, not a template's"
    url, server = serve_folder(project / "site")
    yield project / "site", url
    server.shutdown()


@pytest.mark.parametrize("case", sitepages.cases(TYPES))
def test_a_script_in_the_content_is_blocked_on_every_page_type(case, injected_site, browser):
    site, url = injected_site
    path = sitepages.case_path(case, TYPES, site)
    html = sitepages.file_of(site, path).read_text(encoding="utf-8")
    assert "window.__late = 'ran'" in html, "the test hook wrote the script into the page"
    shows_content = "window.__partner = 'ran'" in html  # Matchpoint's profiles show no Markdown content
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.add_init_script(LISTEN)
    page = context.new_page()
    try:
        page.goto(urljoin(url, path))
        page.wait_for_load_state("load")
        page.wait_for_timeout(200)
        assert page.evaluate("() => [window.__partner, window.__handler, window.__late]") == [None, None, None]
        found = page.evaluate("() => window.__violations")
        assert found.count("script-src-elem") == (2 if shows_content else 1), found
        assert ("script-src-attr" in found) == shows_content, found
        # The templates' own scripts still run: Material's bundle sets up its search and palette.
        assert page.evaluate("() => typeof window.__md_get") == "function"
    finally:
        context.close()
