# syntax=docker/dockerfile:1
# rotabot: one process serving Slack, Teams, the calendar feed and the scheduler.
# Build:  docker build -t rotabot .      Run: docker run -p 3978:3978 --env-file .env rotabot

# ── build: bundle the TypeScript with the dev toolchain ──────────────────────────────────
FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: the install-time build needs the sources, copied below.
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY scripts ./scripts
COPY src ./src
COPY adapters ./adapters
# The build copies bin/code-cache.js into dist/, which the runtime stage starts from.
COPY bin ./bin
RUN npm run build

# ── runtime: production dependencies, compiled JavaScript and the knowledge base ─────────
FROM node:24-slim AS runtime
# dist/adapters/main.js keeps the server's compiled code between starts in the container's /tmp.
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3978
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts && npm cache clean --force
COPY --from=build /app/dist ./dist
# The sample knowledge base; mount your program's folder over /app/knowledge to replace it.
COPY knowledge ./knowledge
# `rotabot …` (ask, check, announce, remind) on the PATH: docker compose run rotabot rotabot check
RUN printf '#!/bin/sh\nexec node /app/dist/cli/rotabot.cjs "$@"\n' > /usr/local/bin/rotabot \
 && chmod 755 /usr/local/bin/rotabot
# The node image's unprivileged user; nothing in /app is writable by it.
USER node
EXPOSE 3978
# No curl in slim images: node itself asks /healthz.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3978)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM (docker stop) shuts down gracefully within 10 s, under Docker's default grace period.
CMD ["node", "dist/adapters/main.js"]
