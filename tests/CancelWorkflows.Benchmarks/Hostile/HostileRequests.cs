using System.Globalization;
using CsCheck;
using static CancelWorkflows.Benchmarks.Hostile.HostileJson;

namespace CancelWorkflows.Benchmarks.Hostile;

/// <summary>
/// Generators of hostile requests, one per family: start, get, list, resolve, promotions (API) and Antom notifications.
/// Each case is bad by construction (a defect no valid request has, or a caller that may not do it) unless it says
/// otherwise (<see cref="HostileCase.MustBeRefused"/> false: read-only listings, notifications Antom signed).
/// </summary>
public static class HostileRequests
{
    private const string Json = "application/json";

    private static readonly string[] StartIds = ["paymentRequestId", "paymentId", "bookingRef", "merchant"];

    private static readonly string[] ListParameters = ["outcome", "escalated", "lateSuccess", "merchant", "from", "to", "pageSize", "pageToken", "wait"];

    public static Gen<HostileCase> All(HostileTarget target) => Gen.OneOf(
        Start(target), Get(target), List(target), Resolve(target), Promotions(target), Notifications(target));

    /// <summary>The families by name, as the benchmark reports them.</summary>
    public static IReadOnlyList<(string Family, Gen<HostileCase> Cases)> Families(HostileTarget target) =>
    [
        ("start", Start(target)), ("get", Get(target)), ("list", List(target)), ("resolve", Resolve(target)),
        ("promotions", Promotions(target)), ("notifications", Notifications(target)),
    ];

