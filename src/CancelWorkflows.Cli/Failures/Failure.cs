using CancelWorkflows.Client;

namespace CancelWorkflows.Cli.Failures;

/// <summary>A command that did not succeed, as cancelctl reports it: one line on stderr, the exit code, and with
/// <c>--json</c> the same facts as a JSON document on stdout.</summary>
/// <param name="ExitCode">1 (failed operation) or 2 (bad usage).</param>
/// <param name="Kind">A stable word for scripts: <c>usage</c>, <c>unreachable</c>, <c>timeout</c>, <c>unavailable</c>,
/// <c>unauthorized</c>, <c>forbidden</c>, <c>rateLimited</c>, <c>api</c>, <c>notFound</c>, <c>badAnswer</c>, <c>failed</c>,
/// <c>unexpected</c>.</param>
/// <param name="Message">The line people read.</param>
/// <param name="HttpStatus">The service's HTTP status, when it answered.</param>
/// <param name="Problem">The service's RFC 7807 problem, when it sent one.</param>
public sealed record Failure(int ExitCode, string Kind, string Message, int? HttpStatus = null, CancelWorkflowsProblem? Problem = null);
