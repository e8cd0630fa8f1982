using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Xunit.Abstractions;

namespace KernelGen.Kernels.Tests;

/// <summary>
/// The vector path this process takes, from the .NET 10 switches the kernel tests are run under (docs/semantics.md, “The generated code”):
/// <c>DOTNET_EnableHWIntrinsic=0</c> (scalar), <c>DOTNET_EnableAVX2=0</c> (128-bit only),
/// <c>DOTNET_EnableAVX512=0</c> (no AVX-512), or none (the widest the hardware has). If a switch stopped working,
/// the run meant to cover a path would silently test another one; this fails instead.
/// </summary>
public sealed class IsaPathTests(ITestOutputHelper output)
{
    [Fact]
    public void ExpectedVectorPathIsTaken()
    {
        bool noIntrinsics = Disabled("DOTNET_EnableHWIntrinsic");
        bool noAvx2 = Disabled("DOTNET_EnableAVX2");
        bool noAvx512 = Disabled("DOTNET_EnableAVX512");
        string path = Vector512.IsHardwareAccelerated ? "Vector512"
            : Vector256.IsHardwareAccelerated ? "Vector256"
            : Vector128.IsHardwareAccelerated ? "Vector128"
            : "scalar";
        output.WriteLine(
            $"Path taken: {path} (Vector512 {Vector512.IsHardwareAccelerated}, Vector256 {Vector256.IsHardwareAccelerated}, " +
            $"Vector128 {Vector128.IsHardwareAccelerated}; Avx512F {Avx512F.IsSupported}, Avx2 {Avx2.IsSupported}, Sse2 {Sse2.IsSupported}); " +
            $"DOTNET_EnableHWIntrinsic={Value("DOTNET_EnableHWIntrinsic")}, DOTNET_EnableAVX2={Value("DOTNET_EnableAVX2")}, " +
            $"DOTNET_EnableAVX512={Value("DOTNET_EnableAVX512")}");

        if (noIntrinsics)
        {
            Assert.False(Vector512.IsHardwareAccelerated, "DOTNET_EnableHWIntrinsic=0 must disable Vector512");
            Assert.False(Vector256.IsHardwareAccelerated, "DOTNET_EnableHWIntrinsic=0 must disable Vector256");
            Assert.False(Vector128.IsHardwareAccelerated, "DOTNET_EnableHWIntrinsic=0 must disable Vector128");
            Assert.False(Sse2.IsSupported, "DOTNET_EnableHWIntrinsic=0 must disable SSE2");
            Assert.Equal("scalar", path);
        }
        else if (noAvx2)
        {
            Assert.False(Avx2.IsSupported, "DOTNET_EnableAVX2=0 must disable AVX2");
            Assert.False(Avx512F.IsSupported, "DOTNET_EnableAVX2=0 must disable AVX-512 too");
            Assert.False(Vector512.IsHardwareAccelerated);
            Assert.False(Vector256.IsHardwareAccelerated, "DOTNET_EnableAVX2=0 must leave 128-bit vectors only");
            Assert.True(Vector128.IsHardwareAccelerated, "DOTNET_EnableAVX2=0 must keep 128-bit vectors");
            Assert.Equal("Vector128", path);
        }
        else if (noAvx512)
        {
            Assert.False(Avx512F.IsSupported, "DOTNET_EnableAVX512=0 must disable AVX-512");
            Assert.False(Vector512.IsHardwareAccelerated, "DOTNET_EnableAVX512=0 must disable Vector512");
            Assert.True(Vector256.IsHardwareAccelerated, "DOTNET_EnableAVX512=0 must keep 256-bit vectors");
            Assert.Equal("Vector256", path);
        }
        else
        {
            // The default run: the widest path the hardware offers (Vector512 on an AVX-512 machine).
            Assert.Equal(Avx512F.IsSupported, Vector512.IsHardwareAccelerated);
            Assert.Equal(Vector512.IsHardwareAccelerated || Avx2.IsSupported, Vector256.IsHardwareAccelerated);
            Assert.True(Vector128.IsHardwareAccelerated, "without any switch, 128-bit vectors must be accelerated");
        }
    }

    private static string? Value(string name) => Environment.GetEnvironmentVariable(name);

    private static bool Disabled(string name) => Value(name)?.Trim() == "0";
}
