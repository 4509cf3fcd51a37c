using CommunitySafety.Contracts;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CommunitySafety.EndToEndTests;

/// <summary>An HTTP operation as a service's OpenAPI document describes it.</summary>
public sealed record FuzzOperation(string Service, string Method, string PathTemplate,
    IReadOnlyList<FuzzParameter> Parameters, JsonNode? BodySchema, OpenApiSchemas Schemas);

public sealed record FuzzParameter(string Name, string In, JsonNode? Schema, bool Required);

/// <summary>Who sends a request: a user with every role, nobody, or someone with a token the gateway must refuse.</summary>
public enum FuzzCaller { AllRoles, Anonymous, GarbageToken, ExpiredToken, WrongKeyToken }

/// <summary>One generated request. <see cref="Body"/> is sent as bytes so that invalid UTF-8 can be sent too.</summary>
public sealed record FuzzRequest(int Index, string Kind, string Method, string Url, string PathTemplate,
    byte[]? Body, string? ContentType, IReadOnlyList<KeyValuePair<string, string>> Headers, FuzzCaller Caller,
    bool Malformed)
{
    public string Describe()
    {
        var body = Body is null ? "(none)" : Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 240)) + (Body.Length > 240 ? $"… ({Body.Length} bytes)" : "");
        var headers = string.Join("; ", Headers.Select(h => $"{h.Key}: {Clip(h.Value, 80)}"));
        return $"#{Index} [{Kind}] {Method} {Clip(Url, 240)} caller={Caller} content-type={ContentType ?? "(none)"} headers=[{headers}] body={body}";
    }

    internal static string Clip(string text, int length) => text.Length <= length ? text : text[..length] + $"… ({text.Length} chars)";
}

/// <summary>Resolves <c>$ref</c>s of one OpenAPI document and the shapes .NET's generator emits (3.1 type arrays, oneOf with null).</summary>
public sealed class OpenApiSchemas(JsonNode document)
{
    public JsonNode? Resolve(JsonNode? schema, int depth = 0)
    {
        while (schema?["$ref"]?.GetValue<string>() is { } reference && depth++ < 20)
        {
            var name = reference.Split('/')[^1];
            schema = document["components"]?["schemas"]?[name];
        }
        // nullable references: { oneOf: [ { type: null }, { $ref } ] } (or anyOf)
        foreach (var key in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema?[key] is JsonArray options)
            {
                var first = options.FirstOrDefault(o => o is not null && Types(o).All(t => t != "null") || o?["$ref"] is not null);
                if (first is not null && depth < 20) return Resolve(first, depth + 1);
            }
        }
        return schema;
    }

    public static IReadOnlyList<string> Types(JsonNode? schema) => schema?["type"] switch
    {
        JsonValue v => [v.GetValue<string>()],
        JsonArray a => a.Select(t => t!.GetValue<string>()).ToList(),
        _ => schema?["properties"] is not null ? ["object"] : [],
    };

    /// <summary>The main type: the first that is not null, and not the "string" .NET adds to numbers readable from strings.</summary>
    public static string MainType(JsonNode? schema)
    {
        var types = Types(schema).Where(t => t != "null").ToList();
        if (schema?["enum"] is not null) return "enum";
        if (types.Count == 0) return "any";
        return types.FirstOrDefault(t => t != "string") ?? types[0];
    }
}

/// <summary>
/// Deterministic generator of malformed (and some well-formed) requests for an operation: request <c>i</c> of seed
/// <c>s</c> is always the same request, so a failure can be reproduced from the two numbers.
/// </summary>
public static class RequestFuzzer
{
    public static readonly string[] HugeStringSizes = ["100kB", "1MB"];

    private static readonly string[] UnicodeStrings =
    [
        "😀👩🏽‍⚕️🏳️‍🌈", "مرحبا بالعالم", "‮gnp.exe", "e\u0301\u0301\u0301\u0301\u0301\u0301", "Z̷̢̛̫͓̈́͊a̶̗̓l̷̰̋g̸̡̈o̷͍͗",
        "\uFEFFbom", "\u200B\u200C\u200D", "ﷺ", "𝕳𝖊𝖑𝖑𝖔", "\u2028\u2029", "日本語のテキスト", "\t\r\n", "<script>alert(1)</script>",
        "'; DROP TABLE mt_events; --", "%s%s%n", "{{7*7}}", "../../etc/passwd", " ", "",
    ];

