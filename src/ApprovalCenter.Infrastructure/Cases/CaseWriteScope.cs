namespace ApprovalCenter.Cases;

/// <summary>
/// Marks the saves that <see cref="CaseService"/>, the one writer of case state, makes. The
/// database context refuses to save a changed case row outside such a scope, so a second writer
/// (a page updating case data on its own, as the delivery choice once did) fails loudly in every
/// test instead of quietly skipping the journal.
/// </summary>
public static class CaseWriteScope
{
    private static readonly AsyncLocal<int> Depth = new();

    public static bool Active => Depth.Value > 0;

    internal static IDisposable Open()
    {
        Depth.Value++;
        return new Closer();
    }

    private sealed class Closer : IDisposable
    {
        private bool _closed;
        public void Dispose()
        {
            if (_closed) return;
            _closed = true;
            Depth.Value--;
        }
    }
}
