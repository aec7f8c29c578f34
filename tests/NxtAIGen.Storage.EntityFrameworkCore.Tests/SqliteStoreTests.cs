using Microsoft.Extensions.DependencyInjection;
using NxtAIGen.AspNetCore;

namespace NxtAIGen.Storage.EntityFrameworkCore.Tests;

public sealed class SqliteQuotaStoreTests(SqliteDatabase database) : EfCoreQuotaStoreTests, IClassFixture<SqliteDatabase>
{
    protected override Task<IQuotaStore> CreateStoreAsync() => Task.FromResult(database.Database.Get<IQuotaStore>());
}

public sealed class SqliteApiKeyStoreTests(SqliteDatabase database) : Testing.ApiKeyStoreTests, IClassFixture<SqliteDatabase>
{
    protected override Task<IApiKeyStore> CreateStoreAsync() => Task.FromResult(database.Database.Get<IApiKeyStore>());
}

public sealed class SqliteUserPlanStoreTests(SqliteDatabase database) : Testing.UserPlanStoreTests, IClassFixture<SqliteDatabase>
{
    protected override Task<IUserPlanStore> CreateStoreAsync() => Task.FromResult(database.Database.Get<IUserPlanStore>());
}

public sealed class SqliteUsageLogTests(SqliteDatabase database) : Testing.UsageLogTests, IClassFixture<SqliteDatabase>
{
    protected override Task<IUsageLog> CreateLogAsync() => Task.FromResult(database.Database.Get<IUsageLog>());

    protected override async Task<IReadOnlyList<UsageRecord>> ReadAsync(IUsageLog log, int count) =>
        await database.Database.Services.GetRequiredService<EfCoreUsageLog>().GetRecentAsync(count, default);
}

public sealed class SqliteGatewayTokenStoreTests(SqliteDatabase database) : Testing.GatewayTokenStoreTests, IClassFixture<SqliteDatabase>
{
    protected override Task<IGatewayTokenStore> CreateStoreAsync() => Task.FromResult(database.Database.Get<IGatewayTokenStore>());
}
