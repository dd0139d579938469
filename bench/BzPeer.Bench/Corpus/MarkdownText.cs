using System.Text;

namespace BzPeer.Bench.Corpus;

/// <summary>Plausible Markdown prose: paragraphs with some emphasis, inline code, links and lists.</summary>
internal sealed class MarkdownText(DeterministicRandom random)
{
    public string Sentence()
    {
        var sb = new StringBuilder(160);
        sb.Append(random.Pick(Vocabulary.SentenceOpeners));
        int words = random.Next(6, 17);
        for (int i = 0; i < words; i++)
        {
            sb.Append(' ');
            AppendWord(sb, random.Pick(Vocabulary.Words));
        }
        sb.Append('.');
        return sb.ToString();
    }

    private void AppendWord(StringBuilder sb, string word)
    {
        double roll = random.NextDouble();
        if (roll < 0.04)
        {
            sb.Append('*').Append(word).Append('*');
        }
        else if (roll < 0.06)
        {
            sb.Append("**").Append(word).Append("**");
        }
        else if (roll < 0.075)
        {
            sb.Append('`').Append(word).Append('`');
        }
        else if (roll < 0.09)
        {
            sb.Append('[').Append(word).Append("](https://example.org/glossary/").Append(word).Append(')');
        }
        else
        {
            sb.Append(word);
        }
    }

    public string Paragraph(int minSentences, int maxSentences)
    {
        int count = random.Next(minSentences, maxSentences + 1);
        var sb = new StringBuilder(count * 120);
        for (int i = 0; i < count; i++)
        {
            if (i > 0)
            {
                sb.Append(' ');
            }
            sb.Append(Sentence());
        }
        return sb.ToString();
    }

    public string Abstract()
    {
        int paragraphs = random.Next(1, 4);
        var parts = new List<string>(paragraphs + 1);
        for (int i = 0; i < paragraphs; i++)
        {
            parts.Add(Paragraph(2, 5));
        }
        if (random.Chance(0.1))
        {
            parts.Insert(1, "Contributions:\n\n- " + Sentence() + "\n- " + Sentence() + "\n- " + Sentence());
        }
        return string.Join("\n\n", parts) + "\n";
    }

    /// <summary>A biography, or the empty string (about one in five researchers has none).</summary>
    public string Biography(string name, string role, string? institutionName, IReadOnlyList<string> topicNames)
    {
        if (random.Chance(0.2))
        {
            return "";
        }
        var parts = new List<string>();
        string where = institutionName is null ? "" : $" at {institutionName}";
        parts.Add($"{name} is a {role.ToLowerInvariant()}{where} working on *{topicNames[0].ToLowerInvariant()}*. " + Paragraph(1, 3));
        int more = random.Next(0, 3);
        for (int i = 0; i < more; i++)
        {
            parts.Add(Paragraph(2, 4));
        }
        if (random.Chance(0.4))
        {
            var list = new StringBuilder("Research interests:\n");
            foreach (string topic in topicNames)
            {
                list.Append("\n- ").Append(topic);
            }
            parts.Add(list.ToString());
        }
        return string.Join("\n\n", parts) + "\n";
    }

    public string Description(string subject) =>
        random.Chance(0.15) ? "" : $"Work on **{subject}** collected on this site. " + Paragraph(1, 3) + "\n";
}
