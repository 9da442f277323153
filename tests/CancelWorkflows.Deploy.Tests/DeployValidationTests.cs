using System.Diagnostics;

namespace CancelWorkflows.Deploy.Tests;

/// <summary>
/// deploy/validate.sh, the offline check of the compose file and the Kubernetes manifests: the files as committed pass
/// it, and a copy with one planted mistake of each kind the script promises to catch fails it, naming every mistake.
/// </summary>
public sealed class DeployValidationTests
{
    // Each mistake: the file under deploy/, a text that occurs exactly once in it, what it becomes, and what the
    // script must print. One copy carries all of them: the script reports every failure, not only the first.
    private static readonly PlantedMistake[] Mistakes =
    [
        new("k8s/worker.yaml", "          readinessProbe:", "          readinesProbe:",
            "strict: /spec/template/spec/containers/0/readinesProbe is not a field of Container"),
        new("k8s/api.yaml", "            periodSeconds: 2", "            periodSeconds: \"2\"",
            "schema: /spec/template/spec/containers/0/startupProbe/periodSeconds must be integer"),
        new("k8s/worker.yaml", "terminationGracePeriodSeconds: 60", "terminationGracePeriodSeconds: 30",
            "terminationGracePeriodSeconds (30) must exceed Service__ShutdownGrace (00:00:30)"),
        new("k8s/api.yaml", "readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false",
            "Deployment/cancelworkflows-api container cancelworkflows: readOnlyRootFilesystem must be true"),
        new("k8s/temporal-setup/job.yaml", "drop: [\"ALL\"]", "drop: [\"NET_RAW\"]",
            "Job/cancelworkflows-temporal-setup container setup-cluster: capabilities must drop ALL"),
        new("k8s/ingress.yaml", "  type: ClusterIP", "  type: LoadBalancer",
            "Service/cancelworkflows-ingress: type LoadBalancer"),
        new("k8s/worker.yaml", "  maxUnavailable: 1\n  selector:\n    matchLabels:\n      app.kubernetes.io/name: cancelworkflows\n      app.kubernetes.io/component: worker",
            "  maxUnavailable: 1\n  selector:\n    matchLabels:\n      app.kubernetes.io/name: cancelworkflows\n      app.kubernetes.io/component: workers",
            "Deployment/cancelworkflows-worker: no PodDisruptionBudget selects its pods"),
        new("k8s/extra.yaml", null, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra\n",
            "extra.yaml: not listed in ./kustomization.yaml resources"),
        new("compose.yaml", "ports: [\"127.0.0.1:7233:7233\"]", "ports: [\"7233:7233\"]",
            "service temporal: port 7233 is published on 0.0.0.0; Temporal's and Prometheus' ports go on 127.0.0.1 only"),
        new("compose.yaml", "    secrets: [antom-public-key]\n", "    secrets: [antom-public-key, merchant-private-key]\n",
            "service ingress: only the worker may mount the merchant private key"),
        new("compose.yaml", "Service__Roles: worker", "Service__Roles: all",
            "service worker: Service__Roles must be worker"),
        new("k8s/worker.yaml", "prometheus.io/port: \"9464\"", "prometheus.io/port: \"9465\"",
            "Deployment/cancelworkflows-worker: prometheus.io/port 9465 is no container's port"),
        new("compose.yaml", "  Management__Urls: http://+:9464\n", "  Management__Urls: http://+:9999\n",
            "service api: Management__Urls must open 9464 (prometheus scrapes it)"),
        new("observability/prometheus.yaml", "  - alert-rules.yaml\n", "  - alert-rule.yaml\n",
            "prometheus.yaml: promtool check config"),
        new("otel-collector.yaml", "      processors: [memory_limiter, batch]\n      exporters: [debug]\n    metrics:",
            "      processors: [memory_limiter, batch]\n      exporters: [otlp]\n    metrics:",
            "pipeline traces: exporters \"otlp\" is not defined"),
    ];

