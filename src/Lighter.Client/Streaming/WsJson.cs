using System.Text.Json.Serialization;

namespace Lighter.Client.Streaming;

/// <summary>Source-generated serialization for the handful of shapes the socket layer writes itself.</summary>
[JsonSerializable(typeof(int[]))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class WsJson : JsonSerializerContext;
