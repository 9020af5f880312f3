using System.Text;

namespace ClaudeCost.Analyzers.Tests.Rules
{
    /// <summary>Realistic prompt text for test sources: a support policy of a given length.</summary>
    internal static class PromptText
    {
        private static readonly string[] s_sentences =
        {
            "Greet the customer by name when it is known and keep a calm, friendly tone.",
            "Refunds are possible within thirty days of delivery when the item is unused and in its original packaging.",
            "Never promise a delivery date that the order system does not show.",
            "Escalate to a human agent when the customer mentions a legal claim, a safety issue or a data breach.",
            "Answer in the language of the customer's last message and keep answers under one hundred and fifty words.",
            "Explain shipping costs with the published table: standard, express and same-day rates differ by region.",
            "Do not reveal internal ticket notes, prices paid by other customers or the names of staff members.",
            "When an order is late, apologise once, give the tracking link and offer the documented goodwill voucher.",
        };

        /// <summary>At least <paramref name="characters"/> characters of policy text, in whole sentences, one per line.</summary>
        public static string Policy(int characters)
        {
            var builder = new StringBuilder();
            var i = 0;
            while (builder.Length < characters)
            {
                builder.Append("Rule ").Append(i + 1).Append(": ").Append(s_sentences[i % s_sentences.Length]).Append('\n');
                i++;
            }

            return builder.ToString();
        }

        /// <summary>The policy as the body of a C# verbatim string literal (no quotes inside, so nothing to escape).</summary>
        public static string PolicyLiteral(int characters) => "@\"" + Policy(characters) + "\"";
    }
}
