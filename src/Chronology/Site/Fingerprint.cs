using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
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
/// dictionary as its set of pairs. What says where content came from is left out: messages show it, pages never do
/// (<see cref="Model.OnlyInMessagesAttribute"/>). A type that is neither a record, a collection, a primitive nor
/// <see cref="IFingerprinted"/> is refused, not skipped: a value the hash cannot see would make a stale page look
/// fresh.
/// </summary>
public sealed class Fingerprint
{
    private const int MaxDepth = 48;
    private static readonly ConcurrentDictionary<Type, FieldInfo[]> RecordFields = new();
    private byte[] _buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(4096); // returned once the hash is taken
    private int _used;
    private IncrementalHash? _hash; // only once the buffer has filled: most pages' inputs fit in it
    private byte[]? _result;

    /// <summary>
    /// Adds a value, whole. A record added this way is hashed once and its hash remembered for as long as the record
    /// lives (an entry is hashed for its own page and again as its neighbours' next and previous): the model is
    /// complete before any page is fingerprinted, and records do not change.
    /// </summary>
    public Fingerprint Add(object? value)
    {
        if (value is not null && !value.GetType().IsValueType && value is not string && IsRecord(value.GetType()))
        {
            Tag('r');
            Write(Remembered.GetValue(value, static record => HashOfRecord(record)));
            return this;
        }
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
        System.Buffers.ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        return _result;
    }

    /// <summary>The hash in lower-case hex.</summary>
    public override string ToString() => Convert.ToHexStringLower(Hash());

    /// <summary>The hash as a 128-bit number (its bytes read big-endian: in hex, the same digits as <see cref="ToString"/>).</summary>
    public UInt128 ToUInt128() => System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(Hash());

    /// <summary>The hash of one value.</summary>
    public static byte[] Of(object? value) => new Fingerprint().Add(value).Hash();

    private static byte[] HashOfRecord(object value)
    {
        var fingerprint = new Fingerprint();
        fingerprint.Value(value, 0);
        return fingerprint.Hash();
    }

