// Offline checks of deploy/ for validate.sh. Every check prints "ok"/"FAIL" lines; the exit code is 1 when any fails.
//
//   node validate-manifests.mjs k8s [--policy] FILE... | -   Kubernetes manifests ("-": stdin, e.g. kubectl kustomize)
//   node validate-manifests.mjs compose FILE | -               the resolved compose file (docker-compose config)
//   node validate-manifests.mjs otel FILE                      an OpenTelemetry Collector config
//   node validate-manifests.mjs yaml FILE...                   files that must parse as YAML
//
// k8s: each document against the Kubernetes OpenAPI schemas that the npm package kubernetes-models carries (ajv
// validators generated from the API's OpenAPI document: types, required fields, enums, formats), and, like
// `kubectl apply` with its default strict field validation, no field the API does not know (field names come from the
// same package's type declarations), so a misspelt `readinesProbe` fails here instead of being dropped.
// --policy adds what this project promises of its manifests (deploy/README.md): probes on /health and /alive,
// requests and limits, non-root with a read-only root and no capabilities, a PodDisruptionBudget per Deployment, a
// grace period longer than Service__ShutdownGrace, and no Service that takes a port outside the cluster.
//
// validate.sh copies this file next to the node_modules it installs in its cache folder, so imports resolve there.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

// .d.ts path → { props: Map(name → type) }, or null for a type that is not an object; filled lazily.
const interfaces = new Map();
let failures = 0;

const [mode, ...rest] = process.argv.slice(2);
const policy = rest[0] === "--policy";
const files = policy ? rest.slice(1) : rest;
if (!["k8s", "compose", "otel", "yaml"].includes(mode) || files.length === 0) {
  console.error("usage: node validate-manifests.mjs k8s [--policy] FILE...|- | compose FILE|- | otel FILE | yaml FILE...");
  process.exit(2);
}

for (const file of files) {
  const label = file === "-" ? "<stdin>" : file;
  const docs = readYaml(file, label);
  if (docs === null) continue;
  if (mode === "k8s") await checkKubernetes(docs, label);
  else if (mode === "compose") checkCompose(docs[0], label);
  else if (mode === "otel") checkOtel(docs[0], label);
  else report(label, "YAML", []);
}
process.exit(failures === 0 ? 0 : 1);

function readYaml(file, label) {
  const text = readFileSync(file === "-" ? 0 : file, "utf8");
  const docs = parseAllDocuments(text);
  const broken = docs.flatMap((d) => d.errors.map((e) => e.message));
  if (broken.length > 0) {
    report(label, "YAML", broken);
    return null;
  }
  const values = docs.map((d) => d.toJS()).filter((v) => v !== null && v !== undefined);
  if (values.length === 0) {
    report(label, "YAML", ["no document"]);
    return null;
  }
  return values;
}

function report(label, what, errors) {
  if (errors.length === 0) {
    console.log(`ok   ${label}: ${what}`);
    return;
  }
  failures++;
  console.log(`FAIL ${label}: ${what}`);
  for (const e of errors) console.log(`       ${e}`);
}

// ---- Kubernetes ----

async function checkKubernetes(docs, label) {
  for (const manifest of docs) {
    const name = `${manifest?.kind ?? "?"}/${manifest?.metadata?.name ?? "?"} (${manifest?.apiVersion ?? "?"})`;
    report(label, name, await schemaErrors(manifest));
  }
  if (policy) report(label, `policy (${docs.length} objects)`, policyErrors(docs));
}

