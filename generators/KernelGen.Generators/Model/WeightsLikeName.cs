namespace KernelGen.Generators.Model;

/// <summary>
/// Whether a parameter's name says it holds weights. With constant <c>Weights</c> a kernel takes no weights span,
/// so a span in the bias slot named like this most likely is the user's weights, kept from the run-time signature:
/// it would be added to every output as a bias, silently.
/// </summary>
internal static class WeightsLikeName
{
    // Words that name a filter's taps; a name with any of them, and none of the bias words, reads as weights.
    private static readonly HashSet<string> WeightWords = new(StringComparer.Ordinal)
    {
        "w", "wt", "wts", "weight", "weights", "kernel", "kernels", "filter", "filters",
        "coef", "coefs", "coeff", "coeffs", "coefficient", "coefficients", "tap", "taps", "mask",
    };

    private static readonly HashSet<string> BiasWords = new(StringComparer.Ordinal) { "b", "bias", "biases", "offset", "offsets" };

    public static bool Matches(string name)
    {
        List<string> words = Words(name);
        return words.Any(WeightWords.Contains) && !words.Any(BiasWords.Contains);
    }

    // "filterWeights" -> filter, weights; "w_1" -> w; "KernelTaps" -> kernel, taps; an '@' prefix is dropped.
    private static List<string> Words(string name)
    {
        var words = new List<string>();
        var word = new System.Text.StringBuilder();
        char previous = '\0';
        foreach (char c in name)
        {
            bool boundary = !char.IsLetter(c) || (char.IsUpper(c) && char.IsLower(previous));
            if (boundary && word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }

            if (char.IsLetter(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }

            previous = c;
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }
}
