using Lighter.Cli.Commands;

namespace Lighter.Cli.Tests;

/// <summary><c>.env</c> in the working directory: LIGHTER_* only, never over a variable already set, values never shown.</summary>
public sealed class DotEnvFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lighter-dotenv-").FullName;
    private readonly string _name = "LIGHTER_DOTENV_TEST_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    [Fact]
    public void Lighter_variables_from_the_file_are_set_and_other_names_are_left_alone()
    {
        var other = "DOTENV_OTHER_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        File.WriteAllText(Path.Combine(_dir, ".env"), $"# credentials\n{_name}=from-file\n{other}=x\n");

        var loaded = DotEnvFile.Load(_dir);

        Assert.Equal([_name], loaded);
        Assert.Equal("from-file", Environment.GetEnvironmentVariable(_name));
        Assert.Null(Environment.GetEnvironmentVariable(other));
    }

    [Fact]
    public void A_variable_already_set_wins_over_the_file()
    {
        Environment.SetEnvironmentVariable(_name, "from-shell");
        File.WriteAllText(Path.Combine(_dir, ".env"), $"{_name}=from-file\n");

        Assert.Empty(DotEnvFile.Load(_dir));
        Assert.Equal("from-shell", Environment.GetEnvironmentVariable(_name));
    }

    [Fact]
    public void No_file_is_not_an_error() => Assert.Empty(DotEnvFile.Load(_dir));

    [Fact]
    public void An_unreadable_file_is_refused_naming_the_file_but_not_its_content()
    {
        File.WriteAllText(Path.Combine(_dir, ".env"), $"{_name}=\"never-closed-secret\n");

        var error = Assert.Throws<FormatException>(() => DotEnvFile.Load(_dir));

        Assert.Contains(Path.Combine(_dir, ".env"), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("never-closed-secret", error.Message, StringComparison.Ordinal);
        Assert.Null(Environment.GetEnvironmentVariable(_name));
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(_name, null);
        Directory.Delete(_dir, recursive: true);
    }
}
