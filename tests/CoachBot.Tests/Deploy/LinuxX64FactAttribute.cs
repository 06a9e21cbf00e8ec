using System.Runtime.InteropServices;

namespace CoachBot.Tests.Deploy;

/// <summary>A fact that needs a tool only shipped for Linux x64 here (the Bicep compiler): skipped, with the reason, elsewhere.</summary>
public sealed class LinuxX64FactAttribute : FactAttribute
{
    public LinuxX64FactAttribute()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            Skip = "Needs Linux x64: the Bicep compiler package restored for the tests is Azure.Bicep.CommandLine.linux-x64.";
        }
    }
}

/// <summary>A fact that runs a bash script: skipped on Windows.</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Runs a bash script.";
        }
    }
}
