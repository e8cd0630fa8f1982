using System.Numerics;
using KernelGen.Generators.Tests.Support;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace KernelGen.Generators.Tests.Fuzzing;

/// <summary>
/// Compiles valid fuzzed kernels (their files and their generated sources) into one in-memory assembly, reports the
/// warnings and errors of each, then loads the assembly into a collectible <see cref="AssemblyLoadContext"/> and runs
/// the kernels that declare a <c>RunKernel</c> helper at random sizes against <see cref="ReferenceKernels"/>. The data
/// are small integers, so convolutions and max pools must match exactly; averages within a few ulps (a division may
/// become a multiplication by the reciprocal).
/// </summary>
internal static class FuzzRunner
{
    public sealed record Outcome(int Kernels, int Calls, List<string> Failures, long CompileMilliseconds = 0, long RunMilliseconds = 0);

    public static Outcome CompileAndRun(Compilation input, IReadOnlyList<(FuzzDeclaration Declaration, SyntaxTree Generated)> kernels, int seed)
    {
        var failures = new List<string>();
        Dictionary<string, SyntaxTree> sources = input.SyntaxTrees.ToDictionary(t => t.FilePath, StringComparer.Ordinal);
        var compiling = kernels.ToList();
        using var image = new MemoryStream();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            CSharpCompilation compilation = GeneratorHarness.CreateCompilation(
                    compiling.SelectMany(k => new[] { sources[k.Declaration.Path], k.Generated }))
                .WithOptions(GeneratorHarness.CompilationOptions.WithOptimizationLevel(OptimizationLevel.Release));
            image.SetLength(0);
            var emitted = compilation.Emit(image);
            ILookup<string, Diagnostic> problems = emitted.Diagnostics.Where(x => x.Severity >= DiagnosticSeverity.Warning)
                .ToLookup(x => x.Location.SourceTree?.FilePath ?? "", StringComparer.Ordinal);
            var failing = compiling.Where(k => problems[k.Declaration.Path].Concat(problems[k.Generated.FilePath]).Any()).ToList();
            foreach ((FuzzDeclaration d, SyntaxTree generated) in failing)
            {
                failures.Add($"valid declaration does not compile cleanly: " +
                    $"{string.Join("; ", problems[d.Path].Concat(problems[generated.FilePath]).Take(4))}, case {d.Id}:\n{d.Text}");
            }

            if (failing.Count == 0 && emitted.Success)
            {
                break;
            }

            if (failing.Count == 0)
            {
                failures.Add("the valid kernels do not compile together: " + string.Join("; ", emitted.Diagnostics.Take(5)));
                return new Outcome(0, 0, failures);
            }

            compiling.RemoveAll(failing.Contains); // compile and run the others
        }

        long compiled = clock.ElapsedMilliseconds;
        var context = new AssemblyLoadContext($"Fuzz{seed}", isCollectible: true);
        int ran = 0, calls = 0;
        try
        {
            image.Position = 0;
            Assembly assembly = context.LoadFromStream(image);
            var random = new Random(seed);
            foreach (FuzzDeclaration d in compiling.Select(k => k.Declaration).Where(d => d.WithRunner))
            {
                MethodInfo run = RunMethod(assembly, d);
                ran++;
                for (int size = 0; size < 2; size++)
                {
                    string? failure = d.Parameters[0].Element == "float" ? Check<float>(d, run, random) : Check<double>(d, run, random);
                    calls++;
                    if (failure is not null)
                    {
                        failures.Add($"case {d.Id} {d.AttributeText()}: {failure}");
                        break;
                    }
                }
            }
        }
        finally
        {
            context.Unload();
        }

