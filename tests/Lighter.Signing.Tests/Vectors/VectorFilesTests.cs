namespace Lighter.Signing.Tests.Vectors;

public class VectorFilesTests
{
    [Fact]
    public void Locates_the_shared_signer_vectors()
    {
        Assert.True(File.Exists(VectorFiles.PathOf("README.md")));
        using var doc = VectorFiles.Load("gfp5.json");
        Assert.True(doc.RootElement.GetProperty("vectors").GetArrayLength() > 0);
    }
}
