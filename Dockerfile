# syntax=docker/dockerfile:1
# factdesk: build with the dev tools, run with production dependencies only, as a non-root user.
#   docker build -t factdesk .
#   docker run -d --name factdesk --env-file .env -v factdesk-data:/data --restart unless-stopped factdesk

FROM node:20-bookworm-slim AS build
# better-sqlite3 compiles from source when no prebuilt binary matches: python3, make and g++.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/* \
  && npm install -g npm@11
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
COPY commands ./commands
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    DATA_DIR=/data \
    HEALTH_PORT=8080 \
    HEALTH_HOST=0.0.0.0
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The seed report, imported as version 1 on a first start (REPORT_PATH defaults to it).
COPY data/report.txt ./data/report.txt
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.HEALTH_PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node itself is PID 1's child-free main process: docker stop's SIGTERM reaches the bot directly.
CMD ["node", "dist/main.js"]
