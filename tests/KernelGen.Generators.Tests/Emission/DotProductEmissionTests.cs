using KernelGen.Generators.Tests.Support;

namespace KernelGen.Generators.Tests.Emission;

/// <summary>
/// A Valid convolution on a map exactly its window's size has one output position per channel: <c>Run</c> hands it to
/// the runtime's dot products (a fully connected layer in convolution form, such as LeNet-5's last one) before any
/// row or lane path; a window whose weights do not meet the input in order (flipped, dilated) or a padded layer does not.
/// </summary>
public sealed class DotProductEmissionTests
{
    private static string Generate(string attribute)
        => GeneratorHarness.GenerateOne(attribute, "ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width");

    [Fact]
    public void WindowSizedMap_RunsAsDotProducts()
    {
        string code = Generate("Conv2D(5, 5, InChannels = 16, OutChannels = 120, Activation = Activation.Relu)");

        Assert.Contains("if (height == KernelHeight && width == KernelWidth)", code);
        Assert.Contains("KernelDotProducts.MatrixVector(input, weights, bias, output, Groups * OutputsPerGroup, WeightsPerOutput, OutputsPerGroup, relu: true);", code);
    }

    [Theory]
    [InlineData("Conv2D(5, 5, Padding = Padding.Same, InChannels = 16, OutChannels = 120)")]
    [InlineData("Conv2D(5, 5, InChannels = 16, OutChannels = 120, Flip = true)")]
    [InlineData("Conv2D(3, 3, Dilation = 2, InChannels = 16, OutChannels = 120)")]
    [InlineData("Conv2D(3, 3, InChannels = 1, OutChannels = 8)")] // 9 weights an output: less than a vector
    public void OtherLayers_KeepTheirPaths(string attribute)
        => Assert.DoesNotContain("KernelDotProducts", Generate(attribute));
}
