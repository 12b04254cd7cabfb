"""The HTML reader on small pages written for these tests."""

from __future__ import annotations

import rasid

PARAGRAPHS = [
    "أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في المدينة بسعة مئتي سرير ومركز للطوارئ.",
    "وقال المتحدث باسم الوزارة إن المستشفى سيخدم أكثر من مليون نسمة في المنطقة الشمالية.",
    "وأضاف أن العمل في المشروع استمر ثلاث سنوات بتكلفة بلغت نحو خمسين مليون دولار أمريكي.",
]


def page(head: str = "", body_extra: str = "", footer: str = "") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        "<!DOCTYPE html><html lang='ar' dir='rtl'><head><meta charset='utf-8'>"
        f"<title>افتتاح مستشفى جديد</title>{head}</head><body>"
        "<nav><a href='/'>الرئيسية</a> <a href='/news'>أخبار</a></nav>"
        f"<article><h1>افتتاح مستشفى جديد</h1>{paragraphs}{body_extra}</article>"
        f"<footer>{footer}</footer></body></html>"
    )


def test_html_recognised_by_content_not_name(tmp_path):
    path = tmp_path / "article.txt"  # the name says text; the content is HTML
    path.write_text(page(), encoding="utf-8")
    article = rasid.read(path)
    assert article.format == "html"
    assert article.title == "افتتاح مستشفى جديد"
    assert article.body == PARAGRAPHS
    assert ("title-repeat", "افتتاح مستشفى جديد") in [(r.reason, r.text) for r in article.removed]


def test_headings_kept_as_headings():
    extra = "<h2>تفاصيل المشروع</h2><p>" + PARAGRAPHS[0].replace("أعلنت", "أكدت") + "</p>"
    article = rasid.read(page(body_extra=extra))
    assert "تفاصيل المشروع" in article.headings


def test_author_prefix_stripped():
    article = rasid.read(page(head="<meta name='author' content='بواسطة سارة المثال'>"))
    assert article.author == "سارة المثال"


def test_no_date_from_a_copyright_line():
    article = rasid.read(page(footer="<p>© 2019 جميع الحقوق محفوظة لصحيفة المثال</p>"))
    assert article.published is None


def test_publisher_local_date_wins_over_utc():
    head = (
        "<meta property='article:published_time' content='2020-12-24T23:59:50+00:00'>"
        '<script type="application/ld+json">{"@type":"NewsArticle",'
        '"datePublished":"2020-12-25T01:59:50+02:00"}</script>'
    )
    assert rasid.read(page(head=head)).published == "2020-12-25"


def test_metadata_date_and_published_override():
    head = "<meta property='article:published_time' content='2022-02-28T10:00:00+00:00'>"
    assert rasid.read(page(head=head)).published == "2022-02-28"
    assert rasid.read(page(head=head), published="2022-03-01").published == "2022-03-01"


def test_boilerplate_inside_the_article_is_removed():
    extra = "<p>اقرأ أيضا: الوزارة تفتتح مركزا صحيا جديدا</p><p>الرياض - واس</p>"
    article = rasid.read(page(body_extra=extra))
    reasons = [r.reason for r in article.removed]
    assert "read-also" in reasons
    assert all("اقرأ أيضا" not in p for p in article.body)


def test_html_in_windows_1256_with_meta_charset():
    html = page().replace("charset='utf-8'", "charset='windows-1256'")
    article = rasid.read(html.encode("windows-1256"))
    assert article.encoding == "windows-1256"
    assert article.body == PARAGRAPHS
