using NxtAIGen.Storage.Testing;

namespace NxtAIGen.AspNetCore.Tests;

public sealed class InMemoryGatewayTokenStoreTests : GatewayTokenStoreTests
{
    protected override Task<IGatewayTokenStore> CreateStoreAsync() => Task.FromResult<IGatewayTokenStore>(new InMemoryGatewayTokenStore());
}
