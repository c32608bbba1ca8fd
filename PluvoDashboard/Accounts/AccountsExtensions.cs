using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PluvoDashboard.Audit;
using PluvoDashboard.Storage;

namespace PluvoDashboard.Accounts;

public static class AccountsExtensions
{
    /// <summary>Pages and the JSON API: the session cookie, or (API and hub only) an API token.</summary>
    public const string ApiScheme = "SessionOrApiToken";

    public const string LoginPath = "/account/login";
    public const string LogoutPath = "/account/logout";
    public const string ChangePasswordPath = "/account/change-password";
    public const string AccessDeniedPath = "/account/access-denied";
    public const string SetupPath = "/account/setup";

    /// <summary>A claim on the session of someone who signed in with a temporary password.</summary>
    public const string MustChangePasswordClaim = "pluvo:must_change_password";

    /// <summary>
    /// Sign-in for every page, the API and the hub: ASP.NET Core Identity with its tables in the app's database,
    /// a session cookie, API tokens, two roles, and the first-run setup.
    /// </summary>
    public static IHostApplicationBuilder AddAccounts(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var development = builder.Environment.IsDevelopment();

        // Session cookies and antiforgery tokens are encrypted with keys kept in the database: they survive a
        // restart or a new container, and every instance on a shared database reads the same ones.
        services.AddDataProtection()
            .SetApplicationName("PluvoDashboard")
            .PersistKeysToDbContext<PluvoDbContext>();

        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(
                ApiTokenAuthenticationHandler.SchemeName, configureOptions: null)
            .AddPolicyScheme(ApiScheme, "Session or API token", options =>
            {
                options.ForwardDefaultSelector = http => ApiTokenAuthenticationHandler.TokenOf(http.Request) is null
                    ? IdentityConstants.ApplicationScheme
                    : ApiTokenAuthenticationHandler.SchemeName;

                // Scripts get 401 and 403 as problem details, never a redirect to the sign-in page.
                options.ForwardChallenge = ApiTokenAuthenticationHandler.SchemeName;
                options.ForwardForbid = ApiTokenAuthenticationHandler.SchemeName;
            })
            .AddIdentityCookies();

        services.AddAccountStore()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<DashboardClaimsFactory>();

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = development ? "pluvo-session" : "__Host-pluvo-session";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.LoginPath = LoginPath;
            options.LogoutPath = LogoutPath;
            options.AccessDeniedPath = AccessDeniedPath;
            options.Events.OnRedirectToAccessDenied = context =>
            {
                // Someone with a temporary password is sent to change it rather than told they may not.
                var target = context.HttpContext.User.HasClaim(c => c.Type == MustChangePasswordClaim)
                    ? ChangePasswordPath
                    : context.RedirectUri;
                context.Response.Redirect(target);
                return Task.CompletedTask;
            };
        });

        // A disabled user's or a changed role's session ends soon after (the security stamp changes).
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IOptions<AccountsOptions>>(
            (validator, accounts) => validator.ValidationInterval = accounts.Value.SessionCheckInterval);

        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(DashboardPolicies.DashboardReader)
            .SetFallbackPolicy(DashboardPolicies.DashboardReader)
            .AddPolicy(DashboardPolicies.SignedIn, DashboardPolicies.AnySignedInUser)
            .AddPolicy(DashboardPolicies.ApiRead, DashboardPolicies.ApiReader)
            .AddPolicy(DashboardPolicies.ApiAdmin, DashboardPolicies.ApiAdministrator);

        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, DashboardAuthenticationStateProvider>();

        services.AddOptions<AccountsOptions>().BindConfiguration("Accounts");
        services.AddSingleton<ApiTokenService>();
        services.AddSingleton<FirstRunSetup>();
        services.AddHostedService(sp => sp.GetRequiredService<FirstRunSetup>());
        return builder;
    }

    /// <summary>
    /// The accounts themselves, without sign-in: Identity's user and role stores in the app's database, the
    /// password and lockout rules, user administration and the audit log. The command line uses this too.
    /// </summary>
    public static IdentityBuilder AddAccountStore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AuditLog>();
        services.AddSingleton<UserAdministration>();
        services.AddScoped<IUserConfirmation<DashboardUser>, EnabledUserConfirmation>();
        return services.AddIdentityCore<DashboardUser>(options =>
            {
                options.User.RequireUniqueEmail = true;

                // Length over composition rules: a long passphrase is both easier and stronger.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;

                // "Confirmed" here means "not disabled" (EnabledUserConfirmation): disabled users cannot sign in.
                options.SignIn.RequireConfirmedAccount = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PluvoDbContext>();
    }

    /// <summary>Sign-out, a form post from the layout's user menu.</summary>
    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        app.MapPost(LogoutPath, async Task<Results<RedirectHttpResult, ProblemHttpResult>> (
                SignInManager<DashboardUser> signIn,
                HttpContext http,
                ILogger<DashboardUser> logger) =>
            {
                // Only the dashboard's own sign-out form, never a form on another site, may sign somebody out;
                // the antiforgery middleware has checked the form's token.
                if (http.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true })
                {
                    return TypedResults.Problem("Sign out with the button on a dashboard page.",
                        statusCode: StatusCodes.Status400BadRequest, title: "Sign-out form not recognised");
                }

                var who = http.User.Identity?.Name;
                await signIn.SignOutAsync();
                if (who is not null)
                {
                    AccountsLog.SignedOut(logger, who);
                }

                return TypedResults.LocalRedirect($"{LoginPath}?signedOut=1");
            })
            .WithName("SignOut")
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .AllowAnonymous();
        return app;
    }
}

/// <summary>Who may use what.</summary>
public static class DashboardPolicies
{
    public const string SignedIn = "signed-in";
    public const string ApiRead = "api-read";
    public const string ApiAdmin = "api-admin";

    /// <summary>Every page and export: a signed-in admin or viewer whose password is not a temporary one.</summary>
    public static AuthorizationPolicy DashboardReader { get; } =
        InRoleWithOwnPassword(IdentityConstants.ApplicationScheme, DashboardRoles.All);

    /// <summary>Changing one's password: anybody signed in, temporary password or not.</summary>
    public static AuthorizationPolicy AnySignedInUser { get; } = new AuthorizationPolicyBuilder(
            IdentityConstants.ApplicationScheme)
        .RequireAuthenticatedUser()
        .Build();

    /// <summary>Reading through the API or the hub, signed in or with a token.</summary>
    public static AuthorizationPolicy ApiReader { get; } =
        InRoleWithOwnPassword(AccountsExtensions.ApiScheme, DashboardRoles.All);

    /// <summary>Replays and rebuilds through the API: admins, and admin tokens.</summary>
    public static AuthorizationPolicy ApiAdministrator { get; } =
        InRoleWithOwnPassword(AccountsExtensions.ApiScheme, DashboardRoles.Admin);

    private static AuthorizationPolicy InRoleWithOwnPassword(string scheme, params IEnumerable<string> roles) =>
        new AuthorizationPolicyBuilder(scheme)
            .RequireAuthenticatedUser()
            .RequireRole(roles)
            .RequireAssertion(c => !c.User.HasClaim(x => x.Type == AccountsExtensions.MustChangePasswordClaim))
            .Build();
}
