using System.Runtime.InteropServices;

namespace NxtAIGen.LoadTest;

/// <summary>Raises this process's open-file limit (RLIMIT_NOFILE) as far as allowed; children raise theirs with ulimit.</summary>
internal static partial class FileLimit
{
    private const int RlimitNofile = 7;

    public static ulong Raise(ulong wanted)
    {
        if (!OperatingSystem.IsLinux() || GetRLimit(RlimitNofile, out var limit) != 0)
        {
            return 0;
        }

        var target = new RLimit { Current = Math.Min(wanted, Math.Max(limit.Max, wanted)), Max = Math.Max(limit.Max, wanted) };
        if (SetRLimit(RlimitNofile, in target) != 0)
        {
            target = new RLimit { Current = Math.Min(wanted, limit.Max), Max = limit.Max };
            _ = SetRLimit(RlimitNofile, in target);
        }

        return GetRLimit(RlimitNofile, out limit) == 0 ? limit.Current : 0;
    }

    [LibraryImport("libc", EntryPoint = "getrlimit")]
    private static partial int GetRLimit(int resource, out RLimit limit);

    [LibraryImport("libc", EntryPoint = "setrlimit")]
    private static partial int SetRLimit(int resource, in RLimit limit);

    [StructLayout(LayoutKind.Sequential)]
    private struct RLimit
    {
        public ulong Current;
        public ulong Max;
    }
}
