using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using KernelGen;
using KernelGen.Samples;
using KernelGen.Samples.ImageFiltering;
using SkiaSharp;

// Filters a photograph with generated kernels (Gaussian blur, Sobel edges, 2 × 2 max pool), writes the results as
// PNG next to it, times each kernel against the same operation through ReferenceKernels, and checks that both give
// the same result. Exit code 0 when every generated result matches the reference, 1 when one does not, 2 on bad
// arguments.
//
//   ImageFiltering [--quick] [--out <folder>] [<photo.png>]
//
// --quick times fewer and shorter batches (for CI); --out writes the PNGs to another folder than the photo's.

bool quick = false;
string? input = null, outFolder = null;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--quick":
            quick = true;
            break;
        case "--out" when i + 1 < args.Length:
            outFolder = args[++i];
            break;
        case var arg when !arg.StartsWith('-') && input is null:
            input = arg;
            break;
        default:
            Console.Error.WriteLine($"unknown argument '{args[i]}'; usage: ImageFiltering [--quick] [--out <folder>] [<photo.png>]");
            return 2;
    }
}

// The photo that ships with the sample, in the sample's folder (the build records where that is).
string? sampleFolder = typeof(Filters).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
    .FirstOrDefault(a => a.Key == "SampleFolder")?.Value;
input ??= new[] { Path.Combine(sampleFolder ?? ".", "images", "chelsea.png"), Path.Combine("images", "chelsea.png") }.FirstOrDefault(File.Exists);
if (input is null || !File.Exists(input))
{
    Console.Error.WriteLine($"no photo found{(input is null ? "" : $" at '{input}'")}: pass the path of a PNG or JPEG");
    return 2;
}

outFolder ??= Path.GetDirectoryName(Path.GetFullPath(input))!;
string stem = Path.GetFileNameWithoutExtension(input);

// ---- Load: RGBA bytes, then channels-first float planes in [0, 1] and a grayscale plane (Rec. 601 luma).
(float[] rgb, int height, int width) = Image.LoadRgb(input);
int pixels = height * width;
float[] gray = new float[pixels];
for (int p = 0; p < pixels; p++)
{
    gray[p] = 0.299f * rgb[p] + 0.587f * rgb[pixels + p] + 0.114f * rgb[2 * pixels + p];
}

Console.WriteLine($"ImageFiltering: {Path.GetFileName(input)}, {width} x {height}, float; " +
                  $"hardware-accelerated vectors: Vector512 {Vector512.IsHardwareAccelerated}, Vector256 {Vector256.IsHardwareAccelerated}, " +
                  $"Vector128 {Vector128.IsHardwareAccelerated}{(quick ? "; quick mode" : "")}");

var timer = new KernelTimer(quick);
var checks = new List<Check>();

// ---- Gaussian blur 5 × 5, Same: the grayscale image (timed), then each color channel for the picture.
float[] blurred = new float[pixels], blurredReference = new float[pixels];
checks.Add(Check.Run("Gaussian blur 5x5, Same (constant weights)", 1e-5, blurredReference, blurred,
    () => ReferenceKernels.Conv2D<float>(gray, Filters.GaussianWeights, [], blurredReference, height, width, 5, 5, Padding.Same),
    () => Filters.GaussianBlur5x5(gray, blurred, height, width),
    timer));

float[] blurredRgb = new float[3 * pixels], blurredRgbReference = new float[3 * pixels];
for (int c = 0; c < 3; c++)
{
    Filters.GaussianBlur5x5(rgb.AsSpan(c * pixels, pixels), blurredRgb.AsSpan(c * pixels, pixels), height, width);
    ReferenceKernels.Conv2D<float>(rgb.AsSpan(c * pixels, pixels), Filters.GaussianWeights, [],
                                   blurredRgbReference.AsSpan(c * pixels, pixels), height, width, 5, 5, Padding.Same);
}

checks.Add(Check.Untimed("Gaussian blur 5x5 of the R, G, B planes", 1e-5, blurredRgbReference, blurredRgb));

// ---- Sobel x and y, Same, combined to the gradient magnitude.
float[] gx = new float[pixels], gxReference = new float[pixels], gy = new float[pixels], gyReference = new float[pixels];
checks.Add(Check.Run("Sobel x 3x3, Same (constant weights)", 1e-5, gxReference, gx,
    () => ReferenceKernels.Conv2D<float>(gray, Filters.SobelXWeights, [], gxReference, height, width, 3, 3, Padding.Same),
    () => Filters.SobelX(gray, gx, height, width),
    timer));
checks.Add(Check.Run("Sobel y 3x3, Same (constant weights)", 1e-5, gyReference, gy,
    () => ReferenceKernels.Conv2D<float>(gray, Filters.SobelYWeights, [], gyReference, height, width, 3, 3, Padding.Same),
    () => Filters.SobelY(gray, gy, height, width),
    timer));
float[] magnitude = new float[pixels];
for (int p = 0; p < pixels; p++)
{
    magnitude[p] = MathF.Sqrt(gx[p] * gx[p] + gy[p] * gy[p]);
}

// ---- 2 × 2 max pool, stride 2: a max selects an input element, so the results must be equal.
int pooledHeight = ShapeMath.Dimension(height, 2, 2, 1, Padding.Valid).Output;
int pooledWidth = ShapeMath.Dimension(width, 2, 2, 1, Padding.Valid).Output;
float[] pooled = new float[pooledHeight * pooledWidth], pooledReference = new float[pooledHeight * pooledWidth];
checks.Add(Check.Run($"Max pool 2x2 ({pooledWidth} x {pooledHeight} out)", 0, pooledReference, pooled,
    () => ReferenceKernels.MaxPool2D<float>(gray, pooledReference, height, width, 2, 2),
    () => Filters.MaxPool2x2(gray, pooled, height, width),
    timer));

