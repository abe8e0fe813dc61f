"""The real site in Debian's Chromium: the home page shows the funding statement and the next events."""


def test_home_in_chromium(page, site_url):
    page.goto(site_url)
    assert page.locator("h1").first.inner_text() == "Northern Connections"
    funding = page.locator(".nc-hero .nc-funding")
    assert "Co-funded by the European Union" in funding.inner_text()
    box = funding.bounding_box()
    assert box and box["y"] + box["height"] <= 900, "funding statement must be visible without scrolling"
    page.get_by_role("link", name="All events and the archive").click()
    page.wait_for_url("**/events/")
    assert page.locator("h1").first.inner_text() == "Events"
    assert page.console_errors == []
