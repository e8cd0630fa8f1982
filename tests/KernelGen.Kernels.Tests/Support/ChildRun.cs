using System.Diagnostics;

namespace KernelGen.Kernels.Tests;

/// <summary>
/// One child process (this assembly, see <see cref="Program"/>), its output read as it comes: the last call it
/// announced, its failures, its summary, and every line.
/// </summary>
internal sealed class ChildRun
{
    private readonly List<string> errors = [];

    public int ExitCode { get; private set; }

    public bool TimedOut { get; private set; }

    public TimeSpan Elapsed { get; private set; }

    public string? LastStarted { get; private set; }

    public int CallsStarted { get; private set; }

    public string? VectorPath { get; private set; }

    public string? DoneLine { get; private set; }

    public List<string> Failures { get; } = [];

    /// <summary>Every line of the standard output (read once the child has exited).</summary>
    public List<string> Lines { get; } = [];

    public string Errors
    {
        get
        {
            lock (errors)
            {
                return string.Join(Environment.NewLine, errors);
            }
        }
    }

    public static ChildRun Start(string arguments, TimeSpan limit)
    {
        string assembly = typeof(GuardPageChild).Assembly.Location;
        var info = new ProcessStartInfo(DotnetHost(), $"\"{assembly}\" {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        var run = new ChildRun();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the child process.");
        process.ErrorDataReceived += (_, e) => run.AddError(e.Data);
        process.BeginErrorReadLine();
        Task reading = Task.Run(() =>
        {
            while (process.StandardOutput.ReadLine() is string line)
            {
                run.AddOutput(line);
            }
        });

        if (!process.WaitForExit(limit))
        {
            run.TimedOut = true;
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit(); // drains the redirected streams
        reading.Wait();
        run.ExitCode = process.ExitCode;
        run.Elapsed = clock.Elapsed;
        return run;
    }

    private void AddOutput(string line)
    {
        Lines.Add(line);
        if (line.StartsWith(GuardPageChild.StartPrefix, StringComparison.Ordinal))
        {
            LastStarted = line[GuardPageChild.StartPrefix.Length..];
            CallsStarted++;
        }
        else if (line.StartsWith("FAIL ", StringComparison.Ordinal))
        {
            Failures.Add(line);
        }
        else if (line.StartsWith(GuardPageChild.PathPrefix, StringComparison.Ordinal))
        {
            VectorPath = line[GuardPageChild.PathPrefix.Length..];
        }
        else if (line.StartsWith(GuardPageChild.DonePrefix, StringComparison.Ordinal))
        {
            DoneLine = line;
        }
    }

    private void AddError(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (errors)
        {
            if (errors.Count < 60)
            {
                errors.Add(line); // the start of a fatal error: the exception and the faulting stack
            }
        }
    }

    // The dotnet CLI tells the processes it starts where its host is; a test host started otherwise is itself dotnet.
    private static string DotnetHost()
        => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
            : Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";
}
