using System.Text.RegularExpressions;
using ApprovalCenter.Documents;

namespace ApprovalCenter.Infrastructure.Tests.Documents;

public sealed class RenderingTests
{
    private DocumentFixture _f = null!;

    [OneTimeSetUp] public void SetUp() => _f = new DocumentFixture();
    [OneTimeTearDown] public void TearDown() => _f.Dispose();

    private static string Compact(string s) => Regex.Replace(s, @"\s+", "");

    private static IEnumerable<DocumentKind> Kinds() => Enum.GetValues<DocumentKind>();

    [TestCaseSource(nameof(Kinds))]
    public void Every_kind_renders_title_number_and_mixed_chinese_latin_text(DocumentKind kind)
    {
        var doc = _f.Sealed(kind);
        var content = Samples.For(kind);
        var text = Poppler.Text(doc.Pdf);
        var compact = Compact(text);

        Assert.That(compact, Does.Contain(Compact(content.Title)));
        Assert.That(text, Does.Contain(Samples.CaseNumber));
        Assert.That(text, Does.Contain($"编号：{Samples.CaseNumber}-{kind.Code()}"));
        Assert.That(text, Does.Contain(Samples.CreditCode));
        Assert.That(compact, Does.Contain(Compact(Samples.Alias)));
        Assert.That(text, Does.Contain("清远高新区行政审批局"));
        Assert.That(text, Does.Contain("二〇二六年十一月二十一日"), "issue date in Chinese numerals under the seal");
        Assert.That(text, Does.Contain(SealStamp.Purpose), "the drawn seal carries its purpose");
    }

    [Test]
    public void Addressee_line_keeps_the_english_alias_whole()
    {
        var text = Poppler.Text(_f.Sealed(DocumentKind.AcceptanceNotice).Pdf);
        Assert.That(text, Does.Contain($"清远示例建设有限公司（{Samples.Alias}）："));
    }

    [Test]
    public void Verification_url_and_code_are_printed_under_the_qr_code_and_encoded_in_it()
    {
        var doc = _f.Sealed(DocumentKind.ApprovalDecision);
        var text = Poppler.Text(doc.Pdf);
        Assert.That(doc.VerificationUrl, Is.EqualTo($"{DocumentFixture.BaseUrl}/verify/{doc.VerificationCode}"));
        Assert.That(text, Does.Contain(doc.VerificationUrl));
        Assert.That(text, Does.Contain(doc.VerificationCode));

        var stamp = new DocumentStamp("ABCDEFGHJKLMNPQR", _f.Options.VerificationUrl("ABCDEFGHJKLMNPQR"));
        var composed = _f.Renderer.Compose(Samples.For(DocumentKind.DenialDecision), stamp);
        using (composed.Pdf)
            Assert.That(composed.QrPayload, Is.EqualTo($"{DocumentFixture.BaseUrl}/verify/ABCDEFGHJKLMNPQR"));
    }

    [Test]
    public void Denial_decision_prints_reasons_and_remedies()
    {
        var compact = Compact(Poppler.Text(_f.Sealed(DocumentKind.DenialDecision).Pdf));
        Assert.That(compact, Does.Contain(Compact(DocumentTemplates.StandardRemedies)));
        Assert.That(compact, Does.Contain("SC-2026-0789"));
        Assert.That(compact, Does.Contain("第三十八条第二款"));
    }

    [Test]
    public void One_time_notice_prints_the_materials_table()
    {
        var text = Poppler.Text(_f.Sealed(DocumentKind.SupplementNotice).Pdf);
        var compact = Compact(Poppler.RawText(_f.Sealed(DocumentKind.SupplementNotice).Pdf));
        Assert.That(compact, Does.Contain("需补正材料清单"));
        Assert.That(compact, Does.Contain("补正原因及要求"));
        foreach (var m in Samples.Missing) Assert.That(compact, Does.Contain(Compact(m.Name)).And.Contain(Compact(m.Reason)));
        Assert.That(text, Does.Contain("PRJ-2026-0456"), "a code inside a wrapped table cell stays whole");
    }

    [Test]
    public void Commitment_based_approval_carries_the_watermark_and_a_plain_one_does_not()
    {
        Assert.That(Compact(Poppler.RawText(_f.Sealed(DocumentKind.ApprovalDecision).Pdf)), Does.Contain("附条件·承诺待核查"));
        Assert.That(Poppler.Text(_f.Sealed(DocumentKind.DenialDecision).Pdf), Does.Not.Contain("附条件"));
    }

    [Test]
    public void Font_is_embedded_as_a_unicode_cid_subset()
    {
        var fonts = Poppler.Fonts(_f.Sealed(DocumentKind.AcceptanceNotice).Pdf);
        var line = fonts.Split('\n').Where(l => l.Contains("WenQuanYi")).ToList() switch
        {
            [var only] => only,
            var lines => throw new AssertionException($"expected one embedded font, got {lines.Count}:\n{fonts}"),
        };
        Assert.That(line, Does.Contain("CID TrueType").And.Contain("Identity-H"));
        Assert.That(Regex.IsMatch(line, @"\byes\s+yes\s+yes\b"), Is.True, $"emb/sub/uni should all be yes: {line}");
    }

    [Test]
    public void Long_document_flows_onto_more_pages_with_page_footers()
    {
        var header = Samples.Header;
        var reasons = Enumerable.Range(1, 45).Select(i => $"第{i}项审查意见：施工图设计文件中的结构计算书（Structural Calculation Sheet No.{i:000}）与建筑专业图纸不一致，需要重新核对。").ToList();
        var content = DocumentTemplates.DenialDecision(header, new(reasons));
        var pdf = _f.Renderer.Render(content, new DocumentStamp("AAAABBBBCCCCDDDD", _f.Options.VerificationUrl("AAAABBBBCCCCDDDD")));
        var text = Poppler.Text(pdf);
        var pages = text.Split('\f', StringSplitOptions.RemoveEmptyEntries).Where(p => p.Trim().Length > 0).ToList();
        Assert.That(pages, Has.Count.GreaterThanOrEqualTo(2));
        Assert.That(Compact(text), Does.Contain($"第1页共{pages.Count}页").And.Contain($"第{pages.Count}页共{pages.Count}页"));
        Assert.That(Compact(text), Does.Contain("StructuralCalculationSheetNo.045"), "the last reason is not lost at a page break");
        Assert.That(Compact(pages[^1]), Does.Contain(Compact(DocumentTemplates.StandardRemedies)).Or.Contain(SealStamp.Purpose));

        var single = Poppler.Text(_f.Sealed(DocumentKind.AcceptanceNotice).Pdf);
        Assert.That(Compact(single), Does.Not.Contain("页共"));
    }

    [Test]
    public void Previews_rasterise_for_visual_review()
    {
        const string dir = "/tmp/docs-preview";
        Directory.CreateDirectory(dir);
        foreach (var kind in new[] { DocumentKind.ApprovalDecision, DocumentKind.SupplementNotice, DocumentKind.DenialDecision, DocumentKind.Certificate })
        {
            var prefix = Path.Combine(dir, kind.ToString());
            File.WriteAllBytes(prefix + ".pdf", _f.Sealed(kind).Pdf);
            Poppler.Png(_f.Sealed(kind).Pdf, prefix);
            Assert.That(Directory.GetFiles(dir, kind + "*.png"), Is.Not.Empty);
        }
    }
}
