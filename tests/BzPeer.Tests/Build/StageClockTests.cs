namespace BzPeer.Tests.Build;

public class StageClockTests
{
    [Fact]
    public void A_stage_is_charged_with_the_full_collections_and_pauses_made_while_it_ran_and_no_others()
    {
        // Collections before the stage: a clock that reported the process's totals would count them too.
        Collect(3);
        var pausedBefore = GC.GetTotalPauseDuration();
        var clock = new StageClock();
        clock.Time("collecting", () => Collect(3));

        var collecting = clock.Cpu.Single(c => c.Stage == "collecting");
        // Other tests share the process and may collect meanwhile: at least the stage's own three, none from before.
        Assert.InRange(collecting.FullCollections, 3, GC.CollectionCount(2) - 3);
        Assert.True(collecting.GcPause > TimeSpan.Zero && collecting.GcPause <= GC.GetTotalPauseDuration() - pausedBefore,
            $"stage {collecting.GcPause}, since the stage began {GC.GetTotalPauseDuration() - pausedBefore}");
    }

    private static int Collect(int times)
    {
        for (var i = 0; i < times; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true);
        }

        return times;
    }
}
