using NxtAIGen.Storage.Testing;

namespace NxtAIGen.AspNetCore.Tests;

public sealed class InMemoryApiKeyStoreTests : ApiKeyStoreTests
{
    protected override Task<IApiKeyStore> CreateStoreAsync() => Task.FromResult<IApiKeyStore>(new InMemoryApiKeyStore());
}
