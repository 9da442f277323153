using System.Collections;
using System.Reflection;

namespace CancelWorkflows.Service.Tests.Contracts;

/// <summary>An instance of a type with every property (and constructor parameter) set to a value that is not its default,
/// nested objects and lists included, so a mapping that forgets one shows it.</summary>
public static class EveryPropertySet
{
    private static readonly DateTimeOffset Base = new(2026, 3, 29, 1, 30, 0, TimeSpan.FromHours(1));

    public static T Create<T>() => (T)Create(typeof(T), typeof(T).Name);

    private static object Create(Type type, string name)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return name + "-value";
        }

        if (type == typeof(bool))
        {
            return true;
        }

        if (type == typeof(int) || type == typeof(long))
        {
            return Convert.ChangeType(10 + name.Length, type, System.Globalization.CultureInfo.InvariantCulture);
        }

        if (type == typeof(DateTimeOffset))
        {
            return Base.AddMinutes(name.Length);
        }

        if (type.IsGenericType && type.GetGenericArguments() is [var key, var value] && typeof(IDictionary).IsAssignableFrom(type))
        {
            var dictionary = (IDictionary)Activator.CreateInstance(type)!;
            dictionary.Add(Create(key, name + "Key"), Create(value, name + "Value"));
            return dictionary;
        }

        if (type.IsGenericType && type.GetGenericArguments() is [var item] && typeof(IList).IsAssignableFrom(type))
        {
            var list = (IList)Activator.CreateInstance(type)!;
            list.Add(Create(item, name + "Item"));
            return list;
        }

        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var instance = constructor.Invoke([.. constructor.GetParameters().Select(p => Create(p.ParameterType, p.Name!))]);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }))
        {
            property.SetValue(instance, Create(property.PropertyType, property.Name));
        }

        return instance;
    }
}
