using ClaudeCost.Analyzers.Configuration;
using ClaudeCost.Analyzers.Knowledge;
using ClaudeCost.Analyzers.Requests;

namespace ClaudeCost.Analyzers.Rules
{
    /// <summary>The model whose minimum, tokenizer and prices a rule applies to a request, and how the message names it.</summary>
    internal readonly struct ResolvedModel
    {
        private ResolvedModel(ModelInfo? model, ModelInfo? pricing, string display, int minCacheableTokens, TokenizerGeneration tokenizer, bool assumed)
        {
            Model = model;
            Pricing = pricing;
            Display = display;
            MinCacheableTokens = minCacheableTokens;
            Tokenizer = tokenizer;
            Assumed = assumed;
        }

        /// <summary>The request's model, when the table knows it.</summary>
        public ModelInfo? Model { get; }

        /// <summary>The model whose prices the message quotes (the request's, or an assumed one).</summary>
        public ModelInfo? Pricing { get; }

        public string Display { get; }

        public int MinCacheableTokens { get; }

        public TokenizerGeneration Tokenizer { get; }

        public bool Assumed { get; }

        public static ResolvedModel For(ClaudeRequest request, ModelCatalog catalog, ClaudeCostOptions options)
        {
            if (request.Model?.Id is { } id && catalog.TryResolve(id, out var match))
            {
                var model = match.Model;
                var pricing = model.Prices != null ? model : catalog.DefaultPricingModel;
                var display = model.Prices != null ? match.CanonicalId : match.CanonicalId + " (no published price; priced as " + catalog.DefaultPricingModel.Id + ")";
                return new ResolvedModel(model, pricing, display, model.MinCacheableTokens ?? catalog.LargestMinCacheableTokens, model.Tokenizer, assumed: false);
            }

            if (options.DefaultModel != null && catalog.TryResolve(options.DefaultModel, out var configured))
            {
                var model = configured.Model;
                return new ResolvedModel(model, model.Prices != null ? model : catalog.DefaultPricingModel, configured.CanonicalId + " (claudecost.default_model)", model.MinCacheableTokens ?? catalog.LargestMinCacheableTokens, model.Tokenizer, assumed: true);
            }

            var fallback = catalog.DefaultPricingModel;
            var reason = request.Model?.Id != null ? "model not in the ClaudeCost table" : "model not a constant";
            return new ResolvedModel(null, fallback, fallback.Id + " (assumed: " + reason + ")", catalog.LargestMinCacheableTokens, TokenizerGeneration.Legacy, assumed: true);
        }
    }
}
