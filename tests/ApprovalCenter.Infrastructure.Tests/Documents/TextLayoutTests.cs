using ApprovalCenter.Documents;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace ApprovalCenter.Infrastructure.Tests.Documents;

public sealed class TextLayoutTests
{
    private PdfDocument _pdf = null!;
    private XGraphics _gfx = null!;
    private XFont _font = null!;

    [SetUp]
    public void SetUp()
    {
        CjkFontResolver.EnsureRegistered();
        _pdf = new PdfDocument();
        _gfx = XGraphics.FromPdfPage(_pdf.AddPage());
        _font = new XFont(CjkFontResolver.Family, 12);
    }

    [TearDown]
    public void TearDown()
    {
        _gfx.Dispose();
        _pdf.Dispose();
    }

    [Test]
    public void Lines_fit_and_keep_every_character()
    {
        var text = string.Concat(Enumerable.Repeat("经审查，申请人清远示例建设有限公司（Qingyuan Example Co., Ltd.）提交的材料符合法定形式。", 6));
        var lines = TextLayout.Wrap(_gfx, text, _font, 200);
        Assert.That(lines, Has.Count.GreaterThan(5));
        foreach (var line in lines)
        {
            var trimmed = line.Length > 0 && "，。）".Contains(line[^1]) ? line[..^1] : line;   // hanging punctuation may overhang
            Assert.That(_gfx.MeasureString(trimmed, _font).Width, Is.LessThanOrEqualTo(200.01), line);
        }
        Assert.That(string.Concat(lines).Replace(" ", ""), Is.EqualTo(text.Replace(" ", "")));
    }

    [Test]
    public void Closing_punctuation_never_starts_a_line_and_opening_brackets_never_end_one()
    {
        for (var width = 60; width < 260; width += 7)
        {
            var lines = TextLayout.Wrap(_gfx, "根据《中华人民共和国行政许可法》第三十二条，本局决定予以受理（编号：QYGX-2026-000123）。请于五日内到窗口领取。", _font, width);
            foreach (var line in lines.Skip(1)) Assert.That(line[0], Is.Not.AnyOf('，', '。', '）', '》', '：'), $"width {width}: {line}");
            foreach (var line in lines) Assert.That(line[^1], Is.Not.AnyOf('（', '《'), $"width {width}: {line}");
        }
    }

    [Test]
    public void Latin_codes_are_not_split_when_they_fit()
    {
        var lines = TextLayout.Wrap(_gfx, "统一社会信用代码91441800MA4WQY3K26，受理编号QYGX-2026-000123，网址https://zwfw.example.cn/verify/ABC", _font, 150);
        var all = string.Join("\n", lines);
        Assert.That(all, Does.Contain("91441800MA4WQY3K26"));
        Assert.That(all, Does.Contain("QYGX-2026-000123"));
    }

    [Test]
    public void A_word_wider_than_the_line_is_broken_rather_than_overflowing()
    {
        var lines = TextLayout.Wrap(_gfx, new string('W', 80), _font, 100);
        Assert.That(lines, Has.Count.GreaterThan(3));
        Assert.That(lines.All(l => _gfx.MeasureString(l, _font).Width <= 100.01), Is.True);
    }

    [Test]
    public void Seal_star_has_five_points_on_the_outer_radius()
    {
        var star = SealStamp.Star(new XPoint(0, 0), 10);
        Assert.That(star, Has.Length.EqualTo(10));
        Assert.That(star[0].Y, Is.EqualTo(-10).Within(1e-9), "one point straight up");
        Assert.That(star.Where((_, i) => i % 2 == 0).All(p => Math.Abs(Math.Sqrt(p.X * p.X + p.Y * p.Y) - 10) < 1e-9), Is.True);
    }
}