    [Fact]
    public async Task Validate_FilesAsCommitted_PassesEveryCheck()
    {
        var result = await ValidateAsync(Path.Combine(RepositoryRoot, "deploy"));

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("deploy: all checks passed", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("FAIL", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_CopyWithPlantedMistakes_FailsNamingEachOne()
    {
        using var copy = DeployCopy.Create();
        foreach (var mistake in Mistakes)
        {
            copy.Plant(mistake);
        }

        var result = await ValidateAsync(copy.DeployDirectory);

        Assert.NotEqual(0, result.ExitCode);
        var unreported = Mistakes.Where(m => !result.Output.Contains(m.Reported, StringComparison.Ordinal)).Select(m => m.Reported).ToList();
        Assert.True(unreported.Count == 0, "not reported: " + string.Join(" | ", unreported) + Environment.NewLine + result.Output);
    }

    [Fact]
    public async Task Validate_ComposeOptionDockerComposeDoesNotKnow_Fails()
    {
        using var copy = DeployCopy.Create();
        copy.Plant(new("compose.yaml", "stop_grace_period: 60s", "stop_grace_periods: 60s", "docker-compose config"));

        var result = await ValidateAsync(copy.DeployDirectory);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("FAIL", result.Output, StringComparison.Ordinal);
        Assert.Contains("compose.yaml: docker-compose config", result.Output, StringComparison.Ordinal);
        Assert.Contains("stop_grace_periods", result.Output, StringComparison.Ordinal);
    }

    private static string RepositoryRoot { get; } = FindRepositoryRoot();

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "deploy", "validate.sh")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("deploy/validate.sh not found above " + AppContext.BaseDirectory);
    }

    private static async Task<(int ExitCode, string Output)> ValidateAsync(string deployDirectory)
    {
        var psi = new ProcessStartInfo("bash", [Path.Combine(RepositoryRoot, "deploy", "validate.sh"), deployDirectory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // The first run on a machine installs docker-compose and the npm packages; later runs take seconds.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("deploy/validate.sh did not finish within 10 minutes: " + await stdout + await stderr);
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    private sealed record PlantedMistake(string File, string? Original, string Planted, string Reported);

    /// <summary>
    /// deploy/ and temporal-config/ copied side by side into a temporary folder, as the compose file expects; without
    /// deploy/keys/ (real keys may sit there on a developer's machine).
    /// </summary>
    private sealed class DeployCopy : IDisposable
    {
        private readonly string root;

        private DeployCopy(string root) => this.root = root;

        public string DeployDirectory => Path.Combine(root, "deploy");

        public static DeployCopy Create()
        {
            var copy = new DeployCopy(Directory.CreateTempSubdirectory("deploy-validate-").FullName);
            CopyTree(Path.Combine(RepositoryRoot, "deploy"), copy.DeployDirectory, skip: "keys");
            CopyTree(Path.Combine(RepositoryRoot, "temporal-config"), Path.Combine(copy.root, "temporal-config"), skip: null);
            return copy;
        }

        public void Plant(PlantedMistake mistake)
        {
            var path = Path.Combine(DeployDirectory, mistake.File);
            if (mistake.Original is null)
            {
                File.WriteAllText(path, mistake.Planted);
                return;
            }

            var text = File.ReadAllText(path);
            var at = text.IndexOf(mistake.Original, StringComparison.Ordinal);
            Assert.True(at >= 0 && text.IndexOf(mistake.Original, at + 1, StringComparison.Ordinal) < 0,
                $"'{mistake.Original}' must occur exactly once in deploy/{mistake.File}");
            File.WriteAllText(path, string.Concat(text.AsSpan(0, at), mistake.Planted, text.AsSpan(at + mistake.Original.Length)));
        }

        public void Dispose() => Directory.Delete(root, recursive: true);

        private static void CopyTree(string from, string to, string? skip)
        {
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(from, file);
                if (skip is not null && relative.StartsWith(skip + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    continue;
                }

                var target = Path.Combine(to, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }
    }
}
