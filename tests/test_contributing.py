"""CONTRIBUTING.md tells the truth: its templates, contents list, sample report and messages are the real ones."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

import yaml
from conftest import ROOT, copy_project

from ncsite import Sources, load_content
from ncsite.content import limits
from ncsite.content.problems import report

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")

SAMPLE_EVENT = """---
title: Kiel workshop
type: workshp
start: 12/09/2019
location:
  city: Kiel
  country: Germany
clusters:
  - alucluster
  - cewnd
---
"""


def prose(text: str) -> str:
    """The guide without its fenced code blocks (a `## ` line in a template is not a section)."""
    kept, fenced = [], False
    for line in text.splitlines():
        if line.lstrip().startswith("```"):
            fenced = not fenced
        elif not fenced:
            kept.append(line)
    return "\n".join(kept)


def anchor(heading: str) -> str:
    """GitHub's anchor of a heading: lowercase, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def table() -> str:
    """The message table: all of it under "When the check fails", none after it."""
    section = GUIDE[GUIDE.index("\n## When the check fails") : GUIDE.index("\n## For developers")]
    after = GUIDE[GUIDE.index("\n## For developers") :]
    assert not re.search(r"^\| `", after, re.M), "a row of the message table stands after 'For developers'"
    return section


def test_guide_shows_every_template_as_it_is_in_templates():
    for path in sorted((ROOT / "templates").iterdir()):
        text = re.sub(r"<!--.*?-->", "", path.read_text(encoding="utf-8"), flags=re.S)
        for line in text.splitlines():
            if line.strip() and not line.lstrip().startswith("#"):
                assert line in GUIDE, f"templates/{path.name}: {line!r} is not in CONTRIBUTING.md"
        assert f"`templates/{path.name}`" in GUIDE, path.name


def test_contents_list_matches_the_sections():
    headings = re.findall(r"^## (.+)$", prose(GUIDE), re.M)
    contents = re.findall(r"^- \[(.+)\]\(#([^)]+)\)$", GUIDE[: GUIDE.index("\n## ")], re.M)
    assert [title for title, _ in contents] == headings
    assert [target for _, target in contents] == [anchor(h) for h in headings]
    assert len(headings) >= 15 and "Size limits" in headings


def test_every_link_to_a_section_finds_it():
    anchors = {anchor(h) for h in re.findall(r"^#{2,4} (.+)$", prose(GUIDE), re.M)}
    for target in re.findall(r"\]\(#([^)]+)\)", GUIDE):
        assert target in anchors, target


def test_guide_covers_each_task_with_the_web_editor_steps():
    for words in (
        "*Add file*",
        "*Create new file*",
        "Upload files*",
        "*Commit changes…*",
        "*Propose changes*",
        "*Commit directly to the",
        "![Group photo",
        "alt text",
        "nav:",
        "not_in_nav:",
        "openstreetmap.org",
        "*Show address*",
        "Preview of this pull request",
        "Reported elsewhere",
        "outcome:",
        "Everything you write in this repository is public",
    ):
        assert words in GUIDE, words
    assert not re.search(r"!\[[^\]]*\]\(https?://[\w-]+\.", GUIDE), "an image from another website is never shown"


# -- every message the code can print is in the table ----------------------------------------

# Where a message is handed over: the position of the message among the call's arguments.
MESSAGE_ARGUMENT = {"fail": 0, "Problem": 3, "Finding": 1, "YamlFault": 1}


def _texts(node: ast.expr) -> list[str]:
    """The text of a message expression, "\0" standing for each part filled in at run time."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return ["".join(v.value if isinstance(v, ast.Constant) else "\0" for v in node.values)]
    if isinstance(node, ast.IfExp):
        return _texts(node.body) + _texts(node.orelse)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return [a + b for a in _texts(node.left) or ["\0"] for b in _texts(node.right) or ["\0"]]
    return []


def code_messages() -> Iterator[tuple[str, str]]:
    """(where, message) for every message ncsite can report: the message argument of each
    `ctx.fail(...)`, `self.problem(file, ...)`, `problem(...)`, `Problem(...)`, `Finding(...)`,
    `YamlFault(...)` and `message=`, and the (message, fix) a `missing(...)` or a `...fault(...)` returns. Messages made of a
    variable are reported where that variable gets its text."""
    for path in sorted((ROOT / "ncsite").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            found: list[ast.expr] = []
            if isinstance(node, ast.Call):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
                position = (1 if isinstance(func, ast.Attribute) else 0) if name == "problem" else None
                position = MESSAGE_ARGUMENT.get(name or "", position)
                if position is not None and len(node.args) > position:
                    found.append(node.args[position])
                found += [k.value for k in node.keywords if k.arg == "message"]
            elif isinstance(node, ast.FunctionDef) and (node.name == "missing" or node.name.endswith("fault")):
                found += [
                    r.value.elts[0]
                    for r in ast.walk(node)
                    if isinstance(r, ast.Return) and isinstance(r.value, ast.Tuple)
                ]
            for expr in found:
                for text in _texts(expr):
                    yield f"{path.relative_to(ROOT)}:{expr.lineno}", text


def covers(fragment: str, message: str) -> bool:
    """Whether `fragment` can be part of the message, each "\0" of which stands for any text;
    at least some of the fragment must be the message's own words."""
    chunks = message.split("\0")
    if any(fragment in chunk for chunk in chunks):
        return True

    def ends(chunk: str, suffix: bool, empty: bool) -> str:
        cuts = [chunk[k:] if suffix else chunk[:k] for k in range(len(chunk) + 1)]
        return "(?:" + "|".join(re.escape(cut) for cut in cuts if cut or empty) + ")"

    for i in range(len(chunks)):
        for j in range(i + 1, len(chunks)):
            middle = "".join(".*?" + re.escape(chunk) for chunk in chunks[i + 1 : j]) + ".*?"
            shapes = [(False, True), (True, False)] + ([(True, True)] if chunks[i + 1 : j] else [])
            for empty_start, empty_end in shapes:
                pattern = ends(chunks[i], True, empty_start) + middle + ends(chunks[j], False, empty_end)
                if re.fullmatch(pattern, fragment, re.S):
                    return True
    return False


