using System.Globalization;

namespace NxtAIGen.FaultTests;

/// <summary>
/// Counts this machine's TCP connections that a process still holds open on a port (either end), from
/// <c>/proc/net/tcp</c> and <c>/proc/net/tcp6</c>: states ESTABLISHED and CLOSE_WAIT (the peer closed, this side did
/// not). TIME_WAIT and FIN_WAIT are the kernel's business, not a leak.
/// </summary>
public static class OpenSockets
{
    private const string Established = "01";
    private const string CloseWait = "08";

    public static int Count(int port)
    {
        var count = 0;
        foreach (var file in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(file))
            {
                continue;
            }

            foreach (var line in File.ReadLines(file).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length < 4 || fields[3] is not (Established or CloseWait))
                {
                    continue;
                }

                if (PortOf(fields[1]) == port || PortOf(fields[2]) == port)
                {
                    count++;
                }
            }
        }

        return count;
    }

    private static int PortOf(string address) =>
        int.Parse(address.AsSpan(address.IndexOf(':', StringComparison.Ordinal) + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
