using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace ClaudeCost.Benchmarks.Corpus
{
    /// <summary>Which project to generate: with Claude calls, or the same business code without any.</summary>
    public enum CorpusVariant
    {
        /// <summary>About a fifth of the files call Claude (official SDK, IChatClient, raw HttpClient) or build its prompts.</summary>
        Claude,

        /// <summary>No Anthropic or Microsoft.Extensions.AI reference, no Claude endpoint, header or model id.</summary>
        NoClaude,
    }

    /// <summary>What a generated file is, for the summary the runner prints.</summary>
    public enum FileKind
    {
        Core,
        Domain,
        Integration,
        Formatting,
        Service,
        Validation,
        OtherLlmGateway,
        Policy,
        PromptBuilder,
        OfficialSdk,
        ChatClient,
        RawHttp,
        RawDto,
    }

    /// <summary>One generated source file, its path relative to the project directory.</summary>
    public sealed class GeneratedFile
    {
        public GeneratedFile(string relativePath, string text, FileKind kind)
        {
            RelativePath = relativePath;
            Text = text;
            Kind = kind;
        }

        public string RelativePath { get; }

        public string Text { get; }

        public FileKind Kind { get; }
    }

    /// <summary>
    /// Generates a large, realistic C# project deterministically (fixed seed): an online shop's back end with domain
    /// models, LINQ queries, records, async services, string formatting and HttpClient/System.Text.Json integrations.
    /// In the <see cref="CorpusVariant.Claude"/> variant every fifth file (slot i % 5 == 2) is Claude code instead:
    /// long constant policies, StringBuilder prompt builders, and callers through the official Anthropic SDK
    /// (MessageCreateParams with string and List&lt;TextBlockParam&gt; system prompts, CacheControl, DateTime.Now in a
    /// cached block), Microsoft.Extensions.AI (IChatClient from AsIChatClient) and raw HttpClient (anonymous objects,
    /// JsonObject, DTOs) posting to the Messages API. In the <see cref="CorpusVariant.NoClaude"/> variant those slots
    /// hold more ordinary integration code, so both projects have the same number of files.
    /// </summary>
    public static class CorpusGenerator
    {
        public const int DefaultSeed = 20261122;

        public const string AnthropicVersion = "13.12.0";

        private static readonly string[] Areas = { "Orders", "Billing", "Shipping", "Catalog", "Customers", "Inventory", "Returns", "Reporting", "Notifications", "Pricing" };
        private static readonly string[] Entities = { "Order", "Invoice", "Shipment", "Product", "Account", "StockItem", "ReturnRequest", "ReportRun", "Campaign", "PriceList" };
        private static readonly string[] Categories = { "outerwear", "footwear", "camping", "climbing", "cycling", "running", "kids", "accessories" };
        private static readonly string[] Topics = { "Returns", "Warranty", "Billing", "Delivery", "Onboarding", "Catalog", "Fraud", "Loyalty", "Support", "Compliance" };
        private static readonly int[] PolicyLengths = { 22000, 2600, 16000, 1200, 9000, 30000, 5200, 3600, 12000, 7000 };

        private static readonly (string Name, string Host, string Resource)[] Apis =
        {
            ("Weather", "api.weather.example.com", "forecast"),
            ("Carrier", "api.parcelhub.example.net", "shipments"),
            ("Payments", "api.paygate.example.org", "charges"),
            ("Geocoding", "maps.example.com", "geocode"),
            ("ExchangeRates", "fx.example.io", "rates"),
            ("Tax", "tax.example.com", "quotes"),
            ("Crm", "crm.example.com", "contacts"),
            ("Mailer", "mail.example.net", "deliveries"),
        };

        /// <summary>True for the file slots that hold Claude code in the Claude variant.</summary>
        public static bool IsClaudeSlot(int index) => index % 5 == 2;

        /// <summary>The source files of a project with <paramref name="files"/> files.</summary>
        public static IReadOnlyList<GeneratedFile> Generate(CorpusVariant variant, int files, int seed = DefaultSeed)
        {
            if (files < 10)
            {
                throw new ArgumentOutOfRangeException(nameof(files), files, "At least 10 files.");
            }

            var result = new List<GeneratedFile>(files) { CoreFile() };
            for (var i = 1; i < files; i++)
            {
                if (IsClaudeSlot(i))
                {
                    var slot = i / 5;
                    result.Add(variant == CorpusVariant.Claude ? ClaudeFile(slot, seed) : IntegrationFile(i, new Random(unchecked((seed * 397) ^ (i * 7919) ^ 0x5bd1e995))));
                    continue;
                }

                result.Add(BusinessFile(i, new Random(unchecked((seed * 31) + i))));
            }

            return result;
        }

        /// <summary>Writes the project (csproj, isolation files, sources) into an emptied directory.</summary>
        public static IReadOnlyList<GeneratedFile> WriteProject(string directory, CorpusVariant variant, int files, int seed, string projectFileText)
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }

            Directory.CreateDirectory(directory);
            var generated = Generate(variant, files, seed);
            foreach (var file in generated)
            {
                var path = Path.Combine(directory, file.RelativePath.Replace('/', Path.DirectorySeparatorChar));
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, file.Text, new UTF8Encoding(false));
            }

            File.WriteAllText(Path.Combine(directory, ProjectName(variant) + ".csproj"), projectFileText, new UTF8Encoding(false));
            return generated;
        }

        /// <summary>
        /// The project's name. The no-Claude project's name does not contain "Claude" either: the build writes it into a
        /// generated AssemblyInfo source file, and a project that never calls Claude does not name it anywhere.
        /// </summary>
        public static string ProjectName(CorpusVariant variant) => variant == CorpusVariant.Claude ? "Contoso.Commerce.WithClaude" : "Contoso.Commerce.Plain";

        // ---------------------------------------------------------------- core

        private static GeneratedFile CoreFile() => new GeneratedFile("Core/Core.cs", """
            using System.Globalization;

            namespace Contoso.Commerce.Core;

            /// <summary>An amount of money in one currency.</summary>
            public readonly record struct Money(decimal Amount, string Currency)
            {
                public static Money Zero(string currency) => new(0m, currency);

                public Money Add(Money other)
                {
                    if (!string.Equals(Currency, other.Currency, StringComparison.Ordinal))
                    {
                        throw new InvalidOperationException($"Cannot add {other.Currency} to {Currency}.");
                    }

                    return this with { Amount = Amount + other.Amount };
                }

                public Money Multiply(decimal factor) => this with { Amount = decimal.Round(Amount * factor, 2, MidpointRounding.ToEven) };

                public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Amount:0.00} {Currency}");
            }

            /// <summary>The outcome of an operation that can fail without an exception.</summary>
            public sealed record Result<T>(bool Success, T? Value, string? Error)
            {
                public static Result<T> Ok(T value) => new(true, value, null);

                public static Result<T> Fail(string error) => new(false, default, error);

                public Result<TOther> Map<TOther>(Func<T, TOther> map) => Success && Value is not null ? Result<TOther>.Ok(map(Value)) : Result<TOther>.Fail(Error ?? "unknown error");
            }

            public interface IClock
            {
                DateTimeOffset UtcNow { get; }
            }

            public sealed class SystemClock : IClock
            {
                public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;
            }

            public interface ILog
            {
                void Info(string message);

                void Warn(string message, Exception? exception = null);
            }

            public sealed class ConsoleLog : ILog
            {
                public void Info(string message) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");

                public void Warn(string message, Exception? exception = null) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] WARN {message} {exception?.Message}");
            }

            public static class Guard
            {
                public static string NotEmpty(string? value, string name) => string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("A value is required.", name) : value;

                public static int Positive(int value, string name) => value > 0 ? value : throw new ArgumentOutOfRangeException(name, value, "Must be positive.");
            }
            """, FileKind.Core);

        // ---------------------------------------------------------------- business code

        private static GeneratedFile BusinessFile(int index, Random random)
        {
            if (index % 100 == 41)
            {
                return OtherLlmGatewayFile(index);
            }

            var roll = random.Next(100);
            return roll switch
            {
                < 30 => DomainFile(index, random),
                < 50 => IntegrationFile(index, random),
                < 65 => FormattingFile(index, random),
                < 85 => ServiceFile(index, random),
                _ => ValidationFile(index, random),
            };
        }

        private static (string Area, string Entity, string N) Names(int index, Random random)
        {
            var area = random.Next(Areas.Length);
            return (Areas[area], Entities[area], index.ToString("D4", CultureInfo.InvariantCulture));
        }

        private static GeneratedFile DomainFile(int index, Random random)
        {
            var (area, e, n) = Names(index, random);
            var queries = new List<string>
            {
                $$"""
                    public static IReadOnlyList<{{e}}Summary{{n}}> ByCategory(IEnumerable<{{e}}{{n}}> items) =>
                        items.Where(item => item.Status != {{e}}Status{{n}}.Closed)
                            .SelectMany(item => item.Lines)
                            .GroupBy(line => line.Category, StringComparer.Ordinal)
                            .Select(group => new {{e}}Summary{{n}}(group.Key, group.Sum(line => line.Quantity), group.Sum(line => line.Total), group.Average(line => line.UnitPrice)))
                            .OrderByDescending(summary => summary.Revenue)
                            .ThenBy(summary => summary.Category, StringComparer.Ordinal)
                            .ToList();
                """,
                $$"""
                    public static IEnumerable<string> TopCustomers(IEnumerable<{{e}}{{n}}> items, int count) =>
                        items.GroupBy(item => item.Customer, StringComparer.OrdinalIgnoreCase)
                            .Select(group => new { Customer = group.Key, Total = group.Sum(item => item.Total), Count = group.Count() })
                            .OrderByDescending(x => x.Total)
                            .Take(count)
                            .Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.Customer}: {x.Total:N2} in {x.Count} {{e.ToLowerInvariant()}}s"));
                """,
                $$"""
                    public static Dictionary<{{e}}Status{{n}}, int> CountByStatus(IEnumerable<{{e}}{{n}}> items) =>
                        items.GroupBy(item => item.Status).ToDictionary(group => group.Key, group => group.Count());
                """,
                $$"""
                    public static IReadOnlyList<{{e}}{{n}}> CreatedBetween(IEnumerable<{{e}}{{n}}> items, DateTimeOffset from, DateTimeOffset to) =>
                        items.Where(item => item.CreatedAt >= from && item.CreatedAt < to)
                            .OrderBy(item => item.CreatedAt)
                            .ThenBy(item => item.Customer, StringComparer.Ordinal)
                            .ToArray();
                """,
                $$"""
                    public static IReadOnlyCollection<string> LargeLineSkus(IEnumerable<{{e}}{{n}}> items, decimal threshold)
                    {
                        var skus = new HashSet<string>(StringComparer.Ordinal);
                        foreach (var line in items.SelectMany(item => item.Lines).Where(line => line.Total >= threshold))
                        {
                            skus.Add(line.Sku);
                        }

                        return skus;
                    }
                """,
                $$"""
                    public static decimal AverageBasket(IEnumerable<{{e}}{{n}}> items) =>
                        items.Where(item => item.Lines.Count > 0).Select(item => item.Total).DefaultIfEmpty(0m).Average();
                """,
                $$"""
                    public static IReadOnlyList<{{e}}{{n}}> Page(IEnumerable<{{e}}{{n}}> items, int page, int size)
                    {
                        if (page < 1) throw new ArgumentOutOfRangeException(nameof(page));
                        if (size is < 1 or > 500) throw new ArgumentOutOfRangeException(nameof(size));
                        return items.OrderByDescending(item => item.CreatedAt).Skip((page - 1) * size).Take(size).ToList();
                    }
                """,
                $$"""
                    public static IEnumerable<(int Year, int Month, decimal Revenue)> MonthlyRevenue(IEnumerable<{{e}}{{n}}> items) =>
                        from item in items
                        where item.Status == {{e}}Status{{n}}.Active || item.Status == {{e}}Status{{n}}.Closed
                        group item by (item.CreatedAt.Year, item.CreatedAt.Month) into month
                        orderby month.Key.Year, month.Key.Month
                        select (month.Key.Year, month.Key.Month, month.Sum(item => item.Total));
                """,
                $$"""
                    public static bool AnyStale(IEnumerable<{{e}}{{n}}> items, DateTimeOffset now, TimeSpan maximumAge) =>
                        items.Any(item => item.Status == {{e}}Status{{n}}.Draft && now - item.CreatedAt > maximumAge);
                """,
                $$"""
                    public static string ToCsv(IEnumerable<{{e}}{{n}}> items)
                    {
                        var rows = items.Select(item => string.Join(",", item.Id.ToString("N"), Escape(item.Customer), item.Status.ToString(), item.Total.ToString("0.00", CultureInfo.InvariantCulture)));
                        return "id,customer,status,total" + Environment.NewLine + string.Join(Environment.NewLine, rows);

                        static string Escape(string value) => value.Contains(',', StringComparison.Ordinal) ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
                    }
                """,
            };

            var chosen = Pick(random, queries, 3 + random.Next(4));
            var category = Categories[random.Next(Categories.Length)];
            var text = $$"""
                using System.Globalization;

                namespace Contoso.Commerce.{{area}};

                public enum {{e}}Status{{n}}
                {
                    Draft,
                    Active,
                    Suspended,
                    Closed,
                }

                public sealed record {{e}}Line{{n}}(string Sku, int Quantity, decimal UnitPrice, string Category)
                {
                    public decimal Total => Quantity * UnitPrice;

                    public {{e}}Line{{n}} WithQuantity(int quantity) => this with { Quantity = quantity };
                }

                public sealed record {{e}}Summary{{n}}(string Category, int Items, decimal Revenue, decimal AveragePrice);

                public sealed class {{e}}{{n}}
                {
                    private readonly List<{{e}}Line{{n}}> _lines = new();
                    private readonly List<string> _history = new();

                    public {{e}}{{n}}(Guid id, string customer, DateTimeOffset createdAt)
                    {
                        ArgumentException.ThrowIfNullOrWhiteSpace(customer);
                        Id = id;
                        Customer = customer;
                        CreatedAt = createdAt;
                    }

                    public Guid Id { get; }

                    public string Customer { get; }

                    public DateTimeOffset CreatedAt { get; }

                    public {{e}}Status{{n}} Status { get; private set; } = {{e}}Status{{n}}.Draft;

                    public IReadOnlyList<{{e}}Line{{n}}> Lines => _lines;

                    public IReadOnlyList<string> History => _history;

                    public decimal Total => _lines.Sum(line => line.Total);

                    public void Add(string sku, int quantity, decimal unitPrice, string category = "{{category}}")
                    {
                        if (quantity <= 0)
                        {
                            throw new ArgumentOutOfRangeException(nameof(quantity), quantity, "Quantity must be positive.");
                        }

                        if (Status == {{e}}Status{{n}}.Closed)
                        {
                            throw new InvalidOperationException($"{{e}} {Id} is closed.");
                        }

                        var existing = _lines.FindIndex(line => string.Equals(line.Sku, sku, StringComparison.Ordinal));
                        if (existing >= 0)
                        {
                            _lines[existing] = _lines[existing].WithQuantity(_lines[existing].Quantity + quantity);
                        }
                        else
                        {
                            _lines.Add(new {{e}}Line{{n}}(sku, quantity, unitPrice, category));
                        }

                        _history.Add($"added {quantity} x {sku}");
                    }

                    public void Activate()
                    {
                        Status = Status switch
                        {
                            {{e}}Status{{n}}.Draft or {{e}}Status{{n}}.Suspended => {{e}}Status{{n}}.Active,
                            _ => throw new InvalidOperationException($"Cannot activate a {Status} {{e.ToLowerInvariant()}}."),
                        };
                        _history.Add("activated");
                    }

                    public void Suspend(string reason)
                    {
                        if (Status != {{e}}Status{{n}}.Active)
                        {
                            return;
                        }

                        Status = {{e}}Status{{n}}.Suspended;
                        _history.Add("suspended: " + reason);
                    }

                    public void Close() => Status = {{e}}Status{{n}}.Closed;
                }

                public static class {{e}}Queries{{n}}
                {
                {{string.Join("\n\n", chosen)}}
                }

                """;
            return new GeneratedFile($"{area}/{e}{n}.cs", text, FileKind.Domain);
        }

        private static GeneratedFile IntegrationFile(int index, Random random)
        {
            var (area, _, n) = Names(index, random);
            var api = Apis[random.Next(Apis.Length)];
            var name = api.Name + "Client" + n;
            var members = new List<string>
            {
                $$"""
                    public async Task<{{api.Name}}Reply{{n}}?> GetAsync(string reference, CancellationToken cancellationToken = default)
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Get, $"https://{{api.Host}}/v2/{{api.Resource}}/{Uri.EscapeDataString(reference)}");
                        request.Headers.Add("X-Api-Key", _apiKey);
                        request.Headers.Add("X-Request-Id", Guid.NewGuid().ToString("N"));
                        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
                        {
                            return null;
                        }

                        response.EnsureSuccessStatusCode();
                        return await response.Content.ReadFromJsonAsync<{{api.Name}}Reply{{n}}>(s_options, cancellationToken).ConfigureAwait(false);
                    }
                """,
                $$"""
                    public async Task<bool> CreateAsync(string reference, IReadOnlyList<string> items, decimal amount, CancellationToken cancellationToken = default)
                    {
                        var body = new
                        {
                            reference,
                            amount,
                            currency = "EUR",
                            items = items.Select((sku, position) => new { sku, position, quantity = 1 }).ToArray(),
                            requested_at = DateTime.UtcNow,
                            source = "{{area.ToLowerInvariant()}}",
                        };
                        using var response = await _http.PostAsJsonAsync("https://{{api.Host}}/v2/{{api.Resource}}", body, s_options, cancellationToken).ConfigureAwait(false);
                        return response.IsSuccessStatusCode;
                    }
                """,
                $$"""
                    public string WebhookPayload(string eventName, string id, decimal amount)
                    {
                        var node = new JsonObject
                        {
                            ["event"] = eventName,
                            ["id"] = id,
                            ["amount"] = amount,
                            ["sent_at"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
                            ["tags"] = new JsonArray("{{area.ToLowerInvariant()}}", "v2"),
                        };
                        return node.ToJsonString(s_options);
                    }
                """,
                $$"""
                    public static IReadOnlyList<string> ReadIds(string json)
                    {
                        using var document = JsonDocument.Parse(json);
                        if (!document.RootElement.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
                        {
                            return Array.Empty<string>();
                        }

                        return items.EnumerateArray()
                            .Where(item => item.TryGetProperty("id", out _))
                            .Select(item => item.GetProperty("id").GetString() ?? string.Empty)
                            .Where(id => id.Length > 0)
                            .ToList();
                    }
                """,
                $$"""
                    public async Task<T> WithRetryAsync<T>(Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken = default)
                    {
                        var delay = TimeSpan.FromMilliseconds(200);
                        for (var attempt = 1; ; attempt++)
                        {
                            try
                            {
                                return await action(cancellationToken).ConfigureAwait(false);
                            }
                            catch (HttpRequestException exception) when (attempt < 4)
                            {
                                Console.Error.WriteLine($"{{api.Name}} attempt {attempt} failed: {exception.Message}");
                                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                                delay *= 2;
                            }
                        }
                    }
                """,
                $$"""
                    public async Task<HttpResponseMessage> PostFormAsync(string reference, decimal amount, CancellationToken cancellationToken = default)
                    {
                        var payload = new Dictionary<string, object>
                        {
                            ["reference"] = reference,
                            ["amount"] = amount,
                            ["currency"] = "EUR",
                            ["metadata"] = new Dictionary<string, string> { ["area"] = "{{area}}", ["version"] = "2" },
                        };
                        var json = JsonSerializer.Serialize(payload, s_options);
                        using var content = new StringContent(json, Encoding.UTF8, "application/json");
                        return await _http.PostAsync("https://{{api.Host}}/v2/{{api.Resource}}/batch", content, cancellationToken).ConfigureAwait(false);
                    }
                """,
                $$"""
                    public static string InlineJson(string reference, decimal amount) =>
                        "{\"reference\":\"" + reference + "\",\"amount\":" + amount.ToString(CultureInfo.InvariantCulture) + ",\"currency\":\"EUR\"}";
                """,
                $$"""
                    public static {{api.Name}}Reply{{n}}? Parse(string json) => JsonSerializer.Deserialize<{{api.Name}}Reply{{n}}>(json, s_options);

                    public static string Serialize({{api.Name}}Reply{{n}} reply) => JsonSerializer.Serialize(reply, s_options);
                """,
            };

            var chosen = Pick(random, members, 3 + random.Next(4));
            var text = $$"""
                using System.Globalization;
                using System.Net.Http.Json;
                using System.Text;
                using System.Text.Json;
                using System.Text.Json.Nodes;
                using System.Text.Json.Serialization;

                namespace Contoso.Commerce.Integrations.{{area}};

                public sealed record {{api.Name}}Reply{{n}}(
                    [property: JsonPropertyName("id")] string Id,
                    [property: JsonPropertyName("status")] string Status,
                    [property: JsonPropertyName("amount")] decimal Amount,
                    [property: JsonPropertyName("updated_at")] DateTimeOffset UpdatedAt,
                    [property: JsonPropertyName("lines")] IReadOnlyList<string>? Lines);

                public sealed class {{name}}
                {
                    private static readonly JsonSerializerOptions s_options = new(JsonSerializerDefaults.Web)
                    {
                        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
                    };

                    private readonly HttpClient _http;
                    private readonly string _apiKey;

                    public {{name}}(HttpClient http, string apiKey)
                    {
                        _http = http ?? throw new ArgumentNullException(nameof(http));
                        _apiKey = apiKey;
                    }

                {{string.Join("\n\n", chosen)}}
                }

                """;
            return new GeneratedFile($"Integrations/{area}/{name}.cs", text, FileKind.Integration);
        }

        private static GeneratedFile FormattingFile(int index, Random random)
        {
            var (area, e, n) = Names(index, random);
            var template = EmailTemplate(random, 900 + random.Next(2600));
            var text = $$""""
                using System.Globalization;
                using System.Text;

                namespace Contoso.Commerce.{{area}}.Documents;

                public sealed record {{e}}DocumentLine{{n}}(string Description, int Quantity, decimal UnitPrice, decimal TaxRate)
                {
                    public decimal Net => Quantity * UnitPrice;

                    public decimal Tax => decimal.Round(Net * TaxRate, 2);
                }

                public sealed class {{e}}DocumentRenderer{{n}}
                {
                    private const string EmailTemplate = """
                {{Indent(template, 8)}}
                        """;

                    private readonly CultureInfo _culture;

                    public {{e}}DocumentRenderer{{n}}(string cultureName = "en-GB")
                    {
                        _culture = CultureInfo.GetCultureInfo(cultureName);
                    }

                    public string Render(string number, string customer, IReadOnlyList<{{e}}DocumentLine{{n}}> lines)
                    {
                        var builder = new StringBuilder();
                        builder.AppendLine($"{{e}} {number}");
                        builder.AppendLine($"Printed {DateTime.Now.ToString("g", _culture)} for {customer}");
                        builder.AppendLine(new string('-', 60));
                        foreach (var line in lines)
                        {
                            builder.AppendLine(string.Format(_culture, "{0,-30}{1,6}{2,12:N2}{3,12:N2}", Truncate(line.Description, 30), line.Quantity, line.UnitPrice, line.Net));
                        }

                        builder.AppendLine(new string('-', 60));
                        var net = lines.Sum(line => line.Net);
                        var tax = lines.Sum(line => line.Tax);
                        builder.AppendFormat(_culture, "{0,-48}{1,12:N2}", "Net", net).AppendLine();
                        builder.AppendFormat(_culture, "{0,-48}{1,12:N2}", "Tax", tax).AppendLine();
                        builder.AppendFormat(_culture, "{0,-48}{1,12:N2}", "Total", net + tax).AppendLine();
                        return builder.ToString();
                    }

                    public string Email(string customer, string number, decimal total, DateTime dueDate) =>
                        EmailTemplate
                            .Replace("{customer}", customer, StringComparison.Ordinal)
                            .Replace("{number}", number, StringComparison.Ordinal)
                            .Replace("{total}", total.ToString("C", _culture), StringComparison.Ordinal)
                            .Replace("{due}", dueDate.ToString("D", _culture), StringComparison.Ordinal);

                    public static string Slug(string title)
                    {
                        var builder = new StringBuilder(title.Length);
                        foreach (var c in title.Trim().ToLowerInvariant())
                        {
                            if (char.IsLetterOrDigit(c))
                            {
                                builder.Append(c);
                            }
                            else if (builder.Length > 0 && builder[^1] != '-')
                            {
                                builder.Append('-');
                            }
                        }

                        return builder.ToString().TrimEnd('-');
                    }

                    public static string Summary(IEnumerable<{{e}}DocumentLine{{n}}> lines) =>
                        string.Join("; ", lines.Where(line => line.Quantity > 0).Select(line => $"{line.Quantity} x {line.Description} @ {line.UnitPrice:0.00}"));

                    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..(length - 1)] + "…";
                }

                """";
            return new GeneratedFile($"{area}/Documents/{e}DocumentRenderer{n}.cs", text, FileKind.Formatting);
        }

        private static GeneratedFile ServiceFile(int index, Random random)
        {
            var (area, e, n) = Names(index, random);
            var members = new List<string>
            {
                $$"""
                    public async Task<Result<{{e}}Record{{n}}>> GetAsync(Guid id, CancellationToken cancellationToken = default)
                    {
                        var item = await _repository.FindAsync(id, cancellationToken).ConfigureAwait(false);
                        return item is null ? Result<{{e}}Record{{n}}>.Fail($"{{e}} {id} not found") : Result<{{e}}Record{{n}}>.Ok(item);
                    }
                """,
                $$"""
                    public async Task<IReadOnlyList<{{e}}Record{{n}}>> LoadManyAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken = default)
                    {
                        var tasks = ids.Distinct().Select(id => _repository.FindAsync(id, cancellationToken)).ToList();
                        var results = await Task.WhenAll(tasks).ConfigureAwait(false);
                        return results.Where(item => item is not null).Select(item => item!).ToList();
                    }
                """,
                $$"""
                    public async Task<Result<{{e}}Record{{n}}>> RenameAsync(Guid id, string name, CancellationToken cancellationToken = default)
                    {
                        Guard.NotEmpty(name, nameof(name));
                        var existing = await _repository.FindAsync(id, cancellationToken).ConfigureAwait(false);
                        if (existing is null)
                        {
                            return Result<{{e}}Record{{n}}>.Fail("not found");
                        }

                        var renamed = existing with { Name = name.Trim(), UpdatedAt = _clock.UtcNow };
                        await _repository.SaveAsync(renamed, cancellationToken).ConfigureAwait(false);
                        _log.Info($"{{e}} {id} renamed to '{renamed.Name}'");
                        return Result<{{e}}Record{{n}}>.Ok(renamed);
                    }
                """,
                $$"""
                    public async Task<int> ArchiveOlderThanAsync(TimeSpan age, CancellationToken cancellationToken = default)
                    {
                        var cutoff = _clock.UtcNow - age;
                        var archived = 0;
                        await foreach (var item in _repository.StreamAsync(cancellationToken).ConfigureAwait(false))
                        {
                            if (item.UpdatedAt >= cutoff || item.Archived)
                            {
                                continue;
                            }

                            try
                            {
                                await _repository.SaveAsync(item with { Archived = true }, cancellationToken).ConfigureAwait(false);
                                archived++;
                            }
                            catch (IOException exception)
                            {
                                _log.Warn($"Could not archive {item.Id}", exception);
                            }
                        }

                        return archived;
                    }
                """,
                $$"""
                    public async Task<Money> TotalAsync(IEnumerable<Guid> ids, string currency, CancellationToken cancellationToken = default)
                    {
                        var total = Money.Zero(currency);
                        foreach (var id in ids)
                        {
                            var item = await _repository.FindAsync(id, cancellationToken).ConfigureAwait(false);
                            if (item is { Archived: false } && string.Equals(item.Price.Currency, currency, StringComparison.Ordinal))
                            {
                                total = total.Add(item.Price);
                            }
                        }

                        return total;
                    }
                """,
                $$"""
                    public string Describe({{e}}Record{{n}} item) => item switch
                    {
                        { Archived: true } => $"{item.Name} (archived)",
                        { Price.Amount: 0 } => $"{item.Name} (free)",
                        { Price.Amount: > 1000 } => $"{item.Name} (premium, {item.Price})",
                        _ => $"{item.Name} ({item.Price})",
                    };
                """,
            };

            var chosen = Pick(random, members, 3 + random.Next(3));
            var text = $$"""
                using System.Collections.Concurrent;
                using System.Runtime.CompilerServices;
                using Contoso.Commerce.Core;

                namespace Contoso.Commerce.{{area}}.Services;

                public sealed record {{e}}Record{{n}}(Guid Id, string Name, Money Price, DateTimeOffset UpdatedAt, bool Archived = false);

                public interface I{{e}}Repository{{n}}
                {
                    Task<{{e}}Record{{n}}?> FindAsync(Guid id, CancellationToken cancellationToken);

                    Task SaveAsync({{e}}Record{{n}} item, CancellationToken cancellationToken);

                    IAsyncEnumerable<{{e}}Record{{n}}> StreamAsync(CancellationToken cancellationToken);
                }

                public sealed class InMemory{{e}}Repository{{n}} : I{{e}}Repository{{n}}
                {
                    private readonly ConcurrentDictionary<Guid, {{e}}Record{{n}}> _items = new();

                    public Task<{{e}}Record{{n}}?> FindAsync(Guid id, CancellationToken cancellationToken) =>
                        Task.FromResult(_items.TryGetValue(id, out var item) ? item : null);

                    public Task SaveAsync({{e}}Record{{n}} item, CancellationToken cancellationToken)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        _items[item.Id] = item;
                        return Task.CompletedTask;
                    }

                    public async IAsyncEnumerable<{{e}}Record{{n}}> StreamAsync([EnumeratorCancellation] CancellationToken cancellationToken)
                    {
                        foreach (var item in _items.Values.OrderBy(item => item.Name, StringComparer.Ordinal))
                        {
                            cancellationToken.ThrowIfCancellationRequested();
                            await Task.Yield();
                            yield return item;
                        }
                    }
                }

                public sealed class {{e}}Service{{n}}
                {
                    private readonly I{{e}}Repository{{n}} _repository;
                    private readonly IClock _clock;
                    private readonly ILog _log;

                    public {{e}}Service{{n}}(I{{e}}Repository{{n}} repository, IClock clock, ILog log)
                    {
                        _repository = repository;
                        _clock = clock;
                        _log = log;
                    }

                {{string.Join("\n\n", chosen)}}
                }

                """;
            return new GeneratedFile($"{area}/Services/{e}Service{n}.cs", text, FileKind.Service);
        }

        private static GeneratedFile ValidationFile(int index, Random random)
        {
            var (area, e, n) = Names(index, random);
            var maximum = 50 + random.Next(200);
            var text = $$"""
                using System.Text.RegularExpressions;

                namespace Contoso.Commerce.{{area}}.Validation;

                public sealed class {{e}}Input{{n}}
                {
                    public string? Name { get; set; }

                    public string? Email { get; set; }

                    public string? Country { get; set; }

                    public int Quantity { get; set; }

                    public decimal Amount { get; set; }

                    public DateTime? DeliverBy { get; set; }

                    public List<string> Tags { get; set; } = new();
                }

                public sealed record ValidationError{{n}}(string Field, string Message);

                public static partial class {{e}}Validator{{n}}
                {
                    private static readonly HashSet<string> s_countries = new(StringComparer.OrdinalIgnoreCase) { "DE", "AT", "NL", "BE", "FR", "DK", "SE", "GB", "CH", "NO" };

                    private static readonly List<(Func<{{e}}Input{{n}}, bool> IsValid, string Field, string Message)> s_rules = new()
                    {
                        (input => input.Name is { Length: > 0 and <= 120 }, nameof({{e}}Input{{n}}.Name), "A name of at most 120 characters is required."),
                        (input => input.Email is null || EmailPattern().IsMatch(input.Email), nameof({{e}}Input{{n}}.Email), "The e-mail address is not valid."),
                        (input => input.Country is not null && s_countries.Contains(input.Country), nameof({{e}}Input{{n}}.Country), "We do not ship to this country."),
                        (input => input.Quantity is > 0 and <= {{maximum}}, nameof({{e}}Input{{n}}.Quantity), "Quantity must be between 1 and {{maximum}}."),
                        (input => input.Amount >= 0m, nameof({{e}}Input{{n}}.Amount), "Amount cannot be negative."),
                        (input => input.Tags.Count <= 10 && input.Tags.All(tag => tag.Length <= 32), nameof({{e}}Input{{n}}.Tags), "At most 10 tags of 32 characters."),
                    };

                    public static IReadOnlyList<ValidationError{{n}}> Validate({{e}}Input{{n}} input, DateTime today)
                    {
                        ArgumentNullException.ThrowIfNull(input);
                        var errors = s_rules.Where(rule => !rule.IsValid(input)).Select(rule => new ValidationError{{n}}(rule.Field, rule.Message)).ToList();
                        if (input.DeliverBy is { } deliverBy && deliverBy.Date < today.Date.AddDays(MinimumLeadDays(input.Country)))
                        {
                            errors.Add(new ValidationError{{n}}(nameof(input.DeliverBy), $"Delivery needs at least {MinimumLeadDays(input.Country)} days."));
                        }

                        return errors;
                    }

                    public static int MinimumLeadDays(string? country) => country?.ToUpperInvariant() switch
                    {
                        "DE" or "AT" or "NL" => 2,
                        "BE" or "FR" => 3,
                        "DK" or "SE" => 4,
                        "GB" or "CH" or "NO" => 6,
                        _ => 10,
                    };

                    public static string Normalize(string? value) => string.IsNullOrWhiteSpace(value) ? string.Empty : WhitespacePattern().Replace(value.Trim(), " ");

                    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
                    private static partial Regex EmailPattern();

                    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
                    private static partial Regex WhitespacePattern();
                }

                """;
            return new GeneratedFile($"{area}/Validation/{e}Validator{n}.cs", text, FileKind.Validation);
        }

        /// <summary>A chat-completions call to another provider (both variants): a body with model and messages that is not Claude.</summary>
        private static GeneratedFile OtherLlmGatewayFile(int index)
        {
            var n = index.ToString("D4", CultureInfo.InvariantCulture);
            var text = $$"""
                using System.Net.Http.Json;
                using System.Text.Json.Nodes;

                namespace Contoso.Commerce.Search;

                /// <summary>Product-search query expansion through an OpenAI-compatible endpoint.</summary>
                public sealed class QueryExpansionGateway{{n}}
                {
                    private const string SystemText = "Rewrite the shopper's search query into up to five short alternative queries, one per line.";

                    private readonly HttpClient _http;

                    public QueryExpansionGateway{{n}}(HttpClient http) => _http = http;

                    public async Task<IReadOnlyList<string>> ExpandAsync(string query, CancellationToken cancellationToken = default)
                    {
                        var body = new
                        {
                            model = "gpt-4o-mini",
                            temperature = 0.2,
                            messages = new[]
                            {
                                new { role = "system", content = SystemText },
                                new { role = "user", content = query },
                            },
                        };
                        using var response = await _http.PostAsJsonAsync("https://api.openai.com/v1/chat/completions", body, cancellationToken).ConfigureAwait(false);
                        response.EnsureSuccessStatusCode();
                        var json = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken).ConfigureAwait(false);
                        var text = json?["choices"]?[0]?["message"]?["content"]?.GetValue<string>() ?? string.Empty;
                        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(5).ToList();
                    }
                }

                """;
            return new GeneratedFile($"Search/QueryExpansionGateway{n}.cs", text, FileKind.OtherLlmGateway);
        }

        // ---------------------------------------------------------------- Claude code

        /// <summary>Slot k of the Claude files: decade d = k / 10 shares one policy (r = 0) and one prompt builder (r = 1).</summary>
        private static GeneratedFile ClaudeFile(int slot, int seed)
        {
            var decade = slot / 10;
            var role = slot % 10;
            var topic = Topics[decade % Topics.Length];
            var policy = PolicyClass(decade);
            var builder = BuilderClass(decade);
            var n = slot.ToString("D3", CultureInfo.InvariantCulture);
            switch (role)
            {
                case 0:
                    return new GeneratedFile($"Prompts/{policy}.cs", PolicySource(policy, topic, PolicyLengths[decade % PolicyLengths.Length], new Random(unchecked(seed + decade))), FileKind.Policy);
                case 1:
                    return new GeneratedFile($"Prompts/{builder}.cs", BuilderSource(builder, policy, topic, decade % 3), FileKind.PromptBuilder);
                case 2:
                case 3:
                case 4:
                    return new GeneratedFile($"Assistants/{topic}Assistant{n}.cs", OfficialSdkSource($"{topic}Assistant{n}", policy, builder, topic, role - 2), FileKind.OfficialSdk);
                case 5:
                case 6:
                    return new GeneratedFile($"Assistants/{topic}Chat{n}.cs", ChatClientSource($"{topic}Chat{n}", policy, builder, topic, role - 5), FileKind.ChatClient);
                case 7:
                case 8:
                    return new GeneratedFile($"Assistants/{topic}Gateway{n}.cs", RawHttpSource($"{topic}Gateway{n}", policy, topic, role - 7), FileKind.RawHttp);
                default:
                    return new GeneratedFile($"Assistants/{topic}Relay{n}.cs", RawDtoSource($"{topic}Relay{n}", policy, builder, topic), FileKind.RawDto);
            }
        }

        public static string PolicyClass(int decade) => Topics[decade % Topics.Length] + "Policy" + decade.ToString("D2", CultureInfo.InvariantCulture);

        public static string BuilderClass(int decade) => Topics[decade % Topics.Length] + "PromptBuilder" + decade.ToString("D2", CultureInfo.InvariantCulture);

        /// <summary>A static class with a long constant policy text (about <paramref name="characters"/> characters).</summary>
        public static string PolicySource(string className, string topic, int characters, Random random) => $$""""
            namespace Contoso.Commerce.Prompts;

            /// <summary>The {{topic.ToLowerInvariant()}} policy every {{topic.ToLowerInvariant()}} request starts with. Reviewed by the policy team each quarter.</summary>
            public static class {{className}}
            {
                public const string Version = "2026.{{random.Next(1, 5)}}";

                public const string Text = """
            {{Indent(PolicyText(topic, characters, random), 8)}}
                    """;

                public static int ApproximateTokens => Text.Length / 4;
            }

            """";

        /// <summary>
        /// A StringBuilder prompt builder in its own file. Mode 0 stamps DateTime.Now into Build() (volatile), mode 1 is
        /// stable, mode 2 is stable with a per-tenant overload and a daily date.
        /// </summary>
        public static string BuilderSource(string className, string policy, string topic, int mode)
        {
            var build = mode switch
            {
                0 => $$"""
                        public static string Build()
                        {
                            var builder = new StringBuilder();
                            builder.AppendLine(Role);
                            builder.AppendLine();
                            builder.AppendLine({{policy}}.Text);
                            builder.Append("Generated at ").Append(DateTime.Now.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)).AppendLine(".");
                            return builder.ToString();
                        }
                    """,
                1 => $$"""
                        public static string Build()
                        {
                            var builder = new StringBuilder();
                            builder.AppendLine(Role);
                            builder.AppendLine();
                            builder.AppendLine({{policy}}.Text);
                            builder.AppendLine("Policy version " + {{policy}}.Version + ".");
                            return builder.ToString();
                        }
                    """,
                _ => $$"""
                        public static string Build() => Build("Contoso");

                        public static string Build(string tenant)
                        {
                            var builder = new StringBuilder();
                            builder.AppendLine(Role);
                            builder.AppendLine();
                            builder.AppendLine({{policy}}.Text);
                            builder.AppendLine($"Tenant: {tenant}.");
                            builder.AppendLine("Today is " + DateTime.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".");
                            return builder.ToString();
                        }
                    """,
            };

            return $$"""
                using System.Globalization;
                using System.Text;

                namespace Contoso.Commerce.Prompts;

                /// <summary>Builds the system prompt of the {{topic.ToLowerInvariant()}} assistants.</summary>
                public static class {{className}}
                {
                    private const string Role = "You are the {{topic.ToLowerInvariant()}} assistant of Contoso Outfitters. Answer only from the policy below.";

                {{build}}

                    public static string Examples(IEnumerable<(string Question, string Answer)> examples)
                    {
                        var builder = new StringBuilder();
                        foreach (var (question, answer) in examples)
                        {
                            builder.Append("Q: ").AppendLine(question);
                            builder.Append("A: ").AppendLine(answer);
                            builder.AppendLine();
                        }

                        return builder.ToString();
                    }
                }

                """;
        }

        /// <summary>Requests through the official SDK; variant 0..2 picks which request shapes the class has.</summary>
        public static string OfficialSdkSource(string className, string policy, string builder, string topic, int variant)
        {
            var plain = $$"""
                    /// <summary>The policy as a plain string system prompt, without a cache breakpoint.</summary>
                    public async Task<Message> AnswerAsync(string question, CancellationToken cancellationToken = default)
                    {
                        return await _client.Messages.Create(new MessageCreateParams
                        {
                            Model = Model.ClaudeSonnet4_6,
                            MaxTokens = 1024,
                            System = {{policy}}.Text,
                            Messages = [new UserMessageParam(question)],
                        }, cancellationToken).ConfigureAwait(false);
                    }
                """;
            var cached = $$"""
                    /// <summary>The policy cached, the customer's tier after the breakpoint.</summary>
                    public async Task<Message> AnswerForTierAsync(string question, string tier, CancellationToken cancellationToken = default)
                    {
                        var system = new List<TextBlockParam>
                        {
                            new({{policy}}.Text) { CacheControl = new CacheControlEphemeral() },
                            new($"Customer tier: {tier}."),
                        };
                        return await _client.Messages.Create(new MessageCreateParams
                        {
                            Model = Model.ClaudeSonnet4_6,
                            MaxTokens = 1024,
                            System = system,
                            Messages = [new UserMessageParam(question)],
                        }, cancellationToken).ConfigureAwait(false);
                    }
                """;
            var clock = $$"""
                    /// <summary>The current time in the cached block.</summary>
                    public async Task<Message> AnswerWithTimeAsync(string question, CancellationToken cancellationToken = default)
                    {
                        return await _client.Messages.Create(new MessageCreateParams
                        {
                            Model = Model.ClaudeSonnet4_6,
                            MaxTokens = 1024,
                            System = new List<TextBlockParam>
                            {
                                new($"Current time: {DateTime.Now:yyyy-MM-dd HH:mm}.\n\n{{{policy}}.Text}")
                                {
                                    CacheControl = new CacheControlEphemeral(),
                                },
                            },
                            Messages = [new UserMessageParam(question)],
                        }, cancellationToken).ConfigureAwait(false);
                    }
                """;
            var built = $$"""
                    /// <summary>The prompt from the builder in another file, cached.</summary>
                    public async Task<Message> TriageAsync(string ticket, CancellationToken cancellationToken = default)
                    {
                        return await _client.Messages.Create(new MessageCreateParams
                        {
                            Model = Model.ClaudeHaiku4_5,
                            MaxTokens = 64,
                            System = new List<TextBlockParam>
                            {
                                new({{builder}}.Build()) { CacheControl = new CacheControlEphemeral() },
                            },
                            Messages = [new UserMessageParam(ticket)],
                        }, cancellationToken).ConfigureAwait(false);
                    }
                """;
            var shortPrompt = $$"""
                    /// <summary>A short inline instruction: nothing worth caching.</summary>
                    public async Task<Message> ClassifyAsync(string text, CancellationToken cancellationToken = default)
                    {
                        var request = new MessageCreateParams
                        {
                            Model = Model.ClaudeHaiku4_5,
                            MaxTokens = 16,
                            System = "Classify the message as one of: question, complaint, praise, spam. Answer with the label only.",
                            Messages = [new UserMessageParam(text)],
                        };
                        return await _client.Messages.Create(request, cancellationToken).ConfigureAwait(false);
                    }
                """;
            var conversation = $$"""
                    /// <summary>A conversation id ahead of the cached policy.</summary>
                    public async Task<Message> StartConversationAsync(string question, CancellationToken cancellationToken = default)
                    {
                        var conversationId = Guid.NewGuid();
                        return await _client.Messages.Create(new MessageCreateParams
                        {
                            Model = Model.ClaudeOpus4_6,
                            MaxTokens = 2048,
                            System = new List<TextBlockParam>
                            {
                                new("Conversation " + conversationId.ToString("N") + ".\n\n" + {{policy}}.Text) { CacheControl = new CacheControlEphemeral() },
                            },
                            Messages = [new UserMessageParam(question)],
                        }, cancellationToken).ConfigureAwait(false);
                    }
                """;
            // Loops around paid calls: a bounded retry on transport errors (CC0018 at Info: the SDK retries inside each attempt),
            // an endless retry (CC0004), a capped agent loop (silent) and an uncapped one (CC0017).
            var boundedRetry = $$"""
                    /// <summary>Three attempts on transport errors, then the error goes to the caller.</summary>
                    public async Task<Message> AskWithRetryAsync(string question, CancellationToken cancellationToken = default)
                    {
                        for (var attempt = 1; ; attempt++)
                        {
                            try
                            {
                                return await _client.Messages.Create(new MessageCreateParams
                                {
                                    Model = Model.ClaudeSonnet4_6,
                                    MaxTokens = 512,
                                    Messages = [new UserMessageParam(question)],
                                }, cancellationToken).ConfigureAwait(false);
                            }
                            catch (HttpRequestException) when (attempt < 3)
                            {
                                await Task.Delay(TimeSpan.FromSeconds(attempt), cancellationToken).ConfigureAwait(false);
                            }
                        }
                    }
                """;
            var endlessRetry = $$"""
                    /// <summary>Keeps trying until the API answers.</summary>
                    public async Task<Message> AskUntilAnsweredAsync(string question)
                    {
                        while (true)
                        {
                            try
                            {
                                return await _client.Messages.Create(new MessageCreateParams
                                {
                                    Model = Model.ClaudeSonnet4_6,
                                    MaxTokens = 512,
                                    Messages = [new UserMessageParam(question)],
                                }).ConfigureAwait(false);
                            }
                            catch (HttpRequestException)
                            {
                                await Task.Delay(1000).ConfigureAwait(false);
                            }
                        }
                    }
                """;
            var cappedAgent = $$"""
                    /// <summary>Lets Claude ask for tools, at most eight turns.</summary>
                    public async Task<Message> ResolveAsync(string request, Func<Message, IEnumerable<MessageParam>> runTools)
                    {
                        var messages = new List<MessageParam> { new UserMessageParam(request) };
                        for (var turn = 0; turn < 8; turn++)
                        {
                            var response = await _client.Messages.Create(new MessageCreateParams
                            {
                                Model = Model.ClaudeSonnet4_6,
                                MaxTokens = 1024,
                                Messages = messages,
                            }).ConfigureAwait(false);
                            if (response.StopReason != StopReason.ToolUse)
                            {
                                return response;
                            }

                            messages.AddRange(runTools(response));
                        }

                        throw new InvalidOperationException("The {{topic.ToLowerInvariant()}} agent stopped after 8 turns.");
                    }
                """;
            var uncappedAgent = $$"""
                    /// <summary>Lets Claude ask for tools for as long as it wants.</summary>
                    public async Task<Message> SettleAsync(string request, Func<Message, IEnumerable<MessageParam>> runTools)
                    {
                        var messages = new List<MessageParam> { new UserMessageParam(request) };
                        while (true)
                        {
                            var response = await _client.Messages.Create(new MessageCreateParams
                            {
                                Model = Model.ClaudeSonnet4_6,
                                MaxTokens = 1024,
                                Messages = messages,
                            }).ConfigureAwait(false);
                            if (response.StopReason != StopReason.ToolUse)
                            {
                                return response;
                            }

                            messages.AddRange(runTools(response));
                        }
                    }
                """;
            var methods = variant switch
            {
                0 => new[] { plain, cached, shortPrompt, built, boundedRetry },
                1 => new[] { clock, cached, shortPrompt, endlessRetry, cappedAgent },
                _ => new[] { plain, built, conversation, shortPrompt, uncappedAgent },
            };

            return $$"""
                using Anthropic;
                using Anthropic.Models.Messages;
                using Contoso.Commerce.Prompts;

                namespace Contoso.Commerce.Assistants;

                /// <summary>The {{topic.ToLowerInvariant()}} assistant, through the official Anthropic SDK.</summary>
                public sealed class {{className}}
                {
                    private readonly IAnthropicClient _client;

                    public {{className}}(IAnthropicClient client)
                    {
                        _client = client ?? throw new ArgumentNullException(nameof(client));
                    }

                {{string.Join("\n\n", methods)}}

                    public static long Tokens(Message message) => message.Usage.InputTokens + message.Usage.OutputTokens;

                    public static IReadOnlyList<string> Labels(IEnumerable<string> answers) =>
                        answers.Select(answer => answer.Trim().ToLowerInvariant())
                            .Where(answer => answer is "question" or "complaint" or "praise" or "spam")
                            .Distinct(StringComparer.Ordinal)
                            .ToList();
                }

                """;
        }

        /// <summary>Requests through Microsoft.Extensions.AI, the client from AsIChatClient.</summary>
        public static string ChatClientSource(string className, string policy, string builder, string topic, int variant)
        {
            var plain = $$"""
                    /// <summary>The policy as a plain system message.</summary>
                    public async Task<string> AnswerAsync(string question, CancellationToken cancellationToken = default)
                    {
                        IChatClient chat = _client.AsIChatClient("claude-sonnet-4-6");
                        var response = await chat.GetResponseAsync(
                            [
                                new ChatMessage(ChatRole.System, {{policy}}.Text),
                                new ChatMessage(ChatRole.User, question),
                            ],
                            cancellationToken: cancellationToken).ConfigureAwait(false);
                        return response.Text;
                    }
                """;
            var cached = $$"""
                    /// <summary>The policy with a cache breakpoint.</summary>
                    public async Task<string> AnswerCachedAsync(string question, CancellationToken cancellationToken = default)
                    {
                        IChatClient chat = _client.AsIChatClient("claude-sonnet-4-6");
                        var response = await chat.GetResponseAsync(
                            [
                                new ChatMessage(ChatRole.System, [new TextContent({{policy}}.Text).WithCacheControl(Anthropic.Models.Messages.Ttl.Ttl5m)]),
                                new ChatMessage(ChatRole.User, question),
                            ],
                            cancellationToken: cancellationToken).ConfigureAwait(false);
                        return response.Text;
                    }
                """;
            var conversation = $$"""
                    /// <summary>A conversation id in front of the cached policy.</summary>
                    public async Task<string> StartConversationAsync(string question, CancellationToken cancellationToken = default)
                    {
                        IChatClient chat = _client.AsIChatClient("claude-sonnet-4-6");
                        var conversationId = Guid.NewGuid();
                        var response = await chat.GetResponseAsync(
                            [
                                new ChatMessage(ChatRole.System, [new TextContent($"Conversation {conversationId:N}.\n\n{{{policy}}.Text}").WithCacheControl(Anthropic.Models.Messages.Ttl.Ttl5m)]),
                                new ChatMessage(ChatRole.User, question),
                            ],
                            cancellationToken: cancellationToken).ConfigureAwait(false);
                        return response.Text;
                    }
                """;
            var options = $$"""
                    /// <summary>Instructions through ChatOptions, the built prompt as the system message.</summary>
                    public async Task<string> TriageAsync(string ticket, CancellationToken cancellationToken = default)
                    {
                        var options = new ChatOptions
                        {
                            ModelId = "claude-haiku-4-5",
                            MaxOutputTokens = 64,
                            Temperature = 0f,
                        };
                        var messages = new List<ChatMessage>
                        {
                            new(ChatRole.System, {{builder}}.Build()),
                            new(ChatRole.User, ticket),
                        };
                        var response = await _chat.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
                        return response.Text.Trim();
                    }
                """;
            var summary = $$"""
                    /// <summary>A one-off summary: no system prompt.</summary>
                    public async Task<string> SummarizeAsync(IEnumerable<string> notes, CancellationToken cancellationToken = default)
                    {
                        var text = string.Join(Environment.NewLine, notes.Where(note => !string.IsNullOrWhiteSpace(note)));
                        var response = await _chat.GetResponseAsync("Summarize these notes for the next agent in three bullet points:\n\n" + text, cancellationToken: cancellationToken).ConfigureAwait(false);
                        return response.Text;
                    }
                """;
            var methods = variant == 0 ? new[] { plain, cached, summary } : new[] { conversation, options, summary, cached };

            return $$"""
                using Anthropic;
                using Contoso.Commerce.Prompts;
                using Microsoft.Extensions.AI;

                namespace Contoso.Commerce.Assistants;

                /// <summary>The {{topic.ToLowerInvariant()}} chat, through Microsoft.Extensions.AI.</summary>
                public sealed class {{className}}
                {
                    private readonly IAnthropicClient _client;
                    private readonly IChatClient _chat;

                    public {{className}}(IAnthropicClient client)
                    {
                        _client = client;
                        _chat = client.AsIChatClient("claude-haiku-4-5");
                    }

                {{string.Join("\n\n", methods)}}
                }

                """;
        }

        /// <summary>Raw HttpClient calls to the Messages API: anonymous objects and JsonObject bodies.</summary>
        public static string RawHttpSource(string className, string policy, string topic, int variant)
        {
            var plain = $$"""
                    /// <summary>The policy posted at full price on every call.</summary>
                    public Task<string> AnswerAsync(string question, CancellationToken cancellationToken = default)
                    {
                        var body = new
                        {
                            model = "claude-sonnet-4-6",
                            max_tokens = 1024,
                            system = {{policy}}.Text,
                            messages = new[] { new { role = "user", content = question } },
                        };
                        return SendAsync(body, cancellationToken);
                    }
                """;
            var cached = $$"""
                    /// <summary>The policy with cache_control.</summary>
                    public Task<string> AnswerCachedAsync(string question, CancellationToken cancellationToken = default)
                    {
                        var body = new
                        {
                            model = "claude-sonnet-4-6",
                            max_tokens = 1024,
                            system = new[]
                            {
                                new { type = "text", text = {{policy}}.Text, cache_control = new { type = "ephemeral" } },
                            },
                            messages = new[] { new { role = "user", content = question } },
                        };
                        return SendAsync(body, cancellationToken);
                    }
                """;
            var clock = $$"""
                    /// <summary>The date and time in the block that carries cache_control.</summary>
                    public Task<string> AnswerWithTimeAsync(string question, CancellationToken cancellationToken = default)
                    {
                        var body = new
                        {
                            model = "claude-sonnet-4-6",
                            max_tokens = 1024,
                            system = new[]
                            {
                                new
                                {
                                    type = "text",
                                    text = {{policy}}.Text + "\n\nNow: " + DateTime.UtcNow.ToString("O"),
                                    cache_control = new { type = "ephemeral" },
                                },
                            },
                            messages = new[] { new { role = "user", content = question } },
                        };
                        return SendAsync(body, cancellationToken);
                    }
                """;
            var node = $$"""
                    /// <summary>A JsonObject body.</summary>
                    public Task<string> TriageAsync(string ticket, CancellationToken cancellationToken = default)
                    {
                        var body = new JsonObject
                        {
                            ["model"] = "claude-haiku-4-5",
                            ["max_tokens"] = 64,
                            ["system"] = {{policy}}.Text,
                            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = ticket }),
                        };
                        return SendAsync(body, cancellationToken);
                    }
                """;
            var count = $$"""
                    /// <summary>Token counting is free.</summary>
                    public async Task<int> CountTokensAsync(string text, CancellationToken cancellationToken = default)
                    {
                        var body = new
                        {
                            model = "claude-sonnet-4-6",
                            system = {{policy}}.Text,
                            messages = new[] { new { role = "user", content = text } },
                        };
                        using var request = new HttpRequestMessage(HttpMethod.Post, "https://api.anthropic.com/v1/messages/count_tokens") { Content = JsonContent.Create(body) };
                        request.Headers.Add("x-api-key", _apiKey);
                        request.Headers.Add("anthropic-version", "2023-06-01");
                        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                        var json = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken).ConfigureAwait(false);
                        return json?["input_tokens"]?.GetValue<int>() ?? 0;
                    }
                """;
            var methods = variant == 0 ? new[] { plain, cached, count } : new[] { clock, node, cached };

            return $$"""
                using System.Net.Http.Json;
                using System.Text.Json.Nodes;
                using Contoso.Commerce.Prompts;

                namespace Contoso.Commerce.Assistants;

                /// <summary>The {{topic.ToLowerInvariant()}} assistant over raw HTTP, no SDK.</summary>
                public sealed class {{className}}
                {
                    private const string Endpoint = "https://api.anthropic.com/v1/messages";

                    private readonly HttpClient _http;
                    private readonly string _apiKey;

                    public {{className}}(HttpClient http, string apiKey)
                    {
                        _http = http;
                        _apiKey = apiKey;
                    }

                {{string.Join("\n\n", methods)}}

                    private async Task<string> SendAsync<T>(T body, CancellationToken cancellationToken)
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = JsonContent.Create(body) };
                        request.Headers.Add("x-api-key", _apiKey);
                        request.Headers.Add("anthropic-version", "2023-06-01");
                        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                        response.EnsureSuccessStatusCode();
                        return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                    }
                }

                """;
        }

        /// <summary>A typed DTO body, a JSON text health check and a body assembled from a builder's prompt.</summary>
        public static string RawDtoSource(string className, string policy, string builder, string topic) => $$"""
            using System.Net.Http.Json;
            using System.Text;
            using System.Text.Json;
            using System.Text.Json.Serialization;
            using Contoso.Commerce.Prompts;

            namespace Contoso.Commerce.Assistants;

            public sealed record {{className}}Message([property: JsonPropertyName("role")] string Role, [property: JsonPropertyName("content")] string Content);

            public sealed class {{className}}Body
            {
                [JsonPropertyName("model")]
                public string Model { get; set; } = "";

                [JsonPropertyName("max_tokens")]
                public int MaxTokens { get; set; }

                [JsonPropertyName("system")]
                public string? System { get; set; }

                [JsonPropertyName("messages")]
                public List<{{className}}Message> Messages { get; set; } = new();
            }

            /// <summary>Relays {{topic.ToLowerInvariant()}} questions from the help desk to Claude.</summary>
            public sealed class {{className}}
            {
                private const string HealthCheck = "{\"model\":\"claude-haiku-4-5\",\"max_tokens\":8,\"messages\":[{\"role\":\"user\",\"content\":\"ping\"}]}";

                private readonly HttpClient _http;

                public {{className}}(HttpClient http)
                {
                    _http = http;
                    _http.DefaultRequestHeaders.Add("anthropic-version", "2023-06-01");
                }

                public async Task<string> RelayAsync(string question, CancellationToken cancellationToken = default)
                {
                    var body = new {{className}}Body
                    {
                        Model = "claude-sonnet-4-6",
                        MaxTokens = 800,
                        System = {{builder}}.Build(),
                        Messages = new List<{{className}}Message> { new("user", question) },
                    };
                    using var response = await _http.PostAsJsonAsync("https://api.anthropic.com/v1/messages", body, cancellationToken).ConfigureAwait(false);
                    return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                }

                public async Task<bool> PingAsync(CancellationToken cancellationToken = default)
                {
                    using var content = new StringContent(HealthCheck, Encoding.UTF8, "application/json");
                    using var response = await _http.PostAsync("https://api.anthropic.com/v1/messages", content, cancellationToken).ConfigureAwait(false);
                    return response.IsSuccessStatusCode;
                }

                public static int PolicyLength => {{policy}}.Text.Length;

                public static string Describe({{className}}Body body) => JsonSerializer.Serialize(new { body.Model, body.MaxTokens, messages = body.Messages.Count });
            }

            """;

        // ---------------------------------------------------------------- text

        private static readonly string[] PolicySentences =
        {
            "Answer from this policy only; when it does not cover a case, say that a colleague will follow up within one business day.",
            "Address the customer by the name on the order and keep the answer to three short paragraphs.",
            "Never ask for card numbers, bank details, passwords or photos of identity documents.",
            "Quote amounts with their currency and dates in the customer's locale.",
            "When the customer mentions a lawyer, a chargeback or a safety problem, hand the conversation to a colleague at once.",
            "Do not promise delivery dates, restock dates or discounts that the order system does not show.",
            "Explain the next step and who takes it; if you wait for something from the customer, say exactly what.",
            "Refunds go to the original payment method within five business days after the warehouse scans the parcel.",
            "Items marked final sale, personalised items, opened hygiene products and gift cards cannot be returned.",
            "Exchanges are possible once per item for another size or colour of the same product at the same price.",
            "Manufacturing defects are repaired or replaced within the warranty period of the product category.",
            "Wear and tear, misuse, washing against the care label and lost parts are not covered by the warranty.",
            "A parcel is late three business days after the latest promised delivery date; open a carrier investigation then.",
            "Business customers ordering more than twenty items are served by the account team, not by this assistant.",
            "Requests about personal data (access, correction, deletion) always go to the privacy team.",
            "Loyalty points expire twenty-four months after they were earned and cannot be paid out in cash.",
        };

        private static readonly string[] Countries = { "Germany", "Austria", "Netherlands", "Belgium", "France", "Denmark", "Sweden", "United Kingdom", "Switzerland", "Norway" };

        private static string PolicyText(string topic, int characters, Random random)
        {
            var builder = new StringBuilder();
            builder.Append("# Contoso Outfitters ").Append(topic.ToLowerInvariant()).Append(" policy\n\n");
            var section = 0;
            while (builder.Length < characters)
            {
                if (section % 3 == 0)
                {
                    builder.Append("## ").Append(Countries[(section / 3) % Countries.Length]).Append("\n\n");
                    builder.Append("Carrier and currency follow the delivery country. Standard delivery takes ").Append(2 + random.Next(5)).Append(" business days; returns are free within ").Append(30 + (15 * random.Next(4))).Append(" days.\n\n");
                }

                builder.Append("### Rule ").Append(section + 1).Append("\n\n");
                var count = 3 + random.Next(4);
                for (var i = 0; i < count; i++)
                {
                    builder.Append("- ").Append(PolicySentences[random.Next(PolicySentences.Length)]).Append('\n');
                }

                builder.Append('\n');
                section++;
            }

            return builder.ToString().TrimEnd();
        }

        private static string EmailTemplate(Random random, int characters)
        {
            var builder = new StringBuilder("Dear {customer},\n\nthank you for your order {number}. The total of {total} is due on {due}.\n\n");
            while (builder.Length < characters)
            {
                builder.Append(PolicySentences[random.Next(PolicySentences.Length)]).Append(' ');
                if (random.Next(4) == 0)
                {
                    builder.Append("\n\n");
                }
            }

            builder.Append("\n\nKind regards,\nContoso Outfitters customer care");
            return builder.ToString();
        }

        /// <summary>Indents every line of a raw string literal's content (no line may contain three double quotes).</summary>
        private static string Indent(string text, int spaces)
        {
            var prefix = new string(' ', spaces);
            return string.Join("\n", text.Replace("\r\n", "\n").Split('\n').Select(line => line.Length == 0 ? string.Empty : prefix + line));
        }

        private static List<string> Pick(Random random, List<string> items, int count)
        {
            var indexes = Enumerable.Range(0, items.Count).OrderBy(_ => random.Next()).Take(Math.Min(count, items.Count)).OrderBy(i => i).ToList();
            return indexes.Select(i => items[i]).ToList();
        }
    }
}
