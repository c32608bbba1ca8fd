using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PluvoDashboard.Accounts;

namespace PluvoDashboard.Tests.Support;

/// <summary>An account made for a test, and the password it signs in with.</summary>
public sealed record TestUser(string Id, string Email, string Role, string Password)
{
    public Actor Actor => new(Email, Role == DashboardRoles.Admin, Id);
}

/// <summary>
/// Accounts and signed-in clients for tests, made the way people and scripts get them: users through the
/// app's own user administration, sessions through the sign-in form, tokens through the token service.
/// </summary>
public static partial class TestAccounts
{
    /// <summary>The password of every test account; the log checks make sure it is never written down.</summary>
    public const string Password = "correct horse battery staple";

    private static int _next;

    public static async Task<TestUser> CreateUserAsync(
        this PluvoApp app, string role = DashboardRoles.Admin, string? email = null)
    {
        email ??= $"{role.ToLowerInvariant()}{Interlocked.Increment(ref _next)}@example.test";
        var users = app.Services.GetRequiredService<UserAdministration>();
        var created = await users.CreateAsync(email, role, Password, mustChangePassword: false);
        Assert.True(created.Succeeded, created.Error);
        var id = (await users.ListAsync()).Single(u => u.Email == email).Id;
        return new TestUser(id, email, role, Password);
    }

    /// <summary>A client that follows redirects and keeps cookies, signed in as a new user of the role.</summary>
    public static async Task<HttpClient> SignedInClientAsync(this PluvoApp app, string role = DashboardRoles.Admin)
    {
        var user = await app.CreateUserAsync(role);
        return await app.SignInAsync(user.Email, user.Password);
    }

    /// <summary>Signs in through the sign-in form; fails the test when the form does not let the user in.</summary>
    public static async Task<HttpClient> SignInAsync(this PluvoApp app, string email, string password)
    {
        var client = app.CreateClientWithoutRedirects();
        var response = await client.PostSignInAsync(email, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"Signing in as {email} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    /// <summary>Opens the sign-in page and posts its form, as a browser does; answers the form's answer.</summary>
    public static async Task<HttpResponseMessage> PostSignInAsync(
        this HttpClient client, string email, string password, string returnUrl = "")
    {
        var path = returnUrl.Length == 0 ? AccountsExtensions.LoginPath
            : $"{AccountsExtensions.LoginPath}?returnUrl={Uri.EscapeDataString(returnUrl)}";
        return await client.PostFormAsync(path, "sign-in", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
    }

    /// <summary>Opens a server-rendered form's page and posts the form with its antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(
        this HttpClient client, string path, string formName, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(path);
        var token = AntiforgeryField().Match(page);
        Assert.True(token.Success, $"{path} has no antiforgery token; is the form on the page?");
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        fields["_handler"] = formName;
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    /// <summary>A client that sends a new API token of an admin (a new one by default), acting with the role.</summary>
    public static async Task<HttpClient> ApiClientAsync(
        this PluvoApp app, string role = DashboardRoles.Admin, TestUser? owner = null)
    {
        var token = await app.CreateTokenAsync(role, owner);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Secret);
        return client;
    }

    public static async Task<NewApiToken> CreateTokenAsync(
        this PluvoApp app, string role = DashboardRoles.Admin, TestUser? owner = null)
    {
        owner ??= await app.CreateUserAsync(DashboardRoles.Admin);
        var token = await app.Services.GetRequiredService<ApiTokenService>()
            .CreateAsync(owner.Actor, "test script", role);
        app.KnownSecrets.Add(token.Secret);
        return token;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
