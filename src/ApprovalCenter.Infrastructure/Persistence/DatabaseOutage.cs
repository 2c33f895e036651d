using System.Net.Sockets;
using Npgsql;

namespace ApprovalCenter.Persistence;

/// <summary>Tells a database that cannot be reached (down, restarting, refusing connections, wrong
/// credentials or database name) from a fault in our own code. An outage is answered 503 “try
/// again later”, never 500, and at startup it is one clear log line instead of a stack trace.</summary>
public static class DatabaseOutage
{
    public static bool Is(Exception? e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            switch (x)
            {
                // 3D000 no such database, 28000/28P01 authentication refused: the server is up but
                // will not serve us, which for a request is the same as being down.
                case PostgresException { SqlState: "3D000" or "28000" or "28P01" }:
                    return true;
                // Npgsql marks connection failures, timeouts and the server's own “shutting down”,
                // “starting up” and “too many connections” errors as transient.
                case NpgsqlException { IsTransient: true }:
                    return true;
                case NpgsqlException { InnerException: SocketException or TimeoutException or IOException }:
                    return true;
            }
        }
        return false;
    }
}
