using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PluvoDashboard.Storage.Migrations
{
    /// <inheritdoc />
    public partial class InitialIntake : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RejectedDeliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RejectedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    RemoteAddress = table.Column<string>(type: "TEXT", nullable: true),
                    BodyLength = table.Column<long>(type: "INTEGER", nullable: true),
                    BodyPrefix = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RejectedDeliveries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RejectionCounts",
                columns: table => new
                {
                    Reason = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false),
                    LastAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RejectionCounts", x => x.Reason);
                });

            migrationBuilder.CreateTable(
                name: "WebhookEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentDate = table.Column<long>(type: "INTEGER", nullable: true),
                    EventType = table.Column<string>(type: "TEXT", nullable: true),
                    Family = table.Column<string>(type: "TEXT", nullable: false),
                    SubjectId = table.Column<string>(type: "TEXT", nullable: true),
                    SubjectRef = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", nullable: true),
                    UserName = table.Column<string>(type: "TEXT", nullable: true),
                    UserEmail = table.Column<string>(type: "TEXT", nullable: true),
                    TrainingId = table.Column<string>(type: "TEXT", nullable: true),
                    TrainingTitle = table.Column<string>(type: "TEXT", nullable: true),
                    RawBody = table.Column<byte[]>(type: "BLOB", nullable: false),
                    BodyHash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    DuplicateCheckDate = table.Column<long>(type: "INTEGER", nullable: false, computedColumnSql: "COALESCE(SentDate, 0)", stored: false),
                    Headers = table.Column<string>(type: "TEXT", nullable: false),
                    SignatureReading = table.Column<string>(type: "TEXT", nullable: false),
                    SignatureKey = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ParseError = table.Column<string>(type: "TEXT", nullable: true),
                    DuplicateCount = table.Column<int>(type: "INTEGER", nullable: false),
                    LastDuplicateAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WebhookEvents", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WebhookEvents_DuplicateCheckDate_BodyHash",
                table: "WebhookEvents",
                columns: new[] { "DuplicateCheckDate", "BodyHash" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RejectedDeliveries");

            migrationBuilder.DropTable(
                name: "RejectionCounts");

            migrationBuilder.DropTable(
                name: "WebhookEvents");
        }
    }
}
