# One image for every Bloomzy service; docker-compose.yml picks the entry point per service. The workspace packages
# come with the sources (COPY . ., filtered by .dockerignore), so adding a subgraph needs no change here.
FROM node:20-bookworm-slim
WORKDIR /app
COPY . .
# Dev dependencies are needed: services run from TypeScript sources through tsx, and install generates the Prisma
# clients and resolver types.
RUN npm ci --include=dev --no-audit --no-fund
ENV NODE_ENV=production
EXPOSE 4000 4001 4002 4003
CMD ["npx", "tsx", "router/src/main.ts"]
