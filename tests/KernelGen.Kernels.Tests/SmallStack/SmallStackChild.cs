using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace KernelGen.Kernels.Tests;

/// <summary>
/// The child processes of <see cref="SmallStackTests"/> (this assembly, as for <see cref="GuardPageChild"/>):
/// <list type="bullet">
/// <item><c>--small-stack KiB</c>: every kernel of the catalog, on one thread created with a stack of that size, at
/// a spread of its <see cref="SizePlan"/> sizes (every sixth, and the two largest), each checked against the
/// reference with <see cref="Differential"/>. The thread makes each kernel's first call in the process, so the JIT
/// compiles it there and the first calls run unoptimized code, the largest frames. A stack overflow kills the
/// process; the line printed last names the call.</item>
/// <item><c>--stack-depth</c>: how much stack one call of each kernel takes, measured by painting: a pattern written
/// below the caller's frame, the call, then the deepest byte it changed. First the cold call (the process's first,
/// with the JIT at work on the thread, then the unoptimized code), then a warm call after 60 calls and pauses that
/// let tiered compilation install the optimized code. The figures include the test's delegate frames (about 200
/// bytes).</item>
/// </list>
/// </summary>
public static class SmallStackChild
{
    /// <summary>One line per kernel of <c>--stack-depth</c>: <c>stack name cold warm</c> (bytes).</summary>
    public const string StackPrefix = "stack ";

    private const byte Paint = 0xCD;
    private const int MeasureStack = 1024 * 1024, Painted = 768 * 1024;

    /// <summary>The sizes a kernel is checked at on the small stack: every sixth of its size plan and the two largest.</summary>
    public static IReadOnlyList<(int Height, int Width)> Sizes(KernelCase c)
    {
        IReadOnlyList<(int Height, int Width)> plan = SizePlan.For(c);
        return [.. plan.Where((_, i) => i % 6 == 0 || i >= plan.Count - 2)];
    }

    public static int Run(int stackKiB)
    {
        NativePages.DisableCoreDumps();
        Console.WriteLine(GuardPageChild.PathPrefix + GuardPageChild.VectorPath());
        // The catalog is read (by reflection, deep in the runtime's stack) here; only the checks run on the small stack.
        var plan = KernelCatalog.All.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => (Case: c, Sizes: Sizes(c))).ToList();
        int kernels = 0, sizes = 0, failures = 0;
        Exception? crash = null;
        var thread = new Thread(() =>
        {
            try
            {
                foreach ((KernelCase c, IReadOnlyList<(int Height, int Width)> caseSizes) in plan)
                {
                    kernels++;
                    foreach ((int h, int w) in caseSizes)
                    {
                        Console.WriteLine($"{GuardPageChild.StartPrefix}{c.Name} {stackKiB}KiB {h}x{w}");
                        CheckResult result = c.Check(h, w, TestData.Seed(c.Name, h, w) ^ 0x5151, exactInputSpans: sizes % 2 == 0);
                        sizes++;
                        if (result.Failure is not null)
                        {
                            failures++;
                            Console.WriteLine($"FAIL {result.Failure}");
                        }
                    }
                }
            }
            catch (Exception e)
            {
                crash = e;
            }
        }, maxStackSize: stackKiB * 1024);
        thread.Start();
        thread.Join();
        if (crash is not null)
        {
            Console.WriteLine($"FAIL threw {crash}");
            return 1;
        }

