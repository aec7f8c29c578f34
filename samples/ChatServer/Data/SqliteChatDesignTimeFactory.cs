using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ChatServer.Data;

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteChatDbContext</c> build the context without the host.</summary>
internal sealed class SqliteChatDesignTimeFactory : IDesignTimeDbContextFactory<SqliteChatDbContext>
{
    public SqliteChatDbContext CreateDbContext(string[] args) =>
        new(ChatDatabase.Sqlite<SqliteChatDbContext>(new DbContextOptionsBuilder<SqliteChatDbContext>(), "Data Source=chatserver-design.db").Options);
}
