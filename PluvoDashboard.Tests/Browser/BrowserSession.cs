using PluvoDashboard.Accounts;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PluvoDashboard.Tests.Support;

namespace PluvoDashboard.Tests.Browser;

/// <summary>
/// The real app on Kestrel at a free port on 127.0.0.1, with its own SQLite file, and a fresh browser page
/// pointed at it, signed in through the sign-in page as a new user of the given role (or as nobody). Every
/// error the page writes to the browser console, and every uncaught script error, is collected, so a test
/// can assert there were none.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly List<string> _consoleErrors = [];

    private BrowserSession(PluvoApp app, Uri baseAddress, IBrowserContext context, IPage page)
    {
        App = app;
        BaseAddress = baseAddress;
        Context = context;
        Page = page;
        Http = new HttpClient { BaseAddress = baseAddress };
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (_consoleErrors)
                {
                    _consoleErrors.Add(message.Text);
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_consoleErrors)
            {
                _consoleErrors.Add(error);
            }
        };
    }

    public PluvoApp App { get; }

    public Uri BaseAddress { get; }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>A plain HTTP client to the same server, for posting webhooks as Pluvo would.</summary>
    public HttpClient Http { get; }

    public IReadOnlyList<string> ConsoleErrors
    {
        get
        {
            lock (_consoleErrors)
            {
                return [.. _consoleErrors];
            }
        }
    }

    /// <summary>The account the page signed in with; null when it did not sign in.</summary>
    public TestUser? User { get; private set; }

    public static async Task<BrowserSession> StartAsync(
        ChromiumFixture chromium,
        Action<PluvoApp>? configure = null,
        string? role = DashboardRoles.Admin)
    {
        var app = new PluvoApp();
        configure?.Invoke(app);
        app.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = address,
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
            AcceptDownloads = true,
            TimezoneId = "Europe/Amsterdam",
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        var session = new BrowserSession(app, new Uri(address), context, page);
        if (role is not null)
        {
            session.User = await app.CreateUserAsync(role);
            await session.SignInAsync(session.User.Email, session.User.Password);
        }

        return session;
    }

    /// <summary>Signs in through the sign-in page and waits for the overview it leads to.</summary>
    public async Task SignInAsync(string email, string password)
    {
        await Page.GotoAsync(AccountsExtensions.LoginPath);
        await Page.GetByLabel("E-mail address").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync(password);
        await Page.GetByTestId("sign-in").ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
    }

    /// <summary>Opens a page and waits until its interactive circuit is connected, so live updates reach it.</summary>
    public async Task OpenAsync(string path)
    {
        await Page.GotoAsync(path);
        await Page.Locator("#circuit-ready").WaitForAsync(new LocatorWaitForOptions
        {
            State = WaitForSelectorState.Attached,
        });
    }

    /// <summary>Posts a body signed with the app's webhook key to the webhook endpoint, as Pluvo does.</summary>
    public async Task<long> PostWebhookAsync(SignedDelivery delivery)
    {
        using var request = delivery.ToRequest();
        using var response = await Http.SendAsync(request);
        var answer = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"The webhook was refused: {(int)response.StatusCode} {answer}");
        using var json = System.Text.Json.JsonDocument.Parse(answer);
        return json.RootElement.GetProperty("id").GetInt64();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Context.DisposeAsync();
        await App.DisposeAsync();
    }
}
