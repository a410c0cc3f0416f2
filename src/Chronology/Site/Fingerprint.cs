using System.Buffers;
using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Chronology.Site;

/// <summary>
/// What a page was made from, reduced to a hash: a page whose inputs hash the same as last time is the same page,
/// and the build takes it from its previous output instead of rendering it again. Values are added whole: a record
/// by every public property (its type named too, so an interval never hashes as a point), a list item by item, a
/// dictionary as its set of pairs. A type that is neither a record, a collection, a primitive nor
/// <see cref="IFingerprinted"/> is refused, not skipped: a value the hash cannot see would make a stale page look
/// fresh.
/// </summary>
public sealed class Fingerprint
{
    private const int MaxDepth = 48;
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> RecordProperties = new();
    private readonly ArrayBufferWriter<byte> _bytes = new(1024);

    /// <summary>Adds a value, whole.</summary>
    public Fingerprint Add(object? value)
    {
        Value(value, 0);
        return this;
    }

    /// <summary>Adds another fingerprint's hash (the parts every page shares, hashed once).</summary>
    public Fingerprint Add(Fingerprint other) => AddHash(other.Hash());

    /// <summary>Adds a hash made earlier.</summary>
    public Fingerprint AddHash(ReadOnlySpan<byte> hash)
    {
        Tag('h');
        Write(hash);
        return this;
    }

    /// <summary>The hash of everything added: 16 bytes of SHA-256.</summary>
    public byte[] Hash() => SHA256.HashData(_bytes.WrittenSpan)[..16];

    /// <summary>The hash in lower-case hex.</summary>
    public override string ToString() => Convert.ToHexStringLower(Hash());

    /// <summary>The hash of one value.</summary>
    public static byte[] Of(object? value) => new Fingerprint().Add(value).Hash();

    private void Value(object? value, int depth)
    {
        if (depth > MaxDepth) throw new InvalidOperationException($"fingerprint: values nested more than {MaxDepth} deep (a cycle?) at {value?.GetType()}");
        switch (value)
        {
            case null:
                Tag('0');
                return;
            case string text:
                Tag('s');
                Text(text);
                return;
            case bool flag:
                Tag(flag ? 'T' : 'F');
                return;
            case Enum member:
                Tag('e');
                Text(member.GetType().FullName!);
                Text(member.ToString("D"));
                return;
            case DateTimeOffset moment:
                Tag('d');
                Number(moment.UtcTicks);
                Number(moment.Offset.Ticks);
                return;
            case DateTime time:
                Tag('t');
                Number(time.Ticks);
                Number((long)time.Kind);
                return;
            case DateOnly day:
                Tag('D');
                Number(day.DayNumber);
                return;
            case IFingerprinted own:
                Tag('f');
                Text(value.GetType().FullName!);
                own.AddTo(this);
                return;
            case IDictionary dictionary:
                Pairs(dictionary, depth);
                return;
            case IEnumerable items:
                Tag('[');
                foreach (var item in items) Value(item, depth + 1);
                Tag(']');
                return;
            case ITuple tuple:
                Tag('(');
                for (var i = 0; i < tuple.Length; i++) Value(tuple[i], depth + 1);
                Tag(')');
                return;
        }
        var type = value.GetType();
        if (type.IsPrimitive || value is decimal)
        {
            Tag('n');
            Text(type.Name);
            Text(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture));
            return;
        }
        Tag('{');
        Text(type.FullName!);
        foreach (var property in PropertiesOf(type)) Value(property.GetValue(value), depth + 1);
        Tag('}');
    }

    /// <summary>A dictionary's pairs in no particular order: each pair hashed alone, the hashes sorted.</summary>
    private void Pairs(IDictionary dictionary, int depth)
    {
        var pairs = new List<byte[]>(dictionary.Count);
        foreach (DictionaryEntry pair in dictionary)
        {
            var one = new Fingerprint();
            one.Value(pair.Key, depth + 1);
            one.Value(pair.Value, depth + 1);
            pairs.Add(one.Hash());
        }
        pairs.Sort((a, b) => a.AsSpan().SequenceCompareTo(b));
        Tag('<');
        foreach (var pair in pairs) Write(pair);
        Tag('>');
    }

    /// <summary>A record's state (or a key-value pair's): its public instance properties, by name. Anything else is refused.</summary>
    private static PropertyInfo[] PropertiesOf(Type type) => RecordProperties.GetOrAdd(type, static t =>
    {
        // The compiler gives every record (class or struct) a PrintMembers method; a class with hidden state does not.
        var pair = t.IsGenericType && t.GetGenericTypeDefinition() == typeof(KeyValuePair<,>);
        if (!pair && t.GetMethod("PrintMembers", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public) is null)
            throw new NotSupportedException($"fingerprint: {t} is not a record; make it one or implement {nameof(IFingerprinted)}");
        return [.. t.GetProperties(BindingFlags.Instance | BindingFlags.Public)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .OrderBy(p => p.Name, StringComparer.Ordinal)];
    });

    private void Tag(char tag) => _bytes.Write([(byte)tag]);

    private void Number(long number) => _bytes.Write(MemoryMarshal.AsBytes(new ReadOnlySpan<long>(in number)));

    private void Text(string text)
    {
        Number(text.Length);
        Write(MemoryMarshal.AsBytes(text.AsSpan()));
    }

    private void Write(ReadOnlySpan<byte> bytes) => _bytes.Write(bytes);
}

/// <summary>A value that is not a record says itself what a <see cref="Fingerprint"/> must see of it.</summary>
public interface IFingerprinted
{
    void AddTo(Fingerprint fingerprint);
}
