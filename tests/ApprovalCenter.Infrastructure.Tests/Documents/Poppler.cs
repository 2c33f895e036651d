using System.Diagnostics;

namespace ApprovalCenter.Infrastructure.Tests.Documents;

/// <summary>Runs the poppler-utils tools on a PDF: an independent reader checks what our own
/// verifier could get wrong in the same way as our writer.</summary>
internal static class Poppler
{
    public static string Text(byte[] pdf) => Run("pdftotext", pdf, "-layout {0} -");
    /// <summary>Text in content-stream order: table cells and rotated text come out whole.</summary>
    public static string RawText(byte[] pdf) => Run("pdftotext", pdf, "-raw {0} -");
    public static string Sig(byte[] pdf) => Run("pdfsig", pdf, "{0}", allowFailure: true);
    public static string Fonts(byte[] pdf) => Run("pdffonts", pdf, "{0}");

    public static void Png(byte[] pdf, string outputPrefix) =>
        Run("pdftoppm", pdf, $"-png -r 70 {{0}} {outputPrefix}");

    private static string Run(string tool, byte[] pdf, string arguments, bool allowFailure = false)
    {
        var file = Path.Combine(Path.GetTempPath(), $"doc-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            var psi = new ProcessStartInfo(tool, string.Format(arguments, file))
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var p = Process.Start(psi)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0 && !allowFailure)
                Assert.Fail($"{tool} exited with {p.ExitCode}: {stderr}");
            return stdout.Result + stderr;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
