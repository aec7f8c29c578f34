namespace NxtAIGen.LoadTest.Upstream;

/// <summary>Ends the process's wait when standard input closes, which happens when the harness exits or is killed.</summary>
internal static class ParentWatch
{
    public static async Task WaitForStdinCloseAsync(CancellationToken stopping)
    {
        var stdin = Console.OpenStandardInput();
        var buffer = new byte[64];
        try
        {
            while (await stdin.ReadAsync(buffer, stopping) > 0)
            {
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
