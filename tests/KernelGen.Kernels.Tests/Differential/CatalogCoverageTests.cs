namespace KernelGen.Kernels.Tests;

/// <summary>
/// The kernel table covers the option grid the differential tests promise, and the size plans reach every width
/// they promise; removing a declaration or narrowing a plan fails here rather than silently testing less.
/// </summary>
public sealed class CatalogCoverageTests
{
    private static readonly KernelCase[] Cases = KernelCatalog.All.ToArray();

    [Fact]
    public void EveryDeclaredKernelIsACase()
    {
        Assert.Equal(KernelCatalog.DeclaredKernels().Count(), Cases.Length);
        Assert.InRange(Cases.Length, 100, 250);
        Assert.Equal(Cases.Length, Cases.Select(c => c.Name).Distinct().Count());
    }

    [Fact]
    public void EveryFamilyHasFloatAndDouble()
    {
        foreach (KernelFamily family in Enum.GetValues<KernelFamily>())
        {
            Assert.Contains(Cases, c => c.Family == family && c.ElementType == typeof(float));
            Assert.Contains(Cases, c => c.Family == family && c.ElementType == typeof(double));
        }
    }

    [Fact]
    public void ConvolutionOptionsAreCovered()
    {
        KernelCase[] conv2D = Cases.Where(c => c.Family == KernelFamily.Conv2D).ToArray();
        KernelCase[] conv1D = Cases.Where(c => c.Family == KernelFamily.Conv1D).ToArray();
        foreach ((int kh, int kw) in new[] { (1, 1), (1, 3), (3, 1), (2, 2), (3, 3), (5, 5), (7, 7), (11, 11) })
        {
            Assert.True(conv2D.Count(c => c.KernelHeight == kh && c.KernelWidth == kw) >= 2, $"Conv2D {kh}x{kw}");
        }

        foreach (int k in new[] { 1, 3, 5, 7, 80 })
        {
            Assert.Contains(conv1D, c => c.KernelWidth == k);
        }

        Assert.Contains(conv2D, c => c.KernelHeight * c.KernelWidth > 256); // looped rows (KG0100)
        Assert.Contains(conv2D, c => c.KernelWidth > 64); // looped rows and columns
        Assert.Contains(conv1D, c => c.KernelWidth > 256);
        foreach (KernelCase[] family in new[] { conv2D, conv1D })
        {
            foreach (Padding padding in Enum.GetValues<Padding>())
            {
                Assert.True(family.Count(c => c.Padding == padding) >= 3, $"{padding}");
            }

            foreach (int stride in new[] { 1, 2, 3 })
            {
                Assert.True(family.Count(c => c.Stride == stride) >= 3, $"stride {stride}");
            }

            Assert.True(family.Count(c => c.Dilation == 2) >= 3);
            Assert.True(family.Count(c => c.Flip) >= 3);
            Assert.Contains(family, c => c.InChannels == 3 && c.OutChannels == 8);
            Assert.Contains(family, c => c.InChannels == 16 && c.OutChannels == 16 && c.Groups == 1);
            Assert.Contains(family, c => c.Groups > 1 && c.Groups < c.InChannels); // grouped
            Assert.Contains(family, c => c.Groups > 1 && c.Groups == c.InChannels && c.InChannels == c.OutChannels); // depthwise
            Assert.Contains(family, c => c.OutChannels % 4 != 0 && c.OutChannels / c.Groups > 4); // a partial channel block
            Assert.Contains(family, c => c.HasBias && c.Activation == Activation.None);
            Assert.Contains(family, c => c.HasBias && c.Activation == Activation.Relu);
            Assert.Contains(family, c => !c.HasBias && c.Activation == Activation.Relu);
        }
    }

    [Fact]
    public void PoolingOptionsAreCovered()
    {
        foreach (KernelFamily family in new[] { KernelFamily.MaxPool1D, KernelFamily.MaxPool2D, KernelFamily.AvgPool1D, KernelFamily.AvgPool2D })
        {
            KernelCase[] pools = Cases.Where(c => c.Family == family).ToArray();
            Assert.Contains(pools, c => c.Stride is null);
            foreach (int stride in new[] { 1, 2, 3 })
            {
                Assert.Contains(pools, c => c.Stride == stride);
            }

            Assert.Contains(pools, c => c.Padding == Padding.Valid);
            Assert.Contains(pools, c => c.Padding == Padding.Same);
            Assert.Contains(pools, c => c.InChannels == 1);
            Assert.Contains(pools, c => c.InChannels == 3);
            if (family is KernelFamily.MaxPool2D or KernelFamily.AvgPool2D)
            {
                Assert.Contains(pools, c => c.KernelHeight != c.KernelWidth);
            }
        }
    }

    [Fact]
    public void SizePlansCoverTheirWidths()
    {
        foreach (KernelCase c in Cases)
        {
            IReadOnlyList<(int Height, int Width)> sizes = SizePlan.For(c);
            int[] nonEmpty = Enumerable.Range(1, SizePlan.MaxWidth).Where(w => c.OutputLength(64, w) > 0).ToArray();
            int[] covered = sizes.Select(s => s.Width).Distinct().ToArray();
            if (c.InChannels == 1 && c.OutChannels == 1)
            {
                Assert.True(nonEmpty.All(covered.Contains), $"{c.Name}: a single-channel case must run every width 1..{SizePlan.MaxWidth}.");
            }
            else
            {
                Assert.True(nonEmpty.Count(covered.Contains) >= nonEmpty.Length / 3 && nonEmpty.Take(20).All(covered.Contains),
                    $"{c.Name}: widths too sparse.");
            }

            if (c.Is2D)
            {
                int[] heights = sizes.Select(s => s.Height).Distinct().ToArray();
                int[] possible = Enumerable.Range(1, SizePlan.MaxHeight).Where(h => c.OutputLength(h, 300) > 0).ToArray();
                Assert.True(possible.All(heights.Contains), $"{c.Name}: every height 1..{SizePlan.MaxHeight} with an output must run.");
            }
        }

        Assert.True(Cases.Count(c => SizePlan.For(c).Any(s => s.Height * s.Width >= 200 * 300)) >= 10, "too few large images");
    }
}
