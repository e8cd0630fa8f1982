using KernelGen.Generators.Tests.Support;

namespace KernelGen.Generators.Tests.Emission;

/// <summary>
/// A stride-1 depthwise convolution runs maps up to 31 columns wide on flattened padded copies of its planes: every
/// tap one constant offset from the output's position; a layer with several outputs a plane, or strided, does not.
/// </summary>
public sealed class SmallPlaneEmissionTests
{
    private static string Generate(string attribute)
        => GeneratorHarness.GenerateOne(attribute, "ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width");

    [Fact]
    public void Depthwise_RunsNarrowMapsOnFlattenedPlanes()
    {
        string code = Generate("Conv2D(3, 3, Padding = Padding.Same, InChannels = 96, OutChannels = 96, Groups = 96, Activation = Activation.Relu)");

        Assert.Contains("if (Vector256.IsHardwareAccelerated && layout.OutWidth <= 31 && SmallPlaneScratchLength(layout) <= 1048576)", code);
        Assert.Contains("acc = Vector256.MultiplyAddEstimate(Vector256.LoadUnsafe(ref planeRef, (nuint)(q + 2 * rowStep + 1 * Dilation)), w2_1, acc);", code);
        Assert.Contains("acc = Vector256.Max(acc, Vector256<float>.Zero);", code);
    }

    [Theory]
    [InlineData("Conv2D(3, 3, Padding = Padding.Same, Stride = 2, InChannels = 96, OutChannels = 96, Groups = 96)")]
    [InlineData("Conv2D(3, 3, Padding = Padding.Same, InChannels = 8, OutChannels = 16, Groups = 8)")]
    [InlineData("Conv2D(5, 5, InChannels = 1, OutChannels = 6)")]
    public void OtherLayers_KeepTheirPaths(string attribute)
        => Assert.DoesNotContain("SmallPlanes", Generate(attribute));
}
