using Xunit.Abstractions;

namespace KernelGen.Kernels.Tests;

public sealed class Pool1DDifferentialTests(ITestOutputHelper output)
{
    public static TheoryData<string> Cases => KernelCatalog.Names(KernelFamily.MaxPool1D, KernelFamily.AvgPool1D);

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesReference(string kernel) => DifferentialSuite.Verify(kernel, output);
}
