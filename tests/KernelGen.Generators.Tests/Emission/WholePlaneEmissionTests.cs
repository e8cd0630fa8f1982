using KernelGen.Generators.Tests.Support;

namespace KernelGen.Generators.Tests.Emission;

/// <summary>
/// A pool whose map can be its window (a global pool) reduces each channel's whole plane in vectors when called on
/// such a map, instead of the row path with its one output column. The results are checked against the reference
/// (every width, guard pages) by the kernel tests, which run every pool at its window's size.
/// </summary>
public sealed class WholePlaneEmissionTests
{
    private static string Generate(string attribute, string element = "float")
        => GeneratorHarness.GenerateOne(attribute, $"ReadOnlySpan<{element}> input, Span<{element}> output, int height, int width");

    [Fact]
    public void GlobalAverage_SumsWholeVectorsAndTheLastLanesOfAnOverlappingOne()
    {
        string code = Unindented(Generate("AvgPool2D(7, 7, Channels = 512)"));

        Assert.Contains("if (height == KernelHeight && width == KernelWidth)\n{\n// The map is the window: one output per channel, a reduction of the channel's whole plane.\nWholePlanes(input, output);\nreturn;\n}", code);

        // 49 values: three whole 512-bit vectors, then the last one lane of the vector ending the plane.
        Assert.Contains("Vector512<float> lastLanes = Vector512.Create(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1).AsSingle();", code);
        Assert.Contains("acc = acc + Vector512.LoadUnsafe(ref plane, 32);\nacc = acc + (Vector512.LoadUnsafe(ref plane, TapsPerChannel - 16) & lastLanes);\n" +
            "Unsafe.Add(ref outputRef, c) = Vector512.Sum(acc) / TapsPerChannel;", code);

        // Twelve 128-bit vectors are more than the unrolled form takes: four accumulators in a loop.
        Assert.Contains("for (; i + 16 <= TapsPerChannel; i += 16)", code);
        Assert.Contains("Vector128<float> acc = (acc0 + acc1) + (acc2 + acc3);", code);
    }

    [Fact]
    public void GlobalMaximum_OverlapsItsLastVectorAndFoldsTheLanes()
    {
        string code = Unindented(Generate("MaxPool2D(5, 5, Padding = Padding.Same, Stride = 5, Channels = 8)", "double"));

        // A maximum may see a value twice: the vector ending the plane needs no mask.
        Assert.Contains("acc = Vector512.Max(acc, Vector512.LoadUnsafe(ref plane, TapsPerChannel - 8));", code);
        Assert.DoesNotContain("lastLanes", code);
        Assert.Contains("Vector256<double> half = Vector256.Max(acc.GetLower(), acc.GetUpper());\n" +
            "Vector128<double> quarter = Vector128.Max(half.GetLower(), half.GetUpper());\n" +
            "Unsafe.Add(ref outputRef, c) = double.Max(quarter.GetElement(0), quarter.GetElement(1));", code);
    }

    [Theory]
    [InlineData("MaxPool2D(3, 3, Padding = Padding.Same, Stride = 1)")] // a 3 x 3 map gives 3 x 3 outputs
    [InlineData("AvgPool2D(3, 3, Padding = Padding.Same, Stride = 2)")] // and 2 x 2 here
    [InlineData("AvgPool2D(1, 3)")] // no vector fits in three values
    public void PoolsWhoseWindowSizedMapHasPaddingOrNoVector_HaveNoWholePlanePath(string attribute)
        => Assert.DoesNotContain("WholePlanes", Generate(attribute));

    private static string Unindented(string code) => string.Join("\n", code.Split('\n').Select(line => line.Trim()));
}
