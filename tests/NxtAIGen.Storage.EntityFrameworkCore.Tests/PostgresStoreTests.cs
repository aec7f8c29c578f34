using Microsoft.Extensions.DependencyInjection;
using NxtAIGen.AspNetCore;

namespace NxtAIGen.Storage.EntityFrameworkCore.Tests;

[Collection(PostgresGroup.Name)]
public sealed class PostgresQuotaStoreTests(PostgresServer server) : EfCoreQuotaStoreTests
{
    protected override async Task<IQuotaStore> CreateStoreAsync() => (await server.GetDatabaseAsync(nameof(PostgresQuotaStoreTests))).Get<IQuotaStore>();
}

[Collection(PostgresGroup.Name)]
public sealed class PostgresApiKeyStoreTests(PostgresServer server) : Testing.ApiKeyStoreTests
{
    protected override async Task<IApiKeyStore> CreateStoreAsync() => (await server.GetDatabaseAsync(nameof(PostgresApiKeyStoreTests))).Get<IApiKeyStore>();
}

[Collection(PostgresGroup.Name)]
public sealed class PostgresUserPlanStoreTests(PostgresServer server) : Testing.UserPlanStoreTests
{
    protected override async Task<IUserPlanStore> CreateStoreAsync() => (await server.GetDatabaseAsync(nameof(PostgresUserPlanStoreTests))).Get<IUserPlanStore>();
}

[Collection(PostgresGroup.Name)]
public sealed class PostgresUsageLogTests(PostgresServer server) : Testing.UsageLogTests
{
    protected override async Task<IUsageLog> CreateLogAsync() => (await server.GetDatabaseAsync(nameof(PostgresUsageLogTests))).Get<IUsageLog>();

    protected override async Task<IReadOnlyList<UsageRecord>> ReadAsync(IUsageLog log, int count) =>
        await (await server.GetDatabaseAsync(nameof(PostgresUsageLogTests))).Services.GetRequiredService<EfCoreUsageLog>().GetRecentAsync(count, default);
}

[Collection(PostgresGroup.Name)]
public sealed class PostgresGatewayTokenStoreTests(PostgresServer server) : Testing.GatewayTokenStoreTests
{
    protected override async Task<IGatewayTokenStore> CreateStoreAsync() => (await server.GetDatabaseAsync(nameof(PostgresGatewayTokenStoreTests))).Get<IGatewayTokenStore>();
}
