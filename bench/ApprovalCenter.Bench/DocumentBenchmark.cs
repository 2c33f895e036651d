using System.Diagnostics;
using ApprovalCenter.Configuration;
using ApprovalCenter.Documents;

namespace ApprovalCenter.Bench;

/// <summary>
/// How many documents per second one core turns out: render-only (the baseline: layout, font
/// subsetting, QR code, compression) against render + sign under the seal (adds the RSA-2048
/// CMS signature and a second pass over the bytes). Kinds rotate so tables, watermarks and long
/// texts are all in the mix.
/// </summary>
public sealed class DocumentBenchmark : IBenchmark
{
    private const int Warmup = 20, Count = 200;

    public string Name => "documents";
    public string Description => $"documents rendered and signed per second ({Count} after {Warmup} warm-up, single thread)";

    public Task<string> RunAsync()
    {
        var dir = Directory.CreateTempSubdirectory("approvalcenter-bench-docs-").FullName;
        try
        {
            var options = new DocumentOptions { PublicBaseUrl = "https://zwfw.qygx.example.cn" };
            using var certificates = new SealCertificateProvider(new SealOptions { CreateDevelopmentCertificate = true }, dir);
            var renderer = new PdfDocumentRenderer(options);
            var service = new SealedDocumentService(renderer, new DocumentSigner(options), certificates);
            var contents = Enum.GetValues<DocumentKind>().Select(Sample).ToArray();
            _ = certificates.GetCertificate();

            long renderBytes = 0, sealedBytes = 0;
            for (var i = 0; i < Warmup; i++)
            {
                Render(i);
                service.Seal(contents[i % contents.Length]);
            }
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < Count; i++) renderBytes += Render(i).Length;
            var render = sw.Elapsed;
            sw.Restart();
            for (var i = 0; i < Count; i++) sealedBytes += service.Seal(contents[i % contents.Length]).Pdf.Length;
            var seal = sw.Elapsed;

            var renderRate = Count / render.TotalSeconds;
            var sealRate = Count / seal.TotalSeconds;
            return Task.FromResult(string.Join('\n',
                $"baseline render only : {renderRate,8:F1} docs/s  ({render.TotalMilliseconds / Count,6:F1} ms/doc, avg {renderBytes / Count / 1024.0:F0} KiB)",
                $"render + sign (seal) : {sealRate,8:F1} docs/s  ({seal.TotalMilliseconds / Count,6:F1} ms/doc, avg {sealedBytes / Count / 1024.0:F0} KiB)",
                $"ratio sealed/baseline: {sealRate / renderRate:F2}x throughput (signing costs {(seal - render).TotalMilliseconds / Count:F1} ms/doc)",
                $"documents: {Count} each over {contents.Length} kinds, RSA-2048 development certificate, SHA-256"));

            byte[] Render(int i)
            {
                var code = VerificationCode.New();
                return renderer.Render(contents[i % contents.Length], new DocumentStamp(code, options.VerificationUrl(code)));
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static DocumentContent Sample(DocumentKind kind)
    {
        var h = new DocumentHeader("QYGX-2026-000123", new DateOnly(2026, 11, 21),
            DocumentParty.Organisation("清远示例建设有限公司", "91441800MA4WQY3K26", "Qingyuan Example Construction Co., Ltd."),
            new DocumentItem("建筑工程施工许可证核发（新办）", "ZJ-001"));
        MissingMaterial[] missing = [new("农民工工资保证金缴存凭证", "未提交，请提交开户银行出具的缴存凭证。"), new("施工现场具备施工条件承诺", "未加盖申请单位公章。")];
        return kind switch
        {
            DocumentKind.AcceptanceNotice => DocumentTemplates.Acceptance(h, new(h.IssueDate, 3, new DateOnly(2026, 11, 26))),
            DocumentKind.RefusalNotice => DocumentTemplates.Refusal(h, new("不属于本局受理范围。", "清远市清城区住房和城乡建设局")),
            DocumentKind.SupplementNotice => DocumentTemplates.Supplement(h, new(missing)),
            DocumentKind.ToleranceNotice => DocumentTemplates.Tolerance(h, new(missing, new DateOnly(2026, 11, 25), "网上上传", h.IssueDate)),
            DocumentKind.CommitmentLetter => DocumentTemplates.CommitmentLetter(h, new(["已取得建设工程规划许可证"], ["建设资金已落实证明"], 30)),
            DocumentKind.ExcludedProcedureNotice => DocumentTemplates.ExcludedProcedure(h, new("专家评审", "涉及深基坑工程", new DateOnly(2026, 11, 23), 10)),
            DocumentKind.ExtensionNotice => DocumentTemplates.Extension(h, new(10, "需逐一现场核查", new DateOnly(2026, 12, 10))),
            DocumentKind.ApprovalDecision => DocumentTemplates.ApprovalDecision(h, new("准予核发建筑工程施工许可证", CommitmentBased: true, VerificationDueDate: new DateOnly(2027, 1, 6))),
            DocumentKind.DenialDecision => DocumentTemplates.DenialDecision(h, new(["施工图设计文件审查未通过", "建设资金未落实"])),
            DocumentKind.Certificate => DocumentTemplates.Certificate(h, new("建筑工程施工许可证", "441802202611210101", [new("建设规模", "12,000 平方米")], h.IssueDate)),
            DocumentKind.ExemptionNotice => DocumentTemplates.Exemption(h, new("小型建筑工程", "投资额100万元以下", "建筑工程施工许可证核发", "《广东省住房和城乡建设厅通知》")),
            DocumentKind.RevocationNotice => DocumentTemplates.Revocation(h, new("QYGX-2026-000123-ZX", h.IssueDate, "承诺与实际不符。")),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }
}
