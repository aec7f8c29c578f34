using Microsoft.Extensions.Options;

namespace NxtAIGen.AspNetCore.Tests;

public sealed class InMemoryUsageLogTests : Storage.Testing.UsageLogTests
{
    protected override Task<IUsageLog> CreateLogAsync() =>
        Task.FromResult<IUsageLog>(new InMemoryUsageLog(new StaticOptionsMonitor(new NxtAIGenOptions())));

    protected override Task<IReadOnlyList<UsageRecord>> ReadAsync(IUsageLog log, int count) =>
        Task.FromResult<IReadOnlyList<UsageRecord>>([.. ((InMemoryUsageLog)log).GetRecords().TakeLast(count)]);

    private sealed class StaticOptionsMonitor(NxtAIGenOptions value) : IOptionsMonitor<NxtAIGenOptions>
    {
        public NxtAIGenOptions CurrentValue => value;

        public NxtAIGenOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<NxtAIGenOptions, string?> listener) => null;
    }
}
