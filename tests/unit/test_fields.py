"""Each field kind of ncsite/content/fields.py on its own: the clean value, or the exact words a partner reads."""

from __future__ import annotations

import pytest

from ncsite.content import fields as F
from ncsite.content.dates import DAY, MONTH
from ncsite.content.models import TOPIC
from ncsite.content.text import slug_hint
from ncsite.content.yamlsrc import parse


def check(kind: F.Kind, value):
    """(clean value, [(field, line, message, hint)]) of one value in field "x" on line 3."""
    ctx = F.Context("content/events/x.md", [], [], "x", 3)
    clean = kind.check(value, ctx)
    return clean, [(p.field, p.line, p.message, p.hint) for p in ctx.problems]


def only_problem(kind: F.Kind, value) -> tuple[str, str]:
    clean, problems = check(kind, value)
    assert clean is F.INVALID and len(problems) == 1
    field, line, message, hint = problems[0]
    assert (field, line) == ("x", 3)
    return message, hint


def test_text():
    assert check(F.Text(), "  Green week ") == ("Green week", [])
    assert check(F.Text(), 2017) == ("2017", [])
    assert only_problem(F.Text(), ["a"]) == (
        "expected text, found a list",
        "write the value as plain text on the same line, in quotes if it contains a colon",
    )


def test_choice_suggests_the_nearest_value():
    kind = F.Choice(F.EVENT_TYPES)
    assert check(kind, "workshop") == ("workshop", [])
    assert only_problem(kind, "workshp") == (
        'the text "workshp" is not one of the allowed values',
        'did you mean "workshop"? use one of: working-days, meeting, workshop, conference, webinar, networking, '
        "living-lab, other",
    )


def test_slug_suggests_an_id():
    assert check(F.Slug(), "wind-north") == ("wind-north", [])
    assert only_problem(F.Slug(), "Wind North!") == (
        'the text "Wind North!" is not a valid id',
        'use lowercase letters, digits and hyphens only, for example "wind-north"',
    )
    assert slug_hint("Årsmøde 2019.md") == "arsmode-2019-md"


def test_url_starting_www_gets_the_full_address():
    assert check(F.Url(), " https://example.org/x ") == ("https://example.org/x", [])
    assert only_problem(F.Url(), "www.example.org") == (
        'the text "www.example.org" is not a web address',
        'write "https://www.example.org"',
    )
    assert only_problem(F.Url(), "example") == (
        'the text "example" is not a web address',
        "write the full address, starting with https://",
    )


def test_email():
    assert check(F.Email(), "info@example.org") == ("info@example.org", [])
    assert only_problem(F.Email(), "Info <info@example.org>") == (
        'the text "Info <info@example.org>" is not an e-mail address',
        "write one address like name@example.org, without a name or 'mailto:'",
    )


def test_country_name_norway_gets_its_code():
    assert check(F.Country(), "NO") == ("NO", [])
    assert only_problem(F.Country(), "Norway") == (
        'the text "Norway" is not a country code',
        'did you mean "NO" (Norway)? use the two-letter ISO 3166 code, in capitals: DK, DE, NO, SE, NL, BE, GB',
    )
    assert only_problem(F.Country(), "dk")[1].startswith('did you mean "DK" (Denmark)? ')
    assert only_problem(F.Country(), "Scotland")[1].startswith('did you mean "GB" (United Kingdom)? ')


def test_country_read_from_yaml_is_norway_not_false():
    data, _ = parse("country: NO\n")
    assert check(F.Country(), data["country"]) == ("NO", [])


def test_timezone():
    assert check(F.Timezone(), "Europe/Oslo") == ("Europe/Oslo", [])
    assert only_problem(F.Timezone(), "Europe/Copenhagn") == (
        'the text "Europe/Copenhagn" is not a time zone',
        'did you mean "Europe/Copenhagen"? use an IANA name such as Europe/Copenhagen, Europe/Berlin or Europe/London',
    )


def test_a_year_only_date_asks_for_the_month():
    assert only_problem(F.WhenKind(), 2017) == (
        "2017 is only a year",
        'add the month ("2017-06") or the day ("2017-06-12"), in quotes',
    )


def test_dates_in_allowed_and_other_forms():
    clean, problems = check(F.WhenKind(), "2017-12")
    assert problems == [] and clean.precision == MONTH and clean.iso == "2017-12"
    assert only_problem(F.WhenKind((DAY,)), "2017-12") == (
        '"2017-12" is a date in a form this field does not take',
        "write YYYY-MM-DD",
    )
    message, hint = only_problem(F.WhenKind(), "12.06.2017")
    assert message == '"12.06.2017" is not a date in an allowed form'
    assert hint.endswith('for example "2017-06-12", or "2017-12" when only the month is known')


@pytest.mark.parametrize("value", [1799, 2101])
def test_integer_out_of_range(value):
    kind = F.Integer(1800, 2100, "2005")
    assert check(kind, 2005) == (2005, [])
    assert only_problem(kind, value) == (f"{value} is out of range", "write a number from 1800 to 2100")


def test_integer_with_words_points_to_the_note_field():
    assert only_problem(F.Integer(0, 1_000_000, "75"), "about 75") == (
        'expected a whole number, found the text "about 75"',
        "write only the number, for example 75; put any explanation in the matching _note field",
    )
    assert only_problem(F.Integer(), True)[0] == "expected a whole number, found the yes/no value true"


def test_boolean():
    assert check(F.Boolean(), False) == (False, [])
    assert only_problem(F.Boolean(), "yes") == ('expected true or false, found the text "yes"', "write true or false")


def test_reference_is_recorded_for_later():
    ctx = F.Context("content/events/x.md", [], [], "clusters[1]", 7)
    assert F.Ref("cluster").check("wind-north", ctx) == "wind-north"
    assert ctx.references == [F.Reference("cluster", "wind-north", "content/events/x.md", "clusters[1]", 7)]
    # A label or name is kept for later, when its id is known and can be given as the fix.
    ctx = F.Context("content/events/x.md", [], [], "topics[1]", 8)
    assert F.Ref("topic").check("Offshore Wind", ctx) is F.INVALID
    assert ctx.problems == []
    assert ctx.references == [
        F.Reference("topic", "Offshore Wind", "content/events/x.md", "topics[1]", 8, id_form=False)
    ]


def test_list_names_the_item_and_its_line():
    data, _ = parse("organisers:\n  - One\n  - [two]\n", first_line=2)
    ctx = F.Context("content/events/x.md", [], [], "organisers", 2)
    assert F.ListOf(F.Text()).check(data["organisers"], ctx) == ("One",)
    assert [(p.field, p.line) for p in ctx.problems] == [("organisers[2]", 4)]
    assert only_problem(F.ListOf(F.Text()), "One") == (
        'expected a list, found the text "One"',
        "write one item per line, each starting with '- ' under the field name",
    )


def test_record_reports_unknown_and_missing_fields():
    data, _ = parse("titel: x\n")
    ctx = F.Context("data/topics.yaml", [], [])
    assert TOPIC.check(data, ctx) is F.INVALID
    assert [(p.field, p.line, p.message) for p in ctx.problems] == [
        ("titel", 1, "this field is unknown"),
        ("id", 1, "this required field is missing"),
        ("label", 1, "this required field is missing"),
    ]
    assert ctx.problems[0].hint == "allowed fields: id, label, group"
