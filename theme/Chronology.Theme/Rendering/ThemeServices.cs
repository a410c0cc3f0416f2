using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Components;

namespace Chronology.Theme;

/// <summary>
/// The services a page render asks for, and nothing else: the theme's components take no injected services, so a
/// dependency-injection container (built per renderer, resolving open generics by reflection) is not needed. The
/// renderer asks for an <see cref="IComponentActivator"/>: components are made with their parameterless
/// constructors, without the container-aware factory the default activator builds for each type.
/// </summary>
internal sealed class ThemeServices : IServiceProvider
{
    private static readonly IComponentActivator Activator = new ComponentActivator();

    public object? GetService(Type serviceType) => serviceType == typeof(IComponentActivator) ? Activator : null;

    private sealed class ComponentActivator : IComponentActivator
    {
        public IComponent CreateInstance([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] Type componentType) =>
            System.Activator.CreateInstance(componentType) as IComponent
            ?? throw new ArgumentException($"{componentType.FullName} is not a component", nameof(componentType));
    }
}
