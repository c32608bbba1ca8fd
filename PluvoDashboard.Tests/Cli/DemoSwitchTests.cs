using PluvoDashboard.Cli;

namespace PluvoDashboard.Tests.Cli;

public sealed class DemoSwitchTests
{
    [Fact]
    public void DemoSwitchIsTakenOutAndTheSettingAfterItIsKept()
    {
        var (serverArgs, demo) = CommandLine.TakeDemoSwitch(["--demo", "--urls", "http://127.0.0.1:5999"]);

        Assert.True(demo);
        Assert.Equal(["--urls", "http://127.0.0.1:5999"], serverArgs);
    }

    [Fact]
    public void WithoutTheSwitchTheArgumentsAreUnchanged()
    {
        var (serverArgs, demo) = CommandLine.TakeDemoSwitch(["--urls", "http://127.0.0.1:5999"]);

        Assert.False(demo);
        Assert.Equal(["--urls", "http://127.0.0.1:5999"], serverArgs);
    }
}
