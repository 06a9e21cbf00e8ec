using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Tests.Fakes;

/// <summary>
/// The data-protection key store a host falls back to when the app configures none: one of its own, in memory, as the
/// default folder (<c>~/.aspnet/DataProtection-Keys</c>) is on separate machines or in a fresh container. Without it,
/// every host in the test process would share that one folder, and a test that instances share their keys could not fail.
/// </summary>
internal sealed class MachineLocalKeyRing : IXmlRepository
{
    private readonly List<XElement> _elements = [];

    /// <summary>Gives the host its own key store unless the app has set a key repository.</summary>
    public static void AddTo(IServiceCollection services) =>
        services.PostConfigure<KeyManagementOptions>(o => o.XmlRepository ??= new MachineLocalKeyRing());

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        lock (_elements)
        {
            return [.. _elements.Select(e => new XElement(e))];
        }
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        lock (_elements)
        {
            _elements.Add(new XElement(element));
        }
    }
}
