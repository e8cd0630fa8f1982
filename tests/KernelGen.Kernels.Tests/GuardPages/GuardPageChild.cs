using System.Diagnostics;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace KernelGen.Kernels.Tests;

/// <summary>
/// The child process of <see cref="GuardPageTests"/> (<c>dotnet KernelGen.Kernels.Tests.dll --guard-pages i/n</c>):
/// runs batch <c>i</c> of <c>n</c> of the catalog over each kernel's whole <see cref="SizePlan"/> with every span
/// (input, weights, bias, output) in its own <see cref="GuardedRegion"/>, twice per size:
/// <list type="bullet">
/// <item><c>end</c>: each span ends exactly where an inaccessible page begins; at every other size the spans are
/// longer than their shapes by up to a page, the extra elements all inaccessible (only the prefix may be touched);</item>
/// <item><c>start</c>: each span begins exactly where an inaccessible page ends.</item>
/// </list>
/// One element read or written past either end faults and kills the process; the line it printed last names the
/// kernel, pass and size. Accesses that stay inside the mapped pages but outside the span are caught too: the
/// 4 KiB beside each input span hold NaN (which would reach the output), beside the output a byte pattern that must
/// survive. Each output must equal, bit for bit, the same kernel's output on ordinary arrays. The data are small
/// integers, so every sum is exact whatever the order or fusing; kernels with baked-in fractional weights (1/9)
/// are not exact, and rely on a kernel giving the same bits on every call, which ConcurrencyTests checks.
/// </summary>
public static class GuardPageChild
{
    /// <summary>Printed before every kernel call: <c>&gt; kernel pass HxW</c>.</summary>
    public const string StartPrefix = "> ";

    /// <summary>The last line: <c>done batch i/n: K kernels, S sizes, C guarded calls, F failures</c>.</summary>
    public const string DonePrefix = "done ";

    /// <summary>Printed first: the vector path this process takes, to compare with the parent's.</summary>
    public const string PathPrefix = "path ";

    private const int Neighbourhood = 4096;
    private const byte OutputFill = 0xA5;