        Console.WriteLine($"{GuardPageChild.DonePrefix}{stackKiB} KiB stack: {kernels} kernels, {sizes} sizes, {failures} failures");
        return failures == 0 ? 0 : 1;
    }

    public static int Depth()
    {
        NativePages.DisableCoreDumps();
        Console.WriteLine(GuardPageChild.PathPrefix + GuardPageChild.VectorPath());
        KernelCase[] cases = [.. KernelCatalog.All.OrderBy(c => c.Name, StringComparer.Ordinal)];
        Action[] calls = [.. cases.Select(Call)];
        var cold = new long[cases.Length];
        var warm = new long[cases.Length];
        OnThread(() =>
        {
            for (int i = 0; i < cases.Length; i++)
            {
                cold[i] = StackUse(calls[i]);
            }

            // Past the call-count threshold (30), then time for the background compiler; twice, for methods that
            // reach their optimized code in steps (loops: on-stack replacement first).
            for (int round = 0; round < 2; round++)
            {
                for (int k = 0; k < 30; k++)
                {
                    Array.ForEach(calls, call => call());
                }

                Thread.Sleep(1000);
            }

            for (int i = 0; i < cases.Length; i++)
            {
                warm[i] = Enumerable.Range(0, 3).Min(_ => StackUse(calls[i]));
            }
        });

        for (int i = 0; i < cases.Length; i++)
        {
            Console.WriteLine($"{StackPrefix}{cases[i].Name} {cold[i]} {warm[i]}");
        }

        Console.WriteLine($"{GuardPageChild.DonePrefix}{cases.Length} kernels; deepest cold call {cold.Max()} bytes ({cases[Array.IndexOf(cold, cold.Max())].Name}), " +
            $"deepest warm call {warm.Max()} bytes ({cases[Array.IndexOf(warm, warm.Max())].Name})");
        return 0;
    }

    /// <summary>One call of the kernel on a mid-sized input of its size plan (its largest would be slow to repeat).</summary>
    private static Action Call(KernelCase c)
    {
        IReadOnlyList<(int Height, int Width)> plan = SizePlan.For(c);
        (int h, int w) = plan.Where(s => c.Cost(s.Height, s.Width) <= 2_000_000).DefaultIfEmpty(plan[0]).MaxBy(s => c.OutputLength(s.Height, s.Width));
        return c switch
        {
            KernelCase<float> f => Call(f, h, w),
            KernelCase<double> d => Call(d, h, w),
            _ => throw new InvalidOperationException(c.Name),
        };
    }

    private static Action Call<T>(KernelCase<T> c, int h, int w)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var random = new Random(TestData.Seed(c.Name, h, w));
        var input = new T[c.InputLength(h, w)];
        var weights = new T[c.Parameters.Weights is null ? 0 : c.WeightsLength];
        var bias = new T[c.BiasLength];
        TestData.FillUniform<T>(input, random);
        TestData.FillUniform<T>(weights, random);
        TestData.FillUniform<T>(bias, random);
        var output = new T[c.OutputLength(h, w)];
        return () => c.Generated(input, weights, bias, output, h, w);
    }

    /// <summary>Bytes of stack below this frame that <paramref name="call"/> wrote.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long StackUse(Action call)
    {
        int marker = 0;
        nint top = Address(ref marker);
        nint low = PaintBelow(Painted);
        call();
        ReadOnlySpan<byte> painted = MemoryMarshal.CreateReadOnlySpan(ref Unsafe.AddByteOffset(ref Unsafe.NullRef<byte>(), low), Painted);
        int untouched = painted.IndexOfAnyExcept(Paint);
        GC.KeepAlive(marker);
        return untouched < 0 ? 0 : top - (low + untouched);
    }

    /// <summary>Fills <paramref name="bytes"/> of stack below the caller's frame with the pattern; returns their lowest address.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static nint PaintBelow(int bytes)
    {
        Span<byte> region = stackalloc byte[bytes];
        region.Fill(Paint);
        return Address(ref region[0]);
    }

    private static nint Address<T>(ref T location) => Unsafe.ByteOffset(ref Unsafe.NullRef<T>(), ref location);

    private static void OnThread(Action body)
    {
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                body();
            }
            catch (Exception e)
            {
                failure = e;
            }
        }, MeasureStack);
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            throw new InvalidOperationException("The measuring thread failed.", failure);
        }
    }
}
