"""data/partners.yaml: the project's 21 partners, validated like the other data files."""

from __future__ import annotations

from pathlib import Path

from ncsite import Sources, load_content

ROOT = Path(__file__).resolve().parents[2]


def test_the_real_partner_list_is_the_project_partnership():
    content, problems = load_content(Sources(ROOT))
    assert problems == []
    partners = content.partners
    assert len(partners) == 21
    assert {p.country for p in partners} == {"DK", "DE", "NO", "SE", "NL", "BE", "GB"}
    assert [p.name for p in partners if p.lead] == ["Aalborg Kommune"]
    assert len({p.id for p in partners}) == 21


def test_partners_file_is_optional(tmp_path):
    (tmp_path / "content").mkdir()
    content, problems = load_content(Sources(tmp_path))
    assert content.partners == ()
    assert problems == []


def test_the_cluster_partners_link_to_their_matchpoint_profiles():
    content, problems = load_content(Sources(ROOT))
    assert problems == []
    linked = {p.cluster for p in content.partners if p.cluster}
    assert linked == {
        "clean",
        "house-of-energy",
        "eehh",
        "energy-valley",
        "oreec",
        "sustainable-business-hub",
        "innovatum",
        "i-cleantech-vlaanderen",
    }
    clusters = {c.id for c in content.clusters}
    assert linked <= clusters
