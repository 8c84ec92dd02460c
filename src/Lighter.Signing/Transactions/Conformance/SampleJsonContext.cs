using System.Text.Json.Serialization;

namespace Lighter.Signing.Transactions.Conformance;

/// <summary>Source-generated (AOT-safe) JSON metadata for the conformance samples.</summary>
[JsonSerializable(typeof(Dictionary<string, long>))]
internal sealed partial class SampleJsonContext : JsonSerializerContext;
