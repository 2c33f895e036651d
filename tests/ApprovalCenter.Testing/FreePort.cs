using System.Net;
using System.Net.Sockets;

namespace ApprovalCenter.Testing;

public static class FreePort
{
    /// <summary>A port the OS says is free right now, for a Kestrel server the browser can reach.</summary>
    public static int Next()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
