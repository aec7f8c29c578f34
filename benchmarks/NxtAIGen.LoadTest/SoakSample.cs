namespace NxtAIGen.LoadTest;

/// <summary>The gateway at one moment of the soak.</summary>
internal sealed record SoakSample(double AtSeconds, string Phase, long RssBytes, int OpenFds, int Threads, double CpuSeconds, long Completed, long HungUp, long Errors);