    /// <summary>JSON string literals (already escaped) that System.Text.Json or PostgreSQL may choke on.</summary>
    private static readonly string[] NastyJsonStringLiterals =
    [
        "\"\\u0000\"", "\"a\\u0000b\"", "\"\\ud800\"", "\"\\udfff\"", "\"x\\ud83d\"", "\"\\uffff\"", "\"\\u001f\"",
        "\"\\ud800\\u0000\\udfff\"",
    ];

    private static readonly string[] BadGuids =
    [
        "not-a-guid", "00000000-0000-0000-0000-000000000000", "0", "-1", "12345678-1234-1234-1234-1234567890abX",
        "{12345678-1234-1234-1234-1234567890ab}", "%01", "%7F", "%2e%2e%2f", "%F0%9F%98%80", "%ZZ", "null", "undefined",
        "%20", "' or 1=1 --", "ffffffffffffffffffffffffffffffff", new string('a', 2000),
    ];

    private static readonly string[] BadDates =
    [
        "0000-01-01", "9999-12-31T23:59:59Z+99", "9999-12-31T23:59:59+99:00", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.9999999Z",
        "2026-02-30", "2026-13-01", "yesterday", "", "1e10", "2026-05-01T25:61:61Z", "-2026-05-01",
    ];

    private static readonly string[] BadNumbers =
    [
        "1e400", "-1e400", "99999999999999999999999999999999", "-99999999999999999999999999999999", "2147483648", "-2147483649",
        "9223372036854775808", "0.1234567890123456789012345678901234567890", "-0", "1.5", "-1", "0", "1E+2", "NaN",
        "\"NaN\"", "\"Infinity\"", "\"12abc\"", "\"\"", "79228162514264337593543950336", "-79228162514264337593543950335.5",
    ];

    private static readonly string[] NotJsonBodies =
    [
        "hello", "{", "}", "{\"a\":}", "{'single':'quotes'}", "{\"a\":1,}", "[1,2", "<xml/>", "nul", "tru", "\"unterminated",
        "{\"a\":1}{\"b\":2}", "{\"a\":\"\\x\"}", "{\"a\":01}", "{\"a\":.5}", "{\"a\":+1}", "/* comment */ {}", "{\"a\": NaN}",
    ];

    private static readonly string[] WrongShapeBodies = ["[]", "[{}]", "42", "-1.5", "\"text\"", "true", "false", "null", "{}", "\"\"", "[null]"];

    private static readonly string[] BadIfMatch =
    [
        "garbage", "W/\"x\"", "W/\"1\"", "\"-1\"", "\"abc\"", "\"99999999999999999999\"", "\"1\", \"2\"", "\"", "\"\"", "1", "\"0\"",
        "\"9223372036854775807\"", "*, \"1\"",
    ];

    private static readonly string[] BadAccept = ["image/png", "application/xml", "text/html", "*/*;q=0", "garbage", "application/json;q=0"];

    private static readonly string[] BadContentTypes =
    [
        "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=utf-16",
        "application/json; charset=nonsense", "garbage", "image/png", "application/problem+json",
    ];

    public const int KindCount = 20;

    public static FuzzRequest Generate(int seed, int index, IReadOnlyList<FuzzOperation> operations, int? kind = null)
    {
        var random = new Random(unchecked(seed * 1_000_003 + index));
        var operation = operations[index % operations.Count];
        var chosen = random.Next(KindCount);
        return new Builder(random, operation, index).Build(kind ?? chosen);
    }

    private sealed class Builder(Random random, FuzzOperation op, int index)
    {
        private readonly Dictionary<string, string> _path = new();
        private readonly Dictionary<string, string> _query = new();
        private readonly List<KeyValuePair<string, string>> _headers = [];
        private string _method = op.Method;
        private string? _body;
        private byte[]? _bodyBytes;
        private string? _contentType;
        private FuzzCaller _caller = FuzzCaller.AllRoles;
        private string _kind = "";
        private bool _malformed = true;
        /// <summary>Raw JSON put in place of placeholder strings last: a JsonNode cannot hold some of it (lone surrogates, 1e400).</summary>
        private readonly Dictionary<string, string> _literals = new();
        private int _mutations;

