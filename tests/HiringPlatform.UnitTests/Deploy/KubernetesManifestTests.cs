using YamlDotNet.RepresentationModel;

namespace HiringPlatform.UnitTests.Deploy;

// Reads the Kustomize base in deploy/kubernetes as Kubernetes would receive it (the overlay only changes the image,
// the host, replica counts and the Job's name) and checks the properties the deployment relies on (ADR-0019).
// The GitHub workflow renders the production overlay with kubectl and validates it against the API schemas.
public sealed class KubernetesManifestTests
{
    private static readonly string Root = FindRepositoryRoot();
    private static readonly string KubernetesFolder = Path.Combine(Root, "deploy", "kubernetes");
    private static readonly string BaseFolder = Path.Combine(KubernetesFolder, "base");
    private static readonly string OverlayFolder = Path.Combine(KubernetesFolder, "overlays", "production");

    private readonly List<Manifest> _manifests = LoadManifests(BaseFolder);
    private readonly YamlMappingNode _kustomization = LoadSingle(Path.Combine(BaseFolder, "kustomization.yaml"));

    [Fact]
    public void Should_list_every_manifest_of_the_base_in_its_kustomization()
    {
        var listed = Sequence(_kustomization, "resources").Select(Text).Order().ToList();
        var files = _manifests.Select(m => m.File).Distinct().Order().ToList();

        Assert.Equal(files, listed);
    }

    [Fact]
    public void Should_run_at_least_two_replicas_of_the_web_pods()
    {
        Assert.True(int.Parse(Text(Deployment.Root, "spec", "replicas")) >= 2);
        var rollout = Mapping(Deployment.Root, "spec", "strategy", "rollingUpdate");
        Assert.Equal("0", Text(rollout, "maxUnavailable"));
    }

    [Fact]
    public void Should_probe_readiness_liveness_and_startup_on_the_health_endpoints_of_the_app_port()
    {
        var web = WebContainer;
        var port = AppPort;
        Assert.Equal("8080", Text(port, "containerPort"));

        Assert.Equal("/health/ready", Text(web, "readinessProbe", "httpGet", "path"));
        Assert.Equal("/health/live", Text(web, "livenessProbe", "httpGet", "path"));
        Assert.Equal("/health/live", Text(web, "startupProbe", "httpGet", "path"));
        foreach (var probe in new[] { "readinessProbe", "livenessProbe", "startupProbe" })
        {
            var probePort = Text(web, probe, "httpGet", "port");
            Assert.True(probePort == Text(port, "name") || probePort == "8080", $"{probe} goes to port {probePort}");
        }
    }

    [Fact]
    public void Should_set_cpu_and_memory_requests_and_limits_for_every_container()
    {
        foreach (var (owner, container) in AllContainers())
        {
            foreach (var kind in new[] { "requests", "limits" })
            {
                foreach (var resource in new[] { "cpu", "memory" })
                {
                    Assert.False(string.IsNullOrWhiteSpace(Text(container, "resources", kind, resource)), $"{owner}: resources.{kind}.{resource}");
                }
            }
        }
    }