        return new Outcome(ran, calls, failures, compiled, clock.ElapsedMilliseconds - compiled);
    }

    // RunKernel in the innermost type, its generic parameters (if any) closed with int.
    private static MethodInfo RunMethod(Assembly assembly, FuzzDeclaration d)
    {
        string ns = string.Join(".", d.Namespace.Split('.').Select(part => part.TrimStart('@')));
        string name = (ns.Length > 0 ? ns + "." : "") + string.Join("+", d.Types.Select(t => t.Arity == 0 ? t.Name : $"{t.Name}`{t.Arity}"));
        Type type = assembly.GetType(name, throwOnError: true)!;
        int arity = d.Types.Sum(t => t.Arity);
        if (arity > 0)
        {
            type = type.MakeGenericType([.. Enumerable.Repeat(typeof(int), arity)]);
        }

        return type.GetMethod("RunKernel", BindingFlags.Public | BindingFlags.Static)!;
    }

    private static string? Check<T>(FuzzDeclaration d, MethodInfo run, Random random)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var g = Geometry.Of(d);
        int height = d.Kind.Is2D() ? Size(g.Padding, g.EffectiveHeight, 12, random) : 1;
        int width = Size(g.Padding, g.EffectiveWidth, 45, random);
        T[] input = Integers<T>(g.InChannels * height * width, random);
        T[] weights = d.Weights is not null ? [.. d.Weights.Select(T.CreateTruncating)] : Integers<T>(g.WeightsLength, random);
        bool hasBias = d.Parameters.Count(p => p.Kind == ParameterKind.ReadOnlySpan) > (d.Kind.IsConvolution() && d.Weights is null ? 2 : 1);
        T[] bias = hasBias ? Integers<T>(g.OutChannels, random) : [];
        int rows = ShapeMath.Dimension(height, g.KernelHeight, g.StrideHeight, g.Dilation, g.Padding).Output;
        int columns = ShapeMath.Dimension(width, g.KernelWidth, g.StrideWidth, g.Dilation, g.Padding).Output;
        var expected = new T[g.OutChannels * rows * columns];
        var actual = new T[expected.Length + 7];
        actual.AsSpan().Fill(T.CreateTruncating(777));
        Reference(d, g, input, weights, bias, expected, height, width);
        try
        {
            run.Invoke(null, [input, weights, bias, actual, height, width]);
        }
        catch (TargetInvocationException e)
        {
            return $"at {height}x{width} threw {e.InnerException}";
        }

        for (int i = 0; i < actual.Length; i++)
        {
            T want = i < expected.Length ? expected[i] : T.CreateTruncating(777);
            double epsilon = typeof(T) == typeof(float) ? Math.ScaleB(1, -23) : Math.ScaleB(1, -52);
            double tolerance = d.Kind is FuzzKind.AvgPool1D or FuzzKind.AvgPool2D ? 4 * epsilon * Math.Abs(double.CreateChecked(want)) : 0;
            if (!(Math.Abs(double.CreateChecked(actual[i]) - double.CreateChecked(want)) <= tolerance))
            {
                return $"at {height}x{width}, output[{i}] of {expected.Length} is {actual[i]}, the reference says {want}";
            }
        }

        return null;
    }

    private static void Reference<T>(FuzzDeclaration d, Geometry g, T[] input, T[] weights, T[] bias, T[] output, int height, int width)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int? poolStride = d.Stride is null ? null : (int)d.Stride.Value;
        var activation = (Activation)(d.Activation ?? 0);
        switch (d.Kind)
        {
            case FuzzKind.Conv2D:
                ReferenceKernels.Conv2D<T>(input, weights, bias, output, height, width, g.KernelHeight, g.KernelWidth, g.Padding, g.StrideWidth,
                    g.Dilation, g.InChannels, g.OutChannels, g.Groups, d.Flip ?? false, activation);
                break;
            case FuzzKind.Conv1D:
                ReferenceKernels.Conv1D<T>(input, weights, bias, output, width, g.KernelWidth, g.Padding, g.StrideWidth,
                    g.Dilation, g.InChannels, g.OutChannels, g.Groups, d.Flip ?? false, activation);
                break;
            case FuzzKind.MaxPool2D:
                ReferenceKernels.MaxPool2D<T>(input, output, height, width, g.KernelHeight, g.KernelWidth, g.Padding, poolStride, g.InChannels);
                break;
            case FuzzKind.AvgPool2D:
                ReferenceKernels.AvgPool2D<T>(input, output, height, width, g.KernelHeight, g.KernelWidth, g.Padding, poolStride, g.InChannels);
                break;
            case FuzzKind.MaxPool1D:
                ReferenceKernels.MaxPool1D<T>(input, output, width, g.KernelWidth, g.Padding, poolStride, g.InChannels);
                break;
            default:
                ReferenceKernels.AvgPool1D<T>(input, output, width, g.KernelWidth, g.Padding, poolStride, g.InChannels);
                break;
        }
    }

    // A size with a non-empty output: at least the window under Valid.
    private static int Size(Padding padding, int effective, int spread, Random random)
        => (padding == Padding.Valid ? effective : 1) + random.Next(spread);

    private static T[] Integers<T>(int length, Random random)
        where T : IFloatingPointIeee754<T>
    {
        var values = new T[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = T.CreateTruncating(random.Next(-4, 5));
        }

        return values;
    }

    /// <summary>The declaration's attribute with every default of the attributes (docs/semantics.md) applied.</summary>
    public sealed record Geometry(int KernelHeight, int KernelWidth, int StrideHeight, int StrideWidth, int Dilation,
        int InChannels, int OutChannels, int Groups, Padding Padding)
    {
        public int EffectiveHeight => Dilation * (KernelHeight - 1) + 1;

        public int EffectiveWidth => Dilation * (KernelWidth - 1) + 1;

        public int WeightsLength => OutChannels * (InChannels / Groups) * KernelHeight * KernelWidth;

        public static Geometry Of(FuzzDeclaration d)
        {
            int kh = d.Kind.Is2D() ? (int)d.Positional[0].Value : 1, kw = (int)d.Positional[^1].Value;
            var padding = (Padding)(d.Padding ?? 0);
            if (d.Kind.IsConvolution())
            {
                int s = (int)(d.Stride?.Value ?? 1);
                return new Geometry(kh, kw, s, s, (int)(d.Dilation?.Value ?? 1), (int)(d.InChannels?.Value ?? 1), (int)(d.OutChannels?.Value ?? 1),
                    (int)(d.Groups?.Value ?? 1), padding);
            }

            int channels = (int)(d.Channels?.Value ?? 1);
            return new Geometry(kh, kw, (int)(d.Stride?.Value ?? kh), (int)(d.Stride?.Value ?? kw), 1, channels, channels, 1, padding);
        }
    }
}
