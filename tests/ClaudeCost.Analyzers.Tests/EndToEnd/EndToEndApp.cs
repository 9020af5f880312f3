using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ClaudeCost.Analyzers.Tests.EndToEnd
{
    /// <summary>
    /// The console app the package end-to-end test builds: a small support back office that calls Claude through the
    /// official Anthropic SDK. It has exactly two cost problems, each surrounded by comments that a code fix must keep:
    /// a clock inside a cached system block (CC0001) and a long constant policy sent without a cache breakpoint (CC0002).
    /// </summary>
    public static class EndToEndApp
    {
        public const string AnthropicVersion = "13.12.0";

        /// <summary>Where CC0001 is expected: the clock expression.</summary>
        public const string ClockAnchor = "DateTime.Now:yyyy-MM-dd HH:mm";

        /// <summary>Where CC0002 is expected: the start of the system prompt value.</summary>
        public const string PolicyAnchor = "RefundPolicy.Text, // quoted";

        public const string BillingAssistantFile = "BillingAssistant.cs";

        public const string RefundDeskFile = "RefundDesk.cs";

        /// <summary>Comment lines that must survive `dotnet format` in each file.</summary>
        public static readonly IReadOnlyDictionary<string, string[]> Comments = new Dictionary<string, string[]>
        {
            [BillingAssistantFile] = new[]
            {
                "// Opening hours depend on the time of day, so the assistant is told what time it is.",
                "// The instructions and the policy are the same on every call: cache them.",
                "// One answer per question; the conversation is not kept.",
            },
            [RefundDeskFile] = new[]
            {
                "// Decisions must quote the published policy word for word.",
                "// quoted verbatim in every reply",
                "// The ticket text is untrusted input: it goes last.",
            },
        };

        /// <summary>The default app: one target framework, warnings as errors, versions in the project file.</summary>
        public static string ProjectFile(string packageVersion) => ProjectFile(packageVersion, new AppOptions());

        public static string ProjectFile(string packageVersion, AppOptions options)
        {
            var frameworks = options.TargetFrameworks.Contains(';', StringComparison.Ordinal)
                ? $"<TargetFrameworks>{options.TargetFrameworks}</TargetFrameworks>"
                : $"<TargetFramework>{options.TargetFrameworks}</TargetFramework>";
            var anthropicVersion = options.CentralPackageManagement ? string.Empty : $" Version=\"{AnthropicVersion}\"";
            var claudeCostVersion = options.CentralPackageManagement ? string.Empty : $" Version=\"{packageVersion}\"";
            var extra = options.ExtraProperties.Length == 0 ? string.Empty : "\n    " + options.ExtraProperties.Trim().Replace("\n", "\n    ");
            return $$"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    {{frameworks}}
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <RootNamespace>Contoso.Support</RootNamespace>
                    <TreatWarningsAsErrors>{{(options.TreatWarningsAsErrors ? "true" : "false")}}</TreatWarningsAsErrors>{{extra}}
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Anthropic"{{anthropicVersion}} />
                    <PackageReference Include="ClaudeCost.Analyzers"{{claudeCostVersion}} PrivateAssets="all" />
                  </ItemGroup>
                </Project>
                """;
        }

        /// <summary>Central package management: the versions of both packages, for a project that names none.</summary>
        public static string DirectoryPackagesProps(string packageVersion) => $$"""
            <Project>
              <PropertyGroup>
                <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <PackageVersion Include="Anthropic" Version="{{AnthropicVersion}}" />
                <PackageVersion Include="ClaudeCost.Analyzers" Version="{{packageVersion}}" />
              </ItemGroup>
            </Project>
            """;

        /// <summary>
        /// Writes the whole app (project, nuget.config pointing at the package's feed, empty Directory.Build.* files,
        /// the four C# files) into <paramref name="directory"/> and returns the project's path.
        /// </summary>
        public static string WriteTo(TempDirectory directory, PackedPackage package, AppOptions? options = null)
        {
            options ??= new AppOptions();
            var project = directory.WriteFile(ProjectFileName, ProjectFile(package.Version, options));
            directory.WriteFile("nuget.config", NuGetConfig(package.FeedDirectory));
            directory.WriteFile("Directory.Build.props", EmptyDirectoryBuildFile);
            directory.WriteFile("Directory.Build.targets", EmptyDirectoryBuildFile);
            if (options.CentralPackageManagement)
            {
                directory.WriteFile("Directory.Packages.props", DirectoryPackagesProps(package.Version));
            }

            directory.WriteFile("Program.cs", Program);
            directory.WriteFile("RefundPolicy.cs", RefundPolicyFile());
            directory.WriteFile(BillingAssistantFile, BillingAssistant);
            directory.WriteFile(RefundDeskFile, RefundDesk);
            return project;
        }

        public const string ProjectFileName = "Contoso.Support.csproj";

        /// <summary>Where the two findings belong, as <see cref="BuildDiagnostic.Position"/> prints them ("BillingAssistant.cs(line,col): error CC0001"), sorted.</summary>
        public static string[] ExpectedFindings(string severity)
        {
            var clock = BuildDiagnostics.PositionOf(BillingAssistant, ClockAnchor);
            var policy = BuildDiagnostics.PositionOf(RefundDesk, PolicyAnchor);
            return new[]
            {
                $"{BillingAssistantFile}({clock.Line},{clock.Column}): {severity} CC0001",
                $"{RefundDeskFile}({policy.Line},{policy.Column}): {severity} CC0002",
            };
        }

        public static string NuGetConfig(string localFeed) => $$"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{{localFeed}}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="local">
                  <package pattern="ClaudeCost.Analyzers" />
                </packageSource>
                <packageSource key="nuget.org">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
            </configuration>
            """;

        /// <summary>Stops MSBuild from importing Directory.Build.* files from folders above the temp directory.</summary>
        public const string EmptyDirectoryBuildFile = "<Project />\n";

        public const string Program = """
            using Anthropic;
            using Contoso.Support;

            // The client reads ANTHROPIC_API_KEY from the environment.
            using var client = new AnthropicClient();

            if (args.Length == 2 && args[0] == "refund")
            {
                Console.WriteLine(await new RefundDesk(client).TriageAsync(args[1]));
            }
            else if (args.Length == 1)
            {
                Console.WriteLine(await new BillingAssistant(client).AnswerAsync(args[0]));
            }
            else
            {
                Console.Error.WriteLine("usage: Contoso.Support <question> | refund <ticket text>");
                return 2;
            }

            return 0;
            """;

        public const string BillingAssistant = """
            using Anthropic;
            using Anthropic.Models.Messages;

            namespace Contoso.Support;

            /// <summary>Answers billing questions from signed-in customers.</summary>
            public sealed class BillingAssistant(IAnthropicClient client)
            {
                public async Task<string> AnswerAsync(string question, CancellationToken cancellationToken = default)
                {
                    var request = new MessageCreateParams
                    {
                        Model = Model.ClaudeSonnet4_6,
                        MaxTokens = 1024,
                        System = new List<TextBlockParam>
                        {
                            // Opening hours depend on the time of day, so the assistant is told what time it is.
                            new($"You are Contoso's billing assistant. The current time is {DateTime.Now:yyyy-MM-dd HH:mm}.\n\n{RefundPolicy.Text}")
                            {
                                // The instructions and the policy are the same on every call: cache them.
                                CacheControl = new CacheControlEphemeral(),
                            },
                        },
                        // One answer per question; the conversation is not kept.
                        Messages = [new UserMessageParam(question)],
                    };

                    Message reply = await client.Messages.Create(request, cancellationToken);
                    return reply.Content[0].TryPickText(out var text) ? text.Text : string.Empty;
                }
            }
            """;

        public const string RefundDesk = """
            using Anthropic;
            using Anthropic.Models.Messages;

            namespace Contoso.Support;

            /// <summary>Drafts a decision for each refund ticket.</summary>
            public sealed class RefundDesk(IAnthropicClient client)
            {
                public async Task<string> TriageAsync(string ticket, CancellationToken cancellationToken = default)
                {
                    var request = new MessageCreateParams
                    {
                        Model = Model.ClaudeSonnet4_6,
                        MaxTokens = 512,
                        // Decisions must quote the published policy word for word.
                        System = RefundPolicy.Text, // quoted verbatim in every reply
                        // The ticket text is untrusted input: it goes last.
                        Messages = [new UserMessageParam(ticket)],
                    };

                    Message reply = await client.Messages.Create(request, cancellationToken);
                    return reply.Content[0].TryPickText(out var text) ? text.Text : string.Empty;
                }
            }
            """;

        /// <summary>The policy as a C# file holding one constant (a raw string literal).</summary>
        public static string RefundPolicyFile()
        {
            var text = RefundPolicyText();
            var builder = new StringBuilder();
            builder.Append("namespace Contoso.Support;\n\n");
            builder.Append("/// <summary>The refund and billing policy the assistants must follow (published version 2026-09).</summary>\n");
            builder.Append("internal static class RefundPolicy\n{\n");
            builder.Append("    public const string Text = \"\"\"\n");
            foreach (var line in text.Split('\n'))
            {
                builder.Append(line.Length == 0 ? string.Empty : "        ").Append(line).Append('\n');
            }

            builder.Append("        \"\"\";\n}\n");
            return builder.ToString();
        }

        /// <summary>About 20,000 characters: a long prompt is cacheable on every model, whatever the tokenizer.</summary>
        public static string RefundPolicyText()
        {
            var text = new StringBuilder();
            text.Append(PolicyPreamble);
            text.Append("\n\n# Plan catalog and refund windows\n\n");
            text.Append("Use this table to decide which refund window applies. The customer's billing country decides the region.\n");
            foreach (var region in Regions)
            {
                text.Append("\n## ").Append(region.Name).Append('\n');
                foreach (var plan in Plans)
                {
                    var days = System.Math.Max(region.StatutoryDays, plan.BaseRefundDays);
                    text.Append(string.Format(
                        CultureInfo.InvariantCulture,
                        "- {0} ({1}-{2}): billed {3} in {4}; full refund within {5} days of purchase; {6}; {7}.\n",
                        plan.Name,
                        plan.Code,
                        region.Code,
                        plan.Period,
                        region.Currency,
                        days,
                        plan.AfterWindow,
                        region.TaxNote));
                }
            }

            text.Append('\n').Append(PolicyClosing);
            return text.ToString();
        }

        private const string PolicyPreamble = """
            # Contoso refund and billing policy

            You help Contoso customers with invoices, payments, plan changes and refunds. Follow this policy exactly. When the policy does not cover a case, say so and offer to hand the ticket to a human agent; never invent an exception.

            ## General rules

            1. Identify the customer's plan, billing period, billing country and purchase date before you answer anything about money. If one of them is missing, ask for it in one short question.
            2. Quote the relevant rule of this policy in your answer, word for word, and name its section.
            3. Amounts are always stated in the currency of the invoice, with two decimals, and with the tax treatment named explicitly (for example "EUR 118.80 including 20% VAT").
            4. Never promise a refund. You draft a decision; a Contoso employee confirms it. Use the words "recommended decision".
            5. Never ask for or repeat full card numbers, bank account numbers or passwords. Refer to a payment method by its type and last four digits only.
            6. Be brief and polite. Use the customer's language when it is English, French, German, Spanish or Italian; otherwise answer in English.

            ## Refund windows

            A refund window starts on the purchase date shown on the first invoice of the current term, not on the date the customer first used the product. Upgrades restart the window for the price difference only. Downgrades never restart a window. A renewal is a new purchase: the window starts again on the renewal date.

            Within the window, the full amount of the current term is refunded, including taxes, to the original payment method. After the window, monthly plans are not refunded; annual plans are refunded pro rata for the full months left in the term, minus a processing fee of 5% of that amount (at least 10 and at most 50 in the invoice currency).

            ## Cases that always go to a human agent

            - The customer mentions a chargeback, a dispute with their bank, a lawyer, a court, or a regulator.
            - The account shows more than two refunds in the last twelve months.
            - The amount to refund is above 2,000 in the invoice currency.
            - The invoice was paid by bank transfer from a country other than the billing country.
            - The customer is a reseller, a public body, or has a signed enterprise agreement (plan codes starting with ENT).
            - The ticket contains personal data of a third person, or a threat of any kind.

            ## Failed payments and dunning

            When a card payment fails, Contoso retries after 3, 7 and 14 days and e-mails the billing contact each time. The account stays fully usable for 21 days after the first failure, then becomes read-only. Data is kept for 90 days after the account becomes read-only. A customer who pays during this period keeps the original renewal date; no late fee is charged. Do not offer discounts to customers in dunning.

            ## Invoices and tax

            Invoices are issued in the currency of the billing country. Contoso cannot change the currency of an issued invoice, but can issue a credit note and a new invoice when the billing country was wrong at purchase time; this counts as a correction, not as a refund. Business customers in the European Union who give a valid VAT number before purchase are invoiced without VAT (reverse charge). A VAT number added after purchase applies from the next invoice only.
            """;

        private const string PolicyClosing = """
            # Answer format

            Start with one sentence that states the recommended decision. Then list the facts you used (plan, period, country, purchase date, amount) and the rule you applied, quoted with its section name. End with the next step for the customer in one sentence. Do not add greetings or signatures; the ticketing system adds them.
            """;

        private static readonly (string Name, string Code, string Currency, int StatutoryDays, string TaxNote)[] Regions =
        {
            ("United States", "US", "USD", 14, "sales tax is refunded with the amount it applied to"),
            ("Canada", "CA", "CAD", 14, "GST/HST and provincial taxes are refunded in the same proportion"),
            ("European Union", "EU", "EUR", 14, "VAT is refunded unless the invoice was issued under reverse charge"),
            ("United Kingdom", "UK", "GBP", 14, "VAT is refunded with the amount it applied to"),
            ("Switzerland", "CH", "CHF", 14, "Swiss VAT is refunded with the amount it applied to"),
            ("Australia", "AU", "AUD", 14, "GST is refunded and a GST adjustment note is issued"),
            ("Japan", "JP", "JPY", 8, "consumption tax is refunded with the amount it applied to"),
            ("Brazil", "BR", "BRL", 7, "the service invoice (NFS-e) is cancelled and reissued by finance"),
            ("India", "IN", "INR", 7, "GST is refunded only after finance confirms the credit note"),
            ("Rest of the world", "WW", "USD", 7, "no tax is refunded that was not itemized on the invoice"),
        };

        private static readonly (string Name, string Code, string Period, int BaseRefundDays, string AfterWindow)[] Plans =
        {
            ("Starter monthly", "STR-M", "monthly", 7, "no refund after the window"),
            ("Starter annual", "STR-A", "yearly", 30, "pro-rata refund of full months left, minus the processing fee"),
            ("Team monthly", "TEAM-M", "monthly", 7, "no refund after the window; unused seats are not refunded"),
            ("Team annual", "TEAM-A", "yearly", 30, "pro-rata refund of full months left, minus the processing fee"),
            ("Business monthly", "BIZ-M", "monthly", 14, "no refund after the window; add-ons follow the plan"),
            ("Business annual", "BIZ-A", "yearly", 30, "pro-rata refund of full months left, minus the processing fee"),
        };
    }

    /// <summary>How a test app differs from the default one.</summary>
    public sealed record AppOptions
    {
        /// <summary>"net10.0", or several separated by ';' (then written as TargetFrameworks).</summary>
        public string TargetFrameworks { get; init; } = "net10.0";

        public bool TreatWarningsAsErrors { get; init; } = true;

        /// <summary>Versions in Directory.Packages.props (ManagePackageVersionsCentrally) instead of the project file.</summary>
        public bool CentralPackageManagement { get; init; }

        /// <summary>More property elements for the project's PropertyGroup, as XML.</summary>
        public string ExtraProperties { get; init; } = string.Empty;
    }
}
