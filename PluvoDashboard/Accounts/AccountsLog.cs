namespace PluvoDashboard.Accounts;

/// <summary>
/// What the accounts feature tells an operator. No password, token or setup secret but the setup link.
/// </summary>
internal static partial class AccountsLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "{Email} signed in from {Remote}")]
    public static partial void SignedIn(ILogger logger, string email, string? remote);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning,
        Message = "Sign-in refused for {Email} from {Remote}: {Reason}")]
    public static partial void SignInRefused(ILogger logger, string email, string? remote, string reason);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "{Email} signed out")]
    public static partial void SignedOut(ILogger logger, string email);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning,
        Message = "No account exists yet. To create the first admin, open {SetupLink} (valid until it is used " +
            "or the app restarts)")]
    public static partial void SetupLink(ILogger logger, string setupLink);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Information, Message = "First admin {Email} created")]
    public static partial void FirstAdminCreated(ILogger logger, string email);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Warning,
        Message = "A setup request from {Remote} was refused: {Reason}")]
    public static partial void SetupRefused(ILogger logger, string? remote, string reason);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Information, Message = "{Actor}: {Action} {Subject}")]
    public static partial void UserChanged(ILogger logger, string actor, string action, string subject);

    [LoggerMessage(EventId = 5008, Level = LogLevel.Information, Message = "{Email} changed their password")]
    public static partial void PasswordChanged(ILogger logger, string email);
}
