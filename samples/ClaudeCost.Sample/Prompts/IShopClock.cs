namespace ClaudeCost.Sample.Prompts;

/// <summary>
/// The shop's clock abstraction (injected so tests can freeze time). The analyzers cannot see what an interface
/// returns, so .editorconfig lists <c>ClaudeCost.Sample.Prompts.IShopClock.Now</c> in
/// <c>claudecost.cc0001.extra_volatile_members</c>: it is then treated like DateTime.Now.
/// </summary>
public interface IShopClock
{
    DateTimeOffset Now { get; }
}

/// <summary>The production clock.</summary>
public sealed class SystemShopClock : IShopClock
{
    public DateTimeOffset Now => TimeProvider.System.GetLocalNow();
}
