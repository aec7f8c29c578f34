using NxtAIGen.Storage.EntityFrameworkCore.Tests;

namespace ChatServer.Tests;

[CollectionDefinition(Name)]
public sealed class SamplePostgresGroup : ICollectionFixture<PostgresServer>
{
    public const string Name = "Sample on PostgreSQL";
}
