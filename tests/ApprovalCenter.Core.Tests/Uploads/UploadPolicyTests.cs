using System.IO.Compression;
using System.Text;
using ApprovalCenter.Uploads;

namespace ApprovalCenter.Tests.Uploads;

/// <summary>Small files built in memory: just enough bytes to carry each format's signature.</summary>
public static class SampleFiles
{
    public static byte[] Pdf => Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<<>>\nendobj\nstartxref\n9\n%%EOF\n");
    public static byte[] Jpeg => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0xFF, 0xD9];
    public static byte[] Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, (byte)'I', (byte)'H', (byte)'D', (byte)'R'];
    /// <summary>A Windows executable's first bytes (“MZ” header).</summary>
    public static byte[] Exe => [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00];
    /// <summary>What a .docx starts with: a ZIP, but without OFD.xml.</summary>
    public static byte[] Docx => Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>"));
    /// <summary>A minimal OFD package: OFD.xml at the root, pointing at a document.</summary>
    public static byte[] Ofd => Zip(("OFD.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\" Version=\"1.0\" DocType=\"OFD\"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"),
                                    ("Doc_0/Document.xml", "<ofd:Document xmlns:ofd=\"http://www.ofdspec.org/2016\"/>"));

    public static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, text) in entries)
            {
                using var w = new StreamWriter(zip.CreateEntry(name).Open(), Encoding.UTF8);
                w.Write(text);
            }
        return buffer.ToArray();
    }
}

public sealed class FileTypeSnifferTests
{
    [Test]
    public void A_pdf_header_followed_by_html_is_not_a_pdf()
    {
        var disguised = Encoding.ASCII.GetBytes("%PDF-1.7\n<html><body><script>alert(1)</script></body></html>\nstartxref\n9\n%%EOF\n");
        Assert.That(FileTypeSniffer.Sniff(disguised), Is.EqualTo(FileKind.Unknown));
    }

    [TestCase("%PDF-1.7\n<!DOCTYPE html><p>x</p>")]
    [TestCase("%PDF-1.4\n1 0 obj << >> endobj\n")]
    [TestCase("%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n")]
    [TestCase("%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\nstartxref\n9\n")]
    public void A_pdf_header_without_its_trailer_is_not_a_pdf(string text) =>
        Assert.That(FileTypeSniffer.Sniff(Encoding.ASCII.GetBytes(text)), Is.EqualTo(FileKind.Unknown));

    [Test]
    public void The_trailer_must_be_at_the_end_not_anywhere()
    {
        var trailerThenPadding = new byte[4096];
        SampleFiles.Pdf.CopyTo(trailerThenPadding, 0);
        Assert.That(FileTypeSniffer.Sniff(trailerThenPadding), Is.EqualTo(FileKind.Unknown));
        SampleFiles.Pdf.CopyTo(trailerThenPadding, trailerThenPadding.Length - SampleFiles.Pdf.Length);
        Assert.That(FileTypeSniffer.Sniff(trailerThenPadding), Is.EqualTo(FileKind.Pdf));
    }

    [Test] public void Pdf_is_recognised_by_its_header() => Assert.That(FileTypeSniffer.Sniff(SampleFiles.Pdf), Is.EqualTo(FileKind.Pdf));
    [Test] public void Jpeg_is_recognised_by_its_header() => Assert.That(FileTypeSniffer.Sniff(SampleFiles.Jpeg), Is.EqualTo(FileKind.Jpeg));
    [Test] public void Png_is_recognised_by_its_signature() => Assert.That(FileTypeSniffer.Sniff(SampleFiles.Png), Is.EqualTo(FileKind.Png));
    [Test] public void A_zip_with_OFD_xml_at_its_root_is_an_ofd() => Assert.That(FileTypeSniffer.Sniff(SampleFiles.Ofd), Is.EqualTo(FileKind.Ofd));

    [Test]
    public void A_zip_without_OFD_xml_at_its_root_is_unknown()
    {
        Assert.That(FileTypeSniffer.Sniff(SampleFiles.Docx), Is.EqualTo(FileKind.Unknown));
        Assert.That(FileTypeSniffer.Sniff(SampleFiles.Zip(("Doc_0/OFD.xml", "<x/>"))), Is.EqualTo(FileKind.Unknown), "OFD.xml must be at the root");
    }

    [Test]
    public void Bytes_that_start_like_a_zip_but_are_not_one_are_unknown() =>
        Assert.That(FileTypeSniffer.Sniff([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]), Is.EqualTo(FileKind.Unknown));

    [Test]
    public void Executables_text_and_nothing_are_unknown()
    {
        Assert.That(FileTypeSniffer.Sniff(SampleFiles.Exe), Is.EqualTo(FileKind.Unknown));
        Assert.That(FileTypeSniffer.Sniff(Encoding.UTF8.GetBytes("营业执照")), Is.EqualTo(FileKind.Unknown));
        Assert.That(FileTypeSniffer.Sniff([]), Is.EqualTo(FileKind.Unknown));
        Assert.That(FileTypeSniffer.Sniff([0xFF, 0xD8]), Is.EqualTo(FileKind.Unknown), "a truncated JPEG signature");
    }

    [Test]
    public void Each_kind_has_its_content_type()
    {
        Assert.That(FileTypeSniffer.ContentType(FileKind.Pdf), Is.EqualTo("application/pdf"));
        Assert.That(FileTypeSniffer.ContentType(FileKind.Jpeg), Is.EqualTo("image/jpeg"));
        Assert.That(FileTypeSniffer.ContentType(FileKind.Png), Is.EqualTo("image/png"));
        Assert.That(FileTypeSniffer.ContentType(FileKind.Ofd), Is.EqualTo("application/ofd"));
    }
}

