using QRCoder;

namespace ApprovalCenter.Web.Hall;

/// <summary>The ticket's QR code as a data: URI (the CSP allows data: images, and a printed ticket needs no extra request).</summary>
public static class HallQr
{
    public static string DataUri(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(6, [0, 0, 0, 255], [255, 255, 255, 255]));
    }

    public static string TicketUrl(HttpRequest request, string code) => $"{request.Scheme}://{request.Host}/Hall/Ticket/{code}";
}
