using PdfSharp.Drawing;

namespace ApprovalCenter.Documents;

/// <summary>
/// Draws the bureau's round approval seal (行政审批专用章) as vector graphics: red ring, a
/// five-pointed star in the centre, the bureau name along the upper arc and the seal's purpose
/// under the star. It is the visible counterpart of the PDF signature, which is what actually
/// proves the document genuine; the drawing is slightly translucent so the date it covers stays
/// legible, as with ink on paper.
/// </summary>
public static class SealStamp
{
    public const string Purpose = "行政审批专用章";
    /// <summary>Real seals of this kind are 42 mm across.</summary>
    public const double Radius = 42 / 25.4 * 72 / 2;

    private static readonly XColor Red = XColor.FromArgb(215, 215, 25, 25);

    public static void Draw(XGraphics gfx, XPoint centre, string bureauName)
    {
        var brush = new XSolidBrush(Red);
        gfx.DrawEllipse(new XPen(Red, 3.2), centre.X - Radius, centre.Y - Radius, 2 * Radius, 2 * Radius);
        gfx.DrawPolygon(brush, Star(centre, Radius * 0.33), XFillMode.Winding);
        DrawArcText(gfx, centre, bureauName, brush);
        var purposeFont = CjkFontResolver.Font(8.5, bold: true);
        gfx.DrawString(Purpose, purposeFont, brush,
            new XRect(centre.X - Radius, centre.Y + Radius * 0.40, 2 * Radius, 12), XStringFormats.TopCenter);
    }

    /// <summary>Characters spaced evenly on an arc centred on the top of the circle, each turned
    /// so that its foot points at the centre.</summary>
    private static void DrawArcText(XGraphics gfx, XPoint centre, string text, XBrush brush)
    {
        var chars = text.EnumerateRunes().Select(r => r.ToString()).ToArray();
        if (chars.Length == 0) return;
        var size = chars.Length <= 10 ? 12.5 : Math.Max(7, 12.5 * 10 / chars.Length);
        var font = CjkFontResolver.Font(size, bold: true);
        var span = Math.Min(225.0, 22.5 * chars.Length);
        var radius = Radius - 4.5 - size * 0.55;   // glyph centre line inside the ring
        for (var i = 0; i < chars.Length; i++)
        {
            var angle = -span / 2 + span * (i + 0.5) / chars.Length;
            var rad = angle * Math.PI / 180;
            var state = gfx.Save();
            gfx.TranslateTransform(centre.X + radius * Math.Sin(rad), centre.Y - radius * Math.Cos(rad));
            gfx.RotateTransform(angle);
            gfx.DrawString(chars[i], font, brush, new XRect(-size, -size / 2, 2 * size, size), XStringFormats.Center);
            gfx.Restore(state);
        }
    }

    /// <summary>The ten vertices of a five-pointed star with one point straight up.</summary>
    public static XPoint[] Star(XPoint c, double outer)
    {
        var inner = outer * 0.382;
        var points = new XPoint[10];
        for (var i = 0; i < 10; i++)
        {
            var r = i % 2 == 0 ? outer : inner;
            var a = Math.PI / 5 * i;
            points[i] = new XPoint(c.X + r * Math.Sin(a), c.Y - r * Math.Cos(a));
        }
        return points;
    }
}
