namespace KernelGen;

/// <summary>
/// How the borders of the input are padded with zeros, per dimension of input size <c>n</c>,
/// effective window <c>Keff = Dilation·(K − 1) + 1</c> and stride <c>s</c>.
/// </summary>
public enum Padding
{
    /// <summary>No padding: only windows wholly inside the input. Output size <c>floor((n − Keff)/s) + 1</c>.</summary>
    Valid = 0,

    /// <summary>
    /// Output size <c>ceil(n/s)</c>; the <c>max((out−1)·s + Keff − n, 0)</c> padded positions are split with
    /// <c>floor(total/2)</c> before and the rest after.
    /// </summary>
    Same = 1,

    /// <summary>
    /// Every window that touches the input: <c>Keff − 1</c> zeros on each side, output size
    /// <c>floor((n + Keff − 2)/s) + 1</c>. For convolutions only.
    /// </summary>
    Full = 2,
}