async function schemaErrors(manifest) {
  if (typeof manifest !== "object" || Array.isArray(manifest)) return ["not a mapping"];
  const { apiVersion, kind } = manifest;
  if (typeof apiVersion !== "string" || typeof kind !== "string") return ["apiVersion and kind are required"];
  // "apps/v1" → kubernetes-models/apps/v1/<Kind>; the core group "v1" → kubernetes-models/v1/<Kind>.
  const specifier = `kubernetes-models/${apiVersion}/${kind}`;
  let modelFile;
  try {
    modelFile = fileURLToPath(import.meta.resolve(specifier));
  } catch {
    return [`unknown apiVersion/kind ${apiVersion} ${kind} (not in the Kubernetes schemas)`];
  }
  const Model = (await import(specifier))[kind];
  const errors = [];
  try {
    new Model(manifest).validate();
  } catch (e) {
    for (const err of e.errors ?? [{ instancePath: "", message: e.message }]) {
      const allowed = err.params?.allowedValues ? ` (${err.params.allowedValues.join(", ")})` : "";
      errors.push(`schema: ${err.instancePath || "/"} ${err.message}${allowed}`);
    }
  }
  unknownFields(manifest, { ref: modelFile.replace(/\.js$/, ".d.ts") }, "", errors);
  return errors;
}

function unknownFields(value, type, at, errors) {
  if (value === null || value === undefined || type === null) return;
  if (type.array) {
    if (Array.isArray(value)) value.forEach((v, i) => unknownFields(v, type.array, `${at}/${i}`, errors));
  } else if (type.map) {
    if (typeof value === "object" && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) unknownFields(v, type.map, `${at}/${k}`, errors);
    }
  } else if (type.ref) {
    const shape = loadType(type.ref);
    if (shape === null || shape.props.size === 0) return; // scalar alias (Quantity, IntOrString, Time) or free-form
    if (typeof value !== "object" || Array.isArray(value)) return; // the schema check reports the type
    for (const [k, v] of Object.entries(value)) {
      if (!shape.props.has(k)) errors.push(`strict: ${at}/${k} is not a field of ${path.basename(type.ref, ".d.ts")}`);
      else unknownFields(v, shape.props.get(k), `${at}/${k}`, errors);
    }
  }
}

// The fields of one type, from the first `export interface` of its .d.ts file (`"name"?: Type;` per field).
function loadType(file) {
  if (interfaces.has(file)) return interfaces.get(file);
  interfaces.set(file, null); // recursive types (JSONSchemaProps) terminate
  const source = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\//g, "");
  const imports = new Map();
  for (const m of source.matchAll(/import \{([^}]*)\} from "([^"]+)";/g)) {
    for (const name of m[1].split(",").map((n) => n.trim()).filter(Boolean)) imports.set(name, m[2]);
  }
  const start = source.search(/export interface \w+( extends [\w, ]+)? \{/);
  if (start < 0) return null;
  const open = source.indexOf("{", start);
  const props = new Map();
  for (const decl of splitTopLevel(source.slice(open + 1, closingBrace(source, open)))) {
    const m = decl.match(/^"([^"]+)"\??:\s*([\s\S]+)$/);
    if (m) props.set(m[1], parseType(m[2].trim(), imports, file));
  }
  const shape = { props };
  interfaces.set(file, shape);
  return shape;
}

function parseType(text, imports, file) {
  const array = text.match(/^Array<([\s\S]+)>$/);
  if (array) return { array: parseType(array[1].trim(), imports, file) };
  const map = text.match(/^\{\s*\[key: string\]:\s*([\s\S]+?);?\s*\}$/);
  if (map) return { map: parseType(map[1].trim(), imports, file) };
  if (/^\w+$/.test(text) && imports.has(text)) {
    const from = imports.get(text);
    const resolved = from.startsWith(".") ? path.resolve(path.dirname(file), from) : fileURLToPath(import.meta.resolve(from));
    return { ref: `${resolved.replace(/\.js$/, "")}.d.ts` };
  }
  return null; // string, number, boolean, literal unions: the schema check covers them
}

function closingBrace(text, open) {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return i;
  }
  throw new Error("unbalanced braces in a type declaration");
}