    [Fact]
    public void Should_run_every_pod_as_non_root_with_a_read_only_root_filesystem_and_no_privileges()
    {
        foreach (var workload in new[] { Deployment, MigrationJob })
        {
            var pod = PodSpec(workload);
            var podSecurity = Mapping(pod, "securityContext");
            Assert.Equal("true", Text(podSecurity, "runAsNonRoot"));
            Assert.Equal("1654", Text(podSecurity, "runAsUser"));
            Assert.Equal("RuntimeDefault", Text(podSecurity, "seccompProfile", "type"));
            Assert.Equal("false", Text(pod, "automountServiceAccountToken"));
            Assert.Equal(ServiceAccount.Name, Text(pod, "serviceAccountName"));

            foreach (var container in Sequence(pod, "containers").Cast<YamlMappingNode>())
            {
                var security = Mapping(container, "securityContext");
                Assert.Equal("false", Text(security, "allowPrivilegeEscalation"));
                Assert.Equal("true", Text(security, "readOnlyRootFilesystem"));
                Assert.Equal(new[] { "ALL" }, Sequence(security, "capabilities", "drop").Select(Text));
                Assert.NotEqual("true", Optional(security, "privileged"));

                // The only writable place: /tmp on an emptyDir.
                var tmp = Sequence(container, "volumeMounts").Cast<YamlMappingNode>().Single(m => Text(m, "mountPath") == "/tmp");
                var volume = Sequence(pod, "volumes").Cast<YamlMappingNode>().Single(v => Text(v, "name") == Text(tmp, "name"));
                Assert.True(volume.Children.ContainsKey("emptyDir"), $"{workload.Name}: /tmp is not an emptyDir");
            }
        }

        Assert.Equal("false", Text(ServiceAccount.Root, "automountServiceAccountToken"));
    }

    [Fact]
    public void Should_target_the_deployment_from_the_disruption_budget_and_the_autoscaler()
    {
        var pdb = Single("PodDisruptionBudget");
        Assert.Equal("policy/v1", Text(pdb.Root, "apiVersion"));
        Assert.Equal("1", Text(pdb.Root, "spec", "minAvailable"));
        AssertSelects(Mapping(pdb.Root, "spec", "selector", "matchLabels"), PodLabels(Deployment), "PodDisruptionBudget");

        var hpa = Single("HorizontalPodAutoscaler");
        Assert.Equal("autoscaling/v2", Text(hpa.Root, "apiVersion"));
        Assert.Equal("apps/v1", Text(hpa.Root, "spec", "scaleTargetRef", "apiVersion"));
        Assert.Equal("Deployment", Text(hpa.Root, "spec", "scaleTargetRef", "kind"));
        Assert.Equal(Deployment.Name, Text(hpa.Root, "spec", "scaleTargetRef", "name"));
        var min = int.Parse(Text(hpa.Root, "spec", "minReplicas"));
        Assert.True(min >= 2, "the autoscaler may go below two replicas");
        Assert.True(int.Parse(Text(hpa.Root, "spec", "maxReplicas")) > min);
        var metric = Sequence(hpa.Root, "spec", "metrics").Cast<YamlMappingNode>().Single();
        Assert.Equal("cpu", Text(metric, "resource", "name"));
        Assert.Equal("Utilization", Text(metric, "resource", "target", "type"));
    }

    [Fact]
    public void Should_select_the_web_pods_and_not_the_migration_pod_from_the_service()
    {
        var service = Single("Service");
        var selector = Mapping(service.Root, "spec", "selector");
        AssertSelects(selector, PodLabels(Deployment), "Service");
        Assert.False(Selects(selector, PodLabels(MigrationJob)), "the Service would send traffic to the migration pod");
        Assert.False(Selects(Mapping(Deployment.Root, "spec", "selector", "matchLabels"), PodLabels(MigrationJob)),
            "the Deployment's selector matches the migration pod");

        var port = Sequence(service.Root, "spec", "ports").Cast<YamlMappingNode>().Single();
        var containerPort = AppPort;
        var target = Text(port, "targetPort");
        Assert.True(target == Text(containerPort, "name") || target == Text(containerPort, "containerPort"), $"targetPort {target}");
    }

