using System.Security.Cryptography.X509Certificates;
using PdfSharp.Drawing;
using PdfSharp.Pdf.Annotations;
using PdfSharp.Pdf.Signatures;

namespace ApprovalCenter.Documents;

/// <summary>
/// Signs a composed document with the bureau's certificate (adbe.pkcs7.detached, SHA-256, the
/// signing time among the signed attributes: <see cref="SealCmsSigner"/>). The
/// signature field lies over the drawn seal, so clicking the seal in a PDF reader shows the
/// signature; its own appearance is empty because the seal is already drawn on the page.
/// Stands in for the national e-seal (GB/T 38540, SM2/SM3), rules §5.
/// </summary>
public sealed class DocumentSigner(DocumentOptions options)
{
    public byte[] Sign(ComposedDocument composed, X509Certificate2 certificate, string reason)
    {
        // The CMS signing time is the real moment the key was used (certificate periods and seal
        // rotation are real-time facts), not business time: a moved training clock dates the
        // document's text, never the cryptographic signature.
        var signer = new SealCmsSigner(certificate, TimeProvider.System);
        DigitalSignatureHandler.ForDocument(composed.Pdf, signer, new DigitalSignatureOptions
        {
            Reason = reason,
            Location = options.Location,
            ContactInfo = options.ContactInfo,
            AppName = "ApprovalCenter",
            PageIndex = composed.SealPageIndex,
            Rectangle = composed.SealRectangle,
            AppearanceHandler = new NoAppearance(),
        });
        using var ms = new MemoryStream();
        composed.Pdf.Save(ms, closeStream: false);
        return ms.ToArray();
    }

    private sealed class NoAppearance : IAnnotationAppearanceHandler
    {
        public void DrawAppearance(XGraphics gfx, XRect rect) { }
    }
}
