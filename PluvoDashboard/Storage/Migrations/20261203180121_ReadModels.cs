using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PluvoDashboard.Storage.Migrations
{
    /// <inheritdoc />
    public partial class ReadModels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AssignmentGrades",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EventId = table.Column<long>(type: "INTEGER", nullable: false),
                    GradeId = table.Column<string>(type: "TEXT", nullable: true),
                    LearnerId = table.Column<string>(type: "TEXT", nullable: true),
                    AssignmentId = table.Column<string>(type: "TEXT", nullable: true),
                    ModuleGroupId = table.Column<string>(type: "TEXT", nullable: true),
                    ModuleGroupTitle = table.Column<string>(type: "TEXT", nullable: true),
                    TrainingId = table.Column<string>(type: "TEXT", nullable: true),
                    AssignmentType = table.Column<string>(type: "TEXT", nullable: true),
                    ScoreType = table.Column<string>(type: "TEXT", nullable: true),
                    Weight = table.Column<double>(type: "REAL", nullable: true),
                    Score = table.Column<double>(type: "REAL", nullable: true),
                    Fulfilled = table.Column<bool>(type: "INTEGER", nullable: true),
                    State = table.Column<string>(type: "TEXT", nullable: true),
                    SentDate = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssignmentGrades", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Completions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EventId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CompletionId = table.Column<string>(type: "TEXT", nullable: true),
                    LearnerId = table.Column<string>(type: "TEXT", nullable: true),
                    CourseId = table.Column<string>(type: "TEXT", nullable: true),
                    CourseTitle = table.Column<string>(type: "TEXT", nullable: true),
                    CourseType = table.Column<string>(type: "TEXT", nullable: true),
                    TrainingId = table.Column<string>(type: "TEXT", nullable: true),
                    TrainingTitle = table.Column<string>(type: "TEXT", nullable: true),
                    Score = table.Column<double>(type: "REAL", nullable: true),
                    TimeSpent = table.Column<long>(type: "INTEGER", nullable: true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Completions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Enrolments",
                columns: table => new
                {
                    LearnerId = table.Column<string>(type: "TEXT", nullable: false),
                    OfferEventId = table.Column<string>(type: "TEXT", nullable: false),
                    EnrolmentId = table.Column<string>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", nullable: true),
                    EventType = table.Column<string>(type: "TEXT", nullable: false),
                    OfferRef = table.Column<string>(type: "TEXT", nullable: true),
                    OfferTitle = table.Column<string>(type: "TEXT", nullable: true),
                    OfferKind = table.Column<string>(type: "TEXT", nullable: true),
                    OfferCancelled = table.Column<bool>(type: "INTEGER", nullable: true),
                    LastSentDate = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Enrolments", x => new { x.LearnerId, x.OfferEventId });
                });

            migrationBuilder.CreateTable(
                name: "Groups",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Ref = table.Column<string>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", nullable: true),
                    EnableChat = table.Column<bool>(type: "INTEGER", nullable: true),
                    LastSentDate = table.Column<long>(type: "INTEGER", nullable: false),
                    IsDeleted = table.Column<bool>(type: "INTEGER", nullable: false),
                    DeletedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Groups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Learners",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Ref = table.Column<string>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", nullable: true),
                    Email = table.Column<string>(type: "TEXT", nullable: true),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: true),
                    AfasPersonId = table.Column<string>(type: "TEXT", nullable: true),
                    AfasEmployeeId = table.Column<string>(type: "TEXT", nullable: true),
                    ExtraFields = table.Column<string>(type: "TEXT", nullable: true),
                    LastSentDate = table.Column<long>(type: "INTEGER", nullable: false),
                    IsDeleted = table.Column<bool>(type: "INTEGER", nullable: false),
                    DeletedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Learners", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Milestones",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EventId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    LearnerId = table.Column<string>(type: "TEXT", nullable: true),
                    TrainingId = table.Column<string>(type: "TEXT", nullable: true),
                    ModuleGroupId = table.Column<string>(type: "TEXT", nullable: true),
                    ModuleGroupRef = table.Column<string>(type: "TEXT", nullable: true),
                    ModuleGroupTitle = table.Column<string>(type: "TEXT", nullable: true),
                    Conditions = table.Column<string>(type: "TEXT", nullable: false),
                    FileUrl = table.Column<string>(type: "TEXT", nullable: true),
                    SentDate = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Milestones", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PortfolioItems",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Ref = table.Column<string>(type: "TEXT", nullable: true),
                    LearnerId = table.Column<string>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", nullable: true),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    StartDate = table.Column<long>(type: "INTEGER", nullable: true),
                    EndDate = table.Column<long>(type: "INTEGER", nullable: true),
                    Files = table.Column<string>(type: "TEXT", nullable: false),
                    LastSentDate = table.Column<long>(type: "INTEGER", nullable: false),
                    IsDeleted = table.Column<bool>(type: "INTEGER", nullable: false),
                    DeletedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortfolioItems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Trainings",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Ref = table.Column<string>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", nullable: true),
                    Subtitle = table.Column<string>(type: "TEXT", nullable: true),
                    Introduction = table.Column<string>(type: "TEXT", nullable: true),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: true),
                    ShowParticipants = table.Column<bool>(type: "INTEGER", nullable: true),
                    ShowSharedFiles = table.Column<bool>(type: "INTEGER", nullable: true),
                    EnableChat = table.Column<bool>(type: "INTEGER", nullable: true),
                    ExtraFields = table.Column<string>(type: "TEXT", nullable: true),
                    LastSentDate = table.Column<long>(type: "INTEGER", nullable: false),
                    IsDeleted = table.Column<bool>(type: "INTEGER", nullable: false),
                    DeletedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Trainings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AssignmentGrades_EventId",
                table: "AssignmentGrades",
                column: "EventId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssignmentGrades_LearnerId_AssignmentId_SentDate",
                table: "AssignmentGrades",
                columns: new[] { "LearnerId", "AssignmentId", "SentDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Completions_EventId",
                table: "Completions",
                column: "EventId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Completions_FinishedAt",
                table: "Completions",
                column: "FinishedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Completions_LearnerId_FinishedAt",
                table: "Completions",
                columns: new[] { "LearnerId", "FinishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Completions_TrainingId_FinishedAt",
                table: "Completions",
                columns: new[] { "TrainingId", "FinishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_OfferEventId",
                table: "Enrolments",
                column: "OfferEventId");

            migrationBuilder.CreateIndex(
                name: "IX_Learners_Email",
                table: "Learners",
                column: "Email");

            migrationBuilder.CreateIndex(
                name: "IX_Learners_Name",
                table: "Learners",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_EventId",
                table: "Milestones",
                column: "EventId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_LearnerId_SentDate",
                table: "Milestones",
                columns: new[] { "LearnerId", "SentDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_TrainingId_SentDate",
                table: "Milestones",
                columns: new[] { "TrainingId", "SentDate" });

            migrationBuilder.CreateIndex(
                name: "IX_PortfolioItems_LearnerId",
                table: "PortfolioItems",
                column: "LearnerId");

            migrationBuilder.CreateIndex(
                name: "IX_Trainings_Title",
                table: "Trainings",
                column: "Title");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssignmentGrades");

            migrationBuilder.DropTable(
                name: "Completions");

            migrationBuilder.DropTable(
                name: "Enrolments");

            migrationBuilder.DropTable(
                name: "Groups");

            migrationBuilder.DropTable(
                name: "Learners");

            migrationBuilder.DropTable(
                name: "Milestones");

            migrationBuilder.DropTable(
                name: "PortfolioItems");

            migrationBuilder.DropTable(
                name: "Trainings");
        }
    }
}
