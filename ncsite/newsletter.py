"""The newsletter archive: published issues, newest first."""

from __future__ import annotations

from .build import Feature, GeneratedPage, PageView


def published(issues, today):
    """Issues dated today or earlier, newest first; later ones wait for a later build."""
    return sorted((i for i in issues if i.date.date <= today), key=lambda i: (i.date.date, i.slug), reverse=True)


class NewsletterFeature(Feature):
    def pages(self):
        yield GeneratedPage("newsletter/index.md", "Newsletter", "newsletter.html", edit_path="overrides/newsletter.html",
                            description="The Northern Connections newsletter archive.")

    def withheld(self):
        today = self.build.today
        return [f"newsletter/{i.slug}.md" for i in self.content.newsletter if i.date.date > today]

    def views(self):
        issues = published(self.content.newsletter, self.build.today)
        views = {"newsletter/index.md": PageView("newsletter.html", {"issues": issues}, "overrides/newsletter.html")}
        for issue in issues:
            views[f"newsletter/{issue.slug}.md"] = PageView("newsletter-issue.html", {"issue": issue})
        return views
