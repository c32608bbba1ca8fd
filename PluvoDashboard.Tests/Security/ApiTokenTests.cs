using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PluvoDashboard.Accounts;
using PluvoDashboard.Tests.Support;

namespace PluvoDashboard.Tests.Security;

/// <summary>Personal API tokens: shown once, stored hashed, accepted by the API until revoked.</summary>
public sealed class ApiTokenTests : IDisposable
{
    private readonly PluvoApp _app = new();

    public void Dispose() => _app.Dispose();

    private ApiTokenService Tokens => _app.Services.GetRequiredService<ApiTokenService>();

    private HttpClient ClientWith(string token)
    {
        var client = _app.CreateClientWithoutRedirects();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task ATokenWorksUntilItIsRevokedAndThenIsRefusedWithAProblem()
    {
        var admin = await _app.CreateUserAsync();
        var token = await _app.CreateTokenAsync(DashboardRoles.Viewer, admin);
        var client = ClientWith(token.Secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/events")).StatusCode);

        Assert.True(await Tokens.RevokeAsync(admin.Actor, token.Token.Id));

        var refused = await client.GetAsync("/api/events");
        var problem = await refused.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("unknown or was revoked", problem.GetProperty("detail").GetString());
        await using var db = _app.CreateDbContext();
        var row = await db.ApiTokens.SingleAsync();
        Assert.Equal(admin.Email, row.RevokedBy);
        Assert.NotNull(row.LastUsedAt);
    }

    [Fact]
    public async Task OnlyTheTokensHashIsStored()
    {
        var token = await _app.CreateTokenAsync();

        await using var db = _app.CreateDbContext();
        var row = await db.ApiTokens.SingleAsync();
        Assert.StartsWith(ApiTokenService.TokenStart, token.Secret);
        Assert.Equal(token.Secret[..12], row.Prefix);
        Assert.Equal(64, row.Hash.Length);
        Assert.DoesNotContain(token.Secret[12..], row.Hash + row.Prefix + row.Name);
    }

    [Fact]
    public async Task ATokenStopsWorkingWhenItsMakerIsDisabled()
    {
        var first = await _app.CreateUserAsync();
        var maker = await _app.CreateUserAsync();
        var client = ClientWith((await _app.CreateTokenAsync(owner: maker)).Secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/events")).StatusCode);

        await _app.Services.GetRequiredService<UserAdministration>().SetDisabledAsync(first.Actor, maker.Id, true);

        await (await client.GetAsync("/api/events")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ATokenActsWithTheLesserOfItsRoleAndItsMakersRole()
    {
        var first = await _app.CreateUserAsync();
        var maker = await _app.CreateUserAsync();
        var client = ClientWith((await _app.CreateTokenAsync(DashboardRoles.Admin, maker)).Secret);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/read-models/rebuild", null)).StatusCode);

        await _app.Services.GetRequiredService<UserAdministration>()
            .ChangeRoleAsync(first.Actor, maker.Id, DashboardRoles.Viewer);

        await (await client.PostAsync("/api/read-models/rebuild", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/events")).StatusCode);
    }

    [Theory]
    [InlineData("pdt_not-a-token-anybody-made")]
    [InlineData("not even the right shape")]
    public async Task AnUnknownTokenIsRefused(string token)
    {
        var refused = await ClientWith(token).GetAsync("/api/events");

        await refused.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", refused.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task TokensOpenTheApiAndTheHubButNoPage()
    {
        var client = ClientWith((await _app.CreateTokenAsync()).Secret);

        var page = await client.GetAsync("/");
        var export = await client.GetAsync("/export/completions.csv");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, export.StatusCode);
    }

    [Fact]
    public async Task OnlyAnAdminMakesOrRevokesTokens()
    {
        var admin = await _app.CreateUserAsync();
        var viewer = await _app.CreateUserAsync(DashboardRoles.Viewer);
        var token = await _app.CreateTokenAsync(owner: admin);

        await Assert.ThrowsAsync<ActionNotAllowedException>(
            () => Tokens.CreateAsync(viewer.Actor, "mine", DashboardRoles.Viewer));
        await Assert.ThrowsAsync<ActionNotAllowedException>(() => Tokens.RevokeAsync(viewer.Actor, token.Token.Id));

        await using var db = _app.CreateDbContext();
        Assert.Null((await db.ApiTokens.SingleAsync()).RevokedAt);
        Assert.Equal(["API token created"], await db.AuditEntries.Select(e => e.Action).ToListAsync());
    }
}