    [Fact]
    public void Should_terminate_tls_at_the_ingress_and_route_to_the_service_port()
    {
        var ingress = Single("Ingress");
        var service = Single("Service");
        Assert.Equal("networking.k8s.io/v1", Text(ingress.Root, "apiVersion"));

        var tls = Sequence(ingress.Root, "spec", "tls").Cast<YamlMappingNode>().ToList();
        Assert.NotEmpty(tls);
        Assert.All(tls, t => Assert.False(string.IsNullOrWhiteSpace(Text(t, "secretName"))));
        var tlsHosts = tls.SelectMany(t => Sequence(t, "hosts").Select(Text)).ToHashSet();

        var servicePorts = Sequence(service.Root, "spec", "ports").Cast<YamlMappingNode>().ToList();
        var rules = Sequence(ingress.Root, "spec", "rules").Cast<YamlMappingNode>().ToList();
        Assert.NotEmpty(rules);
        foreach (var rule in rules)
        {
            Assert.Contains(Text(rule, "host"), tlsHosts);
            foreach (var path in Sequence(rule, "http", "paths").Cast<YamlMappingNode>())
            {
                var backend = Mapping(path, "backend", "service");
                Assert.Equal(service.Name, Text(backend, "name"));
                var name = Optional(backend, "port", "name");
                var number = Optional(backend, "port", "number");
                Assert.Contains(servicePorts, p => (name is not null && Text(p, "name") == name) || (number is not null && Text(p, "port") == number));
            }
        }

        var annotations = Mapping(ingress.Root, "metadata", "annotations");
        Assert.Equal("15m", Text(annotations, "nginx.ingress.kubernetes.io/proxy-body-size"));
        Assert.Equal("true", Text(annotations, "nginx.ingress.kubernetes.io/force-ssl-redirect"));

        // The app believes the controller's X-Forwarded-* headers only from a trusted network.
        var trusted = ConfigLiterals()["ReverseProxy__KnownNetworks__0"];
        Assert.Matches(@"^\d+\.\d+\.\d+\.\d+/\d+$", trusted);
        Assert.NotEqual("0.0.0.0/0", trusted);
    }

    [Fact]
    public void Should_migrate_in_a_job_with_the_deployments_image_and_configuration()
    {
        var job = MigrationJob;
        Assert.Equal("batch/v1", Text(job.Root, "apiVersion"));
        Assert.Equal("Never", Text(PodSpec(job), "restartPolicy"));
        var migrate = Sequence(PodSpec(job), "containers").Cast<YamlMappingNode>().Single();

        // `command` replaces the image's entrypoint; the whole line is spelled out.
        Assert.Equal(new[] { "dotnet", "HiringPlatform.Web.dll", "migrate" }, Sequence(migrate, "command").Select(Text));
        Assert.Equal(Text(WebContainer, "image"), Text(migrate, "image"));
        Assert.Equal(EnvFrom(WebContainer), EnvFrom(migrate));
        Assert.Equal(SecretEnv(WebContainer)["ConnectionStrings__Default"], SecretEnv(migrate)["ConnectionStrings__Default"]);

        // The first deploy step applies only the pre-rollout objects: the Job and everything its pod needs.
        const string Phase = "hiringplatform/phase";
        Assert.Equal("pre-rollout", Text(job.Root, "metadata", "labels", Phase));
        Assert.Equal("pre-rollout", Text(ServiceAccount.Root, "metadata", "labels", Phase));
        Assert.Equal("pre-rollout", Text(ConfigGenerator, "options", "labels", Phase));
        Assert.Null(Optional(Deployment.Root, "metadata", "labels", Phase));
    }

    [Fact]
    public void Should_read_configuration_from_the_generated_config_map()
    {
        var configMaps = EnvFrom(WebContainer).Where(e => e.StartsWith("configMapRef:", StringComparison.Ordinal)).ToList();
        Assert.Equal(new[] { "configMapRef:" + Text(ConfigGenerator, "name") }, configMaps);

        var literals = ConfigLiterals();
        Assert.Equal("Production", literals["ASPNETCORE_ENVIRONMENT"]);
        Assert.StartsWith("https://", literals["App__PublicUrl"]);
    }

