// Opens the overview and the events page in headless Chromium while events pour in, and every second
// records each tab's renderer memory (proportional set size of its renderer process: its own pages plus its
// share of the pages it shares with the browser's other processes) and JavaScript heap; every few
// seconds it clicks through the navigation and times how long the next page takes to show. Each tab signs in
// first as LIVELOAD_EMAIL with LIVELOAD_PASSWORD.
//
//   LIVELOAD_EMAIL=... LIVELOAD_PASSWORD=... dotnet run -c Release --project bench/LiveLoad -- \
//       http://127.0.0.1:5311 60
using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;

if (args.Length < 2 || !Uri.TryCreate(args[0], UriKind.Absolute, out var baseUrl) ||
    !int.TryParse(args[1], CultureInfo.InvariantCulture, out var seconds))
{
    Console.Error.WriteLine("Usage: LiveLoad BASE_URL SECONDS");
    return 2;
}

var chromium = Environment.GetEnvironmentVariable("PLUVO_CHROMIUM") ?? "/usr/bin/chromium";
using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = chromium,
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--renderer-process-limit=8"],
});

var tabs = new List<Tab>();
foreach (var path in new[] { "/", "/events" })
{
    var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl.ToString() });
    var page = await context.NewPageAsync();
    await page.GotoAsync($"/account/login?returnUrl={Uri.EscapeDataString(path)}");
    await page.GetByLabel("E-mail address").FillAsync(Environment.GetEnvironmentVariable("LIVELOAD_EMAIL") ?? "");
    await page.GetByLabel("Password").FillAsync(Environment.GetEnvironmentVariable("LIVELOAD_PASSWORD") ?? "");
    await page.GetByTestId("sign-in").ClickAsync();
    await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == path);
    await page.Locator("#circuit-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    var cdp = await context.NewCDPSessionAsync(page);
    await cdp.SendAsync("Performance.enable");
    tabs.Add(new Tab(path, page, cdp));
}

var navigations = new List<double>();
var clock = Stopwatch.StartNew();
for (var second = 1; second <= seconds; second++)
{
    var due = TimeSpan.FromSeconds(second);
    if (due > clock.Elapsed)
    {
        await Task.Delay(due - clock.Elapsed);
    }

    foreach (var tab in tabs)
    {
        var metrics = await tab.Cdp.SendAsync("Performance.getMetrics");
        var heap = 0.0;
        foreach (var metric in metrics!.Value.GetProperty("metrics").EnumerateArray())
        {
            if (metric.GetProperty("name").GetString() == "JSHeapUsedSize")
            {
                heap = metric.GetProperty("value").GetDouble();
            }
        }

        tab.HeapMb = Math.Max(tab.HeapMb, heap / 1048576);
    }

    var renderers = RendererResidentMb();
    var total = renderers.Sum();
    var largest = renderers.Count == 0 ? 0 : renderers.Max();
    var heaps = string.Join(" / ", tabs.Select(t => FormattableString.Invariant($"{t.Path} {t.HeapMb:F1} MB")));
    Console.WriteLine(FormattableString.Invariant(
        $"{second,4} s  renderers {renderers.Count}, largest {largest,6:F1} MB, all {total,6:F1} MB, JS heap {heaps}"));
    Peak.Largest = Math.Max(Peak.Largest, largest);

    if (second % 5 == 0)
    {
        // Overview -> Events -> Overview on the first tab, timing each page change.
        var page = tabs[0].Page;
        var target = page.Url.EndsWith("/events", StringComparison.Ordinal) ? "Overview" : "Events";
        var watch = Stopwatch.StartNew();
        await page.GetByRole(AriaRole.Link, new() { Name = target, Exact = true }).ClickAsync();
        await page.Locator("h1", new() { HasText = target }).WaitForAsync();
        navigations.Add(watch.Elapsed.TotalMilliseconds);
    }
}

navigations.Sort();
var p95 = navigations.Count == 0 ? 0 : navigations[(int)Math.Ceiling(navigations.Count * 0.95) - 1];
Console.WriteLine(FormattableString.Invariant(
    $"largest renderer (proportional set size): {Peak.Largest:F1} MB (target < 300 MB)"));
Console.WriteLine("JS heap peak: " +
    string.Join(", ", tabs.Select(t => FormattableString.Invariant($"{t.Path} {t.HeapMb:F1} MB"))));
Console.WriteLine(FormattableString.Invariant(
    $"page changes under load: {navigations.Count}, median {Median(navigations):F0} ms, p95 {p95:F0} ms"));
return Peak.Largest < 300 ? 0 : 1;

static double Median(List<double> sorted) => sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];

// Proportional set size of every Chromium renderer process, in MB (one per tab, and a spare or two).
static List<double> RendererResidentMb()
{
    var sizes = new List<double>();
    foreach (var dir in Directory.EnumerateDirectories("/proc"))
    {
        try
        {
            var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline"));
            if (!cmdline.Contains("--type=renderer", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var line in File.ReadLines(Path.Combine(dir, "smaps_rollup")))
            {
                if (line.StartsWith("Pss:", StringComparison.Ordinal))
                {
                    var kb = double.Parse(line[4..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                    sizes.Add(kb / 1024);
                }
            }
        }
        catch (IOException)
        {
            // The process ended while we looked.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    return sizes;
}

internal sealed class Tab(string path, IPage page, ICDPSession cdp)
{
    public string Path { get; } = path;

    public IPage Page { get; } = page;

    public ICDPSession Cdp { get; } = cdp;

    public double HeapMb { get; set; }
}

internal static class Peak
{
    public static double Largest { get; set; }
}