def table_fragments() -> list[str]:
    rows = [line.split(" | ")[0] for line in table().splitlines() if line.startswith("| ")][2:]
    return [fragment for row in rows for fragment in re.findall(r"`([^`]+)`", row)]


def test_every_message_the_code_can_print_is_in_the_table():
    messages = list(code_messages())
    assert len(messages) > 60  # the finder finds them: a change of how messages are made shows here
    fragments = table_fragments()
    missing = [
        f"{where}: {text!r}"
        for where, text in messages
        if len(text.replace("\0", "").strip()) > 3 and not any(covers(f, text) for f in fragments)
    ]
    assert missing == [], "messages the guide's table does not explain (add a row):\n" + "\n".join(missing)


def test_the_message_finder_sees_a_new_message(tmp_path):
    code = "def check(ctx, value):\n    return ctx.fail(f'{value} is a brand-new kind of mistake', 'fix it')\n"
    node = ast.parse(code).body[0].body[0].value
    assert _texts(node.args[0]) == ["\0 is a brand-new kind of mistake"]
    assert covers("is a brand-new kind", "\0 is a brand-new kind of mistake")
    assert covers("there is no cluster", 'there is no \0 "\0"')
    assert not covers("there is no cluster", 'there is a \0 "\0"')


def test_sample_report_is_what_the_check_prints(tmp_path):
    project = copy_project(tmp_path)
    (project / "content/events/2019-09-kiel-workshop.md").write_text(SAMPLE_EVENT, encoding="utf-8")
    _, problems = load_content(Sources(project))
    assert report(problems) in GUIDE


def test_every_message_in_the_table_is_a_real_message(tmp_path):
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "ncsite").rglob("*.py")).replace("\\'", "'")
    # Messages whose words are put together at run time, seen in real reports instead.
    project = copy_project(tmp_path)
    (project / "content/events/2019-09-refs.md").write_text(
        '---\ntitle: R\ntype: meeting\nstart: "2019-09-01"\nclusters: [nobody]\nlivinglab: nowhere\n---\n',
        encoding="utf-8",
    )
    (project / "content/livinglabs/refs-lab.md").write_text(
        '---\ntitle: R\ncity: Kiel\ncountry: "DE"\ntopics: [no-such-topic]\n---\n', encoding="utf-8"
    )
    cluster = yaml.safe_load((ROOT / "data/clusters.yaml").read_text(encoding="utf-8"))["clusters"][0]["id"]
    (project / f"content/matchpoint/{cluster}.md").write_text("# A page in a cluster's place\n", encoding="utf-8")
    _, problems = load_content(Sources(project))
    seen = source + "\n".join(str(p) for p in problems)
    fragments = table_fragments()
    assert len(fragments) > 30
    messages = [text for _, text in code_messages()]
    for fragment in fragments:
        real = fragment in seen or any(covers(fragment, text) for text in messages)
        assert real, f"CONTRIBUTING.md quotes {fragment!r}, which no check prints"


def test_guide_covers_consent_quotes_and_preview():
    for words in (
        "contact_public: true",
        "consent",
        '"NO"',
        "make serve",
        "PORT=",
        "make check",
        "vscode-yaml#207",
        "templates/",
    ):
        assert words in GUIDE, words


def test_guide_states_the_size_limits_the_check_applies():
    section = GUIDE.split("## Size limits", 1)[1].split("\n## ", 1)[0]
    assert f"| {limits.TITLE_CHARACTERS} characters |" in section
    assert f"| {limits.SUMMARY_CHARACTERS} characters" in section
    assert f"| {limits.IMAGE_BYTES // (1024 * 1024)} MB" in section
    assert f"| {limits.PDF_BYTES // (1024 * 1024)} MB" in section
