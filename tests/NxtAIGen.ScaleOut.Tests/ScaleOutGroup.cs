using NxtAIGen.Storage.EntityFrameworkCore.Tests;

namespace NxtAIGen.ScaleOut.Tests;

/// <summary>The test classes that share one throwaway Redis and one throwaway PostgreSQL server.</summary>
[CollectionDefinition(Name)]
public sealed class ScaleOutGroup : ICollectionFixture<RedisServer>, ICollectionFixture<PostgresServer>
{
    public const string Name = "ScaleOut";
}
