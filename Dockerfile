# One image for every Bloomzy service; docker-compose.yml picks the entry point per service.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
COPY subgraphs/shared/package.json subgraphs/shared/
COPY subgraphs/auth/package.json subgraphs/auth/
COPY subgraphs/plants/package.json subgraphs/plants/
COPY subgraphs/notifications/package.json subgraphs/notifications/
COPY router/package.json router/
COPY scripts/prisma-generate.mjs scripts/
COPY prisma prisma
# Dev dependencies are needed: services run from TypeScript sources through tsx.
RUN npm ci --include=dev --no-audit --no-fund
COPY . .
EXPOSE 4000 4001 4002 4003
CMD ["npx", "tsx", "router/src/main.ts"]
