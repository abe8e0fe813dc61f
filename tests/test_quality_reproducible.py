"""Two builds with the same SOURCE_DATE_EPOCH, in two different folders, are byte-identical.

Every file counts: pages, sitemap.xml.gz (gzip stores a time and a file
name), the search index, feeds, calendars and JSON exports.
"""

from __future__ import annotations

import gzip
import hashlib
import struct

from conftest import BUILD_EPOCH, copy_project, mkdocs_build


def digests(site) -> dict[str, str]:
    return {
        f.relative_to(site).as_posix(): hashlib.sha256(f.read_bytes()).hexdigest()
        for f in sorted(site.rglob("*"))
        if f.is_file()
    }


def test_two_builds_are_byte_identical(built_site, tmp_path):
    other = tmp_path / "elsewhere-with-a-longer-path"
    other.mkdir()
    copy_project(other)
    result = mkdocs_build(other, {"SOURCE_DATE_EPOCH": BUILD_EPOCH})
    assert result.returncode == 0, result.stderr
    first, second = digests(built_site), digests(other / "site")
    assert sorted(first) == sorted(second), "the two builds wrote different files"
    differ = [path for path in first if first[path] != second[path]]
    assert differ == [], f"files differ between two builds of the same sources: {differ}"


def test_sitemap_gzip_header_is_the_build_day(built_site):
    """MkDocs stamps sitemap.xml.gz with its pages' update date: the day of SOURCE_DATE_EPOCH, not the clock."""
    data = (built_site / "sitemap.xml.gz").read_bytes()
    mtime = struct.unpack("<I", data[4:8])[0]
    assert mtime == int(BUILD_EPOCH) // 86400 * 86400
    assert gzip.decompress(data) == (built_site / "sitemap.xml").read_bytes()
