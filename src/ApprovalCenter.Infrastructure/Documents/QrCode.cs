using PdfSharp.Drawing;
using QRCoder;

namespace ApprovalCenter.Documents;

/// <summary>Draws a QR code. QRCoder's PNG must be written with explicit RGBA colours: the
/// default 1-bit greyscale PNG is rejected by PDFsharp ("Unsupported image format"), the palette
/// PNG written with colours is read fine.</summary>
internal static class QrCode
{
    public static byte[] Png(string payload)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(8, [0, 0, 0, 255], [255, 255, 255, 255]);
    }

    public static void Draw(XGraphics gfx, string payload, XRect area)
    {
        using var image = XImage.FromStream(new MemoryStream(Png(payload)));
        gfx.DrawImage(image, area);
    }
}
