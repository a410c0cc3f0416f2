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
/// by every field (its type named too, so an interval never hashes as a point), a list item by item, a
/// dictionary as its set of pairs. A type that is neither a record, a collection, a primitive nor
/// <see cref="IFingerprinted"/> is refused, not skipped: a value the hash cannot see would make a stale page look
/// fresh.
/// </summary>
public sealed class Fingerprint
{
    private const int MaxDepth = 48;
    private static readonly ConcurrentDictionary<Type, FieldInfo[]> RecordFields = new();
    private readonly byte[] _buffer = new byte[4096];
    private int _used;
    private IncrementalHash? _hash; // only once the buffer has filled: most pages' inputs fit in it
    private byte[]? _result;

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

    /// <summary>The hash of everything added: 16 bytes of SHA-256. Nothing can be added after it is taken.</summary>
    public byte[] Hash()
    {
        if (_result is not null) return _result;
        if (_hash is null) _result = SHA256.HashData(_buffer.AsSpan(0, _used))[..16];
        else
        {
            _hash.AppendData(_buffer, 0, _used);
            _result = _hash.GetHashAndReset()[..16];
            _hash.Dispose();
        }
        return _result;
    }

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
        foreach (var field in FieldsOf(type)) Value(field.GetValue(value), depth + 1);
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

    /// <summary>
    /// A record's state (or a key-value pair's): every instance field, its own and its base records', public or not
    /// (a property's value is in its backing field; a computed property is made from the fields), by declaring type
    /// and name. Anything that is not a record is refused.
    /// </summary>
    private static FieldInfo[] FieldsOf(Type type) => RecordFields.GetOrAdd(type, static t =>
    {
        var pair = t.IsGenericType && t.GetGenericTypeDefinition() == typeof(KeyValuePair<,>);
        // The compiler gives every record (class or struct) a PrintMembers method; a class with hidden state does not.
        if (!pair && t.GetMethod("PrintMembers", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public) is null)
            throw new NotSupportedException($"fingerprint: {t} is not a record; make it one or implement {nameof(IFingerprinted)}");
        var fields = new List<FieldInfo>();
        for (var declaring = t; declaring is not null && declaring != typeof(object) && declaring != typeof(ValueType); declaring = declaring.BaseType)
            fields.AddRange(declaring.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly).OrderBy(f => f.Name, StringComparer.Ordinal));
        return [.. fields];
    });

    private void Tag(char tag) => Write([(byte)tag]);

    private void Number(long number) => Write(MemoryMarshal.AsBytes(new ReadOnlySpan<long>(in number)));

    private void Text(string text)
    {
        Number(text.Length);
        Write(MemoryMarshal.AsBytes(text.AsSpan()));
    }

    private void Write(ReadOnlySpan<byte> bytes)
    {
        if (_result is not null) throw new InvalidOperationException("fingerprint: added to after its hash was taken");
        while (bytes.Length > 0)
        {
            if (_used == _buffer.Length)
            {
                _hash ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                _hash.AppendData(_buffer);
                _used = 0;
            }
            var n = Math.Min(bytes.Length, _buffer.Length - _used);
            bytes[..n].CopyTo(_buffer.AsSpan(_used));
            _used += n;
            bytes = bytes[n..];
        }
    }
}

/// <summary>A value that is not a record says itself what a <see cref="Fingerprint"/> must see of it.</summary>
public interface IFingerprinted
{
    void AddTo(Fingerprint fingerprint);
}
