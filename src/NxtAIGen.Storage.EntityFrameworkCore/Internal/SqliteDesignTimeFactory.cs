using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace NxtAIGen.Storage.EntityFrameworkCore.Internal;

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteNxtAIGenDbContext</c> build the context without a host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteNxtAIGenDbContext>
{
    public SqliteNxtAIGenDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteNxtAIGenDbContext>().UseSqlite("Data Source=nxtaigen-design.db").Options);
}
