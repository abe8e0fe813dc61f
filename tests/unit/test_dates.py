import datetime as dt

from ncsite.content.dates import DAY, MONTH, TIME, build_now, parse_when
from ncsite.features.events.calendar import when_text


def test_forms_keep_their_precision():
    assert parse_when("2017-12").precision == MONTH
    assert parse_when("2017-12-12").precision == DAY
    assert parse_when("2017-12-12T10:30").precision == TIME
    assert parse_when("2017-12-12 10:30").time == dt.time(10, 30)
    assert parse_when("2017-13") is None and parse_when("2017-02-30") is None and parse_when("2017") is None
    assert parse_when("2017-12-12T10:30", forms=(MONTH, DAY)) is None


def test_month_only_never_gets_a_day():
    december = parse_when("2017-12")
    assert december.iso == "2017-12"
    assert december.last_date == dt.date(2017, 12, 31)
    assert when_text(december) == "December 2017"


def test_ranges_read_compactly():
    assert when_text(parse_when("2017-06-12"), parse_when("2017-06-14")) == "12–14 June 2017"
    assert when_text(parse_when("2018-11-28"), parse_when("2018-12-01")) == "28 November – 1 December 2018"
    assert when_text(parse_when("2016-12-30"), parse_when("2017-01-02")) == "30 December 2016 – 2 January 2017"
    assert when_text(parse_when("2019-05-08T10:00"), parse_when("2019-05-08T16:00")) == "8 May 2019, 10:00–16:00"
    assert when_text(parse_when("2019-12"), parse_when("2020-01")) == "December 2019 – January 2020"


def test_source_date_epoch_is_now():
    assert build_now({"SOURCE_DATE_EPOCH": "0"}) == dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
    assert build_now({}).tzinfo is not None