    public static int Run(string batchArgument)
    {
        string[] parts = batchArgument.Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[0], out int batch) || !int.TryParse(parts[1], out int count) || batch < 0 || batch >= count)
        {
            Console.Error.WriteLine($"Expected --guard-pages i/n with 0 <= i < n, not '{batchArgument}'.");
            return 2;
        }

        if (!NativePages.Supported)
        {
            Console.Error.WriteLine("Guard pages need Linux (mmap and mprotect).");
            return 2;
        }

        NativePages.DisableCoreDumps();
        Console.WriteLine(PathPrefix + VectorPath());
        var clock = Stopwatch.StartNew();
        IReadOnlyList<KernelCase> kernels = GuardPagePlan.Batches(count)[batch];
        var totals = new Totals();
        using var regions = new Regions();
        foreach (KernelCase c in kernels)
        {
            long before = clock.ElapsedMilliseconds;
            switch (c)
            {
                case KernelCase<float> f:
                    RunKernel(f, regions, totals);
                    break;
                case KernelCase<double> d:
                    RunKernel(d, regions, totals);
                    break;
                default:
                    throw new InvalidOperationException(c.Name);
            }

            Console.WriteLine($"kernel {c.Name}: {clock.ElapsedMilliseconds - before} ms");
        }

        Console.WriteLine($"{DonePrefix}batch {batch}/{count}: {kernels.Count} kernels, {totals.Sizes} sizes, {totals.Calls} guarded calls, " +
            $"{totals.Failures} failures, {clock.ElapsedMilliseconds} ms");
        return totals.Failures == 0 ? 0 : 1;
    }

    /// <summary>Shows that the guard pages work: reads one element past a span placed at the end of its region.</summary>
    public static int ReadPastTheEnd()
    {
        NativePages.DisableCoreDumps();
        using var region = new GuardedRegion();
        Span<float> span = region.AtEnd<float>(100);
        span.Fill(1);
        Console.WriteLine($"{StartPrefix}self-test read past end");
        float past = System.Runtime.CompilerServices.Unsafe.Add(ref MemoryMarshal.GetReference(span), span.Length);
        Console.WriteLine($"read {past} past the end without a fault");
        return 0;
    }

    public static string VectorPath()
        => Vector512.IsHardwareAccelerated ? "Vector512"
            : Vector256.IsHardwareAccelerated ? "Vector256"
            : Vector128.IsHardwareAccelerated ? "Vector128"
            : "scalar";

    private static void RunKernel<T>(KernelCase<T> c, Regions regions, Totals totals)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        IReadOnlyList<(int Height, int Width)> sizes = SizePlan.For(c);
        for (int i = 0; i < sizes.Count; i++)
        {
            (int h, int w) = sizes[i];
            var random = new Random(TestData.Seed(c.Name, h, w) ^ 0x6A6A);
            T[] input = Integers<T>(c.InputLength(h, w), random);
            T[] weights = Integers<T>(c.Parameters.Weights is null ? 0 : c.WeightsLength, random); // none when baked in
            T[] bias = Integers<T>(c.BiasLength, random);
            var expected = new T[c.OutputLength(h, w)];
            c.Generated(input, weights, bias, expected, h, w);
            totals.Sizes++;

            foreach (string pass in GuardPagePlan.Passes)
            {
                bool atEnd = pass == "end";
                int tail = atEnd && i % 2 == 1 ? 1 + i % (NativePages.PageSize / 8) : 0; // elements inside the guard page
                string label = tail > 0 ? $"{pass}+{tail}" : pass;
                Span<T> inputSpan = regions.Input.Place<T>(input.Length, atEnd, tail, T.NaN);
                Span<T> weightsSpan = regions.Weights.Place<T>(weights.Length, atEnd, tail, T.NaN);
                Span<T> biasSpan = regions.Bias.Place<T>(bias.Length, atEnd, tail, T.NaN);
                Span<T> outputSpan = regions.Output.Place<T>(expected.Length, atEnd, tail, default, OutputFill);
                input.CopyTo(inputSpan);
                weights.CopyTo(weightsSpan);
                bias.CopyTo(biasSpan);
                outputSpan[..expected.Length].Fill(T.CreateTruncating(12345));

                Console.WriteLine($"{StartPrefix}{c.Name} {label} {h}x{w}");
                c.Generated(inputSpan, weightsSpan, biasSpan, outputSpan, h, w);
                totals.Calls++;

                string? failure = Compare(expected, outputSpan[..expected.Length])
                    ?? (regions.Output.NeighbourhoodChanged(OutputFill) is int at
                        ? at < 0 ? $"wrote {-at} bytes before the output span" : $"wrote {at} bytes past the end of the output span"
                        : null)
                    ?? (input.AsSpan().SequenceEqual(inputSpan[..input.Length]) ? null : "changed its input");
                if (failure is not null)
                {
                    totals.Failures++;
                    Console.WriteLine($"FAIL {c.Name} {label} {h}x{w}: {failure}");
                }
            }
        }
    }

    private static string? Compare<T>(T[] expected, Span<T> actual)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < expected.Length; i++)
        {
            if (!MemoryMarshal.AsBytes(expected.AsSpan(i, 1)).SequenceEqual(MemoryMarshal.AsBytes(actual.Slice(i, 1))))
            {
                return $"output[{i}] is {actual[i]} with guard pages, {expected[i]} on arrays";
            }
        }

        return null;
    }

    private static T[] Integers<T>(int length, Random random)
        where T : IFloatingPointIeee754<T>
    {
        var values = new T[length];
        TestData.FillIntegers<T>(values, random, 4);
        return values;
    }

    private sealed class Totals
    {
        public int Sizes;
        public int Calls;
        public int Failures;
    }

    /// <summary>One guarded region per span, reused across kernels and sizes.</summary>
    private sealed class Regions : IDisposable
    {
        public PlacedRegion Input { get; } = new();

        public PlacedRegion Weights { get; } = new();

        public PlacedRegion Bias { get; } = new();

        public PlacedRegion Output { get; } = new();

        public void Dispose()
        {
            Input.Dispose();
            Weights.Dispose();
            Bias.Dispose();
            Output.Dispose();
        }
    }

    /// <summary>A <see cref="GuardedRegion"/> that remembers the accessible bytes it filled beside its span.</summary>
    private sealed class PlacedRegion : IDisposable
    {
        private readonly GuardedRegion region = new();
        private int besideStart, besideEnd, spanStart, spanEnd; // byte offsets in region.Data

        /// <summary>
        /// Places a span of <paramref name="length"/> elements (none: an empty span) and fills the accessible bytes
        /// beside it (up to 4 KiB, on the side away from the guard page) with <paramref name="fill"/>, or with
        /// <paramref name="fillByte"/> when given.
        /// </summary>
        public Span<T> Place<T>(int length, bool atEnd, int tail, T fill, byte? fillByte = null)
            where T : unmanaged
        {
            if (length == 0)
            {
                return default;
            }

            int size = System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
            Span<T> span = atEnd ? region.AtEnd<T>(length, tail) : region.AtStart<T>(length);
            Span<byte> data = region.Data;
            spanStart = atEnd ? data.Length - length * size : 0;
            spanEnd = spanStart + length * size;
            (besideStart, besideEnd) = atEnd
                ? (Math.Max(0, spanStart - Neighbourhood), spanStart)
                : (spanEnd, Math.Min(data.Length, spanEnd + Neighbourhood));
            Span<byte> beside = data[besideStart..besideEnd];
            if (fillByte is byte b)
            {
                beside.Fill(b);
            }
            else
            {
                MemoryMarshal.Cast<byte, T>(beside).Fill(fill);
            }

            return span;
        }

        /// <summary>How far from the span (negative: before it) the first changed byte beside it lies, or null.</summary>
        public int? NeighbourhoodChanged(byte fill)
        {
            int changed = region.Data[besideStart..besideEnd].IndexOfAnyExcept(fill);
            if (changed < 0)
            {
                return null;
            }

            int at = besideStart + changed;
            return at < spanStart ? at - spanStart : at - spanEnd + 1;
        }

        public void Dispose() => region.Dispose();
    }
}