        public FuzzRequest Build(int kind)
        {
            foreach (var p in op.Parameters.Where(p => p.In == "path")) _path[p.Name] = Uri.EscapeDataString(ValidScalar(p.Schema));
            foreach (var p in op.Parameters.Where(p => p.In == "query" && (p.Required || random.Next(3) == 0)))
                _query[p.Name] = Uri.EscapeDataString(ValidScalar(p.Schema));
            if (op.BodySchema is not null)
            {
                _body = ValidJson(op.BodySchema, 0)?.ToJsonString() ?? "null";
                _contentType = "application/json";
            }

            // operations without a body get body mutations turned into something else that applies to them
            if (op.BodySchema is null && kind is >= 1 and <= 7) kind = 10 + random.Next(8);
            switch (kind)
            {
                case 0:
                    _kind = "valid-shape, random ids";
                    _malformed = false;
                    break;
                case 1:
                    _body = Pick(NotJsonBodies);
                    _kind = "not JSON";
                    break;
                case 2:
                    _body = _body![..random.Next(Math.Max(1, _body!.Length))];
                    _kind = "truncated JSON";
                    break;
                case 3:
                    _body = Pick(WrongShapeBodies);
                    _kind = "wrong JSON shape";
                    _malformed = _body != "{}";
                    break;
                case 4:
                    MutateField();
                    break;
                case 5:
                    MutateField();
                    MutateField();
                    break;
                case 6:
                    _contentType = random.Next(5) == 0 ? null : Pick(BadContentTypes);
                    _kind = "content type " + (_contentType ?? "(none)");
                    if (random.Next(2) == 0) _body = "<request><name>x</name></request>";
                    _malformed = _contentType is null || !_contentType.StartsWith("application/", StringComparison.Ordinal) || _contentType.Contains("form");
                    break;
                case 7:
                    OddBody();
                    break;
                case 8:
                case 9:
                    BadPathParameter();
                    break;
                case 10:
                case 11:
                    BadQueryParameter();
                    break;
                case 12:
                    _headers.Add(new("If-Match", Pick(BadIfMatch)));
                    _kind = "If-Match " + _headers[^1].Value;
                    // a read or a creation has no version to compare: If-Match may be ignored there
                    _malformed = op.Method is not ("GET" or "POST") && (!_headers[^1].Value.StartsWith('"') || _headers[^1].Value == "\"");
                    break;
                case 13:
                    _headers.Add(new("Accept", Pick(BadAccept)));
                    _kind = "Accept " + _headers[^1].Value;
                    _malformed = false;
                    break;
                case 14:
                    BadHeader();
                    break;
                case 15:
                    _caller = random.Next(4) switch
                    {
                        0 => FuzzCaller.Anonymous,
                        1 => FuzzCaller.GarbageToken,
                        2 => FuzzCaller.ExpiredToken,
                        _ => FuzzCaller.WrongKeyToken,
                    };
                    _kind = "caller " + _caller;
                    _malformed = false;
                    if (_caller == FuzzCaller.Anonymous && random.Next(2) == 0) MutateField();
                    break;
                case 16:
                    _method = Pick(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "PROPFIND"]);
                    _kind = "method " + _method;
                    _malformed = false; // another operation may have this method on the same path
                    break;
                case 17:
                    _kind = "unknown route";
                    return Request(Pick([
                        $"/api/{Service(op.Service)}/no-such-thing", $"/api/{Service(op.Service)}/{Guid.NewGuid()}/x/y/z",
                        "/api/nope", "/api/", "/api", $"{Path()}/extra", $"{Path()}%2F..%2F..", "/api/" + new string('x', 3000), "/api/%E2%82", "/api/%FF%FE",
                    ]));
                default:
                    // the commonest bug class: a field of a valid body given a wrong value
                    if (op.BodySchema is not null) MutateField();
                    else if (op.Parameters.Any(p => p.In == "path")) BadPathParameter();
                    else BadQueryParameter();
                    break;
            }
            return Request(Path() + Query());
        }

