using Lighter.Signing.Tests.Vectors;
using Lighter.Signing.Transactions.Conformance;

namespace Lighter.Signing.Tests.Transactions;

/// <summary>Every case of invalid_transactions.json is rejected with the official error text and a field name.</summary>
public class InvalidTransactionTests
{
    public static TheoryData<string, string> Cases
    {
        get
        {
            using var doc = VectorFiles.Load("oracle/invalid_transactions.json");
            var data = new TheoryData<string, string>();
            foreach (var v in doc.RootElement.GetProperty("vectors").EnumerateArray())
            {
                data.Add(v.GetProperty("name").GetString()!, v.GetProperty("error").GetString()!);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rejected_with_the_official_error(string name, string error)
    {
        var ex = InvalidTransactionSamples.Reject(name);
        Assert.NotNull(ex);
        Assert.Equal(error, ex.Message);
        Assert.False(string.IsNullOrEmpty(ex.Field));
    }

    [Fact]
    public void The_catalog_has_an_input_for_exactly_the_vector_cases()
    {
        var names = Cases.Select(c => (string)c[0]).Order(StringComparer.Ordinal);
        Assert.Equal(names, InvalidTransactionSamples.Names.Order(StringComparer.Ordinal));
    }
}
