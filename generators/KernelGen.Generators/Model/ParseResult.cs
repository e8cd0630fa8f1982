using KernelGen.Generators.Helpers;
using Microsoft.CodeAnalysis;

namespace KernelGen.Generators.Model;

/// <summary>
/// What the parser makes of one attributed method: a spec when the declaration is valid, and the diagnostics
/// (with real locations; they travel on a separate output from the spec, which must stay location-free).
/// </summary>
internal sealed record ParseResult(KernelSpec? Spec, EquatableArray<Diagnostic> Diagnostics);