    [Fact]
    public void Should_reference_secrets_by_key_and_never_hold_a_secret_value()
    {
        Assert.DoesNotContain(_manifests, m => m.Kind == "Secret");
        Assert.False(_kustomization.Children.ContainsKey("secretGenerator"), "the base generates a Secret");

        var secretish = new[] { "password", "connectionstring", "secret", "token", "apikey" };
        foreach (var (owner, container) in AllContainers())
        {
            foreach (var env in SequenceOrEmpty(container, "env").Cast<YamlMappingNode>())
            {
                var name = Text(env, "name");
                var reference = Optional(env, "valueFrom", "secretKeyRef", "name");
                if (reference is not null)
                {
                    Assert.False(string.IsNullOrWhiteSpace(Optional(env, "valueFrom", "secretKeyRef", "key")), $"{owner}: {name} names no key");
                }
                else
                {
                    var flat = name.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();
                    Assert.False(secretish.Any(flat.Contains), $"{owner}: {name} is not read from a Secret");
                }
            }

            Assert.Contains("ConnectionStrings__Default", SecretEnv(container).Keys);
        }

        foreach (var literal in ConfigLiterals())
        {
            var flat = literal.Key.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();
            Assert.False(secretish.Any(flat.Contains), $"ConfigMap holds {literal.Key}");
            Assert.DoesNotContain("Password=", literal.Value, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Should_build_the_production_overlay_from_the_base_and_files_that_exist()
    {
        var overlay = LoadSingle(Path.Combine(OverlayFolder, "kustomization.yaml"));

        Assert.Contains("../../base", Sequence(overlay, "resources").Select(Text));
        var referenced = Sequence(overlay, "resources").Select(Text)
            .Concat(SequenceOrEmpty(overlay, "components").Select(Text))
            .Concat(SequenceOrEmpty(overlay, "patches").Cast<YamlMappingNode>().Select(p => Optional(p, "path")).OfType<string>())
            .ToList();
        Assert.NotEmpty(referenced);
        foreach (var path in referenced)
        {
            var full = Path.GetFullPath(Path.Combine(OverlayFolder, path));
            Assert.True(File.Exists(full) || File.Exists(Path.Combine(full, "kustomization.yaml")), $"{path} does not exist");
        }

        // The overlay pins a tag, and gives the migration Job its per-release name (ADR-0019).
        var image = Sequence(overlay, "images").Cast<YamlMappingNode>().Single();
        Assert.Equal(Text(WebContainer, "image"), Text(image, "name"));
        Assert.False(string.IsNullOrWhiteSpace(Text(image, "newTag")));
        Assert.NotEqual("latest", Text(image, "newTag"));
        var rename = Sequence(overlay, "patches").Cast<YamlMappingNode>()
            .Single(p => Optional(p, "target", "kind") == "Job");
        Assert.Equal(MigrationJob.Name, Text(rename, "target", "name"));
        var patch = Assert.IsType<YamlSequenceNode>(Assert.Single(ParseText(Text(rename, "patch"))).RootNode);
        var operation = Assert.IsType<YamlMappingNode>(Assert.Single(patch.Children));
        Assert.Equal("/metadata/name", Text(operation, "path"));
        // Named after the tag, so a release that bumps the tag but forgets the Job fails here, not in production.
        var tagSlug = System.Text.RegularExpressions.Regex.Replace(Text(image, "newTag").ToLowerInvariant(), "[^a-z0-9]+", "-");
        Assert.Equal($"{MigrationJob.Name}-{tagSlug}", Text(operation, "value"));
    }

    [Fact]
    public void Should_keep_the_example_secret_out_of_every_kustomization_and_hold_placeholders_only()
    {
        var example = Path.Combine(KubernetesFolder, "secret.example.yaml");
        Assert.True(File.Exists(example));

        foreach (var kustomization in Directory.EnumerateFiles(KubernetesFolder, "kustomization.yaml", SearchOption.AllDirectories))
        {
            // Any value (resources, patches, generators' files); the comments may mention it.
            var values = Scalars(LoadSingle(kustomization)).ToList();
            Assert.NotEmpty(values);
            Assert.DoesNotContain(values, v => v.Contains("secret.example", StringComparison.Ordinal));
        }

        var secret = LoadSingle(example);
        Assert.Equal("Secret", Text(secret, "kind"));
        var data = Mapping(secret, "stringData");
        foreach (var value in data.Children.Values)
        {
            Assert.Contains("<", Text(value), StringComparison.Ordinal);
        }

        // Every key the pods read is in the example, so the operator knows what to create.
        var keys = data.Children.Keys.Select(Text).ToHashSet();
        foreach (var (_, container) in AllContainers())
        {
            foreach (var secretKey in SecretEnv(container).Values)
            {
                Assert.Equal(Text(secret, "metadata", "name"), secretKey.Name);
                Assert.Contains(secretKey.Key, keys);
            }
        }
    }

    [Fact]
    public void Should_open_the_metrics_port_to_scrapers_and_never_through_the_service_or_ingress()
    {
        var metrics = Sequence(WebContainer, "ports").Cast<YamlMappingNode>().Single(p => Text(p, "name") == "metrics");
        Assert.Equal(ConfigLiterals()["Metrics__Port"], Text(metrics, "containerPort"));
        Assert.NotEqual(Text(AppPort, "containerPort"), Text(metrics, "containerPort"));
        var annotations = Mapping(Deployment.Root, "spec", "template", "metadata", "annotations");
        Assert.Equal("true", Text(annotations, "prometheus.io/scrape"));
        Assert.Equal(Text(metrics, "containerPort"), Text(annotations, "prometheus.io/port"));
        Assert.Equal("/metrics", Text(annotations, "prometheus.io/path"));

        // The Service (and so the Ingress behind it) reaches the app port only.
        foreach (var port in Sequence(Single("Service").Root, "spec", "ports").Cast<YamlMappingNode>())
        {
            var target = Text(port, "targetPort");
            Assert.NotEqual("metrics", target);
            Assert.NotEqual(Text(metrics, "containerPort"), target);
        }
    }

    // ---- the manifests ----

    // The app's own port; the pod also has the "metrics" port.
    private YamlMappingNode AppPort => Sequence(WebContainer, "ports").Cast<YamlMappingNode>().Single(p => Text(p, "name") == "http");

    private Manifest Deployment => Single("Deployment");
    private Manifest MigrationJob => Single("Job");
    private Manifest ServiceAccount => Single("ServiceAccount");
    private YamlMappingNode WebContainer => Sequence(PodSpec(Deployment), "containers").Cast<YamlMappingNode>().Single();

    private YamlMappingNode ConfigGenerator => Sequence(_kustomization, "configMapGenerator").Cast<YamlMappingNode>().Single();

    private Dictionary<string, string> ConfigLiterals() => Sequence(ConfigGenerator, "literals").Select(Text)
        .Select(l => l.Split('=', 2))
        .ToDictionary(p => p[0], p => p[1]);

    private Manifest Single(string kind)
    {
        var found = _manifests.Where(m => m.Kind == kind).ToList();
        Assert.True(found.Count == 1, $"expected one {kind} in the base, found {found.Count}");
        return found[0];
    }

    private IEnumerable<(string Owner, YamlMappingNode Container)> AllContainers() =>
        new[] { Deployment, MigrationJob }.SelectMany(w =>
            Sequence(PodSpec(w), "containers").Concat(SequenceOrEmpty(PodSpec(w), "initContainers"))
                .Cast<YamlMappingNode>()
                .Select(c => ($"{w.Kind}/{w.Name}/{Text(c, "name")}", c)));

    private static YamlMappingNode PodSpec(Manifest workload) => Mapping(workload.Root, "spec", "template", "spec");

    private static YamlMappingNode PodLabels(Manifest workload) => Mapping(workload.Root, "spec", "template", "metadata", "labels");

    private static List<string> EnvFrom(YamlMappingNode container) => SequenceOrEmpty(container, "envFrom").Cast<YamlMappingNode>()
        .SelectMany(e => e.Children.Select(c => $"{Text(c.Key)}:{Text(c.Value, "name")}"))
        .Order()
        .ToList();

    private static Dictionary<string, (string Name, string Key)> SecretEnv(YamlMappingNode container) =>
        SequenceOrEmpty(container, "env").Cast<YamlMappingNode>()
            .Where(e => Optional(e, "valueFrom", "secretKeyRef", "name") is not null)
            .ToDictionary(e => Text(e, "name"), e => (Text(e, "valueFrom", "secretKeyRef", "name"), Text(e, "valueFrom", "secretKeyRef", "key")));

    private static bool Selects(YamlMappingNode selector, YamlMappingNode labels) =>
        selector.Children.Count > 0 && selector.Children.All(s => Optional(labels, Text(s.Key)) == Text(s.Value));

    private static void AssertSelects(YamlMappingNode selector, YamlMappingNode labels, string owner) =>
        Assert.True(Selects(selector, labels), $"the {owner}'s selector does not match the Deployment's pod labels");

    // ---- YAML ----

    private sealed record Manifest(string File, string Kind, string Name, YamlMappingNode Root);

    private static List<Manifest> LoadManifests(string folder)
    {
        var manifests = new List<Manifest>();
        foreach (var path in Directory.EnumerateFiles(folder).Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal)))
        {
            var file = Path.GetFileName(path);
            if (file == "kustomization.yaml")
            {
                continue;
            }

            foreach (var document in Load(path))
            {
                var root = Assert.IsType<YamlMappingNode>(document.RootNode);
                manifests.Add(new Manifest(file, Text(root, "kind"), Text(root, "metadata", "name"), root));
            }
        }

        Assert.NotEmpty(manifests);
        return manifests;
    }

    private static YamlMappingNode LoadSingle(string path) => Assert.IsType<YamlMappingNode>(Assert.Single(Load(path)).RootNode);

    private static IList<YamlDocument> Load(string path) => ParseText(File.ReadAllText(path));

    private static IList<YamlDocument> ParseText(string yaml)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(yaml);
        stream.Load(reader);
        return stream.Documents;
    }

