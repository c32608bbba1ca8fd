namespace PluvoDashboard.Components.Pages.Grades;

/// <summary>How the grade pages word a grade's parts.</summary>
public static class GradeText
{
    public static string Fulfilled(bool? fulfilled) => fulfilled switch
    {
        true => "yes",
        false => "no",
        null => "–",
    };
}
