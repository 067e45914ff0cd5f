# syntax=docker/dockerfile:1
# One image for every Bloomzy service; docker-compose.yml picks the entry point per service. The final stage holds
# built JavaScript and production dependencies only, runs as the unprivileged `node` user under tini, and never
# compiles anything. The workspace packages are found by globs, so adding a subgraph needs no change here.
ARG NODE_IMAGE=node:20-bookworm-slim

# The package manifests alone, so the dependency layers below are rebuilt only when a package.json or the lockfile
# changes (BuildKit compares what COPY --from copies, not the stage that produced it).
FROM ${NODE_IMAGE} AS manifests
WORKDIR /app
COPY . .
RUN find . -type f ! -name package.json ! -name package-lock.json -delete && find . -type d -empty -delete

# Every dependency, dev included: the TypeScript compiler, turbo, Prisma's generator and graphql-codegen. Install
# scripts are skipped: the root postinstall (code generation) needs the sources, and runs in `build`.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY --from=manifests /app ./
RUN --mount=type=cache,target=/root/.npm npm ci --ignore-scripts --no-audit --no-fund

# Generated Prisma clients and resolver types, then every package compiled to <package>/dist (npm run build), gathered
# with what the services read at run time: the manifests, supergraph.yaml, the SDL and supergraph (schema/), and the
# Prisma schemas and migrations (prisma/), which services and `db:migrate` apply.
FROM deps AS build
ENV TURBO_TELEMETRY_DISABLED=1
COPY . .
RUN npm run build \
  && mkdir /out \
  && cp -r --parents package.json supergraph.yaml schema prisma dist \
    router/package.json router/dist subgraphs/*/package.json subgraphs/*/dist /out/

# Production dependencies only. `--ignore-scripts`: the root postinstall would run tsx, which is a dev dependency.
FROM ${NODE_IMAGE} AS production-deps
WORKDIR /app
COPY --from=manifests /app ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --ignore-scripts --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
# tini is PID 1: it forwards SIGTERM to node (whose shutdown drains requests and closes connections) and reaps zombies.
RUN apt-get update \
  && apt-get install -y --no-install-recommends tini \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# Owned by root, run as node: the service cannot rewrite its own code or dependencies.
COPY --from=production-deps /app ./
COPY --from=build /out ./
ENV NODE_ENV=production
USER node
EXPOSE 4000 4001 4002 4003
ENTRYPOINT ["/usr/bin/tini", "--"]
# `--conditions=production` makes `@bloomzy/*` imports resolve to each package's dist/ (package.json "exports");
# without it they resolve to the TypeScript sources, which this image does not contain.
CMD ["node", "--conditions=production", "--no-memory-reducer", "router/dist/main.js", "--supergraph", "schema/supergraph.graphql"]
