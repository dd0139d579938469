using System.CommandLine;
using BzPeer.Bench;

return BenchCommands.Create().Parse(args).Invoke();
