using KernelGen;

// Must not build: a Conv2D kernel without its weights parameter. run.sh expects KG0005, whose message gives the
// parameter list to write instead.
float[] image = new float[16];
float[] result = new float[4];
Filters.Blur(image, result, 4, 4);

public static partial class Filters
{
    [Conv2D(3, 3)]
    public static partial void Blur(ReadOnlySpan<float> input, Span<float> output, int height, int width);
}