    private static YamlNode? Find(YamlNode node, params string[] path)
    {
        var current = node;
        foreach (var key in path)
        {
            if (current is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(key), out var next))
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    private static IEnumerable<string> Scalars(YamlNode node) => node switch
    {
        YamlScalarNode scalar => [scalar.Value ?? ""],
        YamlMappingNode mapping => mapping.Children.Values.SelectMany(Scalars),
        YamlSequenceNode sequence => sequence.Children.SelectMany(Scalars),
        _ => [],
    };

    private static string? Optional(YamlNode node, params string[] path) => (Find(node, path) as YamlScalarNode)?.Value;

    private static string Text(YamlNode node) => Assert.IsType<YamlScalarNode>(node).Value ?? "";

    private static string Text(YamlNode node, params string[] path) =>
        Optional(node, path) ?? throw new Xunit.Sdk.XunitException($"missing {string.Join('.', path)}");

    private static YamlMappingNode Mapping(YamlNode node, params string[] path) =>
        Find(node, path) as YamlMappingNode ?? throw new Xunit.Sdk.XunitException($"missing mapping {string.Join('.', path)}");

    private static IEnumerable<YamlNode> Sequence(YamlNode node, params string[] path) =>
        (Find(node, path) as YamlSequenceNode)?.Children ?? throw new Xunit.Sdk.XunitException($"missing list {string.Join('.', path)}");

    private static IEnumerable<YamlNode> SequenceOrEmpty(YamlNode node, params string[] path) =>
        (Find(node, path) as YamlSequenceNode)?.Children ?? [];

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HiringPlatform.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("HiringPlatform.sln not found above " + AppContext.BaseDirectory);
    }
}