    private static readonly ConditionalWeakTable<object, byte[]> Remembered = new();

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
                Text(NameOf(member.GetType()));
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
                Text(NameOf(value.GetType()));
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
        if (OnlyInMessages(type))
        {
            Tag('m'); // where content came from: in messages only, never on a page (OnlyInMessagesAttribute)
            return;
        }
        if (type.IsPrimitive || value is decimal)
        {
            Tag('n');
            Text(PrimitiveNames.GetOrAdd(type, static t => t.Name));
            Text(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture));
            return;
        }
        Tag('{');
        Text(NameOf(type));
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
    /// A record's state: every instance field, its own and its base records', public or not (a property's value is in
    /// its backing field; a computed property is made from the fields), by declaring type and name; but not a field
    /// marked as only for messages. Anything that is not a record is refused.
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Records come from the generator's own assemblies, which a native build keeps whole (TrimmerRootAssembly in Chronology.Cli); a record found without its fields is refused.")]
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "As above.")]
    private static FieldInfo[] FieldsOf(Type type) => RecordFields.GetOrAdd(type, static t =>
    {
        if (!IsRecord(t))
            throw new NotSupportedException($"fingerprint: {t} is not a record; make it one or implement {nameof(IFingerprinted)}");
        var fields = new List<FieldInfo>();
        for (var declaring = t; declaring is not null && declaring != typeof(object) && declaring != typeof(ValueType); declaring = declaring.BaseType)
            fields.AddRange(declaring.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(f => !f.IsDefined(typeof(Model.OnlyInMessagesAttribute), inherit: false))
                .OrderBy(f => f.Name, StringComparer.Ordinal));
        // A record with properties but no fields to read has lost them to trimming (a native app that does not keep
        // the assembly whole): refused, as a value the hash cannot see would make a stale page look fresh.
        if (fields.Count == 0 && t.GetProperties(BindingFlags.Instance | BindingFlags.Public).Length > 0)
            throw new NotSupportedException($"fingerprint: the fields of {t} cannot be read (trimmed?)");
        return [.. fields];
    });

    private static bool OnlyInMessages(Type type) => MessagesOnly.GetOrAdd(type, static t => t.IsDefined(typeof(Model.OnlyInMessagesAttribute), inherit: false));

    private static readonly ConcurrentDictionary<Type, bool> MessagesOnly = new();

    /// <summary>The compiler gives every record (class or struct) a PrintMembers method; a class with hidden state has none.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Records come from the generator's own assemblies, which a native build keeps whole; a record that lost its PrintMembers is refused, never skipped.")]
    private static bool IsRecord(Type type) => Records.GetOrAdd(type, static t =>
        t.GetMethod("PrintMembers", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public) is not null);

    private static readonly ConcurrentDictionary<Type, bool> Records = new();

    /// <summary>A type's full name, asked once: a native app works it out from metadata at every asking.</summary>
    private static string NameOf(Type type) => TypeNames.GetOrAdd(type, static t => t.FullName!);

    private static readonly ConcurrentDictionary<Type, string> TypeNames = new();
    private static readonly ConcurrentDictionary<Type, string> PrimitiveNames = new();

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

    /// <summary>
    /// The code that turns a model into pages, hashed: each assembly's build (its module version id, which changes with
    /// any change to its code) and the full names, versions included, of every assembly they use. A native app has no
    /// module ids to ask: there the executable, which holds all the code, is identified by the build id its linker
    /// wrote into it (a hash of its contents), or, without one, hashed whole.
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Only where code is loaded as IL (RuntimeFeature.IsDynamicCodeSupported); a native app identifies its executable instead.")]
    public static byte[] OfCode(params System.Reflection.Assembly[] assemblies)
    {
        var code = new Fingerprint();
        if (!RuntimeFeature.IsDynamicCodeSupported && Environment.ProcessPath is { } executable)
            return code.AddHash(ElfBuildId(executable) ?? SHA256.HashData(File.ReadAllBytes(executable))).Hash();
        foreach (var assembly in assemblies)
        {
            code.Add(assembly.ManifestModule.ModuleVersionId.ToString());
            foreach (var used in assembly.GetReferencedAssemblies().Select(a => a.FullName).Order(StringComparer.Ordinal)) code.Add(used);
        }
        return code.Hash();
    }

    /// <summary>
    /// The GNU build id of a 64-bit little-endian ELF executable (the note <c>NT_GNU_BUILD_ID</c> in a <c>PT_NOTE</c>
    /// segment), or null if it is not one or has none. Only the headers and notes are read.
    /// </summary>
    public static byte[]? ElfBuildId(string path)
    {
        try
        {
            using var file = File.OpenHandle(path);
            var header = new byte[64];
            if (RandomAccess.Read(file, header, 0) < 64 || header[0] != 0x7F || header[1] != 'E' || header[2] != 'L' || header[3] != 'F' || header[4] != 2 || header[5] != 1) return null;
            var (segments, size, count) = (BitConverter.ToInt64(header, 0x20), BitConverter.ToUInt16(header, 0x36), BitConverter.ToUInt16(header, 0x38));
            var table = new byte[size * count];
            if (RandomAccess.Read(file, table, segments) < table.Length) return null;
            for (var i = 0; i < count; i++)
            {
                if (BitConverter.ToUInt32(table, i * size) != 4) continue; // PT_NOTE
                var notes = new byte[Math.Min(BitConverter.ToInt64(table, i * size + 0x20), 1 << 16)];
                if (RandomAccess.Read(file, notes, BitConverter.ToInt64(table, i * size + 0x08)) < notes.Length) return null;
                for (var at = 0; at + 12 <= notes.Length;)
                {
                    var (name, description, type) = (BitConverter.ToInt32(notes, at), BitConverter.ToInt32(notes, at + 4), BitConverter.ToUInt32(notes, at + 8));
                    var descriptionAt = at + 12 + ((name + 3) & ~3);
                    if (name < 0 || description < 0 || descriptionAt + description > notes.Length) break;
                    if (type == 3 && name == 4 && notes.AsSpan(at + 12, 4).SequenceEqual("GNU\0"u8)) return notes[descriptionAt..(descriptionAt + description)];
                    at = descriptionAt + ((description + 3) & ~3);
                }
            }
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or OverflowException)
        {
            return null; // unreadable, or headers that do not hold together: not an executable whose id can be read
        }
    }
}

/// <summary>A value that is not a record says itself what a <see cref="Fingerprint"/> must see of it.</summary>
public interface IFingerprinted
{
    void AddTo(Fingerprint fingerprint);
}
