using Xunit.Abstractions;

namespace KernelGen.Kernels.Tests;

public sealed class Pool2DDifferentialTests(ITestOutputHelper output)
{
    public static TheoryData<string> Cases => KernelCatalog.Names(KernelFamily.MaxPool2D, KernelFamily.AvgPool2D);

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesReference(string kernel) => DifferentialSuite.Verify(kernel, output);
}
