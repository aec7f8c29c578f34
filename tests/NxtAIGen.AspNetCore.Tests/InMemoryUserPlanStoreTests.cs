using NxtAIGen.Storage.Testing;

namespace NxtAIGen.AspNetCore.Tests;

public sealed class InMemoryUserPlanStoreTests : UserPlanStoreTests
{
    protected override Task<IUserPlanStore> CreateStoreAsync() => Task.FromResult<IUserPlanStore>(new InMemoryUserPlanStore());
}
