using System.Text.Json;

namespace BlogSite.Cms.Recipes.Reading;

/// One pass over a recipe file, token by token through a small buffer, that finds where each step and each item of
/// each step's Data array starts and ends. Nothing but those offsets is kept, so a recipe of any size can be read
/// without a whole-file DOM; items are parsed one at a time later (<see cref="RecipeFileItems"/>).
public static class RecipeFileScanner
{
    private const int InitialBuffer = 1 << 20;

    public static RecipeFileLayout Scan(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var layout = new RecipeFileLayout();
        var buffer = new byte[InitialBuffer];
        var length = 0;
        long bufferStart = 0;
        var final = false;
        var state = new JsonReaderState(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var scan = new ScanState(layout);
        while (true)
        {
            if (!final)
            {
                var read = stream.Read(buffer, length, buffer.Length - length);
                final = read == 0;
                length += read;
            }

            var reader = new Utf8JsonReader(buffer.AsSpan(0, length), final, state);
            while (reader.Read())
            {
                scan.Handle(ref reader, bufferStart);
            }

            if (final)
            {
                return layout;
            }

            var consumed = (int)reader.BytesConsumed;
            if (consumed == 0 && length == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            Buffer.BlockCopy(buffer, consumed, buffer, 0, length - consumed);
            length -= consumed;
            bufferStart += consumed;
            state = reader.CurrentState;
        }
    }

    private sealed class ScanState(RecipeFileLayout layout)
    {
        private string? rootProperty;
        private string? stepProperty;
        private bool inSteps;
        private bool inData;
        private long itemStart;
        private RecipeFileLayout.StepRange? step;

        public void Handle(ref Utf8JsonReader reader, long bufferStart)
        {
            var start = bufferStart + reader.TokenStartIndex;
            var end = bufferStart + reader.BytesConsumed;
            var depth = reader.CurrentDepth;
            var token = reader.TokenType;
            if (depth == 1 && token == JsonTokenType.PropertyName)
            {
                rootProperty = reader.GetString();
            }
            else if (depth == 1 && token == JsonTokenType.StartArray && IsNamed(rootProperty, "steps") && layout.StepsStart is null)
            {
                (layout.StepsStart, inSteps) = (start, true);
            }
            else if (depth == 1 && token == JsonTokenType.EndArray && inSteps)
            {
                (layout.StepsEnd, inSteps) = (end, false);
            }
            else if (inSteps)
            {
                HandleStep(ref reader, depth, token, start, end);
            }
        }

        private void HandleStep(ref Utf8JsonReader reader, int depth, JsonTokenType token, long start, long end)
        {
            switch (depth)
            {
                case 2 when token is JsonTokenType.StartObject or JsonTokenType.StartArray:
                    step = new RecipeFileLayout.StepRange { Start = start };
                    break;
                case 2 when token is JsonTokenType.EndObject or JsonTokenType.EndArray:
                    step!.End = end;
                    layout.Steps.Add(step);
                    step = null;
                    break;
                case 2:
                    layout.Steps.Add(new RecipeFileLayout.StepRange { Start = start, End = end });
                    break;
                case 3 when token == JsonTokenType.PropertyName:
                    stepProperty = reader.GetString();
                    break;
                case 3 when token == JsonTokenType.StartArray && IsNamed(stepProperty, "data") && step!.DataStart is null:
                    (step.DataStart, inData) = (start, true);
                    break;
                case 3 when token == JsonTokenType.EndArray && inData:
                    (step!.DataEnd, inData) = (end, false);
                    break;
                case 4 when inData && token is JsonTokenType.StartObject or JsonTokenType.StartArray:
                    itemStart = start;
                    break;
                case 4 when inData && token is JsonTokenType.EndObject or JsonTokenType.EndArray:
                    step!.Items.Add((itemStart, end));
                    break;
                case 4 when inData && token != JsonTokenType.PropertyName:
                    step!.Items.Add((start, end));
                    break;
            }
        }

        private static bool IsNamed(string? property, string name) => string.Equals(property, name, StringComparison.OrdinalIgnoreCase);
    }
}
