System.Console.WriteLine(BzPeer.BuildInfo.Version);
