// Opens the main pages of a running PluvoDashboard in headless Chromium and saves a screenshot of each, after
// photographing the sign-in page and signing in as SHOOTER_EMAIL with SHOOTER_PASSWORD.
//
//   SHOOTER_EMAIL=... SHOOTER_PASSWORD=... dotnet run --project docs/screenshots/Shooter -- \
//       http://127.0.0.1:5321 docs/screenshots
using Microsoft.Playwright;

if (args.Length < 2 || !Uri.TryCreate(args[0], UriKind.Absolute, out var baseUrl))
{
    Console.Error.WriteLine("Usage: Shooter BASE_URL OUTPUT_FOLDER");
    return 2;
}

var output = Directory.CreateDirectory(args[1]).FullName;
using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = Environment.GetEnvironmentVariable("PLUVO_CHROMIUM") ?? "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
var context = await browser.NewContextAsync(new BrowserNewContextOptions
{
    BaseURL = baseUrl.ToString(),
    ViewportSize = new ViewportSize { Width = 1440, Height = 1000 },
    TimezoneId = "Europe/Amsterdam",
});
var page = await context.NewPageAsync();

await page.GotoAsync("/account/login");
await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(output, "sign-in.png") });
await page.GetByLabel("E-mail address").FillAsync(Environment.GetEnvironmentVariable("SHOOTER_EMAIL") ?? "");
await page.GetByLabel("Password").FillAsync(Environment.GetEnvironmentVariable("SHOOTER_PASSWORD") ?? "");
await page.GetByTestId("sign-in").ClickAsync();
await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");

async Task ShootAsync(string path, string name, Func<Task>? before = null, bool fullPage = false)
{
    await page.GotoAsync(path);
    await page.Locator("#circuit-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    if (before is not null)
    {
        await before();
    }

    await page.WaitForTimeoutAsync(1500);
    var file = Path.Combine(output, name + ".png");
    await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = fullPage });
    Console.WriteLine($"{path} -> {file}");
}

await ShootAsync("/", "overview");
await ShootAsync("/events", "events");
await ShootAsync("/events?q=type%3ACOURSE_FINISHED", "events-search");
var firstEvent = await page.GetByTestId("event-link").First.InnerTextAsync();
await ShootAsync($"/events/{firstEvent}", "event-detail");
await ShootAsync("/completions", "completions");
await ShootAsync("/portfolio", "portfolio");
await ShootAsync("/grades", "grades");
await ShootAsync("/learners", "learners");
var learner = await page.Locator("a[href^='/learners/']").First.GetAttributeAsync("href");
await ShootAsync(learner!, "learner");
await ShootAsync("/handlers", "handlers");
await ShootAsync("/settings", "settings", fullPage: true);
return 0;
