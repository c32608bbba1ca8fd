using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PluvoDashboard.Storage.Migrations
{
    /// <inheritdoc />
    public partial class SearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EventHourCounts",
                columns: table => new
                {
                    Hour = table.Column<long>(type: "INTEGER", nullable: false),
                    EventType = table.Column<string>(type: "TEXT", nullable: false),
                    Family = table.Column<string>(type: "TEXT", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false),
                    FirstEventId = table.Column<long>(type: "INTEGER", nullable: false),
                    LastEventId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventHourCounts", x => new { x.Hour, x.EventType });
                });

            migrationBuilder.CreateTable(
                name: "SearchCursors",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    LastIndexedEventId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchCursors", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "SearchKeys",
                columns: table => new
                {
                    EventId = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EventType = table.Column<string>(type: "TEXT", nullable: true),
                    Family = table.Column<string>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: true),
                    TrainingId = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchKeys", x => x.EventId);
                });

            migrationBuilder.CreateTable(
                name: "SearchLearners",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: true),
                    Email = table.Column<string>(type: "TEXT", nullable: true),
                    LastReceivedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchLearners", x => x.UserId);
                });

            migrationBuilder.CreateTable(
                name: "SearchTrainings",
                columns: table => new
                {
                    TrainingId = table.Column<string>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: true),
                    LastReceivedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchTrainings", x => x.TrainingId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WebhookEvents_Status",
                table: "WebhookEvents",
                column: "Status",
                filter: "Status = 'Failing' OR Status = 'DeadLettered' OR Status = 'Unparseable'");

            migrationBuilder.CreateIndex(
                name: "IX_SearchKeys_EventType_EventId",
                table: "SearchKeys",
                columns: new[] { "EventType", "EventId" });

            migrationBuilder.CreateIndex(
                name: "IX_SearchKeys_TrainingId_EventId",
                table: "SearchKeys",
                columns: new[] { "TrainingId", "EventId" },
                filter: "TrainingId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SearchKeys_UserId_EventId",
                table: "SearchKeys",
                columns: new[] { "UserId", "EventId" },
                filter: "UserId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SearchLearners_LastReceivedAt",
                table: "SearchLearners",
                column: "LastReceivedAt");

            // The full-text table EF Core does not model: see SearchIndexModel.
            migrationBuilder.Sql(Search.SearchIndexModel.CreateTextTableSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE EventText");

            migrationBuilder.DropTable(
                name: "EventHourCounts");

            migrationBuilder.DropTable(
                name: "SearchCursors");

            migrationBuilder.DropTable(
                name: "SearchKeys");

            migrationBuilder.DropTable(
                name: "SearchLearners");

            migrationBuilder.DropTable(
                name: "SearchTrainings");

            migrationBuilder.DropIndex(
                name: "IX_WebhookEvents_Status",
                table: "WebhookEvents");
        }
    }
}
