namespace BzPeer.Tests;
public class SmokeTests { [Fact] public void Version_is_set() => Assert.Equal("0.1.0", BuildInfo.Version); }
