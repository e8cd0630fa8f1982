using Xunit.Abstractions;

namespace KernelGen.Kernels.Tests;

public sealed class Conv2DDifferentialTests(ITestOutputHelper output)
{
    public static TheoryData<string> Cases => KernelCatalog.Names(KernelFamily.Conv2D);

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesReference(string kernel) => DifferentialSuite.Verify(kernel, output);
}
