using KernelGen.Generators.Tests.Support;

namespace KernelGen.Generators.Tests.Emission;

/// <summary>
/// A depthwise convolution runs maps up to 31 columns wide on flattened padded copies of its planes: every tap one
/// constant offset from the output's position, a stride-2 layer's copy split into stride phases; a layer with several
/// outputs a plane, or a stride of 3, does not.
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
        Assert.Contains("ref float row2 = ref Unsafe.Add(ref planeRef, 2 * pitch);", code);
        Assert.Contains("acc = Vector512.MultiplyAddEstimate(Vector512.LoadUnsafe(ref row2, (nuint)(q + 1)), w2_1, acc);", code);
        Assert.Contains("acc = Vector256.MultiplyAddEstimate(Vector256.LoadUnsafe(ref row2, (nuint)(q + 1)), w2_1, acc);", code);
        Assert.Contains("acc = Vector256.Max(acc, Vector256<float>.Zero);", code);
        Assert.Contains("KernelPlaneCopies.CopyRows(ref Unsafe.Add(ref inputRef, c * inPlane), layout.Width, ref Unsafe.Add(ref planeRef, (nint)layout.PadTop * pitch + layout.PadLeft), pitch, layout.Height, layout.Width);", code);
        Assert.DoesNotContain("DealPlane", code);
    }

    [Fact]
    public void StridedDepthwise_ReadsEachTapFromItsStridePhase()
    {
        string code = Generate("Conv2D(3, 3, Padding = Padding.Same, Stride = 2, InChannels = 96, OutChannels = 96, Groups = 96)");

        Assert.Contains("return 4L * phaseLength + 2 * flat;", code);
        Assert.Contains("KernelPlaneCopies.DealPlane(ref Unsafe.Add(ref inputRef, c * inPlane), rows, columns, layout.Width, ref planeRef, phaseLength, pitch, layout.PadTop, layout.PadLeft, StrideHeight, StrideWidth);", code);

        // Tap (2, 1): padded row 2y + 2, column 2x + 1, so phase (0, 1) one row down; tap (1, 2): phase (1, 0), a column on.
        Assert.Contains("ref float phase1Row1 = ref Unsafe.Add(ref planeRef, 1 * phaseLength + 1 * pitch);", code);
        Assert.Contains("acc = Vector256.MultiplyAddEstimate(Vector256.LoadUnsafe(ref phase1Row1, (nuint)(q)), w2_1, acc);", code);
        Assert.Contains("acc = Vector256.MultiplyAddEstimate(Vector256.LoadUnsafe(ref phase2Row0, (nuint)(q + 1)), w1_2, acc);", code);
    }

    [Theory]
    [InlineData("Conv2D(3, 3, Padding = Padding.Same, Stride = 3, InChannels = 96, OutChannels = 96, Groups = 96)")]
    [InlineData("Conv2D(3, 3, Padding = Padding.Same, InChannels = 8, OutChannels = 16, Groups = 8)")]
    [InlineData("Conv2D(5, 5, InChannels = 1, OutChannels = 6)")]
    public void OtherLayers_KeepTheirPaths(string attribute)
        => Assert.DoesNotContain("SmallPlanes", Generate(attribute));
}
