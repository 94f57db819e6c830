# syntax=docker/dockerfile:1
# HR Gateway production image: Node.js 24 LTS on Debian bookworm (slim at run time), non-root, data in /data.

# ---- build: compile TypeScript and the native SQLite binding, then drop dev dependencies ----
FROM node:24-bookworm AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# ---- run ----
FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    HRGW_LISTEN=0.0.0.0:8080 \
    HRGW_STORAGE_PATH=/data/hr-gateway.db
# glibc serves allocations of 128 KB and more with mmap, and gives them back to the system when freed, but only until
# the first such block is freed: then it raises that bound to the block's size (up to 32 MB), and later pages (~140 KB
# each) and SOAP replies stay in a heap that fragments. Setting the bound keeps it fixed: the gateway under Okta's load
# held 108 MB instead of 177, 157-169 MB instead of 268 after a sync, at the same CPU per page (BENCHMARKS.md, round
# 6). `npm start` sets it too; the benchmarks read it from here.
ENV MALLOC_MMAP_THRESHOLD_=131072
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY migrations ./migrations
COPY static ./static
RUN mkdir -p /data /etc/hr-gateway && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 8080
# /healthz answers as soon as the process serves HTTP. PORT (if set) replaces the port of HRGW_LISTEN.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||(process.env.HRGW_LISTEN||'').split(':').pop()||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# No config file is required: without one the gateway starts on defaults (no connectors, first-run console page).
# compose.yaml mounts config.toml at /etc/hr-gateway/config.toml and points HRGW_CONFIG at it.
STOPSIGNAL SIGTERM
# Semi-spaces of at most 4 MB (V8's default is 16): V8 starts a full collection once the old generation has less room
# left than a young generation's worth, and the serving heap is ~15 MB, so with 16 MB semi-spaces it collected every
# ~100 Okta pages, a quarter of the gateway's CPU per page (BENCHMARKS.md, round 5; src/sync/heap-growth.ts is the
# other half). Sync threads get V8's default (src/sync/thread/sync-thread.ts): with 4 MB a sync took ~40 % more CPU.
# One V8 helper thread instead of Node's default four: on 2 cores, four helpers at normal priority collecting a
# sync thread's ~300 MB heap starved the sync thread (nice 10), and a sync under 32 Okta imports took ~60 s instead of
# ~43 s, so more of Okta's pages waited beside it (BENCHMARKS.md, round 8). On more cores, raise it.
# `npm start` uses the same flags; the benchmarks read them from here.
CMD ["node", "--max-semi-space-size=4", "--v8-pool-size=1", "dist/main.js"]
