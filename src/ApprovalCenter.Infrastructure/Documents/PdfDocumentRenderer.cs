using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace ApprovalCenter.Documents;

/// <summary>What makes one issued document findable: the random verification code and the public
/// URL the QR code encodes.</summary>
public sealed record DocumentStamp(string VerificationCode, string VerificationUrl);

/// <summary>A composed, not yet saved PDF and where its seal sits (page index and rectangle in
/// PDF user space, origin bottom-left) so the signer can lay the signature field over it.</summary>
public sealed record ComposedDocument(PdfDocument Pdf, int SealPageIndex, XRect SealRectangle, string QrPayload);

/// <summary>
/// Renders <see cref="DocumentContent"/> to an A4 PDF in the look of an official document: red
/// bureau header and rule, title, document number, addressee, labelled fields, indented
/// paragraphs, an optional bordered table, legal basis and remedies, then the sign-off (bureau
/// name and date in Chinese numerals under the drawn seal) beside a QR code for the public
/// verification page. Multi-page documents get "第 x 页 共 y 页" footers; conditional approvals
/// a diagonal watermark.
/// </summary>
public sealed class PdfDocumentRenderer
{
    private readonly DocumentOptions _options;

    public PdfDocumentRenderer(DocumentOptions options)
    {
        _options = options;
        CjkFontResolver.EnsureRegistered(options.FontPath);
    }

    public DocumentOptions Options => _options;

    /// <summary>Renders an unsigned PDF (previews and the render-only benchmark baseline).</summary>
    public byte[] Render(DocumentContent content, DocumentStamp stamp)
    {
        var composed = Compose(content, stamp);
        using var ms = new MemoryStream();
        composed.Pdf.Save(ms, closeStream: false);
        return ms.ToArray();
    }