// ---- The pictures, from the generated kernels' results.
Directory.CreateDirectory(outFolder);
string[] written =
[
    Image.SaveGray(Path.Combine(outFolder, $"{stem}-gray.png"), gray, height, width, scale: 1),
    Image.SaveRgb(Path.Combine(outFolder, $"{stem}-blur.png"), blurredRgb, height, width),
    // Scaled so the strongest 0.5 % of edges are white (the largest possible magnitude of [0, 1] input, 4·√2, is
    // far above what a photograph reaches; the image's own border, against Same padding's zeros, is among them).
    Image.SaveGray(Path.Combine(outFolder, $"{stem}-sobel.png"), magnitude, height, width, scale: 1 / Math.Max(Percentile(magnitude, 0.995), 1e-6f)),
    Image.SaveGray(Path.Combine(outFolder, $"{stem}-maxpool.png"), pooled, pooledHeight, pooledWidth, scale: 1),
];

// ---- Report.
Console.WriteLine();
Console.WriteLine($"{"operation",-44} {"generated",10} {"reference",10} {"speed-up",9}  {"largest error",13}  result");
foreach (Check check in checks)
{
    Console.WriteLine($"{check.Name,-44} {(check.Timed ? KernelTimer.Format(check.Generated) : "-"),10} {(check.Timed ? KernelTimer.Format(check.Reference) : "-"),10} " +
                      $"{(check.Timed ? $"{check.Reference / check.Generated:0.0}x" : "-"),9}  {check.Error,13:0.0E+00}  " +
                      $"{(check.Passed ? "ok" : $"MISMATCH at {check.Where} (tolerance {check.Tolerance:0.0E+00})")}");
}

Console.WriteLine();
Console.WriteLine($"Times: best of {(quick ? 5 : 25)} batches of calls after a warm-up; error: largest |generated − reference| / (1 + |reference|).");
foreach (string path in written)
{
    Console.WriteLine($"wrote {path}");
}

int failures = checks.Count(c => !c.Passed);
Console.WriteLine(failures == 0 ? "all generated results match the reference" : $"{failures} generated result(s) differ from the reference");
return failures == 0 ? 0 : 1;

// The value below which the fraction q of the values lie.
static float Percentile(float[] values, double q)
{
    float[] sorted = [.. values];
    Array.Sort(sorted);
    return sorted[(int)Math.Min(sorted.Length - 1, q * sorted.Length)];
}

/// <summary>One operation: its generated and reference results compared, and their times.</summary>
internal sealed record Check(string Name, double Tolerance, double Error, string Where, bool Timed, double Generated, double Reference)
{
    public bool Passed => Error <= Tolerance;

    /// <summary>Runs both once, compares the results, then times both.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Check Run(string name, double tolerance, float[] expected, float[] actual, Action reference, Action generated, KernelTimer timer)
    {
        reference();
        generated();
        Check check = Untimed(name, tolerance, expected, actual);
        return check with { Timed = true, Generated = timer.BestMicroseconds(generated), Reference = timer.BestMicroseconds(reference) };
    }

    public static Check Untimed(string name, double tolerance, float[] expected, float[] actual)
    {
        (double error, int index) = Compare.LargestError<float>(expected, actual);
        string where = index < 0 ? "" : $"[{index}]: {actual[index]:R}, the reference gives {expected[index]:R}";
        return new Check(name, tolerance, error, where, false, 0, 0);
    }
}

/// <summary>PNG (or JPEG) in and PNG out through SkiaSharp.</summary>
internal static class Image
{
    /// <summary>The image as three channels-first float planes (R, G, B) in [0, 1].</summary>
    public static (float[] Rgb, int Height, int Width) LoadRgb(string path)
    {
        using var codec = SKCodec.Create(path) ?? throw new InvalidDataException($"'{path}' is not an image SkiaSharp can decode");
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var bitmap = SKBitmap.Decode(codec, info) ?? throw new InvalidDataException($"'{path}' could not be decoded");
        ReadOnlySpan<byte> rgba = bitmap.GetPixelSpan();
        int pixels = info.Width * info.Height;
        float[] rgb = new float[3 * pixels];
        for (int p = 0; p < pixels; p++)
        {
            for (int c = 0; c < 3; c++)
            {
                rgb[c * pixels + p] = rgba[4 * p + c] / 255f;
            }
        }

        return (rgb, info.Height, info.Width);
    }

    /// <summary>Writes <paramref name="plane"/> times <paramref name="scale"/>, clamped to [0, 1], as an 8-bit gray PNG.</summary>
    public static string SaveGray(string path, float[] plane, int height, int width, float scale)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque));
        Span<byte> bytes = bitmap.GetPixelSpan();
        for (int p = 0; p < height * width; p++)
        {
            bytes[p] = ToByte(plane[p] * scale);
        }

        return Save(path, bitmap);
    }

    /// <summary>Writes three channels-first planes in [0, 1] as an RGB PNG.</summary>
    public static string SaveRgb(string path, float[] rgb, int height, int width)
    {
        int pixels = height * width;
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        Span<byte> bytes = bitmap.GetPixelSpan();
        for (int p = 0; p < pixels; p++)
        {
            for (int c = 0; c < 3; c++)
            {
                bytes[4 * p + c] = ToByte(rgb[c * pixels + p]);
            }

            bytes[4 * p + 3] = 255;
        }

        return Save(path, bitmap);
    }

    private static byte ToByte(float value) => (byte)MathF.Round(Math.Clamp(value, 0f, 1f) * 255f);

    private static string Save(string path, SKBitmap bitmap)
    {
        using SKData png = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        using FileStream file = File.Create(path);
        png.SaveTo(file);
        return path;
    }
}
