# workerd configuration for Beratungsraum: one worker (pages, assets, cached public reads) in front of
# several Durable Objects each holding a small database pool, built web assets from disk, and an outbound
# network that may reach PostgreSQL and LiveKit on private addresses. `npm start` runs one process per core
# on one listening socket (see scripts/lib/workerd.ts).
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "main", worker = .mainWorker),
    (name = "assets", disk = (path = "../dist/web", writable = false)),
    (name = "internal-net", network = (allow = ["public", "private", "local"], deny = [])),
  ],
  sockets = [ (name = "http", address = "127.0.0.1:8787", http = (), service = "main") ],
);

const mainWorker :Workerd.Worker = (
  modules = [ (name = "worker.js", esModule = embed "../dist/worker/worker.js") ],
  compatibilityDate = "2026-03-01",
  compatibilityFlags = ["nodejs_compat"],
  globalOutbound = "internal-net",
  durableObjectNamespaces = [ (className = "AppHost", uniqueKey = "beratungsraum-app-host") ],
  durableObjectStorage = (inMemory = void),
  bindings = [
    (name = "APP_HOST", durableObjectNamespace = "AppHost"),
    (name = "ASSETS", service = "assets"),
    (name = "PORT", fromEnvironment = "PORT"),
    (name = "PUBLIC_BASE_URL", fromEnvironment = "PUBLIC_BASE_URL"),
    (name = "DATABASE_URL", fromEnvironment = "DATABASE_URL"),
    (name = "DATABASE_LISTEN_URL", fromEnvironment = "DATABASE_LISTEN_URL"),
    (name = "DB_POOL_MAX", fromEnvironment = "DB_POOL_MAX"),
    (name = "WORKERD_OBJECTS", fromEnvironment = "WORKERD_OBJECTS"),
    (name = "LIVEKIT_URL", fromEnvironment = "LIVEKIT_URL"),
    (name = "LIVEKIT_PUBLIC_URL", fromEnvironment = "LIVEKIT_PUBLIC_URL"),
    (name = "LIVEKIT_API_KEY", fromEnvironment = "LIVEKIT_API_KEY"),
    (name = "LIVEKIT_API_SECRET", fromEnvironment = "LIVEKIT_API_SECRET"),
    (name = "LIVEKIT_WEBHOOK_API_KEY", fromEnvironment = "LIVEKIT_WEBHOOK_API_KEY"),
    (name = "SMS_GATEWAY_URL", fromEnvironment = "SMS_GATEWAY_URL"),
    (name = "SMS_GATEWAY_TOKEN", fromEnvironment = "SMS_GATEWAY_TOKEN"),
    (name = "SMS_MAX_ATTEMPTS", fromEnvironment = "SMS_MAX_ATTEMPTS"),
    (name = "REMINDER_OFFSETS_MINUTES", fromEnvironment = "REMINDER_OFFSETS_MINUTES"),
    (name = "DEMO_PASSWORD", fromEnvironment = "DEMO_PASSWORD"),
    (name = "RATE_LIMITS", fromEnvironment = "RATE_LIMITS"),
    (name = "TIME_ZONE", fromEnvironment = "TIME_ZONE"),
    (name = "JOIN_OPENS_MINUTES_BEFORE", fromEnvironment = "JOIN_OPENS_MINUTES_BEFORE"),
    (name = "JOIN_CLOSES_MINUTES_AFTER", fromEnvironment = "JOIN_CLOSES_MINUTES_AFTER"),
    (name = "RETENTION_DAYS", fromEnvironment = "RETENTION_DAYS"),
    (name = "CASE_FILE_URL_TEMPLATE", fromEnvironment = "CASE_FILE_URL_TEMPLATE"),
    (name = "INTERNAL_TOKEN", fromEnvironment = "INTERNAL_TOKEN"),
    (name = "LOG_LEVEL", fromEnvironment = "LOG_LEVEL"),
  ],
);