    /// <summary><c>POST /v1/cancellations</c>: a bad body from any caller; a good body with no key, a bad key, a refused
    /// <c>Idempotency-Key</c> or not as JSON.</summary>
    public static Gen<HostileCase> Start(HostileTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        static IReadOnlyList<(string, string)> Valid() =>
        [
            ("paymentRequestId", Str("hostile-" + Guid.NewGuid().ToString("N")[..16])), ("reason", Str("hostile input")),
            ("bookingRef", Str("hb-1")), ("merchant", Str("hm-1")),
        ];
        var path = Gen.Frequency((5, Gen.Const("v1/cancellations")), (1, HostileStrings.Junk.Select(w => "v1/cancellations?wait=" + Uri.EscapeDataString(Scrub(w)))));
        return Gen.Frequency(
            (8, Gen.Select(Callers(HostileCaller.Owner, HostileCaller.Other, HostileCaller.Operator, HostileCaller.None, HostileCaller.BadKey), Defect(Valid, StartIds), path, Gen.Bool,
                (caller, body, p, chunked) => new HostileCase("start", body.What, HttpMethod.Post, p, caller, body.Body, Json, [], true, chunked))),
            (1, Callers(HostileCaller.None, HostileCaller.BadKey).Select(caller =>
                new HostileCase("start", "valid body, not a caller", HttpMethod.Post, "v1/cancellations", caller, Utf8(Object(Valid())), Json, [], true))),
            (1, Gen.Select(Callers(HostileCaller.Owner, HostileCaller.Other), HostileStrings.BadHeaderValue, (caller, key) =>
                new HostileCase("start", "refused Idempotency-Key", HttpMethod.Post, "v1/cancellations", caller, Utf8(Object(Valid())), Json, [("Idempotency-Key", key)], true))),
            (1, Gen.Select(Callers(HostileCaller.Owner, HostileCaller.Other), Gen.OneOf<string?>(null, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data", "application/xml"), (caller, type) =>
                new HostileCase("start", "valid body, not JSON: " + (type ?? "no content type"), HttpMethod.Post, "v1/cancellations", caller, Utf8(Object(Valid())), type, [], true))));
    }

    /// <summary><c>GET /v1/cancellations/{id}</c>: a refused id from any caller; the owner's cancellation read by anyone
    /// else.</summary>
    public static Gen<HostileCase> Get(HostileTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return Gen.Frequency(
            (3, Gen.Select(Callers(HostileCaller.Owner, HostileCaller.Other, HostileCaller.Operator, HostileCaller.None, HostileCaller.BadKey), HostileStrings.BadId, WaitQuery(),
                (caller, id, query) => new HostileCase("get", "refused id", HttpMethod.Get, "v1/cancellations/" + HostileStrings.PathSegment(id) + query, caller, null, null, [], true))),
            (2, Gen.Select(Callers(HostileCaller.Other, HostileCaller.Promoter, HostileCaller.None, HostileCaller.BadKey), Victim(target), WaitQuery(),
                (caller, victim, query) => new HostileCase("get", "another caller's cancellation", HttpMethod.Get, "v1/cancellations/" + HostileStrings.PathSegment(victim.PaymentRequestId) + query, caller, null, null, [], true))));
    }

    /// <summary><c>GET /v1/cancellations?…</c> with odd filters (query-language injection among them): never a 5xx, the
    /// owner's cancellations never listed to another caller; no key or a bad key is refused.</summary>
    public static Gen<HostileCase> List(HostileTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var parameter = Gen.Select(
            Gen.Frequency((6, Gen.OneOf(ListParameters)), (1, HostileStrings.Junk)),
            Gen.Frequency((3, HostileStrings.Junk), (2, Gen.OneOf("-1", "0", "201", "1e3", "99999999999", "true", "2026-13-45", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z")), (1, HostileStrings.VeryLong), (1, Gen.String[Gen.Char['A', 'z'], 1, 300])),
            (name, value) => Uri.EscapeDataString(Scrub(name)) + "=" + Uri.EscapeDataString(Scrub(value)));
        return Gen.Select(Callers(HostileCaller.Owner, HostileCaller.Other, HostileCaller.Promoter, HostileCaller.None, HostileCaller.BadKey), parameter.Array[1, 5], (caller, parameters) =>
            new HostileCase("list", "odd filters", HttpMethod.Get, "v1/cancellations?" + string.Join("&", parameters), caller, null, null, [], caller is HostileCaller.None or HostileCaller.BadKey));
    }

    /// <summary><c>POST /v1/cancellations/{id}/escalation/resolve</c>: any body from callers who may not resolve; an
    /// operator's bad body or refused id.</summary>
    public static Gen<HostileCase> Resolve(HostileTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        static IReadOnlyList<(string, string)> Valid() => [("outcome", Str("Cancelled")), ("note", Str("hostile input"))];
        var anyBody = Gen.Frequency((1, Gen.Const(("valid body", Utf8(Object(Valid()))))), (3, Defect(Valid, ["outcome", "note"])),
            (1, HostileStrings.Any.Select(o => ("odd outcome", Utf8(Object([("outcome", Str(o + "\u0000"))]))))),
            (1, HostileStrings.Junk.Select(who => ("resolvedBy given", Utf8(Object([.. Valid(), ("resolvedBy", Str(who))]))))));
        string PathOf(string id) => "v1/cancellations/" + HostileStrings.PathSegment(id) + "/escalation/resolve";
        return Gen.Frequency(
            (3, Gen.Select(Callers(HostileCaller.Owner, HostileCaller.Other, HostileCaller.Promoter, HostileCaller.None, HostileCaller.BadKey), Victim(target), anyBody,
                (caller, victim, body) => new HostileCase("resolve", "not an operator: " + body.Item1, HttpMethod.Post, PathOf(victim.PaymentRequestId), caller, body.Item2, Json, [], true))),
            (2, Gen.Select(Victim(target), anyBody.Where(b => b.Item1 != "valid body"),
                (victim, body) => new HostileCase("resolve", "operator, " + body.Item1, HttpMethod.Post, PathOf(victim.PaymentRequestId), HostileCaller.Operator, body.Item2, Json, [], true))),
            (1, HostileStrings.BadId.Select(id =>
                new HostileCase("resolve", "operator, refused id", HttpMethod.Post, PathOf(id), HostileCaller.Operator, Utf8(Object(Valid())), Json, [], true))));
    }

    /// <summary><c>/v1/promotions*</c>: any request from callers without the promotions role; a bad body or a refused
    /// promoId from one with it.</summary>
    public static Gen<HostileCase> Promotions(HostileTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        static IReadOnlyList<(string, string)> Valid() =>
        [
            ("promoId", Str("hp-" + Guid.NewGuid().ToString("N")[..12])), ("endsAt", Str("2030-01-01T00:00:00Z")), ("cron", Str("0 3 * * *")),
            ("timeZone", Str("UTC")), ("maxParallel", "5"), ("note", Str("hostile input")),
        ];
        var badBody = Gen.Frequency(
            (4, Defect(Valid, ["promoId", "endsAt", "cron", "timeZone"])),
            (1, NotANumber.Select(n => ("maxParallel " + n, Utf8(Object([.. Valid().Where(m => m.Item1 != "maxParallel"), ("maxParallel", n == "\"5\"" ? "-5" : n)]))))),
            (1, Gen.Select(Gen.OneOf("cron", "timeZone", "endsAt"), HostileStrings.Any, (field, value) =>
                ("odd " + field, Utf8(Object([.. Valid().Where(m => m.Item1 != field), (field, Str(value + "\u202e"))]))))));
        var anyBody = Gen.Frequency((1, Gen.Const(0).Select(_ => ("valid body", Utf8(Object(Valid()))))), (3, badBody));
        var route = Gen.OneOf(("POST", string.Empty), ("PUT", "/{id}"), ("GET", "/{id}"), ("GET", string.Empty), ("POST", "/{id}/pause"), ("POST", "/{id}/resume"), ("POST", "/{id}/trigger"), ("DELETE", "/{id}"));
        HostileCase Make(HostileCaller caller, (string Method, string Path) r, string id, (string What, byte[] Body) body, string what)
        {
            var hasBody = r.Method is "POST" or "PUT" && r.Path is "" or "/{id}";
            return new HostileCase("promotions", what + (hasBody ? ", " + body.What : string.Empty), new HttpMethod(r.Method),
                "v1/promotions" + r.Path.Replace("{id}", HostileStrings.PathSegment(id), StringComparison.Ordinal), caller,
                hasBody ? body.Body : null, hasBody ? Json : null, [], true);
        }

        return Gen.Frequency(
            (2, Gen.Select(Callers(HostileCaller.Owner, HostileCaller.Other, HostileCaller.None, HostileCaller.BadKey), route, Gen.Frequency((1, HostileStrings.BadId), (1, Gen.Const("hp-existing"))), anyBody,
                (caller, r, id, body) => Make(caller, r, id, body, "no promotions role"))),
            (2, Gen.Select(route.Where(r => r.Item2.Contains("{id}", StringComparison.Ordinal)), HostileStrings.BadId, anyBody,
                (r, id, body) => Make(HostileCaller.Promoter, r, id, body, "refused promoId"))),
            (2, Gen.Select(Gen.OneOf(("POST", string.Empty), ("PUT", "/{id}")), badBody,
                (r, body) => Make(HostileCaller.Promoter, r, "hp-put-" + Guid.NewGuid().ToString("N")[..8], body, "bad body"))));
    }

    /// <summary>Antom notifications (no API key): a real notification for one of the owner's running cancellations that
    /// is forged, replayed, tampered with, stale or missing headers (refused); or a hostile body Antom's key did sign
    /// (never a 5xx, nothing signalled).</summary>
    public static Gen<HostileCase> Notifications(HostileTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var signer = new HostileSigner(target);
        IReadOnlyList<(string, string)> ValidFor(HostileVictim victim, long sequence) =>
        [
            ("notifyType", Str("PAYMENT_RESULT")), ("result", "{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"success\"}"),
            ("paymentRequestId", Str(victim.PaymentRequestId)), ("paymentId", Str(victim.PaymentId)),
            ("paymentAmount", "{\"currency\":\"USD\",\"value\":\"1000\"}"), ("paymentCreateTime", Str("2026-03-10T12:00:00+08:00")),
            ("paymentTime", Str(new DateTimeOffset(2026, 3, 10, 12, 1, 0, TimeSpan.FromHours(8)).AddMilliseconds(sequence).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture))),
            ("paymentMethodType", Str("CARD")),
        ];
        // Stale: Antom's timestamps are honoured 26 h back and 5 min ahead (Notifications:AllowedSkew, AllowedFutureSkew).
        HostileCase Post(string what, byte[] body, IReadOnlyList<(string, string)> headers, bool mustBeRefused, bool chunked = false) =>
            new("notifications", what, HttpMethod.Post, target.NotificationPath.TrimStart('/'), HostileCaller.None, body, Json + "; charset=UTF-8", headers, mustBeRefused, chunked);
        var real = Gen.Select(Victim(target), Gen.Long[0, 1_000_000], (victim, sequence) => Utf8(Object(ValidFor(victim, sequence))));
        var refused = Gen.OneOf(
            real.Select(body => Post("forged: signed with a key Antom never had", body, signer.Forged(body), true)),
            Gen.Select(real, real, (body, other) => Post("replayed: another body's signature", body, signer.Authentic(other), true)),
            Gen.Select(real, Gen.OneOf(" ", "\n", "{}", "x"), Gen.Bool, (body, extra, front) =>
                Post("tampered after signing", front ? [.. Utf8(extra), .. body] : [.. body, .. Utf8(extra)], signer.Authentic(body), true)),
            Gen.Select(real, Gen.Frequency((3, Gen.Long[-86_400_000L * 30, -3_600_000L * 27]), (1, Gen.Long[600_000L, 86_400_000L * 365])), (body, offset) =>
                Post("replayed: request-time " + (offset / 60_000).ToString(CultureInfo.InvariantCulture) + " min off", body, signer.Authentic(body, DateTimeOffset.UtcNow.AddMilliseconds(offset)), true)),
            Gen.Select(real, Gen.Int[1, 7], (body, drop) =>
                Post("missing headers", body, [.. signer.Authentic(body).Where((_, i) => (drop & (1 << i)) == 0)], true)),
            Gen.Select(real, HostileStrings.Junk, (body, client) => Post("another client-id", body, signer.Authentic(body, clientId: HeaderSafe(client) + "X"), true)),
            Gen.Select(real, HostileStrings.Junk, Gen.Bool, (body, junk, base64) => Post("garbage signature", body,
                [.. signer.Authentic(body).Where(h => h.Item1 != HostileSigner.SignatureHeader),
                 (HostileSigner.SignatureHeader, "algorithm=RSA256,keyVersion=1,signature=" + (base64 ? Convert.ToBase64String(Utf8(junk)) : HeaderSafe(junk)))], true)));
        // Signed bodies name a payment nobody cancels: Antom's key makes them authentic, so one that parsed would be
        // routed, and must find nothing to signal or start.
        var unknown = new HostileVictim("hostile-unknown-payment", "hostile-unknown-id", "none");
        var signedHostile = Gen.Select(
            Gen.Frequency(
                (4, Defect(() => ValidFor(unknown, 0), ["paymentRequestId", "paymentId", "notifyType", "result", "paymentAmount"])),
                (2, Gen.Select(Gen.OneOf("paymentRequestId", "paymentId"), HostileStrings.Any, (field, value) =>
                    ("odd " + field, Utf8(Object([.. ValidFor(unknown, 0).Where(m => m.Item1 != field), (field, Str(value + "\u2066"))]))))),
                (1, HostileStrings.Junk.Select(t => ("odd notifyType", Utf8(Object([.. ValidFor(unknown, 0).Where(m => m.Item1 != "notifyType"), ("notifyType", Str(t + "\u0000"))])))))),
            Gen.Bool,
            (body, chunked) => Post("signed by Antom, " + body.Item1, body.Item2, signer.Authentic(body.Item2), false, chunked));
        return Gen.Frequency((3, refused), (2, signedHostile));
    }

    /// <summary>What a header can carry (Latin-1, no CR, LF or NUL: the client refuses those before sending).</summary>
    public static string HeaderSafe(string text) =>
        string.Concat((text ?? string.Empty).Select(c => c > '\u00ff' || c is '\r' or '\n' or '\0' ? '?' : c));

    private static Gen<HostileCaller> Callers(params HostileCaller[] callers) => Gen.OneOf(callers);

    private static Gen<HostileVictim> Victim(HostileTarget target) => Gen.OneOf([.. target.Victims]);

    private static Gen<string> WaitQuery() => Gen.Frequency((4, Gen.Const(string.Empty)), (1, HostileStrings.Junk.Select(w => "?wait=" + Uri.EscapeDataString(Scrub(w)))));

    /// <summary>Lone surrogate halves replaced, so the text can be UTF-8 encoded in a query string or header (the body
    /// and path generators send them raw).</summary>
    private static string Scrub(string text) => string.Create(text.Length, text, (span, t) =>
    {
        for (var i = 0; i < t.Length; i++)
        {
            var pair = i + 1 < t.Length && char.IsHighSurrogate(t[i]) && char.IsLowSurrogate(t[i + 1]);
            var paired = pair || (i > 0 && char.IsLowSurrogate(t[i]) && char.IsHighSurrogate(t[i - 1]));
            span[i] = char.IsSurrogate(t[i]) && !paired ? '\uFFFD' : t[i];
        }
    });
}
