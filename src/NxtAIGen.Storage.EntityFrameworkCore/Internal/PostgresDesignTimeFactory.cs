using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace NxtAIGen.Storage.EntityFrameworkCore.Internal;

/// <summary>Lets <c>dotnet ef migrations add … --context PostgresNxtAIGenDbContext</c> build the context without a host or a server.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresNxtAIGenDbContext>
{
    public PostgresNxtAIGenDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresNxtAIGenDbContext>().UseNpgsql("Host=localhost;Username=postgres;Database=nxtaigen").Options);
}