public sealed class UploadPolicyTests
{
    private static readonly UploadPolicy Policy = new();

    [Test]
    public void Every_accepted_format_passes()
    {
        Assert.That(Policy.Validate("申请书.pdf", SampleFiles.Pdf), Is.Null);
        Assert.That(Policy.Validate("身份证.jpg", SampleFiles.Jpeg), Is.Null);
        Assert.That(Policy.Validate("现场照片.png", SampleFiles.Png), Is.Null);
        Assert.That(Policy.Validate("电子证照.ofd", SampleFiles.Ofd), Is.Null);
    }

    [Test]
    public void The_content_decides_not_the_name()
    {
        var photo = Policy.Check("营业执照.pdf", SampleFiles.Png);
        Assert.That(photo.Accepted, Is.True);
        Assert.That(photo.Kind, Is.EqualTo(FileKind.Png), "a .pdf name over PNG content is a PNG");

        var renamedExe = Policy.Check("营业执照.pdf", SampleFiles.Exe);
        Assert.That(renamedExe.Accepted, Is.False);
        Assert.That(renamedExe.Error, Is.EqualTo("文件“营业执照.pdf”的类型不受支持：仅接受 PDF、JPEG、PNG、OFD 文件（按文件内容识别）。"));
    }

    [Test]
    public void An_unsupported_type_is_refused_naming_the_file() =>
        Assert.That(Policy.Validate("营业执照.docx", SampleFiles.Docx),
            Is.EqualTo("文件“营业执照.docx”的类型不受支持：仅接受 PDF、JPEG、PNG、OFD 文件（按文件内容识别）。"));

    [Test]
    public void An_oversize_file_is_refused_with_limit_and_actual_size()
    {
        var bytes = new byte[(int)(23.4 * 1024 * 1024)];
        SampleFiles.Pdf.CopyTo(bytes, 0);
        Assert.That(Policy.Validate("x.pdf", bytes), Is.EqualTo("文件“x.pdf”超过大小上限 20 MB（实际 23.4 MB）。"));
    }

    [Test]
    public void A_file_one_byte_over_the_limit_says_the_exact_size_instead_of_twenty_against_twenty()
    {
        var bytes = new byte[UploadPolicy.DefaultMaxBytes + 1];
        SampleFiles.Pdf.CopyTo(bytes, 0);
        Assert.That(Policy.Validate("x.pdf", bytes), Is.EqualTo("文件“x.pdf”超过大小上限 20 MB（实际 20,971,521 字节）。"));
        var exactly = new byte[UploadPolicy.DefaultMaxBytes];
        SampleFiles.Pdf.CopyTo(exactly, 0);
        SampleFiles.Pdf.CopyTo(exactly, exactly.Length - SampleFiles.Pdf.Length);   // a PDF ends in its trailer
        Assert.That(Policy.Validate("x.pdf", exactly), Is.Null, "the limit itself is allowed");
    }

    [Test]
    public void The_limit_is_configurable()
    {
        var small = new UploadPolicy(maxBytes: 1024 * 1024);
        var bytes = new byte[1536 * 1024];
        SampleFiles.Pdf.CopyTo(bytes, 0);
        Assert.That(small.Validate("申请书.pdf", bytes), Is.EqualTo("文件“申请书.pdf”超过大小上限 1 MB（实际 1.5 MB）。"));
        Assert.That(small.Validate("申请书.pdf", SampleFiles.Pdf), Is.Null);
        Assert.That(() => new UploadPolicy(0), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void The_allowed_types_are_configurable_and_named_in_the_message()
    {
        var pdfOnly = new UploadPolicy(allowedKinds: [FileKind.Pdf]);
        Assert.That(pdfOnly.Validate("a.pdf", SampleFiles.Pdf), Is.Null);
        Assert.That(pdfOnly.Validate("a.png", SampleFiles.Png), Is.EqualTo("文件“a.png”的类型不受支持：仅接受 PDF 文件（按文件内容识别）。"));
    }

    [Test]
    public void An_empty_file_is_refused_naming_the_file() =>
        Assert.That(Policy.Validate("空白.pdf", []), Is.EqualTo("文件“空白.pdf”是空文件（0 字节），请重新选择。"));

    [TestCase(@"C:\Users\张三\Desktop\营业执照.pdf", "营业执照.pdf")]
    [TestCase("../../etc/passwd.pdf", "passwd.pdf")]
    [TestCase("  申请书\u0000.pdf ", "申请书.pdf")]
    [TestCase("营业执照\u202Efdp.exe", "营业执照fdp.exe")]
    [TestCase("\u2066申请书\u2069\u200F.pdf\t", "申请书.pdf")]
    [TestCase("", "未命名文件")]
    [TestCase(null, "未命名文件")]
    public void File_names_are_reduced_to_their_last_segment(string? sent, string kept) =>
        Assert.That(UploadPolicy.CleanFileName(sent), Is.EqualTo(kept));

    [Test]
    public void A_very_long_name_is_shortened_keeping_its_extension()
    {
        var name = UploadPolicy.CleanFileName(new string('材', 300) + ".pdf");
        Assert.That(name, Has.Length.EqualTo(UploadPolicy.MaxFileNameLength));
        Assert.That(name, Does.EndWith(".pdf"));
    }
}
