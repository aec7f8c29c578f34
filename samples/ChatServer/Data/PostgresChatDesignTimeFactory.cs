using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ChatServer.Data;

/// <summary>Lets <c>dotnet ef migrations add … --context PostgresChatDbContext</c> build the context without a server.</summary>
internal sealed class PostgresChatDesignTimeFactory : IDesignTimeDbContextFactory<PostgresChatDbContext>
{
    public PostgresChatDbContext CreateDbContext(string[] args) =>
        new(ChatDatabase.Postgres<PostgresChatDbContext>(new DbContextOptionsBuilder<PostgresChatDbContext>(), "Host=localhost;Username=postgres;Database=nxtaigen").Options);
}
