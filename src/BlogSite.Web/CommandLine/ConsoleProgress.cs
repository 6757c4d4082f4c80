using System.Globalization;
using BlogSite.Cms.Recipes.Execution;

namespace BlogSite.Web.CommandLine;

/// Progress of long content steps on the console: a line at every tenth of the way, so logs stay short.
public sealed class ConsoleProgress(TextWriter writer) : IProgress<RecipeProgress>
{
    private int lastTenth = -1;
    private int lastStep = -1;

    public void Report(RecipeProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var tenth = value.Total == 0 ? 10 : value.Done * 10 / value.Total;
        if (value.StepIndex != lastStep)
        {
            (lastStep, lastTenth) = (value.StepIndex, -1);
        }

        if (tenth == lastTenth || value.Total < 1_000)
        {
            return;
        }

        lastTenth = tenth;
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"step {value.StepIndex} '{value.StepName}': {value.Done:N0} of {value.Total:N0} items"));
    }
}