        private static string Service(string name) => Platform.Services.Single(s => s.Name == name).ApiPrefix;

        private FuzzRequest Request(string url)
        {
            foreach (var (placeholder, literal) in _literals) _body = _body?.Replace($"\"{placeholder}\"", literal);
            _bodyBytes ??= _body is null ? null : Encoding.UTF8.GetBytes(_body);
            return new FuzzRequest(index, _kind, _method, url, op.PathTemplate, _bodyBytes, _bodyBytes is null ? null : _contentType,
                _headers, _caller, _malformed);
        }

        private string Path()
        {
            var path = op.PathTemplate;
            foreach (var (name, value) in _path) path = path.Replace("{" + name + "}", value);
            return path;
        }

        private string Query() => _query.Count == 0 ? "" : "?" + string.Join("&", _query.Select(q => $"{Uri.EscapeDataString(q.Key)}={q.Value}"));

        private void BadPathParameter()
        {
            var parameters = op.Parameters.Where(p => p.In == "path").ToList();
            if (parameters.Count == 0)
            {
                BadQueryParameter();
                return;
            }
            var p = parameters[random.Next(parameters.Count)];
            _path[p.Name] = random.Next(4) == 0 ? Uri.EscapeDataString(BadScalar(p.Schema)) : Pick(BadGuids);
            _kind = $"path {p.Name}={RequestClip(_path[p.Name])}";
        }

        private void BadQueryParameter()
        {
            var parameters = op.Parameters.Where(p => p.In == "query").ToList();
            if (parameters.Count == 0 || random.Next(5) == 0)
            {
                _query[Pick(["limit", "after", "from", "x", "page", "$filter"])] = Uri.EscapeDataString(Pick(["-1", "abc", "1e400", "", "\0"]));
                _kind = "unknown query parameter";
                _malformed = false;
                return;
            }
            var p = parameters[random.Next(parameters.Count)];
            var value = random.Next(6) switch
            {
                0 => Pick(BadGuids),
                1 => Pick(BadDates),
                2 => Pick(BadNumbers).Trim('"'),
                3 => new string('9', 3000),
                4 => Pick(UnicodeStrings),
                _ => BadScalar(p.Schema),
            };
            _query[p.Name] = Uri.EscapeDataString(value);
            if (random.Next(4) == 0) _query[p.Name] += "&" + Uri.EscapeDataString(p.Name) + "=" + Uri.EscapeDataString(value); // repeated
            _kind = $"query {p.Name}={RequestClip(value)}";
            _malformed = false; // a weird but parseable value (e.g. a unicode search text) may well be fine
        }

        private void BadHeader()
        {
            switch (random.Next(5))
            {
                case 0:
                    _headers.Add(new("X-Fuzz", new string('h', random.Next(2) == 0 ? 8_000 : 16_000)));
                    _kind = "huge header";
                    break;
                case 1:
                    _headers.Add(new("If-None-Match", Pick(BadIfMatch)));
                    _kind = "If-None-Match";
                    break;
                case 2:
                    _headers.Add(new("Idempotency-Key", Pick(UnicodeStrings.Where(s => s.All(c => c is >= ' ' and < (char)127)).ToArray()) + Pick(BadGuids)));
                    _kind = "Idempotency-Key";
                    break;
                case 3:
                    _headers.Add(new("X-Forwarded-For", Pick(["garbage", "999.999.999.999", "::1, ::2", new string('1', 500)])));
                    _kind = "X-Forwarded-For";
                    break;
                default:
                    _headers.Add(new("Content-Encoding", Pick(["gzip", "br", "garbage"])));
                    _kind = "Content-Encoding";
                    break;
            }
            _malformed = false;
        }

