using ApprovalCenter.Uploads;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ApprovalCenter.Web.Portal;

/// <summary>Stores the files of an upload form one by one: a rejected file becomes an error on
/// its own field (the message names the file and the reason); the others are kept.</summary>
public static class PortalUploads
{
    public static async Task<StoredFile?> TrySaveAsync(FileStore store, IFormFile file, string userId, ModelStateDictionary errors, string field, CancellationToken ct)
    {
        if (store.Policy.CheckSize(file.FileName, file.Length) is { } tooLarge)
        {
            errors.AddModelError(field, tooLarge);
            return null;
        }
        using var buffer = new MemoryStream((int)Math.Min(file.Length, int.MaxValue));
        await file.CopyToAsync(buffer, ct);
        try
        {
            return await store.SaveAsync(file.FileName, buffer.ToArray(), userId, ct);
        }
        catch (UploadRejectedException e)
        {
            errors.AddModelError(field, e.Message);
            return null;
        }
    }

    public static string Size(long bytes) => bytes < 1024 ? $"{bytes} B" : bytes < 1024 * 1024 ? $"{bytes / 1024.0:0.#} KB" : $"{bytes / 1048576.0:0.#} MB";
}
