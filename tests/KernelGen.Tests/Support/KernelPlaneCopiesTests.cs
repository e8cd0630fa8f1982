namespace KernelGen.Tests.Support;

/// <summary>
/// The row copies of the depthwise small-plane path: rows copied with overlapping vectors touch exactly their own
/// elements, and a strided layer's plane is dealt out to its stride phases element by element as the phase formula
/// says, whatever the row's length (each vector width's rounds, the overlapping last round, an odd last element) and
/// the padding's parity. Every element of the destination not written must keep its sentinel.
/// </summary>
public sealed class KernelPlaneCopiesTests
{
    private const float Sentinel = -1f;

    public static TheoryData<int> Counts => new(Enumerable.Range(1, 70));

    [Theory]
    [MemberData(nameof(Counts))]
    public void CopyRow_WritesExactlyItsElements(int count)
    {
        float[] source = Enumerable.Range(0, count + 8).Select(k => (float)k).ToArray();
        double[] sourceD = source.Select(v => (double)v).ToArray();
        float[] destination = Enumerable.Repeat(Sentinel, count + 16).ToArray();
        double[] destinationD = Enumerable.Repeat((double)Sentinel, count + 16).ToArray();

        KernelPlaneCopies.CopyRow(ref source[1], ref destination[3], count);
        KernelPlaneCopies.CopyRow(ref sourceD[1], ref destinationD[3], count);

        for (int k = 0; k < destination.Length; k++)
        {
            float expected = k >= 3 && k < 3 + count ? k - 2 : Sentinel;
            Assert.Equal(expected, destination[k]);
            Assert.Equal(expected, destinationD[k]);
        }
    }

    [Fact]
    public void CopyRows_KeepsEachPitch()
    {
        const int Rows = 5, Count = 11, SourcePitch = 13, DestinationPitch = 17;
        float[] source = Enumerable.Range(0, Rows * SourcePitch).Select(k => (float)k).ToArray();
        float[] destination = Enumerable.Repeat(Sentinel, Rows * DestinationPitch).ToArray();

        KernelPlaneCopies.CopyRows(ref source[0], SourcePitch, ref destination[0], DestinationPitch, Rows, Count);

        for (int y = 0; y < Rows; y++)
        {
            for (int x = 0; x < DestinationPitch; x++)
            {
                Assert.Equal(x < Count ? y * SourcePitch + x : Sentinel, destination[y * DestinationPitch + x]);
            }
        }
    }

    public static TheoryData<int, int, int, int> DealCases()
    {
        var cases = new TheoryData<int, int, int, int>();
        foreach (int stride in new[] { 1, 2 })
        {
            foreach (int columns in new[] { 1, 2, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 70 })
            {
                foreach ((int padTop, int padLeft) in new[] { (0, 0), (1, 1), (2, 3) })
                {
                    cases.Add(stride, columns, padTop, padLeft);
                }
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(DealCases))]
    public void DealPlane_PutsEachElementInItsStridePhase(int stride, int columns, int padTop, int padLeft)
    {
        const int Rows = 7;
        int pitch = (padLeft + columns + stride - 1) / stride + 1; // room for every column of every phase, and one spare
        int phaseRows = (padTop + Rows + stride - 1) / stride + 1;
        int phaseLength = phaseRows * pitch + 5;
        int sourcePitch = columns + 3;
        float[] source = Enumerable.Range(0, Rows * sourcePitch).Select(k => (float)k).ToArray();
        double[] sourceD = source.Select(v => (double)v).ToArray();
        float[] phases = Enumerable.Repeat(Sentinel, stride * stride * phaseLength).ToArray();
        double[] phasesD = Enumerable.Repeat((double)Sentinel, phases.Length).ToArray();

        KernelPlaneCopies.DealPlane(ref source[0], Rows, columns, sourcePitch, ref phases[0], phaseLength, pitch, padTop, padLeft, stride, stride);
        KernelPlaneCopies.DealPlane(ref sourceD[0], Rows, columns, sourcePitch, ref phasesD[0], phaseLength, pitch, padTop, padLeft, stride, stride);

        float[] expected = Enumerable.Repeat(Sentinel, phases.Length).ToArray();
        for (int r = 0; r < Rows; r++)
        {
            for (int u = 0; u < columns; u++)
            {
                int row = padTop + r, column = padLeft + u;
                int phase = row % stride * stride + column % stride;
                expected[phase * phaseLength + row / stride * pitch + column / stride] = r * sourcePitch + u;
            }
        }

        Assert.Equal(expected, phases);
        Assert.Equal(expected.Select(v => (double)v), phasesD);
    }
}