    public ComposedDocument Compose(DocumentContent content, DocumentStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(stamp.VerificationCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(stamp.VerificationUrl);
        var pdf = new PdfDocument();
        pdf.Info.Title = $"{content.Title} {content.DocumentNumber}";
        pdf.Info.Author = _options.BureauName;
        pdf.Info.Subject = content.Item.Name;
        pdf.Info.Creator = "ApprovalCenter";
        pdf.Options.CompressContentStreams = true;

        var writer = new PageWriter(pdf);
        try
        {
            Header(writer);
            Body(writer, content);
            var (pageIndex, centre) = SignOff(writer, content, stamp);
            writer.Finish();
            Decorate(pdf, content);
            var page = pdf.Pages[pageIndex];
            var rect = new XRect(centre.X - SealStamp.Radius, page.Height.Point - centre.Y - SealStamp.Radius, 2 * SealStamp.Radius, 2 * SealStamp.Radius);
            return new ComposedDocument(pdf, pageIndex, rect, stamp.VerificationUrl);
        }
        catch
        {
            writer.Finish();
            pdf.Dispose();
            throw;
        }
    }

    private void Header(PageWriter w)
    {
        var g = w.Gfx;
        g.DrawString(_options.BureauName, Fonts.Bureau, Fonts.RedBrush, new XRect(Layout.Left, w.Y, Layout.Width, 34), XStringFormats.Center);
        w.Y += 42;
        g.DrawLine(new XPen(Fonts.Red, 2.2), Layout.Left, w.Y, Layout.Right, w.Y);
        g.DrawLine(new XPen(Fonts.Red, 0.6), Layout.Left, w.Y + 3.5, Layout.Right, w.Y + 3.5);
        w.Y += 20;
    }

    private static void Body(PageWriter w, DocumentContent c)
    {
        foreach (var line in TextLayout.Wrap(w.Gfx, c.Title, Fonts.Title, Layout.Width))
        {
            w.Gfx.DrawString(line, Fonts.Title, XBrushes.Black, new XRect(Layout.Left, w.Y, Layout.Width, 28), XStringFormats.TopCenter);
            w.Y += 30;
        }
        w.Gfx.DrawString($"编号：{c.DocumentNumber}", Fonts.Number, XBrushes.Black, new XRect(Layout.Left, w.Y, Layout.Width, 16), XStringFormats.TopCenter);
        w.Y += 30;

        if (c.Kind != DocumentKind.Certificate)
        {
            w.Paragraph($"{c.Applicant.DisplayName}：", Fonts.BodyBold, indent: 0);
            w.Y += 4;
        }
        Fields(w, c.Fields);
        w.Y += 6;
        foreach (var p in c.Paragraphs) w.Paragraph(p, Fonts.Body, indent: 24);
        if (c.Table is { } table) Table(w, table);
        if (c.LegalBasis.Count > 0) w.Paragraph("法律依据：" + string.Join("；", c.LegalBasis) + "。", Fonts.Body, indent: 24);
        foreach (var r in c.Remedies) w.Paragraph(r, Fonts.BodyBold, indent: 24);
    }

    private static void Fields(PageWriter w, IReadOnlyList<DocumentField> fields)
    {
        if (fields.Count == 0) return;
        var labelWidth = Math.Min(150, fields.Max(f => w.Gfx.MeasureString(f.Label + "：", Fonts.BodyBold).Width) + 4);
        foreach (var f in fields)
        {
            var lines = TextLayout.Wrap(w.Gfx, f.Value, Fonts.Body, Layout.Width - labelWidth);
            w.EnsureSpace(Layout.LineHeight);
            w.Gfx.DrawString(f.Label + "：", Fonts.BodyBold, XBrushes.Black, Layout.Left, w.Y, XStringFormats.TopLeft);
            foreach (var line in lines)
            {
                w.EnsureSpace(Layout.LineHeight);
                w.Gfx.DrawString(line, Fonts.Body, XBrushes.Black, Layout.Left + labelWidth, w.Y, XStringFormats.TopLeft);
                w.Y += Layout.LineHeight;
            }
        }
    }

    private static void Table(PageWriter w, DocumentTable t)
    {
        const double pad = 4, lh = 15.5;
        var weights = t.RelativeWidths is { } rw && rw.Count == t.Headers.Count ? rw : t.Headers.Select(_ => 1.0).ToList();
        var total = weights.Sum();
        var widths = weights.Select(x => Layout.Width * x / total).ToArray();

        w.Y += 4;
        w.EnsureSpace(lh * 4);
        w.Gfx.DrawString(t.Caption, Fonts.BodyBold, XBrushes.Black, new XRect(Layout.Left, w.Y, Layout.Width, 18), XStringFormats.TopCenter);
        w.Y += 22;
        Row(t.Headers, header: true);
        foreach (var row in t.Rows) Row(row, header: false);
        w.Y += 10;

        void Row(IReadOnlyList<string> cells, bool header)
        {
            var font = header ? Fonts.TableBold : Fonts.Table;
            var wrapped = widths.Select((cw, i) => TextLayout.Wrap(w.Gfx, i < cells.Count ? cells[i] : "", font, cw - 2 * pad)).ToArray();
            var height = wrapped.Max(l => l.Count) * lh + 2 * pad;
            if (w.EnsureSpace(height) && !header) Row(t.Headers, header: true); // repeat the header on a new page
            var x = Layout.Left;
            for (var i = 0; i < widths.Length; i++)
            {
                var cell = new XRect(x, w.Y, widths[i], height);
                if (header) w.Gfx.DrawRectangle(Fonts.HeaderFill, cell);
                w.Gfx.DrawRectangle(Fonts.TablePen, cell);
                var ty = w.Y + pad;
                foreach (var line in wrapped[i])
                {
                    if (header || i == 0)
                        w.Gfx.DrawString(line, font, XBrushes.Black, new XRect(x + pad, ty, widths[i] - 2 * pad, lh), XStringFormats.TopCenter);
                    else
                        w.Gfx.DrawString(line, font, XBrushes.Black, x + pad, ty, XStringFormats.TopLeft);
                    ty += lh;
                }
                x += widths[i];
            }
            w.Y += height;
        }
    }

    /// <summary>Bureau name and date at the right under the seal, QR code at the left. The block
    /// is kept whole on one page.</summary>
    private (int PageIndex, XPoint SealCentre) SignOff(PageWriter w, DocumentContent c, DocumentStamp stamp)
    {
        const double blockHeight = 120;
        w.Y += 4;
        var g = w.Gfx;
        if (w.EnsureSpace(blockHeight))
        {
            // Chinese official-document convention for a page that carries only the sign-off.
            w.Gfx.DrawString("（此页无正文）", Fonts.Body, XBrushes.Black, Layout.Left + 24, w.Y, XStringFormats.TopLeft);
            w.Y += 30;
            g = w.Gfx;
        }
        var top = w.Y;
        var columnCentre = Layout.Right - 95;
        var nameY = top + 38;
        var dateY = nameY + 24;
        g.DrawString(_options.BureauName, Fonts.Body, XBrushes.Black, new XRect(columnCentre - 100, nameY, 200, 18), XStringFormats.TopCenter);
        g.DrawString(ChineseDate.Formal(c.IssueDate), Fonts.Body, XBrushes.Black, new XRect(columnCentre - 100, dateY, 200, 18), XStringFormats.TopCenter);
        var sealCentre = new XPoint(columnCentre, dateY - 4);
        SealStamp.Draw(g, sealCentre, _options.BureauName);

        const double qrSize = 76;
        var qrTop = top + 4;
        QrCode.Draw(g, stamp.VerificationUrl, new XRect(Layout.Left, qrTop, qrSize, qrSize));
        g.DrawString(stamp.VerificationCode, Fonts.Code, XBrushes.Black, new XRect(Layout.Left - 20, qrTop + qrSize + 2, qrSize + 40, 11), XStringFormats.TopCenter);
        g.DrawString("扫码或访问下列网址核验真伪及有效状态：", Fonts.Small, XBrushes.Black, Layout.Left, qrTop + qrSize + 16, XStringFormats.TopLeft);
        g.DrawString(stamp.VerificationUrl, Fonts.Small, XBrushes.Black, Layout.Left, qrTop + qrSize + 27, XStringFormats.TopLeft);
        w.Y = top + blockHeight;
        return (w.PageIndex, sealCentre);
    }

    /// <summary>Footers need the page count, so they are drawn after layout; the watermark goes
    /// on top of everything (translucent) so a table fill cannot hide it.</summary>
    private static void Decorate(PdfDocument pdf, DocumentContent c)
    {
        var count = pdf.PageCount;
        if (count == 1 && c.Watermark is null) return;
        for (var i = 0; i < count; i++)
        {
            var page = pdf.Pages[i];
            using var g = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            if (count > 1)
                g.DrawString($"第 {i + 1} 页 共 {count} 页", Fonts.Small, XBrushes.Black,
                    new XRect(0, page.Height.Point - 40, page.Width.Point, 12), XStringFormats.TopCenter);
            if (c.Watermark is { } mark)
            {
                var state = g.Save();
                g.TranslateTransform(page.Width.Point / 2, page.Height.Point / 2);
                g.RotateTransform(-35);
                g.DrawString(mark, Fonts.Watermark, Fonts.WatermarkBrush, new XRect(-400, -30, 800, 60), XStringFormats.Center);
                g.Restore(state);
            }
        }
    }

    internal static class Layout
    {
        public const double PageWidth = 595.28, PageHeight = 841.89;
        public const double Left = 72, Right = PageWidth - 72, Width = Right - Left;
        public const double Top = 48, Bottom = PageHeight - 56;
        public const double LineHeight = 20;
    }

    private static class Fonts
    {
        public static readonly XColor Red = XColor.FromArgb(204, 0, 0);
        public static readonly XBrush RedBrush = new XSolidBrush(Red);
        public static readonly XFont Bureau = CjkFontResolver.Font(25, bold: true);
        public static readonly XFont Title = CjkFontResolver.Font(20, bold: true);
        public static readonly XFont Number = CjkFontResolver.Font(11);
        public static readonly XFont Body = CjkFontResolver.Font(12);
        public static readonly XFont BodyBold = CjkFontResolver.Font(12, bold: true);
        public static readonly XFont Table = CjkFontResolver.Font(10.5);
        public static readonly XFont TableBold = CjkFontResolver.Font(10.5, bold: true);
        public static readonly XFont Small = CjkFontResolver.Font(7.5);
        public static readonly XFont Code = CjkFontResolver.Font(8.5, bold: true);
        public static readonly XFont Watermark = CjkFontResolver.Font(46, bold: true);
        public static readonly XBrush WatermarkBrush = new XSolidBrush(XColor.FromArgb(48, 200, 30, 30));
        public static readonly XBrush HeaderFill = new XSolidBrush(XColor.FromArgb(238, 238, 238));
        public static readonly XPen TablePen = new(XColors.Black, 0.7);
    }

    /// <summary>Cursor over the pages of one document; opens a new A4 page when the next block
    /// does not fit.</summary>
    private sealed class PageWriter
    {
        private readonly PdfDocument _pdf;
        private XGraphics? _gfx;

        public PageWriter(PdfDocument pdf)
        {
            _pdf = pdf;
            NewPage();
        }

        public XGraphics Gfx => _gfx!;
        public double Y { get; set; }
        public int PageIndex => _pdf.PageCount - 1;

        /// <summary>Returns true when a new page had to be started.</summary>
        public bool EnsureSpace(double height)
        {
            if (Y + height <= Layout.Bottom) return false;
            NewPage();
            return true;
        }

        public void Paragraph(string text, XFont font, double indent)
        {
            var lines = TextLayout.Wrap(Gfx, text, font, Layout.Width, indent);
            for (var i = 0; i < lines.Count; i++)
            {
                EnsureSpace(Layout.LineHeight);
                Gfx.DrawString(lines[i], font, XBrushes.Black, Layout.Left + (i == 0 ? indent : 0), Y, XStringFormats.TopLeft);
                Y += Layout.LineHeight;
            }
            Y += 3;
        }

        public void Finish()
        {
            _gfx?.Dispose();
            _gfx = null;
        }

        private void NewPage()
        {
            _gfx?.Dispose();
            var page = _pdf.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            _gfx = XGraphics.FromPdfPage(page);
            Y = Layout.Top;
        }
    }
}
