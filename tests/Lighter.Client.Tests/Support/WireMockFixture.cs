using WireMock.Server;
using WireMock.Settings;

namespace Lighter.Client.Tests.Support;

internal static class LoopbackServer
{
    /// <summary>Starts WireMock on 127.0.0.1 with a free port.</summary>
    public static WireMockServer Start() => WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });

    public static Uri BaseUri(this WireMockServer server) => new(server.Urls[0].TrimEnd('/') + "/");
}