function splitTopLevel(body) {
  const parts = [];
  let depth = 0;
  let current = "";
  for (const ch of body) {
    if (ch === "{" || ch === "<") depth++;
    if (ch === "}" || ch === ">") depth--;
    if (ch === ";" && depth === 0) {
      parts.push(current.trim());
      current = "";
    } else {
      current += ch;
    }
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

function policyErrors(docs) {
  const errors = [];
  const pdbs = docs.filter((d) => d.kind === "PodDisruptionBudget");
  const managementUrls = docs.find((d) => d.kind === "ConfigMap" && d.metadata?.name === "cancelworkflows")?.data?.Management__Urls;
  for (const d of docs) {
    const name = `${d.kind}/${d.metadata?.name}`;
    if (d.kind === "Service") {
      if (d.spec?.type && d.spec.type !== "ClusterIP") errors.push(`${name}: type ${d.spec.type} (only ClusterIP here; the Ingress is the one way in)`);
      if ((d.spec?.ports ?? []).some((p) => p.port === 7233 || p.targetPort === 7233)) errors.push(`${name}: exposes Temporal's port 7233`);
    }
    const pod = d.kind === "Deployment" || d.kind === "Job" ? d.spec?.template : null;
    if (!pod) continue;
    const spec = pod.spec ?? {};
    if (spec.automountServiceAccountToken !== false) errors.push(`${name}: automountServiceAccountToken must be false`);
    if (spec.securityContext?.runAsNonRoot !== true) errors.push(`${name}: pod securityContext.runAsNonRoot must be true`);
    if (spec.securityContext?.seccompProfile?.type !== "RuntimeDefault") errors.push(`${name}: seccompProfile RuntimeDefault`);
    for (const c of spec.containers ?? []) {
      const where = `${name} container ${c.name}`;
      const sc = c.securityContext ?? {};
      if (sc.allowPrivilegeEscalation !== false) errors.push(`${where}: allowPrivilegeEscalation must be false`);
      if (sc.readOnlyRootFilesystem !== true) errors.push(`${where}: readOnlyRootFilesystem must be true`);
      if (!(sc.capabilities?.drop ?? []).includes("ALL")) errors.push(`${where}: capabilities must drop ALL`);
      for (const kind of ["requests", "limits"]) {
        for (const resource of ["cpu", "memory"]) {
          if (!c.resources?.[kind]?.[resource]) errors.push(`${where}: resources.${kind}.${resource} missing`);
        }
      }
      if (d.kind !== "Deployment") continue;
      if (c.readinessProbe?.httpGet?.path !== "/health") errors.push(`${where}: readinessProbe must GET /health`);
      if (c.livenessProbe?.httpGet?.path !== "/alive") errors.push(`${where}: livenessProbe must GET /alive`);
      const grace = (c.env ?? []).find((e) => e.name === "Service__ShutdownGrace")?.value;
      if (grace !== undefined && !(spec.terminationGracePeriodSeconds > seconds(grace))) {
        errors.push(`${where}: terminationGracePeriodSeconds (${spec.terminationGracePeriodSeconds ?? 30}) must exceed Service__ShutdownGrace (${grace})`);
      }
    }
    if (d.kind === "Deployment" && pod.metadata?.labels?.["app.kubernetes.io/name"] === "cancelworkflows") {
      // Every role is scraped, on the port Management__Urls opens, which a container declares.
      const annotations = pod.metadata?.annotations ?? {};
      const port = Number(annotations["prometheus.io/port"]);
      if (annotations["prometheus.io/scrape"] !== "true" || annotations["prometheus.io/path"] !== "/metrics") {
        errors.push(`${name}: pods must carry prometheus.io/scrape "true" and prometheus.io/path /metrics`);
      }
      if (!(spec.containers ?? []).some((c) => (c.ports ?? []).some((p) => p.containerPort === port))) {
        errors.push(`${name}: prometheus.io/port ${annotations["prometheus.io/port"]} is no container's port`);
      }
      if (!managementUrls || !new RegExp(`:${port}(/|$)`).test(managementUrls)) {
        errors.push(`${name}: prometheus.io/port ${port} is not the port of the ConfigMap's Management__Urls (${managementUrls ?? "unset"})`);
      }
    }
    if (d.kind === "Deployment") {
      const labels = pod.metadata?.labels ?? {};
      const covered = pdbs.some((p) => {
        const match = p.spec?.selector?.matchLabels ?? {};
        return Object.keys(match).length > 0 && Object.entries(match).every(([k, v]) => labels[k] === v);
      });
      if (!covered) errors.push(`${name}: no PodDisruptionBudget selects its pods`);
    }
  }
  return errors;
}

// "hh:mm:ss" or "d.hh:mm:ss" (a .NET TimeSpan as configuration writes it) → seconds.
function seconds(timeSpan) {
  const m = String(timeSpan).match(/^(?:(\d+)\.)?(\d+):(\d+):(\d+)$/);
  return m ? Number(m[1] ?? 0) * 86400 + Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4]) : NaN;
}

