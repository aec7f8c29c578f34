using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NxtAIGen.Storage.EntityFrameworkCore.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "NxtAIGenApiKeys",
                columns: table => new
                {
                    Scope = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ProviderId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ProtectedValue = table.Column<string>(type: "TEXT", nullable: false),
                    Masked = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAtUtcTicks = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NxtAIGenApiKeys", x => new { x.Scope, x.UserId, x.ProviderKey });
                });

            migrationBuilder.CreateTable(
                name: "NxtAIGenDataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NxtAIGenDataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NxtAIGenQuotaUses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CounterKey = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AtUtcTicks = table.Column<long>(type: "INTEGER", nullable: false),
                    ReservationId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Pending = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NxtAIGenQuotaUses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NxtAIGenUsageRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TimestampUtcTicks = table.Column<long>(type: "INTEGER", nullable: false),
                    CallerKind = table.Column<int>(type: "INTEGER", nullable: false),
                    CallerId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Plan = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Provider = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Model = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    InputTokens = table.Column<int>(type: "INTEGER", nullable: true),
                    OutputTokens = table.Column<int>(type: "INTEGER", nullable: true),
                    ReasoningTokens = table.Column<int>(type: "INTEGER", nullable: true),
                    TimeToFirstTokenTicks = table.Column<long>(type: "INTEGER", nullable: true),
                    DurationTicks = table.Column<long>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Charged = table.Column<bool>(type: "INTEGER", nullable: false),
                    IpHash = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NxtAIGenUsageRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NxtAIGenUserPlanOverrides",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Plan = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    HasLimits = table.Column<bool>(type: "INTEGER", nullable: false),
                    Hourly = table.Column<int>(type: "INTEGER", nullable: false),
                    Daily = table.Column<int>(type: "INTEGER", nullable: false),
                    Monthly = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NxtAIGenUserPlanOverrides", x => x.UserId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_NxtAIGenQuotaUses_CounterKey_AtUtcTicks",
                table: "NxtAIGenQuotaUses",
                columns: new[] { "CounterKey", "AtUtcTicks" });

            migrationBuilder.CreateIndex(
                name: "IX_NxtAIGenQuotaUses_ReservationId",
                table: "NxtAIGenQuotaUses",
                column: "ReservationId");

            migrationBuilder.CreateIndex(
                name: "IX_NxtAIGenUsageRecords_CallerId_TimestampUtcTicks",
                table: "NxtAIGenUsageRecords",
                columns: new[] { "CallerId", "TimestampUtcTicks" });

            migrationBuilder.CreateIndex(
                name: "IX_NxtAIGenUsageRecords_TimestampUtcTicks",
                table: "NxtAIGenUsageRecords",
                column: "TimestampUtcTicks");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NxtAIGenApiKeys");

            migrationBuilder.DropTable(
                name: "NxtAIGenDataProtectionKeys");

            migrationBuilder.DropTable(
                name: "NxtAIGenQuotaUses");

            migrationBuilder.DropTable(
                name: "NxtAIGenUsageRecords");

            migrationBuilder.DropTable(
                name: "NxtAIGenUserPlanOverrides");
        }
    }
}
