# syntax=docker/dockerfile:1
# HR Gateway production image: Node.js 24 LTS on Debian bookworm (slim at run time), non-root, data in /data.
# It holds the compiled product (dist/, from src/ only), its migrations, static files and production dependencies:
# no test kit, no TypeScript sources, no dev dependencies (test/unit/image-contents.test.ts).

# ---- build: compile TypeScript and the native SQLite binding, then keep only what runs ----
FROM node:24-bookworm AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
# Pruned to production dependencies, then without what is never loaded at run time: type declarations, source maps,
# docs, and better-sqlite3's C sources and intermediate build files (its compiled binding stays).
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund \
 && find dist node_modules -type f \( -name '*.map' -o -name '*.d.ts' -o -name '*.d.cts' -o -name '*.d.mts' \
      -o -name '*.md' -o -name '*.markdown' \) -delete \
 && rm -rf node_modules/better-sqlite3/deps node_modules/better-sqlite3/src \
 && find node_modules/better-sqlite3/build -mindepth 1 -maxdepth 2 ! -name Release ! -name better_sqlite3.node \
      -exec rm -rf {} + \
 && rm -rf node_modules/.package-lock.json node_modules/@types

# ---- run ----
FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    HRGW_LISTEN=0.0.0.0:8080 \
    HRGW_STORAGE_PATH=/data/hr-gateway.db
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
# The launcher starts dist/main.js with the node flags and allocator settings of src/runtime/tuning.ts, replacing
# itself (the gateway keeps PID 1). `node dist/runtime/launch.js cli <command>` runs the command line the same way.
CMD ["node", "dist/runtime/launch.js"]
