using NxtAIGen.Storage.Testing;

namespace NxtAIGen.AspNetCore.Tests;

public sealed class InMemoryQuotaStoreTests : QuotaStoreTests
{
    protected override Task<IQuotaStore> CreateStoreAsync() => Task.FromResult<IQuotaStore>(new InMemoryQuotaStore());
}
