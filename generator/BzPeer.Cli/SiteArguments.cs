using System.CommandLine;

namespace BzPeer.Cli;

/// <summary>Arguments and options shared by several commands.</summary>
internal static class SiteArguments
{
    public static Argument<string> Site() => new("SITE")
    {
        Description = "The site folder (holds site.yml and content/). Default: the current folder.",
        Arity = ArgumentArity.ZeroOrOne,
        DefaultValueFactory = _ => ".",
    };
}