        private void OddBody()
        {
            switch (random.Next(6))
            {
                case 0:
                    _bodyBytes = [0xC3, 0x28, 0xA0, 0xA1, 0xFF, 0xFE];
                    _kind = "invalid UTF-8";
                    break;
                case 1:
                    var depth = random.Next(2) == 0 ? 70 : 5_000;
                    _body = new string('[', depth) + new string(']', depth);
                    _kind = $"nested {depth}";
                    break;
                case 2:
                    _body = "\uFEFF" + _body;
                    _kind = "BOM";
                    _malformed = false;
                    break;
                case 3:
                    var obj = JsonNode.Parse(_body!)!.AsObject();
                    obj["unknownField" + random.Next(100)] = JsonValue.Create(Pick(UnicodeStrings));
                    obj["$type"] = "System.IO.FileInfo";
                    _body = obj.ToJsonString();
                    _kind = "extra fields";
                    _malformed = false;
                    break;
                case 4:
                    // duplicate property: the last one wins or the reader refuses; either is fine, not a 500
                    var first = (JsonNode.Parse(_body!) as JsonObject)?.FirstOrDefault();
                    if (first is { Key: { } key }) _body = "{" + JsonSerializer.Serialize(key) + ":\"dup\"," + _body![1..];
                    _kind = "duplicate property";
                    _malformed = false;
                    break;
                default:
                    _body = "";
                    _kind = "empty body";
                    break;
            }
        }

        private void MutateField()
        {
            if (_body is null)
            {
                BadQueryParameter();
                return;
            }
            var schema = op.Schemas.Resolve(op.BodySchema);
            if (JsonNode.Parse(_body!) is not JsonObject body || schema?["properties"] is not JsonObject properties || properties.Count == 0)
            {
                _body = Pick(WrongShapeBodies);
                _kind = "wrong JSON shape";
                return;
            }
            var names = properties.Select(p => p.Key).ToList();
            var name = names[random.Next(names.Count)];
            var propertySchema = op.Schemas.Resolve(properties[name]);
            string what;
            bool bad;
            switch (random.Next(5))
            {
                case 0:
                    body.Remove(name);
                    what = "missing";
                    bad = schema["required"] is JsonArray required && required.Any(r => r!.GetValue<string>() == name);
                    break;
                case 1:
                    body[name] = null;
                    what = "null";
                    bad = !OpenApiSchemas.Types(propertySchema).Contains("null");
                    break;
                default:
                    // raw JSON text: some bad values (lone surrogates, 1e400) cannot be held by a JsonNode
                    var literal = BadJson(propertySchema);
                    var placeholder = $"__FUZZ{_literals.Count}__";
                    _literals[placeholder] = literal;
                    body[name] = placeholder;
                    what = "=" + RequestClip(literal);
                    bad = true;
                    break;
            }
            _body = body.ToJsonString();
            _kind += (_kind.Length > 0 ? ", " : "") + $"{name} {what}";
            _malformed = (_mutations++ > 0 && _malformed) || bad;
        }

        /// <summary>A JSON literal of the wrong kind for the schema, or of the right kind but out of any sensible range.</summary>
        private string BadJson(JsonNode? schema)
        {
            var type = OpenApiSchemas.MainType(schema);
            var format = schema?["format"]?.GetValue<string>();
            var generic = random.Next(4) switch
            {
                0 => "{\"nested\":{\"deeper\":[1,2,3]}}",
                1 => "[1,\"two\",null]",
                2 => Pick(NastyJsonStringLiterals),
                _ => HugeString(),
            };
            if (random.Next(3) == 0) return generic;
            return (type, format) switch
            {
                ("string", "uuid") => JsonSerializer.Serialize(Pick(BadGuids)),
                ("string", "date-time" or "date") => JsonSerializer.Serialize(Pick(BadDates)),
                // NUL and lone surrogates most often: PostgreSQL's jsonb cannot store a NUL (a 500 before the fix)
                ("string", _) => random.Next(4) switch
                {
                    0 => Pick(["123", "true", "{}", "[]", "1.5"]),
                    1 => JsonSerializer.Serialize(Pick(UnicodeStrings)),
                    _ => Pick(NastyJsonStringLiterals),
                },
                ("integer" or "number", _) => Pick(BadNumbers),
                ("enum", _) => Pick(["\"NotDefined\"", "0", "99", "-1", "\"\"", "\"0\"", "\"99\"", "true", "\"responsibleauthority\"", "\"Responsible Authority\""]),
                ("boolean", _) => Pick(["\"yes\"", "1", "0", "\"true\"", "\"\""]),
                ("array", _) => random.Next(3) switch
                {
                    0 => Pick(["\"x\"", "{}", "[null]", "[[[]]]", "1"]),
                    1 => "[" + string.Join(",", Enumerable.Repeat("null", 10_000)) + "]",
                    _ => "[" + BadJson(op.Schemas.Resolve(schema?["items"])) + "]",
                },
                ("object", _) => Pick(["\"x\"", "[]", "5", "{\"unknown\":1}", "{}"]),
                _ => generic,
            };
        }

