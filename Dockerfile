# Essaim server image: the CLI+server bundle (esbuild) and the built web app, on Node 24 LTS.
# Build:  docker build -t essaim .
# Run:    docker run -p 4000:4000 -v essaim-data:/data essaim            (SQLite in /data)
#         docker run -e DATABASE_URL=postgres://… -e REDIS_URL=redis://… essaim
# The same steps run without containers in scripts/two-instance-smoke.mjs (CI).

FROM node:24-bookworm-slim AS build
WORKDIR /app
# Compilers for better-sqlite3 when no prebuilt binary matches.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY packages/core/package.json packages/core/
COPY packages/contracts/package.json packages/contracts/
COPY apps/server/package.json apps/server/
COPY apps/web/package.json apps/web/
COPY apps/cli/package.json apps/cli/
RUN npm ci --no-audit --no-fund
COPY . .
RUN node scripts/build.mjs \
  && npm prune --omit=dev --no-audit --no-fund

FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    PORT=4000 \
    HOST=0.0.0.0 \
    ESSAIM_DATA_DIR=/data \
    ESSAIM_WEB_DIST=/app/apps/web/dist
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/packages ./packages
COPY --from=build --chown=node:node /app/apps/server ./apps/server
COPY --from=build --chown=node:node /app/apps/cli ./apps/cli
COPY --from=build --chown=node:node /app/apps/web/dist ./apps/web/dist
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["node", "apps/cli/dist/essaim.js"]
CMD ["start"]
