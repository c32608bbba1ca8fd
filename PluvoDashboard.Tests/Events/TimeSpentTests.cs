using System.Globalization;
using PluvoDashboard.Events;

namespace PluvoDashboard.Tests.Events;

public sealed class TimeSpentTests
{
    [Theory]
    [InlineData("""{"days": 1, "seconds": 3600, "microseconds": 500000}""", "1.01:00:00.5")]
    [InlineData("""{"days": 0, "seconds": 5700, "microseconds": 0}""", "01:35:00")]
    [InlineData("""{"seconds": 59}""", "00:00:59")]
    [InlineData("""{"days": "2", "seconds": "30", "microseconds": "250"}""", "2.00:00:30.00025")]
    [InlineData("""{"days": -1, "seconds": 86340, "microseconds": 0}""", "-00:01:00")]
    [InlineData("5400", "01:30:00")]
    [InlineData("\"90.5\"", "00:01:30.5")]
    [InlineData("\"1.02:03:04\"", "1.02:03:04")]
    [InlineData("\"1 02:03:04.500000\"", "1.02:03:04.5")]
    public void TimeSpentIsReadFromPluvosPartsAndFromPlainDurations(string timeSpent, string expected)
    {
        var parsed = Parsing.As<CourseFinishedEvent>(
            $$"""{"event": "COURSE_FINISHED", "id": "c-1", "time_spent": {{timeSpent}}}""");

        Assert.Equal(TimeSpan.Parse(expected, CultureInfo.InvariantCulture), parsed.TimeSpent);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"hours": 2}""")]
    [InlineData("""{"days": 1e20}""")]
    [InlineData("\"a while\"")]
    [InlineData("[1, 2]")]
    public void TimeSpentThatIsNoDurationReadsAsMissing(string timeSpent)
    {
        var parsed = Parsing.As<CourseFinishedEvent>(
            $$"""{"event": "COURSE_FINISHED", "id": "c-2", "score": 80, "time_spent": {{timeSpent}}}""");

        Assert.Null(parsed.TimeSpent);
        Assert.Equal(80m, parsed.Score);
    }
}