// ---- compose ----

function checkCompose(compose, label) {
  const errors = [];
  const services = compose?.services ?? {};
  for (const role of ["api", "ingress", "worker"]) {
    const env = services[role]?.environment ?? {};
    if (env.Service__Roles !== role) errors.push(`service ${role}: Service__Roles must be ${role}`);
    if (env.ASPNETCORE_ENVIRONMENT !== "Production" || env.DOTNET_ENVIRONMENT !== "Production") {
      errors.push(`service ${role}: ASPNETCORE_ENVIRONMENT and DOTNET_ENVIRONMENT must be Production`);
    }
    if (!/:9464(\/|$)/.test(env.Management__Urls ?? "")) errors.push(`service ${role}: Management__Urls must open 9464 (prometheus scrapes it)`);
  }
  for (const [name, service] of Object.entries(services)) {
    const secrets = (service.secrets ?? []).map((s) => (typeof s === "string" ? s : s.source));
    if (secrets.includes("merchant-private-key") && name !== "worker") errors.push(`service ${name}: only the worker may mount the merchant private key`);
    for (const port of service.ports ?? []) {
      // Short syntax "[ip:]published:target[/proto]" or the long one {host_ip, published, target}.
      const parts = typeof port === "string" ? port.split("/")[0].split(":") : null;
      const hostIp = (parts ? (parts.length >= 3 ? parts.slice(0, -2).join(":") : "") : port.host_ip) || "0.0.0.0";
      const published = Number(parts ? parts[parts.length - 2] : port.published);
      if ((published === 7233 || published === 8233 || published === 9090) && hostIp !== "127.0.0.1") {
        errors.push(`service ${name}: port ${published} is published on ${hostIp}; Temporal's and Prometheus' ports go on 127.0.0.1 only`);
      }
      if (Number(parts ? parts[parts.length - 1] : port.target) === 9464) errors.push(`service ${name}: the management port 9464 is not published`);
    }
  }
  if (!(services.worker?.deploy?.replicas >= 2)) errors.push("service worker: deploy.replicas must be at least 2");
  report(label, `compose policy (${Object.keys(services).length} services)`, errors);
}

// ---- OpenTelemetry Collector ----

function checkOtel(config, label) {
  const errors = [];
  for (const [name, pipeline] of Object.entries(config?.service?.pipelines ?? {})) {
    for (const section of ["receivers", "processors", "exporters"]) {
      for (const component of pipeline[section] ?? []) {
        if (!(component in (config[section] ?? {}))) errors.push(`pipeline ${name}: ${section} "${component}" is not defined`);
      }
    }
    if ((pipeline.receivers ?? []).length === 0 || (pipeline.exporters ?? []).length === 0) errors.push(`pipeline ${name}: needs a receiver and an exporter`);
  }
  if (Object.keys(config?.service?.pipelines ?? {}).length === 0) errors.push("no pipeline");
  report(label, "collector pipelines", errors);
}