        private string HugeString() =>
            JsonSerializer.Serialize(new string(Pick(['x', 'é', '中']), random.Next(10) == 0 ? 1_000_000 : 100_000));

        private JsonNode? ValidJson(JsonNode? schema, int depth)
        {
            schema = op.Schemas.Resolve(schema);
            if (schema?["enum"] is JsonArray values && values.Count > 0)
                return values[random.Next(values.Count)]?.DeepClone();
            var type = OpenApiSchemas.MainType(schema);
            switch (type)
            {
                case "object":
                    var result = new JsonObject();
                    if (depth > 4 || schema?["properties"] is not JsonObject properties) return result;
                    foreach (var (name, property) in properties) result[name] = ValidJson(property, depth + 1);
                    return result;
                case "array":
                    return depth > 4 ? new JsonArray() : new JsonArray(ValidJson(schema?["items"], depth + 1));
                case "integer":
                    return JsonValue.Create(random.Next(1, 100));
                case "number":
                    return JsonValue.Create(Math.Round(random.NextDouble() * 1000, 2));
                case "boolean":
                    return JsonValue.Create(random.Next(2) == 0);
                default:
                    return JsonValue.Create(ValidScalar(schema));
            }
        }

        private string ValidScalar(JsonNode? schema)
        {
            schema = op.Schemas.Resolve(schema);
            // a nullable enum lists null among its values: a query or path value is one of the others
            if (schema?["enum"] is JsonArray values && values.Where(v => v is not null).ToList() is { Count: > 0 } named)
                return named[random.Next(named.Count)]!.ToString();
            var format = schema?["format"]?.GetValue<string>();
            return (OpenApiSchemas.MainType(schema), format) switch
            {
                (_, "uuid") => RandomGuid().ToString(),
                (_, "date-time") => new DateTimeOffset(2026, 1 + random.Next(12), 1 + random.Next(28), 10, 0, 0, TimeSpan.Zero).ToString("O"),
                (_, "date") => $"2026-{1 + random.Next(12):00}-{1 + random.Next(28):00}",
                (_, "uri") => "https://example.org/hook",
                (_, "email") => "someone@example.org",
                ("integer", _) => random.Next(1, 100).ToString(CultureInfo.InvariantCulture),
                ("number", _) => "12.5",
                ("boolean", _) => "true",
                _ => "Fuzz " + random.Next(1000),
            };
        }

        private string BadScalar(JsonNode? schema) => Pick(["abc", "-1", "1.5", "", "true", "1e400", "99999999999999999999", Pick(BadDates)]);

        private Guid RandomGuid()
        {
            var bytes = new byte[16];
            random.NextBytes(bytes);
            return new Guid(bytes);
        }

        private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

        private static string RequestClip(string value) => FuzzRequest.Clip(value, 40);
    }

    /// <summary>Every operation of a service's OpenAPI document.</summary>
    public static IEnumerable<FuzzOperation> Operations(string service, JsonNode document)
    {
        var schemas = new OpenApiSchemas(document);
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            var shared = item!["parameters"] as JsonArray;
            foreach (var (method, operation) in item.AsObject())
            {
                if (method is "parameters" or "summary" or "description" or "servers") continue;
                var parameters = (shared ?? []).Concat(operation!["parameters"] as JsonArray ?? [])
                    .Select(p => schemas.Resolve(p)!)
                    .Select(p => new FuzzParameter(p["name"]!.GetValue<string>(), p["in"]!.GetValue<string>(), p["schema"],
                        p["required"]?.GetValue<bool>() ?? false))
                    .ToList();
                var body = operation!["requestBody"]?["content"]?["application/json"]?["schema"];
                yield return new FuzzOperation(service, method.ToUpperInvariant(), path, parameters, body, schemas);
            }
        }
    }
}
