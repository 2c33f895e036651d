using ApprovalCenter.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace ApprovalCenter.Web.Hosting;

public static class ConfigurationSetup
{
    /// <summary>The repository-root appsettings.json (copied next to the binaries) is the app's
    /// configuration. It is inserted where the default appsettings files sit, so that
    /// appsettings.{Environment}.json, environment variables and the command line still override it.</summary>
    public static void AddApprovalCenterConfiguration(this WebApplicationBuilder builder)
    {
        var sources = builder.Configuration.Sources;
        var index = sources.ToList().FindIndex(s => s is JsonConfigurationSource);
        if (index < 0) index = 0;
        var env = builder.Environment.EnvironmentName;
        foreach (var dir in new[] { AppContext.BaseDirectory })
        {
            var baseFile = Path.Combine(dir, "appsettings.json");
            if (!File.Exists(baseFile)) continue;
            // An explicit provider: ConfigurationManager loads a source as soon as it is inserted and
            // would otherwise resolve the path against the content root.
            var files = new PhysicalFileProvider(dir);
            sources.Insert(index, new JsonConfigurationSource { Path = "appsettings.json", Optional = false, FileProvider = files });
            sources.Insert(index + 1, new JsonConfigurationSource { Path = $"appsettings.{env}.json", Optional = true, FileProvider = files });
            break;
        }
        builder.Services.AddOptions<ApprovalCenterOptions>().Bind(builder.Configuration.GetSection(ApprovalCenterOptions.Section));
    }

    public static ApprovalCenterOptions GetApprovalCenterOptions(this WebApplicationBuilder builder)
    {
        var o = new ApprovalCenterOptions();
        builder.Configuration.GetSection(ApprovalCenterOptions.Section).Bind(o);
        return o;
    }
}
