import frontmatter

from ncsite.content.yamlsrc import (
    HANDLER,
    Document,
    FrontMatterFault,
    LineDict,
    PartnerYAMLHandler,
    YamlFault,
    parse,
    split_front_matter,
)


def test_scalars_are_read_on_purpose():
    data, fault = parse("country: NO\nstart: 2017-06-12\nmonth: 2017-06\nyear: 2017\ntime: 10:30\nok: true\nno: no\n")
    assert fault is None
    assert data == {
        "country": "NO",
        "start": "2017-06-12",
        "month": "2017-06",
        "year": 2017,
        "time": "10:30",
        "ok": True,
        "no": "no",
    }


def test_lines_are_remembered_and_shifted():
    data, _ = parse("a: 1\nb:\n  - x\n  - y\nc:\n  d: 2\n", first_line=2)
    assert isinstance(data, LineDict)
    assert data.line_of("a") == 2 and data.line_of("b") == 3 and data.line_of("c") == 6
    assert data["b"].lines == [4, 5]
    assert data["c"].line_of("d") == 7


def test_duplicate_keys_are_faults_with_line():
    _, fault = parse("title: a\ntype: b\ntitle: c\n", first_line=2)
    assert isinstance(fault, YamlFault)
    assert fault.line == 4 and "appears twice" in fault.message


def test_front_matter_split():
    doc = split_front_matter("---\ntitle: x\n---\n\nBody\n")
    assert isinstance(doc, Document)
    assert doc.front_matter == "title: x\n" and doc.body.strip() == "Body" and doc.body_line == 4
    assert isinstance(split_front_matter("# no front matter\n"), YamlFault)
    assert "not closed" in split_front_matter("---\ntitle: x\n").message


def test_front_matter_goes_through_python_frontmatter_with_the_project_rules():
    assert isinstance(HANDLER, frontmatter.YAMLHandler) and isinstance(HANDLER, PartnerYAMLHandler)
    text = "---\ncountry: NO\nstart: 2017-06-12\ntime: 10:30\n---\n\nBody\n"
    post = frontmatter.loads(text, handler=HANDLER)
    assert post.metadata == {"country": "NO", "start": "2017-06-12", "time": "10:30"}
    assert post.content == "Body"
    fm, _ = HANDLER.split(text)
    data = HANDLER.load(fm)
    assert isinstance(data, LineDict) and data.line_of("country") == 2 and data.line_of("time") == 4
    try:
        HANDLER.load("\ntitle: a\ntitle: b\n")
    except FrontMatterFault as err:
        assert err.fault.line == 3 and "appears twice" in err.fault.message
    else:
        raise AssertionError("a duplicate key must be a fault")


def test_only_three_dashes_open_front_matter():
    assert isinstance(split_front_matter("----\ntitle: x\n----\n"), YamlFault)
    doc = split_front_matter("---\r\ntitle: x\r\n---  \r\nBody\r\n")
    assert isinstance(doc, Document)
    assert doc.front_matter == "title: x\r\n" and doc.body == "Body\r\n" and doc.body_line == 4
